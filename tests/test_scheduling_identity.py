"""Each meeting's identity and UID: stable, whatever else the plan holds."""

from __future__ import annotations

import uuid

from .plans import agendas_of, make_plan
from .schedules import FRIDAYS, WEDNESDAYS, D, meetings_of


def test_a_holiday_shift_keeps_the_identity_of_the_rule_date() -> None:
    shifted = meetings_of(FRIDAYS.format("previous-workday"))
    kept = meetings_of(FRIDAYS.format("keep"))
    assert [m.uid for m in shifted] == [m.uid for m in kept]


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


def test_two_one_offs_on_one_day_are_told_apart_with_a_warning_that_asks_no_series_id(
        ) -> None:
    found = agendas_of(make_plan(WEDNESDAYS + '''
        [[meeting]]
        body = "sbu"
        date = 2025-01-16
        start = "09:00"
        end = "10:00"

        [[meeting]]
        body = "sbu"
        date = 2025-01-16
        start = "13:00"
        end = "14:00"
        '''))
    (problem,) = found.problems
    assert problem.code == "same-identity"
    assert "[[series]]" not in problem.message
    assert len({m.uid for m in found.meetings if m.date == D(2025, 1, 16)}) == 2
