"""Meetings + templates + cases -> agendas with clock times (pure).

SPEC §3, "Agenda assembly": the template's items ``at = "start"``, then the
cases placed on the meeting (those pinned to its date first, then in file
order), then the meeting's own items, then the template's items ``at =
"end"``; numbered 1…n and timed from the meeting's start. Cases with a
``window`` or ``month`` go to the first meeting there that still has room.
Problems (an agenda longer than its meeting, a case no meeting can take, a
fixed-time item pushed past its time) are reported where the plan says what
caused them; the minutes left over are reported as information.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence

import attrs

from aarshjul.agenda.items import Agenda, AgendaItem, unplanned
from aarshjul.clock import MINUTES_PER_DAY, ClockTime, Minutes
from aarshjul.dates import DateWords, in_words
from aarshjul.errors import Problem, Severity, has_errors
from aarshjul.model import Case, Item, Meeting, Placement, Plan, Status
from aarshjul.plan.labels import locate
from aarshjul.scheduling.meetings import Schedule
from aarshjul.vocabulary import Language

__all__ = ["Agendas", "assemble"]

@attrs.frozen
class Agendas:
    """The meetings of a schedule with their timed agendas: what every
    writer (list, feeds, wheel, site, publishing) is made from.

    ``problems`` are all that were found on the way: the schedule's, then
    the assembly's."""

    schedule: Schedule
    by_uid: Mapping[str, Agenda]
    problems: tuple[Problem, ...]

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        return self.schedule.meetings

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    def agenda(self, meeting: Meeting) -> Agenda:
        return self.by_uid[meeting.uid]

    def meetings_on(self, body: str, day: dt.date) -> tuple[Meeting, ...]:
        return self.schedule.meetings_on(body, day)


@attrs.define
class _Draft:
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
        walk = _walk(self.meeting.start.minutes, self.before)
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
        walk = _walk(self._clock + minutes, [*self.own, *self.after])
        return walk.end <= self.meeting.end.minutes and not walk.late

    @property
    def capacity(self) -> int:
        """The most minutes of cases it can still take (-1: not even a case
        without minutes). Taking more minutes only makes every item later,
        so the minutes that fit run from 0 to this."""
        if self.meeting.status is not Status.PLANNED or not self.fits_more(0):
            return -1
        low, high = 0, max(self.meeting.end.minutes - self._clock, 0)
        while low < high:  # the largest that fits: low fits, high + 1 does not
            middle = (low + high + 1) // 2
            if self.fits_more(middle):
                low = middle
            else:
                high = middle - 1
        return low


@attrs.frozen
class _Walk:
    """The clock run through an agenda: each entry's start (None for an entry
    without minutes), how late each fixed-time entry is, and the end."""

    starts: tuple[int | None, ...]
    late: tuple[tuple[int, int], ...]  # (index, minutes late)
    end: int


def _walk(start: int, entries: Sequence[Item | Case]) -> _Walk:
    clock, starts, late = start, [], []
    for index, entry in enumerate(entries):
        fixed = entry.time if isinstance(entry, Item) else None
        if fixed is not None and entry.minutes:
            if clock > fixed.minutes:
                late.append((index, clock - fixed.minutes))
            clock = max(clock, fixed.minutes)
        starts.append(clock if entry.minutes else None)
        clock += entry.minutes
    return _Walk(tuple(starts), tuple(late), clock)


def assemble(plan: Plan, schedule: Schedule, *, date_words: DateWords | None = None
             ) -> Agendas:
    """The agenda of every meeting of the schedule. ``date_words`` writes
    ``{date}`` and ``{previous}`` in item texts (default: the plan's language,
    via babel).

    Raises ValueError if the schedule is not of this plan: a meeting of a
    body or with a template that the plan does not have.
    """
    _check_of(plan, schedule)
    plan = locate(plan)  # a case built in code is named in its problems too
    date_words = in_words(plan.language, date_words)
    meetings = schedule.meetings
    ends = {t.id: _template_ends(t.items) for t in plan.templates}
    drafts = {m.uid: _draft(m, ends) for m in meetings}
    problems = _place_cases(plan, drafts)
    previous = _previous_meetings(meetings)
    agendas = {}
    made: dict[tuple[int, Item | Case, int | None], AgendaItem] = {}
    for uid, draft in drafts.items():
        agenda, found = _timed(draft, previous.get(uid), date_words, made, plan.language)
        agendas[uid] = agenda
        problems.extend(found)
    return Agendas(schedule, agendas, (*schedule.problems, *problems))


