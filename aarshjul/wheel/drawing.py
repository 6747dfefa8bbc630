"""The årshjul as a picture (SPEC §7): the year as a circle, as SVG.

January is at the top and the year runs clockwise. From the rim inwards:
the months, the ISO week numbers, a lane for each theme, then one ring for
each body with a mark for each meeting (hollow if cancelled, ringed if
moved). Closed periods and holidays are shaded across the rings; a line
marks a given day; a dashed thread joins the steps of a case on a route.
A legend stands to the right. Every mark carries a ``<title>`` (date, body,
what is on the agenda) and, inside a site, is a link to its agenda page.

This module puts the picture together: ``geometry`` says where things
stand, ``parts`` computes each part of the wheel, ``threads`` the cases'
routes, ``legend`` fits the legend beside it, and ``templates/wheel.svg.j2``
writes the SVG, with every text escaped. Pure: the plan's meetings in, SVG
text out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from aarshjul import vocabulary
from aarshjul.agenda.assembly import Agendas
from aarshjul.model import Meeting, Plan
from aarshjul.scheduling.calendar import WorkCalendar, work_calendar
from aarshjul.templates import render
from aarshjul.vocabulary import Language
from aarshjul.wheel import parts
from aarshjul.wheel.geometry import (
    BODIES_IN,
    CX,
    CY,
    HEIGHT,
    LEGEND_X,
    MONTHS_IN,
    RIM,
    WEEKS_IN,
    WIDTH,
)
from aarshjul.wheel.legend import fit_legend
from aarshjul.wheel.threads import threads

__all__ = ["wheel_svg"]


def wheel_svg(plan: Plan, agendas: Agendas, *, year: int, today: dt.date | None = None,
              link: Callable[[Meeting], str | None] | None = None,
              calendar: WorkCalendar | None = None) -> str:
    """The wheel of one year of the plan, as an SVG document.

    ``link`` gives a mark's link (its agenda page) or None; ``today`` draws a
    line at that day if it falls in the year.
    """
    language = plan.language
    words = vocabulary.words(language)
    calendar = calendar or work_calendar(plan)
    colors = parts.body_colors(plan)
    # A meeting over New Year is on both years' wheels.
    meetings = [m for m in agendas.meetings if m.date.year <= year <= m.last_day.year]
    rings = parts.rings(plan, agendas, meetings, year=year, colors=colors, words=words,
                        link=link)
    routes = threads(plan, agendas, rings, words)
    themes = parts.theme_arcs(plan, year, language)
    shades = parts.shades(plan, calendar, year, language)
    months = parts.month_labels(year, language)
    weeks = parts.week_labels(year)
    separators = parts.month_separators(year)
    today_line = parts.today_line(today, language) if today and today.year == year else None
    legend = fit_legend(plan, colors, themes, words)
    return render(
        "wheel.svg.j2", width=WIDTH, height=HEIGHT, cx=CX, cy=CY, rim=RIM,
        months_in=MONTHS_IN, weeks_in=WEEKS_IN, bodies_in=BODIES_IN, year=year,
        title=plan.title if str(year) in plan.title else f"{plan.title} {year}",
        title_short=parts.elide(plan.title, 34), rings=rings, threads=routes, themes=themes,
        shades=shades, months=months, weeks=weeks, separators=separators, today=today_line,
        legend=legend, words=words, language=language.value, legend_x=LEGEND_X,
        empty=words.no_meetings.format(year=year) if not meetings else None,
        description=(f"{plan.title}, {year}: {len(meetings)} "
                     f"{words.meetings}, {len(plan.bodies)} {words.bodies.lower()}"))


def mark_today(svg: str, *, year: int, today: dt.date, language: Language) -> str:
    """The wheel of ``year`` drawn without ``today`` (:func:`wheel_svg`), with
    the day's line added as if drawn with it (nothing if the day is in another
    year). A site's page marks today on the wheel whose file stays the same
    from day to day, and draws the wheel once."""
    if today.year != year:
        return svg
    end = svg.rindex("</svg>")
    line = render("wheel_today.svg.j2", today=parts.today_line(today, language))
    return svg[:end] + line + svg[end:]
