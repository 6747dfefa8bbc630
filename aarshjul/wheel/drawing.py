"""The årshjul as a picture (SPEC §7): the year as a circle, as SVG.

January is at the top and the year runs clockwise. From the rim inwards:
the months, the ISO week numbers, a lane for each theme, then one ring for
each body with a mark for each meeting (hollow if cancelled, ringed if
moved). Closed periods and holidays are shaded across the rings; a line
marks a given day. A legend stands to the right. Every mark carries a
``<title>`` (date, body, what is on the agenda) and, inside a site, is a link
to its agenda page.

This module only computes the geometry; ``templates/wheel.svg.j2`` writes
the SVG, with every text escaped. Pure: the plan's meetings in, SVG text out.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable, Sequence

import attrs

from aarshjul import vocabulary
from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.items import Agenda
from aarshjul.model import Closed, Meeting, Plan, Status, Theme
from aarshjul.scheduling.calendar import WorkCalendar, work_calendar
from aarshjul.vocabulary import Language, Words

WIDTH, HEIGHT = 1414, 1000  # A3 landscape, √2 to 1
CX, CY = 500, 500
RIM = 485  # the outer edge
MONTHS_IN = 448  # the months' band: MONTHS_IN to RIM
WEEKS_IN = 418  # the weeks' band: WEEKS_IN to MONTHS_IN
THEMES_IN = 380  # the themes' lanes: THEMES_IN to WEEKS_IN - 4
BODIES_OUT = THEMES_IN - 6
BODIES_IN = 130
LEGEND_X = 1010

PALETTE = ("#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000",
           "#b8a200")
"""Okabe and Ito's colours, which people with every common colour blindness
can tell apart (the yellow darkened to show on white)."""



def _number(value: float) -> str:
    """Coordinates to two decimals: small files, and the same on every machine."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def angle(day: dt.date, *, noon: bool = True) -> float:
    """Radians clockwise from the top for a day of its year (at its middle,
    or at its start)."""
    first = dt.date(day.year, 1, 1)
    days = (dt.date(day.year + 1, 1, 1) - first).days
    return 2 * math.pi * ((day - first).days + (0.5 if noon else 0.0)) / days


def point(radius: float, theta: float) -> tuple[float, float]:
    return CX + radius * math.sin(theta), CY - radius * math.cos(theta)


def sector(inner: float, outer: float, start: float, end: float) -> str:
    """An annular sector's path, from ``start`` to ``end`` radians."""
    if end - start >= 2 * math.pi - 1e-9:  # a whole ring: two halves
        return sector(inner, outer, start, start + math.pi) + " " + sector(
            inner, outer, start + math.pi, start + 2 * math.pi)
    large = 1 if end - start > math.pi else 0
    x0, y0 = point(outer, start)
    x1, y1 = point(outer, end)
    x2, y2 = point(inner, end)
    x3, y3 = point(inner, start)
    n = _number
    return (f"M{n(x0)} {n(y0)}A{n(outer)} {n(outer)} 0 {large} 1 {n(x1)} {n(y1)}"
            f"L{n(x2)} {n(y2)}A{n(inner)} {n(inner)} 0 {large} 0 {n(x3)} {n(y3)}Z")


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


@attrs.frozen
class Ring:
    id: str
    name: str
    path: str  # the ring's band, lightly shaded
    color: str  # of its marks (a cancelled one is hollow: its stroke only)
    radius: str  # of its marks
    marks: tuple[Mark, ...]


@attrs.frozen
class Shade:
    path: str
    kind: str  # closed, holiday
    title: str


@attrs.frozen
class Label:
    x: str
    y: str
    text: str
    rotate: str = "0"


@attrs.frozen
class LegendRow:
    y: str
    color: str
    label: str
    title: str


