"""The words on the wheel (SPEC §13): each ring's body name, each theme's
name along its arc, and a short label beside each meeting that has cases,
all set along their circles.

Each ring, and each theme's lane, is a track round the circle. The marks
take their angles of it first; a word is set only where the track is free,
so no word lies on another, and each is sized to its band, so none reaches
into the next. A body's name stands at the middle of the widest gap between
its marks (the summer, as a rule). In a ring wide enough it runs along its
outer edge, beside the marks, at its full size; in a narrower one it runs
through the marks' middle and shrinks to fit the gap; where even the
smallest size does not fit, it is set there anyway, over the marks, as a
ring must be named. A theme's name runs along its longest arc and on past
it in its own lane. A case's label takes the gap after its mark, or before
it, never over the wheel's turn (where it would seem to belong to the other
end of the year), and is cut at a word ("…") to fit, or left out; its whole
title is its tooltip.

Widths are measured in the wheel's typeface (:mod:`aarshjul.wheel.fonts`).
Every word keeps a margin and the path it runs on is longer than it, so a
browser's font a little wider than the measure still shows it whole.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import attrs

from aarshjul.wheel import fonts
from aarshjul.wheel.geometry import Arc, number
from aarshjul.wheel.paint import PAINTS

TAU = 2 * math.pi
SMALLEST = 5.0  # a word smaller than this is not read on paper
CUT_AT_LEAST = 10  # letters of a case's title that a cut label keeps, or none


@attrs.frozen
class Lettering:
    """A text along an arc: centred on ``arc``, whose path is longer than it."""

    id: str
    kind: str  # ring-name, theme-name, case-label
    text: str
    size: float
    arc: Arc
    title: str

    @property
    def font_size(self) -> str:
        return number(self.size)


@attrs.frozen
class Reach:
    """What takes part of a track: the angles from ``start`` to ``end``."""

    start: float
    end: float


class Track:
    """One circle's angles, and which of them are taken."""

    def __init__(self, taken: Sequence[Reach] = ()) -> None:
        self.taken = [Reach(r.start, r.end) for r in taken]

    def take(self, start: float, end: float) -> None:
        self.taken.append(Reach(start, end))

    def gaps(self) -> list[Reach]:
        """The free stretches between what is taken, widest first (the whole
        circle, from the top, where nothing is)."""
        if not self.taken:
            return [Reach(0.0, TAU)]
        pieces = []  # what is taken, within one turn from the top
        for reach in self.taken:
            start = reach.start % TAU
            end = start + min(reach.end - reach.start, TAU)
            pieces.append((start, min(end, TAU)))
            if end > TAU:  # over the top: its rest from the top on
                pieces.append((0.0, end - TAU))
        pieces.sort()
        found = []
        reach_ = pieces[0][1]
        for start, end in pieces[1:]:
            if start > reach_:
                found.append(Reach(reach_, start))
            reach_ = max(reach_, end)
        if pieces[0][0] + TAU > reach_:  # from the last one, over the top, to the first
            found.append(Reach(reach_, pieces[0][0] + TAU))
        return sorted(found, key=lambda r: (r.start - r.end, r.start))

    def gap_at(self, angle: float) -> Reach | None:
        """The free stretch that holds ``angle``."""
        for gap in self.gaps():
            for shift in (-TAU, 0.0, TAU):
                if gap.start <= angle + shift <= gap.end:
                    return Reach(gap.start - shift, gap.end - shift)
        return None


def _set(ident: str, kind: str, text: str, *, size: float, radius: float, middle: float,
         title: str) -> tuple[Lettering, Reach]:
    """``text`` centred on ``middle`` along the circle of ``radius`` (where
    its letters' middle is), and the angles it takes (with its margin)."""
    back = math.pi / 2 < middle % TAU < 3 * math.pi / 2  # the lower half: upright
    # The baseline lies off the letters' middle by about half a capital.
    baseline = radius + (0.35 * size if back else -0.35 * size)
    half = _width(kind, text, size) / 2 / baseline + 0.5 * size / baseline
    path = min(half * 1.4, math.pi - 1e-3)
    return (Lettering(ident, kind, text, size, Arc(baseline, middle - path, middle + path, back),
                      title),
            Reach(middle - half, middle + half))


def _width(kind: str, text: str, size: float) -> float:
    """The room a text needs: its width in its kind's face, and the slack."""
    return fonts.width(text, size, bold=PAINTS[kind].bold) * fonts.SLACK


def _span(kind: str, text: str, size: float, radius: float) -> float:
    """The angles a text takes on a circle of ``radius``, with its margin
    (measured on the inner of its two possible baselines: the larger)."""
    baseline = radius - 0.35 * size
    return (_width(kind, text, size) + size) / baseline


