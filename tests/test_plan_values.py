"""Single values in their context: each problem at its key's line, none
for a value the reader already refused (``unread``)."""

from __future__ import annotations

import pytest

from aarshjul.model import Where
from aarshjul.plan.values import colour, holiday_problem, id_form, reserved, timezone

HERE = Where(file="plan.toml", line=3, label="[[body]]", key="body",
             lines={"id": 4, "color": 5, "timezone": 6, "holidays": 7})


def test_an_id_is_checked_at_its_line() -> None:
    assert id_form(HERE, "sbu") is None
    problem = id_form(HERE, "../x")
    assert problem is not None
    assert (problem.code, problem.line) == ("bad-value", 4)
    # The reader said so already: not twice.
    read = Where(file="p", line=1, label="x", key="x", unread=frozenset({"id"}))
    assert id_form(read, "../x") is None


@pytest.mark.parametrize("ident", ["all", "ALL", "Deadlines"])
def test_a_feed_s_own_name_is_no_body_id_whatever_its_case(ident: str) -> None:
    problem = reserved(HERE, ident)
    assert problem is not None
    assert f"overwrite {ident.casefold()}.ics" in problem.message
    assert reserved(HERE, "sbu") is None


@pytest.mark.parametrize(("name", "hint"), [
    ("Europe/Copenhagn", 'did you mean "Europe/Copenhagen"'),
    ("A/" * 300 + "B", "IANA time zone"),  # not looked up: zoneinfo would recurse
])
def test_a_zone_the_writers_cannot_look_up(name: str, hint: str) -> None:
    problem = timezone(HERE, name)
    assert problem is not None
    assert (problem.code, problem.line) == ("unknown-timezone", 6)
    assert hint in problem.message
    assert timezone(HERE, "Europe/Copenhagen") is None


def test_a_country_and_its_categories() -> None:
    assert holiday_problem(HERE, "DK", ("public",)) is None
    unknown = holiday_problem(HERE, "XX", ("public",))
    assert unknown is not None
    assert unknown.code == "unknown-country"
    wrong = holiday_problem(HERE, "DK", ("bogus",))
    assert wrong is not None
    assert "'bogus' is not a holiday category of DK" in wrong.message
    empty = holiday_problem(HERE, "DK", ())
    assert empty is not None
    assert "the list is empty" in empty.message


def test_a_colour_is_checked_at_its_line() -> None:
    assert colour(HERE, "#1f77b4") is None
    assert colour(HERE, None) is None
    problem = colour(HERE, "teal")
    assert problem is not None
    assert (problem.code, problem.line) == ("bad-value", 5)
