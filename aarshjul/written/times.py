"""What the times in a written agenda say: an item's, the meeting's, its date.

Pure functions. Each takes the text of one time expression (an item's time
line ``Tid: 18.15 – 18.18 (3 min.)``, a time at the end of a heading, a
start alone ``kl. 16.00``, the meeting's ``Kl. 18:15 – 19.45`` or
``15. januar 2025``) and returns what it states and what is wrong with it,
as problems located by line and item. They carry no file: the reader that
found the text adds it. Which line is a time, and whose, is
:mod:`~aarshjul.written.structure`'s to decide; whether the times add up,
:mod:`~aarshjul.written.check`'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from aarshjul.clock import ClockTime, Minutes
from aarshjul.errors import Problem, Severity
from aarshjul.messages import Message, _
from aarshjul.written.patterns import (
    DATE,
    DURATION,
    HEADING_TIME,
    HOUR_RANGE,
    LEADING_TIME,
    MONTHS,
    ONE_TIME,
    RANGE,
    START_LINE,
    TIME_LINE,
    TRAILING_DURATION,
)

__all__ = ["Stated"]


@attrs.frozen
class Stated:
    """What an item's text says about its time, before any check."""

    minutes: Minutes | None = None
    start: ClockTime | None = None
    end: ClockTime | None = None
    time_line: int | None = None
    reversed_span: tuple[ClockTime, ClockTime] | None = None  # "16.45 – 16.15"


@attrs.frozen
class HeadingTime:
    """A heading's title with its time taken off: ``3. Sag (18.20-18.40)``
    is the title "Sag" and the span "(18.20-18.40)", ``Punkt 3: Mål (10
    min)`` the title "Mål" and 10 minutes, ``2. Kl. 15.00-16.00: Budget``
    the title "Budget" and the span "Kl. 15.00-16.00"."""

    title: str
    minutes: Minutes | None = None
    span: str = ""  # the time range, as written, for item_time to read
    leading: bool = False  # the time stood before the title ("Kl. 15.00-16.00: Budget")


Span = tuple[ClockTime | None, ClockTime | None]
"""A meeting's start and end; the end is None where only the start is written."""


def clock(hours: str, minutes: str) -> ClockTime | None:
    """``"18", "15"`` -> 18:15; None for a time that is no time (18.75, 25:00)."""
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return ClockTime(int(hours) * 60 + int(minutes))


def is_time_line(text: str) -> bool:
    """Is the line only a time range (and its minutes): ``19.30–19.32``,
    ``kl. 8.30-8.45``, ``16.05 – 16.45 (40 min)``?"""
    return TIME_LINE.fullmatch(text) is not None


def is_start_line(text: str) -> bool:
    """Is the line only a start: ``16.00``, ``kl. 16.00``?"""
    return START_LINE.fullmatch(text) is not None


def only_minutes(text: str) -> Minutes | None:
    """The minutes of a text that is only a duration: ``(5 min)``, ``10 minutter``."""
    match = DURATION.fullmatch(text)
    return Minutes(int(match[1])) if match else None


def states_minutes(text: str) -> bool:
    """Does the text state minutes beside its time range, as an item's time
    does (``18.15 – 18.20 (5 min.)``) and a meeting's does not?"""
    return DURATION.search(RANGE.sub("", text)) is not None


def heading_time(title: str) -> HeadingTime:
    """Take a time at the end of a heading's title off it.

    Minutes come off first (``Pkt. 2 – Strategi 18.20-18.50 (30 min.)``),
    then a time range; a bare range after a colon (``Åbent: 8.00-22.00``)
    stays in the title. A time with "kl." may stand before the title instead
    (``Kl. 15.00-16.00: Budget``).
    """
    minutes = None
    duration = TRAILING_DURATION.search(title)
    if duration:
        title = title[: duration.start()].rstrip()
        minutes = Minutes(int(duration[1]))
    leading = LEADING_TIME.match(title)
    if leading:
        return HeadingTime(title[leading.end():], minutes, leading[1], leading=True)
    span = HEADING_TIME.search(title)
    if span is None:
        return HeadingTime(title, minutes)
    return HeadingTime(title[: span.start()].rstrip(" -–—,;"), minutes, title[span.start():])


def _bad_time(line: int, message: Message, item: int | None = None) -> Problem:
    return Problem(Severity.ERROR, "bad-time", message, None, line, None, item)


def _no_time(line: int, item: int, text: str) -> Problem:
    return _bad_time(line, _('item {item}: "{text}" has a time that is no time (hours 00-23, '
                             "minutes 00-59)", item=item, text=text.strip()), item)


