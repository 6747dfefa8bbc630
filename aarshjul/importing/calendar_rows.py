"""``.ics`` exports (Outlook, Exchange, Google, Thunderbird) read as meeting
rows.

icalendar parses (the one iCal reader, SPEC §15) and recurring-ical-events
expands each series: RRULE and RDATE, less its EXDATEs, with its
RECURRENCE-ID overrides in place of the times they move. What icalendar and
it do for us, and what is left to do here:

- A Windows zone name in a TZID (Outlook's ``Romance Standard Time``) is
  read by icalendar as its IANA zone, with or without the VTIMEZONE that
  defines it; a VTIMEZONE, where there is one, is what counts.
- A TZID that neither names a zone nor is defined (Outlook's ``Customized
  Time Zone`` without its block) is read as a floating time: like every
  floating time, it is taken in the plan's zone.
- Google's exports give single events in UTC (``…Z``) and say the
  calendar's zone in ``X-WR-TIMEZONE``; every time is turned into the plan's
  zone here, so a meeting at 19:00 stays at 19:00 across the change to and
  from summer time.
- An instance whose STATUS is CANCELLED (an override, or a whole event) is
  left out: the meeting is not held.
- A series is one body, named by its master's SUMMARY: an occurrence
  renamed ("Byrådsmøde - 1. budgetbehandling") is that body's meeting with
  a title of its own.

Each series is expanded on its own, from its first start to its last
instance; a series without UNTIL or COUNT has no last one, and is expanded
for :data:`OPEN_YEARS` years from its start. A row is located at the
``BEGIN:VEVENT`` line of the component it came from (the master, or the
override that moved it): icalendar keeps no lines, so they are found by
counting those lines in the text, in the order icalendar reads the events.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Iterable
from typing import Any

import icalendar
import recurring_ical_events

from aarshjul.clock import ClockTime
from aarshjul.errors import Problem, Severity, SourceError
from aarshjul.files import read_text
from aarshjul.importing.rows import Row, empty
from aarshjul.messages import Message, _, verbatim

__all__ = ["OPEN_YEARS", "calendar_rows"]

OPEN_YEARS = 3
"""How many years of an open series (no UNTIL, no COUNT) are read: a plan
is for a year or two, and a series that never ends must end somewhere."""

# What icalendar raises for text it cannot read (as aarshjul.ical.decode
# found by feeding it broken text).
_UNREADABLE = (ValueError, KeyError, IndexError, TypeError, AttributeError)

_BEGIN = re.compile(r"^BEGIN:VEVENT\s*$", re.IGNORECASE)


def calendar_rows(name: str, *, zone: zoneinfo.ZoneInfo) -> list[Row]:
    """The meetings of an ``.ics`` file, each instance of a series a row,
    in the file's order; :class:`SourceError` for a file icalendar cannot
    read, that holds no events, or an event without a start."""
    # Outlook and Google write UTF-8; an old export may be Windows-1252.
    text = read_text(name, legacy="cp1252")
    if not text.strip():
        raise empty(name)
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
    except _UNREADABLE as error:
        raise SourceError.single("not-icalendar", _unreadable(error), file=name) from None
    lines = [number for number, line in enumerate(text.split("\n"), start=1)
             if _BEGIN.match(line)]
    read = [(calendar, list(calendar.walk("VEVENT"))) for calendar in calendars]
    count = sum(len(events) for _calendar, events in read)
    if count != len(lines):
        # icalendar reads nothing of a calendar that is cut short (no END),
        # without a word: a file that lost its end must not lose its events.
        raise SourceError.single("not-icalendar", _(
            "is not iCalendar text that can be read whole: it has {begun} BEGIN:VEVENT "
            "lines, but {read} events can be read (is it cut short?)",
            begun=len(lines), read=count), file=name)
    if count == 0:
        raise SourceError.single("no-dates", _(
            "holds no events (expected VEVENTs, as a calendar export holds)"), file=name)
    rows: list[Row] = []
    found = 0
    for calendar, events in read:
        # A VEVENT icalendar read is one a BEGIN line began: the k-th of them.
        located = list(zip(events, lines[found:found + len(events)], strict=True))
        found += len(events)
        _refuse_startless(located, name)
        for series in _series(located):
            rows.extend(_rows(calendar, series, name=name, zone=zone))
    return rows


def _unreadable(error: Exception) -> Message:
    said = " ".join(str(error).split())
    if type(error) is not ValueError or not said:
        return _("is not iCalendar text that can be read (icalendar fails on it)")
    return _("is not iCalendar text that can be read ({reason})",
             reason=verbatim(said if len(said) <= 200 else said[:200] + "…"))


def _refuse_startless(located: list[tuple[Any, int]], name: str) -> None:
    """Every event without a start (or one icalendar cannot read), at once."""
    problems = [Problem(Severity.ERROR, "no-start", _(
        "the event has no DTSTART that can be read, so no day: every event needs one"),
        file=name, line=line) for event, line in located if _start(event) is None]
    if problems:
        raise SourceError(problems)


def _start(event: Any) -> dt.date | None:
    try:
        value = event["DTSTART"].dt
    except _UNREADABLE:
        return None
    return value if isinstance(value, dt.date) else None


def _series(located: list[tuple[Any, int]]) -> list[list[tuple[Any, int]]]:
    """The events grouped by UID (a master and its overrides), in the order
    of each group's first; an event without a UID is a group of its own."""
    groups: dict[str, list[tuple[Any, int]]] = {}
    for number, (event, line) in enumerate(located):
        uid = str(event.get("UID") or f"\0{number}")
        groups.setdefault(uid, []).append((event, line))
    return list(groups.values())


