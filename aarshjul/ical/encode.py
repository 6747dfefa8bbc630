"""The one writer of iCalendar text: events and calendars as content lines.

The feeds are written here directly rather than through icalendar's object
model: a feed is a few fixed kinds of line, and writing them directly is
several times faster than building an object for each property (see
``bench/feeds.py``). icalendar reads what is written here
(:mod:`aarshjul.ical.decode`), and a property test holds that it reads back
exactly the event that was written. What matters is done carefully:

- TEXT values escape backslash, semicolon, comma and line breaks, so that no
  text from a plan can end a value or start a property of its own (an
  :class:`~aarshjul.ical.event.Event` holds its texts as a feed can: no
  control characters);
- every line is folded at 75 octets, never inside a UTF-8 character;
- lines end in CRLF.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from collections.abc import Iterable, Sequence

import attrs

from aarshjul.ical.event import Event, Stamp, feed_text

__all__ = ["PRODID", "Encoded", "calendar_text", "encode", "fold", "fold_lines"]

PRODID = "-//aarshjul//aarshjul//DA"
"""Without a version: an upgrade of aarshjul alone should not rewrite feeds."""
SOURCE = "X-AARSHJUL-SOURCE"
CRLF = "\r\n"
_LIMIT = 75  # octets a line may have, CRLF not counted
_LONG = re.compile(rb"^[^\r\n]{76,}", re.MULTILINE)  # a line of more than 75 octets


def escape(value: str) -> str:
    """A TEXT value (RFC 5545 §3.3.11), escaped."""
    # Chained replaces: str.translate with a table is several times slower
    # on text that is not ASCII, and a feed escapes thousands of values.
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def fold(line: str) -> str:
    """One content line, folded to at most 75 octets a line (RFC 5545 §3.1).

    Continuation lines start with a space, which counts towards their 75.
    """
    return fold_lines((line,))


def fold_lines(lines: Iterable[str]) -> str:
    """Content lines, each folded as :func:`fold` does and ended by CRLF.

    Found in the text's UTF-8 as a whole: an event has a dozen lines and a
    feed thousands of events, and few lines are long."""
    data = (CRLF.join(lines) + CRLF).encode("utf-8")
    return _LONG.sub(_folded, data).decode("utf-8")


def _folded(match: re.Match[bytes]) -> bytes:
    data = match[0]
    parts = []
    start, limit = 0, _LIMIT
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # never cut a character in two
            end -= 1
        parts.append(data[start:end])
        start, limit = end, _LIMIT - 1
    parts.append(data[start:])
    return b"\r\n ".join(parts)


@functools.lru_cache(maxsize=256)  # a feed's events share a few stamps: the build's, earlier ones
def utc_stamp(moment: dt.datetime) -> str:
    """``20250101T120000Z``."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def date_value(day: dt.date) -> str:
    """``20250115`` (a DATE value). Not ``strftime``: several times slower."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def _moment(name: str, value: dt.date, zone: str | None) -> str:
    if isinstance(value, dt.datetime):
        return (f"{name};TZID={zone}:{date_value(value)}"
                f"T{value.hour:02d}{value.minute:02d}{value.second:02d}")
    return f"{name};VALUE=DATE:{date_value(value)}"


@attrs.frozen
class Encoded:
    """An event written out but for its stamps: its UID line and the lines
    after the stamps, each folded. ``digest`` tells one event's content from
    another's, which is how a rebuild knows that an event did not change;
    ``significant`` does so for its time, place and status alone."""

    uid_line: str
    rest: str
    significant: str

    @property
    def digest(self) -> str:
        return _digest(self.uid_line + self.rest)

    def stamped(self, stamp: Stamp) -> str:
        """The VEVENT, ready to stand in a feed or a calendar object."""
        at = utc_stamp(stamp.at)
        return (f"BEGIN:VEVENT{CRLF}{self.uid_line}DTSTAMP:{at}{CRLF}LAST-MODIFIED:{at}{CRLF}"
                f"SEQUENCE:{stamp.sequence}{CRLF}{self.rest}END:VEVENT{CRLF}")


def _digest(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:20]


def encode(event: Event) -> Encoded:
    """An event's content lines in a fixed order, as every feed has them."""
    start = _moment("DTSTART", event.start, event.zone)
    end = _moment("DTEND", event.end, event.zone)
    location = f"LOCATION:{escape(event.location)}" if event.location else ""
    status = f"STATUS:{event.status.value}"
    lines = [start, end, f"SUMMARY:{escape(event.summary)}"]
    if location:
        lines.append(location)
    if event.description:
        lines.append(f"DESCRIPTION:{escape(event.description)}")
    if event.categories:
        lines.append("CATEGORIES:" + ",".join(escape(c) for c in event.categories))
    lines.append(status)
    lines.append(f"TRANSP:{'TRANSPARENT' if event.transparent else 'OPAQUE'}")
    if event.related_to:
        lines.append(f"RELATED-TO:{escape(event.related_to)}")
    if event.color:
        lines.append(f"COLOR:{event.color}")
    if event.url:
        lines.append(f"URL;VALUE=URI:{event.url}")
    if event.source:
        lines.append(f"{SOURCE}:{event.source}")
    uid = f"UID:{escape(event.uid)}"
    # A UID of ours (a UUID) never needs folding.
    uid_line = uid + CRLF if len(uid) <= _LIMIT and uid.isascii() else fold(uid)
    return Encoded(uid_line, fold_lines(lines), _digest("\n".join((start, end, location, status))))


def calendar_text(properties: Sequence[tuple[str, str]], zone: Sequence[str],
                  events: Iterable[str]) -> str:
    """A VCALENDAR of stamped events (:meth:`Encoded.stamped`), with the
    calendar's own properties (name and value, the value written as it is)
    and its VTIMEZONE's content lines."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
            *(f"{name}:{value}" for name, value in properties), *zone]
    return "".join([fold_lines(head), *events, fold("END:VCALENDAR")])


def text_value(value: str) -> str:
    """A calendar's own TEXT property (its name), as an event's texts are kept."""
    return escape(feed_text(value))
