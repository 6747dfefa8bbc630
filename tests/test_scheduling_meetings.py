"""A plan becomes meetings: validated first, then listed and selected."""

from __future__ import annotations

import attrs
import pytest

from aarshjul import (
    Body,
    ClockTime,
    Language,
    Minutes,
    Plan,
    PlanError,
    Recurrence,
    Series,
    Theme,
    check_plan_text,
    list_meetings,
    parse_plan,
    read_plan,
    schedule,
)
from aarshjul.scheduling.meetings import select

from .plans import FRAGMENT_START, agendas_of, make_plan, plan_text
from .schedules import WEDNESDAYS, D


def test_list_meetings_filters() -> None:
    plan = make_plan(WEDNESDAYS + '''
        [[series]]
        body = "rm"
        every = "hver tirsdag"
        to = 2025-01-31
        start = "10:00"
        end = "11:00"
        ''')
    assert {m.body for m in list_meetings(plan, body="rm")} == {"rm"}
    assert [m.date for m in list_meetings(plan, body=["sbu"], start=D(2025, 2, 1),
                                          end=D(2025, 2, 28))] == [D(2025, 2, 12),
                                                                   D(2025, 2, 26)]


@pytest.mark.parametrize(("body", "says"), [
    ("xyz", "no body 'xyz' (the plan has sbu, rm)"),
    (["sbu", "xyz", "abc"], "no body 'xyz', 'abc' (the plan has sbu, rm)")])
def test_list_meetings_of_a_body_the_plan_does_not_have_is_an_error(
        body: str | list[str], says: str) -> None:
    """The command line says the body is unknown; the library said nothing
    and gave no meetings."""
    with pytest.raises(KeyError) as caught:
        list_meetings(make_plan(WEDNESDAYS), body=body)
    assert caught.value.args == (says,)


def test_list_meetings_takes_bodies_from_any_iterable() -> None:
    plan = make_plan(WEDNESDAYS)
    assert list_meetings(plan, body=iter(["sbu"])) == list_meetings(plan, body="sbu") != ()


def test_list_meetings_raises_on_errors() -> None:
    with pytest.raises(PlanError) as caught:
        list_meetings(make_plan(WEDNESDAYS + '[[meeting]]\nbody = "sbu"\ndate = 2025-02-03\n'))
    assert caught.value.problems[0].code == "one-off-needs-time"


def test_a_plan_built_in_code_with_an_unknown_body_raises_plan_error() -> None:
    plan = make_plan(WEDNESDAYS)
    broken = attrs.evolve(plan, series=(attrs.evolve(plan.series[0], body="ghost"),))
    with pytest.raises(PlanError) as caught:
        agendas_of(broken)
    assert caught.value.problems[0].code == "unknown-reference"


def test_a_plan_changed_in_code_is_refused_as_its_file_would_be() -> None:
    text = plan_text(WEDNESDAYS)
    plan = parse_plan(text, source="x.toml")
    backwards = attrs.evolve(plan, series=(attrs.evolve(
        plan.series[0], from_date=D(2025, 3, 31), to_date=D(2025, 1, 15)),))
    with pytest.raises(PlanError) as caught:
        schedule(backwards)
    _, in_file = read_plan(text.replace("2025-01-15", "X").replace("2025-03-31", "2025-01-15")
                           .replace("X", "2025-03-31"), source="x.toml")
    assert caught.value.problems == in_file
    assert caught.value.problems[0].format() == (
        f'x.toml:{FRAGMENT_START + 5}: error[end-before-start]: [[series]] #1 (body "sbu"): '
        "to: 2025-01-15 is before from = 2025-03-31")


def test_a_plan_built_in_code_is_scheduled_once_it_is_valid() -> None:
    plan = Plan(title="x", id="x", start=D(2025, 1, 1), end=D(2025, 12, 31),
                bodies=(Body(id="sbu", name="Udvalget"),),
                series=(Series(body="sbu", recurrence=Recurrence(dates=(D(2025, 2, 5),)),
                               start=ClockTime.parse("18:15"), minutes=Minutes(90)),))
    (meeting,) = schedule(plan).meetings
    assert (meeting.date, str(meeting.start), str(meeting.end)) == (D(2025, 2, 5), "18:15",
                                                                     "19:45")
    with pytest.raises(PlanError) as caught:
        schedule(attrs.evolve(plan, bodies=()))
    assert [p.format() for p in caught.value.problems] == [
        '<plan>: error[unknown-reference]: [[series]] #1 (body "sbu"): body: no body has id '
        '"sbu" (the plan has no [[body]])']


