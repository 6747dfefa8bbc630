"""Plans for the feed tests: the feeds of a small plan, and meetings around
every change of clock of a time zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from aarshjul.ical.feeds import build_feeds
from aarshjul.ical.stamps import Stamper

from .plans import agendas_of, make_plan

NOW = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)

# Three meetings of one body (with the standard header of plans.py).
PLAN = '''
[[series]]
body = "sbu"
dates = [2025-01-15, 2025-01-29, 2025-02-12]
start = "18:15"
end = "19:45"
'''


def feeds_of(plan_text: str, header: str | None = None, now: dt.datetime = NOW
             ) -> dict[str, str]:
    plan = make_plan(plan_text) if header is None else make_plan(plan_text, header=header)
    return build_feeds(plan, agendas_of(plan), stamper=Stamper(now))


def changes_of_clock(zone: str, first: int, last: int) -> list[dt.date]:
    """The days the zone's clocks change, in whole years."""
    tz = zoneinfo.ZoneInfo(zone)
    days, day = [], dt.date(first, 1, 1)
    while day.year <= last:
        before = dt.datetime.combine(day, dt.time(), tzinfo=tz).utcoffset()
        after = dt.datetime.combine(day, dt.time(23, 59), tzinfo=tz).utcoffset()
        if before != after:
            days.append(day)
        day += dt.timedelta(days=1)
    return days


def dst_plan(zone: str, first: int, last: int) -> str:
    """Meetings the evening before, the night of and the day after each change
    of clock in the years given. The night meeting ends before any clock
    changes (00:00-00:50), so no wall-clock time in the plan is missing or
    there twice."""
    days = changes_of_clock(zone, first, last) or [dt.date(first, 3, 30)]
    dates = ", ".join(d.isoformat() for d in days)
    before = ", ".join((d - dt.timedelta(days=1)).isoformat() for d in days)
    after = ", ".join((d + dt.timedelta(days=1)).isoformat() for d in days)
    return f'''[plan]
title = "Sommertid"
id = "dst"
start = {first - 1}-12-01
end = {last + 1}-01-31
timezone = "{zone}"
holidays = ""

[[body]]
id = "u"
name = "Udvalg"

[[series]]
id = "aften"
body = "u"
dates = [{before}]
start = "23:00"
minutes = 50

[[series]]
id = "nat"
body = "u"
dates = [{dates}]
start = "00:00"
minutes = 50

[[series]]
id = "dag"
body = "u"
dates = [{after}]
start = "12:00"
minutes = 60
'''
