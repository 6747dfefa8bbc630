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

CRLF = "\r\n"
_LIMIT = 75  # octets a line may have, CRLF not counted


_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(value: str) -> str:
    """Text as a TEXT value may hold it: line breaks as LF, and no control
    characters (RFC 5545 forbids C0 and DEL; C1 ones trip parsers)."""
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
    if len(line) <= _LIMIT // 4 or (len(line) <= _LIMIT and line.isascii()):
        return line + CRLF  # short enough, whatever its characters
    data = line.encode("utf-8")
    if len(data) <= _LIMIT:
        return line + CRLF
    parts = []
    start, limit = 0, _LIMIT
    while len(data) - start > limit:
        end = start + limit
        while data[end] & 0xC0 == 0x80:  # never cut a character in two
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, _LIMIT - 1
    parts.append(data[start:].decode("utf-8"))
    return (CRLF + " ").join(parts) + CRLF


def utc_stamp(moment: dt.datetime) -> str:
    """``20250101T120000Z``."""
    return moment.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def local_time(day: dt.date, hour: int, minute: int) -> str:
    """``20250115T181500`` (a wall-clock time; the zone goes in TZID)."""
    return f"{day:%Y%m%d}T{hour:02d}{minute:02d}00"


def unfolded(data: str) -> str:
    """An iCalendar text with its folded lines joined and LF between lines
    (for reading our own previous feeds back). Whole-text replaces: a site's
    previous feeds have hundreds of thousands of lines."""
    return data.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "")


def unfold(data: str) -> list[str]:
    """Content lines of an iCalendar text, unfolded, without empty lines."""
    return [line for line in unfolded(data).split("\n") if line]
