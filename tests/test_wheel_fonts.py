"""The wheel's typeface: its widths are Vera's, which DejaVu Sans shares, so
that a word measured here is the word the browser and the PDF draw."""

from __future__ import annotations

from pathlib import Path

import pytest

from aarshjul.wheel import fonts

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def test_a_text_is_as_wide_as_its_letters_and_grows_with_its_size() -> None:
    word = "Beskæftigelsesudvalget"
    assert fonts.width(word, 10) == pytest.approx(sum(fonts.width(c, 10) for c in word))
    assert fonts.width(word, 20) == pytest.approx(2 * fonts.width(word, 10))
    assert fonts.width(word, 10, bold=True) > fonts.width(word, 10)
    assert fonts.width("", 10) == 0


def test_danish_letters_have_widths_of_their_own() -> None:
    """Not a missing glyph's box: æ is wider than a, ø as wide as o."""
    assert fonts.width("æ", 10) > fonts.width("a", 10) > 0
    assert fonts.width("ø", 10) == pytest.approx(fonts.width("o", 10))
    assert fonts.width("Å", 10) == pytest.approx(fonts.width("A", 10))


def test_dejavu_sans_the_browser_s_first_choice_has_vera_s_widths() -> None:
    from reportlab.pdfbase import pdfmetrics  # noqa: PLC0415 - only this test needs it
    from reportlab.pdfbase.ttfonts import TTFont  # noqa: PLC0415

    assert DEJAVU.is_file(), "fonts-dejavu-core is needed (the README's test command)"
    pdfmetrics.registerFont(TTFont("TestDejaVu", str(DEJAVU)))
    for text in ("Social- og Beskæftigelsesudvalget", "Økonomiudvalget", "Januar 2025"):
        assert pdfmetrics.stringWidth(text, "TestDejaVu", 12) == pytest.approx(
            fonts.width(text, 12))


def test_the_svg_asks_for_fonts_of_vera_s_widths_first() -> None:
    """The wheel as drawn names DejaVu Sans, then Vera, for all its text."""
    from aarshjul import load_plan  # noqa: PLC0415 - the drawing, for this test only
    from aarshjul.wheel.drawing import wheel_svg  # noqa: PLC0415

    from .plans import EXAMPLE, agendas_of  # noqa: PLC0415

    plan = load_plan(EXAMPLE)
    svg = wheel_svg(plan, agendas_of(plan))
    root = svg[:svg.index(">")]
    assert "font-family=\"&#39;DejaVu Sans&#39;, &#39;Bitstream Vera Sans&#39;" in root
    assert "font-family" not in svg[svg.index(">"):]  # no text asks for another
