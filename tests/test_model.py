"""The model's values: keyword-only, their invariants checked when they are
made, and each knowing where it was written."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import attrs
import pytest

from aarshjul import load_plan, read_plan
from aarshjul.choices import Status
from aarshjul.clock import ClockTime, Minutes
from aarshjul.model import (
    Body,
    Case,
    Closed,
    Item,
    Meeting,
    MeetingChange,
    Plan,
    Recurrence,
    Series,
    Theme,
    nearest_dates,
)
from aarshjul.recurrence.rule import Rule

from .plans import EXAMPLE, agendas_of, plan_text

D = dt.date
T = ClockTime.parse
WEDNESDAYS = Recurrence(rule=Rule.parse("FREQ=WEEKLY;BYDAY=WE"))


def test_every_value_is_made_by_keyword() -> None:
    with pytest.raises(TypeError):
        Body("sbu", "Udvalget")  # type: ignore[misc]
    assert Body(id="sbu", name="Udvalget").kind == ""


def test_a_series_ends_at_its_end_or_after_its_minutes() -> None:
    by_end = Series(body="sbu", recurrence=WEDNESDAYS, start=T("18:15"), end=T("19:45"))
    by_minutes = attrs.evolve(by_end, end=None, minutes=Minutes(90))
    assert by_end.ends_at == by_minutes.ends_at == T("19:45")
    # A start alone lasts the body's or the plan's minutes, which scheduling
    # writes in (test_start_times.py); until then it has no end.
    start_only = Series(body="sbu", recurrence=WEDNESDAYS, start=T("18:15"))
    with pytest.raises(ValueError, match="start only"):
        _ = start_only.ends_at
    # Both is the validation pass's to report, located at the table that
    # gives both, for a file and for code alike (test_plan_validate.py).
    assert attrs.evolve(by_end, minutes=Minutes(30)).ends_at == T("19:45")


def test_a_recurrence_is_a_rule_or_dates() -> None:
    assert Recurrence(dates=(D(2025, 1, 15),)).rule is None
    with pytest.raises(ValueError, match="a rule or dates, not both"):
        Recurrence(rule=WEDNESDAYS.rule, dates=(D(2025, 1, 15),))


@pytest.mark.parametrize("make", [
    lambda: Closed(name="Uge 54", weeks=frozenset({54})),
    lambda: Theme(id="t", name="Budget", months=(13,)),
    lambda: Case(title="Sag", body="sbu", months=(0,)),
    lambda: Item(title="Punkt", minutes=Minutes(-5)),
    lambda: Body(id="sbu", name="Udvalget", agenda_deadline=-1),
])
def test_a_value_out_of_its_range_is_never_made(make: object) -> None:
    with pytest.raises(ValueError, match=r"must be|must be >="):
        make()  # type: ignore[operator]


@pytest.mark.parametrize("make", [
    lambda: Plan(title="P", id="p", start=D(2025, 1, 1), end=D(2025, 12, 31),
                 language="sv"),
    lambda: Series(body="sbu", recurrence=WEDNESDAYS, start=T("18:15"), end=T("19:45"),
                   on_holiday="move"),
    lambda: MeetingChange(body="sbu", date=D(2025, 1, 15), status="aflyst"),
    lambda: Item(title="Punkt", at="middle"),
])
def test_a_choice_is_one_of_its_kind_never_a_bare_string(make: object) -> None:
    """A string would be taken for a choice nobody made (no holiday moves
    a meeting, no status is cancelled), or fail a writer far away."""
    with pytest.raises(TypeError, match="must be <enum"):
        make()  # type: ignore[operator]


# Each limit: a table that holds a number at it, and the model built with it.
LIMITS: dict[str, tuple[str, Callable[[int], object], int, int]] = {
    "agenda deadline": ('[[body]]\nid = "x"\nname = "x"\nagenda_deadline = {}\n',
                        lambda n: Body(id="x", name="x", agenda_deadline=n), 0, 365),
    "item minutes": ('[[template]]\nid = "t"\n[[template.item]]\ntitle = "x"\n'
                     "minutes = {}\n", lambda n: Item(title="x", minutes=Minutes(n)), 0,
                     24 * 60),
    "case minutes": ('[[case]]\ntitle = "x"\nbody = "sbu"\nmonth = 1\nminutes = {}\n',
                     lambda n: Case(title="x", body="sbu", months=(1,), minutes=Minutes(n)),
                     0, 24 * 60),
    "closed weeks": ('[[closed]]\nname = "x"\nweeks = [{}]\n',
                     lambda n: Closed(name="x", weeks=frozenset({n})), 1, 53),
    "theme months": ('[[theme]]\nid = "t"\nname = "x"\nmonths = [{}]\n',
                     lambda n: Theme(id="t", name="x", months=(n,)), 1, 12),
}


@pytest.mark.parametrize("name", LIMITS)
def test_a_limit_is_the_same_in_a_file_and_in_code(name: str) -> None:
    fragment, make, low, high = LIMITS[name]
    for inside in (low, high):
        _, problems = read_plan(plan_text(fragment.format(inside)), source="x.toml")
        assert [p for p in problems if p.code == "bad-value"] == []
        make(inside)
    for outside in (low - 1, high + 1):
        _, problems = read_plan(plan_text(fragment.format(outside)), source="x.toml")
        assert [p.message.rsplit(": ", 1)[1] for p in problems if p.code == "bad-value"] == [
            f"{outside} is out of range ({low} to {high})"]
        with pytest.raises(ValueError, match=f"must be {low} to {high}"):
            make(outside)


def test_a_closed_period_by_dates_or_weeks_and_for_whom() -> None:
    winter = Closed(name="Vinterferie", weeks=frozenset({7}), bodies=frozenset({"sbu"}))
    assert winter.contains(D(2025, 2, 12))
    assert not winter.contains(D(2025, 2, 19))
    assert winter.applies_to("sbu")
    assert not winter.applies_to("rm")
    assert winter.applies_to(None)
    summer = Closed(name="Sommer", from_date=D(2025, 7, 1), to_date=D(2025, 7, 31))
    assert summer.contains(D(2025, 7, 31))
    assert not summer.contains(D(2025, 8, 1))
    assert summer.applies_to("rm")


def test_a_plan_finds_its_bodies_and_templates() -> None:
    plan = Plan(title="P", id="p", start=D(2025, 1, 1), end=D(2025, 12, 31),
                bodies=(Body(id="sbu", name="Udvalget"),))
    assert plan.body("sbu").name == "Udvalget"
    with pytest.raises(KeyError):
        plan.body("rm")
    with pytest.raises(KeyError):
        plan.template("t")


def test_a_meeting_lasts_from_its_start_to_its_end() -> None:
    moved = Meeting(uid="u", body="sbu", title="U", date=D(2025, 2, 19), start=T("18:15"),
                    end=T("19:45"), original_date=D(2025, 2, 12))
    assert moved.minutes == 90


def test_the_nearest_planned_meetings_before_and_after_a_day() -> None:
    meetings = agendas_of(load_plan(EXAMPLE)).meetings
    assert nearest_dates(meetings, "sbu", D(2025, 1, 20)) == (D(2025, 1, 15), D(2025, 1, 29))
    cancelled = [attrs.evolve(m, status=Status.CANCELLED) if m.date == D(2025, 1, 29) else m
                 for m in meetings]
    assert nearest_dates(cancelled, "sbu", D(2025, 1, 20))[1] > D(2025, 1, 29)
    assert nearest_dates(meetings, "nobody", D(2025, 1, 20)) == ()
