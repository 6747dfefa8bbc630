"""A day and the hours of a meeting read from a cell of a list of dates, as
Danish and English secretariats write them.

Days: ISO (``2025-01-15``); day first with dots, dashes or slashes
(``15.01.2025``, ``15-01-2025``, ``15/1/25``); in words, Danish or English,
with or without the weekday (``onsdag den 15. januar 2025``, ``15. jan.
2025``, ``15 January 2025``, ``January 15, 2025``). A day is always read
day first: a Danish list never puts the month first, and ``01/02/2025``
read the American way would move a meeting a month without a word. A
two-digit year is a year of this century (``25`` is 2025): a plan is for
the coming years, never for the last century's.

Hours: ``18.15``, ``18:15``, ``kl. 18.15``, ``18``, or both ends at once
(``18.15-19.45``, ``18:15–19:45``). A workbook's cell may hold a date, a
datetime or a time already; they are taken as they are.

The month names are babel's (its Danish and English locale data), not a
table of our own.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable

from babel.dates import get_day_names, get_month_names

from aarshjul.clock import ClockTime
from aarshjul.messages import Refusal, _

__all__ = ["day_of", "hours_of", "months_first"]

_LANGUAGES = ("da", "en")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?")
_NUMBERS = re.compile(r"(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})")
_WORD = re.compile(r"[^\W\d_]+|\d+")
# Words that may stand around a day written out: "den" (onsdag den 15.),
# "the", "of" (the 15th of January) and English ordinal endings.
_FILLERS = {"den", "d", "the", "of", "st", "nd", "rd", "th"}


def day_of(value: object, *, month_first: bool = False) -> dt.date | None:
    """The day a cell gives: None for an empty cell; a
    :class:`~aarshjul.messages.Refusal` for one that is no day. A day in
    numbers comes first (``15/01/2025``), but with ``month_first`` one
    written with slashes is American (``1/15/2025``: Outlook's English
    list)."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = "" if value is None else str(value).strip()
    if not text:
        return None
    if (found := _ISO.fullmatch(text)) is not None:
        return _date(text, int(found[1]), int(found[2]), int(found[3]))
    if (found := _NUMBERS.fullmatch(text)) is not None:
        year = int(found[3])
        day, month = int(found[1]), int(found[2])
        if month_first and "/" in text:
            day, month = month, day
        return _date(text, year + 2000 if year < 100 else year, month, day)
    return _in_words(text)


_SLASHED = re.compile(r"\s*(\d{1,2})/(\d{1,2})/\d{2,4}\s*")


def months_first(values: Iterable[object]) -> bool:
    """Whether the days of a column written with slashes put the month
    first: one of them has a second number over 12, and none a first."""
    pairs = [(int(found[1]), int(found[2])) for value in values
             if isinstance(value, str) and (found := _SLASHED.fullmatch(value))]
    return any(second > 12 for _first, second in pairs) and not any(
        first > 12 for first, _second in pairs)


def _in_words(text: str) -> dt.date:
    numbers: list[int] = []
    months: list[int] = []
    for word in _WORD.findall(text.lower()):
        if word.isdigit():
            numbers.append(int(word))
        elif (month := _month(word)) is not None:
            months.append(month)
        elif word not in _FILLERS and word not in _weekdays():
            raise _not_a_day(text)
    days = [n for n in numbers if n <= 31]
    years = [n for n in numbers if n >= 1000]
    if len(months) != 1 or len(days) != 1 or len(years) != 1 or len(numbers) != 2:
        raise _not_a_day(text)
    return _date(text, years[0], months[0], days[0])


def _date(text: str, year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _not_a_day(text) from None


def _not_a_day(text: str) -> Refusal:
    return Refusal(_('"{text}" is not a day (expected one like 2025-01-15, 15.01.2025, '
                     '15-01-2025 or 15. januar 2025)', text=text))


def _month(word: str) -> int | None:
    """The month a word names: a month's name in full, or its first three
    letters or more (``jan``, ``sept``, ``okt``), in Danish or English."""
    if len(word) < 3:
        return None
    found = {number for name, number in _months() if name.startswith(word)}
    return found.pop() if len(found) == 1 else None


@functools.cache
def _months() -> tuple[tuple[str, int], ...]:
    return tuple((str(name).lower().rstrip("."), number) for language in _LANGUAGES
                 for number, name in get_month_names("wide", locale=language).items())


@functools.cache
def _weekdays() -> frozenset[str]:
    return frozenset(str(name).lower().rstrip(".") for language in _LANGUAGES
                     for width in ("wide", "abbreviated")
                     for name in get_day_names(width, locale=language).values())


_CLOCK = r"(\d{1,2})(?:[.:](\d{2})(?:[.:]00)?)?"  # Outlook's lists write 18:15:00
_TWELVE = re.compile(r"(\d{1,2}):(\d{2})(?::00)?\s*([AaPp][Mm])")
_HOURS = re.compile(rf"(?:kl\.?\s*)?{_CLOCK}(?:\s*[-–—]\s*(?:kl\.?\s*)?{_CLOCK})?",
                    re.IGNORECASE)


def hours_of(value: object) -> tuple[ClockTime | None, ClockTime | None]:
    """The start and end a cell gives (the end None where it gives one
    time, both None for an empty cell); a
    :class:`~aarshjul.messages.Refusal` for one that gives no time."""
    if isinstance(value, dt.datetime):
        return ClockTime.of(value.time()), None
    if isinstance(value, dt.time):
        return ClockTime.of(value), None
    text = "" if value is None else str(value).strip()
    if not text:
        return None, None
    if (twelve := _TWELVE.fullmatch(text)) is not None:  # Outlook's English 5:00:00 PM
        hours = int(twelve[1])
        if not 1 <= hours <= 12:
            raise _not_a_time(text)
        hours = hours % 12 + (12 if twelve[3].upper() == "PM" else 0)
        return _clock(text, str(hours), twelve[2]), None
    found = _HOURS.fullmatch(text)
    if found is None:
        raise _not_a_time(text)
    start = _clock(text, found[1], found[2])
    end = _clock(text, found[3], found[4]) if found[3] is not None else None
    return start, end


def _clock(text: str, hours: str, minutes: str | None) -> ClockTime:
    if int(hours) > 23 or int(minutes or 0) > 59:
        raise _not_a_time(text)
    return ClockTime(int(hours) * 60 + int(minutes or 0))


def _not_a_time(text: str) -> Refusal:
    return Refusal(_('"{text}" is not a time of day (expected one like 18.15, 18:15, '
                     'kl. 18 or 18.15-19.45)', text=text))
