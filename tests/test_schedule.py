"""A plan becomes meetings: rules, holidays, closed periods and changes."""

from __future__ import annotations

import datetime as dt
import uuid

import attrs
import pytest

from aarshjul import (
    Body,
    ClockTime,
    Minutes,
    Plan,
    PlanError,
    Recurrence,
    Series,
    Status,
    check_plan_text,
    list_meetings,
    parse_plan,
    read_plan,
    schedule,
)
from aarshjul.model import Meeting

from .plans import FRAGMENT_START, agendas_of, make_plan, plan_text

D = dt.date


def dates(body: str, **kwargs: object) -> list[dt.date]:
    plan = make_plan(body)
    return [m.date for m in list_meetings(plan, **kwargs)]  # type: ignore[arg-type]


def meetings_of(body: str) -> list[Meeting]:
    return list(list_meetings(make_plan(body)))


def problems_of(body: str) -> list[tuple[str, str]]:
    return [(p.severity.value, p.code) for p in agendas_of(make_plan(body)).problems]


WEDNESDAYS = '''
[[series]]
body = "sbu"
every = "hver anden onsdag"
from = 2025-01-15
to = 2025-03-31
start = "18:15"
end = "19:45"
'''


def test_every_other_wednesday_counts_from_the_series_start() -> None:
    assert dates(WEDNESDAYS) == [D(2025, 1, 15), D(2025, 1, 29), D(2025, 2, 12), D(2025, 2, 26),
                                 D(2025, 3, 12), D(2025, 3, 26)]


def test_counting_starts_at_the_first_matching_day_on_or_after_from() -> None:
    # 16 January is a Thursday: the first Wednesday after it is the 22nd.
    assert dates(WEDNESDAYS.replace("2025-01-15", "2025-01-16"))[:2] == [D(2025, 1, 22),
                                                                         D(2025, 2, 5)]


def test_a_monthly_rule() -> None:
    found = dates('''
        [[series]]
        body = "sbu"
        rule = "FREQ=MONTHLY;BYDAY=-1TH"
        to = 2025-06-30
        start = "16:00"
        minutes = 120
        ''')
    assert found == [D(2025, 1, 30), D(2025, 2, 27), D(2025, 3, 27), D(2025, 4, 24),
                     D(2025, 6, 26)]  # 29 May is Kristi himmelfartsdag


def test_an_explicit_list_of_dates() -> None:
    assert dates('''
        [[series]]
        body = "sbu"
        dates = [2025-03-05, 2025-01-08]
        start = "16:00"
        end = "18:00"
        ''') == [D(2025, 1, 8), D(2025, 3, 5)]


def test_closed_weeks_and_periods_skip_dates() -> None:
    found = dates(WEDNESDAYS + '''
        [[closed]]
        name = "Vinterferie"
        weeks = [7]

        [[closed]]
        name = "Påske"
        from = 2025-03-10
        to = 2025-03-14
        ''')
    assert D(2025, 2, 12) not in found  # week 7
    assert D(2025, 3, 12) not in found
    assert D(2025, 2, 26) in found


FRIDAYS = '''
[[series]]
body = "sbu"
every = "hver fredag"
from = 2025-04-01
to = 2025-04-30
start = "09:00"
end = "10:00"
on_holiday = "{}"
'''


@pytest.mark.parametrize(("rule", "instead"), [
    ("skip", None),
    ("previous-workday", D(2025, 4, 16)),  # over Skærtorsdag to Wednesday
    ("next-workday", D(2025, 4, 22)),  # over Easter Monday to Tuesday
    ("keep", D(2025, 4, 18)),
])
def test_good_friday(rule: str, instead: dt.date | None) -> None:
    meetings = meetings_of(FRIDAYS.format(rule))
    good_friday = [m for m in meetings if (m.original_date or m.date) == D(2025, 4, 18)]
    if instead is None:
        assert good_friday == []
    else:
        (meeting,) = good_friday
        assert meeting.date == instead
        assert meeting.original_date == (None if rule == "keep" else D(2025, 4, 18))


def test_a_holiday_shift_keeps_the_identity_of_the_rule_date() -> None:
    shifted = meetings_of(FRIDAYS.format("previous-workday"))
    kept = meetings_of(FRIDAYS.format("keep"))
    assert [m.uid for m in shifted] == [m.uid for m in kept]


def test_no_workday_left_to_step_to() -> None:
    found = problems_of('''
        [[series]]
        body = "sbu"
        every = "hver fredag"
        from = 2025-04-18
        to = 2025-04-21
        start = "09:00"
        end = "10:00"
        on_holiday = "next-workday"
        ''')
    assert ("warning", "no-workday") in found


