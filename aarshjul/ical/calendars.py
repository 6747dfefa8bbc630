"""The feeds as icalendar objects, for scripts that combine them with other
calendars (SPEC §15). No command needs this: it is the library's."""

from __future__ import annotations

import datetime as dt

import icalendar

from aarshjul.agenda.assembly import Agendas
from aarshjul.ical.feeds import build_feeds
from aarshjul.ical.manifest import ALL
from aarshjul.ical.stamps import Stamper
from aarshjul.model import Plan
from aarshjul.reproducible import build_time

__all__ = ["feed_calendar"]


def feed_calendar(plan: Plan, agendas: Agendas, name: str = ALL, *,
                  now: dt.datetime | None = None, base_url: str | None = None
                  ) -> icalendar.Calendar:
    """One feed (``all.ics``, ``deadlines.ics`` or ``<body>.ics``) as an
    :class:`icalendar.Calendar`, for a script that combines it with other
    calendars. Every event is stamped ``now`` (default: the build's time)."""
    feeds = build_feeds(plan, agendas, stamper=Stamper(now or build_time()),
                        base_url=base_url)
    if name not in feeds:
        raise KeyError(f"no feed {name!r} (the plan has {', '.join(feeds)})")
    return icalendar.Calendar.from_ical(feeds[name])
