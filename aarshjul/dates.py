"""Dates in words, in the plan's language, through babel.

babel is slow to import, so it is imported when a date is first written in
words: checking a plan or a written agenda never pays for it, nor does
listing meetings as JSON or CSV for a plan whose item texts name no date
(``{date}``, ``{previous}``).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable

from aarshjul.clock import ClockTime
from aarshjul.vocabulary import Language, words

__all__ = ["DateWords"]

DateWords = Callable[[dt.date], str]
"""How a date is written in the texts of agendas and feeds: an item's
``{date}`` and ``{previous}``, a deadline's summary."""

_WEEKDAY = "EEE"
_FULL_WEEKDAY = "EEEE"


@functools.cache
def _format(day: dt.date, pattern: str, language: Language) -> str:
    from babel.dates import format_date

    return format_date(day, pattern, locale=language.value)


def long_date(day: dt.date, language: Language) -> str:
    """``15. januar 2025`` / ``15 January 2025``."""
    return _format(day, words(language).long_date, language)


def day_span(first: dt.date, last: dt.date, language: Language) -> str:
    """The days of a meeting over several: ``25.–26. august 2025``,
    ``30. juni – 2. juli 2025`` / ``25–26 August 2025``."""
    pattern = words(language).long_date  # day, month, year: "d. MMMM y"
    if first.year != last.year:
        return f"{long_date(first, language)} – {long_date(last, language)}"
    if first.month != last.month:
        without_year = pattern.rsplit(" ", 1)[0]
        return f"{_format(first, without_year, language)} – {long_date(last, language)}"
    return f"{_format(first, pattern.split(' ', 1)[0], language)}–{long_date(last, language)}"


def meeting_days(first: dt.date, last: dt.date | None, language: Language) -> str:
    """A meeting's day, or its days: ``onsdag den 15. januar 2025`` for one
    (:func:`full_date`), ``25.–26. august 2025`` for several (:func:`day_span`)."""
    return day_span(first, last, language) if last else full_date(first, language)


def meeting_hours(start: ClockTime, end: ClockTime, *, all_day: bool,
                  language: Language) -> str:
    """A meeting's hours as its pages write them: ``18.15 – 19.45``, or
    ``hele dagen``."""
    return words(language).all_day if all_day else f"{start.dotted()} – {end.dotted()}"


def weekdays_and_days(first: dt.date, last: dt.date | None, language: Language) -> str:
    """A meeting's day or days, each with its weekday, as a list of them
    writes it: ``onsdag 15. januar 2025`` for one, ``fredag–lørdag 25.–26.
    august 2025`` for several (:func:`day_span`)."""
    if last is None:
        return _format(first, words(language).listed_date, language)
    return (f"{_format(first, _FULL_WEEKDAY, language)}–{_format(last, _FULL_WEEKDAY, language)}"
            f" {day_span(first, last, language)}")


def moved_words(day: dt.date, language: Language) -> str:
    """``flyttet fra 13. februar 2017`` / ``moved from 13 February 2017``: a
    moved meeting's first day (:attr:`~aarshjul.model.Meeting.moved_from`)."""
    return words(language).moved_from.format(date=long_date(day, language))


def in_words(language: Language, chosen: DateWords | None = None) -> DateWords:
    """``chosen``, or else long dates in ``language`` (the default of every
    call that writes dates in texts)."""
    if chosen is not None:
        return chosen
    return functools.partial(long_date, language=language)


def full_date(day: dt.date, language: Language) -> str:
    """``onsdag den 15. januar 2025`` / ``Wednesday 15 January 2025``."""
    return _format(day, words(language).full_date, language)


def short_weekday(day: dt.date, language: Language) -> str:
    """``ons`` / ``Wed``."""
    return _format(day, _WEEKDAY, language).rstrip(".")


def month_and_year(day: dt.date, language: Language) -> str:
    """``Januar 2025`` / ``January 2025``: a month's heading."""
    return f"{month_name(day, language)} {day.year}"


def month_name(day: dt.date, language: Language) -> str:
    """``Januar`` / ``January``: the month's name, as a label starts."""
    name = _format(day, "LLLL", language)
    return name[:1].upper() + name[1:]
