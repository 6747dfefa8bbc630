"""Deadlines before a meeting, counted as a plan says: calendar days, or
days counted as the law counts them.

A body's ``agenda_deadline`` (and later a case's ``case_deadline``, SPEC
§12) is written as a whole number of calendar days, ``6``, or as a count of
days, ``"4 hverdage"`` or ``"5 arbejdsdage"`` (in English ``"4 weekdays"``,
``"5 workdays"``). The plan reader reads it once (:func:`read_deadline`)
into a :class:`Deadline`; the writers ask it for its day
(:meth:`Deadline.day_before`). Holidays are the plan's; closed periods do
not stop the count, since the staff work in school holidays.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Container

import attrs

from aarshjul.forms import COUNTED_DAYS, DEADLINE_DAYS
from aarshjul.messages import Refusal, _

__all__ = ["Days", "Deadline"]


class Days(enum.Enum):
    """The days a deadline counts."""

    CALENDAR = "calendar"
    """Every day; the day reached is moved back to a workday."""
    HVERDAGE = "hverdage"
    """Monday to Saturday that are not holidays: the count of styrelsesloven
    § 8, stk. 4, for the byråd's agenda, where a Saturday is a hverdag."""
    ARBEJDSDAGE = "arbejdsdage"
    """Monday to Friday that are not holidays."""


_WORDS = {"hverdage": Days.HVERDAGE, "hverdag": Days.HVERDAGE,
          "arbejdsdage": Days.ARBEJDSDAGE, "arbejdsdag": Days.ARBEJDSDAGE,
          "weekdays": Days.HVERDAGE, "weekday": Days.HVERDAGE,
          "workdays": Days.ARBEJDSDAGE, "workday": Days.ARBEJDSDAGE}
"""The words of a count of days, Danish and English, plural and singular."""

_BOUNDS = {Days.CALENDAR: DEADLINE_DAYS, Days.HVERDAGE: COUNTED_DAYS,
           Days.ARBEJDSDAGE: COUNTED_DAYS}
"""How many of these days a deadline may count."""
_COUNT = re.compile(r"\s*(-?[0-9]+)\s+(\S+)\s*")
_A_NUMBER = re.compile(r"[0-9]+")
_LAST_WEEKDAY = {Days.HVERDAGE: 5, Days.ARBEJDSDAGE: 4}  # Saturday, Friday
_BACK_TO_WORKDAY = dt.timedelta(days=60)
"""How far a calendar-day deadline on a weekend or holiday looks back for a workday."""
_DAY = dt.timedelta(days=1)


def _in_bounds(instance: Deadline, _: object, days: Days) -> None:
    if not isinstance(days, Days):
        raise TypeError(f"days must be <enum 'Days'> (got {days!r})")
    if isinstance(instance.count, bool) or not isinstance(instance.count, int):
        raise TypeError(f"count must be a whole number (got {instance.count!r})")
    if instance.count not in _BOUNDS[days]:
        raise ValueError(f"count must be {_BOUNDS[days]} for {days.value} (got {instance.count})")


@attrs.frozen
class Deadline:
    """A count of days before a meeting.

    >>> Deadline(6)
    Deadline(count=6, days=<Days.CALENDAR: 'calendar'>)
    >>> read_deadline("4 hverdage") == Deadline(4, Days.HVERDAGE) == read_deadline("4 weekdays")
    True
    """

    count: int
    days: Days = attrs.field(default=Days.CALENDAR, validator=_in_bounds)

    def day_before(self, day: dt.date, holidays: Container[dt.date]) -> dt.date:
        """The deadline of a meeting on ``day``, with these holidays.

        Calendar days: ``count`` days before, moved back to a workday (Monday
        to Friday, not a holiday). Hverdage and arbejdsdage: counted back
        from the day before the meeting, the deadline is the day on which
        the count reaches ``count``. Copenhagen's Økonomiudvalg meets on
        Tuesdays and sends its agenda 4 hverdage before: Monday, Saturday,
        Friday, Thursday.

        >>> tuesday = dt.date(2025, 3, 11)
        >>> Deadline(4, Days.HVERDAGE).day_before(tuesday, holidays=()).strftime("%a %d")
        'Thu 06'
        >>> Deadline(4, Days.ARBEJDSDAGE).day_before(tuesday, holidays=()).strftime("%a %d")
        'Wed 05'
        """
        if self.days is Days.CALENDAR:
            due = day - dt.timedelta(days=self.count)
            earlier, earliest = due, due - _BACK_TO_WORKDAY
            while earlier >= earliest:
                if earlier.weekday() < 5 and earlier not in holidays:
                    return earlier
                earlier -= _DAY
            return due
        last_weekday = _LAST_WEEKDAY[self.days]
        counted = 0
        while counted < self.count:
            day -= _DAY
            if day.weekday() <= last_weekday and day not in holidays:
                counted += 1
        return day

    @property
    def written(self) -> int | str:
        """The deadline as a plan writes it: ``6``, ``"4 hverdage"``.

        >>> Deadline(1, Days.ARBEJDSDAGE).written, read_deadline("5 workdays").written
        ('1 arbejdsdag', '5 arbejdsdage')
        """
        if self.days is Days.CALENDAR:
            return self.count
        word = self.days.value if self.count != 1 else self.days.value.removesuffix("e")
        return f"{self.count} {word}"


def read_deadline(value: int | str) -> Deadline:
    """A deadline as a plan writes it: a whole number of calendar days, or a
    count like ``"4 hverdage"``. Raises :class:`~aarshjul.messages.Refusal`,
    with a message for a planner, for what is no deadline."""
    if isinstance(value, int):
        if isinstance(value, bool) or value not in DEADLINE_DAYS:
            raise Refusal(_("{value} is out of range ({bounds})", value=value,
                            bounds=DEADLINE_DAYS.said()))
        return Deadline(value)
    match = _COUNT.fullmatch(value)
    days = _WORDS.get(match[2]) if match else None
    if match is None or days is None:
        # The planner's own number in the forms offered, where it can be one.
        number = _A_NUMBER.search(value)
        found = _count(number[0]) if number else None
        shown = str(found) if found is not None and found in COUNTED_DAYS else "4"
        raise Refusal(_('"{value}" is not a deadline: write {count} for calendar days, '
                        '"{count} hverdage" for Monday to Saturday or "{count} arbejdsdage" '
                        "for Monday to Friday (holidays do not count)", value=value,
                        count=shown))
    count = _count(match[1])
    if count is None or count not in _BOUNDS[days]:
        raise Refusal(_("{count} {days} is out of range ({bounds})", count=match[1],
                        days=match[2], bounds=_BOUNDS[days].said()))
    return Deadline(count, days)


def _count(digits: str) -> int | None:
    """The number the digits write, where it is short enough to be a count
    of days (Python refuses to read more than 4,300 digits)."""
    return int(digits) if len(digits.lstrip("-")) <= 4 else None


def as_deadline(value: Deadline | int | str | None) -> Deadline | None:
    """A model's deadline from what code gives: a :class:`Deadline`, a number
    of calendar days, or a count as a plan writes it (ValueError if it is none)."""
    if value is None or isinstance(value, Deadline):
        return value
    if isinstance(value, str):
        return read_deadline(value)
    return Deadline(value)