def _check_of(plan: Plan, schedule: Schedule) -> None:
    """The schedule's meetings are the plan's: their bodies and templates are
    in it (the agendas, and every writer after them, look them up there)."""
    bodies = {body.id for body in plan.bodies}
    templates = {template.id for template in plan.templates}
    for meeting in schedule.meetings:
        if meeting.body not in bodies:
            wrong = "is of a body the plan does not have"
        elif meeting.template is not None and meeting.template not in templates:
            wrong = f'has the template "{meeting.template}", which the plan does not have'
        else:
            continue
        raise ValueError(f'the schedule is not of this plan: its meeting of "{meeting.body}" '
                         f"on {meeting.date} {wrong}; assemble a plan with its own schedule: "
                         "assemble(plan, schedule(plan))")


def _template_ends(items: Sequence[Item]) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """A template's items before the cases and after them."""
    return (tuple(i for i in items if i.at is Placement.START),
            tuple(i for i in items if i.at is Placement.END))


def _draft(meeting: Meeting, ends: Mapping[str, tuple[tuple[Item, ...], tuple[Item, ...]]]
           ) -> _Draft:
    start, end = ends[meeting.template] if meeting.template else ((), ())
    return _Draft(meeting, list(start), list(meeting.items), list(end))


def _previous_meetings(meetings: Sequence[Meeting]) -> dict[str, dt.date]:
    """For each meeting, the date of its body's planned meeting before it."""
    last: dict[str, dt.date] = {}
    previous = {}
    for meeting in sorted(meetings, key=lambda m: (m.date, m.start.minutes)):
        if meeting.body in last:
            previous[meeting.uid] = last[meeting.body]
        if meeting.status is Status.PLANNED:
            last[meeting.body] = meeting.date
    return previous


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

    def __init__(self, drafts: list[_Draft]) -> None:
        self.drafts = drafts
        self.dates = [d.meeting.date for d in drafts]
        self.planned = [0]  # how many of the first i drafts are planned
        self.on_day: dict[dt.date, list[int]] = defaultdict(list)
        self.on_original_day: dict[dt.date, list[int]] = defaultdict(list)
        for index, draft in enumerate(drafts):
            is_planned = draft.meeting.status is Status.PLANNED
            self.planned.append(self.planned[-1] + is_planned)
            self.on_day[draft.meeting.date].append(index)
            if draft.meeting.original_date is not None:
                self.on_original_day[draft.meeting.original_date].append(index)
        self.capacity = _MaxTree([d.capacity for d in drafts])
        self.room = _MaxTree([self._room(d) for d in drafts])

    @staticmethod
    def _room(draft: _Draft) -> int:
        return draft.room if draft.meeting.status is Status.PLANNED else _NONE

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


def _place_cases(plan: Plan, drafts: Mapping[str, _Draft]) -> list[Problem]:
    ordered: dict[str, list[_Draft]] = defaultdict(list)
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
            problems.append(case.where.problem(
                "unplaced-case", f"no meeting can take it: month {months} is not inside the "
                f"plan ({plan.start} to {plan.end})"))
        for first, last in spans:
            problem = _fit(case, by_body[case.body], first, last)
            if problem:
                problems.append(problem)
    return problems


def _pin(case: Case, meetings: _BodyMeetings) -> Problem | None:
    assert case.date is not None
    on_day = meetings.on_day.get(case.date) or meetings.on_original_day.get(case.date, [])
    planned = [i for i in on_day if meetings.drafts[i].meeting.status is Status.PLANNED]
    if planned:
        meetings.add(planned[0], case, pinned=True)
        return None
    if on_day:
        why = f"the meeting of {case.date} is cancelled"
    else:
        near = ", ".join(d.isoformat() for d in meetings.nearest(case.date))
        why = f'"{case.body}" has no meeting on {case.date}' + (
            f" (nearest: {near})" if near else "")
    return case.where.problem("unplaced-case", f"no meeting can take it: {why}")


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
    span = f"between {first} and {last}"
    tried = meetings.planned[high + 1] - meetings.planned[low] if low <= high else 0
    if not tried:
        why = f'"{case.body}" has no meeting {span}'
    else:
        most = meetings.room.largest(low, high)
        roomiest = meetings.room.first_at_least(low, high, most)
        assert roomiest is not None
        why = (f'every meeting of "{case.body}" {span} is full: the case needs '
               f"{case.minutes} minutes, the most room left is {max(most, 0)} "
               f"minutes ({meetings.dates[roomiest]}; {tried} "
               f"meeting{'s' if tried != 1 else ''} tried)")
    return case.where.problem("unplaced-case", f"no meeting can take it: {why}")


