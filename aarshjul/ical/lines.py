"""iCalendar content lines (RFC 5545 §3.1): escaping and folding, done once, right.

The feeds are written here as text rather than through a general iCalendar
object model: a feed is a few fixed kinds of line, and writing them
directly is several times faster than building objects for each property
(see ``bench/feeds.py``). What matters is done carefully:

- TEXT values escape backslash, semicolon, comma and line breaks, so that no
  text from a plan can end a value or start a property of its own;
- every line is folded at 75 octets, never inside a UTF-8 character;
- lines end in CRLF.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable

CRLF = "\r\n"
_LIMIT = 75  # octets a line may have, CRLF not counted


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(value: str) -> str:
    """Text as a TEXT value may hold it: line breaks as LF, and no control
    characters (RFC 5545 forbids C0 and DEL; C1 ones trip parsers)."""
    if value.isprintable():  # most values: no line break, no control character
        return value
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value)


def text(value: str) -> str:
    """A TEXT value, escaped (see :func:`visible` for what is kept). Space at
    either end is dropped: parsers disagree on whether a line's trailing
    space belongs to the value."""
    # Chained replaces: str.translate with a table is several times slower
    # on text that is not ASCII, and a feed escapes thousands of values.
    return (visible(value).strip().replace("\\", "\\\\").replace(";", "\\;")
            .replace(",", "\\,").replace("\n", "\\n"))


def fold(line: str) -> str:
    """One content line, folded to at most 75 octets a line (RFC 5545 §3.1).

    Continuation lines start with a space, which counts towards their 75.
    """
    return fold_lines((line,))


_LONG = re.compile(rb"^[^\r\n]{76,}", re.MULTILINE)  # a line of more than 75 octets


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


def utc_stamp(moment: dt.datetime) -> str:
    """``20250101T120000Z``."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def local_time(day: dt.date, hour: int, minute: int) -> str:
    """``20250115T181500`` (a wall-clock time; the zone goes in TZID)."""
    return f"{date(day)}T{hour:02d}{minute:02d}00"


def date(day: dt.date) -> str:
    """``20250115`` (a DATE value). Not ``strftime``: several times slower."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def unfolded(data: str) -> str:
    """An iCalendar text with its folded lines joined and LF between lines
    (for reading our own previous feeds back). Whole-text replaces: a site's
    previous feeds have hundreds of thousands of lines."""
    return data.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "")


def unfold(data: str) -> list[str]:
    """Content lines of an iCalendar text, unfolded, without empty lines."""
    return [line for line in unfolded(data).split("\n") if line]
