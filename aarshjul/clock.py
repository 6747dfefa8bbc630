"""Time values: a wall-clock time of day, and a duration in whole minutes.

Kept apart from the plan model so that reading a written agenda, which needs
only these, stays quick to start.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from typing import NewType

import attrs

from aarshjul.messages import Refusal, _

__all__ = ["ClockTime", "Minutes"]

Minutes = NewType("Minutes", int)
"""A duration in whole minutes."""

NO_MINUTES = Minutes(0)
MINUTES_PER_DAY = 24 * 60

_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")


@attrs.frozen
class ClockTime:
    """A wall-clock time of day, to the minute, in the plan's time zone.

    Ordered by hand, not by attrs: its generated comparisons build tuples,
    and sorting a large plan's meetings compares times tens of thousands of
    times."""

    minutes: int = attrs.field(validator=attrs.validators.and_(
        attrs.validators.ge(0), attrs.validators.lt(MINUTES_PER_DAY)))

    @classmethod
    def parse(cls, text: str) -> ClockTime:
        """``"18:15"`` (or the Danish ``"18.15"``) -> ClockTime.

        Raises a ValueError (a :class:`~aarshjul.messages.Refusal`) with a
        message fit for a planner.
        """
        match = _CLOCK.fullmatch(text.strip())
        if match is None:
            raise Refusal(_('"{text}" is not a clock time (expected "HH:MM", like "18:15")',
                            text=text))
        hours, minutes = int(match[1]), int(match[2])
        if hours > 23 or minutes > 59:
            raise Refusal(_('"{text}" is not a clock time (hours 00-23, minutes 00-59)',
                            text=text))
        return cls(hours * 60 + minutes)

    @staticmethod
    @functools.cache
    def at(minutes: int) -> ClockTime:
        """The time ``minutes`` after midnight: one shared value for each of
        the day's 1,440 (agendas make tens of thousands of them)."""
        return ClockTime(minutes)

    @classmethod
    def of(cls, value: dt.time) -> ClockTime:
        return cls(value.hour * 60 + value.minute)

    @property
    def hour(self) -> int:
        return self.minutes // 60

    @property
    def minute(self) -> int:
        return self.minutes % 60

    def plus(self, minutes: int) -> ClockTime:
        """The time ``minutes`` later; ValueError past midnight."""
        total = self.minutes + minutes
        if not 0 <= total < MINUTES_PER_DAY:
            raise ValueError(f"{self} + {minutes} minutes is not a time of the same day")
        return ClockTime.at(total)

    def until(self, later: ClockTime) -> Minutes:
        return Minutes(later.minutes - self.minutes)

    def to_time(self) -> dt.time:
        return dt.time(self.hour, self.minute)

    def dotted(self) -> str:
        """The Danish way: ``18.15``."""
        return _DOTTED[self.minutes]

    def __str__(self) -> str:
        return _COLON[self.minutes]

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, ClockTime):
            return NotImplemented
        return self.minutes < other.minutes

    def __le__(self, other: object) -> bool:
        if not isinstance(other, ClockTime):
            return NotImplemented
        return self.minutes <= other.minutes

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, ClockTime):
            return NotImplemented
        return self.minutes > other.minutes

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, ClockTime):
            return NotImplemented
        return self.minutes >= other.minutes


# Every time of day written out once: a large site writes times hundreds of
# thousands of times (pages, feeds, plan.json).
_COLON = tuple(f"{m // 60:02d}:{m % 60:02d}" for m in range(MINUTES_PER_DAY))
_DOTTED = tuple(text.replace(":", ".") for text in _COLON)
