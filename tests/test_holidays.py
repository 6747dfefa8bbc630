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
