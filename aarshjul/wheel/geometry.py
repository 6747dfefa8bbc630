"""Where things stand on the wheel: its size and bands, the angle of a day,
and the SVG paths of the sectors between two angles.

January is at the top and the year runs clockwise. Every coordinate is
written through :func:`number`, so the SVG is the same on every machine.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable

WIDTH, HEIGHT = 1414, 1000  # A3 landscape, √2 to 1
CX, CY = 500, 500
RIM = 485  # the outer edge
MONTHS_IN = 448  # the months' band: MONTHS_IN to RIM
WEEKS_IN = 418  # the weeks' band: WEEKS_IN to MONTHS_IN
THEMES_IN = 380  # the themes' lanes: THEMES_IN to WEEKS_IN - 4
BODIES_OUT = THEMES_IN - 6
BODIES_IN = 130
LEGEND_X = 1010


def number(value: float) -> str:
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
    n = number
    return (f"M{n(x0)} {n(y0)}A{n(outer)} {n(outer)} 0 {large} 1 {n(x1)} {n(y1)}"
            f"L{n(x2)} {n(y2)}A{n(inner)} {n(inner)} 0 {large} 0 {n(x3)} {n(y3)}Z")


def arc(first: dt.date, last: dt.date) -> tuple[float, float]:
    """The angles from the start of ``first`` to the end of ``last``."""
    return angle(first, noon=False), angle(last + dt.timedelta(days=1), noon=False) if (
        last.month, last.day) != (12, 31) else 2 * math.pi


def year_days(year: int) -> list[dt.date]:
    first = dt.date(year, 1, 1)
    return [first + dt.timedelta(days=n) for n in range((dt.date(year + 1, 1, 1) - first).days)]


def runs(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Runs of consecutive days, as (first, last)."""
    found: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(days)):
        if found and (day - found[-1][1]).days == 1:
            found[-1] = (found[-1][0], day)
        else:
            found.append((day, day))
    return found
