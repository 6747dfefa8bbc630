"""Cases onto meetings (pure): pinned cases to their day, the others to the
first meeting in their window or month that still has room (SPEC §3).

Each body's meetings are kept in date order with a tree of the minutes of
cases each can still take, so a case finds its meeting in O(log n) however
many cases and meetings a plan has.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from collections.abc import Mapping

import attrs

from aarshjul.agenda.drafts import Draft
from aarshjul.agenda.room import BodyMeetings
from aarshjul.agenda.routes import route_case
from aarshjul.choices import Status
from aarshjul.errors import Problem
from aarshjul.messages import Message, _
from aarshjul.model import Case, Plan, Route

__all__ = ["Placing", "place_cases"]


@attrs.frozen
class Placing:
    """Where one case went (for a case in several months, one placing for
    each): the entry on each step's meeting, in the route's order (a case
    without a route has one step)."""

    case: Case
    steps: tuple[tuple[Case, Draft], ...]


def place_cases(plan: Plan, drafts: Mapping[str, Draft]
                ) -> tuple[list[Problem], list[Placing]]:
    ordered: dict[str, list[Draft]] = defaultdict(list)
    for draft in sorted(drafts.values(),
                        key=lambda d: (d.meeting.date, d.meeting.start.minutes)):
        ordered[draft.meeting.body].append(draft)
    bodies = {c.body for c in plan.cases} | {step for r in plan.routes for step in r.steps}
    by_body = {body: BodyMeetings(ordered[body]) for body in bodies}
    routes: dict[str, Route] = {}
    for route in plan.routes:  # a second route of one id is an error; the first counts
        routes.setdefault(route.id, route)
    problems: list[Problem] = []
    placings: list[Placing] = []

    def place(case: Case, found: int | Problem, first: dt.date, last: dt.date | None) -> None:
        """The case on the meeting ``found``; ``last`` ends the span a case
        with a window or month looks in (None: pinned to its date)."""
        route = routes.get(case.route or "")
        pinned = last is None
        if isinstance(found, Problem):
            problems.append(found)
        elif route is None:
            by_body[case.body].add(found, case, pinned=pinned)
            placings.append(Placing(case, ((case, by_body[case.body].drafts[found]),)))
        else:
            routed = route_case(plan, route, case, last=found, first=first, by_body=by_body)
            tried: int | None = found
            # Where the earlier steps find no room before one meeting of the
            # last step, they may before a later one in the case's span.
            while isinstance(routed, Problem) and last is not None and tried is not None:
                tried = by_body[case.body].next_with_room(tried, last, case.minutes_at(-1))
                if tried is not None:
                    later = route_case(plan, route, case, last=tried, first=first,
                                       by_body=by_body)
                    routed = routed if isinstance(later, Problem) else later
            if isinstance(routed, Problem):  # said of the first meeting tried
                problems.append(routed)
                return
            for step, (entry, index) in enumerate(routed):
                by_body[entry.body].add(index, entry, pinned=pinned and step == len(routed) - 1)
            placings.append(Placing(case, tuple((entry, by_body[entry.body].drafts[index])
                                                for entry, index in routed)))

    # Date-pinned cases first: they must go where they say, room or not.
    for case in plan.cases:
        if case.date is not None:
            place(case, _pin(case, by_body[case.body]), case.date, None)
    for case in plan.cases:
        spans = _spans(plan, case)
        if case.months and not spans:
            months = ", ".join(str(m) for m in case.months)
            problems.append(_unplaced(case, _(
                "month {months} is not inside the plan ({start} to {end})", months=months,
                start=plan.start, end=plan.end)))
        for first, last in spans:
            place(case, _fit(case, by_body[case.body], first, last), first, last)
    return problems, placings


def _pin(case: Case, meetings: BodyMeetings) -> int | Problem:
    """The meeting of the case's date, room or not."""
    assert case.date is not None
    on_day = meetings.on_day.get(case.date) or meetings.on_original_day.get(case.date, [])
    planned = [i for i in on_day if meetings.drafts[i].meeting.status is Status.PLANNED]
    if planned and meetings.drafts[planned[0]].meeting.all_day:
        return _unplaced(case, _("the meeting of {date} is all day, and has no agenda; give "
                                 'it "start" and "end" to give it one', date=case.date))
    if planned:
        return planned[0]
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


def _fit(case: Case, meetings: BodyMeetings, first: dt.date, last: dt.date) -> int | Problem:
    """The first meeting from ``first`` to ``last`` with room for the case
    (on a route: for its last step's minutes)."""
    minutes = case.minutes_at(-1)
    low, high = meetings.span(first, last)
    found = meetings.capacity.first_at_least(low, high, minutes) if low <= high else None
    if found is not None:
        return found
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
            "meeting tried)", body=case.body, first=first, last=last, minutes=minutes,
            room=room, date=day, tried=tried))
    return _unplaced(case, _(
        'every meeting of "{body}" between {first} and {last} is full: the case needs '
        "{minutes} minutes, the most room left is {room} minutes ({date}; {tried} "
        "meetings tried)", body=case.body, first=first, last=last, minutes=minutes,
        room=room, date=day, tried=tried))
