"""Plan fragments for the scheduling tests, and what scheduling makes of them."""

from __future__ import annotations

import datetime as dt

from aarshjul import list_meetings
from aarshjul.model import Meeting

from .plans import agendas_of, make_plan

D = dt.date

WEDNESDAYS = '''
[[series]]
body = "sbu"
every = "hver anden onsdag"
from = 2025-01-15
to = 2025-03-31
start = "18:15"
end = "19:45"
'''

FRIDAYS = '''
[[series]]
body = "sbu"
every = "hver fredag"
from = 2025-04-01
to = 2025-04-30
start = "09:00"
end = "10:00"
on_holiday = "{}"
'''

CHANGES = WEDNESDAYS + '''
[[meeting]]
body = "sbu"
date = 2025-01-29
{}
'''


def dates(body: str, **kwargs: object) -> list[dt.date]:
    plan = make_plan(body)
    return [m.date for m in list_meetings(plan, **kwargs)]  # type: ignore[arg-type]


def meetings_of(body: str) -> list[Meeting]:
    return list(list_meetings(make_plan(body)))


def findings(body: str) -> list[tuple[str, str]]:
    """(severity, code) of what scheduling the plan and its agendas finds."""
    return [(p.severity.value, p.code) for p in agendas_of(make_plan(body)).problems]


def change(text: str) -> tuple[list[Meeting], list[Meeting]]:
    """The meetings without and with a change to the meeting of 29 January."""
    return meetings_of(WEDNESDAYS), meetings_of(CHANGES.format(text))
