"""Cases that travel a route (SPEC §12): a committee, Økonomiudvalget, the
byråd, each step back-scheduled onto the latest meeting with room that
keeps the gap before the next."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from aarshjul import Agendas, MeetingChange, Plan, assemble, parse_plan, schedule
from aarshjul.agenda.routes import then_words
from aarshjul.vocabulary import Language

D = dt.date

# Social- og Beskæftigelsesudvalget on Wednesdays, Økonomiudvalget on
# Tuesdays, the byråd on the last Wednesday of the month.
PLAN = """\
[plan]
title = "Aarhus 2025"
id = "aarhus-2025"
start = 2025-01-01
end = 2025-12-31

[[body]]
id = "sbu"
name = "Social- og Beskæftigelsesudvalget"

[[body]]
id = "oek"
name = "Økonomiudvalget"

[[body]]
id = "byraad"
name = "Byrådet"

[[series]]
body = "sbu"
every = "hver onsdag"
start = "15:00"
end = "17:00"

[[series]]
body = "oek"
every = "hver tirsdag"
start = "08:00"
end = "10:00"

[[series]]
body = "byraad"
every = "sidste onsdag i måneden"
start = "17:00"
end = "20:00"

[[route]]
id = "byraadssag"
steps = ["sbu", "oek", "byraad"]
gap = 5
"""

CASE = """
[[case]]
title = "Budgetopfølgning pr. 31. marts"
route = "byraadssag"
month = 5
minutes = [15, 10, 5]
"""


def agendas(text: str) -> Agendas:
    plan = parse_plan(text, source="plan.toml")
    return assemble(plan, schedule(plan))


def steps(found: Agendas, title: str = "Budgetopfølgning pr. 31. marts"
          ) -> list[tuple[str, dt.date, int, int]]:
    """(body, date, item number, minutes) of each step of each placing."""
    return [(step.body, step.meeting.date, step.item,
             found.agenda(step.meeting).items[step.item - 1].minutes)
            for placed in found.cases if placed.case.title == title for step in placed.steps]


def test_each_earlier_step_goes_on_the_latest_meeting_that_keeps_the_gap() -> None:
    found = agendas(PLAN + CASE)
    assert found.ok
    # The byråd on Wednesday 28 May; ØK by 23 May: Tuesday 20 May; the
    # committee by 15 May: Wednesday 14 May.
    assert steps(found) == [("sbu", D(2025, 5, 14), 1, 15), ("oek", D(2025, 5, 20), 1, 10),
                            ("byraad", D(2025, 5, 28), 1, 5)]


def test_each_step_s_item_says_where_the_case_goes_next() -> None:
    found = agendas(PLAN + CASE)
    items = {step.body: found.agenda(step.meeting).items[step.item - 1]
             for step in found.cases[0].steps}
    assert items["sbu"].next_steps == ("Sagen behandles herefter i Økonomiudvalget den "
                                       "20. maj 2025 og i Byrådet den 28. maj 2025")
    assert items["oek"].next_steps == "Sagen behandles herefter i Byrådet den 28. maj 2025"
    assert items["byraad"].next_steps == ""


def test_the_next_steps_in_english() -> None:
    names = {"oek": "Økonomiudvalget", "byraad": "Byrådet", "kb": "Borgerrepræsentationen"}
    then = ((("oek", D(2025, 5, 20)), ("byraad", D(2025, 5, 28)), ("kb", D(2025, 6, 5))))
    assert then_words(then, names, Language.EN, lambda day: day.isoformat()) == (
        "The case then goes to Økonomiudvalget on 2025-05-20, to Byrådet on 2025-05-28 "
        "and to Borgerrepræsentationen on 2025-06-05")
    assert then_words((), names, Language.DA, str) == ""


def test_the_agenda_names_the_next_steps_and_reads_back(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN + CASE, encoding="utf-8")
    text = run_cli("agenda", str(plan), "sbu", "2025-05-14").stdout
    assert ("Sagsgang: Sagen behandles herefter i Økonomiudvalget den 20. maj 2025 og i "
            "Byrådet den 28. maj 2025") in text
    written = tmp_path / "sbu.txt"
    written.write_text(text, encoding="utf-8")
    assert run_cli("check", str(written)).exit_code == 0
    html = run_cli("agenda", str(plan), "oek", "2025-05-20", "--format", "html").stdout
    assert '<dd class="next-steps">Sagen behandles herefter i Byrådet den 28. maj 2025' in html


def test_a_full_meeting_sends_a_step_to_the_one_before() -> None:
    full = """