def test_an_explicit_date_on_a_holiday_is_a_warning() -> None:
    assert ("warning", "holiday-date") in problems_of('''
        [[series]]
        body = "sbu"
        dates = [2025-04-18, 2025-04-23]
        start = "09:00"
        end = "10:00"
        ''')


CHANGES = WEDNESDAYS + '''
[[meeting]]
body = "sbu"
date = 2025-01-29
{}
'''


def change(text: str) -> tuple[list[Meeting], list[Meeting]]:
    """The meetings without and with a change to the meeting of 29 January."""
    return meetings_of(WEDNESDAYS), meetings_of(CHANGES.format(text))


def test_a_cancelled_meeting_stays_with_its_status() -> None:
    before, after = change('status = "cancelled"')
    assert [m.uid for m in before] == [m.uid for m in after]
    assert after[1].status is Status.CANCELLED
    assert after[1].date == D(2025, 1, 29)


def test_a_moved_meeting_keeps_its_identity() -> None:
    before, after = change("moved_to = 2025-02-04")
    assert after[1].uid == before[1].uid
    assert after[1].date == D(2025, 2, 4)
    assert after[1].original_date == D(2025, 1, 29)
    assert before[1].original_date is None


def test_a_new_start_keeps_the_length() -> None:
    _, after = change('start = "16:00"')
    assert (str(after[1].start), str(after[1].end)) == ("16:00", "17:30")


def test_a_new_end_or_length() -> None:
    assert str(change('end = "20:00"')[1][1].end) == "20:00"
    assert str(change("minutes = 30")[1][1].end) == "18:45"


def test_place_and_title() -> None:
    _, after = change('location = "Byrådssalen"\ntitle = "Temamøde"\nnote = "Med frokost"')
    assert (after[1].location, after[1].title, after[1].note) == (
        "Byrådssalen", "Temamøde", "Med frokost")
    assert after[0].location == "Rådhuset, lokale 398"
    assert after[0].title == "Social- og Beskæftigelsesudvalget"


def test_a_one_off_meeting() -> None:
    meetings = meetings_of(WEDNESDAYS + '''
        [[meeting]]
        body = "sbu"
        date = 2025-02-03
        start = "10:00"
        minutes = 90
        title = "Budgetseminar"
        ''')
    (seminar,) = [m for m in meetings if m.title == "Budgetseminar"]
    assert (seminar.date, str(seminar.start), str(seminar.end)) == (
        D(2025, 2, 3), "10:00", "11:30")
    assert seminar.original_date is None


def test_a_one_off_needs_a_time() -> None:
    assert ("error", "one-off-needs-time") in problems_of(
        WEDNESDAYS + '[[meeting]]\nbody = "sbu"\ndate = 2025-02-03\n')


def test_a_meeting_that_a_holiday_removed_can_be_brought_back_elsewhere() -> None:
    # The Christmas meeting, moved a week earlier (SPEC §3).
    meetings = meetings_of('''
        [[series]]
        body = "sbu"
        every = "hver onsdag"
        from = 2025-12-01
        start = "18:15"
        end = "19:45"

        [[meeting]]
        body = "sbu"
        date = 2025-12-24
        moved_to = 2025-12-22
        ''')
    assert [m.date for m in meetings] == [D(2025, 12, 3), D(2025, 12, 10), D(2025, 12, 17),
                                          D(2025, 12, 22), D(2025, 12, 31)]
    assert meetings[3].original_date == D(2025, 12, 24)


def test_a_change_may_name_the_day_a_holiday_shifted_the_meeting_to() -> None:
    meetings = meetings_of(FRIDAYS.format("previous-workday") + '''
        [[meeting]]
        body = "sbu"
        date = 2025-04-16
        location = "Byrådssalen"
        ''')
    (moved,) = [m for m in meetings if m.date == D(2025, 4, 16)]
    assert moved.location == "Byrådssalen"


def test_moving_onto_a_holiday_or_into_a_closed_period_warns() -> None:
    found = problems_of(CHANGES.format("moved_to = 2025-04-18") + '''
        [[meeting]]
        body = "sbu"
        date = 2025-02-12
        moved_to = 2025-07-09

        [[closed]]
        name = "Sommerferie"
        from = 2025-06-28
        to = 2025-08-10
        ''')
    assert ("warning", "on-holiday") in found
    assert ("warning", "in-closed-period") in found
    assert not [p for p in found if p[0] == "error"]


def test_moving_outside_the_plan_is_an_error() -> None:
    assert ("error", "outside-plan") in problems_of(CHANGES.format("moved_to = 2026-01-07"))


def test_two_changes_to_one_meeting() -> None:
    assert ("error", "duplicate-change") in problems_of(
        CHANGES.format('title = "A"') + '[[meeting]]\nbody = "sbu"\ndate = 2025-01-29\n'
        'title = "B"\n')


