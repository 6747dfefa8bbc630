"""Plan -> meetings: rules, holidays, closed periods and ``[[meeting]]`` changes.

Pure: the same plan gives the same meetings, whatever the order of its
tables, the machine's time zone or today's date. Problems that only show
once the meetings exist (overlaps, a meeting moved onto a holiday, a one-off
without a time) are reported here, located at the table that caused them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable

import attrs

from aarshjul.clock import ClockTime, Minutes
from aarshjul.errors import PlanError, Problem, Severity, has_errors
from aarshjul.model import (
    Meeting,
    MeetingChange,
    OnHoliday,
    Plan,
    Series,
    Status,
    Where,
)
from aarshjul.plan.validate import check_times, validate
from aarshjul.scheduling.calendar import WorkCalendar, work_calendar
from aarshjul.uids import uid5

UID_NAMESPACE = uuid.UUID("6f1d3c2e-6a4b-5c1e-9a0d-8e2b7f4a1c35")
"""The namespace of meeting UIDs (uuid5). Changing it changes every UID."""


@attrs.frozen
class Schedule:
    """The meetings of a plan in date order, and what is wrong with them."""

    meetings: tuple[Meeting, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    def meetings_on(self, body: str, day: dt.date) -> tuple[Meeting, ...]:
        """The body's meetings on ``day``; or, if none, those moved from it."""
        theirs = [m for m in self.meetings if m.body == body]
        return tuple([m for m in theirs if m.date == day]
                     or [m for m in theirs if m.original_date == day])


@attrs.frozen(eq=False)
class _Slot:
    """A date a series gives, before ``[[meeting]]`` changes are applied.

    ``date`` is None when a holiday or closed period removed it; a change can
    bring it back.
    """

    series: Series
    rule_date: dt.date
    date: dt.date | None


@attrs.frozen
class _Draft:
    """A meeting before it has its UID."""

    body: str
    rule_date: dt.date
    date: dt.date
    start: ClockTime
    end: ClockTime
    identity_start: ClockTime
    title: str
    location: str
    status: Status
    note: str
    template: str | None
    change: MeetingChange | None
    series: Series | None
    where: Where


class _Report:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, where: Where, code: str, message: str,
            severity: Severity = Severity.ERROR) -> None:
        self.problems.append(where.problem(code, message, severity=severity))


def schedule(plan: Plan, *, calendar: WorkCalendar | None = None,
             uid_namespace: uuid.UUID = UID_NAMESPACE) -> Schedule:
    """Every meeting the plan gives, with the problems found on the way.

    Raises :class:`PlanError` if the plan breaks a rule of the plan format
    (:func:`aarshjul.plan.validate.validate`): a plan built or changed in
    code is checked as a plan file is. Its warnings are not repeated here:
    reading the plan reported them. ``calendar`` defaults to the plan's
    holidays and closed periods. The meetings' agendas are the next step's
    (:func:`aarshjul.agenda.assembly.assemble`).
    """
    invalid = [problem for problem in validate(plan) if problem.is_error]
    if invalid:
        raise PlanError(invalid)
    calendar = calendar if calendar is not None else work_calendar(plan)
    report = _Report()
    slots = [slot for series in plan.series for slot in _slots(plan, series, calendar, report)]
    changes, one_offs = _match_changes(plan, slots, report)
    drafts = [draft for slot in slots
              if (draft := _from_slot(plan, slot, changes.get(slot), calendar=calendar,
                                      report=report))]
    drafts += [draft for change in one_offs
               if (draft := _one_off(plan, change, calendar, report))]
    _check_empty(plan, drafts, report)
    meetings = _with_uids(plan, drafts, uid_namespace, report)
    _check_overlaps(meetings, report)
    _check_rooms(meetings, report)
    return Schedule(tuple(meetings), tuple(report.problems))


def list_meetings(plan: Plan, *, body: str | Iterable[str] | None = None,
                  start: dt.date | None = None, end: dt.date | None = None
                  ) -> tuple[Meeting, ...]:
    """The plan's meetings, optionally of some bodies and between two dates
    (inclusive). Raises :class:`PlanError` if the plan has errors."""
    result = schedule(plan)
    if not result.ok:
        raise PlanError([p for p in result.problems if p.is_error])
    return select(result.meetings, body=body, start=start, end=end)


def select(meetings: Iterable[Meeting], *, body: str | Iterable[str] | None = None,
           start: dt.date | None = None, end: dt.date | None = None) -> tuple[Meeting, ...]:
    """The meetings of some bodies between two dates (inclusive)."""
    bodies = {body} if isinstance(body, str) else (set(body) if body is not None else None)
    return tuple(m for m in meetings
                 if (bodies is None or m.body in bodies)
                 and (start is None or m.date >= start)
                 and (end is None or m.date <= end))


