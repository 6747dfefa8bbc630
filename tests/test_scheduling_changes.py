"""``[[meeting]]`` tables change a series' meetings, or add one-off meetings."""

from __future__ import annotations

import pytest

from aarshjul import Status, check_plan_text, parse_plan, schedule

from .plans import FRAGMENT_START, agendas_of, built_in_code, make_plan, plan_text
from .schedules import CHANGES, FRIDAYS, WEDNESDAYS, D, change, findings, meetings_of


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


def test_a_move_never_announced_keeps_its_identity_and_says_no_move() -> None:
    announced = change("moved_to = 2025-02-04")[1][1]
    unannounced = change("moved_to = 2025-02-04\nannounced = false")[1][1]
    assert unannounced.uid == announced.uid
    assert unannounced.original_date == announced.original_date == D(2025, 1, 29)
    assert (announced.moved_from, unannounced.moved_from) == (D(2025, 1, 29), None)


def test_a_holidays_move_never_announced_says_no_move() -> None:
    """Langfredag moves the meeting of 18 April back a workday, to the 16th."""
    plan = FRIDAYS.format("previous-workday")
    (moved,) = [m for m in meetings_of(plan) if m.original_date == D(2025, 4, 18)]
    (quiet,) = [m for m in meetings_of(plan + '[[meeting]]\nbody = "sbu"\n'
                                              "date = 2025-04-18\nannounced = false\n")
                if m.original_date == D(2025, 4, 18)]
    assert (moved.uid, moved.date, moved.moved_from) == (quiet.uid, quiet.date, D(2025, 4, 18))
    assert quiet.moved_from is None


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
    assert ("error", "one-off-needs-time") in findings(
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
    found = findings(CHANGES.format("moved_to = 2025-04-18") + '''
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
    assert ("error", "outside-plan") in findings(CHANGES.format("moved_to = 2026-01-07"))


def test_two_changes_to_one_meeting() -> None:
    assert ("error", "duplicate-change") in findings(
        CHANGES.format('title = "A"') + '[[meeting]]\nbody = "sbu"\ndate = 2025-01-29\n'
        'title = "B"\n')


def test_a_second_change_names_the_meeting_and_the_change_before_it() -> None:
    text = plan_text(CHANGES.format('title = "A"') + '[[meeting]]\nbody = "sbu"\n'
                     'date = 2025-01-29\ntitle = "B"\n')
    first, second = FRAGMENT_START + 9, FRAGMENT_START + 13
    message = ('[[meeting]] #2 (sbu 2025-01-29): the meeting of "sbu" on 2025-01-29 is '
               "already changed by [[meeting]] #1 (sbu 2025-01-29){}; give it one "
               "[[meeting]] with all its changes")
    (in_file,) = check_plan_text(text, source="x.toml").problems
    assert in_file.format() == (f"x.toml:{second}: error[duplicate-change]: "
                                + message.format(f", line {first}"))
    (in_code,) = schedule(built_in_code(parse_plan(text))).problems
    assert in_code.format() == "<plan>: error[duplicate-change]: " + message.format("")
    assert in_code.key == "meeting[2]"


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
