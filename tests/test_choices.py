"""The choices a plan makes by word: each is the word the plan file writes,
and the schema offers the same words."""

from __future__ import annotations

import json
from pathlib import Path

import aarshjul
from aarshjul.choices import OnClosed, OnHoliday, Placement, Status

SCHEMA = json.loads((Path(aarshjul.__file__).parent / "schema" / "plan.schema.json")
                    .read_text(encoding="utf-8"))


def _enums(node: object) -> list[set[str]]:
    """Every ``enum`` of strings anywhere in the schema."""
    found = []
    if isinstance(node, dict):
        if isinstance(node.get("enum"), list):
            found.append({value for value in node["enum"] if isinstance(value, str)})
        for value in node.values():
            found += _enums(value)
    elif isinstance(node, list):
        for value in node:
            found += _enums(value)
    return found


def test_each_choice_is_offered_by_the_schema_word_for_word() -> None:
    offered = _enums(SCHEMA)
    for choice in (OnClosed, OnHoliday, Placement, Status):
        assert {member.value for member in choice} in offered, choice


def test_a_week_move_is_a_choice_on_holidays_and_in_closed_periods() -> None:
    assert OnHoliday("week-before") is OnHoliday.WEEK_BEFORE
    assert OnClosed("week-after") is OnClosed.WEEK_AFTER
    assert "keep" not in {member.value for member in OnClosed}  # a closed period closes
