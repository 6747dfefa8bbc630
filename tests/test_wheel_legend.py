"""The legend beside the wheel: its rows fit the room, however many bodies."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul.model import Body, Plan
from aarshjul.vocabulary import Language, words
from aarshjul.wheel import fonts
from aarshjul.wheel.legend import KeyRow, Legend, LegendRow, fit_legend
from aarshjul.wheel.parts import ThemeArc

DA = words(Language.DA)
LONG = "Udvalget for meget lange navne nummer"


def plan_of(count: int, name: str = LONG) -> Plan:
    bodies = tuple(Body(id=f"b{n}", name=f"{name} {n}") for n in range(count))
    return Plan(title="Plan", id="p", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31),
                bodies=bodies)


def colors(plan: Plan) -> dict[str, str]:
    return {body.id: f"#00000{n % 10}" for n, body in enumerate(plan.bodies)}


def test_a_few_bodies_get_full_rows_and_the_key_stands_at_its_place() -> None:
    plan = plan_of(2, name="Udvalg")
    assert fit_legend(plan, colors(plan), [], DA) == Legend(
        bodies=(LegendRow("92", "#000000", "Udvalg 0", "Udvalg 0"),
                LegendRow("114", "#000001", "Udvalg 1", "Udvalg 1")),
        themes=(), key_y="800", font="13", columns=1, key=KEY_AT_800)


KEY_AT_800 = (KeyRow("planned", 822, "Møde"), KeyRow("cancelled", 844, "Aflyst"),
              KeyRow("moved", 866, "Flyttet"), KeyRow("closed", 888, "Lukket periode"),
              KeyRow("holiday", 910, "Helligdag"), KeyRow("today", 932, "I dag"))


def test_the_key_names_the_thread_of_a_route_where_the_wheel_has_one() -> None:
    plan = plan_of(2, name="Udvalg")
    legend = fit_legend(plan, colors(plan), [], DA, threads=True)
    assert legend.key == (*KEY_AT_800, KeyRow("thread", 822, "Sagsforløb"))


def test_themes_follow_the_bodies_after_a_gap_for_their_heading() -> None:
    plan = plan_of(2, name="Udvalg")
    theme = ThemeArc("Budget", "#e69f00", (), "Budget: 1. januar 2025 – 31. marts 2025")
    legend = fit_legend(plan, colors(plan), [theme], DA)
    # The bodies' rows at 92 and 114; the heading 1.8 steps below the last;
    # the theme's row a step below the heading.
    assert legend.themes_y == "153.6"
    assert legend.themes == (
        LegendRow("175.6", "#e69f00", "Budget", "Budget: 1. januar 2025 – 31. marts 2025"),)
    assert legend.key_y == "800"


@pytest.mark.parametrize("bodies", [2, 40, 100])
def test_the_themes_heading_never_meets_a_row(bodies: int) -> None:
    plan = plan_of(bodies, name="Udvalg")
    themes = [ThemeArc(f"Tema {n}", "#e69f00", (), f"Tema {n}") for n in range(30)]
    legend = fit_legend(plan, colors(plan), themes, DA)
    font = float(legend.font)
    heading = float(legend.themes_y)
    last_body = max(float(row.y) for row in legend.bodies)
    first_theme = min(float(row.y) for row in legend.themes)
    assert heading - 15 * 0.75 > last_body + 0.25 * font  # the heading's capitals, above
    assert first_theme - 0.75 * font > heading + 0.25 * 15  # the heading's descenders
    assert max(float(row.y) for row in legend.themes) < float(legend.key_y) - 15


def test_long_names_are_whole_and_the_text_smaller_to_fit_the_column() -> None:
    plan = plan_of(3, name=LONG + " og lidt mere end det")
    legend = fit_legend(plan, colors(plan), [], DA)
    assert [row.label for row in legend.bodies] == [f"{LONG} og lidt mere end det {n}"
                                                   for n in range(3)]
    font = float(legend.font)
    assert 7 < font < 13
    assert fonts.width(legend.bodies[0].label, font) <= 1414 - 1010 - 28
    # A name of a hundred letters and more is cut at the smallest size.
    absurd = plan_of(1, name=LONG * 4)
    (row,) = fit_legend(absurd, colors(absurd), [], DA).bodies
    assert row.label.endswith("…")
    assert row.title == f"{LONG * 4} 0"


def test_sixty_bodies_close_up_in_one_column() -> None:
    plan = plan_of(60)
    legend = fit_legend(plan, colors(plan), [], DA)
    assert (legend.columns, legend.font) == (1, "7.4")
    step = 740 / 62  # the room between title and key, for 60 rows and two more
    assert [row.y for row in legend.bodies[:2]] == ["81.94", "93.87"]
    assert legend.bodies[-1].y == f"{70 + 60 * step:.2f}"
    assert float(legend.bodies[-1].y) < 800 - 7.4
    assert legend.key_y == "810"  # pushed below the last row's step


def test_seventy_bodies_take_two_columns_with_smaller_text() -> None:
    plan = plan_of(70)
    legend = fit_legend(plan, colors(plan), [], DA)
    assert legend.columns == 2
    assert float(legend.font) < 12.4  # the step allows 12.4; the names want less
    # Rows of two: the first pair side by side, then the next a step below.
    assert [row.y for row in legend.bodies[:4]] == ["90", "90", "110", "110"]
    assert legend.bodies[-1].y == "770"
    assert {row.label for row in legend.bodies[:10]} == {f"{LONG} {n}" for n in range(10)}


def test_a_plan_without_bodies_still_has_a_key() -> None:
    legend = fit_legend(plan_of(0), {}, [], DA)
    assert legend == Legend((), (), "800", "13", 1, KEY_AT_800)