def _window(plan: Plan, series: Series) -> tuple[dt.date, dt.date]:
    first = max(plan.start, series.from_date or plan.start)
    last = min(plan.end, series.to_date or plan.end)
    return first, last


def _slots(plan: Plan, series: Series, calendar: WorkCalendar, report: _Report
           ) -> list[_Slot]:
    first, last = _window(plan, series)
    recurrence = series.recurrence
    if recurrence.rule is not None:
        dates = recurrence.rule.expand(anchor=series.from_date or plan.start,
                                       first=first, last=last)
    else:
        dates = []
        for day in recurrence.dates:
            if first <= day <= last:
                dates.append(day)
            else:
                report.add(series.where, "outside-period", f"{day} is outside "
                           f"{'the plan' if not plan.start <= day <= plan.end else 'the series'}"
                           f" ({first} to {last}); it is left out", Severity.WARNING)
    for day in sorted(recurrence.exceptions - set(dates)):
        report.add(series.where, "unused-exception", f"except lists {day}, a day this series "
                   f"does not give between {first} and {last}", Severity.WARNING)
    return [_place(series, day, calendar=calendar, report=report, first=first, last=last)
            for day in dates]


def _place(series: Series, day: dt.date, *, calendar: WorkCalendar, report: _Report,
           first: dt.date, last: dt.date) -> _Slot:
    """Where a generated date ends up after holidays and closed periods."""
    if day in series.recurrence.exceptions or calendar.closed_period(day, series.body):
        return _Slot(series, day, None)
    holiday = calendar.holiday(day)
    if holiday is None or series.on_holiday is OnHoliday.KEEP:
        return _Slot(series, day, day)
    if series.on_holiday is OnHoliday.SKIP:
        if series.recurrence.rule is None:
            report.add(series.where, "holiday-date", f"{day} is a holiday ({holiday}); it is "
                       'left out (on_holiday = "skip")', Severity.WARNING)
        return _Slot(series, day, None)
    forward = series.on_holiday is OnHoliday.NEXT_WORKDAY
    moved = calendar.step_to_workday(day, forward=forward, limit=last if forward else first,
                                     body=series.body)
    if moved is None:
        report.add(series.where, "no-workday", f"{day} is a holiday ({holiday}) and there is "
                   f"no workday {'after' if forward else 'before'} it in the series' period; "
                   "it is left out", Severity.WARNING)
    return _Slot(series, day, moved)


def _match_changes(plan: Plan, slots: list[_Slot], report: _Report
                   ) -> tuple[dict[_Slot, MeetingChange], list[MeetingChange]]:
    """Which slot each ``[[meeting]]`` changes; the rest are one-offs."""
    if not plan.meetings:  # nothing to look up: a large plan has thousands of slots
        return {}, []
    by_rule_date: dict[tuple[str, dt.date], list[_Slot]] = defaultdict(list)
    by_date: dict[tuple[str, dt.date], list[_Slot]] = defaultdict(list)
    for slot in slots:
        by_rule_date[slot.series.body, slot.rule_date].append(slot)
        if slot.date is not None:
            by_date[slot.series.body, slot.date].append(slot)
    changes: dict[_Slot, MeetingChange] = {}
    one_offs: list[MeetingChange] = []
    for change in plan.meetings:
        key = (change.body, change.date)
        matches = by_rule_date.get(key) or by_date.get(key) or []
        if len(matches) > 1:
            report.add(change.where, "ambiguous-meeting", f"{len(matches)} series of "
                       f'"{change.body}" give {change.date}; give the series different days')
        elif not matches:
            one_offs.append(change)
        elif matches[0] in changes:
            earlier = changes[matches[0]].where
            report.add(change.where, "duplicate-change", f"this meeting is already changed "
                       f"by {earlier.label} (line {earlier.line}); merge the two")
        else:
            changes[matches[0]] = change
    return changes, one_offs


def _changed_times(series: Series, change: MeetingChange
                   ) -> tuple[ClockTime, ClockTime] | Problem:
    """The meeting's times once the change is applied: what the change gives,
    the rest from the series; or the problem with them."""
    start = change.start or series.start
    end: ClockTime | None = None
    length: Minutes | None = None
    length_key = "minutes"
    if change.end is not None:
        end = change.end
    elif change.minutes is not None:
        length = change.minutes
    elif change.start is not None:  # a new start keeps the meeting's length
        length, length_key = series.start.until(series.ends_at), "start"
    else:
        return start, series.ends_at
    problem = check_times(change.where, start, end=end, minutes=length, length_key=length_key)
    if problem is not None:
        return problem
    return start, end if end is not None else start.plus(length or 0)


