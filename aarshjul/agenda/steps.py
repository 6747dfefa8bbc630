"""Where each case went: for each step of its route (one, without a route),
the meeting and the number of its item there (SPEC §12).

Made once the cases are placed (:func:`aarshjul.agenda.assembly.assemble`)
and kept with the agendas, for ``aarshjul cases``, ``plan.json``, the
deadlines feed and the site. The deadline of a step is asked of its body
(:func:`ready_by`), with the plan's holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container, Iterable, Mapping

import attrs

from aarshjul.agenda.drafts import Draft
from aarshjul.agenda.items import Agenda
from aarshjul.agenda.placement import Placing
from aarshjul.model import Body, Case, Meeting

__all__ = ["PlacedCase", "Step"]


@attrs.frozen
class Step:
    """One step of a case: its body, its meeting, and its item's number on
    that meeting's agenda."""

    body: str
    meeting: Meeting
    item: int


@attrs.frozen
class PlacedCase:
    """A case as the plan gives it, and where it went. A case in several
    months (or several years) is placed once for each."""

    case: Case
    steps: tuple[Step, ...]

    @property
    def route(self) -> str | None:
        return self.case.route


def routed(cases: Iterable[PlacedCase]) -> list[PlacedCase]:
    """The placings of cases that travel a route of more than one step, in
    the order given: what the site shows as a timeline and the wheel as a
    thread (a case with one step has no way to show)."""
    return [placed for placed in cases if placed.route is not None and len(placed.steps) > 1]


def shown_title(placed: PlacedCase, by_uid: Mapping[str, Agenda]) -> str:
    """The case's title as its last step's agenda shows it (a title may name
    its meeting's ``{date}``), from the agendas by meeting UID."""
    last = placed.steps[-1]
    return by_uid[last.meeting.uid].items[last.item - 1].title


def placed_case(placing: Placing) -> PlacedCase:
    return PlacedCase(placing.case, tuple(
        Step(entry.body, draft.meeting, _number(draft, entry))
        for entry, draft in placing.steps))


def _number(draft: Draft, entry: Case) -> int:
    """The item's number: its place among the agenda's entries (the entry
    itself, not one equal to it: a plan may give two cases alike)."""
    return next(number for number, one in enumerate(draft.entries(), start=1) if one is entry)


def ready_by(body: Body, meeting: dt.date, holidays: Container[dt.date]) -> dt.date | None:
    """The day a case must be ready for the body's meeting on ``meeting``:
    its ``case_deadline``, else its ``agenda_deadline``; None if it has neither."""
    deadline = body.ready_by
    return None if deadline is None else deadline.day_before(meeting, holidays)
