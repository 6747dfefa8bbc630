"""The tables of an imported plan: a series by rule says ``from`` and ``to``
only where the plan's period would give it other dates, and its months in
words; a change says only what differs."""

from __future__ import annotations

import datetime as dt
import tomllib

from aarshjul.choices import OnHoliday
from aarshjul.clock import ClockTime
from aarshjul.importing.explaining import Change, Look, Ruled
from aarshjul.importing.rows import Row
from aarshjul.importing.rules import Found
from aarshjul.importing.tables import (
    change_table,
    one_off_table,
    rule_words,
    ruled_series,
)

D = dt.date
T = ClockTime.parse
LOOK = Look("Byrådet", T("18:30"), T("21:00"), "Byrådssalen")


def ruled(phrase: str, first: dt.date, last: dt.date, *, months: tuple[int, ...] = (),
          left_out: tuple[dt.date, ...] = ()) -> Ruled:
    found = Found(phrase, first, last, months, OnHoliday.WEEK_BEFORE, (), 14, 0)
    return Ruled(found, LOOK, 10, (), left_out)


def table(lines: list[str]) -> dict[str, object]:
    return tomllib.loads("\n".join(lines).replace("[[series]]", "").replace("[[meeting]]", ""))


def test_a_rule_over_the_plan_s_whole_period_says_no_from_or_to() -> None:
    lines = ruled_series("byraad", "Byrådet", ruled(
        "sidste onsdag i måneden", D(2025, 1, 29), D(2025, 12, 31), months=(
            1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12), left_out=(D(2025, 4, 30),)),
        series_id=None, plan_start=D(2025, 1, 1), plan_end=D(2025, 12, 31))
    assert lines[:4] == ["[[series]]", 'body = "byraad"', 'every = "sidste onsdag i måneden"',
                         "months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]  # undtagen juli"]
    assert table(lines) == {
        "body": "byraad", "every": "sidste onsdag i måneden",
        "months": [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12], "except": [D(2025, 4, 30)],
        "start": "18:30", "end": "21:00", "location": "Byrådssalen",
        "on_holiday": "week-before"}


def test_a_rule_of_part_of_the_period_says_where_it_starts_and_ends() -> None:
    lines = ruled_series("sbu", "Byrådet", ruled("hver anden onsdag", D(2025, 2, 12),
                                                 D(2025, 6, 18)),
                         series_id="sbu-1", plan_start=D(2025, 1, 1),
                         plan_end=D(2025, 12, 31))
    assert {key: value for key, value in table(lines).items()
            if key in ("id", "from", "to")} == {
        "id": "sbu-1", "from": D(2025, 2, 12), "to": D(2025, 6, 18)}


def test_a_rhythm_the_plan_s_start_keeps_needs_no_from() -> None:
    """Every other Tuesday from 7 January is the rhythm from 1 January."""
    lines = ruled_series("sbu", "Byrådet", ruled("hver anden tirsdag", D(2025, 1, 7),
                                                 D(2025, 12, 31)),
                         series_id=None, plan_start=D(2025, 1, 1), plan_end=D(2025, 12, 31))
    assert "from" not in table(lines)
    shifted = ruled_series("sbu", "Byrådet", ruled("hver anden tirsdag", D(2025, 1, 14),
                                                   D(2025, 12, 31)),
                           series_id=None, plan_start=D(2025, 1, 1), plan_end=D(2025, 12, 31))
    assert table(shifted)["from"] == D(2025, 1, 14)


def test_the_rule_in_words_names_its_months_the_shorter_way() -> None:
    assert rule_words(ruled("sidste onsdag i måneden", D(2025, 1, 1), D(2025, 12, 31),
                            months=(1, 2, 3, 4, 5, 6, 9, 10, 11, 12))) == (
        "sidste onsdag i måneden undtagen juli og august 18:30–21:00")
    assert rule_words(ruled("første torsdag i måneden", D(2025, 1, 1), D(2025, 12, 31),
                            months=(3, 6, 9))) == (
        "første torsdag i måneden i marts, juni og september 18:30–21:00")
    # Months the rule runs outside of are left out too: said, not hidden.
    assert rule_words(ruled("første torsdag i måneden", D(2025, 2, 1), D(2025, 11, 30),
                            months=(2, 3, 5, 9, 10, 11))) == (
        "første torsdag i måneden undtagen januar, april, juni, juli, august og december "
        "18:30–21:00")


def row(day: dt.date, start: str | None, end: str | None, *, title: str = "Byrådet",
        location: str = "Byrådssalen", last_day: dt.date | None = None) -> Row:
    return Row("b.csv", 3, day, T(start) if start else None, T(end) if end else None, title,
               "Byrådet", location, last_day)


def test_a_change_says_what_differs_and_a_move_that_it_was_never_announced() -> None:
    moved = change_table("byraad", Change(D(2025, 6, 25), row(D(2025, 6, 18), "18:30",
                                                              "21:00"), moved=True), LOOK)
    assert table(moved) == {"body": "byraad", "date": D(2025, 6, 25),
                            "moved_to": D(2025, 6, 18), "announced": False}
    changed = change_table("byraad", Change(D(2025, 9, 24), row(
        D(2025, 9, 24), "17:00", None, title="Budget, 2. behandling", location=""),
        moved=False), LOOK)
    assert table(changed) == {"body": "byraad", "date": D(2025, 9, 24), "start": "17:00",
                              "end": "18:00", "title": "Budget, 2. behandling",
                              "location": ""}


def test_a_one_off_says_its_hours_or_its_days() -> None:
    assert table(one_off_table("byraad", "Byrådet", row(D(2025, 8, 28), None, None,
                                                        title="Budgetseminar",
                                                        last_day=D(2025, 8, 29)))) == {
        "body": "byraad", "date": D(2025, 8, 28), "to": D(2025, 8, 29),
        "title": "Budgetseminar", "location": "Byrådssalen"}
    assert table(one_off_table("byraad", "Byrådet", row(D(2025, 3, 6), "16:00", "18:00",
                                                        location=""))) == {
        "body": "byraad", "date": D(2025, 3, 6), "start": "16:00", "end": "18:00"}