def _from_slot(plan: Plan, slot: _Slot, change: MeetingChange | None, *,
               calendar: WorkCalendar, report: _Report) -> _Draft | None:
    series = slot.series
    body = plan.body(series.body)
    if change is None:
        if slot.date is None:
            return None
        return _Draft(series.body, slot.rule_date, slot.date, series.start, series.ends_at,
                      series.start, series.title or body.name,
                      series.location if series.location is not None else body.location,
                      Status.PLANNED, "", series.template, None, series, series.where)
    day = change.moved_to or (slot.date if slot.date is not None else slot.rule_date)
    times = _changed_times(series, change)
    if isinstance(times, Problem):
        report.problems.append(times)
        return None
    start, end = times
    draft = _Draft(
        series.body, slot.rule_date, day, start, end, series.start,
        change.title or series.title or body.name,
        next(v for v in (change.location, series.location, body.location) if v is not None),
        change.status or Status.PLANNED, change.note, change.template or series.template,
        change, series, change.where)
    return draft if _check_change(plan, draft, calendar, report,
                                  brought_back=slot.date is None) else None


def _one_off(plan: Plan, change: MeetingChange, calendar: WorkCalendar, report: _Report
             ) -> _Draft | None:
    if change.start is None or (change.end is None and change.minutes is None):
        report.add(change.where, "one-off-needs-time", f'no series of "{change.body}" gives '
                   f"{change.date}, so this is a one-off meeting, and a one-off needs "
                   '"start" and "end" (or "minutes")')
        return None
    if change.moved_to is not None:
        report.add(change.where, "bad-value", f'no series of "{change.body}" gives '
                   f"{change.date}, so there is no meeting to move; write the one-off "
                   "on its own date")
        return None
    body = plan.body(change.body)
    start = change.start
    # The plan is validated: a one-off's own times end after it starts.
    end = change.end if change.end is not None else start.plus(change.minutes or 0)
    draft = _Draft(change.body, change.date, change.date, start, end, start,
                   change.title or body.name,
                   change.location if change.location is not None else body.location,
                   change.status or Status.PLANNED, change.note, change.template, change,
                   None, change.where)
    return draft if _check_change(plan, draft, calendar, report, brought_back=False) else None


def _check_change(plan: Plan, draft: _Draft, calendar: WorkCalendar, report: _Report, *,
                  brought_back: bool) -> bool:
    where = draft.where
    if not plan.start <= draft.date <= plan.end:
        report.add(where, "outside-plan", f"{draft.date} is outside the plan "
                   f"({plan.start} to {plan.end})")
        return False
    if draft.status is Status.CANCELLED:
        return True
    how = ("is moved onto" if draft.date != draft.rule_date else
           "brings back a meeting on" if brought_back else "is on")
    holiday = calendar.holiday(draft.date)
    closed = calendar.closed_period(draft.date, draft.body)
    if holiday is not None:
        report.add(where, "on-holiday", f"{how} {draft.date}, a holiday ({holiday})",
                   Severity.WARNING)
    if closed is not None:
        report.add(where, "in-closed-period", f"{how} {draft.date}, in the closed period "
                   f'"{closed.name}"', Severity.WARNING)
    return True


def _check_empty(plan: Plan, drafts: list[_Draft], report: _Report) -> None:
    used = {id(draft.series) for draft in drafts}
    for series in plan.series:
        if id(series) in used:
            continue
        first, last = _window(plan, series)
        if first > last:
            period = f"{series.from_date or plan.start} to {series.to_date or plan.end}"
            why = f"its period ({period}) lies outside the plan ({plan.start} to {plan.end})"
        else:
            why = f"it gives no meetings between {first} and {last}"
        report.add(series.where, "empty-series", why, Severity.WARNING)


def _identity(plan: Plan, draft: _Draft) -> str:
    """What a meeting is known by: plan, body, series, and the date its rule
    gave. One-off meetings have names of their own, so that adding one never
    changes a series meeting's identity, nor the other way round."""
    day = draft.rule_date.isoformat()
    if draft.series is None:
        return f"{plan.id}/{draft.body}/{day}/one-off"
    if draft.series.id is not None:
        return f"{plan.id}/{draft.body}/{draft.series.id}/{day}"
    return f"{plan.id}/{draft.body}/{day}"


