"""Series become dated slots: rules, dates, holidays, closed periods and ``except``."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul import list_meetings

from .plans import FRAGMENT_START, HEADER, agendas_of, make_plan
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


SERIES_LINE = FRAGMENT_START + 1  # of a fragment that starts with an empty line


def test_every_date_a_closed_period_or_holiday_removes_is_said() -> None:
    """Nothing disappears silently: information at the series' line."""
    problems = agendas_of(make_plan(FRIDAYS.format("skip") + '''
        [[closed]]
        name = "Uge 15"
        weeks = [15]
        ''')).problems
    assert [(p.severity.value, p.code, p.line, p.message) for p in problems] == [
        ("info", "left-out", SERIES_LINE, '[[series]] #1 (body "sbu"): 2025-04-11 falls in '
                                 '"Uge 15"; it is left out (on_closed = "skip")'),
        ("info", "left-out", SERIES_LINE, '[[series]] #1 (body "sbu"): 2025-04-18 is a holiday '
                                 "(Langfredag); it is left out (on_holiday = \"skip\")")]


WINTER_BREAK = '''
[[closed]]
name = "Vinterferie"
weeks = [7]
'''


def test_a_date_brought_back_is_not_said_to_be_left_out() -> None:
    text = WEDNESDAYS + WINTER_BREAK + '''
        [[meeting]]
        body = "sbu"
        date = 2025-02-12
        moved_to = 2025-02-19
        '''
    assert findings(text) == []


def test_a_listed_date_on_a_holiday_warns_and_one_in_a_closed_period_informs() -> None:
    """A date written by hand on a holiday is likelier a slip than a rule's."""
    assert findings('''
        [[series]]
        body = "sbu"
        dates = [2025-04-18, 2025-02-12, 2025-04-23]
        start = "09:00"
        end = "10:00"
        ''' + WINTER_BREAK) == [("info", "left-out"), ("warning", "holiday-date")]


def test_except_is_said_by_the_plan_and_not_again() -> None:
    text = WEDNESDAYS.replace('end = "19:45"', 'end = "19:45"\nexcept = [2025-01-29]')
    assert findings(text) == []


FOURTH_MONDAYS = '''
[[series]]
body = "sbu"
every = "4. mandag i måneden"
months = [1, 2, 4, 5, 6, 9, 10, 11, 12]
start = "17:00"
end = "19:00"

[[series]]
body = "sbu"
every = "5. mandag i måneden"
months = [3, 8]
start = "17:00"
end = "19:00"
'''
TWO_YEARS = HEADER.replace("end = 2025-12-31", "end = 2026-12-31")


def test_months_keep_a_series_dates_in_those_months_every_year() -> None:
    """The 4th Monday most months, the 5th in March and August (2025 has no
    5th Monday in August); July has none."""
    meetings = list_meetings(make_plan(FOURTH_MONDAYS, header=TWO_YEARS))
    days = [m.date for m in meetings]
    by_month = {(day.year, day.month) for day in days}
    assert len(by_month) == len(days)  # one a month
    assert [day for day in days if day.month in (3, 8)] == [
        D(2025, 3, 31), D(2026, 3, 30), D(2026, 8, 31)]
    assert {month for _year, month in by_month} == {1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12}
    assert (days[0], days[-1]) == (D(2025, 1, 27), D(2026, 12, 28))


def test_months_filter_the_rules_dates_and_a_week_move_may_leave_the_month() -> None:
    """1 October is in week 40, closed: a week earlier is September, and it
    stays, for months keeps the dates the rule gives."""
    meetings = meetings_of('''
        [[series]]
        body = "sbu"
        every = "første onsdag i måneden"
        months = [10]
        start = "18:15"
        end = "19:45"
        on_closed = "week-before"

        [[closed]]
        name = "Uge 40"
        weeks = [40]
        ''')
    assert [(m.date, m.original_date) for m in meetings] == [(D(2025, 9, 24), D(2025, 10, 1))]