[[meeting]]
body = "oek"
date = 2025-05-20
title = "Fuld"
[[meeting.item]]
title = "Budget"
minutes = 115
"""
    found = agendas(PLAN + CASE + full)
    assert steps(found)[:2] == [("sbu", D(2025, 5, 7), 1, 15), ("oek", D(2025, 5, 13), 1, 10)]


def test_moving_a_meeting_reflows_the_routes_through_it() -> None:
    plan = parse_plan(PLAN + CASE, source="plan.toml")
    moved = attrs.evolve(plan, meetings=(*plan.meetings, MeetingChange(
        body="byraad", date=D(2025, 5, 28), moved_to=D(2025, 5, 22))))
    found = assemble(moved, schedule(moved))
    # ØK now by 17 May: Tuesday 13 May; the committee by 8 May: 7 May.
    assert steps(found) == [("sbu", D(2025, 5, 7), 1, 15), ("oek", D(2025, 5, 13), 1, 10),
                            ("byraad", D(2025, 5, 22), 1, 5)]


def test_a_case_on_a_route_may_name_its_last_step_as_its_body() -> None:
    assert steps(agendas(PLAN + CASE.replace('route = "byraadssag"',
                                             'route = "byraadssag"\nbody = "byraad"'))) == \
        steps(agendas(PLAN + CASE))


def test_one_number_of_minutes_is_every_step_s() -> None:
    found = agendas(PLAN + CASE.replace("minutes = [15, 10, 5]", "minutes = 20"))
    assert [minutes for *_, minutes in steps(found)] == [20, 20, 20]


def test_a_case_in_several_months_travels_its_route_in_each() -> None:
    found = agendas(PLAN + CASE.replace("month = 5", "month = [3, 9]"))
    assert [day for _body, day, *_ in steps(found)] == [
        D(2025, 3, 12), D(2025, 3, 18), D(2025, 3, 26),
        D(2025, 9, 10), D(2025, 9, 16), D(2025, 9, 24)]


def test_a_pinned_case_goes_where_its_date_says_and_its_steps_before() -> None:
    found = agendas(PLAN + CASE.replace("month = 5", "date = 2025-06-25"))
    assert [day for _body, day, *_ in steps(found)] == [
        D(2025, 6, 11), D(2025, 6, 17), D(2025, 6, 25)]


def test_a_case_sent_to_two_bodies_lands_on_both() -> None:
    found = agendas(PLAN + """
