"""Building the site into a folder: its files made from the plan and what the
last build left there, then put in place at once (SPEC §7)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from aarshjul.agenda.assembly import Agendas
from aarshjul.ical.manifest import previous_records, read_manifest
from aarshjul.ical.stamps import Record
from aarshjul.model import Plan
from aarshjul.reproducible import build_time
from aarshjul.site.pages import site_files
from aarshjul.site.staging import Built, put_site, site_lock

__all__ = ["build_site"]


def feed_records(folder: str | os.PathLike[str]) -> dict[str, Record]:
    """The records of the feed events an earlier build left in the site, from
    which this build stamps its own."""
    feeds = Path(folder) / "feeds"
    return previous_records(feeds, read_manifest(feeds))


def build_site(plan: Plan, agendas: Agendas, folder: str | os.PathLike[str], *,
               base_url: str | None = None, now: dt.datetime | None = None) -> Built:
    """Build the site into ``folder``: :func:`~aarshjul.site.pages.site_files`
    made with the records of the feeds already there, put in place by
    :func:`~aarshjul.site.staging.write_site`, one build at a time (another
    build of the folder running is ``site-busy``). ``now`` defaults to
    ``SOURCE_DATE_EPOCH`` or the clock (:func:`~aarshjul.reproducible.build_time`)."""
    # Locked from the reading of the last build's feeds: a build that ran
    # meanwhile would have written other stamps.
    with site_lock(folder):
        files = site_files(plan, agendas, now=now or build_time(), base_url=base_url,
                           previous=feed_records(folder))
        return put_site(files, folder)
