"""Where each case went: for each step of its route (one, without a route),
the meeting and the number of its item there (SPEC §12).

Made once the cases are placed (:func:`aarshjul.agenda.assembly.assemble`)
and kept with the agendas, for ``aarshjul cases``, ``plan.json``, the
deadlines feed and the site. The deadline of a step is asked of its body
(:func:`ready_by`), with the plan's holidays.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Container

import attrs

from aarshjul.agenda.drafts import Draft
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
