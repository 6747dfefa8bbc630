"""A build's time: SOURCE_DATE_EPOCH for reproducible builds, else the clock."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul.errors import SourceError
from aarshjul.reproducible import build_time


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