def _spans(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Runs of consecutive days, as (first, last)."""
    spans: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(days)):
        if spans and (day - spans[-1][1]).days == 1:
            spans[-1] = (spans[-1][0], day)
        else:
            spans.append((day, day))
    return spans


def _year_days(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=n) for n in range((dt.date(year + 1, 1, 1) - first).days)]


def _arc(first: dt.date, last: dt.date) -> tuple[float, float]:
    return angle(first, noon=False), angle(last + dt.timedelta(days=1), noon=False) if (
        last.month, last.day) != (12, 31) else 2 * math.pi


def _plan_days(plan: Plan, year: int) -> list[dt.date]:
    """The days of the year that the plan covers: shading beyond them would
    claim what the plan does not say."""
    return [d for d in _year_days(year) if plan.start <= d <= plan.end]


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


def wheel_svg(plan: Plan, agendas: Agendas, *, year: int, today: dt.date | None = None,
              link: Callable[[Meeting], str | None] | None = None,
              calendar: WorkCalendar | None = None) -> str:
    """The wheel of one year of the plan, as an SVG document.

    ``link`` gives a mark's link (its agenda page) or None; ``today`` draws a
    line at that day if it falls in the year.
    """
    from aarshjul.templates import render  # noqa: PLC0415

    language = plan.language
    words = vocabulary.words(language)
    calendar = calendar or work_calendar(plan)
    colors = {body.id: body.color or PALETTE[index % len(PALETTE)]
              for index, body in enumerate(plan.bodies)}
    meetings = [m for m in agendas.meetings if m.date.year == year]
    rings = _rings(plan, agendas, meetings, colors=colors, words=words, link=link)
    themes = _theme_arcs(plan, year, language)
    shades = _shades(plan, calendar, year, language)
    months = _months(year, language)
    weeks = _weeks(year)
    separators = [
        (_number(point(BODIES_IN, a)[0]), _number(point(BODIES_IN, a)[1]),
         _number(point(RIM, a)[0]), _number(point(RIM, a)[1]))
        for a in (angle(dt.date(year, month, 1), noon=False) for month in range(1, 13))]
    today_line = _today_line(today, language) if today and today.year == year else None
    legend = _legend(plan, colors, themes, words)
    return render(
        "wheel.svg.j2", width=WIDTH, height=HEIGHT, cx=CX, cy=CY, rim=RIM,
        months_in=MONTHS_IN, weeks_in=WEEKS_IN, bodies_in=BODIES_IN, year=year,
        title=plan.title if str(year) in plan.title else f"{plan.title} {year}",
        title_short=elide(plan.title, 34), rings=rings, themes=themes,
        shades=shades, months=months, weeks=weeks, separators=separators, today=today_line,
        legend=legend, words=words, language=language.value, legend_x=LEGEND_X,
        empty=words.no_meetings.format(year=year) if not meetings else None,
        description=(f"{plan.title}, {year}: {len(meetings)} "
                     f"{words.meetings}, {len(plan.bodies)} {words.bodies.lower()}"))


def _today_line(today: dt.date, language: Language) -> dict[str, str]:
    from aarshjul.dates import full_date  # noqa: PLC0415 - babel

    words = vocabulary.words(language)
    a = angle(today)
    (x0, y0), (x1, y1) = point(BODIES_IN - 6, a), point(RIM + 2, a)
    lx, ly = point(RIM + 9, a)
    return {"x0": _number(x0), "y0": _number(y0), "x1": _number(x1), "y1": _number(y1),
            "lx": _number(lx), "ly": _number(ly), "label": words.today,
            "title": f"{words.today}: {full_date(today, language)}"}


def mark_today(svg: str, *, year: int, today: dt.date, language: Language) -> str:
    """The wheel of ``year`` drawn without ``today`` (:func:`wheel_svg`), with
    the day's line added as if drawn with it (nothing if the day is in another
    year). A site's page marks today on the wheel whose file stays the same
    from day to day, and draws the wheel once."""
    from aarshjul.templates import render  # noqa: PLC0415

    if today.year != year:
        return svg
    end = svg.rindex("</svg>")
    line = render("wheel_today.svg.j2", today=_today_line(today, language))
    return svg[:end] + line + svg[end:]


def _ring_band(plan: Plan, body_id: str) -> tuple[float, float]:
    """(inner, outer) radius of a body's ring: the first body outermost."""
    width = (BODIES_OUT - BODIES_IN) / max(len(plan.bodies), 1)
    index = [body.id for body in plan.bodies].index(body_id)
    outer = BODIES_OUT - index * width
    return outer - width, outer


def _rings(plan: Plan, agendas: Agendas, meetings: Sequence[Meeting], *,
           colors: dict[str, str], words: Words,
           link: Callable[[Meeting], str | None] | None) -> list[Ring]:
    from aarshjul.dates import full_date, long_date  # noqa: PLC0415

    language = plan.language
    by_body: dict[str, list[Meeting]] = {body.id: [] for body in plan.bodies}
    for meeting in meetings:
        by_body[meeting.body].append(meeting)
    rings = []
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
            x, y = point(middle, angle(meeting.date))
            kind = ("cancelled" if meeting.status is Status.CANCELLED else
                    "moved" if meeting.original_date is not None else "planned")
            parts = [f"{full_date(meeting.date, language)}, {meeting.start}–{meeting.end}",
                     body.name if meeting.title == body.name else
                     f"{body.name}: {meeting.title}"]
            if kind == "cancelled":
                parts.insert(0, words.cancelled.upper())
            if meeting.original_date is not None:
                parts.append(words.moved_from.format(
                    date=long_date(meeting.original_date, language)))
            headline = _headline(agendas.by_uid.get(meeting.uid), words, elided)
            if headline:
                parts.append(headline)
            marks.append(Mark(_number(x), _number(y), kind, " · ".join(parts),
                              link(meeting) if link else None))
        rings.append(Ring(body.id, body.name, sector(outer - width, outer, 0, 2 * math.pi),
                          colors[body.id], _number(radius), tuple(marks)))
    return rings


@attrs.frozen
class ThemeArc:
    name: str
    color: str
    paths: tuple[str, ...]
    title: str


