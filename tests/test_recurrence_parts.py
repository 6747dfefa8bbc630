"""recurrence.parts: the parts of a rule, each read from its text."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from aarshjul.recurrence.parts import (
    ByDay,
    Frequency,
    RuleError,
    Weekday,
    longest_month,
    read_frequency,
    read_numbers,
    read_until,
    read_weekday,
    read_weekdays,
    read_whole,
    write_date,
)


def test_weekdays_count_from_monday_as_date_weekday_does() -> None:
    assert [day.name for day in Weekday] == ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
    assert Weekday(dt.date(2025, 1, 15).weekday()) is Weekday.WE  # a Wednesday
    assert str(ByDay(Weekday.WE)) == "WE"
    assert str(ByDay(Weekday.TH, position=-1)) == "-1TH"
    assert str(ByDay(Weekday.MO, position=2)) == "2MO"
    assert ByDay(3) == ByDay(Weekday.TH)
    assert ByDay(3).weekday is Weekday.TH


def test_a_weekday_out_of_range_is_a_rule_error() -> None:
    with pytest.raises(RuleError, match=r"^7 is not a weekday \(0 for Monday to 6 for Sunday\)$"):
        ByDay(7)
    with pytest.raises(RuleError, match="-1 is not a weekday"):
        ByDay(-1)


def test_byday_reads_weekdays_with_and_without_positions() -> None:
    assert read_weekdays("MO,2WE,-1TH,+3FR") == (
        ByDay(Weekday.MO), ByDay(Weekday.WE, position=2), ByDay(Weekday.TH, position=-1),
        ByDay(Weekday.FR, position=3))
    assert read_weekdays(" SU , SA") == (ByDay(Weekday.SU), ByDay(Weekday.SA))
    # Zero is read; whether it is allowed is the rule's to say.
    assert read_weekdays("0WE") == (ByDay(Weekday.WE, position=0),)


@pytest.mark.parametrize("text", ["XX", "-WE", "+WE", "123WE", "2 WE", "²WE", "we"])
def test_byday_that_is_no_weekday(text: str) -> None:
    with pytest.raises(RuleError, match=f"^BYDAY={re.escape(text)} is not a weekday"):
        read_weekdays(f"MO,{text}")


def test_numbers_with_and_without_signs() -> None:
    assert read_numbers("BYMONTHDAY", "1,-1,+15, 2") == (1, -1, 15, 2)
    for bad in ["1,,2", "x", "²", "12345", "1.5"]:
        with pytest.raises(RuleError, match=r"^BYMONTHDAY: '.*' is not a number$"):
            read_numbers("BYMONTHDAY", bad)


def test_whole_numbers_give_their_range_in_the_message() -> None:
    assert read_whole("INTERVAL", "007", 1, 1000) == 7
    assert read_whole("INTERVAL", "0", 1, 1000) == 0  # the range is the rule's to check
    for bad in ["-1", "x", "²", "9" * 5000, "1" + "0" * 10]:
        with pytest.raises(RuleError, match=r"^INTERVAL=.* is not a whole number from 1 to 1000$"):
            read_whole("INTERVAL", bad, 1, 1000)


def test_until_keeps_the_day_only() -> None:
    assert read_until("20250630") == dt.date(2025, 6, 30)
    assert read_until("20250630T235959Z") == dt.date(2025, 6, 30)
    assert read_until("20250630T120000") == dt.date(2025, 6, 30)
    with pytest.raises(RuleError, match=r"^UNTIL=2025-06-30 is not a date \(YYYYMMDD\)$"):
        read_until("2025-06-30")
    with pytest.raises(RuleError, match=r"^UNTIL=20250631 is not a date that exists$"):
        read_until("20250631")
    assert write_date(dt.date(2025, 6, 30)) == "20250630"
    assert write_date(dt.date(987, 6, 5)) == "09870605"
    assert read_until(write_date(dt.date(987, 6, 5))) == dt.date(987, 6, 5)


def test_frequency_and_week_start() -> None:
    assert read_frequency("MONTHLY") is Frequency.MONTHLY
    with pytest.raises(RuleError, match=r"^FREQ=HOURLY is not allowed: meetings recur at most"):
        read_frequency("HOURLY")
    assert read_weekday("WKST", "SU") is Weekday.SU
    with pytest.raises(RuleError,
                       match=r"^WKST=XX is not a weekday \(MO, TU, WE, TH, FR, SA, SU\)$"):
        read_weekday("WKST", "XX")


def test_the_longest_month() -> None:
    assert longest_month(()) == 31
    assert longest_month((2,)) == 29
    assert longest_month((4, 6, 9, 11)) == 30
    assert longest_month((2, 4)) == 30
