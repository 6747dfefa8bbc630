"""Cases that travel a route, on the site (SPEC §12): each placing of a case
on a route of more than one step as a timeline, its steps in order, each a
link to the case's item on that meeting's agenda page. Every agenda page of
the route shows it under the case's item, with that page's step marked;
``cases.html`` shows them all, and the front page links to it.

Pure: the agendas and the pages' paths (:func:`~aarshjul.agenda.paths.agenda_paths`)
in, :class:`~aarshjul.agenda.html.Timeline` values and HTML out.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from collections.abc import Mapping, Sequence

import attrs

from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.html import Stop, Timeline
from aarshjul.agenda.steps import PlacedCase, routed, shown_title
from aarshjul.dates import meeting_days
from aarshjul.model import Plan
from aarshjul.templates import render
from aarshjul.vocabulary import words

__all__ = ["CASES", "cases_page", "on_pages", "timelines"]

CASES = "cases.html"
"""The page of every case's route, in the site's folder."""


def timelines(plan: Plan, agendas: Agendas, paths: Mapping[str, str]) -> list[Timeline]:
    """Each placing of a case on a route, its steps linked from the site's
    folder, in the order of the days they end on (then begin on)."""
    names = {body.id: body.name for body in plan.bodies}

    def day(placed: PlacedCase, index: int) -> tuple[dt.date, int]:
        meeting = placed.steps[index].meeting
        return meeting.date, meeting.start.minutes

    found = []
    for placed in sorted(routed(agendas.cases), key=lambda p: (day(p, -1), day(p, 0))):
        title = shown_title(placed, agendas.by_uid)
        found.append(Timeline(title, tuple(
            Stop(names[step.body], meeting_days(step.meeting.date, step.meeting.to,
                                                plan.language),
                 step.item, f"{paths[step.meeting.uid]}#item-{step.item}")
            for step in placed.steps)))
    return found


def on_pages(routes: Sequence[Timeline]) -> dict[str, dict[int, Timeline]]:
    """The routes each agenda page shows, by the page's path and the item's
    number: the links relative to that page, and its own step current."""
    shown: dict[str, dict[int, Timeline]] = {}
    for route in routes:
        for stop in route.stops:
            page = _page(stop.href)
            shown.setdefault(page, {})[stop.item] = attrs.evolve(route, stops=tuple(
                attrs.evolve(other, href=_relative(other.href, page), current=other is stop)
                for other in route.stops))
    return shown


def cases_page(plan: Plan, routes: Sequence[Timeline], *, back: tuple[str, str]) -> str:
    """``cases.html``: every case's route, each a section (``#case-1`` …)."""
    return render("cases.html.j2", title=plan.title, routes=routes,
                  labels=words(plan.language), language=plan.language.value, back=back)


def _page(href: str) -> str:
    return href.partition("#")[0]


def _relative(href: str, page: str) -> str:
    """``href`` (from the site's folder) as a link from ``page``."""
    target, _, anchor = href.partition("#")
    if target == page:
        return f"#{anchor}"
    return f"{posixpath.relpath(target, posixpath.dirname(page))}#{anchor}"
