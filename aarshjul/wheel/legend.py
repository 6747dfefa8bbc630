"""The legend beside the wheel: a row for each body and each theme, and the
key to the marks and shades.

With many bodies the rows close up and the text gets smaller, never
overlapping, in two columns at the most crowded. Every name is whole: a
long one makes the rows' text smaller until it fits its column (down to 7
units; a name longer than that holds is cut with "…").
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs

from aarshjul.model import Plan
from aarshjul.vocabulary import Words
from aarshjul.wheel import fonts
from aarshjul.wheel.geometry import HEIGHT, LEGEND_X, WIDTH, number
from aarshjul.wheel.parts import ThemeArc

COLUMN = 200  # between the two columns' swatches
SMALLEST = 7.0  # the legend's text at the smallest
HEADING = 30  # from the last body's row to the themes' heading, at the least
SWATCH = 20  # from a row's swatch to its text


@attrs.frozen
class LegendRow:
    y: str
    color: str
    label: str
    title: str


@attrs.frozen
class Legend:
    bodies: tuple[LegendRow, ...]
    themes: tuple[LegendRow, ...]
    key_y: str
    font: str
    columns: int
    key: tuple[KeyRow, ...] = ()
    themes_y: str = "0"  # the themes' heading (where there are themes)


@attrs.frozen
class KeyRow:
    """A row of the key: what it shows (the class of a mark, a shade, a
    line) beside its words."""

    kind: str
    y: float
    text: str


def _key(key_y: float, words: Words, threads: bool) -> tuple[KeyRow, ...]:
    rows = [KeyRow("planned", key_y + 22, words.meeting),
            KeyRow("cancelled", key_y + 44, words.cancelled.capitalize()),
            KeyRow("moved", key_y + 66, words.moved),
            KeyRow("closed", key_y + 88, words.closed_period),
            KeyRow("holiday", key_y + 110, words.holiday),
            KeyRow("today", key_y + 132, words.today)]
    if threads:
        rows.append(KeyRow("thread", key_y + 22, words.case_route))
    return tuple(rows)


def fit_legend(plan: Plan, colors: dict[str, str], themes: Sequence[ThemeArc],
               words: Words, *, threads: bool = False) -> Legend:
    """Rows that fit the space beside the wheel: with many bodies the rows
    close up and the text gets smaller, never overlapping (two columns at
    the most crowded)."""
    rows = len(plan.bodies) + len(themes)
    # Title above, key below, and the themes' heading between (HEADING).
    available = HEIGHT - 60 - 200 - (HEADING + 14 if themes else 0)
    step = min(22.0, available / max(rows + 2, 1))
    columns = 1
    if step < 11:
        columns, step = 2, min(22.0, available / max((rows + 1) // 2 + 2, 1))
    size = max(min(step * 0.62, 13), 6)
    room = (WIDTH - LEGEND_X - SWATCH - 8) if columns == 1 else COLUMN - SWATCH - 6
    widest = max((fonts.width(name, size) for name in [
        *(body.name for body in plan.bodies), *(theme.name for theme in themes)]), default=0)
    if widest > room:  # the longest name fits its column whole, down to 7 units
        size = max(math.floor(size * room / widest * 100) / 100, SMALLEST)  # as written
    font = number(size)
    y = 70.0
    bodies = []
    for index, body in enumerate(plan.bodies):
        row_y = y + step * (index // columns + 1)
        bodies.append(LegendRow(number(row_y), colors[body.id], _fit(body.name, size, room),
                                body.name))
    y += step * ((len(plan.bodies) + columns - 1) // columns + 1)
    theme_rows = []
    themes_y = 0.0
    if themes:
        # The heading's baseline HEADING below the last body's row at the
        # least, whatever the step; the first theme's letters below its.
        themes_y = y - step + max(HEADING, 1.8 * step)
        y = themes_y + max(step, 4 + 0.75 * size) - step
        for index, theme in enumerate(themes):
            row_y = y + step * (index // columns + 1)
            theme_rows.append(LegendRow(number(row_y), theme.color,
                                        _fit(theme.name, size, room), theme.title))
        y += step * ((len(themes) + columns - 1) // columns + 1)
    key_y = max(y + step, HEIGHT - 200)
    return Legend(tuple(bodies), tuple(theme_rows), number(key_y), font, columns,
                  _key(key_y, words, threads), number(themes_y))


def _fit(name: str, size: float, room: float) -> str:
    """The name whole, or, longer than a column holds at the smallest size
    (a name of a hundred letters), cut with "…" (its tooltip is whole)."""
    if fonts.width(name, size) <= room:
        return name
    while name and fonts.width(name + "…", size) > room:
        name = name[:-1]
    return name.rstrip() + "…"
