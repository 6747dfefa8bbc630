"""The calendar parsers that read our feeds, as clients would: each returns
the events as (uid, start instant, end instant, summary, status), so that
their answers can be compared.

Instants are UTC datetimes; all-day events give dates.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import icalendar
import ics
import recurring_ical_events
import vobject
from ical.calendar_stream import IcsCalendarStream

# ics.py parses each line with tatsu, which calls colorama.init() on every
# parse; each call wraps sys.stdout and sys.stderr once more. After a few
# hundred lines the wrappers' nesting passes the recursion limit, a feed of
# 50 events crashes the interpreter ("lost sys.stderr"), and every write walks
# the whole nest (70 events took 30 s). The colours are of no use here.
try:
    import colorama
except ImportError:  # tatsu then colours nothing, and wraps nothing
    pass
else:
    colorama.init = lambda *args, **kwargs: None

Event = tuple[str, object, object, str, str]


def _instant(value: Any) -> object:
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None, f"a floating time: {value}"
        return value.astimezone(dt.UTC)
    return value


def with_icalendar(text: str) -> set[Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {(str(e["UID"]), _instant(e.decoded("DTSTART")), _instant(e.decoded("DTEND")),
             str(e["SUMMARY"]), str(e.get("STATUS", "")).upper())
            for e in calendar.walk("VEVENT")}


def with_recurring_ical_events(text: str) -> set[Event]:
    calendar = icalendar.Calendar.from_ical(text)
    events = recurring_ical_events.of(calendar).between((1900, 1, 1), (2200, 1, 1))
    return {(str(e["UID"]), _instant(e["DTSTART"].dt), _instant(e["DTEND"].dt),
             str(e["SUMMARY"]), str(e.get("STATUS", "")).upper()) for e in events}


def with_ical(text: str) -> set[Event]:
    calendar = IcsCalendarStream.calendar_from_ics(text)
    return {(e.uid or "", _instant(e.dtstart), _instant(e.dtend), e.summary or "",
             e.status.value if e.status else "") for e in calendar.events}


def with_vobject(text: str) -> set[Event]:
    calendar = vobject.readOne(text)
    events = getattr(calendar, "vevent_list", [])
    return {(e.uid.value, _instant(e.dtstart.value), _instant(e.dtend.value), e.summary.value,
             e.status.value.upper() if hasattr(e, "status") else "") for e in events}


def with_ics(text: str) -> set[Event]:
    calendar = ics.Calendar(text)
    return {(e.uid, _instant(e.begin.datetime) if not e.all_day else e.begin.date(),
             _instant(e.end.datetime) if not e.all_day else e.end.date(), e.name,
             (e.status or "").upper()) for e in calendar.events}


PARSERS: dict[str, Callable[[str], set[Event]]] = {
    "icalendar": with_icalendar,
    "recurring-ical-events": with_recurring_ical_events,
    "ical": with_ical,
    "vobject": with_vobject,
    "ics": with_ics,
}