def test_the_warnings_of_a_plan_file_are_reported_once() -> None:
    text = plan_text('[[template]]\nid = "t"\n[[template.item]]\ntitle = "Spørgetid"\n'
                     'time = "19:00"\n')
    assert [p.code for p in check_plan_text(text).problems] == ["ignored-key"]
    assert schedule(parse_plan(text)).problems == ()


CODE_BUILT = Plan(title="x", id="x", start=D(2025, 1, 1), end=D(2025, 12, 31),
                  bodies=(Body(id="sbu", name="Udvalget"),),
                  series=(Series(body="sbu", recurrence=Recurrence(dates=(
                      D(2025, 2, 5), D(2025, 12, 25))), start=ClockTime.parse("18:15"),
                      minutes=Minutes(90)),))


@pytest.mark.parametrize(("changes", "problem"), [
    ({"holidays": "XX"}, '<plan>: error[unknown-country]: [plan]: holidays: "XX" is not a '
     "country code the holidays package knows (like \"DK\")"),
    ({"holiday_categories": ("bogus",)}, "<plan>: error[bad-value]: [plan]: "
     "holiday_categories: 'bogus' is not a holiday category of DK ('optional', 'public')"),
    ({"holiday_categories": ()}, "<plan>: error[bad-value]: [plan]: holiday_categories: the "
     'list is empty; for no holidays at all, write holidays = ""'),
    ({"timezone": "Europe/Copenhagn"}, "<plan>: error[unknown-timezone]: [plan]: timezone: "
     '"Europe/Copenhagn" is not an IANA time zone like "Europe/Copenhagen"; did you mean '
     '"Europe/Copenhagen"?'),
    ({"bodies": (Body(id="sbu", name="Udvalget", color="red"),)}, "<plan>: error[bad-value]: "
     '[[body]] "sbu": color: "red" is not a colour like "#1f77b4"'),
    ({"themes": (Theme(id="t", name="Budget", color="#12345"),)}, "<plan>: error[bad-value]: "
     '[[theme]] "t": color: "#12345" is not a colour like "#1f77b4"'),
])
def test_a_plan_built_in_code_with_a_header_or_colour_no_writer_can_use_is_refused(
        changes: dict[str, object], problem: str) -> None:
    """Refused as its file would be, before anything is scheduled or written."""
    with pytest.raises(PlanError) as caught:
        schedule(attrs.evolve(CODE_BUILT, **changes))
    assert [p.format() for p in caught.value.problems] == [problem]


def test_a_country_code_in_lower_case_is_the_country() -> None:
    """As in a plan file: holidays = "dk" is Denmark's holidays."""
    plan = attrs.evolve(CODE_BUILT, holidays="dk", language=Language.EN)
    assert [m.date for m in schedule(plan).meetings] == [D(2025, 2, 5)]
    assert plan == attrs.evolve(CODE_BUILT, language=Language.EN)


def test_a_colour_is_kept_in_lower_case_however_it_is_written() -> None:
    assert Body(id="sbu", name="U", color="#E67E22").color == "#e67e22"


def test_a_meeting_over_several_days_is_found_on_each_of_its_days() -> None:
    """``aarshjul agenda PLAN BODY DATE`` finds a budget seminar by its second
    day too, not only by its first."""
    result = schedule(make_plan('''
[[meeting]]
body = "sbu"
date = 2025-08-25
to = 2025-08-26
title = "Budgetseminar"
'''))
    for day in (D(2025, 8, 25), D(2025, 8, 26)):
        (seminar,) = result.meetings_on("sbu", day)
        assert seminar.title == "Budgetseminar"
    assert result.meetings_on("sbu", D(2025, 8, 27)) == ()


def test_a_meeting_over_several_days_is_selected_from_its_last_day() -> None:
    result = schedule(make_plan('''
[[meeting]]
body = "sbu"
date = 2025-08-25
to = 2025-08-26
title = "Budgetseminar"
'''))
    assert [m.title for m in select(result.meetings, start=D(2025, 8, 26))] == ["Budgetseminar"]
    assert select(result.meetings, start=D(2025, 8, 27)) == ()