[[case]]
title = "Orientering om ældreplanen"
body = ["sbu", "oek"]
month = 3
minutes = 10
""")
    placed = [(c.case.body, c.route, [(s.body, s.meeting.date) for s in c.steps])
              for c in found.cases]
    assert placed == [("sbu", None, [("sbu", D(2025, 3, 5))]),
                      ("oek", None, [("oek", D(2025, 3, 4))])]


def test_an_impossible_route_is_a_located_error(run_cli, tmp_path: Path) -> None:
    # The committee meets only from June: no meeting before a May byråd.
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN.replace('every = "hver onsdag"', 'every = "hver onsdag"\n'
                                 "from = 2025-06-01") + CASE, encoding="utf-8")
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1
    line = PLAN.count("\n") + 3  # the [[case]], after the committee's "from"
    assert (f'{plan}:{line}: error[route-infeasible]: [[case]] #1 ("Budgetopfølgning pr. '
            '31. marts"): step 1 of 3 of the route "byraadssag": no meeting of Social- og '
            "Beskæftigelsesudvalget between 2025-03-20 and 2025-05-15 has 15 free minutes "
            "(the next step is on 2025-05-20)") in result.stdout
    # Nothing of the case is placed: no step, and no item on the byråd.
    found = agendas(plan.read_text(encoding="utf-8"))
    assert found.cases == ()
    assert all(not found.agenda(m).items for m in found.meetings)


def test_a_step_looks_back_before_its_month_when_the_month_begins_late() -> None:
    # A byråd on 3 December: ØK on Tuesday 25 November, the committee on 19 November.
    found = agendas(PLAN.replace('every = "sidste onsdag i måneden"',
                                 'every = "første onsdag i måneden"') +
                    CASE.replace("month = 5", "month = 12"))
    assert [day for _body, day, *_ in steps(found)] == [
        D(2025, 11, 19), D(2025, 11, 25), D(2025, 12, 3)]


@pytest.mark.parametrize(("tables", "said"), [
    ('[[route]]\nid = "r2"\nsteps = ["sbu", "kfu"]\n',
     'steps: no body has id "kfu" (the plan has byraad, oek, sbu)'),
    ('[[route]]\nid = "r2"\nsteps = ["sbu", "oek", "sbu"]\n',
     'steps: "sbu" is listed twice'),
    ('[[route]]\nid = "r2"\nsteps = []\n', "steps: the list is empty"),
    ('[[route]]\nid = "r2"\nsteps = ["sbu"]\ngap = 91\n', "gap: 91 is out of range (0 to 90)"),
    ('[[route]]\nid = "byraadssag"\nsteps = ["sbu"]\n', "duplicate-id"),
    ('[[route]]\nid = "r2"\n', '"steps" is required'),
    ('[[case]]\ntitle = "X"\nroute = "byraadsag"\nmonth = 5\n',
     'route: no route has id "byraadsag"; did you mean "byraadssag"?'),
    ('[[case]]\ntitle = "X"\nroute = "byraadssag"\nbody = "sbu"\nmonth = 5\n',
     'body: a case on the route "byraadssag" goes to its last step, "byraad"'),
    ('[[case]]\ntitle = "X"\nroute = "byraadssag"\nbody = ["oek", "byraad"]\nmonth = 5\n',
     "body: a case on a route goes to the route's steps: give no body, or its last step"),
    ('[[case]]\ntitle = "X"\nroute = "byraadssag"\nmonth = 5\nminutes = [10, 5]\n',
     'minutes: give one number of minutes, or one for each step of the route "byraadssag" '
     "(3; got 2)"),
    ('[[case]]\ntitle = "X"\nbody = "sbu"\nmonth = 5\nminutes = [10, 5]\n',
     "minutes: a list of minutes is for a case on a route"),
    ('[[case]]\ntitle = "X"\nroute = "byraadssag"\nmonth = 5\nminutes = [10, -5, 5]\n',
     "minutes: -5 is out of range (0 to 1440)"),
    ('[[case]]\ntitle = "X"\nroute = "byraadssag"\nmonth = 5\nminutes = [10, true, 5]\n',
     "minutes[2]: expected a whole number (got true/false"),
    ('[[case]]\ntitle = "X"\nroute = 7\nmonth = 5\nminutes = [10, 5, 5]\n',
     "route: expected text in quotes"),
    ('[[case]]\ntitle = "X"\nbody = ["sbu", "sbu"]\nmonth = 5\n',
     'body: "sbu" is listed twice'),
    ('[[case]]\ntitle = "X"\nbody = []\nmonth = 5\n', "body: the list is empty"),
    ('[[case]]\ntitle = "X"\nbody = ["sbu", "kfu"]\nmonth = 5\n',
     'body: no body has id "kfu"'),
    ('[[case]]\ntitle = "X"\nroute = 7\nmonth = 5\n', "route: expected text in quotes"),
])
def test_a_broken_route_or_routed_case_is_a_located_error(run_cli, tmp_path: Path, tables: str,
                                                          said: str) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN + "\n" + tables, encoding="utf-8")
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1, result.stdout
    errors = [line for line in result.stdout.splitlines() if ": error[" in line]
    assert errors, result.stdout
    assert any(said in line and line.startswith(f"{plan}:") for line in errors), errors
    assert "Traceback" not in result.stdout + result.stderr


def test_a_route_to_an_unknown_body_is_told_at_the_route_alone(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN.replace('steps = ["sbu", "oek", "byraad"]',
                                 'steps = ["sbu", "oek", "kb"]') + CASE, encoding="utf-8")
    errors = [line for line in run_cli("check", "--lang", "en", str(plan)).stdout.splitlines()
              if ": error[" in line]
    assert len(errors) == 1
    assert '[[route]] "byraadssag": steps: no body has id "kb"' in errors[0]


def test_a_route_that_cannot_be_read_is_the_one_error(run_cli, tmp_path: Path) -> None:
    """Its case's list of minutes is not also refused as a list off a route."""
    plan = tmp_path / "plan.toml"
    plan.write_text(PLAN + '[[case]]\ntitle = "X"\nroute = 7\nmonth = 5\n'
                    "minutes = [10, 5, 5]\n", encoding="utf-8")
    errors = [line for line in run_cli("check", "--lang", "en", str(plan)).stdout.splitlines()
              if ": error[" in line]
    assert len(errors) == 1
    assert "route: expected text in quotes" in errors[0]


def test_a_plan_built_in_code_is_held_to_the_same_rules() -> None:
    plan = parse_plan(PLAN + CASE, source="plan.toml")
    (case,) = plan.cases
    assert case.body == "byraad"  # the route's last step
    wrong: Plan = attrs.evolve(plan, cases=(attrs.evolve(case, body="oek"),))
    with pytest.raises(Exception, match='goes to its last step, "byraad"'):
        schedule(wrong)


def test_a_gap_longer_than_the_look_back_still_finds_the_step_before() -> None:
    # 60 days before the byråd's 28 May: the committee by 29 March, and it
    # looks 8 weeks back from there.
    found = agendas(PLAN.replace("gap = 5", "gap = 60") + CASE)
    assert found.ok
    assert [day for _body, day, *_ in steps(found)] == [
        D(2025, 1, 22), D(2025, 3, 25), D(2025, 5, 28)]


def test_a_case_in_a_window_tries_a_later_last_step_where_the_first_leaves_none() -> None:
    # The committee meets from 10 March: the byråd of 26 February leaves its
    # steps no meeting, the byråd of 26 March does.
    plan = PLAN.replace('every = "hver onsdag"', 'every = "hver onsdag"\nfrom = 2025-03-10')
    found = agendas(plan + CASE.replace("month = 5", "window = [2025-02-01, 2025-06-30]"))
    assert found.ok
    assert [day for _body, day, *_ in steps(found)] == [
        D(2025, 3, 12), D(2025, 3, 18), D(2025, 3, 26)]
