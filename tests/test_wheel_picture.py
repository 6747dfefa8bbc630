"""The placed picture that the SVG, the PDF and the PNG all draw: its words,
its centre, and the twelve months it covers."""

from __future__ import annotations

import datetime as dt

from aarshjul import load_plan
from aarshjul.wheel import fonts
from aarshjul.wheel.geometry import BODIES_IN, Span
from aarshjul.wheel.picture import WIDEST, picture

from .plans import EXAMPLE, ROOT, agendas_of

FREDENSBORG = ROOT / "calendars" / "fredensborg-2017.toml"


def test_every_body_is_named_on_its_ring_and_every_theme_along_its_arc() -> None:
    plan = load_plan(EXAMPLE)
    drawn = picture(plan, agendas_of(plan), Span(2025))
    words = {(word.kind, word.text) for word in drawn.lettering}
    for body in plan.bodies:
        assert ("ring-name", body.name) in words
    for theme in plan.themes:
        assert ("theme-name", theme.name) in words
    assert len({word.id for word in drawn.lettering}) == len(drawn.lettering)


def test_cases_on_meetings_get_labels_and_their_whole_titles() -> None:
    plan = load_plan(FREDENSBORG)
    agendas = agendas_of(plan)
    drawn = picture(plan, agendas, Span(2017))
    labels = [word for word in drawn.lettering if word.kind == "case-label"]
    assert len(labels) >= 10
    titles = {case.title for case in plan.cases}
    for label in labels:
        first = label.title.split("; ")[0]
        assert first.startswith(label.text.split("…")[0].split(" (+")[0])
    assert any(label.title in titles for label in labels)


def test_the_plan_s_title_fills_up_to_three_lines_within_the_inner_ring() -> None:
    plan = load_plan(EXAMPLE)
    drawn = picture(plan, agendas_of(plan), Span(2025))
    assert [line.text for line in drawn.centre] == ["Årshjul for Sociale Forhold og",
                                                   "Beskæftigelse 2025"]
    size = float(drawn.centre_size)
    assert all(fonts.width(line.text, size) <= WIDEST for line in drawn.centre)
    assert WIDEST < 2 * BODIES_IN


def test_a_school_year_is_labelled_with_both_years_in_a_smaller_size() -> None:
    plan = load_plan(FREDENSBORG)
    drawn = picture(plan, agendas_of(plan), Span(2016, 8), today=dt.date(2017, 3, 1))
    assert (drawn.span.label, drawn.year_size) == ("2016/17", "40")
    assert drawn.title.endswith("2016/17")
    assert drawn.today is not None
    assert drawn.months[0].text == "August"
