"""Slots and ``[[meeting]]`` tables -> drafts: meetings before their UIDs.

The second step of scheduling (:mod:`aarshjul.scheduling.meetings`). Each
``[[meeting]]`` names the date a series gives (or the day a holiday moved
it to) and changes that meeting; one that names no series' date is a
one-off. A change's times are only known once it is applied to its series'
meeting, so the time rule (:func:`aarshjul.plan.spans.check_times`) is
asked here for what the change leaves to the series; and where the change
puts the meeting (outside the plan, onto a holiday) shows here too.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import attrs

from aarshjul.choices import Status
from aarshjul.clock import ClockTime, Minutes
from aarshjul.errors import Problem, Severity
from aarshjul.messages import Message, _
from aarshjul.model import MeetingChange, Plan, Series, Where
from aarshjul.plan.spans import check_times
from aarshjul.scheduling.calendar import WorkCalendar
from aarshjul.scheduling.slots import Slot


@attrs.frozen(kw_only=True)
class Draft:
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
    follows: Draft | None = None
    """The meeting a follower's meeting follows (:mod:`aarshjul.scheduling.followers`)."""
    to: dt.date | None = None  # the last day of a meeting over several days
    all_day: bool = False


def match_changes(meetings: Iterable[MeetingChange], slots: list[Slot],
                  problems: list[Problem]
                  ) -> tuple[dict[Slot, MeetingChange], list[MeetingChange]]:
    """Which slot each ``[[meeting]]`` changes; the rest change none of
    these slots (they are one-offs, or change a follower's, made later)."""
    meetings = list(meetings)
    if not meetings or not slots:  # nothing to look up: a large plan has thousands of slots
        return {}, meetings
    by_rule_date: dict[tuple[str, dt.date], list[Slot]] = defaultdict(list)
    by_date: dict[tuple[str, dt.date], list[Slot]] = defaultdict(list)
    for slot in slots:
        by_rule_date[slot.series.body, slot.rule_date].append(slot)
        if slot.date is not None:
            by_date[slot.series.body, slot.date].append(slot)
    changes: dict[Slot, MeetingChange] = {}
    one_offs: list[MeetingChange] = []
    for change in meetings:
        key = (change.body, change.date)
        matches = by_rule_date.get(key) or by_date.get(key) or []
        if len(matches) > 1:
            problems.append(change.where.problem("ambiguous-meeting", _(
                '{count} series of "{body}" give {date}; give the series different days',
                count=len(matches), body=change.body, date=change.date)))
        elif not matches:
            one_offs.append(change)
        elif matches[0] in changes:
            problems.append(change.where.problem("duplicate-change", _(
                'the meeting of "{body}" on {date} is already changed by {earlier}; '
                "give it one [[meeting]] with all its changes", body=change.body,
                date=matches[0].rule_date, earlier=located(changes[matches[0]].where))))
        else:
            changes[matches[0]] = change
    return changes, one_offs


def _changed_times(series: Series, change: MeetingChange, day: dt.date
                   ) -> tuple[ClockTime, ClockTime] | Problem:
    """The meeting's times once the change is applied: what the change gives,
    the rest from the series; or the problem with them. Over several days
    (the validation pass has checked them) its start and end are on
    different days."""
    start = change.start or series.start
    if change.to is not None and change.to > day:
        return start, change.end or series.ends_at
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


def from_slot(plan: Plan, slot: Slot, change: MeetingChange | None, *,
              calendar: WorkCalendar, problems: list[Problem]) -> Draft | None:
    """The slot's meeting, changed by ``change``; None if there is none."""
    series = slot.series
    body = plan.body(series.body)
    # A follower of a cancelled meeting is cancelled with it.
    status = (Status.CANCELLED if slot.follows is not None
              and slot.follows.status is Status.CANCELLED else Status.PLANNED)
    if change is None:
        if slot.date is None:
            # Nothing brings it back: say why it is left out.
            if slot.left_out is not None:
                problems.append(slot.left_out)
            return None
        return Draft(body=series.body, rule_date=slot.rule_date, date=slot.date,
                     start=series.start, end=series.ends_at, identity_start=series.start,
                     title=series.title or body.name,
                     location=(series.location if series.location is not None
                               else body.location),
                     status=status, note="", template=series.template, change=None,
                     series=series, where=series.where, follows=slot.follows)
    day = change.moved_to or (slot.date if slot.date is not None else slot.rule_date)
    times = _changed_times(series, change, day)
    if isinstance(times, Problem):
        problems.append(times)
        return None
    start, end = times
    draft = Draft(
        body=series.body, rule_date=slot.rule_date, date=day, start=start, end=end,
        identity_start=series.start, title=change.title or series.title or body.name,
        location=next(v for v in (change.location, series.location, body.location)
                      if v is not None),
        status=change.status or status, note=change.note,
        template=change.template or series.template, change=change, series=series,
        where=change.where, follows=slot.follows, to=_last_day(change, day))
    return draft if _check_day(plan, draft, calendar, problems,
                               brought_back=slot.date is None) else None


