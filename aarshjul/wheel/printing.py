"""The wheel on paper (SPEC §13): the picture as one A3 page of PDF, and as
a PNG made from that page.

The PDF is drawn with reportlab from the same placed picture as the SVG
(:mod:`aarshjul.wheel.picture`), in the SVG's units scaled to the page, its
colours from the one table of paints (:mod:`aarshjul.wheel.paint`), its text
in Bitstream Vera, embedded, so it stays text: a reader can search it and
copy a body's name. A word along an arc is set letter by letter, each turned
to the circle, as the SVG's ``textPath`` sets it, in one text object. The PNG is that page
rendered by PDFium (pypdfium2), so it is the PDF to the pixel. Both are the
same bytes for the same plan: the PDF's date is reportlab's fixed one
(``invariant``; ``SOURCE_DATE_EPOCH`` where that is set) and its id is made
from its content.
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections.abc import Sequence

import pypdfium2
from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A3, landscape
from reportlab.pdfgen.canvas import Canvas

from aarshjul.agenda.assembly import Agendas
from aarshjul.model import Plan
from aarshjul.wheel import fonts
from aarshjul.wheel.drawing import wheel_picture
from aarshjul.wheel.geometry import (
    CX,
    CY,
    HEIGHT,
    LEGEND_X,
    MONTHS_IN,
    RIM,
    WEEKS_IN,
    WIDTH,
    Sector,
    point,
)
from aarshjul.wheel.legend import COLUMN, SWATCH
from aarshjul.wheel.lettering import Lettering
from aarshjul.wheel.paint import INK, KEY_GREY, PAINTS, Paint
from aarshjul.wheel.parts import Ring
from aarshjul.wheel.picture import Picture

__all__ = ["wheel_pdf", "wheel_png"]

PNG_DPI = 150
"""The PNG's resolution on the A3 page: 2481 × 1754 pixels."""


def pdf_of(drawn: Picture) -> bytes:
    """The picture as a PDF of one A3 page in landscape."""
    regular, bold = fonts.registered()
    out = io.BytesIO()
    page_width, page_height = landscape(A3)
    # Vera from the start, so the page names no other font (the stubs take
    # the font's name for a number).
    canvas = Canvas(out, pagesize=(page_width, page_height), invariant=True,
                    pageCompression=True, initialFontName=regular)  # type: ignore[arg-type]
    canvas.setTitle(drawn.title)
    canvas.setSubject(drawn.description)
    canvas.setCreator("aarshjul")
    scale = page_width / WIDTH  # the page has the SVG's proportions, √2 to 1
    canvas.translate(0, page_height)
    canvas.scale(scale, -scale)  # from here on, the SVG's units: y runs down
    pen = _Pen(canvas, regular, bold)
    pen.draw(drawn)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def png_of(pdf: bytes) -> bytes:
    """The PDF's page as a PNG (:data:`PNG_DPI`)."""
    document = pypdfium2.PdfDocument(pdf)
    try:
        bitmap = document[0].render(scale=PNG_DPI / 72)
        out = io.BytesIO()
        bitmap.to_pil().save(out, format="PNG")
        return out.getvalue()
    finally:
        document.close()


