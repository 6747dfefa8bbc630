"""The parts a recurrence rule is made of, and how each is read from text.

A :class:`~aarshjul.recurrence.rule.Rule` is made of a :class:`Frequency`,
numbers, a date, :class:`Weekday` values and :class:`ByDay` entries. This
module reads one part's text (``BYDAY=2WE,-1TH``) into those values and says
what is wrong with it if it cannot; what the parts must be together (ranges,
which go with which frequency, rules that never occur) is ``rule``'s.
"""

from __future__ import annotations

import datetime as dt
import enum
import re

import attrs

from aarshjul.errors import AarshjulError, Problem, Severity
from aarshjul.messages import Message, _
from aarshjul.vocabulary import LONGEST_MONTH

__all__ = ["ByDay", "Frequency", "Weekday"]


class RuleError(AarshjulError, ValueError):
    """An RRULE that is not valid; the message says which part and why.

    One of aarshjul's errors, so that a script catches it with the rest: its
    one problem is ``bad-rule``, without a place (the plan reader, which
    knows the line, reports the message at it). A ValueError too, as the
    invariants of the model's other values are.
    """

    def __init__(self, message: Message) -> None:
        super().__init__((Problem(Severity.ERROR, "bad-rule", message),))

    def __str__(self) -> str:
        return self.problems[0].message


class NeverOccurs(RuleError):
    """A rule that is valid part by part, but can never give a date."""


class Frequency(enum.Enum):
    """How often a rule recurs; meetings recur at most daily."""

    YEARLY = "YEARLY"
    MONTHLY = "MONTHLY"
    WEEKLY = "WEEKLY"
    DAILY = "DAILY"


class Weekday(enum.IntEnum):
    """RFC 5545's weekday codes, Monday first: ``Weekday(day.weekday())``."""

    MO = 0
    TU = 1
    WE = 2
    TH = 3
    FR = 4
    SA = 5
    SU = 6


WEEKDAY_LIST = ", ".join(day.name for day in Weekday)


def longest_month(months: tuple[int, ...]) -> int:
    """The most days any of ``months`` (1-12; all if empty) can have."""
    return max(LONGEST_MONTH[month - 1] for month in (months or range(1, 13)))


def weekday(value: int) -> Weekday:
    """A weekday from its number, 0 for Monday; RuleError if there is none."""
    if not 0 <= value <= 6:
        raise RuleError(_("{value} is not a weekday (0 for Monday to 6 for Sunday)",
                          value=value))
    return Weekday(value)


def optional_weekday(value: int | None) -> Weekday | None:
    return None if value is None else weekday(value)


@attrs.frozen
class ByDay:
    """One entry of BYDAY: every Wednesday (``WE``), or one Wednesday of the
    month or year counted from the start (``2WE``) or from the end (``-1WE``)."""

    weekday: Weekday = attrs.field(converter=weekday)
    position: int | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        return f"{'' if self.position is None else self.position}{self.weekday.name}"


# ASCII digits only: a regex's \d takes "²", which int() refuses.
_BYDAY = re.compile(r"([+-]?[0-9]{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_UNTIL = re.compile(r"([0-9]{8})(T[0-9]{6}Z?)?")
_INTEGER = re.compile(r"[+-]?[0-9]{1,4}")
_WHOLE_NUMBER = re.compile(r"[0-9]+")


def read_frequency(value: str) -> Frequency:
    if value not in Frequency.__members__:
        raise RuleError(_("FREQ={value} is not allowed: meetings recur at most daily "
                          "({allowed})", value=value,
                          allowed=", ".join(f.value for f in Frequency)))
    return Frequency[value]


def read_weekday(name: str, value: str) -> Weekday:
    """WKST=SU."""
    if value not in Weekday.__members__:
        raise RuleError(_("{name}={value} is not a weekday ({weekdays})", name=name,
                          value=value, weekdays=WEEKDAY_LIST))
    return Weekday[value]


def read_whole(name: str, value: str, low: int, high: int) -> int:
    """INTERVAL=2, COUNT=10: a whole number; only its syntax is checked here,
    but the message gives the range."""
    # A long string of digits is only ever out of range; int() of a huge one
    # is slow, and past 4300 digits it raises.
    if not _WHOLE_NUMBER.fullmatch(value) or len(value.lstrip("0")) > len(str(high)):
        raise RuleError(not_whole(name, value, low, high))
    return int(value)


def not_whole(name: str, value: object, low: int, high: int) -> Message:
    """``INTERVAL=0 is not a whole number from 1 to 1000``."""
    return _("{name}={value} is not a whole number from {low} to {high}", name=name,
             value=value, low=low, high=high)


def read_numbers(name: str, text: str) -> tuple[int, ...]:
    """BYMONTHDAY=1,-1: numbers, each with a sign or not."""
    values = []
    for raw in text.split(","):
        if not _INTEGER.fullmatch(raw.strip()):
            raise RuleError(_("{name}: {raw} is not a number", name=name, raw=repr(raw)))
        values.append(int(raw))
    return tuple(values)


def read_weekdays(text: str) -> tuple[ByDay, ...]:
    """BYDAY=MO,2WE,-1TH."""
    days = []
    for raw in text.split(","):
        match = _BYDAY.fullmatch(raw.strip())
        if match is None:
            raise RuleError(_("BYDAY={raw} is not a weekday ({weekdays}), "
                              "optionally with a position like 2WE or -1TH", raw=raw,
                              weekdays=WEEKDAY_LIST))
        position, code = match.groups()
        days.append(ByDay(Weekday[code], position=None if position is None else int(position)))
    return tuple(days)


def read_until(value: str) -> dt.date:
    """UNTIL=20251231, with or without a time, which is left out."""
    match = _UNTIL.fullmatch(value)
    if match is None:
        raise RuleError(_("UNTIL={value} is not a date (YYYYMMDD)", value=value))
    try:
        # Only the day matters for a meeting's date; a time, with or without
        # Z, would make dateutil compare naive with aware datetimes.
        return dt.datetime.strptime(match[1], "%Y%m%d").date()
    except ValueError:
        raise RuleError(_("UNTIL={value} is not a date that exists", value=value)) from None


def write_date(day: dt.date) -> str:
    """UNTIL's form of a date: 20251231 (also for years before 1000)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"
