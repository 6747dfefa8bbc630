"""Where things stand on the wheel: its size and bands, the twelve months it
shows (:class:`Span`) and the angle of each day, and the SVG paths of the
sectors between two angles.

The span's first month is at the top and the months run clockwise. Every
coordinate is written through :func:`number`, so the SVG is the same on
every machine.
"""

from __future__ import annotations

import collections
import datetime as dt
import math
from collections.abc import Iterable, Sequence

import attrs

WIDTH, HEIGHT = 1414, 1000  # A3 landscape, √2 to 1
CX, CY = 500, 500
RIM = 485  # the outer edge
MONTHS_IN = 448  # the months' band: MONTHS_IN to RIM
WEEKS_IN = 418  # the weeks' band: WEEKS_IN to MONTHS_IN
THEMES_IN = 380  # the themes' lanes: THEMES_IN to WEEKS_IN - 4, or wider (themes_in)
BODIES_OUT = THEMES_IN - 6  # the rings: BODIES_IN to BODIES_OUT, or less (bodies_out)
BODIES_IN = 130
THEME_LANE = 13  # a theme's lane at the least, where its name is read
MOST_LANES = 12  # themes given a lane of THEME_LANE each; more share that room
LEGEND_X = 1010


def number(value: float) -> str:
    """Coordinates to two decimals: small files, and the same on every machine."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


@attrs.frozen
class Span:
    """Twelve months of the wheel, from the first of ``month`` in ``year``:
    a calendar year (``month`` 1), or a school year from August (8).

    >>> Span(2025).label, Span(2017, 8).label, Span(2017, 8).slug, Span(2017, 8).last
    ('2025', '2017/18', '2017-18', datetime.date(2018, 7, 31))
    """

    year: int
    month: int = 1
    first: dt.date = attrs.field(init=False)
    end: dt.date = attrs.field(init=False)  # the day after its last
    _days: int = attrs.field(init=False, repr=False)

    @first.default
    def _first(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @end.default
    def _end(self) -> dt.date:
        return dt.date(self.year + 1, self.month, 1)

    @_days.default
    def _count(self) -> int:
        return (self.end - self.first).days

    @property
    def last(self) -> dt.date:
        return self.end - dt.timedelta(days=1)

    @property
    def label(self) -> str:
        """As the centre of the wheel says it: ``2025``, or ``2017/18``."""
        return str(self.year) if self.month == 1 else f"{self.year}/{(self.year + 1) % 100:02}"

    @property
    def slug(self) -> str:
        """As a file name says it: ``2025``, or ``2017-18``."""
        return self.label.replace("/", "-")

    def __contains__(self, day: dt.date) -> bool:
        return self.first <= day < self.end

    def days(self) -> list[dt.date]:
        return [self.first + dt.timedelta(days=n) for n in range(self._days)]

    def months(self) -> list[dt.date]:
        """The first day of each of its months, in order."""
        return [dt.date(self.year + (self.month + n - 1) // 12, (self.month + n - 1) % 12 + 1, 1)
                for n in range(12)]

    def angle(self, day: dt.date, *, noon: bool = True) -> float:
        """Radians clockwise from the top for a day (at its middle, or at its
        start); the day after the span's last is a whole turn."""
        return 2 * math.pi * (((day - self.first).days + (0.5 if noon else 0.0)) / self._days)

    def arc(self, first: dt.date, last: dt.date) -> tuple[float, float]:
        """The angles from the start of ``first`` to the end of ``last``."""
        return self.angle(first, noon=False), self.angle(last + dt.timedelta(days=1), noon=False)

    def clip(self, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date]:
        """The days from ``first`` to ``last`` that are in the span (they
        overlap it)."""
        return max(first, self.first), min(last, self.last)


def spans(start: dt.date, end: dt.date, month: int) -> list[Span]:
    """The spans from ``month`` that hold a day from ``start`` to ``end``.

    >>> [s.label for s in spans(dt.date(2024, 12, 1), dt.date(2025, 12, 31), 8)]
    ['2024/25', '2025/26']
    """
    first = start.year - (1 if start.month < month else 0)
    last = end.year - (1 if end.month < month else 0)
    return [Span(year, month) for year in range(first, last + 1)]


def busiest(candidates: Sequence[Span], days: Iterable[dt.date]) -> Span:
    """The span of ``candidates`` (all from one month) that holds the most of
    ``days``; of equals, the first."""
    month = candidates[0].month
    counts = collections.Counter(day.year - (day.month < month) for day in days)
    return max(candidates, key=lambda span: counts[span.year])


def themes_in(themes: int) -> float:
    """The inner edge of the themes' lanes: each lane at least
    :data:`THEME_LANE` wide (for up to :data:`MOST_LANES` themes), so that
    a theme's name can be read along it; the rings give way."""
    return WEEKS_IN - 4 - max(WEEKS_IN - 4 - THEMES_IN, min(themes, MOST_LANES) * THEME_LANE)


def bodies_out(themes: int) -> float:
    """The outer edge of the rings, inside the themes' lanes."""
    return themes_in(themes) - (THEMES_IN - BODIES_OUT)


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


@attrs.frozen
class Sector:
    """An annular sector from ``start`` to ``end`` radians, between two radii:
    a ring, a mark over several days, a shade, a theme's arc. Its text is
    its SVG path; the PDF draws it from its numbers."""

    inner: float
    outer: float
    start: float
    end: float

    def __str__(self) -> str:
        return sector(self.inner, self.outer, self.start, self.end)


@attrs.frozen
class Arc:
    """A circle's arc at ``radius`` from ``start`` to ``end`` radians, the way
    a text runs along it: clockwise, or the other way round (``back``), so
    that a text on the lower half stands upright."""

    radius: float
    start: float
    end: float
    back: bool = False

    def __str__(self) -> str:
        first, last = (self.end, self.start) if self.back else (self.start, self.end)
        x0, y0 = point(self.radius, first)
        x1, y1 = point(self.radius, last)
        large = 1 if self.end - self.start > math.pi else 0
        n = number
        return (f"M{n(x0)} {n(y0)}A{n(self.radius)} {n(self.radius)} 0 {large} "
                f"{0 if self.back else 1} {n(x1)} {n(y1)}")


def runs(days: Iterable[dt.date]) -> list[tuple[dt.date, dt.date]]:
    """Runs of consecutive days, as (first, last)."""
    found: list[tuple[dt.date, dt.date]] = []
    for day in sorted(set(days)):
        if found and (day - found[-1][1]).days == 1:
            found[-1] = (found[-1][0], day)
        else:
            found.append((day, day))
    return found
