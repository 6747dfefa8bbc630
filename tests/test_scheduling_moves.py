"""Dates on holidays and in closed periods: moved by a week, as Danish plans
move them, or to a workday, or left out, and always said why."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul import Meeting, Problem, list_meetings, parse_plan, schedule

from .plans import FRAGMENT_START, make_plan
from .schedules import D, meetings_of

# Fredensborg's byråd meets on the last Monday of the month. In 2017 that is
# Juledag, 25 December, inside the Christmas break; the day before it that
# is no holiday and not closed is Friday 22 December.
FREDENSBORG = '''
[plan]
title = "Fredensborg Byråd 2017"
id = "fredensborg-2017"
start = 2017-01-01
end = 2017-12-31

[[closed]]
name = "Juleferie"
from = 2017-12-23
to = 2018-01-01

[[body]]
id = "byraad"
name = "Byrådet"
kind = "byråd"

[[series]]
body = "byraad"
every = "sidste mandag i måneden"
start = "18:00"
end = "21:00"
on_closed = "{}"
'''


def byraad(on_closed: str, more: str = "") -> list[Meeting]:
    return list(list_meetings(parse_plan(FREDENSBORG.format(on_closed) + more)))


def christmas(meetings: list[Meeting]) -> Meeting:
    (meeting,) = [m for m in meetings if m.date.month == 12]
    return meeting


def left_out(body: str) -> list[Problem]:
    return [p for p in schedule(make_plan(body)).problems if p.code == "left-out"]


def test_fredensborg_christmas_byraad_moves_a_week_earlier() -> None:
    moved = christmas(byraad("week-before"))
    assert (moved.date, moved.date.strftime("%A")) == (D(2017, 12, 18), "Monday")
    assert moved.original_date == D(2017, 12, 25)


def test_previous_workday_puts_it_on_the_friday_before() -> None:
    moved = christmas(byraad("previous-workday"))
    assert (moved.date, moved.date.strftime("%A")) == (D(2017, 12, 22), "Friday")


def test_a_moved_meeting_keeps_the_identity_of_its_rule_date() -> None:
    """However the closed period moves it, the meeting is the one of 25
    December: calendars that have it follow it."""
    uids = {christmas(byraad(how)).uid for how in ("week-before", "previous-workday")}
    brought_back = christmas(byraad("skip", '[[meeting]]\nbody = "byraad"\ndate = 2017-12-25\n'
                                            "moved_to = 2017-12-18\n"))
    assert uids == {brought_back.uid}


# Kristi himmelfartsdag is Thursday 29 May.
THURSDAYS = '''
[[series]]
body = "sbu"
rule = "FREQ=WEEKLY;INTERVAL={};BYDAY=TH"
from = 2025-05-01
to = 2025-07-31
start = "16:00"
end = "18:00"
on_holiday = "{}"
'''


@pytest.mark.parametrize(("how", "instead"), [
    ("week-before", D(2025, 5, 22)),
    ("week-after", D(2025, 6, 5)),  # Grundlovsdag: not a public holiday
    ("skip", None),
])
def test_a_holiday_moves_to_the_same_weekday_a_week_away(how: str, instead: dt.date | None
                                                         ) -> None:
    meetings = meetings_of(THURSDAYS.format(4, how))  # every fourth Thursday
    moved = [m for m in meetings if (m.original_date or m.date) == D(2025, 5, 29)]
    assert [m.date for m in moved] == ([] if instead is None else [instead])


MONTHLY = '''
[[series]]
body = "sbu"
every = "2. onsdag i måneden"
start = "18:15"
end = "19:45"
on_closed = "{}"
'''


def test_a_week_move_steps_over_closed_weeks() -> None:
    """12 February is in the winter holiday, the 19th too: the 26th is free."""
    meetings = meetings_of(MONTHLY.format("week-after") + '''
        [[closed]]
        name = "Vinterferie"
        weeks = [7, 8]
        ''')
    (february,) = [m for m in meetings if m.original_date == D(2025, 2, 12)]
    assert february.date == D(2025, 2, 26)


SUMMER = '''
[[closed]]
name = "Sommerferie"
from = 2025-06-28
to = 2025-08-10
'''


def test_a_week_move_goes_at_most_four_weeks() -> None:
    """9 July: four Wednesdays after it are in the summer break too."""
    text = MONTHLY.format("week-after") + SUMMER
    assert D(2025, 7, 9) not in [m.original_date for m in meetings_of(text)]
    (problem,) = left_out(text)
    assert problem.severity.value == "info"
    assert problem.line == FRAGMENT_START + 1  # the series' line
    assert problem.message == (
        '[[series]] #1 (body "sbu"): 2025-07-09 falls in "Sommerferie", and the same weekday '
        "1 to 4 weeks later is a holiday, closed or outside the series' period too; it is "
        "left out")


def test_the_other_way_finds_a_day_at_once() -> None:
    meetings = meetings_of(MONTHLY.format("week-before") + SUMMER)
    (july,) = [m for m in meetings if m.original_date == D(2025, 7, 9)]
    assert july.date == D(2025, 7, 2) - dt.timedelta(days=7)  # 2 July is closed too


def test_a_week_move_stays_inside_the_series_period() -> None:
    text = '''
        [[series]]
        body = "sbu"
        dates = [2025-05-29]
        to = 2025-05-31
        start = "16:00"
        end = "18:00"
        on_holiday = "week-after"
        '''
    assert meetings_of(text) == []
    (problem,) = left_out(text)
    assert "2025-05-29 is a holiday (Kristi himmelfartsdag), and the same weekday" in (
        problem.message)


EVERY_THURSDAY = THURSDAYS.format(1, "week-before")


def test_a_week_move_onto_the_series_own_meeting_is_left_out() -> None:
    """A weekly series moved a week meets on its own day: one meeting, not two."""
    meetings = meetings_of(EVERY_THURSDAY)
    assert [m.date for m in meetings].count(D(2025, 5, 22)) == 1
    assert D(2025, 5, 29) not in [m.original_date for m in meetings]
    (problem,) = left_out(EVERY_THURSDAY)
    assert problem.message == (
        '[[series]] #1 (body "sbu"): 2025-05-29 is a holiday (Kristi himmelfartsdag); moved by '
        'whole weeks it lands on 2025-05-22, a day "sbu" already meets, so it is left out')


FOURTH_THURSDAY = THURSDAYS.format(4, "week-before") + '''
[[series]]
id = "temamoede"
body = "{}"
dates = [2025-05-22]
start = "09:00"
end = "10:00"
'''


@pytest.mark.parametrize(("other", "moved"), [("sbu", False), ("rm", True)])
def test_a_week_move_onto_a_day_its_body_meets_from_another_series(other: str, moved: bool
                                                                   ) -> None:
    """Another series of the same body on that day keeps the meeting out;
    another body's meeting does not."""
    meetings = meetings_of(FOURTH_THURSDAY.format(other))
    found = [m for m in meetings if m.original_date == D(2025, 5, 29)]
    assert [m.date for m in found] == ([D(2025, 5, 22)] if moved else [])


