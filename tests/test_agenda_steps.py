"""Where each case went: the meeting and the item number of each step, and
the day a case must be ready for it."""

from __future__ import annotations

import datetime as dt

from aarshjul import Body, assemble, parse_plan, schedule
from aarshjul.agenda.steps import ready_by, routed, shown_title
from aarshjul.deadlines import read_deadline

from .test_agenda_routes import CASE, PLAN

D = dt.date


def test_an_item_s_number_counts_what_stands_before_it_and_tells_equal_cases_apart() -> None:
    plan = parse_plan(PLAN.replace('[[series]]\nbody = "oek"', '[[template]]\nid = "oek"\n'
                                   '[[template.item]]\ntitle = "Godkendelse af dagsorden"\n'
                                   'minutes = 5\nat = "start"\n\n[[series]]\nbody = "oek"\n'
                                   'template = "oek"') + CASE + CASE, source="plan.toml")
    found = assemble(plan, schedule(plan))
    assert found.ok
    first, second = found.cases
    assert first.case == second.case  # two cases alike, each its own item
    assert [(s.body, s.item) for s in first.steps] == [("sbu", 1), ("oek", 2), ("byraad", 1)]
    assert [(s.body, s.item) for s in second.steps] == [("sbu", 2), ("oek", 3), ("byraad", 2)]
    assert first.route == "byraadssag"


def test_a_case_is_ready_by_its_body_s_case_deadline_else_its_agenda_deadline() -> None:
    tuesday = D(2025, 5, 20)
    both = Body(id="oek", name="Ø", agenda_deadline=read_deadline("4 hverdage"),
                case_deadline=read_deadline("10 arbejdsdage"))
    assert ready_by(both, tuesday, ()) == D(2025, 5, 6)
    agenda_only = Body(id="oek", name="Ø", agenda_deadline=read_deadline("4 hverdage"))
    assert ready_by(agenda_only, tuesday, ()) == D(2025, 5, 15)  # Saturday counts
    assert ready_by(Body(id="oek", name="Ø"), tuesday, ()) is None


def test_the_routed_placings_are_those_of_more_than_one_step() -> None:
    plan = parse_plan(PLAN + '[[route]]\nid = "alene"\nsteps = ["byraad"]\n' + CASE + CASE.replace(
        '"byraadssag"', '"alene"').replace("minutes = [15, 10, 5]", "minutes = 5") + """
[[case]]
title = "Orientering"
body = ["sbu", "oek"]
month = 3
minutes = 10
""", source="plan.toml")
    found = assemble(plan, schedule(plan))
    assert [(placed.route, len(placed.steps)) for placed in found.cases] == [
        ("byraadssag", 3), ("alene", 1), (None, 1), (None, 1)]
    assert routed(found.cases) == [found.cases[0]]


def test_a_case_s_title_is_its_last_step_s_item_s() -> None:
    plan = parse_plan(PLAN + CASE.replace('title = "Budgetopfølgning pr. 31. marts"',
                                          'title = "Budget til byrådet {date}"'),
                      source="plan.toml")
    found = assemble(plan, schedule(plan))
    assert shown_title(found.cases[0], found.by_uid) == "Budget til byrådet 28. maj 2025"
