"""The parts of the wheel, as values the template draws.

From the rim inwards: the months, the ISO week numbers, a lane for each
theme, then one ring for each body with a mark for each meeting (hollow if
cancelled, ringed if moved). Closed periods and holidays are shaded across
the rings; a line marks a given day. Each function here computes one part
from the plan, its coordinates already written as text
(:func:`~aarshjul.wheel.geometry.number`); the legend beside the wheel is
:mod:`aarshjul.wheel.legend`'s.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence

import attrs

from aarshjul import vocabulary
from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.items import Agenda
from aarshjul.choices import Status
from aarshjul.dates import full_date, long_date, meeting_days, month_name, moved_words
from aarshjul.model import Closed, Meeting, Plan, Theme
from aarshjul.scheduling.calendar import WorkCalendar
from aarshjul.vocabulary import Language, Words
from aarshjul.wheel import fonts
from aarshjul.wheel.geometry import (
    BODIES_IN,
    HEIGHT,
    MONTHS_IN,
    RIM,
    WEEKS_IN,
    WIDTH,
    Sector,
    Span,
    bodies_out,
    number,
    point,
    runs,
    themes_in,
)
from aarshjul.wheel.lettering import Reach

PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000",
           "#663333", "#332288", "#a0522d", "#c51b7d", "#762a83", "#882255", "#999933",
           "#222255", "#ee6677", "#9970ab", "#cc3311", "#6699cc", "#708090")
"""Twenty colours that people with each common colour-vision deficiency
(protanopia, deuteranopia, tritanopia) can tell apart: Okabe and Ito's
first seven, then Paul Tol's and ColorBrewer's, each the one that differs
most from all before it, as a simulation of each deficiency sees them, and
none paler than Okabe and Ito's orange, so that each shows on the rings'
light grey (tests/test_wheel_parts.py measures both). A plan of up to 20 bodies gives
each its own; beyond, they start again."""


def body_colors(plan: Plan) -> dict[str, str]:
    """Each body's colour: its own, or the next of the palette."""
    return {body.id: body.color or PALETTE[index % len(PALETTE)]
            for index, body in enumerate(plan.bodies)}