def one_off(plan: Plan, change: MeetingChange, calendar: WorkCalendar,
            problems: list[Problem]) -> Draft | None:
    """A ``[[meeting]]`` on a date no series gives: a meeting of its own.
    Given only its start, it lasts its body's or the plan's minutes."""
    where = change.where
    if change.to is not None and change.start is None and change.end is None:
        return _all_day(plan, change, calendar, problems)
    length = change.minutes if change.minutes is not None else plan.minutes_of(change.body)
    if change.start is None or (change.end is None and length is None):
        problems.append(where.problem("one-off-needs-time", _(
            'no series of "{body}" gives {date}, so this is a one-off meeting, and a one-off '
            'needs "start" and "end" (or "minutes", here, on its [[body]] or in [plan])',
            body=change.body, date=change.date)))
        return None
    if change.end is None and change.minutes is None:  # the body's or the plan's minutes
        problem = check_times(where, change.start, minutes=length, length_key="start")
        if problem is not None:
            problems.append(problem)
            return None
    if change.moved_to is not None:
        problems.append(_nothing_to_move(change))
        return None
    start = change.start
    # The plan is validated: a one-off's own times end after it starts.
    end = change.end if change.end is not None else start.plus(length or 0)
    draft = _one_off_draft(plan, change, start=start, end=end, template=change.template)
    return draft if _check_day(plan, draft, calendar, problems, brought_back=False) else None


def _one_off_draft(plan: Plan, change: MeetingChange, *, start: ClockTime, end: ClockTime,
                   template: str | None, all_day: bool = False) -> Draft:
    body = plan.body(change.body)
    return Draft(body=change.body, rule_date=change.date, date=change.date, start=start,
                 end=end, identity_start=start, title=change.title or body.name,
                 location=change.location if change.location is not None else body.location,
                 status=change.status or Status.PLANNED, note=change.note, template=template,
                 change=change, series=None, where=change.where,
                 to=_last_day(change, change.date), all_day=all_day)


def _nothing_to_move(change: MeetingChange) -> Problem:
    return change.where.problem("bad-value", _(
        'no series of "{body}" gives {date}, so there is no meeting to move; write the '
        "one-off on its own date", body=change.body, date=change.date))


def _last_day(change: MeetingChange, day: dt.date) -> dt.date | None:
    """The last day of a meeting over several days; None for one day."""
    return change.to if change.to is not None and change.to > day else None


def _all_day(plan: Plan, change: MeetingChange, calendar: WorkCalendar,
             problems: list[Problem]) -> Draft | None:
    """A one-off with ``to`` and no times: all day, on each of its days (one
    day where ``to`` is its date). Its agenda would have no clock times, so
    it has none: no template and no items of its own."""
    where = change.where
    for key, given in (("template", change.template is not None), ("item", change.items)):
        if given:
            problems.append(where.problem("bad-value", _(
                'an all-day meeting has no agenda; give it "start" and "end" to give it '
                "one"), key=key))
            return None
    if change.moved_to is not None:
        problems.append(_nothing_to_move(change))
        return None
    midnight = ClockTime.at(0)
    draft = _one_off_draft(plan, change, start=midnight, end=midnight, template=None,
                           all_day=True)
    return draft if _check_day(plan, draft, calendar, problems, brought_back=False) else None


def _check_day(plan: Plan, draft: Draft, calendar: WorkCalendar, problems: list[Problem], *,
               brought_back: bool) -> bool:
    """Is the day a change puts the meeting on inside the plan? Warn if it
    is a holiday or closed."""
    where = draft.where
    if not plan.start <= draft.date <= plan.end:
        problems.append(where.problem("outside-plan", _(
            "{date} is outside the plan ({start} to {end})", date=draft.date,
            start=plan.start, end=plan.end)))
        return False
    if draft.to is not None and draft.to > plan.end:
        problems.append(where.problem("outside-plan", _(
            "{date} is outside the plan ({start} to {end})", date=draft.to,
            start=plan.start, end=plan.end), key="to"))
        return False
    if draft.status is Status.CANCELLED:
        return True
    how = ("moved" if draft.date != draft.rule_date else
           "back" if brought_back else "on")
    holiday = calendar.holiday(draft.date)
    closed = calendar.closed_period(draft.date, draft.body)
    if holiday is not None:
        problems.append(where.problem("on-holiday", _on_holiday(how, draft.date, holiday),
                                      severity=Severity.WARNING))
    if closed is not None:
        problems.append(where.problem("in-closed-period", _in_closed(how, draft.date,
                                                                     closed.name),
                                      severity=Severity.WARNING))
    return True


def _on_holiday(how: str, day: dt.date, holiday: str) -> Message:
    if how == "moved":
        return _("is moved onto {date}, a holiday ({holiday})", date=day, holiday=holiday)
    if how == "back":
        return _("brings back a meeting on {date}, a holiday ({holiday})", date=day,
                 holiday=holiday)
    return _("is on {date}, a holiday ({holiday})", date=day, holiday=holiday)


def _in_closed(how: str, day: dt.date, closed: str) -> Message:
    if how == "moved":
        return _('is moved onto {date}, in the closed period "{closed}"', date=day,
                 closed=closed)
    if how == "back":
        return _('brings back a meeting on {date}, in the closed period "{closed}"',
                 date=day, closed=closed)
    return _('is on {date}, in the closed period "{closed}"', date=day, closed=closed)


def located(where: Where) -> str | Message:
    """A table's label, and its line where it has one (``[[meeting]] #2
    (body "sbu"), line 40``)."""
    if where.line is None:
        return where.label
    return _("{table}, line {line}", table=where.label, line=where.line)
