"""The legend beside the wheel: a row for each body and each theme, and the
key to the marks and shades (which the template writes as it is).

With many bodies the rows close up and the text gets smaller, never
overlapping, in two columns at the most crowded.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from aarshjul.model import Plan
from aarshjul.vocabulary import Words
from aarshjul.wheel.geometry import HEIGHT, number
from aarshjul.wheel.parts import ThemeArc, elide


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


def fit_legend(plan: Plan, colors: dict[str, str], themes: Sequence[ThemeArc],
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
    font = number(max(min(step * 0.62, 13), 6))
    length = 34 if columns == 1 else 16
    y = 70.0
    bodies = []
    for index, body in enumerate(plan.bodies):
        row_y = y + step * (index // columns + 1)
        bodies.append(LegendRow(number(row_y), colors[body.id], elide(body.name, length),
                                body.name))
    y += step * ((len(plan.bodies) + columns - 1) // columns + 1)
    theme_rows = []
    if themes:
        y += step
        for index, theme in enumerate(themes):
            row_y = y + step * (index // columns + 1)
            theme_rows.append(LegendRow(number(row_y), theme.color,
                                        elide(theme.name, length), theme.title))
        y += step * ((len(themes) + columns - 1) // columns + 1)
    return Legend(tuple(bodies), tuple(theme_rows), number(max(y + step, HEIGHT - 200)),
                  font, columns)
