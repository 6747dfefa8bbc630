"""A case's route, back-scheduled (pure, SPEC §12).

A byråd case starts in a committee, passes Økonomiudvalget and is decided
by the byråd, each step on a meeting of its own. The last step is placed as
any case (:mod:`aarshjul.agenda.placement`); each earlier step then goes,
working backwards, on the **latest** meeting of its body that lies at least
the route's ``gap`` days before the next step's meeting and still has room
for the step's minutes. It looks back to the start of the case's window or
month (for a case with a date, to that date), or :data:`LOOK_BACK` before
the latest day the gap allows, whichever is earlier: a December byråd's
committee may meet in November. Where a step finds no meeting, nothing of the case is placed and
the error names the step, its body and the days searched.

Each step's entry on its agenda is a :class:`CaseStep`: the case at that
step's body, with that step's minutes and the steps still to come, which
its agenda item tells (:func:`then_words`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping

import attrs

from aarshjul.agenda.room import BodyMeetings
from aarshjul.errors import Problem
from aarshjul.messages import AND, _, listed
from aarshjul.model import Case, Plan, Route
from aarshjul.vocabulary import Language

__all__ = ["CaseStep", "route_case", "then_words"]

LOOK_BACK = dt.timedelta(weeks=8)
"""How far before the latest day the gap allows an earlier step looks, at least."""


@attrs.frozen(kw_only=True)
class CaseStep(Case):
    """A case on one step of its route: ``body`` and ``minutes`` are the
    step's; ``then`` the bodies and days of the steps after it."""

    then: tuple[tuple[str, dt.date], ...] = ()


def route_case(plan: Plan, route: Route, case: Case, *, last: int, first: dt.date,
               by_body: Mapping[str, BodyMeetings]
               ) -> list[tuple[CaseStep, int]] | Problem:
    """Each step's entry and meeting (its index among its body's meetings),
    in the route's order; ``last`` is the last step's meeting, found in the
    span from ``first``. Nothing is added to the meetings here."""
    count = len(route.steps)
    indexes = [last]
    days = [by_body[route.steps[-1]].dates[last]]
    for step in range(count - 2, -1, -1):
        body, minutes = route.steps[step], case.minutes_at(step)
        meetings = by_body[body]
        latest = days[0] - dt.timedelta(days=route.gap)
        earliest = min(first, latest - LOOK_BACK)
        low, high = meetings.span(earliest, latest)
        found = meetings.capacity.last_at_least(low, high, minutes) if low <= high else None
        if found is None:
            return case.where.problem("route-infeasible", _(
                'step {step} of {count} of the route "{route}": no meeting of {name} between '
                "{first} and {last} has {minutes} free minutes (the next step is on {next})",
                step=step + 1, count=count, route=route.id, name=plan.body(body).name,
                first=earliest, last=latest, minutes=minutes, next=days[0]))
        indexes.insert(0, found)
        days.insert(0, meetings.dates[found])
    fields = {field.name: getattr(case, field.name) for field in attrs.fields(Case)}
    return [(CaseStep(**{**fields, "body": body, "minutes": case.minutes_at(step),
                         "step_minutes": ()},
                      then=tuple(zip(route.steps[step + 1:], days[step + 1:],
                                                strict=True))), index)
            for step, (body, index) in enumerate(zip(route.steps, indexes, strict=True))]


def then_words(then: tuple[tuple[str, dt.date], ...], names: Mapping[str, str],
               language: Language, date_words: Callable[[dt.date], str]) -> str:
    """"Sagen behandles herefter i Økonomiudvalget den 19. maj 2025 og i
    Byrådet den 27. maj 2025": where a case goes after this step."""
    if not then:
        return ""
    steps = [_("to {body} on {date}", body=names[body], date=date_words(day))
             for body, day in then]
    return _("The case then goes {steps}", steps=listed(steps, last=AND)).text_in(language)
