"""Sites built in tests: the example plan's, or a small plan's, by the library."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from aarshjul import load_plan
from aarshjul.site.build import feed_records
from aarshjul.site.pages import site_files
from aarshjul.site.staging import Built, write_site

from .plans import EXAMPLE, agendas_of, make_plan

NOW = dt.datetime(2025, 3, 14, 9, 0, tzinfo=dt.UTC)
BASE = "https://intra.aarhus.example/aarshjul"


def build(folder: Path, plan_text: str | None = None, *, now: dt.datetime = NOW,
          base_url: str | None = BASE) -> Built:
    """The example plan's site (or that of the standard header and
    ``plan_text``) built into ``folder``, as ``aarshjul build`` does."""
    plan = load_plan(EXAMPLE) if plan_text is None else make_plan(plan_text)
    files = site_files(plan, agendas_of(plan), now=now, base_url=base_url,
                       previous=feed_records(folder))
    return write_site(files, folder)


def files_in(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}
