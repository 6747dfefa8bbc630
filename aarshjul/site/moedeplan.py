"""The mødeplan (SPEC §13): every meeting of the plan on one page,
``meetings.html``, month by month, each linked to its agenda page; a page
for each body, ``bodies/<id>.html``, with that body's meetings only; and, on
each of them, links to the others, a filter by body that needs no
JavaScript. Printed, it is a list on A4 whose first page holds meetings.

Pure: the plan, the agendas and the agenda pages' paths
(:func:`~aarshjul.agenda.paths.agenda_paths`) in, the pages' text out.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Mapping, Sequence

import attrs

from aarshjul.agenda.assembly import Agendas
from aarshjul.choices import Status
from aarshjul.dates import meeting_hours, month_and_year, moved_words, weekdays_and_days
from aarshjul.model import Meeting, Plan
from aarshjul.templates import render
from aarshjul.vocabulary import Words, words

__all__ = ["MEETINGS", "body_page", "meeting_plan_pages", "months"]

MEETINGS = "meetings.html"
"""The page of every meeting, in the site's folder."""


def body_page(body: str) -> str:
    """A body's page of its meetings, in the site's folder."""
    return f"bodies/{body}.html"


@attrs.frozen
class Row:
    """A meeting as the mødeplan shows it."""

    day: str  # its weekday and date, or its days ("fredag–lørdag 25.–26. august 2017")
    first: str  # its first day, ISO 8601 (a <time> element's datetime)
    time: str  # "18.15 – 19.45", or "hele dagen"
    body: str  # its body's name
    title: str  # its own title, where it is not its body's name; else ""
    place: str
    href: str  # its agenda page, from the site's folder
    cancelled: bool
    remarks: tuple[str, ...]  # "flyttet fra …", its note


@attrs.frozen
class Month:
    """One month's meetings, under its heading."""

    heading: str  # "Januar 2025"
    id: str  # "month-2025-01": an anchor for a link into the page
    rows: tuple[Row, ...]


@attrs.frozen
class Choice:
    """One link of the filter by body."""

    label: str
    href: str  # from the page that shows the link
    count: int  # the meetings the link leads to
    current: bool


def months(plan: Plan, meetings: Sequence[Meeting], paths: Mapping[str, str]
           ) -> list[Month]:
    """The meetings, in their order (date and time), by the month they begin in."""
    return _by_month(plan, meetings, _rows(plan, meetings, paths))


def _rows(plan: Plan, meetings: Sequence[Meeting], paths: Mapping[str, str]
          ) -> dict[str, Row]:
    """Each meeting's row, by its UID: made once for the page of every
    meeting and its body's page."""
    names = {body.id: body.name for body in plan.bodies}
    return {meeting.uid: _row(meeting, names, paths, plan) for meeting in meetings}


def _by_month(plan: Plan, meetings: Sequence[Meeting], rows: Mapping[str, Row]) -> list[Month]:
    found = []
    for (year, month), group in itertools.groupby(meetings, lambda m: (m.date.year, m.date.month)):
        found.append(Month(month_and_year(dt.date(year, month, 1), plan.language),
                           f"month-{year}-{month:02d}", tuple(rows[m.uid] for m in group)))
    return found


def _row(meeting: Meeting, names: Mapping[str, str], paths: Mapping[str, str], plan: Plan
         ) -> Row:
    language = plan.language
    remarks = []
    if meeting.moved_from is not None:
        remarks.append(moved_words(meeting.moved_from, language))
    if meeting.note:
        remarks.append(" ".join(meeting.note.split()))
    body = names[meeting.body]
    return Row(
        day=weekdays_and_days(meeting.date, meeting.to, language),
        first=meeting.date.isoformat(),
        time=meeting_hours(meeting.start, meeting.end, all_day=meeting.all_day,
                           language=language),
        body=body, title="" if meeting.title == body else meeting.title,
        place=meeting.location, href=paths[meeting.uid],
        cancelled=meeting.status is Status.CANCELLED, remarks=tuple(remarks))


def meeting_plan_pages(plan: Plan, agendas: Agendas, paths: Mapping[str, str]
                       ) -> dict[str, str]:
    """``meetings.html`` and each body's page, by their paths in the site's
    folder."""
    said = words(plan.language)
    meetings = agendas.meetings
    rows = _rows(plan, meetings, paths)
    own: dict[str, list[Meeting]] = {body.id: [] for body in plan.bodies}
    for meeting in meetings:
        own[meeting.body].append(meeting)

    def choices(current: str | None) -> list[Choice]:
        # From meetings.html, or from a page beside the others in bodies/.
        up = "" if current is None else "../"
        found = [Choice(said.every_body, f"{up}{MEETINGS}", len(meetings), current is None)]
        found += [Choice(body.name, f"{up}{body_page(body.id)}", len(own[body.id]),
                         body.id == current) for body in plan.bodies]
        return found

    pages = {MEETINGS: _page(plan, said, heading=said.meeting_plan, up="",
                             months=_by_month(plan, meetings, rows), choices=choices(None))}
    for body in plan.bodies:
        pages[body_page(body.id)] = _page(
            plan, said, heading=f"{said.meeting_plan}: {body.name}", up="../",
            months=_by_month(plan, own[body.id], rows), choices=choices(body.id))
    return pages


def _page(plan: Plan, said: Words, *, heading: str, up: str, months: Sequence[Month],
          choices: Sequence[Choice]) -> str:
    """One page of the mødeplan; ``up`` leads from it to the site's folder."""
    return render("meetings.html.j2", title=plan.title, heading=heading, up=up,
                  months=months, choices=choices, labels=said,
                  language=plan.language.value)