def _rows(calendar: Any, series: list[tuple[Any, int]], *, name: str,
          zone: zoneinfo.ZoneInfo) -> Iterable[Row]:
    # Each series in a calendar of its own with the file's zones and
    # X-WR-TIMEZONE: its own window, and every instance known by its source.
    alone = icalendar.Calendar()
    for key, value in calendar.property_items(recursive=False):
        if key not in {"BEGIN", "END"}:
            alone.add(key, value)
    for timezone in calendar.walk("VTIMEZONE"):
        alone.add_component(timezone)
    for event, _line in series:
        alone.add_component(event)
    query = recurring_ical_events.of(alone)
    first = min(_day(_start(event)) for event, _line in series)
    if _open(series):
        instances = query.between(first, _years_after(first, OPEN_YEARS))
    else:
        instances = query.all()
    masters = [line for event, line in series if "RECURRENCE-ID" not in event]
    overrides = {_moment(event["RECURRENCE-ID"].dt): line
                 for event, line in series if "RECURRENCE-ID" in event}
    ends = {line: "DTEND" in event or "DURATION" in event for event, line in series}
    # One series is one body: an occurrence renamed ("Byrådsmøde - 1.
    # budgetbehandling") is the series' meeting with another title.
    named = [str(event.get("SUMMARY", "")).strip() for event, _line in series
             if "RECURRENCE-ID" not in event]
    body = next((title for title in named if title), None)
    for instance in instances:
        if str(instance.get("STATUS", "")).upper() == "CANCELLED":
            continue
        moved = instance.get("RECURRENCE-ID")
        line = overrides.get(_moment(moved.dt)) if moved is not None else None
        if line is None:
            line = masters[0] if masters else series[0][1]
        yield _row(instance, name=name, line=line, zone=zone, has_end=ends[line], body=body)


def _open(series: list[tuple[Any, int]]) -> bool:
    """Whether a series repeats without end (an RRULE with no UNTIL or COUNT)."""
    for event, _line in series:
        rules = event.get("RRULE")
        for rule in rules if isinstance(rules, list) else [rules] if rules else []:
            if "UNTIL" not in rule and "COUNT" not in rule:
                return True
    return False


def _day(value: dt.date | None) -> dt.date:
    assert value is not None  # _refuse_startless has refused every event without
    return value.date() if isinstance(value, dt.datetime) else value


def _years_after(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # the 29th of February, in a year without one
        return day.replace(year=day.year + years, day=28)


def _moment(value: dt.date) -> dt.date | dt.datetime:
    """A RECURRENCE-ID as one value however it was written: an override may
    name the instance in UTC, its master in the master's zone."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC)
    return value


def _row(instance: Any, *, name: str, line: int, zone: zoneinfo.ZoneInfo,
         has_end: bool, body: str | None) -> Row:
    """A row of an instance: its body is its series' title (``body``), or
    its own where the series has none."""
    start, end = instance["DTSTART"].dt, instance["DTEND"].dt
    title = str(instance.get("SUMMARY", "")).strip()
    body = body or title
    location = str(instance.get("LOCATION", "")).strip()
    if not isinstance(start, dt.datetime):  # an all-day event: DTEND is the day after it
        last = max(end, start + dt.timedelta(days=1)) - dt.timedelta(days=1)
        return Row(name, line, start, None, None, title, body, location,
                   last if last > start else None, all_day=True)
    start, end = _local(start, zone), _local(end, zone)
    last_day = end.date() if end.date() > start.date() else None
    return Row(name, line, start.date(), ClockTime.of(start.time()),
               ClockTime.of(end.time()) if has_end else None, title, body, location,
               last_day)


def _local(moment: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """A time in the plan's zone; a floating one is taken as the plan's."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=zone)
    return moment.astimezone(zone)