def one_date(series_id: str, day: str, start: str, move: str) -> str:
    """A series of one date, an hour long, and how it moves (``on_holiday = …``)."""
    return (f'[[series]]\nid = "{series_id}"\nbody = "sbu"\ndates = [{day}]\n'
            f'start = "{start}"\nminutes = 60\n{move}\n\n')


def test_two_week_moves_onto_one_day_do_not_depend_on_the_order_of_the_file() -> None:
    first = one_date("a", "2025-05-29", "16:00", 'on_holiday = "week-before"')
    second = one_date("b", "2025-05-15", "09:00", 'on_closed = "week-after"') + '''
        [[closed]]
        name = "Lukket"
        from = 2025-05-12
        to = 2025-05-16
        bodies = ["sbu"]
        '''
    forward, backward = meetings_of(first + second), meetings_of(second + first)
    assert [(m.date, m.start) for m in forward] == [(m.date, m.start) for m in backward]
    # By date: 15 May moves first, and takes the 22nd.
    assert [(m.date, m.original_date) for m in forward] == [(D(2025, 5, 22), D(2025, 5, 15))]


@pytest.mark.parametrize(("how", "instead"), [
    ("next-workday", D(2025, 2, 17)),
    ("previous-workday", D(2025, 2, 7)),
])
def test_a_workday_move_out_of_a_closed_week_lands_outside_it(how: str, instead: dt.date
                                                              ) -> None:
    meetings = meetings_of(MONTHLY.format(how) + '''
        [[closed]]
        name = "Vinterferie"
        weeks = [7]
        ''')
    (february,) = [m for m in meetings if m.original_date == D(2025, 2, 12)]
    assert february.date == instead


def test_a_closed_holiday_follows_on_closed() -> None:
    """Langfredag in the Easter break: the break decides, not the holiday."""
    meetings = meetings_of('''
        [[series]]
        body = "sbu"
        dates = [2025-04-18]
        start = "09:00"
        end = "10:00"
        on_holiday = "keep"
        on_closed = "week-before"

        [[closed]]
        name = "Påskeferie"
        from = 2025-04-12
        to = 2025-04-21
        ''')
    assert [(m.date, m.original_date) for m in meetings] == [(D(2025, 4, 11), D(2025, 4, 18))]


def test_a_change_names_a_moved_meeting_by_its_rule_date_or_its_new_one() -> None:
    for date in ("2025-05-29", "2025-05-22"):
        meetings = meetings_of(FOURTH_THURSDAY.format("rm") + f'''
            [[meeting]]
            body = "sbu"
            date = {date}
            note = "Budget"
            ''')
        (moved,) = [m for m in meetings if m.original_date == D(2025, 5, 29)]
        assert (moved.date, moved.note) == (D(2025, 5, 22), "Budget")


def test_a_change_brings_back_a_meeting_no_week_was_free_for() -> None:
    text = EVERY_THURSDAY + '''
        [[meeting]]
        body = "sbu"
        date = 2025-05-29
        moved_to = 2025-05-28
        '''
    (back,) = [m for m in meetings_of(text) if m.original_date == D(2025, 5, 29)]
    assert back.date == D(2025, 5, 28)
    assert left_out(text) == []


def test_a_workday_move_with_no_workday_left_warns() -> None:
    text = MONTHLY.format("next-workday").replace('end = "19:45"',
                                                   'end = "19:45"\nto = 2025-07-31') + SUMMER
    (problem,) = [p for p in schedule(make_plan(text)).problems if p.code == "no-workday"]
    assert problem.severity.value == "warning"
    assert problem.message == (
        '[[series]] #1 (body "sbu"): 2025-07-09 falls in "Sommerferie" and there is no '
        "workday after it in the series' period; it is left out")
