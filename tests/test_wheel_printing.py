"""The wheel on paper: one A3 page of PDF whose words are text, and a PNG of
that page, both drawn from the picture the SVG draws."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest
from PIL import Image

from aarshjul import load_plan, wheel_pdf, wheel_png
from aarshjul.wheel.geometry import WIDTH, Span, point
from aarshjul.wheel.parts import body_colors
from aarshjul.wheel.picture import picture
from aarshjul.wheel.printing import PNG_DPI, pdf_of, png_of

from .plans import EXAMPLE, ROOT, agendas_of

FREDENSBORG = ROOT / "calendars" / "fredensborg-2017.toml"
MONTHS = ["Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli", "August",
          "September", "Oktober", "November", "December"]


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
        # On its ring, set letter by letter, and in the legend: both read as text.
        assert lines.count(body.name) >= 2, body.name
    for theme in plan.themes:
        assert theme.name in text


def test_the_fonts_are_embedded_so_the_page_prints_anywhere() -> None:
    plan = load_plan(EXAMPLE)
    page = page_of(wheel_pdf(plan, agendas_of(plan)))
    fonts = page["/Resources"]["/Font"]
    embedded = [font for font in (fonts[name].get_object() for name in fonts)
                if "/FontDescriptor" in font and "/FontFile2" in font["/FontDescriptor"]]
    assert len(embedded) == 2  # Vera, and Vera bold


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
        want = tuple(int(colors[ring.id][i:i + 2], 16) for i in (1, 3, 5))
        for mark in ring.marks:
            if mark.kind != "planned" or mark.path is not None:
                continue
            got = image.getpixel((round(float(mark.x) * scale), round(float(mark.y) * scale)))
            assert max(abs(a - b) for a, b in zip(got, want, strict=True)) <= 3, mark.title
            checked += 1
    assert checked > 50
    assert image.getpixel((5, 5)) == (255, 255, 255)


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
    """The white halo round the words on the arcs is theirs alone: the
    centre and the legend, drawn after them, stay black."""
    plan = load_plan(EXAMPLE)
    drawn = picture(plan, agendas_of(plan), Span(2025))
    assert drawn.lettering
    image = Image.open(io.BytesIO(png_of(pdf_of(drawn)))).convert("RGB")
    legend_x, first_row = 1010, float(drawn.legend.bodies[0].y)
    assert dark(image, (legend_x + 20, first_row - 10, legend_x + 200, first_row + 3)) > 100
    assert dark(image, (380, 520, 620, 560)) > 100  # the plan's title under the year
    # A ring's name: its letters black, inside their white halo.
    name = next(word for word in drawn.lettering if word.kind == "ring-name")
    x, y = point(name.arc.radius, (name.arc.start + name.arc.end) / 2)
    assert dark(image, (x - 30, y - 12, x + 30, y + 12)) > 20
