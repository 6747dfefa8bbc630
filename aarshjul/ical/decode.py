"""The one reader of iCalendar text: icalendar, into :class:`Event` values.

Every iCal text aarshjul reads goes through here: the events a CalDAV
calendar holds (publishing compares them with the plan's), the feeds of an
earlier build that left no manifest (their stamps), and imports. icalendar
parses; this module only says which of its properties make an event.

An event that aarshjul could not have written (a floating or UTC time, a
DURATION instead of DTEND, a recurrence: RRULE, RDATE, EXDATE or
RECURRENCE-ID) is still read: it is a :class:`Decoded` without an
``event``, known by its UID and source, which is all a publish needs to
write the plan's event over it or leave it alone. An event without a UID
is left out: nothing could match it to a meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import attrs
import icalendar

from aarshjul.errors import SourceError
from aarshjul.ical.encode import SOURCE
from aarshjul.ical.event import Event, EventStatus, Stamp
from aarshjul.messages import Message, _, verbatim

__all__ = ["Decoded", "decode"]

_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@attrs.frozen
class Decoded:
    """A VEVENT as read: its UID and source, its stamp, and the event
    (None where it is not one aarshjul could have written)."""

    uid: str
    source: str | None
    stamp: Stamp
    event: Event | None


# What icalendar raises for text it cannot read, found by feeding it broken
# and hostile text (tests/test_ical_decode.py): a parameter given twice
# (``VALUE=URI,TEXT``) or a TZID on the calendar itself is an AttributeError
# deep inside it, a bad line a ValueError, and so on.
_UNREADABLE = (ValueError, KeyError, IndexError, TypeError, AttributeError)


def decode(text: str | bytes, *, source: str | None = None) -> list[Decoded]:
    """The VEVENTs of an iCalendar text, in order. Raises
    :class:`~aarshjul.errors.SourceError`, located at ``source`` (the file or
    address the text came from), for text that icalendar cannot read."""
    try:
        calendars = icalendar.Calendar.from_ical(text, multiple=True)
        return [found for calendar in calendars for found in _events(calendar)]
    except _UNREADABLE as error:
        raise SourceError.single("not-icalendar", _why(error), file=source) from None


def _why(error: Exception) -> Message:
    """That the text cannot be read, with icalendar's own words where it has
    them (its ValueErrors say which line), cut short: they quote the line,
    which may be long."""
    if type(error) is not ValueError or not str(error).strip():
        return _("is not iCalendar text that can be read (icalendar fails on it)")
    said = " ".join(str(error).split())
    return _("is not iCalendar text that can be read ({reason})",
             reason=verbatim(said if len(said) <= 200 else said[:200] + "…"))


def _events(calendar: icalendar.Component) -> Iterator[Decoded]:
    for component in calendar.walk("VEVENT"):
        uid = _text(component, "UID")
        if not uid:  # nothing could match it to a meeting, or publish it
            continue
        source = _text(component, SOURCE) or None
        yield Decoded(uid, source, _stamp(component), _event(component, uid, source))


# Properties an event has once. icalendar gives one that is there twice as a
# list of its values: such an event is none aarshjul could have written.
_ONCE = ("UID", "DTSTART", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION", "STATUS", "TRANSP",
         "RELATED-TO", "COLOR", "URL", SOURCE)


def _text(component: icalendar.Component, name: str) -> str:
    """A property's text; none ("") where it is missing or there twice."""
    value = component.get(name)
    return "" if value is None or isinstance(value, list) else str(value)


def _stamp(component: icalendar.Component) -> Stamp:
    # icalendar's property classes differ in what they hold: read as Any,
    # and let a property of the wrong kind fall to the except.
    stamp: Any = component.get("DTSTAMP")
    try:
        at = stamp.dt
    except (KeyError, ValueError, AttributeError):  # none, or a broken one
        at = None
    if not isinstance(at, dt.datetime) or at.utcoffset() is None:
        at = _EPOCH  # no stamp, or a floating one: older than any of ours
    try:
        sequence = int(component.get("SEQUENCE", 0))
    except (TypeError, ValueError):
        sequence = 0
    return Stamp(at.astimezone(dt.UTC), max(sequence, 0))


def _moment(component: icalendar.Component, name: str) -> tuple[Any, str | None] | None:
    """A DTSTART or DTEND as a wall-clock time and its zone, or a day; None
    for a form aarshjul does not write (floating, UTC, missing)."""
    prop: Any = component.get(name)
    try:
        value = prop.dt
    except (ValueError, AttributeError):  # none, or a broken one
        return None
    if isinstance(value, dt.datetime):
        zone = prop.params.get("TZID")
        if not zone or value.tzinfo is None:
            return None
        return value.replace(tzinfo=None), str(zone)
    if isinstance(value, dt.date):
        return value, None
    return None


# What makes an event stand for more than one time, or for one time of a
# series (an override). aarshjul writes an event a meeting, none of these: an
# event with one is never one of its own, whatever else it holds.
_RECURRENCE = ("RRULE", "RDATE", "EXDATE", "EXRULE", "RECURRENCE-ID")


def _event(component: icalendar.Component, uid: str, source: str | None) -> Event | None:
    if any(name in component for name in _RECURRENCE):
        return None
    if any(isinstance(component.get(name), list) for name in _ONCE):
        return None
    try:
        return _fields(component, uid, source)
    except _UNREADABLE:  # a property icalendar read as another kind, say
        return None


def _fields(component: icalendar.Component, uid: str, source: str | None) -> Event | None:
    start, end = _moment(component, "DTSTART"), _moment(component, "DTEND")
    if start is None or end is None or start[1] != end[1]:
        return None
    categories: Any = component.get("CATEGORIES")
    listed = categories if isinstance(categories, list) else [categories] if categories else []
    status = _text(component, "STATUS").upper()
    # Event raises ValueError for what it cannot hold (an end before the
    # start, say): the caller's except takes it as not one of ours.
    return Event(
        uid=uid, start=start[0], end=end[0], zone=start[1],
        summary=_text(component, "SUMMARY"), location=_text(component, "LOCATION"),
        description=_text(component, "DESCRIPTION"),
        categories=tuple(str(c) for each in listed for c in each.cats),
        status=EventStatus.CANCELLED if status == "CANCELLED" else EventStatus.CONFIRMED,
        transparent=_text(component, "TRANSP").upper() == "TRANSPARENT",
        related_to=_text(component, "RELATED-TO") or None,
        color=_text(component, "COLOR") or None, url=_text(component, "URL") or None,
        source=source)
