"""How each kind of thing on the wheel is painted: its fill, its line, its
text. The SVG's style sheet is written from this table and the PDF paints
from it, so the two look the same.
"""

from __future__ import annotations

import attrs
from markupsafe import Markup


@attrs.frozen
class Paint:
    fill: str | None = None  # None: as its group says (a body's colour)
    fill_opacity: float = 1.0
    stroke: str | None = None
    stroke_width: float = 0.0
    stroke_opacity: float = 1.0
    dash: tuple[float, ...] = ()
    size: float = 0.0  # of a text
    bold: bool = False


INK = "#1b1b1b"
RING_GREY = "#eef1f4"
KEY_GREY = "#555b63"  # the key's marks: any body's

PAINTS = {
    "band": Paint(fill="#f7f7f5", stroke="#b9bcc2", stroke_width=1),
    "ring.even": Paint(fill=RING_GREY, stroke="#ffffff", stroke_width=0.6),
    "ring.odd": Paint(fill="#f8f9fa", stroke="#ffffff", stroke_width=0.6),
    "closed": Paint(fill="#6b7078", fill_opacity=0.2),
    "holiday": Paint(fill="#b3261e", fill_opacity=0.18),
    "separator": Paint(stroke="#8b9099", stroke_width=0.8),
    "month": Paint(fill=INK, size=15, bold=True),
    "week": Paint(fill="#4a4f57", size=9),
    "theme": Paint(fill_opacity=0.45),
    "mark.cancelled": Paint(fill="#ffffff", stroke_width=1.6),
    "mark.moved": Paint(stroke=INK, stroke_width=1.4),
    "today": Paint(stroke="#b3261e", stroke_width=2.2),
    "thread": Paint(stroke=INK, stroke_width=1.5, stroke_opacity=0.6, dash=(4, 3)),
    "ring-name": Paint(fill=INK, bold=True),
    "theme-name": Paint(fill=INK),
    "case-label": Paint(fill="#3b4048"),
    "legend-heading": Paint(fill=INK, size=15, bold=True),
    # The centre's sizes are each wheel's own (a school year's is smaller).
    "year": Paint(fill=INK, bold=True),
    "plan-title": Paint(fill=INK),
}
"""Each kind by its class in the SVG (``mark.moved``: a mark that is moved)."""


def style_sheet() -> Markup:
    """The SVG's ``<style>``: each kind's paint as CSS (no text of a plan in
    it, so it needs no escaping)."""
    lines = [f".aarshjul-wheel text {{ fill: {INK}; }}"]
    for kind, paint in PAINTS.items():
        said = []
        if paint.fill is not None:
            said.append(f"fill: {paint.fill};")
        if paint.fill_opacity != 1.0:
            said.append(f"fill-opacity: {paint.fill_opacity:g};")
        if paint.stroke is not None:
            said.append(f"stroke: {paint.stroke};")
        if paint.stroke_width:
            said.append(f"stroke-width: {paint.stroke_width:g};")
        if paint.stroke_opacity != 1.0:
            said.append(f"stroke-opacity: {paint.stroke_opacity:g};")
        if paint.dash:
            said.append(f"stroke-dasharray: {' '.join(f'{d:g}' for d in paint.dash)};")
        if paint.size:
            said.append(f"font-size: {paint.size:g}px;")
        if paint.bold:
            said.append("font-weight: 700;")
        lines.append(f".aarshjul-wheel .{kind} {{ {' '.join(said)} }}")
    return Markup("\n".join(f"  {line}" for line in lines))  # our own constants only
