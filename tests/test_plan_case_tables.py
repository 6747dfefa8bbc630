"""Reading ``[[case]]`` and ``[[route]]`` tables: a case to several bodies
is a case for each; a case on a route goes to its last step."""

from __future__ import annotations

from aarshjul import parse_plan, read_plan

from .test_agenda_routes import PLAN


def test_a_route_is_read_with_its_steps_and_gap() -> None:
    (route,) = parse_plan(PLAN).routes
    assert (route.id, route.steps, route.gap) == ("byraadssag", ("sbu", "oek", "byraad"), 5)
    plan = parse_plan(PLAN.replace("gap = 5\n", ""))
    assert plan.routes[0].gap == 1  # the default


def test_a_case_to_several_bodies_is_read_as_a_case_for_each() -> None:
    plan = parse_plan(PLAN + '\n[[case]]\ntitle = "X"\nbody = ["sbu", "oek"]\nmonth = 3\n')
    assert [(case.title, case.body, case.where.line) for case in plan.cases] == [
        ("X", "sbu", 42), ("X", "oek", 42)]


def test_a_case_on_a_route_goes_to_its_last_step_with_each_step_s_minutes() -> None:
    plan = parse_plan(PLAN + '\n[[case]]\ntitle = "X"\nroute = "byraadssag"\nmonth = 3\n'
                      "minutes = [15, 10, 5]\n")
    (case,) = plan.cases
    assert (case.body, case.route, case.step_minutes) == ("byraad", "byraadssag", (15, 10, 5))
    assert [case.minutes_at(step) for step in range(3)] == [15, 10, 5]


def test_a_case_on_an_unknown_route_is_told_of_the_route_alone() -> None:
    _plan, problems = read_plan(PLAN + '\n[[case]]\ntitle = "X"\nroute = "ukendt"\nmonth = 3\n',
                                source="plan.toml")
    assert [(p.code, p.key) for p in problems] == [("unknown-reference", "case[1].route")]