def item_time(text: str, *, line: int, item: int, before: Stated
              ) -> tuple[Stated, tuple[Problem, ...]]:
    """What a time line of item number ``item`` on line ``line`` states.

    ``before`` is what the item stated so far: minutes in its heading count
    where the line gives none, and a second time range is a problem (the
    first stands). A start alone with minutes gives the end; a start alone
    without runs until the next item (:func:`until_the_next`). A reversed
    range is kept aside for :mod:`~aarshjul.written.check` where minutes are
    stated to compare with; without them it is a bad time.
    """
    span = RANGE.search(text)
    duration = DURATION.search(text[span.end():] if span else text)
    minutes = Minutes(int(duration[1])) if duration else before.minutes
    if before.time_line is not None and span:
        return before, (_bad_time(line, _("item {item} has a second time (the first on line "
                                          "{line})", item=item, line=before.time_line), item),)
    if span is None:
        single = ONE_TIME.search(text)
        if single is None and duration is None:
            return Stated(minutes, None, None, line), (_bad_time(line, _(
                'item {item}: cannot read a time in "{text}" (expected e.g. '
                '"18.15 – 18.18 (3 min.)")', item=item, text=text), item),)
        start = clock(single[1], single[2]) if single else None
        if single and start is None:
            return Stated(minutes, None, None, line), (_no_time(line, item, single[0]),)
        end = start.plus(minutes) if start is not None and minutes is not None and (
            start.minutes + minutes < 24 * 60) else None
        return Stated(minutes, start, end, line if start is not None else before.time_line), ()
    start, end = clock(span[1], span[2]), clock(span[3], span[4])
    if start is None or end is None:
        return Stated(minutes, None, None, line), (_no_time(line, item, span[0]),)
    if end <= start:
        # With minutes stated, the check reports the duration that does not
        # match; without, there is nothing to match: a bad time.
        problems = () if minutes is not None else (_bad_time(line, _(
            'item {item}: "{span}" ends before it starts', item=item, span=span[0].strip()),
            item),)
        return Stated(minutes, None, None, line, reversed_span=(start, end)), problems
    return Stated(minutes, start, end, line), ()


def meeting_time(text: str, *, line: int) -> tuple[Span | None, tuple[Problem, ...]]:
    """The meeting's time: ``Kl. 18:15 – 19.45``, ``kl. 16-18`` (whole hours)
    or a start alone (``Kl. 9.00``); None where it is no time."""
    span = RANGE.search(text)
    if span is not None:
        start, end = clock(span[1], span[2]), clock(span[3], span[4])
    elif hours := HOUR_RANGE.search(text):
        start, end = clock(hours[1], "00"), clock(hours[2], "00")
    elif single := ONE_TIME.search(text):
        start, end = clock(single[1], single[2]), None
        if start is not None:
            return (start, None), ()
    else:
        return None, (_bad_time(line, _(
            "cannot read the meeting's time in "
            '"{text}" (expected e.g. "Kl. 18.15 – 19.45")', text=text)),)
    if start is None or end is None:
        return None, (_bad_time(line, _('"{text}" has a time that is no time (hours 00-23, '
                                        "minutes 00-59)", text=text)),)
    if end <= start:
        return None, (_bad_time(line, _('the meeting ends before it starts ("{text}")',
                                        text=text)),)
    return (start, end), ()


def meeting_date(text: str, *, line: int) -> tuple[dt.date | None, tuple[Problem, ...]]:
    """The meeting's date: ``15. januar 2025``, ``9 Jan. 2025``; None where
    the text names none, and a problem where it names one that does not exist."""
    match = DATE.search(text)
    if match is None:
        return None, ()
    try:
        return dt.date(int(match[3]), MONTHS[match[2].lower()], int(match[1])), ()
    except ValueError:
        return None, (Problem(Severity.ERROR, "bad-date",
                              _('"{text}" is not a date that exists', text=text), None, line),)


def until_the_next(stated: Sequence[Stated], meeting_end: ClockTime | None
                   ) -> tuple[Stated, ...]:
    """Items that give only a start ("kl. 16.00 Velkomst") run until the next
    item's start, the last one until the meeting's end."""
    result = list(stated)
    for index, said in enumerate(result):
        if said.start is None or said.end is not None or said.minutes is not None:
            continue
        following = [s.start for s in result[index + 1:] if s.start is not None][:1]
        end = following[0] if following else meeting_end
        if end is not None and end > said.start:
            result[index] = attrs.evolve(said, end=end)
    return tuple(result)
