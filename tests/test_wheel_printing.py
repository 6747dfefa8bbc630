"""The wheel on paper: one A3 page of PDF whose words are text, and a PNG of
that page, both drawn from the picture the SVG draws."""

from __future__ import annotations

import collections
import datetime as dt
import io
import math
from pathlib import Path

import pypdf
import pypdfium2
import pytest
from PIL import Image

from aarshjul import load_plan, wheel_pdf, wheel_png
from aarshjul.model import Plan
from aarshjul.wheel.drawing import chosen_span
from aarshjul.wheel.geometry import WIDTH, Span, point
from aarshjul.wheel.paint import PAINTS
from aarshjul.wheel.parts import body_colors
from aarshjul.wheel.picture import picture
from aarshjul.wheel.printing import PNG_DPI, pdf_of, png_of

from .plans import EXAMPLE, ROOT, agendas_of

FREDENSBORG = ROOT / "calendars" / "fredensborg-2017.toml"
MONTHS = ["Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli", "August",
          "September", "Oktober", "November", "December"]


def chosen(plan: Plan) -> Span:
    return chosen_span(plan, agendas_of(plan))


def page_of(pdf: bytes) -> pypdf.PageObject:
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    return reader.pages[0]


@pytest.mark.parametrize("path", [EXAMPLE, FREDENSBORG], ids=["aarhus", "fredensborg"])
def test_one_a3_page_in_landscape_whose_months_and_names_are_text(path: Path) -> None:
    plan = load_plan(path)
    pdf = wheel_pdf(plan, agendas_of(plan))
    page = page_of(pdf)
    assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(
        (1190.55, 841.89), abs=0.01)  # 420 × 297 mm
    text = page.extract_text()
    lines = text.splitlines()
    for month in MONTHS:
        assert month in lines
    for body in plan.bodies:
        # On its ring, set letter by letter, and in the legend.
        assert lines.count(body.name) == 2, body.name
    # Each word along an arc once (a ring's name, a theme's, a case's label)
    # and each name once more in the legend.
    drawn = collections.Counter(word.text for word in picture(plan, agendas_of(plan),
                                                              chosen(plan)).lettering)
    for theme in plan.themes:
        assert lines.count(theme.name) == 1 + drawn[theme.name], theme.name


def test_the_fonts_are_embedded_so_the_page_prints_anywhere() -> None:
    plan = load_plan(EXAMPLE)
    page = page_of(wheel_pdf(plan, agendas_of(plan)))
    fonts = page["/Resources"]["/Font"]
    embedded = [font for font in (fonts[name].get_object() for name in fonts)
                if "/FontDescriptor" in font and "/FontFile2" in font["/FontDescriptor"]]
    assert len(embedded) == 2  # Vera, and Vera bold
    assert len(fonts) == 2  # and no other font, not even one the reader must have


def test_the_same_plan_gives_the_same_bytes() -> None:
    plan = load_plan(EXAMPLE)
    agendas = agendas_of(plan)
    first = wheel_pdf(plan, agendas)
    assert wheel_pdf(plan, agendas) == first
    assert png_of(first) == png_of(first)
    assert b"D:20000101000000" in first  # reportlab's fixed date, not the day it ran


def test_the_png_is_the_pdf_s_page_with_each_mark_where_the_svg_puts_it() -> None:
    """One geometry: at each mark's centre, as the SVG gives it, the PNG
    holds the body's colour."""
    plan = load_plan(EXAMPLE)
    agendas = agendas_of(plan)
    drawn = picture(plan, agendas, Span(2025))
    image = Image.open(io.BytesIO(png_of(pdf_of(drawn)))).convert("RGB")
    scale = image.width / WIDTH
    assert image.width == pytest.approx(420 / 25.4 * PNG_DPI, abs=2)
    colors = body_colors(plan)
    checked = 0
    for ring in drawn.rings:
        for mark in ring.marks:
            # A cancelled mark is hollow; a moved one has its body's colour
            # inside its ring; one over several days is an arc (its middle).
            want = rgb("#ffffff" if mark.kind == "cancelled" else colors[ring.id])
            x, y = ((float(mark.x), float(mark.y)) if mark.path is None else
                    point((mark.path.inner + mark.path.outer) / 2,
                          (mark.path.start + mark.path.end) / 2))
            near(image.getpixel((round(x * scale), round(y * scale))), want, mark.title)
            checked += 1
    assert checked > 50
    assert image.getpixel((5, 5)) == (255, 255, 255)


