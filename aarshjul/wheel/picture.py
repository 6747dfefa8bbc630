"""The wheel as one picture: every part of it, placed, before it is drawn.

:func:`picture` computes the parts (``parts``), the threads of the cases'
routes (``threads``), the words along the rings and lanes (``lettering``)
and the legend (``legend``) for twelve months of the plan. The SVG
(``drawing``) and the PDF and PNG (``printing``) draw this one picture, so
the three formats show the same wheel.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Sequence

import attrs

from aarshjul import vocabulary
from aarshjul.agenda.assembly import Agendas
from aarshjul.model import Meeting, Plan
from aarshjul.scheduling.calendar import WorkCalendar, work_calendar
from aarshjul.vocabulary import Words
from aarshjul.wheel import fonts, parts
from aarshjul.wheel.geometry import BODIES_IN, CY, Span, number
from aarshjul.wheel.legend import Legend, fit_legend
from aarshjul.wheel.lettering import Lettering, Reach, Track, letter_rings, name_theme
from aarshjul.wheel.threads import Thread, threads


@attrs.frozen
class Line:
    """A line of the text in the centre."""

    y: str
    text: str


@attrs.frozen
class Picture:
    span: Span
    title: str  # the plan's, with the span's year
    description: str
    rings: tuple[parts.Ring, ...]
    threads: tuple[Thread, ...]
    themes: tuple[parts.ThemeArc, ...]
    shades: tuple[parts.Shade, ...]
    months: tuple[parts.Label, ...]
    weeks: tuple[parts.Label, ...]
    separators: tuple[tuple[str, str, str, str], ...]
    today: dict[str, str] | None
    lettering: tuple[Lettering, ...]
    legend: Legend
    year_size: str  # the centre's year
    centre: tuple[Line, ...]  # the plan's title in the centre, in lines
    centre_size: str
    empty: str | None  # said in the centre where the span has no meeting
    words: Words


def picture(plan: Plan, agendas: Agendas, span: Span, *, today: dt.date | None = None,
            link: Callable[[Meeting], str | None] | None = None,
            calendar: WorkCalendar | None = None) -> Picture:
    """Every part of the wheel of ``span``, placed."""
    language = plan.language
    words = vocabulary.words(language)
    calendar = calendar or work_calendar(plan)
    colors = parts.body_colors(plan)
    # A meeting over the wheel's turn is on both wheels.
    meetings = [m for m in agendas.meetings
                if m.date <= span.last and m.last_day >= span.first]
    rings = parts.rings(plan, agendas, meetings, span=span, colors=colors, words=words,
                        link=link)
    routes = threads(plan, agendas, rings, words)
    themes = parts.theme_arcs(plan, span, language)
    label = span.label
    title = plan.title if label in plan.title else f"{plan.title} {label}"
    size, lines = _centre(plan.title)
    return Picture(
        span=span, title=title,
        description=(f"{plan.title}, {label}: {len(meetings)} "
                     f"{words.meetings}, {len(plan.bodies)} {words.bodies.lower()}"),
        rings=tuple(rings), threads=tuple(routes), themes=tuple(themes),
        shades=tuple(parts.shades(plan, calendar, span, language)),
        months=tuple(parts.month_labels(span, language)),
        weeks=tuple(parts.week_labels(span)),
        separators=tuple(parts.month_separators(span)),
        today=parts.today_line(today, span, language) if today and today in span else None,
        lettering=tuple(_lettering(span, agendas, rings, themes)),
        legend=fit_legend(plan, colors, themes, words, threads=bool(routes)),
        year_size="56" if span.month == 1 else "40", centre=lines, centre_size=size,
        empty=words.no_meetings.format(year=label) if not meetings else None, words=words)


def _lettering(span: Span, agendas: Agendas, rings: Sequence[parts.Ring],
               themes: Sequence[parts.ThemeArc]) -> list[Lettering]:
    """The names of the rings, the labels of the cases on their marks, and
    the names of the themes along their lanes."""
    prefix = f"w{span.slug}"
    shown = {mark.uid for ring in rings for mark in ring.marks}
    titles: dict[str, list[str]] = defaultdict(list)  # by meeting UID, in the plan's order
    for placed in agendas.cases:
        for step in placed.steps:
            if step.meeting.uid in shown:  # on this wheel
                item = agendas.by_uid[step.meeting.uid].items[step.item - 1]
                titles[step.meeting.uid].append(item.title)
    cases = {index: [(mark.reach, titles[mark.uid]) for mark in ring.marks
                     if titles.get(mark.uid) and mark.kind != "cancelled"]
             for index, ring in enumerate(rings)}
    found = letter_rings(prefix, [(ring.name, ring.path.inner, ring.path.outer,
                                   float(ring.radius), [mark.reach for mark in ring.marks])
                                  for ring in rings],
                         cases)
    for index, theme in enumerate(themes):
        if not theme.paths:
            continue
        arc = theme.paths[0]
        # The arc fills the outer part of its lane; the name may use the lane.
        inner = arc.outer - (arc.outer - arc.inner) / parts.THEME_FILL
        named = name_theme(f"{prefix}-theme-{index}", theme.name, theme.title,
                           inner=inner, outer=arc.outer,
                           arcs=[Reach(p.start, p.end) for p in theme.paths], track=Track())
        if named is not None:
            found.append(named)
    return found


WIDEST = 2 * (BODIES_IN - 22)  # the centre's lines, within the innermost ring


def _centre(title: str) -> tuple[str, tuple[Line, ...]]:
    """The plan's title in up to three lines under the year, each within the
    innermost ring, as large as fits (14 units, down to 5)."""
    size = 14.0
    lines = _wrapped(title.split(), size)
    while size > 5 and (len(lines) > 3 or any(fonts.width(line, size) > WIDEST
                                              for line in lines)):
        size -= 0.5
        lines = _wrapped(title.split(), size)
    return number(size), tuple(Line(number(CY + 36 + n * size * 1.2), text)
                               for n, text in enumerate(lines))


def _wrapped(words: list[str], size: float) -> list[str]:
    lines: list[str] = []
    for word in words:
        if lines and fonts.width(f"{lines[-1]} {word}", size) <= WIDEST:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines

