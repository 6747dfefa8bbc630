"""The cases list (SPEC §12): every placed case, step by step, in the order
they are decided, each step with the day the case must be ready for it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import attrs
import pytest

from aarshjul import Agendas, ListedCase, Plan, assemble, list_cases, parse_plan, schedule
from aarshjul.agenda.case_listing import CSV_FIELDS, as_csv, as_json, as_table
from aarshjul.vocabulary import Language

from .test_agenda_routes import PLAN

D = dt.date

# The byråd's agenda goes out 4 hverdage before (styrelsesloven counts
# Saturday); the committee wants its cases 5 arbejdsdage before, and
# Økonomiudvalget 3 arbejdsdage before, counted over Easter.
DEADLINES = PLAN.replace(
    'name = "Social- og Beskæftigelsesudvalget"\n',
    'name = "Social- og Beskæftigelsesudvalget"\ncase_deadline = "5 arbejdsdage"\n').replace(
    'name = "Økonomiudvalget"\n', 'name = "Økonomiudvalget"\ncase_deadline = "3 arbejdsdage"\n'
    'agenda_deadline = 6\n').replace(
    'name = "Byrådet"\n', 'name = "Byrådet"\nagenda_deadline = "4 hverdage"\n')

CASES = """
[[case]]
title = "Regnskab 2024"
route = "byraadssag"
month = 4
minutes = [15, 10, 5]

[[case]]
title = "Orientering om ældreplanen"
body = ["sbu", "oek"]
month = 3
minutes = 10

[[case]]
title = "Valg til bestyrelser"
body = "byraad"
date = 2025-04-30
minutes = 5

[[case]]
title = "Anlægsregnskaber"
body = "byraad"
date = 2025-04-30
minutes = 5
"""

ROUTED = [("sbu", D(2025, 4, 16), 1, D(2025, 4, 9)),
          # Tuesday 22 April, after Easter: Monday 21 and Friday 18 and
          # Thursday 17 are holidays, so the third arbejdsdag back is Monday 14.
          ("oek", D(2025, 4, 22), 1, D(2025, 4, 14)),
          # Wednesday 30 April: Tuesday, Monday, Saturday, Friday 25. Item 3:
          # the cases pinned to the date come first on the agenda (SPEC §3).
          ("byraad", D(2025, 4, 30), 3, D(2025, 4, 25))]


def planned(text: str = DEADLINES + CASES) -> tuple[Plan, Agendas]:
    plan = parse_plan(text, source="plan.toml")
    found = assemble(plan, schedule(plan))
    assert found.ok, found.problems
    return plan, found


def steps(listed: ListedCase) -> list[tuple[str, dt.date, int, dt.date | None]]:
    return [(step.body, step.meeting.date, step.item, step.deadline) for step in listed.steps]


def test_each_step_has_its_meeting_item_and_deadline() -> None:
    plan, found = planned()
    routed = next(case for case in list_cases(plan, found) if case.title == "Regnskab 2024")
    assert routed.route == "byraadssag"
    assert steps(routed) == ROUTED


def test_the_cases_come_as_they_are_decided_then_as_the_plan_lists_them() -> None:
    plan, found = planned()
    listed = list_cases(plan, found)
    assert [(case.title, case.steps[-1].body) for case in listed] == [
        ("Orientering om ældreplanen", "oek"),  # Tuesday 4 March
        ("Orientering om ældreplanen", "sbu"),  # Wednesday 5 March
        # All three on the byråd of 30 April, as the plan lists them.
        ("Regnskab 2024", "byraad"), ("Valg til bestyrelser", "byraad"),
        ("Anlægsregnskaber", "byraad")]
    # On one agenda, each its own item: the pinned cases first.
    assert [case.steps[-1].item for case in listed[2:]] == [3, 1, 2]


def test_a_case_sent_to_two_bodies_is_listed_for_each_with_its_own_deadline() -> None:
    plan, found = planned()
    two = [case for case in list_cases(plan, found) if case.title.startswith("Orientering")]
    assert [(case.route, steps(case)) for case in two] == [
        (None, [("oek", D(2025, 3, 4), 1, D(2025, 2, 27))]),
        (None, [("sbu", D(2025, 3, 5), 1, D(2025, 2, 26))])]


def test_a_body_keeps_the_cases_with_a_step_there_and_all_their_steps() -> None:
    plan, found = planned()

    def kept(body: str | list[str]) -> list[tuple[str, list[str]]]:
        return [(case.title, [step.body for step in case.steps])
                for case in list_cases(plan, found, body=body)]

    assert kept("oek") == kept(["oek"]) == [("Orientering om ældreplanen", ["oek"]),
                                            ("Regnskab 2024", ["sbu", "oek", "byraad"])]
    assert kept(["sbu", "oek"]) == [("Orientering om ældreplanen", ["oek"]),
                                    ("Orientering om ældreplanen", ["sbu"]),
                                    ("Regnskab 2024", ["sbu", "oek", "byraad"])]
    assert [title for title, _ in kept("byraad")] == [
        "Regnskab 2024", "Valg til bestyrelser", "Anlægsregnskaber"]


def test_a_body_the_plan_does_not_have_is_a_key_error() -> None:
    plan, found = planned()
    with pytest.raises(KeyError, match="no body 'kfu' \\(the plan has sbu, oek, byraad\\)"):
        list_cases(plan, found, body=["oek", "kfu"])


def test_the_holidays_given_count_the_deadlines() -> None:
    plan, found = planned()
    routed = list_cases(plan, found, body="sbu", holidays=())[-1]
    assert routed.title == "Regnskab 2024"
    # Without Easter, the third arbejdsdag before Tuesday 22 April is Thursday 17.
    assert [step.deadline for step in routed.steps] == [D(2025, 4, 9), D(2025, 4, 17),
                                                         D(2025, 4, 25)]


def test_a_body_with_no_deadline_gives_none() -> None:
    plan, found = planned(PLAN + CASES)
    assert {step.deadline for case in list_cases(plan, found) for step in case.steps} == {None}


def test_a_plan_without_cases_lists_none() -> None:
    plan, found = planned(PLAN)
    assert list_cases(plan, found) == ()
    assert json.loads(as_json(())) == []
    assert as_csv(()) == ",".join(CSV_FIELDS) + "\n"


def test_a_case_as_json_has_the_keys_the_spec_names() -> None:
    plan, found = planned()
    listed = list_cases(plan, found, body="sbu")
    records = json.loads(as_json(listed))
    assert records == [case.record() for case in listed]
    routed = records[-1]
    assert list(routed) == ["title", "route", "steps"]
    assert routed["title"] == "Regnskab 2024"
    assert routed["route"] == "byraadssag"
    uids = [step.meeting.uid for step in listed[-1].steps]
    assert routed["steps"] == [
        {"body": body, "date": day.isoformat(), "uid": uid, "item": item,
         "deadline": deadline.isoformat()}
        for (body, day, item, deadline), uid in zip(ROUTED, uids, strict=True)]
    assert records[0]["route"] is None


def test_a_step_without_a_deadline_is_null_in_json() -> None:
    plan, found = planned(PLAN + CASES)
    (record, *_) = json.loads(as_json(list_cases(plan, found)))
    assert record["steps"][0]["deadline"] is None


def test_the_csv_has_a_row_a_step() -> None:
    plan, found = planned()
    listed = list_cases(plan, found)
    rows = list(csv.DictReader(io.StringIO(as_csv(listed))))
    assert len(rows) == 7
    assert [(r["title"], r["route"], r["step"], r["body"], r["date"], r["item"], r["deadline"])
            for r in rows[:3]] == [
        ("Orientering om ældreplanen", "", "1", "oek", "2025-03-04", "1", "2025-02-27"),
        ("Orientering om ældreplanen", "", "1", "sbu", "2025-03-05", "1", "2025-02-26"),
        ("Regnskab 2024", "byraadssag", "1", "sbu", "2025-04-16", "1", "2025-04-09")]
    assert [r["step"] for r in rows[2:5]] == ["1", "2", "3"]
    assert [r["uid"] for r in rows[2:5]] == [s.meeting.uid for s in listed[2].steps]


def test_the_table_in_danish() -> None:
    plan, found = planned()
    lines = as_table(plan, list_cases(plan, found, body="oek")).splitlines()
    assert lines[0].split() == ["Titel", "Rute", "Trin", "Organ", "Dato", "Dag", "Punkt",
                                "Frist"]
    assert lines[1].split() == ["Orientering", "om", "ældreplanen", "1", "oek", "2025-03-04",
                                "tirs", "1", "2025-02-27"]
    assert lines[2].split() == ["Regnskab", "2024", "byraadssag", "1", "sbu", "2025-04-16",
                                "ons", "1", "2025-04-09"]
    # A case's title and route on its first step only; the columns line up.
    assert lines[3].split() == ["2", "oek", "2025-04-22", "tirs", "1", "2025-04-14"]
    assert lines[4].index("3") == lines[3].index("2") == lines[0].index("Trin")
    assert all(line == line.rstrip() for line in lines)


def test_the_table_in_english() -> None:
    plan, found = planned()
    english = attrs.evolve(plan, language=Language.EN)
    lines = as_table(english, list_cases(plan, found, body="byraad")).splitlines()
    assert lines[0].split() == ["Title", "Route", "Step", "Body", "Date", "Day", "Item",
                                "Deadline"]
    assert lines[3].split() == ["3", "byraad", "2025-04-30", "Wed", "3", "2025-04-25"]
    assert as_table(english, ()) == "Title  Route  Step  Body  Date  Day  Item  Deadline\n"
