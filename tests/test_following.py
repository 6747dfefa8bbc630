"""A follower's day, the weekday names it reads, and the order of bodies
that follow each other, with the rules a plan built in code meets too."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from aarshjul import PlanError, Recurrence, parse_plan, schedule
from aarshjul.following import Following, cycle, stages, weekday_number

from .schedules import D
from .test_scheduling_followers import FREDENSBORG


@pytest.mark.parametrize(("weeks", "weekday", "followed", "day"), [
    (-1, 0, D(2025, 12, 18), D(2025, 12, 8)),    # Thursday -> Monday the week before
    (-1, None, D(2025, 12, 18), D(2025, 12, 11)),  # the same weekday a week before
    (0, 4, D(2025, 12, 15), D(2025, 12, 19)),    # Monday -> Friday the same week
    (1, 0, D(2025, 12, 28), D(2025, 12, 29)),    # Sunday -> Monday the week after
    (-1, 6, D(2026, 1, 1), D(2025, 12, 28)),     # across the year, by ISO weeks
])
def test_weeks_count_iso_weeks(weeks: int, weekday: int | None, followed: dt.date,
                               day: dt.date) -> None:
    assert Following(body="b", weeks=weeks, weekday=weekday).day(followed) == day


def test_days_count_days_and_nothing_is_the_same_day() -> None:
    assert Following(body="b", days=-7).day(D(2025, 3, 3)) == D(2025, 2, 24)
    assert Following(body="b").day(D(2025, 3, 3)) == D(2025, 3, 3)


def test_weekday_names_in_both_languages() -> None:
    assert [weekday_number(n) for n in ("mandag", "Tirsdagen", "lordag", "SUNDAY",
                                        "fridays")] == [0, 1, 5, 6, 4]
    assert weekday_number("hverdag") is None


def test_the_model_refuses_what_no_follower_can_be() -> None:
    with pytest.raises(ValueError, match="not both"):
        Following(body="b", weeks=-1, days=-7)
    with pytest.raises(ValueError, match="-8 to 8"):
        Following(body="b", weeks=9)
    with pytest.raises(ValueError, match="-60 to 60"):
        Following(body="b", days=-61)
    with pytest.raises(ValueError, match="0 to 6"):
        Following(body="b", weekday=7)


def test_cycles_and_stages() -> None:
    assert cycle([("a", "b"), ("b", "c"), ("c", "a")]) == ["a", "b", "c", "a"]
    assert cycle([("a", "b"), ("c", "b")]) is None
    assert dict(stages([("a", "b"), ("c", "a"), ("d", "b")])) == {"a": 1, "c": 2, "d": 1}


def test_a_plan_built_in_code_is_held_to_the_same_rules() -> None:
    plan = parse_plan(FREDENSBORG)
    oek = plan.series[1]
    assert oek.follows == Following(body="byraad", weeks=-1, weekday=0)
    with_rule = attrs.evolve(plan, series=(plan.series[0], attrs.evolve(
        oek, recurrence=Recurrence(dates=(D(2025, 3, 3),)))))
    with pytest.raises(PlanError, match="conflicting-keys"):
        schedule(with_rule)
    looped = attrs.evolve(plan, series=(attrs.evolve(
        plan.series[0], recurrence=Recurrence(), follows=Following(body="oek")), oek))
    with pytest.raises(PlanError, match="bad-reference"):
        schedule(looped)
    unknown = attrs.evolve(plan, series=(plan.series[0], attrs.evolve(
        oek, follows=Following(body="okonomi"))))
    with pytest.raises(PlanError, match="unknown-reference"):
        schedule(unknown)
