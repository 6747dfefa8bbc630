"""Days and hours read from the cells of a list of meetings, Danish and
English."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul.clock import ClockTime
from aarshjul.importing.cells import day_of, hours_of
from aarshjul.messages import Refusal

JANUARY_15 = dt.date(2025, 1, 15)


@pytest.mark.parametrize("text", [
    "2025-01-15", "2025-1-15", "2025-01-15 00:00:00", "15.01.2025", "15-01-2025",
    "15/01/2025", "15.1.25", " 15.1.2025 ", "15. januar 2025", "onsdag den 15. januar 2025",
    "Onsdag d. 15. Januar 2025", "15. jan. 2025", "ons. 15. jan 2025", "15 January 2025",
    "January 15, 2025", "Wednesday, 15th of January 2025", "15 Jan 2025",
])
def test_the_ways_a_day_is_written(text: str) -> None:
    assert day_of(text) == JANUARY_15


@pytest.mark.parametrize(("text", "day"), [
    ("1. maj 2025", dt.date(2025, 5, 1)), ("7. okt. 2025", dt.date(2025, 10, 7)),
    ("3. sept. 2025", dt.date(2025, 9, 3)), ("26. marts 2025", dt.date(2025, 3, 26)),
    ("October 7, 2025", dt.date(2025, 10, 7)), ("01/02/2025", dt.date(2025, 2, 1)),
    ("5.6.99", dt.date(2099, 6, 5)),
])
def test_day_first_and_this_centurys_years(text: str, day: dt.date) -> None:
    assert day_of(text) == day


def test_typed_and_empty_cells() -> None:
    assert day_of(dt.datetime(2025, 1, 15, 18, 15)) == JANUARY_15
    assert day_of(JANUARY_15) == JANUARY_15
    assert day_of(None) is None
    assert day_of("  ") is None


@pytest.mark.parametrize("text", ["15. januar", "januar 2025", "31.02.2025", "01/15/2025",
                                  "2025-13-01", "i morgen", "15. foo 2025", "15 16 jan 2025"])
def test_what_is_no_day(text: str) -> None:
    with pytest.raises(Refusal, match="is not a day"):
        day_of(text)


def at(text: str) -> ClockTime:
    return ClockTime.parse(text)


@pytest.mark.parametrize(("text", "hours"), [
    ("18.15", (at("18:15"), None)), ("18:15", (at("18:15"), None)),
    ("kl. 18.15", (at("18:15"), None)), ("Kl 9", (at("09:00"), None)),
    ("18", (at("18:00"), None)), ("18.15-19.45", (at("18:15"), at("19:45"))),
    ("18:15–19:45", (at("18:15"), at("19:45"))), ("kl. 17 - kl. 19", (at("17:00"), at("19:00"))),
    ("", (None, None)), (None, (None, None)),
    (dt.time(16, 30), (at("16:30"), None)), (dt.datetime(2025, 1, 1, 8, 5), (at("08:05"), None)),
])
def test_the_ways_hours_are_written(text: object, hours: tuple[object, object]) -> None:
    assert hours_of(text) == hours


@pytest.mark.parametrize("text", ["24.00", "18.60", "hele dagen", "18.15-", "efter mødet"])
def test_what_is_no_time(text: str) -> None:
    with pytest.raises(Refusal, match="is not a time of day"):
        hours_of(text)