def elide(text: str, length: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


@attrs.frozen
class Mark:
    x: str
    y: str
    kind: str  # planned, cancelled, moved
    title: str
    href: str | None
    path: Sector | None = None  # an arc over its days, for a meeting over several
    uid: str = ""  # its meeting's, which a case's thread finds it by
    reach: Reach = attrs.field(factory=lambda: Reach(0.0, 0.0))  # the angles on its ring


@attrs.frozen
class Ring:
    id: str
    name: str
    path: Sector  # the ring's band, lightly shaded
    color: str  # of its marks (a cancelled one is hollow: its stroke only)
    radius: str  # of its marks
    marks: tuple[Mark, ...]


@attrs.frozen
class Shade:
    path: Sector
    kind: str  # closed, holiday
    title: str


@attrs.frozen
class Label:
    x: str
    y: str
    text: str
    rotate: str = "0"


def _plan_days(plan: Plan, span: Span) -> list[dt.date]:
    """The days of the span that the plan covers: shading beyond them would
    claim what the plan does not say."""
    return [d for d in span.days() if plan.start <= d <= plan.end]


def _theme_days(theme: Theme, days: list[dt.date]) -> list[dt.date]:
    if theme.from_date and theme.to_date:
        return [d for d in days if theme.from_date <= d <= theme.to_date]
    if theme.months:
        return [d for d in days if d.month in theme.months]
    return days


def _closed_days(period: Closed, days: list[dt.date]) -> list[dt.date]:
    return [d for d in days if period.contains(d)]


def _headline(agenda: Agenda | None, words: Words, elided: dict[str, str]
              ) -> str:
    """What is on the agenda, briefly: the cases and the meeting's own items,
    or else how many items it has. ``elided`` holds titles already shortened."""
    if agenda is None or not agenda.items:
        return ""
    special = [i.title for i in agenda.items if i.theme is not None] or []
    chosen = special or [i.title for i in agenda.items][:3]
    shown = []
    for title in chosen[:3]:
        short = elided.get(title)
        if short is None:
            short = elided[title] = elide(title, 60)
        shown.append(short)
    text = "; ".join(shown)
    if len(chosen) > 3:
        text += "; …"
    return f"{text} ({len(agenda.items)} {words.items})"


def month_separators(span: Span) -> list[tuple[str, str, str, str]]:
    """A line (x0, y0, x1, y1) across the rings at each month's start."""
    return [
        (number(point(BODIES_IN, a)[0]), number(point(BODIES_IN, a)[1]),
         number(point(RIM, a)[0]), number(point(RIM, a)[1]))
        for a in (span.angle(first, noon=False) for first in span.months())]


def today_line(today: dt.date, span: Span, language: Language) -> dict[str, str]:
    """The line that marks a day across the rings, with its label."""
    words = vocabulary.words(language)
    a = span.angle(today)
    (x0, y0), (x1, y1) = point(BODIES_IN - 6, a), point(RIM + 2, a)
    lx, ly = point(RIM + 9, a)
    # Beside the rim, but inside the picture where the rim nears its edge.
    half = fonts.width(words.today, 11, bold=True) / 2 + 2
    lx, ly = min(max(lx, half), WIDTH - half), min(max(ly, 10), HEIGHT - 4)
    return {"x0": number(x0), "y0": number(y0), "x1": number(x1), "y1": number(y1),
            "lx": number(lx), "ly": number(ly), "label": words.today,
            "title": f"{words.today}: {full_date(today, language)}"}


def _ring_band(plan: Plan, body_id: str) -> tuple[float, float]:
    """(inner, outer) radius of a body's ring: the first body outermost."""
    rim = bodies_out(len(plan.themes))
    width = (rim - BODIES_IN) / max(len(plan.bodies), 1)
    index = [body.id for body in plan.bodies].index(body_id)
    outer = rim - index * width
    return outer - width, outer


def rings(plan: Plan, agendas: Agendas, meetings: Sequence[Meeting], *, span: Span,
          colors: dict[str, str], words: Words,
          link: Callable[[Meeting], str | None] | None) -> list[Ring]:
    """A ring for each body, with a mark for each of ``meetings`` (those
    with a day in ``span``)."""
    language = plan.language
    by_body: dict[str, list[Meeting]] = {body.id: [] for body in plan.bodies}
    for meeting in meetings:
        by_body[meeting.body].append(meeting)
    drawn = []
    elided: dict[str, str] = {}  # the meetings of a series share their items' titles
    for body in plan.bodies:
        inner, outer = _ring_band(plan, body.id)
        width = outer - inner
        middle = outer - width / 2
        mine = by_body[body.id]
        # Marks shrink with the ring's width and with crowding along it.
        room = 2 * math.pi * middle / max(len(mine), 1)
        radius = max(min(width * 0.38, 7.0, room / 2.4), 0.8)
        marks = []
        for meeting in mine:
            # A meeting over the span's start is drawn from its first day.
            theta = span.angle(max(meeting.date, span.first))
            x, y = point(middle, theta)
            kind = ("cancelled" if meeting.status is Status.CANCELLED else
                    "moved" if meeting.moved_from is not None else "planned")
            parts = [_when(meeting, language),
                     body.name if meeting.title == body.name else
                     f"{body.name}: {meeting.title}"]
            if kind == "cancelled":
                parts.insert(0, words.cancelled.upper())
            if meeting.moved_from is not None:
                parts.append(moved_words(meeting.moved_from, language))
            headline = _headline(agendas.by_uid.get(meeting.uid), words, elided)
            if headline:
                parts.append(headline)
            days = _days_arc(meeting, span, middle, radius)
            margin = (radius + 1.5) / middle
            reach = (Reach(days.start - margin / 2, days.end + margin / 2) if days else
                     Reach(theta - margin, theta + margin))
            marks.append(Mark(number(x), number(y), kind, " · ".join(parts),
                              link(meeting) if link else None, days, meeting.uid, reach))
        drawn.append(Ring(body.id, body.name, Sector(outer - width, outer, 0, 2 * math.pi),
                          colors[body.id], number(radius), tuple(marks)))
    return drawn


def _when(meeting: Meeting, language: Language) -> str:
    """Its day and time (``onsdag den 15. januar 2025, 18:15–19:45``), or
    its days, and its times unless it is all day."""
    day = meeting_days(meeting.date, meeting.to, language)
    return day if meeting.all_day else f"{day}, {meeting.start}–{meeting.end}"


def _days_arc(meeting: Meeting, span: Span, middle: float, radius: float) -> Sector | None:
    """A meeting over several days is an arc over its days in ``span``, as
    wide as a mark."""
    if meeting.to is None:
        return None
    return Sector(middle - radius, middle + radius,
                  *span.arc(*span.clip(meeting.date, meeting.to)))


THEME_FILL = 0.85  # of its lane, a theme's arc: a line of white between lanes


@attrs.frozen
class ThemeArc:
    name: str
    color: str
    paths: tuple[Sector, ...]
    title: str


def theme_arcs(plan: Plan, span: Span, language: Language) -> list[ThemeArc]:
    """A lane for each theme, with an arc for each run of its days."""
    themes = plan.themes
    if not themes:
        return []
    lanes = len(themes)
    width = (WEEKS_IN - 4 - themes_in(lanes)) / lanes
    arcs = []
    for index, theme in enumerate(themes):
        outer = WEEKS_IN - 4 - index * width
        spans = runs(_theme_days(theme, _plan_days(plan, span)))
        paths = tuple(Sector(outer - width * THEME_FILL, outer, *span.arc(first, last))
                      for first, last in spans)
        when = ", ".join(f"{long_date(a, language)} – {long_date(b, language)}"
                         for a, b in spans)
        arcs.append(ThemeArc(theme.name, theme.color or PALETTE[(index + 3) % len(PALETTE)],
                             paths, f"{theme.name}: {when}" if when else theme.name))
    return arcs


def shades(plan: Plan, calendar: WorkCalendar, span: Span, language: Language
           ) -> list[Shade]:
    """Closed periods (across the rings of the bodies they close), then
    holidays (across every ring), within the plan's days."""
    found = []
    days = _plan_days(plan, span)
    rim = bodies_out(len(plan.themes))
    for period in plan.closed:
        # A period for some bodies only shades their rings.
        bands = [_ring_band(plan, body.id) for body in plan.bodies
                 if period.applies_to(body.id)] if period.bodies else [(BODIES_IN, rim)]
        for first, last in runs(_closed_days(period, days)):
            when = (long_date(first, language) if first == last else
                    f"{long_date(first, language)} – {long_date(last, language)}")
            for inner, outer in bands:
                found.append(Shade(Sector(inner, outer, *span.arc(first, last)), "closed",
                                   f"{period.name}: {when}"))
    for day, name in sorted(calendar.holidays.items()):
        if day in span and plan.start <= day <= plan.end:
            found.append(Shade(Sector(BODIES_IN, rim, *span.arc(day, day)), "holiday",
                               f"{name}: {long_date(day, language)}"))
    return found


def month_labels(span: Span, language: Language) -> list[Label]:
    """Each month's name in the plan's language, along the rim."""
    labels = []
    starts = span.months()
    for first, following in zip(starts, [*starts[1:], span.end], strict=True):
        start = span.angle(first, noon=False)
        end = span.angle(following, noon=False)
        middle = (start + end) / 2
        x, y = point((MONTHS_IN + RIM) / 2, middle)
        # Along the rim, so a long name stays in its band; upright at the bottom.
        degrees = math.degrees(middle)
        if 90 < degrees < 270:
            degrees -= 180
        labels.append(Label(number(x), number(y), month_name(first, language),
                            number(degrees)))
    return labels


def week_labels(span: Span) -> list[Label]:
    """Each ISO week's number, at the middle of its days in the span."""
    by_week: dict[tuple[int, int], list[dt.date]] = {}
    for day in span.days():
        iso = day.isocalendar()
        by_week.setdefault((iso.year, iso.week), []).append(day)
    labels = []
    for (_, week), days in by_week.items():
        if len(days) < 3:  # a sliver of a week at the span's turn: no room for a label
            continue
        middle = sum(span.arc(days[0], days[-1])) / 2
        x, y = point((WEEKS_IN + MONTHS_IN) / 2, middle)
        labels.append(Label(number(x), number(y), str(week)))
    return labels