class _Pen:
    """Draws a picture's parts on a canvas in the SVG's units."""

    def __init__(self, canvas: Canvas, regular: str, bold: str) -> None:
        self.canvas = canvas
        self.regular = regular
        self.bold = bold

    def draw(self, p: Picture) -> None:
        c = self.canvas
        self.fill("#ffffff")
        c.rect(0, 0, WIDTH, HEIGHT, stroke=0, fill=1)
        for radius in (RIM, MONTHS_IN, WEEKS_IN):
            self.paint(PAINTS["band"])
            c.circle(CX, CY, radius, stroke=1, fill=1)
        for month in p.months:
            self.text(month.text, float(month.x), float(month.y), PAINTS["month"],
                      rotate=float(month.rotate), central=True)
        for week in p.weeks:
            self.text(week.text, float(week.x), float(week.y), PAINTS["week"], central=True)
        for theme in p.themes:
            self.paint(PAINTS["theme"], fill=theme.color)
            self.sectors(theme.paths)
        for index, ring in enumerate(p.rings):
            self.paint(PAINTS["ring.even" if index % 2 == 0 else "ring.odd"])
            self.sectors([ring.path], stroke=True)
        for shade in p.shades:
            self.paint(PAINTS[shade.kind])
            self.sectors([shade.path])
        self.paint(PAINTS["separator"])
        for x0, y0, x1, y1 in p.separators:
            c.line(float(x0), float(y0), float(x1), float(y1))
        self.threads(p)
        for ring in p.rings:
            self.marks(ring)
        for word in p.lettering:
            self.along(word)
        if p.today:
            self.paint(PAINTS["today"])
            c.line(*(float(p.today[key]) for key in ("x0", "y0", "x1", "y1")))
            self.text(p.today["label"], float(p.today["lx"]), float(p.today["ly"]),
                      PAINTS["today"], size=11, bold=True, color=PAINTS["today"].stroke,
                      central=True)
        self.centre(p)
        self.legend(p)

    def fill(self, color: str, alpha: float = 1.0) -> None:
        self.canvas.setFillColor(HexColor(color))
        self.canvas.setFillAlpha(alpha)

    def paint(self, paint: Paint, *, fill: str | None = None, stroke: str | None = None) -> None:
        c = self.canvas
        self.fill(fill or paint.fill or INK, paint.fill_opacity)
        c.setStrokeColor(HexColor(stroke or paint.stroke or INK))
        c.setStrokeAlpha(paint.stroke_opacity)
        c.setLineWidth(paint.stroke_width)
        c.setDash(list(paint.dash) or [], 0)

    def sectors(self, shapes: Sequence[Sector], *, stroke: bool = False) -> None:
        """Annular sectors: the outer arc clockwise, the inner one back."""
        path = self.canvas.beginPath()
        for shape in shapes:
            # reportlab's angles run from the x axis towards y, which runs
            # down here: clockwise on the page, as the wheel's do from the top.
            start = math.degrees(shape.start) - 90
            extent = math.degrees(shape.end - shape.start)
            o, i = shape.outer, shape.inner
            # (reportlab's stubs ask for whole degrees; it takes any number)
            path.arc(CX - o, CY - o, CX + o, CY + o, start, extent)  # type: ignore[arg-type]
            back = -extent
            path.arcTo(CX - i, CY - i, CX + i, CY + i, start + extent,  # type: ignore[arg-type]
                       back)  # type: ignore[arg-type]
            path.close()
        self.canvas.drawPath(path, stroke=1 if stroke else 0, fill=1)

    def threads(self, p: Picture) -> None:
        c = self.canvas
        c.saveState()  # the threads' round ends and joins are theirs alone
        c.setLineCap(1)
        c.setLineJoin(1)
        for thread in p.threads:
            self.paint(PAINTS["thread"])
            path = c.beginPath()
            first, *rest = thread.points
            path.moveTo(*first)
            for x, y in rest:
                path.lineTo(x, y)
            c.drawPath(path, stroke=1, fill=0)
        c.restoreState()

    def marks(self, ring: Ring) -> None:
        radius = float(ring.radius)
        for mark in ring.marks:
            paint = PAINTS.get(f"mark.{mark.kind}", Paint())
            fill = paint.fill or ring.color  # a cancelled mark is hollow: white
            stroke = paint.stroke or ring.color
            self.fill(fill)
            self.canvas.setStrokeColor(HexColor(stroke))
            self.canvas.setStrokeAlpha(1)
            self.canvas.setLineWidth(paint.stroke_width or 1)
            self.canvas.setDash([], 0)
            if mark.path is not None:
                self.sectors([mark.path], stroke=True)
            else:
                self.canvas.circle(float(mark.x), float(mark.y), radius, stroke=1, fill=1)

    def text(self, text: str, x: float, y: float, paint: Paint, *, rotate: float = 0.0,
             size: float | None = None, bold: bool | None = None, color: str | None = None,
             central: bool = False, anchor: str = "middle") -> None:
        """A line of text at (x, y): centred on it (``anchor``), its middle on
        it if ``central``, else its baseline, turned by ``rotate`` degrees."""
        c = self.canvas
        size = size or paint.size
        face = self.bold if (paint.bold if bold is None else bold) else self.regular
        c.saveState()
        c.translate(x, y)
        c.rotate(rotate)
        c.scale(1, -1)  # text stands upright again
        self.fill(color or paint.fill or INK)
        c.setFont(face, size)
        baseline = -0.35 * size if central else 0.0
        if anchor == "middle":
            c.drawCentredString(0, baseline, text)
        else:
            c.drawString(0, baseline, text)
        c.restoreState()

    def along(self, word: Lettering) -> None:
        """A word along its arc, centred on it: each letter turned to the
        circle, all in one text object, so that a reader of the PDF finds
        the word whole (and once: the words have no white edge, which a PDF
        could only draw as a second copy of their text)."""
        paint = PAINTS[word.kind]
        arc = word.arc
        total = fonts.width(word.text, word.size, bold=paint.bold)
        middle = (arc.start + arc.end) / 2
        direction = -1 if arc.back else 1
        text = self.canvas.beginText()
        text.setFont(self.bold if paint.bold else self.regular, word.size)
        text.setFillColor(HexColor(paint.fill or INK))  # the text object sets its own
        travelled = 0.0
        for letter in word.text:
            advance = fonts.width(letter, word.size, bold=paint.bold)
            theta = middle + direction * (travelled + advance / 2 - total / 2) / arc.radius
            x, y = point(arc.radius, theta)
            turn = theta - (math.pi if arc.back else 0.0)
            cos, sin = math.cos(turn), math.sin(turn)
            # Turned with the circle and upright again (y runs down here),
            # the letter's start half its width before its middle.
            text.setTextTransform(cos, sin, sin, -cos, x - cos * advance / 2,
                                  y - sin * advance / 2)
            text.textOut(letter)
            travelled += advance
        self.canvas.drawText(text)

    def centre(self, p: Picture) -> None:
        self.text(p.span.label, CX, CY + 8, PAINTS["year"], size=float(p.year_size))
        for line in p.centre:
            self.text(line.text, CX, float(line.y), PAINTS["plan-title"],
                      size=float(p.centre_size))
        if p.empty:
            self.text(p.empty, CX, CY - 50, PAINTS["plan-title"], size=14)

    def legend(self, p: Picture) -> None:
        c = self.canvas
        legend = p.legend
        size = float(legend.font)
        heading = PAINTS["legend-heading"]
        self.text(p.words.bodies, LEGEND_X, 60, heading, anchor="start")
        rows = [(row, 0.0) for row in legend.bodies] + [(row, 0.45) for row in legend.themes]
        if legend.themes:
            self.text(p.words.themes, LEGEND_X, float(legend.themes_y), heading,
                      anchor="start")
        for index, (row, alpha) in enumerate(rows):
            within = index if index < len(legend.bodies) else index - len(legend.bodies)
            x = LEGEND_X + (COLUMN if legend.columns == 2 and within % 2 else 0)
            y = float(row.y)
            self.fill(row.color, alpha or 1.0)
            c.rect(x, y - 9, 14, 11, stroke=0, fill=1)
            self.text(row.label, x + SWATCH, y, Paint(fill=INK, size=size), anchor="start")
        key_y = float(legend.key_y)
        self.text(p.words.key, LEGEND_X, key_y, heading, anchor="start")
        for key in legend.key:
            x = LEGEND_X + (COLUMN if key.kind == "thread" else 0)
            if key.kind in ("planned", "cancelled", "moved"):
                paint = PAINTS.get(f"mark.{key.kind}", Paint())
                self.fill(paint.fill or KEY_GREY)
                c.setStrokeColor(HexColor(paint.stroke or KEY_GREY))
                c.setLineWidth(paint.stroke_width or 1)
                c.circle(x + 7, key.y, 6, stroke=1, fill=1)
            elif key.kind in ("closed", "holiday"):
                self.paint(PAINTS[key.kind])
                c.rect(x, key.y - 6, 14, 12, stroke=0, fill=1)
            else:
                self.paint(PAINTS[key.kind])
                c.line(x, key.y, x + 14, key.y)
            c.setDash([], 0)
            self.text(key.text, x + SWATCH, key.y + 4, Paint(fill=INK, size=12), anchor="start")



def wheel_pdf(plan: Plan, agendas: Agendas, *, year: int | None = None,
              start_month: int | None = None, today: dt.date | None = None) -> bytes:
    """The wheel of twelve months of the plan (as :func:`wheel_svg` chooses
    them), as one A3 page of PDF."""
    return pdf_of(wheel_picture(plan, agendas, year=year, start_month=start_month,
                                today=today))


def wheel_png(plan: Plan, agendas: Agendas, *, year: int | None = None,
              start_month: int | None = None, today: dt.date | None = None) -> bytes:
    """The wheel as :func:`wheel_pdf` draws it, as a PNG."""
    return png_of(wheel_pdf(plan, agendas, year=year, start_month=start_month, today=today))
