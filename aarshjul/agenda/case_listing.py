"""The cases list (SPEC §12): every placed case, step by step, with the day
it must be ready for each step; as a table for people, JSON or CSV for
programs.

Made from the agendas (:attr:`~aarshjul.agenda.assembly.Agendas.cases`,
where each case went) and the plan's holidays, which count each step's
deadline (:func:`~aarshjul.agenda.steps.ready_by`). The cases come in the
order they are decided: by the day of their last step's meeting, then as
the plan lists them. A case in several months is listed once for each.
JSON keys and meaning are fixed by SPEC §12; dates are ``YYYY-MM-DD``.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Container, Iterable, Sequence

import attrs

from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.listing import aligned
from aarshjul.agenda.steps import PlacedCase, ready_by
from aarshjul.dates import short_weekday
from aarshjul.model import Case, Meeting, Plan
from aarshjul.scheduling.calendar import work_calendar
from aarshjul.vocabulary import words

__all__ = ["ListedCase", "ListedStep", "list_cases"]

CSV_FIELDS = ("title", "route", "step", "body", "date", "uid", "item", "deadline")
"""The CSV's columns: one row a step, its case's title and route on each."""


@attrs.frozen
class ListedStep:
    """One step of a listed case: its body, its meeting, the item's number
    on that meeting's agenda, and the day the case must be ready for it
    (the body's ``case_deadline``, else its ``agenda_deadline``; None where
    it has neither)."""

    body: str
    meeting: Meeting
    item: int
    deadline: dt.date | None

    def record(self) -> dict[str, object]:
        return {"body": self.body, "date": self.meeting.date.isoformat(),
                "uid": self.meeting.uid, "item": self.item,
                "deadline": None if self.deadline is None else self.deadline.isoformat()}


@attrs.frozen
class ListedCase:
    """A placed case as ``aarshjul cases`` lists it: the case as the plan
    gives it, and its steps in the order the case passes them (one, for a
    case without a route)."""

    case: Case
    steps: tuple[ListedStep, ...]

    @property
    def title(self) -> str:
        """The case's title as the plan writes it (``{date}`` unfilled: each
        step's agenda item fills it with its own meeting's date)."""
        return self.case.title

    @property
    def route(self) -> str | None:
        """The id of the ``[[route]]`` it travels, or None."""
        return self.case.route

    def record(self) -> dict[str, object]:
        """As ``aarshjul cases --format json`` gives it (SPEC §12)."""
        return {"title": self.title, "route": self.route,
                "steps": [step.record() for step in self.steps]}


def list_cases(plan: Plan, agendas: Agendas, *, body: str | Iterable[str] | None = None,
               holidays: Container[dt.date] | None = None) -> tuple[ListedCase, ...]:
    """The cases the agendas place, in the order they are decided (by the
    day of the last step's meeting, then as the plan lists them), each with
    every step's deadline. With ``body`` (an id or several), only the cases
    with a step on one of those bodies, with all their steps.

    ``holidays`` are the days a deadline does not fall on or count (default:
    the plan's, :func:`~aarshjul.scheduling.calendar.work_calendar`). Raises
    KeyError for a body the plan does not have (which would have none).
    """
    bodies = None if body is None else {body} if isinstance(body, str) else set(body)
    known = {one.id for one in plan.bodies}
    unknown = sorted((bodies or set()) - known)
    if unknown:
        raise KeyError(f"no body {', '.join(map(repr, unknown))} (the plan has "
                       f"{', '.join(one.id for one in plan.bodies) or 'none'})")
    if holidays is None:  # a plan with no case has no deadline to count
        holidays = work_calendar(plan).holidays if agendas.cases else {}
    chosen = [placed for placed in agendas.cases
              if bodies is None or any(step.body in bodies for step in placed.steps)]
    # The agendas hold the cases in the order they were placed (those pinned
    # to a date first). Cases alike (equal) keep that order among themselves.
    in_file: dict[Case, int] = {}
    for number, case in enumerate(plan.cases):
        in_file.setdefault(case, number)
    decided = sorted(chosen, key=lambda placed: (placed.steps[-1].meeting.date,
                                                 in_file.get(placed.case, len(in_file))))
    return tuple(_listed(plan, placed, holidays) for placed in decided)


def _listed(plan: Plan, placed: PlacedCase, holidays: Container[dt.date]) -> ListedCase:
    return ListedCase(placed.case, tuple(
        ListedStep(step.body, step.meeting, step.item,
                   ready_by(plan.body(step.body), step.meeting.date, holidays))
        for step in placed.steps))


def as_json(cases: Sequence[ListedCase]) -> str:
    return json.dumps([case.record() for case in cases], ensure_ascii=False, indent=2)


def as_csv(cases: Sequence[ListedCase]) -> str:
    """One row a step, numbered from 1 in its case, under a header row."""
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for case in cases:
        for number, step in enumerate(case.steps, start=1):
            row = {"title": case.title, "route": case.route, "step": number, **step.record()}
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
    return out.getvalue()


def as_table(plan: Plan, cases: Sequence[ListedCase]) -> str:
    """Aligned columns in the plan's language, one line a step; a case's
    title and route on its first step's line."""
    language = plan.language
    said = words(language)
    rows = [(said.title, said.route, said.step, said.body, said.date, said.weekday,
             said.item, said.ready_by)]
    for case in cases:
        for number, step in enumerate(case.steps, start=1):
            first = number == 1
            rows.append((
                case.title if first else "",
                (case.route or "") if first else "",
                str(number),
                step.body,
                step.meeting.date.isoformat(),
                short_weekday(step.meeting.date, language),
                str(step.item),
                "" if step.deadline is None else step.deadline.isoformat(),
            ))
    return aligned(rows)