def _with_uids(plan: Plan, drafts: list[_Draft], namespace: uuid.UUID, report: _Report
               ) -> list[Meeting]:
    """Meetings with UIDs (uuid5 of their identity), never of file order.

    Two meetings with one identity (two series without an id, or two one-offs,
    of one body on one day) are told apart by the time their rule gave; that
    name changes if the time does, so a warning asks for series ids.
    """
    groups: dict[str, list[_Draft]] = defaultdict(list)
    for draft in drafts:
        groups[_identity(plan, draft)].append(draft)
    meetings = []
    for name, group in groups.items():
        if len(group) > 1:
            group.sort(key=lambda d: (d.identity_start, d.start, d.end, d.title, d.location))
            report.add(group[-1].where, "same-identity",
                       f'"{group[0].body}" meets {len(group)} times on {group[0].rule_date} '
                       f"from {'one-off meetings' if group[0].series is None else 'series'} "
                       "without an id: give each [[series]] an id, so that calendar "
                       "programs keep knowing these meetings when their times change",
                       Severity.WARNING)
        for draft in group:
            uid_name = f"{name}@{draft.identity_start}" if len(group) > 1 else name
            meetings.append(Meeting(
                uid=uid5(namespace, uid_name), body=draft.body, title=draft.title,
                date=draft.date, start=draft.start, end=draft.end, status=draft.status,
                location=draft.location,
                original_date=draft.rule_date if draft.rule_date != draft.date else None,
                note=draft.note, template=draft.template,
                items=draft.change.items if draft.change else (), where=draft.where))
    # Minutes, not ClockTimes: plain numbers compare without calling Python.
    meetings.sort(key=lambda m: (m.date, m.start.minutes, m.body, m.end.minutes, m.uid))
    return meetings


def _overlapping(meetings: list[Meeting]) -> Iterable[tuple[Meeting, Meeting]]:
    """Pairs (earlier, later) of active meetings on one day that overlap."""
    by_day: dict[dt.date, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        if meeting.status is Status.PLANNED:
            by_day[meeting.date].append(meeting)
    for day in sorted(by_day):
        todays = by_day[day]
        for index, later in enumerate(todays):
            for earlier in todays[:index]:
                if earlier.start < later.end and later.start < earlier.end:
                    yield earlier, later


def _span(meeting: Meeting) -> str:
    return f"{meeting.start}–{meeting.end}"


def _located(meeting: Meeting) -> str:
    line = f", line {meeting.where.line}" if meeting.where.line else ""
    return f"{meeting.where.label}{line}"


def _blamed(first: Meeting, second: Meeting) -> tuple[Meeting, Meeting]:
    """(the one to report, the other): a ``[[meeting]]`` that moved or retimed
    a meeting is what caused the clash, else the later of the two."""
    changed = [m for m in (first, second) if m.where.key.startswith("meeting[")]
    culprit = changed[0] if len(changed) == 1 else second
    return culprit, first if culprit is second else second


def _report_pairs(pairs: Iterable[tuple[Meeting, Meeting]], report: _Report, code: str,
                  severity: Severity,
                  describe: Callable[[Meeting, Meeting, str], str]) -> None:
    """One problem for each pair of tables that clash, however many days
    they do (a daily series in a busy room would otherwise clash 300 times)."""
    days: dict[tuple[Where, Where], list[tuple[Meeting, Meeting]]] = defaultdict(list)
    for first, second in pairs:
        culprit, other = _blamed(first, second)
        days[culprit.where, other.where].append((culprit, other))
    for clashes in days.values():
        culprit, other = clashes[0]
        dates = [c.date.isoformat() for c, _ in clashes]
        when = (f"on {dates[0]}" if len(dates) == 1 else
                f"on {len(dates)} days ({', '.join(dates[:3])}{', …' if len(dates) > 3 else ''})")
        report.add(culprit.where, code, describe(culprit, other, when), severity)


def _check_overlaps(meetings: list[Meeting], report: _Report) -> None:
    by_body: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_body[meeting.body].append(meeting)
    pairs = [pair for body in sorted(by_body) for pair in _overlapping(by_body[body])]
    _report_pairs(pairs, report, "overlap", Severity.ERROR, lambda one, other, when: (
        f'"{one.body}" meets twice at once {when}: {_span(one)} overlaps {_span(other)} '
        f"({_located(other)})"))


def _check_rooms(meetings: list[Meeting], report: _Report) -> None:
    by_room: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        room = " ".join(meeting.location.casefold().split())
        if room:
            by_room[room].append(meeting)
    pairs = [(first, second) for room in sorted(by_room)
             for first, second in _overlapping(by_room[room]) if first.body != second.body]
    _report_pairs(pairs, report, "room-clash", Severity.WARNING, lambda one, other, when: (
        f'"{one.body}" {_span(one)} and "{other.body}" {_span(other)} ({_located(other)}) '
        f'are both in "{one.location}" {when}'))
