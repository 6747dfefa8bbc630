"""The days cases must be ready: one all-day event for each step of each
placed case whose body has a deadline, in ``deadlines.ics`` (SPEC §12).

A step's day is its body's ``case_deadline``, else its ``agenda_deadline``
(:func:`aarshjul.agenda.steps.ready_by`), counted back from the step's
meeting over the plan's holidays. Its event is a deadline before the
meeting, as the agenda's is (:func:`~aarshjul.ical.meeting_events.day_before_meeting`):
``Frist: <case title> → <body name> (møde <date>)``.

Its UID must stay when the feed is built again and when other cases come
and go, so it is made of what the case is, not of where the plan lists it
or which number its item has: a uuid5 under the meeting's UID (which keeps
its identity when the meeting moves, :mod:`aarshjul.scheduling.identity`)
of the case's route and title. The meeting names the step (a route passes
each body once). Where one meeting takes several cases of one route and
title (a case in two months whose committee meets once for both, or a
case the plan gives twice), they are counted: their events are alike but
for their UIDs, so whichever of them comes or goes, the others keep theirs.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence

from aarshjul.agenda.steps import PlacedCase, ready_by
from aarshjul.ical.event import Event
from aarshjul.ical.meeting_events import day_before_meeting
from aarshjul.model import Case, Plan
from aarshjul.scheduling.calendar import WorkCalendar
from aarshjul.uids import uid5
from aarshjul.vocabulary import words

__all__ = ["case_deadline_events", "case_step_uid"]


def case_step_uid(meeting_uid: str, case: Case, occurrence: int = 0) -> str:
    """The UID of the deadline of ``case`` on the meeting ``meeting_uid``;
    ``occurrence`` tells apart cases alike on one meeting (from 0)."""
    # The route's id is of letters, digits and dashes: the title, last, can hold anything.
    return uid5(meeting_uid, f"case-deadline/{case.route or ''}/{occurrence}/{case.title}")


def case_deadline_events(plan: Plan, cases: Sequence[PlacedCase], workdays: WorkCalendar,
                         date_words: Callable[[dt.date], str]
                         ) -> Mapping[str, list[Event]]:
    """The case deadlines before each meeting, by the meeting's UID, in the
    order of their items on its agenda. A step whose body has no deadline
    has none."""
    said = words(plan.language)
    bodies = {body.id: body for body in plan.bodies}
    alike: Counter[tuple[str, str | None, str]] = Counter()
    events: dict[str, list[tuple[int, Event]]] = defaultdict(list)
    for placed in cases:
        case = placed.case
        for step in placed.steps:
            meeting = step.meeting
            day = ready_by(bodies[step.body], meeting.date, workdays.holidays)
            if day is None:
                continue
            occurrence = alike[meeting.uid, case.route, case.title]
            alike[meeting.uid, case.route, case.title] += 1
            summary = said.case_deadline.format(title=" ".join(case.title.split()),
                                                body=bodies[step.body].name,
                                                date=date_words(meeting.date))
            events[meeting.uid].append((step.item, day_before_meeting(
                plan, meeting, day, uid=case_step_uid(meeting.uid, case, occurrence),
                summary=summary)))
    return {uid: [event for _, event in sorted(found, key=lambda one: one[0])]
            for uid, found in events.items()}