def test_two_meetings_of_one_body_at_once_is_an_error() -> None:
    found = agendas_of(make_plan(CHANGES.format('start = "09:00"') + '''
        [[meeting]]
        body = "sbu"
        date = 2025-01-29
        start = "09:30"
        end = "10:00"
        '''))
    # The second [[meeting]] changes nothing (the date's meeting is taken),
    # so it is reported as changed twice; a one-off on another date:
    assert [p.code for p in found.problems] == ["duplicate-change"]
    found = agendas_of(make_plan(WEDNESDAYS + '''
        [[meeting]]
        body = "sbu"
        date = 2025-01-15
        start = "19:00"
        end = "20:00"
        title = "Ekstra"

        [[series]]
        body = "sbu"
        dates = [2025-01-15]
        start = "19:00"
        end = "20:00"
        '''))
    assert "ambiguous-meeting" in [p.code for p in found.problems]


def test_overlapping_series_of_one_body() -> None:
    found = agendas_of(make_plan(WEDNESDAYS + '''
        [[series]]
        body = "sbu"
        dates = [2025-01-29]
        start = "19:00"
        end = "20:00"
        '''))
    (problem,) = [p for p in found.problems if p.is_error]
    assert problem.code == "overlap"
    assert "18:15–19:45" in problem.message
    assert problem.line is not None


def test_back_to_back_meetings_do_not_overlap() -> None:
    assert problems_of(WEDNESDAYS + '''
        [[series]]
        id = "aftermoede"
        body = "sbu"
        dates = [2025-01-29]
        start = "19:45"
        end = "20:00"
        ''') == []


def test_two_bodies_in_one_room_warn() -> None:
    found = problems_of(WEDNESDAYS + '''
        [[series]]
        body = "rm"
        dates = [2025-01-29]
        start = "19:00"
        end = "20:00"
        ''')
    assert found == [("warning", "room-clash")]


def test_cancelled_meetings_clash_with_nothing() -> None:
    assert problems_of(CHANGES.format('status = "cancelled"') + '''
        [[series]]
        body = "rm"
        dates = [2025-01-29]
        start = "19:00"
        end = "20:00"
        ''') == []


def test_a_series_with_no_meetings_warns() -> None:
    assert ("warning", "empty-series") in problems_of('''
        [[series]]
        body = "sbu"
        every = "hver onsdag"
        from = 2025-07-01
        to = 2025-07-31
        start = "18:15"
        end = "19:45"

        [[closed]]
        name = "Sommer"
        from = 2025-06-28
        to = 2025-08-10
        ''')


def test_dates_outside_the_plan_are_left_out_with_a_warning() -> None:
    text = '''
        [[series]]
        body = "sbu"
        dates = [2024-12-11, 2025-01-15]
        start = "18:15"
        end = "19:45"
        '''
    assert dates(text) == [D(2025, 1, 15)]
    assert ("warning", "outside-period") in problems_of(text)


def test_uids_are_uuids_that_do_not_depend_on_the_rest_of_the_plan() -> None:
    alone = meetings_of(WEDNESDAYS)
    crowded = meetings_of('''
        [[series]]
        body = "rm"
        every = "hver tirsdag"
        start = "10:00"
        end = "11:00"
        ''' + WEDNESDAYS.replace('end = "19:45"', 'end = "20:00"\ntitle = "Nyt navn"'))
    assert [m.uid for m in alone] == [m.uid for m in crowded if m.body == "sbu"]
    assert all(uuid.UUID(m.uid).version == 5 for m in alone)
    assert len({m.uid for m in crowded}) == len(crowded)


def test_two_meetings_of_one_body_on_one_day_get_two_uids() -> None:
    meetings = meetings_of(WEDNESDAYS + '''
        [[series]]
        body = "sbu"
        dates = [2025-01-15]
        start = "10:00"
        end = "11:00"
        ''')
    same_day = [m for m in meetings if m.date == D(2025, 1, 15)]
    assert len({m.uid for m in same_day}) == 2


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


def test_list_meetings_raises_on_errors() -> None:
    with pytest.raises(PlanError) as caught:
        list_meetings(make_plan(WEDNESDAYS + '[[meeting]]\nbody = "sbu"\ndate = 2025-02-03\n'))
    assert caught.value.problems[0].code == "one-off-needs-time"


def test_except_leaves_days_out_and_a_change_can_bring_one_back() -> None:
    text = WEDNESDAYS.replace('end = "19:45"', 'end = "19:45"\nexcept = [2025-01-29, 2025-02-26]')
    assert dates(text) == [D(2025, 1, 15), D(2025, 2, 12), D(2025, 3, 12), D(2025, 3, 26)]
    brought_back = dates(text + '[[meeting]]\nbody = "sbu"\ndate = 2025-02-26\n'
                                'moved_to = 2025-02-25\n')
    assert D(2025, 2, 25) in brought_back


