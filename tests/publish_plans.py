"""The plan the publishing tests put into a calendar, and an event of someone
else's to put beside its events."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from .plans import plan_text

NOW = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)

# Five meetings of two bodies, one of them cancelled.
PLAN = """
[[series]]
id = "udvalg"
body = "sbu"
dates = [2025-01-15, 2025-02-12, 2025-03-12]
start = "18:15"
end = "19:45"

[[series]]
id = "raadmand"
body = "rm"
dates = [2025-01-14, 2025-01-21]
start = "10:00"
end = "11:00"

[[meeting]]
body = "sbu"
date = 2025-03-12
status = "cancelled"
"""

# The series of the body "rm", and the body itself in the header of plans.py.
RM_SERIES = ('[[series]]\nid = "raadmand"\nbody = "rm"\ndates = [2025-01-14, 2025-01-21]\n'
             'start = "10:00"\nend = "11:00"\n')
RM_BODY = '[[body]]\nid = "rm"\nname = "Rådmandsmøde"\nlocation = "Rådhuset, lokale 398"\n'

# An event some other program put into the calendar; ``extra`` lines end in \r\n.
FOREIGN = """\
BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Someone//Else//DA\r
BEGIN:VEVENT\r
UID:{uid}\r
DTSTAMP:20250101T000000Z\r
DTSTART:20250115T080000Z\r
DTEND:20250115T090000Z\r
SUMMARY:{summary}\r
{extra}END:VEVENT\r
END:VCALENDAR\r
"""


def without_rm() -> str:
    """The plan with the body "rm" and its meetings taken out."""
    assert RM_BODY in plan_text("")
    assert RM_SERIES in PLAN
    return plan_text(PLAN.replace(RM_SERIES, "")).replace(RM_BODY, "")


def write_plan(folder: Path, extra: str = "", name: str = "plan.toml") -> Path:
    """The plan (with ``extra`` tables) as a file in ``folder``."""
    path = folder / name
    path.write_text(plan_text(PLAN + extra), encoding="utf-8")
    return path
