"""The rules for spans of days and of time, as the validation pass and
scheduling ask them."""

from __future__ import annotations

import datetime as dt

import attrs

from aarshjul.clock import ClockTime
from aarshjul.model import Where
from aarshjul.plan.spans import check_span, check_times


def test_a_value_the_reader_could_not_read_is_left_alone() -> None:
    where = Where(file="x.toml", line=1, label="[[series]] #1", key="series[1]",
                  lines={"from": 2, "to": 3, "start": 4, "end": 5})
    backwards = (dt.date(2025, 3, 1), dt.date(2025, 2, 1))
    late, early = ClockTime.parse("18:00"), ClockTime.parse("17:00")
    problem = check_span(where, *backwards)
    assert problem is not None
    assert (problem.line, problem.key) == (3, "series[1].to")
    problem = check_times(where, late, end=early)
    assert problem is not None
    assert (problem.line, problem.key) == (5, "series[1].end")
    unread = attrs.evolve(where, unread=frozenset({"from", "start"}))
    assert check_span(unread, *backwards) is None
    assert check_times(unread, late, end=early) is None
    assert check_times(unread, late, minutes=0) is not None  # the length was read
