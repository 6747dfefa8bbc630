"""Cases onto meetings (pure): pinned cases to their day, the others to the
first meeting in their window or month that still has room (SPEC §3).

Each body's meetings are kept in date order with a tree of the minutes of
cases each can still take, so a case finds its meeting in O(log n) however
many cases and meetings a plan has.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence

from aarshjul.agenda.drafts import Draft
from aarshjul.choices import Status
from aarshjul.errors import Problem
from aarshjul.messages import Message, _
from aarshjul.model import Case, Plan

__all__ = ["place_cases"]


class _MaxTree:
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

    def first_at_least(self, first: int, last: int, need: int) -> int | None:
        """The first index from ``first`` to ``last`` whose value is at least
        ``need``."""

        def search(node: int, low: int, high: int) -> int | None:
            if high < first or low > last or self.tree[node] < need:
                return None
            if low == high:
                return low
            middle = (low + high) // 2
            found = search(2 * node, low, middle)
            return search(2 * node + 1, middle + 1, high) if found is None else found

        return search(1, 0, self.size - 1)


_NONE = -(1 << 62)  # below any minutes: a cancelled meeting, or none


class _BodyMeetings:
    """One body's drafts in date order, and what finding a meeting for a case
    needs: the meetings of a day, those of a span (by bisection), the first
    of them with room (a tree of each one's capacity) and the roomiest (a
    tree of their room). Each case costs O(log n), not a look at every
    meeting."""

    def __init__(self, drafts: list[Draft]) -> None:
        self.drafts = drafts
        self.dates = [d.meeting.date for d in drafts]
        self.planned = [0]  # how many of the first i drafts are planned
        self.on_day: dict[dt.date, list[int]] = defaultdict(list)
        self.on_original_day: dict[dt.date, list[int]] = defaultdict(list)
        for index, draft in enumerate(drafts):
            # An all-day meeting, without an agenda, is none that cases can take.
            is_planned = draft.meeting.status is Status.PLANNED and not draft.meeting.all_day
            self.planned.append(self.planned[-1] + is_planned)
            self.on_day[draft.meeting.date].append(index)
            if draft.meeting.original_date is not None:
                self.on_original_day[draft.meeting.original_date].append(index)
        self.capacity = _MaxTree([d.capacity for d in drafts])
        self.room = _MaxTree([self._room(d) for d in drafts])

    @staticmethod
    def _room(draft: Draft) -> int:
        # An all-day meeting has no agenda: no case goes on it.
        planned = draft.meeting.status is Status.PLANNED and not draft.meeting.all_day
        return draft.room if planned else _NONE

    def add(self, index: int, case: Case, *, pinned: bool = False) -> None:
        draft = self.drafts[index]
        draft.add(case, pinned=pinned)
        self.capacity.set(index, draft.capacity)
        self.room.set(index, self._room(draft))

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


def place_cases(plan: Plan, drafts: Mapping[str, Draft]) -> list[Problem]:
    ordered: dict[str, list[Draft]] = defaultdict(list)
    for draft in sorted(drafts.values(),
                        key=lambda d: (d.meeting.date, d.meeting.start.minutes)):
        ordered[draft.meeting.body].append(draft)
    by_body = {body: _BodyMeetings(ordered[body]) for body in {c.body for c in plan.cases}}
    problems: list[Problem] = []
    # Date-pinned cases first: they must go where they say, room or not.
    for case in plan.cases:
        if case.date is not None:
            problem = _pin(case, by_body[case.body])
            if problem:
                problems.append(problem)
    for case in plan.cases:
        spans = _spans(plan, case)
        if case.months and not spans:
            months = ", ".join(str(m) for m in case.months)
            problems.append(_unplaced(case, _(
                "month {months} is not inside the plan ({start} to {end})", months=months,
                start=plan.start, end=plan.end)))
        for first, last in spans:
            problem = _fit(case, by_body[case.body], first, last)
            if problem:
                problems.append(problem)
    return problems


def _pin(case: Case, meetings: _BodyMeetings) -> Problem | None:
    assert case.date is not None
    on_day = meetings.on_day.get(case.date) or meetings.on_original_day.get(case.date, [])
    planned = [i for i in on_day if meetings.drafts[i].meeting.status is Status.PLANNED]
    if planned and meetings.drafts[planned[0]].meeting.all_day:
        return _unplaced(case, _("the meeting of {date} is all day, and has no agenda; give "
                                 'it "start" and "end" to give it one', date=case.date))
    if planned:
        meetings.add(planned[0], case, pinned=True)
        return None
    if on_day:
        return _unplaced(case, _("the meeting of {date} is cancelled", date=case.date))
    near = ", ".join(d.isoformat() for d in meetings.nearest(case.date))
    if near:
        return _unplaced(case, _('"{body}" has no meeting on {date} (nearest: {near})',
                                 body=case.body, date=case.date, near=near))
    return _unplaced(case, _('"{body}" has no meeting on {date}', body=case.body,
                             date=case.date))


def _unplaced(case: Case, why: Message) -> Problem:
    return case.where.problem("unplaced-case", _("no meeting can take it: {why}", why=why))


def _spans(plan: Plan, case: Case) -> list[tuple[dt.date, dt.date]]:
    """The periods in which a window or month case must find a meeting."""
    if case.window is not None:
        return [case.window]
    spans = []
    for year in range(plan.start.year, plan.end.year + 1):
        for month in case.months:
            first = max(dt.date(year, month, 1), plan.start)
            last = min(dt.date(year, month, calendar.monthrange(year, month)[1]), plan.end)
            if first <= last:
                spans.append((first, last))
    return sorted(spans)


def _fit(case: Case, meetings: _BodyMeetings, first: dt.date, last: dt.date
         ) -> Problem | None:
    low, high = meetings.span(first, last)
    found = meetings.capacity.first_at_least(low, high, case.minutes) if low <= high else None
    if found is not None:
        meetings.add(found, case)
        return None
    tried = meetings.planned[high + 1] - meetings.planned[low] if low <= high else 0
    if not tried:
        return _unplaced(case, _('"{body}" has no meeting between {first} and {last}',
                                 body=case.body, first=first, last=last))
    most = meetings.room.largest(low, high)
    roomiest = meetings.room.first_at_least(low, high, most)
    assert roomiest is not None
    room, day = max(most, 0), meetings.dates[roomiest]
    if tried == 1:
        return _unplaced(case, _(
            'every meeting of "{body}" between {first} and {last} is full: the case needs '
            "{minutes} minutes, the most room left is {room} minutes ({date}; {tried} "
            "meeting tried)", body=case.body, first=first, last=last, minutes=case.minutes,
            room=room, date=day, tried=tried))
    return _unplaced(case, _(
        'every meeting of "{body}" between {first} and {last} is full: the case needs '
        "{minutes} minutes, the most room left is {room} minutes ({date}; {tried} "
        "meetings tried)", body=case.body, first=first, last=last, minutes=case.minutes,
        room=room, date=day, tried=tried))
