"""One body meeting twice at once is an error; two bodies in one room, a warning."""

from __future__ import annotations

from aarshjul import schedule

from .plans import agendas_of, built_in_code, make_plan
from .schedules import CHANGES, WEDNESDAYS, findings


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
    assert findings(WEDNESDAYS + '''
        [[series]]
        id = "aftermoede"
        body = "sbu"
        dates = [2025-01-29]
        start = "19:45"
        end = "20:00"
        ''') == []


def test_two_bodies_in_one_room_warn() -> None:
    found = findings(WEDNESDAYS + '''
        [[series]]
        body = "rm"
        dates = [2025-01-29]
        start = "19:00"
        end = "20:00"
        ''')
    assert found == [("warning", "room-clash")]


def test_cancelled_meetings_clash_with_nothing() -> None:
    assert findings(CHANGES.format('status = "cancelled"') + '''
        [[series]]
        body = "rm"
        dates = [2025-01-29]
        start = "19:00"
        end = "20:00"
        ''') == []


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
    # Besides the holidays the two series leave out (info[left-out]).
    (clash,) = [problem for problem in found if problem.code != "left-out"]
    assert clash.code == "room-clash"
    assert "on 253 days (2025-01-02, 2025-01-03, 2025-01-06, …)" in clash.message


def test_clashes_in_a_plan_built_in_code_name_their_tables_and_stay_apart() -> None:
    """Each pair of tables is its own finding, whether the tables were written
    in a file or built in code."""
    plan = make_plan(WEDNESDAYS + """
        [[series]]
        body = "rm"
        dates = [2025-01-29]
        start = "19:00"
        end = "20:00"

        [[series]]
        id = "b"
        body = "rm"
        dates = [2025-02-12]
        start = "19:00"
        end = "20:00"
        """)
    for scheduled in (schedule(plan), schedule(built_in_code(plan))):
        assert [(p.code, p.key, p.message.split(":")[0]) for p in scheduled.problems] == [
            ("room-clash", "series[2]", '[[series]] #2 (body "rm")'),
            ("room-clash", "series[3]", '[[series]] #3 (body "rm")')]


def test_a_meeting_over_several_days_clashes_on_the_days_it_does() -> None:
    """Each clash is named by its own day, not by the first day of the
    meeting that runs over several."""
    result = schedule(make_plan('''
[[series]]
body = "sbu"
dates = [2025-03-11, 2025-03-12]
start = "10:00"
end = "11:00"

[[meeting]]
body = "sbu"
date = 2025-03-10
to = 2025-03-12
start = "09:00"
end = "17:00"
title = "Seminar"
'''))
    (overlap,) = [p for p in result.problems if p.code == "overlap"]
    assert "on 2 days (2025-03-11, 2025-03-12)" in overlap.message
