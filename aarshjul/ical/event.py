"""An event as a value: what a feed, a CalDAV calendar and an import share (SPEC §15).

A meeting, an agenda deadline or a case's step (its deadline) becomes an
:class:`Event`; :mod:`aarshjul.ical.encode` writes it and
:mod:`aarshjul.ical.decode` (icalendar) reads it back. An event's texts are
kept as a feed can hold them (:func:`feed_text`), so that reading back what
was written gives exactly the event that was written, whatever a plan said.
The values it writes as they are, not as escaped text (the zone, colour,
link and source), must each be of their kind, or the event is refused with
a ValueError: nothing a script gives an event can break a feed's lines.

When the event's information last changed (DTSTAMP, LAST-MODIFIED) and how
often its time, place or status did (SEQUENCE) are not the event's: they
are its :class:`Stamp`, decided from what was published before.
"""

from __future__ import annotations

import datetime as dt
import enum
import re

import attrs

from aarshjul.ical.colors import is_css_name

__all__ = ["Event", "EventStatus", "Stamp"]

# C0 controls but tab and line feed, DEL and C1: RFC 5545 forbids the first
# two in a value and parsers trip over the third.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def feed_text(value: str) -> str:
    """Text as a feed holds it: line breaks as line feeds, no control
    characters, and no space at either end (parsers disagree on whether a
    line's trailing space belongs to its value).

    >>> feed_text("  Byrådsmøde\\r\\nkl. 17\\x07 ")
    'Byrådsmøde\\nkl. 17'
    """
    if value.isprintable() and value == value.strip():  # most texts: as they are
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value).strip()


def _categories(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    # A blank category names nothing a calendar could show: an event with
    # one is the event without it (a client's "CATEGORIES:udvalg," is read
    # as udvalg alone), and a change of a blank category alone is no change.
    return tuple(text for value in values if (text := feed_text(value)))


def _optional(value: str | None) -> str | None:
    return (feed_text(value) or None) if value is not None else None


def _none_if_empty(value: str | None) -> str | None:
    return value or None


# The values an event writes as they are, not as escaped text: each must be
# of its kind, or it could end its line and start a property of its own.
_ZONE = re.compile(r"[A-Za-z0-9_+-]+(?:/[A-Za-z0-9_+-]+)*")  # an IANA name
_URI = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:[^\s\\]+")  # icalendar reads \n in a URI as a break
_SOURCE = re.compile(r"[a-z0-9][a-z0-9-]*/[a-z0-9][a-z0-9-]*")  # plan id / body id


def _check_zone(_: object, __: object, zone: str | None) -> None:
    if zone is not None and not _ZONE.fullmatch(zone):
        raise ValueError(f"zone must be an IANA time zone name like Europe/Copenhagen "
                         f"(got {zone!r})")


def _check_color(_: object, __: object, color: str | None) -> None:
    if color is not None and not is_css_name(color):
        raise ValueError(f"color must be a CSS3 colour name like teal (got {color!r})")


def _check_url(_: object, __: object, url: str | None) -> None:
    if url is not None and not (_URI.fullmatch(url) and url.isprintable()):
        raise ValueError("url must be an absolute address like https://example.dk/x, with "
                         f"no space, control character or backslash (got {url!r})")


def _check_source(_: object, __: object, source: str | None) -> None:
    if source is not None and not _SOURCE.fullmatch(source):
        raise ValueError(f"source must be a plan id and a body id, like aarhus-2025/sbu "
                         f"(got {source!r})")


class EventStatus(enum.Enum):
    CONFIRMED = "CONFIRMED"
    CANCELLED = "CANCELLED"


Moment = dt.datetime | dt.date
"""A wall-clock time in the event's zone (naive), or a day (all-day)."""


@attrs.frozen(kw_only=True)
class Event:
    """One VEVENT. ``start`` and ``end`` are wall-clock times in ``zone`` (an
    IANA name) or, with no zone, days: an all-day event ends on the day after
    its last (RFC 5545's DTEND)."""

    uid: str = attrs.field(converter=feed_text)
    start: Moment = attrs.field()
    end: Moment
    zone: str | None = attrs.field(default=None, validator=_check_zone)
    summary: str = attrs.field(converter=feed_text)
    location: str = attrs.field(default="", converter=feed_text)
    description: str = attrs.field(default="", converter=feed_text)
    categories: tuple[str, ...] = attrs.field(default=(), converter=_categories)
    status: EventStatus = EventStatus.CONFIRMED
    transparent: bool = False
    related_to: str | None = attrs.field(default=None, converter=_optional)
    color: str | None = attrs.field(default=None, converter=_none_if_empty,
                                    validator=_check_color)
    """A CSS3 colour name, as RFC 7986 wants it."""
    url: str | None = attrs.field(default=None, converter=_none_if_empty,
                                  validator=_check_url)
    source: str | None = attrs.field(default=None, converter=_none_if_empty,
                                     validator=_check_source)
    """Which plan and body made the event (``plan-id/body-id``): how a
    publish knows its own events among others in a calendar."""

    @start.validator
    def _check_times(self, _: object, start: Moment) -> None:
        timed = isinstance(start, dt.datetime)
        if timed != isinstance(self.end, dt.datetime) or timed != (self.zone is not None):
            raise ValueError("start and end are both wall-clock times in a zone, or both days")
        if not start < self.end:
            raise ValueError(f"the event ends ({self.end}) before it starts ({start})")

    @property
    def cancelled(self) -> bool:
        return self.status is EventStatus.CANCELLED



@attrs.frozen
class Stamp:
    """When an event's information last changed (DTSTAMP and LAST-MODIFIED,
    in UTC), and how often its time, place or status changed (SEQUENCE)."""

    at: dt.datetime = attrs.field()
    sequence: int = 0

    @at.validator
    def _aware(self, _: object, at: dt.datetime) -> None:
        if at.tzinfo is None or at.utcoffset() is None:
            raise ValueError(f"a stamp is a moment, with a time zone (got {at})")
