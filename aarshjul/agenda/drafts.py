"""A meeting's agenda while it is being assembled (pure).

:class:`Draft` holds a meeting's entries in their order (SPEC §3) while
cases are placed on it, and knows how many more minutes of cases it can
take; :func:`run_clock` runs the clock through entries, as the timed agenda
and the question "does one more case fit?" both need.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from aarshjul.choices import Status
from aarshjul.model import Case, Item, Meeting

__all__ = ["Draft", "Walk", "run_clock"]


@attrs.define
class Draft:
    """A meeting's agenda while cases are placed on it.

    Cases have no fixed time, so the clock after the template's first items
    and the cases is their sum, kept as cases come: whether one more case
    fits walks only the items after the cases, however many cases there are."""

    meeting: Meeting
    before: list[Item]
    own: list[Item]
    after: list[Item]
    pinned: list[Case] = attrs.Factory(list)
    placed: list[Case] = attrs.Factory(list)
    _clock: int = attrs.field(init=False)  # after ``before`` and the cases
    _late: bool = attrs.field(init=False)  # a fixed-time item of ``before`` is late
    used: int = attrs.field(init=False)  # minutes of every entry

    def __attrs_post_init__(self) -> None:
        walk = run_clock(self.meeting.start.minutes, self.before)
        self._clock, self._late = walk.end, bool(walk.late)
        self.used = sum(entry.minutes for entry in self.entries())

    def entries(self) -> list[Item | Case]:
        """The agenda's items in order (SPEC §3)."""
        return [*self.before, *self.pinned, *self.placed, *self.own, *self.after]

    def add(self, case: Case, *, pinned: bool = False) -> None:
        (self.pinned if pinned else self.placed).append(case)
        self._clock += case.minutes
        self.used += case.minutes

    @property
    def room(self) -> int:
        return self.meeting.minutes - self.used

    def fits_more(self, minutes: int) -> bool:
        """Would the agenda, with this many minutes more of cases, end in time
        and keep every fixed-time item at its time?"""
        if self._late:
            return False
        walk = run_clock(self._clock + minutes, [*self.own, *self.after])
        return walk.end <= self._end and not walk.late

    @property
    def _end(self) -> int:
        """Where its agenda must end: the meeting's end, or, over several
        days, midnight of its first day."""
        return self.meeting.start.minutes + self.meeting.minutes

    @property
    def takes_cases(self) -> bool:
        """Is it a meeting cases can go on: planned, and not all day (an
        all-day meeting has no agenda)?"""
        return self.meeting.status is Status.PLANNED and not self.meeting.all_day

    @property
    def capacity(self) -> int:
        """The most minutes of cases it can still take (-1: not even a case
        without minutes). Taking more minutes only makes every item later,
        so the minutes that fit run from 0 to this."""
        if not self.takes_cases or not self.fits_more(0):
            return -1
        low, high = 0, max(self._end - self._clock, 0)
        while low < high:  # the largest that fits: low fits, high + 1 does not
            middle = (low + high + 1) // 2
            if self.fits_more(middle):
                low = middle
            else:
                high = middle - 1
        return low


@attrs.frozen
class Walk:
    """The clock run through an agenda: each entry's start (None for an entry
    without minutes), how late each fixed-time entry is, and the end."""

    starts: tuple[int | None, ...]
    late: tuple[tuple[int, int], ...]  # (index, minutes late)
    end: int


def run_clock(start: int, entries: Sequence[Item | Case]) -> Walk:
    clock, starts, late = start, [], []
    for index, entry in enumerate(entries):
        fixed = entry.time if isinstance(entry, Item) else None
        if fixed is not None and entry.minutes:
            if clock > fixed.minutes:
                late.append((index, clock - fixed.minutes))
            clock = max(clock, fixed.minutes)
        starts.append(clock if entry.minutes else None)
        clock += entry.minutes
    return Walk(tuple(starts), tuple(late), clock)
