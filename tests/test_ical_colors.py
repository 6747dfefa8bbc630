"""A plan's ``#rrggbb`` as the CSS3 colour name RFC 7986's COLOR wants."""

from __future__ import annotations

import re

import pytest

from aarshjul.ical.colors import _NAMED, css_name

NAMED = dict(zip(_NAMED.split()[::2], _NAMED.split()[1::2], strict=True))


@pytest.mark.parametrize("name", NAMED)
def test_every_named_colour_is_its_own_nearest(name: str) -> None:
    assert css_name(f"#{NAMED[name]}") == name


@pytest.mark.parametrize(("color", "name"), [
    ("#1f6f8b", "teal"), ("#c0392b", "firebrick"), ("#ff0000", "red"), ("#fe0101", "red"),
    ("#000000", "black"), ("#ffffff", "white"), ("#0072b2", "darkcyan"),
    ("#e69f00", "orange"), ("#b8a200", "darkgoldenrod"),
])
def test_a_colour_gets_the_nearest_name(color: str, name: str) -> None:
    assert css_name(color) == name


def test_hex_digits_in_either_case_and_without_the_hash() -> None:
    assert css_name("#C0392B") == css_name("c0392b") == "firebrick"


@pytest.mark.parametrize(("color", "name"), [
    ("#aa5705", "sienna"),  # plain RGB distance says saddlebrown
    ("#11ad5e", "mediumseagreen"),  # plain RGB distance says seagreen
])
def test_the_distance_follows_the_eye_more_than_plain_rgb(color: str, name: str) -> None:
    assert css_name(color) == name


def test_the_names_are_css3_s_and_each_once() -> None:
    words = _NAMED.split()
    assert len(NAMED) == len(words) // 2  # no name twice
    assert all(re.fullmatch("[0-9a-f]{6}", value) for value in NAMED.values())
    assert list(NAMED) == sorted(NAMED)


def test_magenta_is_fuchsia_not_deeppink() -> None:
    """CSS3 names #ff00ff twice (fuchsia, magenta); the table once lacked both."""
    assert css_name("#ff00ff") == "fuchsia"


_CSS3 = """aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond
blue blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta
darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue
darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey
dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite gold goldenrod gray
grey green greenyellow honeydew hotpink indianred indigo ivory khaki lavender lavenderblush
lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray
lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon
mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue
mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream mistyrose moccasin
navajowhite navy oldlace olive olivedrab orange orangered orchid palegoldenrod palegreen
paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple red
rosybrown royalblue saddlebrown salmon sandybrown seagreen seashell sienna silver skyblue
slateblue slategray slategrey snow springgreen steelblue tan teal thistle tomato turquoise
violet wheat white whitesmoke yellow yellowgreen"""
CSS3 = set(_CSS3.split())
"""CSS Color Module Level 3, §4.3: 147 names."""

SYNONYMS = {"cyan", "magenta", "darkgrey", "darkslategrey", "dimgrey", "grey", "lightgrey",
            "lightslategrey", "slategrey"}
"""Second names for a value the table has (aqua, fuchsia, the -gray spellings)."""


def test_the_table_has_every_css3_colour_once() -> None:
    assert len(CSS3) == 147
    assert set(NAMED) == CSS3 - SYNONYMS
    assert len(set(NAMED.values())) == len(NAMED)
