"""Danish holidays and workdays, as a secretariat knows them."""

from __future__ import annotations

import datetime as dt

from aarshjul import Language
from aarshjul.model import Closed
from aarshjul.scheduling.calendar import WorkCalendar, holidays_for, work_calendar

from .plans import make_plan


def danish(*years: int, categories: tuple[str, ...] = ("public",)) -> WorkCalendar:
    return WorkCalendar(holidays_for("DK", categories, years, Language.DA))


def test_store_bededag_is_a_holiday_until_2023() -> None:
    assert danish(2023).holiday(dt.date(2023, 5, 5)) == "Store bededag"


def test_store_bededag_is_a_workday_from_2024() -> None:
    assert danish(2024).is_workday(dt.date(2024, 4, 26))
    assert danish(2025).is_workday(dt.date(2025, 5, 16))


def test_grundlovsdag_is_a_holiday_only_with_optional() -> None:
    assert danish(2025).is_workday(dt.date(2025, 6, 5))
    assert danish(2025, categories=("public", "optional")).holiday(dt.date(2025, 6, 5)) == (
        "Grundlovsdag")


def test_christmas_eve_and_new_years_eve_only_with_optional() -> None:
    optional = danish(2025, categories=("public", "optional"))
    for day in (dt.date(2025, 12, 24), dt.date(2025, 12, 31), dt.date(2025, 5, 1)):
        assert danish(2025).is_workday(day)
        assert not optional.is_workday(day)


def test_holidays_are_named_in_the_plans_language() -> None:
    english = WorkCalendar(holidays_for("DK", ("public",), (2025,), Language.EN))
    assert english.holiday(dt.date(2025, 4, 18)) == "Good Friday"
    assert danish(2025).holiday(dt.date(2025, 4, 18)) == "Langfredag"


def test_good_friday_steps_back_over_maundy_thursday() -> None:
    calendar = danish(2025)
    assert calendar.step_to_workday(dt.date(2025, 4, 18), forward=False,
                                    limit=dt.date(2025, 1, 1)) == dt.date(2025, 4, 16)


def test_maundy_thursday_steps_forward_over_easter() -> None:
    calendar = danish(2025)
    assert calendar.step_to_workday(dt.date(2025, 4, 17), forward=True,
                                    limit=dt.date(2025, 12, 31)) == dt.date(2025, 4, 22)


def test_stepping_skips_closed_weeks_too() -> None:
    winter = Closed(name="Vinterferie", weeks=frozenset({7}))
    calendar = WorkCalendar(danish(2025).holidays, (winter,))
    # Friday of week 6 -> the next workday is Monday of week 8.
    assert calendar.step_to_workday(dt.date(2025, 2, 7), forward=True,
                                    limit=dt.date(2025, 12, 31)) == dt.date(2025, 2, 17)


def test_stepping_stops_at_the_limit() -> None:
    calendar = danish(2025)
    assert calendar.step_to_workday(dt.date(2025, 12, 26), forward=True,
                                    limit=dt.date(2025, 12, 28)) is None


def test_a_plan_without_holidays() -> None:
    plan = make_plan(header='[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                     'holidays = ""\n')
    assert work_calendar(plan).is_workday(dt.date(2025, 4, 18))


def test_weeks_close_in_every_year() -> None:
    autumn = Closed(name="Efterårsferie", weeks=frozenset({42}))
    assert autumn.contains(dt.date(2025, 10, 15))
    assert autumn.contains(dt.date(2026, 10, 14))
    assert not autumn.contains(dt.date(2025, 10, 22))


def test_weekends_are_no_workdays() -> None:
    calendar = WorkCalendar()
    assert [calendar.is_workday(dt.date(2025, 3, d)) for d in range(7, 11)] == [
        True, False, False, True]  # Friday, Saturday, Sunday, Monday


def test_a_period_closed_for_one_body_is_open_for_the_others() -> None:
    pause = Closed(name="Udvalgets pause", from_date=dt.date(2025, 3, 3),
                   to_date=dt.date(2025, 3, 7), bodies=frozenset({"sbu"}))
    calendar = WorkCalendar(closed=(pause,))
    day = dt.date(2025, 3, 5)
    assert calendar.closed_period(day, "sbu") is pause
    assert calendar.closed_period(day, "rm") is None
    assert calendar.closed_period(day) is pause  # asked for every body
    assert calendar.closed_period(dt.date(2025, 3, 10), "sbu") is None
    assert not calendar.is_workday(day, "sbu")
    assert calendar.is_workday(day, "rm")
    # Stepping for a body steps over its own closed days only.
    assert calendar.step_to_workday(dt.date(2025, 2, 28), forward=True, body="sbu",
                                    limit=dt.date(2025, 12, 31)) == dt.date(2025, 3, 10)
    assert calendar.step_to_workday(dt.date(2025, 2, 28), forward=True, body="rm",
                                    limit=dt.date(2025, 12, 31)) == dt.date(2025, 3, 3)


def test_stepping_back_stops_at_the_limit_and_may_land_on_it() -> None:
    calendar = danish(2025)
    # New Year's Day 2025 is a Wednesday; the limit is the day before it.
    assert calendar.step_to_workday(dt.date(2025, 1, 2), forward=False,
                                    limit=dt.date(2025, 1, 1)) is None
    assert calendar.step_to_workday(dt.date(2025, 1, 3), forward=False,
                                    limit=dt.date(2025, 1, 2)) == dt.date(2025, 1, 2)


def test_a_holiday_s_name_and_none_on_other_days() -> None:
    calendar = danish(2025)
    assert calendar.holiday(dt.date(2025, 12, 25)) == "Juledag"
    assert calendar.holiday(dt.date(2025, 12, 23)) is None


def test_no_country_no_holidays() -> None:
    assert holidays_for("", ("public",), (2025,), Language.DA) == {}


def test_holidays_come_in_date_order_for_every_year_asked_for() -> None:
    found = holidays_for("DK", ("public",), (2026, 2025), Language.DA)
    assert list(found) == sorted(found)
    assert {day.year for day in found} == {2025, 2026}


def test_a_plan_s_calendar_reaches_a_year_either_side() -> None:
    """A meeting moved to the next workday may cross the plan's first or last day."""
    plan = make_plan()  # 2025
    calendar = work_calendar(plan)
    assert calendar.holiday(dt.date(2024, 12, 25)) == "Juledag"
    assert calendar.holiday(dt.date(2026, 1, 1)) == "Nytårsdag"
    assert calendar.holiday(dt.date(2023, 12, 25)) is None
    assert calendar.closed == plan.closed