class _Words:
    """``{date}`` and ``{previous}`` for one meeting, written only if asked
    for (babel is slow to import, and most texts have no placeholder)."""

    def __init__(self, day: dt.date, previous: dt.date | None, words: DateWords) -> None:
        self.day, self.previous, self.words = day, previous, words

    def fill(self, text: str) -> str:
        if "{" not in text:
            return text
        if "{date}" in text:
            text = text.replace("{date}", self.words(self.day))
        if "{previous}" in text:
            text = text.replace("{previous}",
                                self.words(self.previous) if self.previous else "–")
        return text


def _timed(draft: _Draft, previous: dt.date | None, date_words: DateWords,
           made: dict[tuple[int, Item | Case, int | None], AgendaItem], language: Language
           ) -> tuple[Agenda, list[Problem]]:
    """The meeting's agenda with clock times, and what is wrong with it.

    ``made`` holds the items already made in this assembly, by number, entry
    and start: the meetings of a series mostly share their items, and a
    large plan has tens of thousands of them. An entry is a frozen value, so
    equal entries make equal items and share one. Items whose texts name the
    meeting's date are made anew for each meeting."""
    meeting = draft.meeting
    words = _Words(meeting.date, previous, date_words)
    entries = draft.entries()
    walk = _walk(meeting.start.minutes, entries)
    problems: list[Problem] = []
    for index, minutes_late in walk.late:
        entry = entries[index]
        assert isinstance(entry, Item)
        assert entry.time is not None
        problems.append(meeting.where.problem(
            "fixed-time", f'{meeting.body} {meeting.date}: item {index + 1} ("{entry.title}") '
            f"should start at {entry.time} but the items before it end at "
            f"{_clock(entry.time.minutes + minutes_late)}: {minutes_late} minutes too late",
            item=index + 1))
    items = []
    for number, (entry, start) in enumerate(zip(entries, walk.starts, strict=True), start=1):
        key = (number, entry, start)
        item = made.get(key)
        if item is None:
            item = AgendaItem(
                number=number, title=words.fill(entry.title), minutes=entry.minutes,
                start=None if start is None else _at(start),
                end=None if start is None else _at(start + entry.minutes),
                method=entry.method, responsible=entry.responsible,
                purpose=words.fill(entry.purpose),
                attachments=tuple(words.fill(a) for a in entry.attachments),
                fixed=entry.time if isinstance(entry, Item) else None,
                theme=entry.theme if isinstance(entry, Case) else None)
            if not _names_a_date(entry):
                made[key] = item
        items.append(item)
    agenda = Agenda(title=meeting.title, date=meeting.date, start=meeting.start,
                    end=meeting.end, location=meeting.location, items=tuple(items),
                    body=meeting.body, cancelled=meeting.status is Status.CANCELLED,
                    note=meeting.note, language=language)
    if meeting.status is not Status.PLANNED:
        return agenda, []
    return agenda, [*problems, *_fit_problems(draft, walk.end)]


def _names_a_date(entry: Item | Case) -> bool:
    return any("{" in text for text in (entry.title, entry.purpose, *entry.attachments))


def _fit_problems(draft: _Draft, clock: int) -> list[Problem]:
    meeting = draft.meeting
    if clock > meeting.end.minutes:
        return [meeting.where.problem("over-time",
                        f"{meeting.body} {meeting.date}: the agenda runs to {_clock(clock)}, "
                        f"{clock - meeting.end.minutes} minutes past the meeting's end at "
                        f"{meeting.end} ({draft.used} minutes of items in {meeting.minutes})")]
    # Slack is news only where someone planned this meeting's agenda; a
    # template alone is the skeleton of agendas not yet written.
    if (draft.pinned or draft.placed or draft.own) and meeting.minutes > draft.used:
        left = unplanned(meeting.minutes - draft.used, meeting.minutes,
                         f"{meeting.start}–{meeting.end}")
        return [meeting.where.problem("slack", f"{meeting.body} {meeting.date}: {left}",
                                      severity=Severity.INFO)]
    return []


def _at(minutes: int) -> ClockTime | None:
    """A clock time, or None past midnight (over-time says so)."""
    return ClockTime.at(minutes) if minutes < MINUTES_PER_DAY else None


def _clock(minutes: int) -> str:
    return str(ClockTime(minutes)) if minutes < MINUTES_PER_DAY else f"{Minutes(minutes)} min"
