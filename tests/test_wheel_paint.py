"""The one table of paints: the SVG's style sheet is written from it, so the
PDF, which paints from it too, looks as the SVG does."""

from __future__ import annotations

import re

from aarshjul.wheel.paint import PAINTS, style_sheet


def test_each_kind_s_paint_is_in_the_style_sheet() -> None:
    sheet = str(style_sheet())
    rules = dict(re.findall(r"\.aarshjul-wheel \.([\w.-]+) \{ ([^}]*) \}", sheet))
    assert set(PAINTS) <= set(rules)
    assert rules["holiday"] == "fill: #b3261e; fill-opacity: 0.18;"
    assert rules["month"] == "fill: #1b1b1b; font-size: 15px; font-weight: 700;"
    assert rules["thread"] == ("stroke: #1b1b1b; stroke-width: 1.5; stroke-opacity: 0.6; "
                               "stroke-dasharray: 4 3;")


def test_the_style_sheet_holds_nothing_a_browser_would_read_as_markup() -> None:
    sheet = str(style_sheet())
    assert not set(sheet) & set("<>&\"'")
