"""A build's time: SOURCE_DATE_EPOCH for reproducible builds, else the clock."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul.errors import SourceError
from aarshjul.reproducible import build_time, source_date


def test_source_date_epoch() -> None:
    assert build_time({"SOURCE_DATE_EPOCH": "1735732800"}) == dt.datetime(
        2025, 1, 1, 12, tzinfo=dt.UTC)
    assert build_time({"SOURCE_DATE_EPOCH": " 0 "}) == dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


def test_without_it_the_clock_to_the_second() -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    now = build_time({})
    assert now.tzinfo is dt.UTC
    assert now.microsecond == 0
    assert before <= now <= dt.datetime.now(dt.UTC)
    assert build_time({"SOURCE_DATE_EPOCH": ""}).tzinfo is dt.UTC


@pytest.mark.parametrize("value", ["²", "-5", "1.5", "abc", "9" * 30])
def test_a_value_that_is_no_time_is_an_error_not_the_clock(value: str) -> None:
    with pytest.raises(SourceError) as raised:
        build_time({"SOURCE_DATE_EPOCH": value})
    assert raised.value.problems[0].code == "bad-source-date-epoch"
    assert raised.value.file == "SOURCE_DATE_EPOCH"


@pytest.mark.parametrize(("value", "day"), [("253402300799", "9999-12-31 23:59:59"),
                                            ("32503680000", "3000-01-01 00:00:00")])
def test_a_time_past_the_years_a_plan_may_cover_is_an_error(value: str, day: str) -> None:
    """9999-12-31 passed, and the build crashed finding the day in the
    plan's time zone."""
    with pytest.raises(SourceError) as raised:
        build_time({"SOURCE_DATE_EPOCH": value})
    (problem,) = raised.value.problems
    assert (problem.code, problem.file) == ("bad-source-date-epoch", "SOURCE_DATE_EPOCH")
    assert problem.message.startswith(f'"{value}" is {day} UTC, after the years aarshjul '
                                      "plans for (1900 to 2999)")


def test_the_last_second_of_2999_is_a_time() -> None:
    assert build_time({"SOURCE_DATE_EPOCH": "32503679999"}) == dt.datetime(
        2999, 12, 31, 23, 59, 59, tzinfo=dt.UTC)


def test_the_source_date_alone_is_none_where_it_is_not_set() -> None:
    """For what falls back on a moment of its own, not on the clock."""
    assert source_date({}) is None
    assert source_date({"SOURCE_DATE_EPOCH": " "}) is None
    assert source_date({"SOURCE_DATE_EPOCH": "1735732800"}) == dt.datetime(
        2025, 1, 1, 12, tzinfo=dt.UTC)
    with pytest.raises(SourceError):
        source_date({"SOURCE_DATE_EPOCH": "-5"})
