"""Plan -> meetings: rules, holidays, closed periods and ``[[meeting]]`` changes.

Pure: the same plan gives the same meetings, whatever the order of its
tables, the machine's time zone or today's date. :func:`schedule` first
validates the plan (one built or changed in code has not been read from a
file), then takes the steps in order, each in a module of its own:

1. :mod:`~aarshjul.scheduling.slots`: each series' dates, after holidays and
   closed periods;
2. :mod:`~aarshjul.scheduling.changes`: ``[[meeting]]`` changes applied to
   them, and one-off meetings; the series that follow a body
   (:mod:`~aarshjul.scheduling.followers`) then take the final meetings of
   the body they follow, and their own changes, stage by stage;
3. :mod:`~aarshjul.scheduling.identity`: each meeting's identity and UID;
4. :mod:`~aarshjul.scheduling.clashes`: overlaps and room clashes.

Problems that only show once the meetings exist (overlaps, a meeting moved
onto a holiday, a one-off without a time) are reported there, located at the
table that caused them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable

import attrs

from aarshjul.errors import PlanError, Problem, has_errors
from aarshjul.following import stages
from aarshjul.model import Meeting, MeetingChange, Plan, Series
from aarshjul.plan.labels import locate
from aarshjul.plan.validate import validate
from aarshjul.scheduling.calendar import WorkCalendar, work_calendar
from aarshjul.scheduling.changes import Draft, from_slot, match_changes, one_off
from aarshjul.scheduling.clashes import overlaps, room_clashes
from aarshjul.scheduling.followers import follower_slots
from aarshjul.scheduling.identity import with_uids
from aarshjul.scheduling.slots import empty_series, plan_slots

__all__ = ["Schedule", "list_meetings", "schedule"]

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
        """The body's meetings on ``day`` (a meeting over several days is on
        each of them); or, if none, those moved from it."""
        theirs = [m for m in self.meetings if m.body == body]
        return tuple([m for m in theirs if m.date <= day <= m.last_day]
                     or [m for m in theirs if m.original_date == day])


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
    # Tables built in code get their labels first, so that every problem
    # found on the way still says which table it is about.
    plan = locate(plan)
    invalid = [problem for problem in validate(plan) if problem.is_error]
    if invalid:
        raise PlanError(invalid)
    plan = _lengths_given(plan)
    calendar = calendar if calendar is not None else work_calendar(plan)
    problems: list[Problem] = []
    drafts: list[Draft] = []
    one_offs: list[MeetingChange] = list(plan.meetings)
    for stage in _stages(plan):
        # The followed bodies' meetings are final (changed, moved) before
        # their followers' are made from them.
        slots = (plan_slots(plan, calendar, problems) if stage is None else
                 [slot for series in stage
                  for slot in follower_slots(plan, series, drafts, calendar, problems)])
        changes, one_offs = match_changes(one_offs, slots, problems)
        drafts += [draft for slot in slots
                   if (draft := from_slot(plan, slot, changes.get(slot), calendar=calendar,
                                          problems=problems))]
    drafts += [draft for change in one_offs
               if (draft := one_off(plan, change, calendar, problems))]
    problems += empty_series(plan, (draft.series for draft in drafts))
    meetings = with_uids(plan, drafts, uid_namespace, problems)
    problems += overlaps(meetings)
    problems += room_clashes(meetings)
    return Schedule(tuple(meetings), tuple(problems))


def _stages(plan: Plan) -> list[tuple[Series, ...] | None]:
    """The series in the order their meetings are made: first every series
    with a rule or dates (None), then the followers of their bodies, then
    the followers of those …"""
    followers = [one for one in plan.series if one.follows is not None]
    if not followers:
        return [None]
    depth = stages((one.body, one.follows.body) for one in followers if one.follows)
    return [None, *[tuple(one for one in followers if depth[one.body] == level)
                    for level in sorted(set(depth.values()))]]


def _lengths_given(plan: Plan) -> Plan:
    """The plan with each series that gives only its start given its body's
    or the plan's minutes (the validated plan has them): every later step
    takes a series' times from the series."""
    if all(one.end is not None or one.minutes is not None for one in plan.series):
        return plan
    return attrs.evolve(plan, series=tuple(
        one if one.end is not None or one.minutes is not None
        else attrs.evolve(one, minutes=plan.minutes_of(one.body)) for one in plan.series))


def list_meetings(plan: Plan, *, body: str | Iterable[str] | None = None,
                  start: dt.date | None = None, end: dt.date | None = None
                  ) -> tuple[Meeting, ...]:
    """The plan's meetings, optionally of some bodies and between two dates
    (inclusive). Raises :class:`PlanError` if the plan has errors, and
    KeyError for a body the plan does not have (which would have none)."""
    bodies = [body] if isinstance(body, str) else list(body or ())
    known = [one.id for one in plan.bodies]
    unknown = [one for one in bodies if one not in known]
    if unknown:
        raise KeyError(f"no body {', '.join(map(repr, unknown))} (the plan has "
                       f"{', '.join(known) or 'none'})")
    result = schedule(plan)
    if not result.ok:
        raise PlanError([p for p in result.problems if p.is_error])
    return select(result.meetings, body=None if body is None else bodies, start=start,
                  end=end)


def select(meetings: Iterable[Meeting], *, body: str | Iterable[str] | None = None,
           start: dt.date | None = None, end: dt.date | None = None) -> tuple[Meeting, ...]:
    """The meetings of some bodies between two dates (inclusive): those on
    any day between them (a meeting over several days that is still running
    at ``start`` too)."""
    bodies = {body} if isinstance(body, str) else (set(body) if body is not None else None)
    return tuple(m for m in meetings
                 if (bodies is None or m.body in bodies)
                 and (start is None or m.last_day >= start)
                 and (end is None or m.date <= end))
