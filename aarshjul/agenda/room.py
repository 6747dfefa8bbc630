"""Which of a body's meetings can still take a case, asked in O(log n).

Case placement (:mod:`aarshjul.agenda.placement`) and the routes of cases
(:mod:`aarshjul.agenda.routes`) ask it: the meetings of a day, those of a
span (by bisection), the first or the last of them with room (a tree of
each one's capacity) and the roomiest (a tree of their room), however many
cases and meetings a plan has.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Sequence

from aarshjul.agenda.drafts import Draft
from aarshjul.model import Case

__all__ = ["BodyMeetings"]


class MaxTree:
    """The largest of a list of numbers in any stretch of it, and the first
    at least as large as a number, each in O(log n) (a segment tree)."""

    def __init__(self, values: Sequence[int]) -> None:
        self.size = 1
        while self.size < max(len(values), 1):
            self.size *= 2
        self.tree = [_NONE] * (2 * self.size)
        self.tree[self.size:self.size + len(values)] = values
        for node in range(self.size - 1, 0, -1):
            self.tree[node] = max(self.tree[2 * node], self.tree[2 * node + 1])

    def set(self, index: int, value: int) -> None:
        node = index + self.size
        self.tree[node] = value
        while node > 1:
            node //= 2
            self.tree[node] = max(self.tree[2 * node], self.tree[2 * node + 1])

    def largest(self, first: int, last: int) -> int:
        """The largest value from index ``first`` to ``last``, both included."""
        found, low, high = _NONE, first + self.size, last + self.size + 1
        while low < high:
            if low % 2:
                found, low = max(found, self.tree[low]), low + 1
            if high % 2:
                high -= 1
                found = max(found, self.tree[high])
            low, high = low // 2, high // 2
        return found

    def last_at_least(self, first: int, last: int, need: int) -> int | None:
        """The last index from ``first`` to ``last`` whose value is at least
        ``need``."""
        return self._at_least(first, last, need, latest=True)

    def first_at_least(self, first: int, last: int, need: int) -> int | None:
        """The first index from ``first`` to ``last`` whose value is at least
        ``need``."""
        return self._at_least(first, last, need, latest=False)

    def _at_least(self, first: int, last: int, need: int, *, latest: bool) -> int | None:
        def search(node: int, low: int, high: int) -> int | None:
            if high < first or low > last or self.tree[node] < need:
                return None
            if low == high:
                return low
            middle = (low + high) // 2
            halves = [(2 * node, low, middle), (2 * node + 1, middle + 1, high)]
            for half in reversed(halves) if latest else halves:
                found = search(*half)
                if found is not None:
                    return found
            return None

        return search(1, 0, self.size - 1)


_NONE = -(1 << 62)  # below any minutes: a cancelled meeting, or none


class BodyMeetings:
    """One body's drafts in date order, and what finding a meeting for a case
    needs: the meetings of a day, those of a span (by bisection), the first
    of them with room (a tree of each one's capacity) and the roomiest (a
    tree of their room). Each case costs O(log n), not a look at every
    meeting."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = drafts
        self.dates = [d.meeting.date for d in drafts]
        self.planned = [0]  # how many of the first i drafts take cases
        self.on_day: dict[dt.date, list[int]] = defaultdict(list)
        self.on_original_day: dict[dt.date, list[int]] = defaultdict(list)
        for index, draft in enumerate(drafts):
            self.planned.append(self.planned[-1] + draft.takes_cases)
            self.on_day[draft.meeting.date].append(index)
            if draft.meeting.original_date is not None:
                self.on_original_day[draft.meeting.original_date].append(index)
        self.capacity = MaxTree([d.capacity for d in drafts])
        self.room = MaxTree([self._room(d) for d in drafts])

    @staticmethod
    def _room(draft: Draft) -> int:
        return draft.room if draft.takes_cases else _NONE

    def add(self, index: int, case: Case, *, pinned: bool = False) -> None:
        draft = self.drafts[index]
        draft.add(case, pinned=pinned)
        self.capacity.set(index, draft.capacity)
        self.room.set(index, self._room(draft))

    def next_with_room(self, index: int, last: dt.date, minutes: int) -> int | None:
        """The first meeting after meeting ``index``, up to day ``last``, that
        can take ``minutes`` more."""
        high = bisect.bisect_right(self.dates, last) - 1
        return self.capacity.first_at_least(index + 1, high, minutes) if index < high else None

    def span(self, first: dt.date, last: dt.date) -> tuple[int, int]:
        """The indexes of the drafts from ``first`` to ``last`` (an empty
        range when there are none)."""
        return bisect.bisect_left(self.dates, first), bisect.bisect_right(self.dates, last) - 1

    def nearest(self, day: dt.date) -> tuple[dt.date, ...]:
        """The planned meetings nearest before and after ``day``."""
        before = next((i for i in range(bisect.bisect_left(self.dates, day) - 1, -1, -1)
                       if self._is_planned(i)), None)
        after = next((i for i in range(bisect.bisect_right(self.dates, day), len(self.dates))
                      if self._is_planned(i)), None)
        return tuple(self.dates[i] for i in (before, after) if i is not None)

    def _is_planned(self, index: int) -> bool:
        return self.planned[index + 1] > self.planned[index]
