"""The årshjul as a picture (SPEC §7, §13): twelve months as a circle, as SVG.

The first month (January, or the plan's ``wheel_start``) is at the top and
the months run clockwise. From the rim inwards: the months, the ISO week
numbers, a lane for each theme with its name along it, then one ring for
each body, named along it, with a mark for each meeting (hollow if
cancelled, ringed if moved) and a short label for the cases on it. Closed
periods and holidays are shaded across the rings; a line marks a given
day; a dashed thread joins the steps of a case on a route. A legend stands
to the right. Every mark carries a ``<title>`` (date, body, what is on the
agenda) and, inside a site, is a link to its agenda page.

:mod:`aarshjul.wheel.picture` places every part; this module chooses the
twelve months and writes the picture with ``templates/wheel.svg.j2``, every
text escaped. Pure: the plan's meetings in, SVG text out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from aarshjul.agenda.assembly import Agendas
from aarshjul.model import Meeting, Plan
from aarshjul.scheduling.calendar import WorkCalendar
from aarshjul.templates import render
from aarshjul.vocabulary import Language
from aarshjul.wheel import parts
from aarshjul.wheel.fonts import FAMILY
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
    Span,
    busiest,
    spans,
)
from aarshjul.wheel.legend import COLUMN, SWATCH
from aarshjul.wheel.paint import KEY_GREY, style_sheet
from aarshjul.wheel.picture import Picture, picture

__all__ = ["wheel_svg"]


def wheel_spans(plan: Plan, start_month: int | None = None) -> list[Span]:
    """The wheels of the plan: each twelve months from ``start_month`` (the
    plan's ``wheel_start``) that hold a day of it."""
    return spans(plan.start, plan.end, start_month or plan.wheel_start)


def chosen_span(plan: Plan, agendas: Agendas, *, year: int | None = None,
                start_month: int | None = None) -> Span:
    """The wheel from ``start_month`` of ``year``; without a year, the one
    with the most meetings. A year the plan has no day of is a ValueError."""
    candidates = wheel_spans(plan, start_month)
    if year is None:
        return busiest(candidates, (meeting.date for meeting in agendas.meetings))
    found = [span for span in candidates if span.year == year]
    if not found:
        first, last = candidates[0].year, candidates[-1].year
        raise ValueError(f"the plan's wheels start in {first}" if first == last else
                         f"the plan's wheels start in {first}–{last}")
    return found[0]


def wheel_picture(plan: Plan, agendas: Agendas, *, year: int | None = None,
                  start_month: int | None = None, today: dt.date | None = None,
                  link: Callable[[Meeting], str | None] | None = None,
                  calendar: WorkCalendar | None = None) -> Picture:
    """The wheel from ``start_month`` (the plan's ``wheel_start``) of
    ``year`` (the twelve months with the most meetings), placed: what
    :func:`wheel_svg` writes and the PDF and PNG draw."""
    span = chosen_span(plan, agendas, year=year, start_month=start_month)
    return picture(plan, agendas, span, today=today, link=link, calendar=calendar)


def wheel_svg(plan: Plan, agendas: Agendas, *, year: int | None = None,
              start_month: int | None = None, today: dt.date | None = None,
              link: Callable[[Meeting], str | None] | None = None,
              calendar: WorkCalendar | None = None) -> str:
    """The wheel of twelve months of the plan, as an SVG document: from
    ``start_month`` (the plan's ``wheel_start``) of ``year`` (the twelve
    months with the most meetings).

    ``link`` gives a mark's link (its agenda page) or None; ``today`` draws a
    line at that day if it falls in the wheel's months.
    """
    return svg_of(wheel_picture(plan, agendas, year=year, start_month=start_month,
                                today=today, link=link, calendar=calendar), plan.language)


def svg_of(drawn: Picture, language: Language) -> str:
    """The picture as an SVG document."""
    return render(
        "wheel.svg.j2", p=drawn, width=WIDTH, height=HEIGHT, cx=CX, cy=CY, rim=RIM,
        months_in=MONTHS_IN, weeks_in=WEEKS_IN, bodies_in=BODIES_IN, legend_x=LEGEND_X,
        column=COLUMN, swatch=SWATCH, style=style_sheet(), family=FAMILY,
        language=language.value, key_grey=KEY_GREY)


def mark_today(svg: str, *, span: Span, today: dt.date, language: Language) -> str:
    """The wheel of ``span`` drawn without ``today`` (:func:`wheel_svg`), with
    the day's line added as if drawn with it (nothing if the day is not on
    the wheel). A site's page marks today on the wheel whose file stays the
    same from day to day, and draws the wheel once."""
    if today not in span:
        return svg
    end = svg.rindex("</svg>")
    line = render("wheel_today.svg.j2", today=parts.today_line(today, span, language))
    return svg[:end] + line + svg[end:]
