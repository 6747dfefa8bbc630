"""The wheel's typeface, and how wide a text is in it.

The words on the wheel are fitted into their rings and lanes before they are
drawn, so their width must be known without a browser. The wheel is set in
Bitstream Vera Sans, which reportlab ships (its æ, ø and å included), so the
PDF embeds it and no system font is needed. DejaVu Sans, which Linux
desktops have and Chromium finds there, is Vera with more letters and the
same widths; the SVG asks for it first and for Verdana, of a like width,
after. A text measured here is what the browser and the PDF draw, give or
take kerning: the labels keep :data:`SLACK` for that.
"""

from __future__ import annotations

import functools
from pathlib import Path

import reportlab
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif"
"""The SVG's font family: Vera's widths first (see the module's text)."""

REGULAR, BOLD = "AarshjulVera", "AarshjulVeraBold"
"""The names the PDF knows the two faces by."""

SLACK = 1.08
"""How much wider than measured a label is given room for: another font of
the family, or kerning the measure does not apply."""

_FILES = {REGULAR: "Vera.ttf", BOLD: "VeraBd.ttf"}


@functools.cache
def registered() -> tuple[str, str]:
    """The two faces, registered with reportlab once (measuring and the PDF
    both need them)."""
    folder = Path(reportlab.__file__).parent / "fonts"
    for name, file in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / file)))
    return REGULAR, BOLD


def width(text: str, size: float, *, bold: bool = False) -> float:
    """The width of ``text`` set at ``size`` (user units, as the SVG's)."""
    regular, heavy = registered()
    return float(pdfmetrics.stringWidth(text, heavy if bold else regular, size))