def test_an_exception_the_series_does_not_give_warns() -> None:
    text = WEDNESDAYS.replace('end = "19:45"', 'end = "19:45"\nexcept = [2025-01-30]')
    assert problems_of(text) == [("warning", "unused-exception")]


def test_a_closed_period_can_be_for_some_bodies_only() -> None:
    plan = make_plan(WEDNESDAYS + '''
        [[series]]
        body = "rm"
        every = "hver onsdag"
        to = 2025-02-28
        start = "10:00"
        end = "11:00"

        [[closed]]
        name = "Udvalgets vinterpause"
        weeks = [7]
        bodies = ["sbu"]
        ''')
    meetings = list_meetings(plan)
    assert D(2025, 2, 12) not in [m.date for m in meetings if m.body == "sbu"]
    assert D(2025, 2, 12) in [m.date for m in meetings if m.body == "rm"]


def test_a_new_series_on_the_same_day_leaves_the_old_meetings_uid_alone() -> None:
    before = {m.date: m.uid for m in meetings_of(WEDNESDAYS)}
    with_morning = meetings_of(WEDNESDAYS + '''
        [[series]]
        id = "formiddag"
        body = "sbu"
        dates = [2025-01-15]
        start = "09:00"
        end = "10:00"
        ''')
    evening = [m for m in with_morning if m.date == D(2025, 1, 15) and str(m.start) == "18:15"]
    assert evening[0].uid == before[D(2025, 1, 15)]


def test_two_series_without_ids_on_one_day_are_told_apart_with_a_warning() -> None:
    found = agendas_of(make_plan(WEDNESDAYS + '''
        [[series]]
        body = "sbu"
        dates = [2025-01-15]
        start = "09:00"
        end = "10:00"
        '''))
    assert [p.code for p in found.problems] == ["same-identity"]
    assert len({m.uid for m in found.meetings if m.date == D(2025, 1, 15)}) == 2


def test_an_overlap_a_move_made_is_reported_at_the_move() -> None:
    plan = make_plan(WEDNESDAYS + '''
        [[series]]
        id = "temadag"
        body = "sbu"
        dates = [2025-02-04]
        start = "18:00"
        end = "19:00"

        [[meeting]]
        body = "sbu"
        date = 2025-01-29
        moved_to = 2025-02-04
        ''')
    (problem,) = [p for p in agendas_of(plan).problems if p.code == "overlap"]
    assert problem.key == "meeting[1]"


def test_a_clash_every_day_is_one_finding() -> None:
    found = agendas_of(make_plan('''
        [[series]]
        body = "sbu"
        every = "hverdage"
        start = "09:00"
        end = "10:00"

        [[series]]
        body = "rm"
        every = "hverdage"
        start = "09:30"
        end = "10:30"
        ''')).problems
    (clash,) = found
    assert clash.code == "room-clash"
    assert "on 253 days (2025-01-02, 2025-01-03, 2025-01-06, …)" in clash.message


def test_a_series_that_starts_after_the_plan_ends() -> None:
    (problem,) = agendas_of(make_plan(WEDNESDAYS.replace("from = 2025-01-15", "from = 2026-03-01")
                                    .replace("to = 2025-03-31", "to = 2026-06-30"))).problems
    assert problem.code == "empty-series"
    assert ("its period (2026-03-01 to 2026-06-30) lies outside the plan (2025-01-01 to "
            "2025-12-31)") in problem.message


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


@pytest.mark.parametrize(("change_text", "code", "message"), [
    ('end = "18:00"', "end-before-start", "end: the meeting ends (18:00) before or when it "
     "starts (18:15); meetings end on the day they start"),
    ("minutes = 400", "bad-value", "minutes: 18:15 + 400 minutes runs past midnight; "
     "meetings end on the day they start"),
    ('start = "23:00"', "bad-value", "start: 23:00 + 90 minutes runs past midnight; "
     "meetings end on the day they start"),
])
def test_a_change_that_only_fails_with_its_series_times(change_text: str, code: str,
                                                        message: str) -> None:
    """The time rule of the validation pass, asked once the change is applied
    to its series' meeting; reported once, at the key of the change."""
    text = plan_text(CHANGES.format(change_text))
    line = text.split("\n").index(change_text) + 1
    (problem,) = check_plan_text(text, source="x.toml").problems
    assert problem.format() == (f"x.toml:{line}: error[{code}]: [[meeting]] #1 "
                                f"(sbu 2025-01-29): {message}")