def _theme_arcs(plan: Plan, year: int, language: Language) -> list[ThemeArc]:
    from aarshjul.dates import long_date  # noqa: PLC0415

    themes = plan.themes
    if not themes:
        return []
    lanes = len(themes)
    width = (WEEKS_IN - 4 - THEMES_IN) / lanes
    arcs = []
    for index, theme in enumerate(themes):
        outer = WEEKS_IN - 4 - index * width
        spans = _spans(_theme_days(theme, _plan_days(plan, year)))
        paths = tuple(sector(outer - width * 0.85, outer, *_arc(first, last))
                      for first, last in spans)
        when = ", ".join(f"{long_date(a, language)} – {long_date(b, language)}"
                         for a, b in spans)
        arcs.append(ThemeArc(theme.name, theme.color or PALETTE[(index + 3) % len(PALETTE)],
                             paths, f"{theme.name}: {when}" if when else theme.name))
    return arcs


def _shades(plan: Plan, calendar: WorkCalendar, year: int, language: Language) -> list[Shade]:
    from aarshjul.dates import long_date  # noqa: PLC0415

    shades = []
    days = _plan_days(plan, year)
    for period in plan.closed:
        # A period for some bodies only shades their rings.
        bands = [_ring_band(plan, body.id) for body in plan.bodies
                 if period.applies_to(body.id)] if period.bodies else [(BODIES_IN, BODIES_OUT)]
        for first, last in _spans(_closed_days(period, days)):
            when = (long_date(first, language) if first == last else
                    f"{long_date(first, language)} – {long_date(last, language)}")
            for inner, outer in bands:
                shades.append(Shade(sector(inner, outer, *_arc(first, last)), "closed",
                                    f"{period.name}: {when}"))
    for day, name in sorted(calendar.holidays.items()):
        if day.year == year and plan.start <= day <= plan.end:
            shades.append(Shade(sector(BODIES_IN, BODIES_OUT, *_arc(day, day)), "holiday",
                                f"{name}: {long_date(day, language)}"))
    return shades


def _months(year: int, language: Language) -> list[Label]:
    from babel.dates import format_date  # noqa: PLC0415

    labels = []
    for month in range(1, 13):
        first = dt.date(year, month, 1)
        start = angle(first, noon=False)
        end = 2 * math.pi if month == 12 else angle(dt.date(year, month + 1, 1), noon=False)
        middle = (start + end) / 2
        x, y = point((MONTHS_IN + RIM) / 2, middle)
        name = format_date(first, "LLLL", locale=language.value)
        # Along the rim, so a long name stays in its band; upright at the bottom.
        degrees = math.degrees(middle)
        if 90 < degrees < 270:
            degrees -= 180
        labels.append(Label(_number(x), _number(y), name[:1].upper() + name[1:],
                            _number(degrees)))
    return labels


def _weeks(year: int) -> list[Label]:
    """Each ISO week's number, at the middle of its days in this year."""
    by_week: dict[tuple[int, int], list[dt.date]] = {}
    for day in _year_days(year):
        iso = day.isocalendar()
        by_week.setdefault((iso.year, iso.week), []).append(day)
    labels = []
    for (_, week), days in by_week.items():
        if len(days) < 3:  # a sliver of a week at the year's turn: no room for a label
            continue
        middle = (angle(days[0], noon=False) + angle(days[-1], noon=False)) / 2 + (
            angle(days[0]) - angle(days[0], noon=False))
        x, y = point((WEEKS_IN + MONTHS_IN) / 2, middle)
        labels.append(Label(_number(x), _number(y), str(week)))
    return labels


@attrs.frozen
class Legend:
    bodies: tuple[LegendRow, ...]
    themes: tuple[LegendRow, ...]
    key_y: str
    font: str
    columns: int


def _legend(plan: Plan, colors: dict[str, str], themes: Sequence[ThemeArc],
            words: Words) -> Legend:
    """Rows that fit the space beside the wheel: with many bodies the rows
    close up and the text gets smaller, never overlapping (two columns at
    the most crowded)."""
    rows = len(plan.bodies) + len(themes)
    available = HEIGHT - 60 - 200  # title above, key below
    step = min(22.0, available / max(rows + 2, 1))
    columns = 1
    if step < 11:
        columns, step = 2, min(22.0, available / max((rows + 1) // 2 + 2, 1))
    font = _number(max(min(step * 0.62, 13), 6))
    length = 34 if columns == 1 else 16
    y = 70.0
    bodies = []
    for index, body in enumerate(plan.bodies):
        row_y = y + step * (index // columns + 1)
        bodies.append(LegendRow(_number(row_y), colors[body.id], elide(body.name, length),
                                body.name))
    y += step * ((len(plan.bodies) + columns - 1) // columns + 1)
    theme_rows = []
    if themes:
        y += step
        for index, theme in enumerate(themes):
            row_y = y + step * (index // columns + 1)
            theme_rows.append(LegendRow(_number(row_y), theme.color,
                                        elide(theme.name, length), theme.title))
        y += step * ((len(themes) + columns - 1) // columns + 1)
    return Legend(tuple(bodies), tuple(theme_rows), _number(max(y + step, HEIGHT - 200)),
                  font, columns)
