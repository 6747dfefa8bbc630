"""Plan files load into the model: syntax, the tables, then one validation
pass, every problem reported at once with its line."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul import ClockTime, Placement, PlanError, load_plan, parse_plan, read_plan
from aarshjul.errors import has_errors
from aarshjul.plan import case_tables, table_kinds

from .plans import EXAMPLE, FRAGMENT_START, located, plan_text

BROKEN = {
    "series as a table": ('[series]\nbody = "sbu"\n', 0, "bad-type"),
    "unknown table": ('[[serie]]\nbody = "sbu"\n', 0, "unknown-key"),
}


@pytest.mark.parametrize(("fragment", "offset", "code"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_fragments_are_located(fragment: str, offset: int, code: str) -> None:
    found = located(plan_text(fragment))
    assert (FRAGMENT_START + offset, code) in found, found


SYNTAX = {
    "syntax error": ('[plan\ntitle = "x"\n', 1, "toml-syntax"),
    "30 February": ('[plan]\ntitle = "x"\nstart = 2025-02-30\n', 3, "toml-syntax"),
    "duplicate key at the end": ('[plan]\ntitle = "x"\ntitle = "y"', 3, "toml-syntax"),
}


@pytest.mark.parametrize(("text", "line", "code"), SYNTAX.values(), ids=SYNTAX.keys())
def test_syntax_errors_are_located(text: str, line: int, code: str) -> None:
    assert (line, code) in located(text)


def test_the_example_plan_loads() -> None:
    plan = load_plan(EXAMPLE)
    assert plan.id == "aarhus-msb-2025"
    assert plan.start == dt.date(2024, 12, 1)
    assert [b.id for b in plan.bodies] == ["sbu", "rm"]
    assert plan.body("sbu").location == "Rådhuset, lokale 398"
    assert plan.series[0].start == ClockTime.parse("18:15")
    assert plan.series[0].end == ClockTime.parse("19:45")
    assert str(plan.series[0].recurrence.rule) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    assert plan.series[1].end is None  # written as start and minutes
    assert plan.series[1].ends_at == ClockTime.parse("11:00")
    assert plan.holiday_categories == ("public", "optional")
    assert plan.template("udvalgsmoede").items[2].at is Placement.END


def test_a_bom_and_crlf_line_endings_are_fine() -> None:
    text = "\ufeff" + plan_text().replace("\n", "\r\n")
    assert parse_plan(text).id == "test"


def test_every_problem_is_reported_at_once() -> None:
    text = plan_text('[[body]]\nid = "x"\nname = "x"\ncolor = "red"\n\n'
                     '[[series]]\nbody = "nope"\nevery = "hver blå dag"\nstart = "25:00"\n'
                     'end = "19:00"\n')
    with pytest.raises(PlanError) as caught:
        parse_plan(text, source="x.toml")
    codes = [p.code for p in caught.value.problems]
    assert codes == ["bad-value", "unknown-reference", "bad-phrase", "bad-time"]
    assert caught.value.file == "x.toml"
    assert caught.value.line == FRAGMENT_START + 3
    assert caught.value.key == "body[3].color"


def test_keys_that_have_no_effect_warn() -> None:
    _, problems = read_plan(plan_text(
        '[[template]]\nid = "t"\n[[template.item]]\ntitle = "x"\ntime = "19:00"\n\n'
        '[[meeting]]\nbody = "sbu"\ndate = 2025-01-08\nstart = "10:00"\nminutes = 30\n'
        '[[meeting.item]]\ntitle = "Eget"\nat = "end"\nminutes = 5\n'), source="x.toml")
    assert [(p.severity.value, p.code, p.line) for p in problems] == [
        ("warning", "ignored-key", FRAGMENT_START + 4),
        ("warning", "ignored-key", FRAGMENT_START + 13)]


def test_a_plan_that_breaks_a_rule_of_the_whole_is_not_handed_out() -> None:
    plan, problems = read_plan(plan_text('[[body]]\nid = "sbu"\nname = "Igen"\n'),
                               source="x.toml")
    assert plan is None
    assert [(p.line, p.code) for p in problems] == [(FRAGMENT_START + 1, "duplicate-id")]


# Values of every kind a planner might write, right or wrong for any key.
VALUES = ['"sbu"', '["sbu", "rm"]', "[15, 10]", '"x"', '""', '"SBU"', '"all"', "0", "-1", "7",
          "90", "1440", "true",
          "2025-02-05", "2024-01-01", "2030-12-31", '"2025-02-30"', "18:15:00",
          '"18:15"', '"25:00"', '"hver onsdag"', '"FREQ=WEEKLY;BYDAY=XX"', '"#1f77b4"',
          "[]", '["sbu"]', "[1, 54]", "[2025-02-05, 2025-02-05]", "[2025-03-01, 2025-02-01]",
          '["a", 1]', "{ a = 1 }", "1.5", "2025-02-05T10:00:00"]
KINDS = {"closed": table_kinds.CLOSED_KEYS, "body": table_kinds.BODY_KEYS,
         "series": table_kinds.SERIES_KEYS, "meeting": table_kinds.MEETING_KEYS,
         "template": table_kinds.TEMPLATE_KEYS, "theme": table_kinds.THEME_KEYS,
         "case": case_tables.CASE_KEYS, "route": case_tables.ROUTE_KEYS}


@st.composite
def tables(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(sorted(KINDS)))
    keys = draw(st.lists(st.sampled_from([k for k in KINDS[kind] if k != "item"]),
                         unique=True, max_size=8))
    text = f"[[{kind}]]\n" + "".join(f"{key} = {draw(st.sampled_from(VALUES))}\n"
                                     for key in keys)
    if kind in ("template", "meeting") and draw(st.booleans()):
        item_keys = draw(st.lists(st.sampled_from(table_kinds.ITEM_KEYS), unique=True))
        text += f"[[{kind}.item]]\n" + "".join(f"{key} = {draw(st.sampled_from(VALUES))}\n"
                                                for key in item_keys)
    return text


@settings(max_examples=300)
@given(st.lists(tables(), max_size=6), st.sampled_from(["", "[plan]\n", '[plan]\ntitle = 1\n']))
def test_reading_never_raises_whatever_the_values(bodies: list[str], header: str) -> None:
    """Each table is built with stand-ins for what cannot be read; none may
    break an invariant of the model, whatever was written."""
    text = plan_text("\n".join(bodies)) if not header else header + "\n".join(bodies)
    plan, problems = read_plan(text, source="x.toml")
    assert (plan is None) == has_errors(problems)


def test_a_number_too_long_for_python_is_a_located_syntax_error() -> None:
    """tomllib reads a whole number of 5,000 digits with int(), which refuses
    more than 4,300: a ValueError, not a TOMLDecodeError."""
    plan, problems = read_plan(plan_text("") + "\nminutes = " + "9" * 5000 + "\n",
                               source="p.toml")
    assert plan is None
    assert [(p.code, p.file, p.line) for p in problems] == [("toml-syntax", "p.toml", 1)]