def name_ring(ident: str, name: str, *, inner: float, outer: float, mark: float,
              track: Track) -> Lettering | None:
    """The body's name at the widest gap of its ring: beside the marks (of
    radius ``mark``) where the ring is wide enough, else through them, as
    large as fits (none where the ring is too thin to be read)."""
    largest = min(13.0, (outer - inner) * 0.55)
    if largest < SMALLEST:
        return None
    gaps = track.gaps()
    gap = gaps[0] if gaps else Reach(0.0, 0.0)  # marks all round: at the top, over them
    middle = (gap.start + gap.end) / 2
    if (outer - inner) / 2 >= 1.2 * largest + mark + 2:
        # A lane of its own along the ring's outer edge, clear of the marks.
        lettering, _ = _set(ident, "ring-name", name, size=largest,
                            radius=outer - 0.75 * largest, middle=middle, title=name)
        return lettering
    radius = (inner + outer) / 2
    size = largest
    while size > SMALLEST and _span("ring-name", name, size, radius) > gap.end - gap.start:
        size = max(SMALLEST, size * 0.92)
    lettering, reach = _set(ident, "ring-name", name, size=size, radius=radius, middle=middle,
                            title=name)
    track.take(reach.start, reach.end)
    return lettering


def name_theme(ident: str, name: str, title: str, *, inner: float, outer: float,
               arcs: Sequence[Reach], track: Track) -> Lettering | None:
    """A theme's name along its longest arc, and on past it in its lane."""
    size = min(11.0, (outer - inner) * 0.62)
    if size < SMALLEST or not arcs:
        return None
    longest = max(arcs, key=lambda r: (r.end - r.start, -r.start))
    radius = (inner + outer) / 2
    lettering, reach = _set(ident, "theme-name", name, size=size, radius=radius,
                            middle=(longest.start + longest.end) / 2, title=title)
    track.take(reach.start, reach.end)
    return lettering


def label_case(ident: str, titles: Sequence[str], at: Reach, *, inner: float, outer: float,
               track: Track) -> Lettering | None:
    """A short label for the cases on a meeting (its mark at ``at``), in the
    gap after the mark or before it; cut at a word to fit, or none."""
    size = min(10.0, (outer - inner) * 0.42)
    if size < SMALLEST or not titles:
        return None
    radius = (inner + outer) / 2
    more = f" (+{len(titles) - 1})" if len(titles) > 1 else ""
    pad = 0.3 * size / radius
    for side in (at.end + pad, at.start - pad):
        gap = track.gap_at(side)
        if gap is None:
            continue
        # Not over the wheel's turn: there it would seem to be the other end's.
        room = (min(gap.end, TAU) - side) if side > at.end else side - max(gap.start, 0.0)
        text = _shortest_fit(titles[0], more, size, radius, room)
        if text is None:
            continue
        taken = _span("case-label", text, size, radius)
        middle = side + taken / 2 if side > at.end else side - taken / 2
        lettering, reach = _set(ident, "case-label", text, size=size, radius=radius,
                                middle=middle, title="; ".join(titles))
        track.take(reach.start, reach.end)
        return lettering
    return None


def _shortest_fit(title: str, more: str, size: float, radius: float, room: float
                  ) -> str | None:
    """The title (and ``more``) if it fits ``room``; else its first words
    (:data:`CUT_AT_LEAST` letters at least) and "…"; else None."""
    words = title.split()
    for count in range(len(words), 0, -1):
        kept = " ".join(words[:count])
        if count < len(words):  # cut: not after a dash, a colon or a stop ("2016 –…")
            kept = kept.rstrip(" –-:;,.")
        if count < len(words) and len(kept) < CUT_AT_LEAST:
            break  # "1.…" says nothing: better no label
        text = kept + ("" if count == len(words) else "…") + more
        if _span("case-label", text, size, radius) <= room:
            return text
    return None


def letter_rings(prefix: str,
                 rings: Sequence[tuple[str, float, float, float, Sequence[Reach]]],
                 cases: Mapping[int, Sequence[tuple[Reach, Sequence[str]]]]
                 ) -> list[Lettering]:
    """The names of ``rings`` (name, inner, outer, the marks' radius, the
    marks' reaches),
    then the labels of the cases on their marks (by the ring's index: each
    mark's reach and its cases' titles)."""
    found: list[Lettering] = []
    tracks = []
    for index, (name, inner, outer, mark, marks) in enumerate(rings):
        track = Track(marks)
        tracks.append(track)
        named = name_ring(f"{prefix}-ring-{index}", name, inner=inner, outer=outer, mark=mark,
                          track=track)
        if named is not None:
            found.append(named)
    for index, (_, inner, outer, _, _) in enumerate(rings):
        for number_, (at, titles) in enumerate(cases.get(index, ())):
            label = label_case(f"{prefix}-case-{index}-{number_}", titles, at, inner=inner,
                               outer=outer, track=tracks[index])
            if label is not None:
                found.append(label)
    return found
