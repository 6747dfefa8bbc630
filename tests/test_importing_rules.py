"""The rule behind a body's dates: found where the dates follow one, with
the months it skips and what it does on a holiday; not found where they
follow none."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul.choices import OnHoliday
from aarshjul.importing.rules import find_rule, rule_dates
from aarshjul.scheduling.calendar import WorkCalendar, holidays_for
from aarshjul.vocabulary import Language

D = dt.date
DANISH = WorkCalendar(holidays=holidays_for("DK", ("public",), range(2024, 2028), Language.DA))
YEARS = (D(2025, 1, 1), D(2026, 12, 31))


def every(first: dt.date, last: dt.date, weeks: int) -> list[dt.date]:
    return [first + dt.timedelta(weeks=weeks * n)
            for n in range((last - first).days // (7 * weeks) + 1)]


def test_every_other_wednesday_with_a_break_in_july_and_a_date_left_out() -> None:
    days = [day for day in every(D(2025, 1, 15), D(2025, 12, 17), 2)
            if day.month != 7 and day != D(2025, 4, 23)]
    found = find_rule(days, calendar=DANISH, period=YEARS)
    assert found is not None
    assert found.phrase == "hver anden onsdag"
    assert found.months == (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)
    assert (found.first, found.last) == (D(2025, 1, 15), D(2025, 12, 17))
    assert found.on_holiday is OnHoliday.SKIP
    assert set(found.given) == {*days, D(2025, 4, 23)}


def test_the_rhythm_of_every_other_week_is_the_one_the_dates_have() -> None:
    days = every(D(2025, 1, 22), D(2025, 6, 25), 2)
    found = find_rule(days, calendar=DANISH, period=YEARS)
    assert found is not None
    assert (found.phrase, found.first) == ("hver anden onsdag", D(2025, 1, 22))
    assert sorted(found.given) == days


def test_the_last_wednesday_of_the_month_but_not_in_july() -> None:
    """A month without its meeting two summers running is a break
    (``months``); one summer's July alone is an ``except``."""
    days = [day for day in rule_dates("sidste onsdag i måneden", anchor=D(2025, 1, 1),
                                      first=D(2025, 1, 1), last=D(2026, 12, 31))
            if day.month != 7]
    found = find_rule(days, calendar=DANISH, period=YEARS)
    assert found is not None
    assert found.phrase == "sidste onsdag i måneden"
    assert found.months == (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12)
    assert sorted(found.given) == days
    one_summer = find_rule(days[:15], calendar=DANISH, period=YEARS)
    assert one_summer is not None
    assert one_summer.months == ()
    assert D(2025, 7, 30) in one_summer.given


def test_the_second_and_fourth_tuesday() -> None:
    days = rule_dates("2. og 4. tirsdag i måneden", anchor=D(2025, 1, 1), first=D(2025, 1, 1),
                      last=D(2025, 6, 30))
    found = find_rule(days, calendar=DANISH, period=YEARS)
    assert found is not None
    assert found.phrase == "2. og 4. tirsdag i måneden"
    assert sorted(found.given) == days


def test_a_meeting_on_good_friday_moved_back_to_the_wednesday_before() -> None:
    """Fridays, where Good Friday's meeting is on the workday before Maundy
    Thursday: previous-workday explains it, no change needed."""
    days = [day if day != D(2025, 4, 18) else D(2025, 4, 16)
            for day in every(D(2025, 3, 7), D(2025, 5, 23), 1)]
    found = find_rule(days, calendar=DANISH, period=YEARS)
    assert found is not None
    assert found.phrase == "hver fredag"
    assert found.on_holiday is OnHoliday.PREVIOUS_WORKDAY
    assert found.given[D(2025, 4, 16)] == D(2025, 4, 18)


def test_a_meeting_kept_on_a_holiday_is_kept() -> None:
    days = every(D(2025, 3, 7), D(2025, 5, 23), 1)  # Good Friday, 18 April, too
    found = find_rule(days, calendar=DANISH, period=YEARS)
    assert found is not None
    assert found.on_holiday is OnHoliday.KEEP


def test_a_holiday_without_a_meeting_is_skipped_not_left_out() -> None:
    days = [day for day in every(D(2025, 3, 7), D(2025, 5, 23), 1) if day != D(2025, 4, 18)]
    found = find_rule(days, calendar=DANISH, period=YEARS)
    assert found is not None
    assert found.on_holiday is OnHoliday.SKIP
    assert (D(2025, 4, 18), None) in found.slots


@pytest.mark.parametrize("days", [
    # Irregular: no rhythm explains more than half of them for less than a list.
    [D(2025, 1, 6), D(2025, 2, 19), D(2025, 3, 4), D(2025, 4, 24), D(2025, 6, 2),
     D(2025, 8, 14), D(2025, 9, 30), D(2025, 11, 5)],
    # Three: too few to be sure of any rhythm.
    [D(2025, 1, 15), D(2025, 2, 12), D(2025, 3, 12)],
    # Wednesdays, but a third of them: every Wednesday would leave out more
    # dates than it explains.
    [D(2025, 1, 8), D(2025, 1, 29), D(2025, 3, 5), D(2025, 3, 12), D(2025, 5, 7),
     D(2025, 6, 4), D(2025, 8, 20), D(2025, 9, 3), D(2025, 10, 29), D(2025, 12, 3)],
])
def test_dates_that_follow_no_rule_have_none(days: list[dt.date]) -> None:
    assert find_rule(days, calendar=DANISH, period=YEARS) is None


def test_a_rule_stops_short_of_a_day_taken_on_the_side_with_more_meetings() -> None:
    days = every(D(2025, 1, 7), D(2025, 6, 24), 1)
    whole = find_rule(days, calendar=DANISH, period=YEARS)
    assert whole is not None
    assert (whole.first, whole.last) == (D(2025, 1, 7), D(2025, 6, 24))
    found = find_rule(days, calendar=DANISH, period=YEARS, taken={D(2025, 2, 4)})
    assert found is not None
    assert (found.phrase, found.first, found.last) == (
        "hver tirsdag", D(2025, 2, 11), D(2025, 6, 24))


def test_the_rule_dates_keep_to_their_months() -> None:
    assert rule_dates("første mandag i måneden", anchor=D(2025, 1, 1), first=D(2025, 1, 1),
                      last=D(2025, 4, 30), months=(1, 3)) == [D(2025, 1, 6), D(2025, 3, 3)]


def test_several_weekdays_every_week_are_one_rule() -> None:
    mondays_and_thursdays = rule_dates("hver mandag og torsdag", anchor=D(2025, 3, 1),
                                       first=D(2025, 3, 1), last=D(2025, 6, 30))
    found = find_rule(mondays_and_thursdays, calendar=DANISH, period=YEARS)
    assert found is not None
    assert found.phrase == "hver mandag og torsdag"
    three = rule_dates("hver mandag, onsdag og fredag", anchor=D(2025, 3, 1),
                       first=D(2025, 3, 1), last=D(2025, 6, 30))
    found = find_rule(three, calendar=DANISH, period=YEARS)
    assert found is not None
    assert found.phrase == "hver mandag, onsdag og fredag"
    assert found.on_holiday is OnHoliday.KEEP  # held on Good Friday and Easter Monday too
    workdays = [day for day in rule_dates("hverdage", anchor=D(2025, 3, 1),
                                          first=D(2025, 3, 1), last=D(2025, 6, 30))
                if not DANISH.holiday(day)]
    found = find_rule(workdays, calendar=DANISH, period=YEARS)
    assert found is not None
    assert (found.phrase, sorted(found.given)) == ("hverdage", workdays)
