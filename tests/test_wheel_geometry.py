"""Where things stand on the wheel: a day's angle, the paths of sectors,
and coordinates written the same on every machine."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from aarshjul.wheel.geometry import (
    BODIES_IN,
    BODIES_OUT,
    CX,
    CY,
    MONTHS_IN,
    RIM,
    THEMES_IN,
    WEEKS_IN,
    Span,
    busiest,
    number,
    point,
    runs,
    sector,
    spans,
)

D = dt.date
YEAR = Span(2025)
angle = YEAR.angle
arc = YEAR.arc


def test_january_is_at_the_top_and_the_year_runs_clockwise() -> None:
    assert angle(dt.date(2025, 1, 1), noon=False) == 0
    assert 1.5 < angle(dt.date(2025, 4, 1)) < 1.6  # a quarter turn: to the right
    assert 3.1 < angle(dt.date(2025, 7, 2)) < 3.2  # half way: at the bottom


def test_a_day_s_angle_is_its_middle_unless_its_start_is_asked_for() -> None:
    assert angle(D(2025, 1, 1)) == pytest.approx(math.pi / 365)
    assert angle(D(2025, 7, 2)) == pytest.approx(math.pi)  # the 183rd of 365 days
    assert angle(D(2025, 7, 2), noon=False) == pytest.approx(2 * math.pi * 182 / 365)


def test_a_leap_year_shares_the_circle_among_366_days() -> None:
    leap = Span(2024)
    assert leap.angle(D(2024, 12, 31)) == pytest.approx(2 * math.pi * 365.5 / 366)
    assert leap.angle(D(2024, 3, 1), noon=False) == pytest.approx(2 * math.pi * 60 / 366)
    # a school year with a 29 February in it
    assert Span(2023, 8).angle(D(2024, 3, 1), noon=False) == pytest.approx(
        2 * math.pi * 213 / 366)


def test_a_school_year_starts_with_august_at_the_top() -> None:
    school = Span(2017, 8)
    assert (school.first, school.last, school.end) == (D(2017, 8, 1), D(2018, 7, 31),
                                                        D(2018, 8, 1))
    assert school.angle(D(2017, 8, 1), noon=False) == 0
    assert school.angle(D(2018, 2, 1), noon=False) == pytest.approx(2 * math.pi * 184 / 365)
    assert school.months()[:6:5] == [D(2017, 8, 1), D(2018, 1, 1)]
    assert school.months()[-1] == D(2018, 7, 1)
    assert (school.label, school.slug) == ("2017/18", "2017-18")
    assert (Span(1999, 8).label, Span(2025).label, Span(2025).slug) == ("1999/00", "2025",
                                                                       "2025")
    assert D(2017, 7, 31) not in school
    assert D(2018, 7, 31) in school
    assert D(2018, 8, 1) not in school


def test_the_spans_of_a_plan_are_those_that_hold_a_day_of_it() -> None:
    assert spans(D(2024, 12, 1), D(2025, 12, 31), 1) == [Span(2024), Span(2025)]
    assert spans(D(2024, 12, 1), D(2025, 12, 31), 8) == [Span(2024, 8), Span(2025, 8)]
    assert spans(D(2017, 8, 1), D(2018, 7, 31), 8) == [Span(2017, 8)]
    assert spans(D(2017, 7, 31), D(2018, 8, 1), 8) == [Span(2016, 8), Span(2017, 8),
                                                       Span(2018, 8)]


def test_the_busiest_span_holds_the_most_days_and_of_equals_the_first() -> None:
    candidates = [Span(2024, 8), Span(2025, 8)]
    assert busiest(candidates, [D(2025, 7, 31), D(2025, 8, 1), D(2026, 7, 31)]) == Span(2025, 8)
    assert busiest(candidates, [D(2025, 7, 31), D(2025, 8, 1)]) == Span(2024, 8)
    assert busiest(candidates, []) == Span(2024, 8)


def test_points_are_measured_from_the_centre_clockwise_from_the_top() -> None:
    assert point(100, 0) == (CX, CY - 100)
    assert point(100, math.pi / 2) == pytest.approx((CX + 100, CY))
    assert point(100, math.pi) == pytest.approx((CX, CY + 100))
    assert point(100, 3 * math.pi / 2) == pytest.approx((CX - 100, CY))


@pytest.mark.parametrize(("value", "text"), [
    (3.0, "3"), (2.5, "2.5"), (-1.25, "-1.25"), (12.345678, "12.35"), (499.999, "500"),
    (-0.001, "0"), (1e-9, "0"), (0.0, "0"),
])
def test_numbers_have_two_decimals_at_the_most_and_no_negative_zero(value: float,
                                                                     text: str) -> None:
    assert number(value) == text


def test_a_quarter_sector() -> None:
    """Outer arc clockwise, a line in, the inner arc back."""
    assert sector(10, 20, 0, math.pi / 2) == (
        "M500 480A20 20 0 0 1 520 500L510 500A10 10 0 0 0 500 490Z")


def test_a_sector_of_more_than_half_a_turn_takes_the_large_arc() -> None:
    assert sector(10, 20, 0, 3 * math.pi / 2) == (
        "M500 480A20 20 0 1 1 480 500L490 500A10 10 0 1 0 500 490Z")


def test_a_whole_ring_is_two_halves() -> None:
    """An SVG arc from a point to the same point draws nothing."""
    assert sector(10, 20, 0, 2 * math.pi) == (
        "M500 480A20 20 0 0 1 500 520L500 510A10 10 0 0 0 500 490Z "
        "M500 520A20 20 0 0 1 500 480L500 490A10 10 0 0 0 500 510Z")


def test_an_arc_runs_from_the_first_day_s_start_to_the_last_day_s_end() -> None:
    assert arc(D(2025, 1, 1), D(2025, 1, 1)) == (0, pytest.approx(2 * math.pi / 365))
    assert arc(D(2025, 2, 1), D(2025, 2, 28)) == (
        pytest.approx(2 * math.pi * 31 / 365), pytest.approx(2 * math.pi * 59 / 365))


def test_an_arc_to_the_year_s_last_day_ends_a_full_turn_round_not_at_the_top() -> None:
    assert arc(D(2025, 12, 31), D(2025, 12, 31)) == (
        pytest.approx(2 * math.pi * 364 / 365), 2 * math.pi)
    assert Span(2024).arc(D(2024, 1, 1), D(2024, 12, 31)) == (0, 2 * math.pi)
    assert Span(2017, 8).arc(D(2018, 7, 31), D(2018, 7, 31))[1] == 2 * math.pi


def test_the_days_of_a_span() -> None:
    days = YEAR.days()
    assert (len(days), days[0], days[-1]) == (365, D(2025, 1, 1), D(2025, 12, 31))
    assert len(Span(2024).days()) == 366
    assert D(2024, 2, 29) in Span(2024).days()
    school = Span(2023, 8).days()
    assert (len(school), school[0], school[-1]) == (366, D(2023, 8, 1), D(2024, 7, 31))


def test_a_meeting_s_days_are_clipped_to_the_span() -> None:
    assert Span(2025).clip(D(2024, 12, 30), D(2025, 1, 2)) == (D(2025, 1, 1), D(2025, 1, 2))
    assert Span(2024).clip(D(2024, 12, 30), D(2025, 1, 2)) == (D(2024, 12, 30),
                                                               D(2024, 12, 31))


def test_runs_of_consecutive_days_in_any_order_and_repeated() -> None:
    days = [D(2025, 3, 3), D(2025, 2, 28), D(2025, 3, 1), D(2025, 3, 2), D(2025, 3, 2),
            D(2025, 3, 5), D(2025, 12, 31), D(2026, 1, 1)]
    assert runs(days) == [(D(2025, 2, 28), D(2025, 3, 3)), (D(2025, 3, 5), D(2025, 3, 5)),
                          (D(2025, 12, 31), D(2026, 1, 1))]
    assert runs([]) == []


def test_the_bands_nest_from_the_rim_inwards() -> None:
    assert BODIES_IN < BODIES_OUT < THEMES_IN < WEEKS_IN < MONTHS_IN < RIM < min(CX, CY)
