"""Series become dated slots: rules, dates, holidays, closed periods and ``except``."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul import list_meetings

from .plans import agendas_of, make_plan
from .schedules import FRIDAYS, WEDNESDAYS, D, dates, findings, meetings_of


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


def test_no_workday_left_to_step_to() -> None:
    found = findings('''
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
    assert ("warning", "holiday-date") in findings('''
        [[series]]
        body = "sbu"
        dates = [2025-04-18, 2025-04-23]
        start = "09:00"
        end = "10:00"
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
    assert ("warning", "outside-period") in findings(text)


def test_except_leaves_days_out_and_a_change_can_bring_one_back() -> None:
    text = WEDNESDAYS.replace('end = "19:45"', 'end = "19:45"\nexcept = [2025-01-29, 2025-02-26]')
    assert dates(text) == [D(2025, 1, 15), D(2025, 2, 12), D(2025, 3, 12), D(2025, 3, 26)]
    brought_back = dates(text + '[[meeting]]\nbody = "sbu"\ndate = 2025-02-26\n'
                                'moved_to = 2025-02-25\n')
    assert D(2025, 2, 25) in brought_back


def test_an_exception_the_series_does_not_give_warns() -> None:
    text = WEDNESDAYS.replace('end = "19:45"', 'end = "19:45"\nexcept = [2025-01-30]')
    assert findings(text) == [("warning", "unused-exception")]


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


def test_a_series_with_no_meetings_warns() -> None:
    assert ("warning", "empty-series") in findings('''
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


def test_a_series_that_starts_after_the_plan_ends() -> None:
    (problem,) = agendas_of(make_plan(WEDNESDAYS.replace("from = 2025-01-15", "from = 2026-03-01")
                                    .replace("to = 2025-03-31", "to = 2026-06-30"))).problems
    assert problem.code == "empty-series"
    assert ("its period (2026-03-01 to 2026-06-30) lies outside the plan (2025-01-01 to "
            "2025-12-31)") in problem.message


def test_only_the_series_that_gives_nothing_warns() -> None:
    """Of two series, the one with meetings is not reported, the other is."""
    problems = agendas_of(make_plan(WEDNESDAYS + '''
        [[series]]
        body = "rm"
        every = "hver onsdag"
        from = 2025-07-01
        to = 2025-07-31
        start = "10:00"
        end = "11:00"

        [[closed]]
        name = "Sommer"
        from = 2025-06-28
        to = 2025-08-10
        ''')).problems
    (empty,) = [p for p in problems if p.code == "empty-series"]
    assert "2025-07-01" in empty.message
    assert '"rm"' in empty.message
