"""The forms of single values, each stated once."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from aarshjul import forms


def test_bounds_include_both_ends_and_validate_fields() -> None:
    assert 1 in forms.MONTHS
    assert 12 in forms.MONTHS
    assert 13 not in forms.MONTHS

    @attrs.frozen
    class Holder:
        month: int | None = attrs.field(validator=forms.MONTHS)

    Holder(None)
    with pytest.raises(ValueError, match="month must be 1 to 12"):
        Holder(13)


def test_the_years_a_plan_may_cover() -> None:
    assert forms.year_problem(dt.date(1900, 1, 1)) is None
    assert forms.year_problem(dt.date(2999, 12, 31)) is None
    assert forms.year_problem(dt.date(9999, 12, 30)) is not None
    assert forms.year_problem(dt.date(1, 1, 1)) is not None


def test_ids_name_files_and_so_are_short_and_plain() -> None:
    assert forms.id_problem("sbu-2") is None
    assert forms.id_problem("a" * forms.ID_LENGTH) is None
    for bad in ("a" * (forms.ID_LENGTH + 1), "Sbu", "a/b", "-a", ""):
        assert forms.id_problem(bad) is not None, bad


def test_texts_hold_no_control_characters_but_line_breaks_where_lines_may_break() -> None:
    assert forms.text_problem("Byrådsmøde") is None
    assert forms.text_problem("a\x07b") is not None
    assert forms.text_problem("a\nb") is not None
    assert forms.text_problem("a\nb", lines=True) is None
    assert forms.colour_problem("#A1b2C3") is None
    assert forms.colour_problem("red") is not None


@pytest.mark.parametrize("mark", ["\u202e", "\u200f", "\u2066"])
def test_a_mark_that_turns_the_direction_of_text_is_no_text(mark: str) -> None:
    said = forms.text_problem(f"Byrådet{mark}", lines=True)
    assert said is not None
    assert f"U+{ord(mark):04X} that turns the direction" in str(said)


def test_unicode_s_line_separator_is_a_line_break() -> None:
    assert forms.text_problem("a\u2028b") is not None
    assert forms.text_problem("a\u2028b", lines=True) is None
