"""Templates: every value escaped unless the code says it is markup, and a
value a template needs but is not given is an error, not an empty string."""

from __future__ import annotations

import jinja2
import pytest

from aarshjul.templates import markup, render

TODAY = {"title": "I dag: fredag den 14. marts 2025", "x0": "1", "y0": "2", "x1": "3",
         "y1": "4", "lx": "5", "ly": "6", "label": "I dag"}


def test_a_template_is_rendered_with_its_values() -> None:
    assert render("wheel_today.svg.j2", today=TODAY) == (
        '<g class="today-marker"><title>I dag: fredag den 14. marts 2025</title>\n'
        '  <line class="today" x1="1" y1="2" x2="3" y2="4"/>\n'
        '  <text x="5" y="6" text-anchor="middle" dominant-baseline="central" font-size="11" '
        'font-weight="700" fill="#b3261e">I dag</text>\n'
        "</g>\n")


def test_text_is_escaped_in_every_template_whatever_its_suffix() -> None:
    svg = render("wheel_today.svg.j2", today={**TODAY, "title": '</title><script>"x"&',
                                              "x0": '" onload="alert(1)'})
    assert "<script>" not in svg
    assert "<title>&lt;/title&gt;&lt;script&gt;&#34;x&#34;&amp;</title>" in svg
    assert 'x1="&#34; onload=&#34;alert(1)"' in svg


def test_markup_is_written_as_it_is() -> None:
    svg = render("wheel_today.svg.j2", today={**TODAY, "label": markup("<tspan>I dag</tspan>")})
    assert '#b3261e"><tspan>I dag</tspan></text>' in svg
    assert str(markup("<b>x</b>")) == "<b>x</b>"


def test_a_missing_value_is_an_error() -> None:
    incomplete = {key: value for key, value in TODAY.items() if key != "label"}
    with pytest.raises(jinja2.UndefinedError, match="label"):
        render("wheel_today.svg.j2", today=incomplete)
