"""Clock times and minutes: read as planners write them, written both ways."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul.clock import MINUTES_PER_DAY, ClockTime

T = ClockTime.parse


@pytest.mark.parametrize(("text", "minutes"), [
    ("18:15", 18 * 60 + 15), ("18.15", 18 * 60 + 15), ("8:05", 8 * 60 + 5),
    ("00:00", 0), ("23:59", MINUTES_PER_DAY - 1), (" 09:30 ", 9 * 60 + 30),
])
def test_a_time_is_read_with_a_colon_or_the_danish_dot(text: str, minutes: int) -> None:
    assert T(text).minutes == minutes


@pytest.mark.parametrize(("text", "why"), [
    ("24:00", "hours 00-23"), ("12:60", "minutes 00-59"), ("noon", 'expected "HH:MM"'),
    ("1815", 'expected "HH:MM"'), ("18:5", 'expected "HH:MM"'), ("", 'expected "HH:MM"'),
    ("-1:00", 'expected "HH:MM"'), ("123:00", 'expected "HH:MM"'),
])
def test_what_is_no_time_says_why(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=f'"{text}" is not a clock time') as raised:
        T(text)
    assert why in str(raised.value)


def test_a_time_is_within_a_day() -> None:
    with pytest.raises(ValueError, match="'minutes' must be >= 0: -1"):
        ClockTime(-1)
    with pytest.raises(ValueError, match="'minutes' must be < 1440: 1440"):
        ClockTime(MINUTES_PER_DAY)


def test_written_with_a_colon_and_with_a_dot() -> None:
    assert str(T("8.05")) == "08:05"
    assert T("18:15").dotted() == "18.15"
    assert (T("00:00").dotted(), str(T("23:59"))) == ("00.00", "23:59")


def test_hours_minutes_and_the_time_of_day() -> None:
    time = T("18:07")
    assert (time.hour, time.minute) == (18, 7)
    assert time.to_time() == dt.time(18, 7)
    assert ClockTime.of(dt.time(18, 7, 59)) == time  # seconds do not count


def test_one_value_for_each_minute_of_the_day() -> None:
    assert ClockTime.at(615) is ClockTime.at(615)
    assert ClockTime.at(615) == T("10:15")


def test_later_and_how_long() -> None:
    assert T("18:15").plus(3) == T("18:18")
    assert T("18:15").plus(-15) == T("18:00")
    assert T("18:15").until(T("19:45")) == 90
    assert T("19:45").until(T("18:15")) == -90
    assert T("23:00").plus(59) == T("23:59")


def test_no_time_past_midnight_or_before_it() -> None:
    with pytest.raises(ValueError, match="23:30 \\+ 30 minutes is not a time of the same day"):
        T("23:30").plus(30)
    with pytest.raises(ValueError, match="00:10 \\+ -11 minutes is not a time"):
        T("00:10").plus(-11)


def test_times_are_ordered_by_the_clock() -> None:
    early, late = T("09:00"), T("18:15")
    assert early < late
    assert early <= late
    assert early <= T("09:00")
    assert late > early
    assert late >= early
    assert late >= T("18:15")
    assert not early > late
    assert not late < early
    assert sorted([late, T("12:00"), early]) == [early, T("12:00"), late]


@pytest.mark.parametrize("compare", [
    lambda a, b: a < b, lambda a, b: a <= b, lambda a, b: a > b, lambda a, b: a >= b])
def test_a_time_is_not_ordered_against_a_number(compare) -> None:
    with pytest.raises(TypeError):
        compare(T("09:00"), 540)
