"""The legend beside the wheel: its rows fit the room, however many bodies."""

from __future__ import annotations

import datetime as dt

from aarshjul.model import Body, Plan
from aarshjul.vocabulary import Language, words
from aarshjul.wheel.legend import Legend, LegendRow, fit_legend
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
        themes=(), key_y="800", font="13", columns=1)


def test_themes_follow_the_bodies_after_a_gap_for_their_heading() -> None:
    plan = plan_of(2, name="Udvalg")
    theme = ThemeArc("Budget", "#e69f00", (), "Budget: 1. januar 2025 – 31. marts 2025")
    legend = fit_legend(plan, colors(plan), [theme], DA)
    assert legend.themes == (
        LegendRow("180", "#e69f00", "Budget", "Budget: 1. januar 2025 – 31. marts 2025"),)
    assert legend.key_y == "800"


def test_long_names_are_cut_and_kept_whole_in_the_title() -> None:
    plan = plan_of(3)
    rows = fit_legend(plan, colors(plan), [], DA).bodies
    assert [row.label for row in rows] == ["Udvalget for meget lange navne nu…"] * 3
    assert rows[2].title == f"{LONG} 2"


def test_sixty_bodies_close_up_in_one_column() -> None:
    plan = plan_of(60)
    legend = fit_legend(plan, colors(plan), [], DA)
    assert (legend.columns, legend.font) == (1, "7.4")
    step = 740 / 62  # the room between title and key, for 60 rows and two more
    assert [row.y for row in legend.bodies[:2]] == ["81.94", "93.87"]
    assert legend.bodies[-1].y == f"{70 + 60 * step:.2f}"
    assert float(legend.bodies[-1].y) < 800 - 7.4
    assert legend.key_y == "810"  # pushed below the last row's step


def test_seventy_bodies_take_two_columns_with_shorter_labels() -> None:
    plan = plan_of(70)
    legend = fit_legend(plan, colors(plan), [], DA)
    assert (legend.columns, legend.font) == (2, "12.4")
    # Rows of two: the first pair side by side, then the next a step below.
    assert [row.y for row in legend.bodies[:4]] == ["90", "90", "110", "110"]
    assert legend.bodies[-1].y == "770"
    assert {row.label for row in legend.bodies} == {"Udvalget for me…"}


def test_a_plan_without_bodies_still_has_a_key() -> None:
    legend = fit_legend(plan_of(0), {}, [], DA)
    assert legend == Legend((), (), "800", "13", 1)