def rgb(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def near(got: object, want: tuple[int, ...], what: str, *, by: int = 3) -> None:
    assert isinstance(got, tuple)
    assert max(abs(a - b) for a, b in zip(got, want, strict=True)) <= by, (what, got, want)


def test_each_theme_s_arc_is_where_the_svg_draws_it() -> None:
    """At the middle of each arc of a theme, the PNG holds the theme's colour
    as pale as the arcs are drawn, on the rim's ground; half a turn away, in
    the same lane, it does not."""
    plan = load_plan(EXAMPLE)
    drawn = picture(plan, agendas_of(plan), Span(2025))
    image = Image.open(io.BytesIO(png_of(pdf_of(drawn)))).convert("RGB")
    scale = image.width / WIDTH
    opacity = PAINTS["theme"].fill_opacity
    for theme in drawn.themes:
        want = tuple(round(opacity * c + (1 - opacity) * g)
                     for c, g in zip(rgb(theme.color), rgb("#f7f7f5"), strict=True))
        for arc in theme.paths:
            # By the arc's outer edge, clear of the theme's name along it.
            x, y = point(arc.outer - 1.5, (arc.start + arc.end) / 2)
            near(image.getpixel((round(x * scale), round(y * scale))), want, theme.name, by=4)
    budget = drawn.themes[0]  # January to October: November is not in it
    (arc,) = budget.paths
    x, y = point(arc.outer - 1.5, Span(2025).angle(dt.date(2025, 11, 20)))
    assert image.getpixel((round(x * scale), round(y * scale))) == rgb("#f7f7f5")


def test_the_words_along_the_arcs_read_from_left_to_right() -> None:
    """A word on the lower half runs back round the circle, so that it
    stands upright and reads from left to right, as one on the upper half."""
    plan = load_plan(ROOT / "calendars" / "fredensborg-2017.toml")
    drawn = picture(plan, agendas_of(plan), Span(2017))
    document = pypdfium2.PdfDocument(pdf_of(drawn))
    page = document[0].get_textpage()
    legend_left = 1010 * 1190.55 / WIDTH  # in the page's points
    checked = 0
    for word in drawn.lettering:
        middle = (word.arc.start + word.arc.end) / 2 % (2 * math.pi)
        if not (abs(middle - math.pi) < 0.5 or min(middle, 2 * math.pi - middle) < 0.5):
            continue  # near the sides a word runs up or down
        # The word as the PDF's reader finds it, on the wheel (not in the
        # legend): a word set backwards is not found there at all.
        searcher = page.search(word.text, match_case=True)
        on_wheel = []
        while (found := searcher.get_next()) is not None:
            first, count = found
            boxes = [page.get_charbox(first), page.get_charbox(first + count - 1)]
            if boxes[1][2] < legend_left:
                on_wheel.append(boxes)
        assert on_wheel, word.text
        for first_box, last_box in on_wheel:
            assert first_box[0] < last_box[0], word.text
        checked += 1
    assert checked >= 8  # the eight rings' names, at the bottom (the summer)
    document.close()


def test_the_library_s_png_is_its_pdf_rendered() -> None:
    plan = load_plan(EXAMPLE)
    agendas = agendas_of(plan)
    png = wheel_png(plan, agendas, year=2025)
    assert png == png_of(wheel_pdf(plan, agendas, year=2025))
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def dark(image: Image.Image, box: tuple[float, float, float, float]) -> int:
    """How many pixels in ``box`` (in the SVG's units) are nearly black."""
    scale = image.width / WIDTH
    left, top, right, bottom = (round(v * scale) for v in box)
    crop = image.crop((left, top, right, bottom)).convert("L")
    return sum(1 for value in crop.tobytes() if value < 80)


def test_words_drawn_after_the_words_on_the_arcs_are_still_black_on_white() -> None:
    """The words on the arcs leave the way text is drawn as it was: the
    centre and the legend, drawn after them, are black."""
    plan = load_plan(EXAMPLE)
    drawn = picture(plan, agendas_of(plan), Span(2025))
    assert drawn.lettering
    image = Image.open(io.BytesIO(png_of(pdf_of(drawn)))).convert("RGB")
    legend_x, first_row = 1010, float(drawn.legend.bodies[0].y)
    assert dark(image, (legend_x + 20, first_row - 10, legend_x + 200, first_row + 3)) > 100
    assert dark(image, (380, 520, 620, 560)) > 100  # the plan's title under the year
    # A ring's name: its letters black.
    name = next(word for word in drawn.lettering if word.kind == "ring-name")
    x, y = point(name.arc.radius, (name.arc.start + name.arc.end) / 2)
    assert dark(image, (x - 30, y - 12, x + 30, y + 12)) > 20
