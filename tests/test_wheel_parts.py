"""The parts of the wheel, each computed on its own: rings and marks, theme
arcs, shades, month and week labels, the line of a day."""

from __future__ import annotations

import datetime as dt
import itertools
import math

import pytest

from aarshjul.model import Body, Closed, Plan, Theme
from aarshjul.scheduling.calendar import WorkCalendar
from aarshjul.vocabulary import Language, words
from aarshjul.wheel.geometry import Sector, Span, number, point, sector
from aarshjul.wheel.parts import (
    PALETTE,
    Label,
    body_colors,
    elide,
    month_labels,
    month_separators,
    rings,
    shades,
    theme_arcs,
    today_line,
    week_labels,
)

from .plans import agendas_of, make_plan

D = dt.date
DA = Language.DA
YEAR = (D(2025, 1, 1), D(2025, 12, 31))


def plan_of(*bodies: Body, themes: tuple[Theme, ...] = (), closed: tuple[Closed, ...] = (),
            start: dt.date = YEAR[0], end: dt.date = YEAR[1]) -> Plan:
    return Plan(title="Plan", id="p", start=start, end=end,
                bodies=bodies, themes=themes, closed=closed)


TWO = (Body(id="a", name="Udvalg A"), Body(id="b", name="Udvalg B"))


def test_bodies_take_their_own_colour_or_the_next_of_the_palette() -> None:
    plan = plan_of(*(Body(id=f"b{n}", name=f"B{n}", color="#123456" if n == 1 else None)
                     for n in range(22)))
    colors = body_colors(plan)
    assert list(colors) == [f"b{n}" for n in range(22)]
    assert colors["b0"] == PALETTE[0]
    assert colors["b1"] == "#123456"
    assert colors["b2"] == PALETTE[2]  # the palette goes by the body's place, not by turns
    assert len({colors[f"b{n}"] for n in range(20)}) == 20  # twenty bodies, twenty colours
    assert colors["b20"] == PALETTE[0]  # and starts again after twenty
    assert colors["b21"] == PALETTE[1]


# Machado, Oliveira and Fernandes (2009): linear RGB as each deficiency sees
# it, at full severity.
DEFICIENCIES = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}


def _lab(colour: str, seen_by: str | None) -> tuple[float, float, float]:
    """CIELAB (D65) of ``#rrggbb`` as a viewer with ``seen_by`` sees it."""
    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    rgb = [linear(int(colour[i:i + 2], 16)) for i in (1, 3, 5)]
    if seen_by is not None:
        rgb = [min(max(sum(m * c for m, c in zip(row, rgb, strict=True)), 0.0), 1.0)
               for row in DEFICIENCIES[seen_by]]
    r, g, b = rgb
    xyz = (0.4124 * r + 0.3576 * g + 0.1805 * b, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           0.0193 * r + 0.1192 * g + 0.9505 * b)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 216 / 24389 else (24389 / 27 * t + 16) / 116

    fx, fy, fz = (f(v / white) for v, white in zip(xyz, (0.95047, 1.0, 1.08883), strict=True))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


RING = "#eef1f4"  # the darker of the rings' two greys


def _contrast(colour: str, background: str) -> float:
    """WCAG's contrast ratio of two colours."""
    lighter, darker = sorted((_lab(colour, None)[0], _lab(background, None)[0]), reverse=True)

    def luminance(lightness: float) -> float:  # CIE L* back to relative luminance
        return ((lightness + 16) / 116) ** 3 if lightness > 8 else lightness / (24389 / 27)

    return (luminance(lighter) + 0.05) / (luminance(darker) + 0.05)


def _apart(one: str, other: str) -> float:
    """How far apart two colours are (CIE76 ΔE) for the viewer who sees them
    closest: normal vision or one of the three deficiencies."""
    return min(math.dist(_lab(one, seen_by), _lab(other, seen_by))
               for seen_by in (None, *DEFICIENCIES))


def test_twenty_bodies_can_be_told_apart_with_each_colour_vision_deficiency() -> None:
    assert len(set(PALETTE)) == len(PALETTE) == 20
    # Any two at least 8 apart, as every simulated viewer sees them (two
    # patches side by side are told apart); neighbouring rings, 15.
    assert min(_apart(a, b) for a, b in itertools.combinations(PALETTE, 2)) >= 8
    assert min(_apart(a, b) for a, b in itertools.pairwise(PALETTE)) >= 15
    # And each shows on the rings' light grey: none paler than Okabe and
    # Ito's orange (a pale sand, 1.5:1, was a white disc on a white ring).
    assert min(_contrast(colour, RING) for colour in PALETTE) >= 1.9
    assert _contrast("#ddcc77", RING) < 1.9
    # Okabe and Ito's orange and the darkened yellow this replaced: one
    # colour to a tritanope.
    assert _apart("#e69f00", "#b8a200") < 3


def test_elide_keeps_short_text_and_cuts_long_text_to_its_length() -> None:
    assert elide("Budget", 10) == "Budget"
    assert elide("  Budget \n 2026 ", 20) == "Budget 2026"
    assert elide("Budget 2026", 11) == "Budget 2026"
    assert elide("Budget 2026", 10) == "Budget 20…"
    assert elide("Budget 2026", 8) == "Budget…"  # no space before the ellipsis


def test_each_month_is_named_along_the_rim_and_upright_at_the_bottom() -> None:
    labels = month_labels(Span(2025), DA)
    assert [label.text for label in labels] == [
        "Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli", "August",
        "September", "Oktober", "November", "December"]
    assert labels[0] == Label("623", "50.01", "Januar", "15.29")  # top, right of centre
    # July stands at the bottom: turned half round, so it is not upside down.
    assert labels[6] == Label("388.66", "953.02", "Juli", "13.81")
    assert labels[11].rotate == "344.71"
    assert [label.text for label in month_labels(Span(2025), Language.EN)][:2] == [
        "January", "February"]


def test_week_numbers_skip_a_sliver_of_a_week_at_the_year_s_turn() -> None:
    # 1-2 January 2022 are week 52 of 2021: two days, no room for a label.
    labels = week_labels(Span(2022))
    assert [label.text for label in labels] == [str(n) for n in range(1, 53)]
    # 1-3 January 2027 are week 53 of 2026: three days get their label.
    assert [label.text for label in week_labels(Span(2027))][:2] == ["53", "1"]
    # 29-31 December 2025 are week 1 of 2026.
    texts = [label.text for label in week_labels(Span(2025))]
    assert (texts[0], texts[-2], texts[-1], len(texts)) == ("1", "52", "1", 53)


def test_week_labels_stand_in_the_weeks_band_at_the_middle_of_their_days() -> None:
    first = week_labels(Span(2022))[0]  # Monday 3 to Sunday 9 January: the 6th is the middle
    x, y = point((418 + 448) / 2, 2 * 3.141592653589793 * 5.5 / 365)
    assert (first.x, first.y) == (number(x), number(y))


def test_a_line_across_the_rings_at_each_month_s_start() -> None:
    lines = month_separators(Span(2025))
    assert len(lines) == 12
    assert lines[0] == ("500", "370", "500", "15")  # 1 January: straight up
    assert lines[3] == ("629.97", "497.2", "984.89", "489.56")  # 1 April: a bit short of 90°


def test_the_line_of_a_day_and_its_words() -> None:
    assert today_line(D(2025, 7, 2), Span(2025), DA) == {  # the middle of the year: straight down
        "x0": "500", "y0": "624", "x1": "500", "y1": "987", "lx": "500", "ly": "994",
        "label": "I dag", "title": "I dag: onsdag den 2. juli 2025"}
    english = today_line(D(2025, 7, 2), Span(2025), Language.EN)
    assert (english["label"], english["title"]) == ("Today", "Today: Wednesday 2 July 2025")


THEMES = (Theme(id="t", name="Budget", months=(1, 2, 3)),
          Theme(id="s", name="Sommer",
                color="#123456", from_date=D(2025, 6, 1), to_date=D(2025, 8, 31)),
          Theme(id="n", name="Hele året"))


def test_a_theme_is_an_arc_in_its_own_lane_titled_with_its_days() -> None:
    arcs = theme_arcs(plan_of(*TWO, themes=THEMES), Span(2025), DA)
    assert [(a.name, a.color, a.title, len(a.paths)) for a in arcs] == [
        ("Budget", PALETTE[3], "Budget: 1. januar 2025 – 31. marts 2025", 1),
        ("Sommer", "#123456", "Sommer: 1. juni 2025 – 31. august 2025", 1),
        ("Hele året", PALETTE[5], "Hele året: 1. januar 2025 – 31. december 2025", 1),
    ]
    # The first lane outermost, just inside the weeks' band; the whole year a whole ring.
    assert str(arcs[0].paths[0]).startswith("M500 86A414 414 0 0 1 ")
    assert str(arcs[2].paths[0]).count("M") == 2


def test_a_theme_shows_only_the_days_the_plan_covers() -> None:
    plan = plan_of(*TWO, themes=THEMES[:1], start=D(2025, 3, 1), end=D(2026, 1, 31))
    (only,) = theme_arcs(plan, Span(2025), DA)
    assert only.title == "Budget: 1. marts 2025 – 31. marts 2025"
    (next_year,) = theme_arcs(plan, Span(2026), DA)
    assert next_year.title == "Budget: 1. januar 2026 – 31. januar 2026"
    (none,) = theme_arcs(plan_of(*TWO, themes=(Theme(id="x", name="Ingen", months=(5,)),),
                                 end=D(2025, 3, 31)), Span(2025), DA)
    assert (none.paths, none.title) == ((), "Ingen")


def test_a_plan_without_themes_has_no_arcs() -> None:
    assert theme_arcs(plan_of(*TWO), Span(2025), DA) == []


def test_closed_periods_and_holidays_are_shaded_within_the_plan() -> None:
    closed = (Closed(name="Vinterpause", weeks=frozenset({7}), bodies=frozenset({"b"})),
              Closed(name="Jul", from_date=D(2025, 12, 22), to_date=D(2026, 1, 4)))
    plan = plan_of(*TWO, closed=closed)
    calendar = WorkCalendar({D(2024, 12, 25): "Juledag", D(2025, 6, 5): "Grundlovsdag",
                             D(2026, 1, 1): "Nytårsdag"}, closed)
    found = shades(plan, calendar, Span(2025), DA)
    assert [(s.kind, s.title) for s in found] == [
        ("closed", "Vinterpause: 10. februar 2025 – 16. februar 2025"),
        ("closed", "Jul: 22. december 2025 – 31. december 2025"),  # the plan ends there
        ("holiday", "Grundlovsdag: 5. juni 2025"),
    ]
    whole_day = 2 * 3.141592653589793 / 365
    assert (found[2].kind, found[2].title) == ("holiday", "Grundlovsdag: 5. juni 2025")
    assert found[2].path == Sector(130, 374, pytest.approx(155 * whole_day),
                                   pytest.approx(156 * whole_day))


def test_a_period_for_some_bodies_shades_only_their_rings() -> None:
    closed = (Closed(name="Pause", from_date=D(2025, 3, 3), to_date=D(2025, 3, 3),
                     bodies=frozenset({"b"})),)
    plan = plan_of(*TWO, Body(id="c", name="Udvalg C"), closed=closed)
    (shade,) = shades(plan, WorkCalendar({}, closed), Span(2025), DA)
    # Three rings share 130 to 374: "b", the second, has 211.33 to 292.67.
    day = Span(2025).arc(D(2025, 3, 3), D(2025, 3, 3))
    assert str(shade.path) == sector(374 - 2 * 244 / 3, 374 - 244 / 3, *day)
    assert "A292.67 292.67 0 0 1 " in str(shade.path)
    assert "A211.33 211.33 0 0 0 " in str(shade.path)
    assert shade.title == "Pause: 3. marts 2025"


COMMITTEE = '''
[[theme]]
id = "budget"
name = "Budget"
months = [1]

[[series]]
body = "sbu"
dates = [2025-01-15, 2025-02-12, 2025-03-12]
start = "18:15"
end = "19:45"
template = "t"

[[series]]
body = "rm"
dates = [2025-01-07]
start = "10:00"
end = "11:00"
title = "Formøde"

[[meeting]]
body = "sbu"
date = 2025-02-12
moved_to = 2025-02-19

[[meeting]]
body = "sbu"
date = 2025-03-12
status = "cancelled"

[[template]]
id = "t"
''' + "".join(f'''
[[template.item]]
title = "Punkt {n}"
minutes = 5
''' for n in range(1, 5)) + '''
[[case]]
title = "Budget 2026: første behandling af forslaget, med høringssvar fra alle råd og nævn"
body = "sbu"
date = 2025-01-15
theme = "budget"
minutes = 20
'''


def test_a_ring_for_each_body_with_a_mark_for_each_meeting() -> None:
    plan = make_plan(COMMITTEE)
    agendas = agendas_of(plan)
    drawn = rings(plan, agendas, agendas.meetings, span=Span(2025),
                  colors={"sbu": "#111111", "rm": "#222222"}, words=words(DA),
                  link=lambda m: f"{m.body}/{m.date}.html")
    assert [(r.id, r.name, r.color) for r in drawn] == [
        ("sbu", "Social- og Beskæftigelsesudvalget", "#111111"),
        ("rm", "Rådmandsmøde", "#222222")]
    # Two rings share the bodies' band, the first outermost.
    assert str(drawn[0].path) == sector(252, 374, 0, 2 * 3.141592653589793)
    assert str(drawn[1].path) == sector(130, 252, 0, 2 * 3.141592653589793)
    assert [r.radius for r in drawn] == ["7", "7"]
    sbu = drawn[0].marks
    assert [(m.kind, m.href) for m in sbu] == [
        ("planned", "sbu/2025-01-15.html"), ("moved", "sbu/2025-02-19.html"),
        ("cancelled", "sbu/2025-03-12.html")]
    x, y = point(313, 2 * 3.141592653589793 * 14.5 / 365)
    assert (sbu[0].x, sbu[0].y) == (number(x), number(y))
    # A case with a theme is the headline; a long title is cut short.
    assert sbu[0].title == (
        "onsdag den 15. januar 2025, 18:15–19:45 · Social- og Beskæftigelsesudvalget · "
        "Budget 2026: første behandling af forslaget, med høringssva… (5 punkter)")
    # Without a case, the first three items; moved and cancelled say so.
    assert sbu[1].title == (
        "onsdag den 19. februar 2025, 18:15–19:45 · Social- og Beskæftigelsesudvalget · "
        "flyttet fra 12. februar 2025 · Punkt 1; Punkt 2; Punkt 3 (4 punkter)")
    assert sbu[2].title.startswith("AFLYST · onsdag den 12. marts 2025, 18:15–19:45 · ")
    # A meeting titled other than its body says both; no agenda items, no headline.
    (formoede,) = drawn[1].marks
    assert formoede.title == "tirsdag den 7. januar 2025, 10:00–11:00 · Rådmandsmøde: Formøde"


def test_marks_without_links_and_rings_without_meetings() -> None:
    plan = make_plan(COMMITTEE)
    agendas = agendas_of(plan)
    only_rm = [m for m in agendas.meetings if m.body == "rm"]
    drawn = rings(plan, agendas, only_rm, span=Span(2025), colors=body_colors(plan),
                  words=words(DA), link=None)
    assert [len(r.marks) for r in drawn] == [0, 1]
    assert drawn[1].marks[0].href is None


def test_marks_shrink_when_a_ring_is_crowded() -> None:
    plan = make_plan('[[series]]\nbody = "sbu"\nevery = "hver dag"\nstart = "10:00"\n'
                     'end = "10:30"\n')
    agendas = agendas_of(plan)
    (sbu, rm) = rings(plan, agendas, agendas.meetings, span=Span(2025), colors=body_colors(plan),
                      words=words(DA), link=None)
    # 355 marks (every day but the holidays) round a circle of radius 313:
    # 2π·313/355/2.4 each; the empty ring keeps the widest marks.
    assert (len(sbu.marks), sbu.radius, rm.radius) == (355, "2.31", "7")


def test_more_than_three_cases_are_cut_to_three_in_the_headline() -> None:
    cases = "".join(f'''
[[case]]
title = "Sag {n}"
body = "sbu"
date = 2025-01-15
theme = "budget"
minutes = 5
''' for n in range(1, 5))
    plan = make_plan(COMMITTEE.split("[[case]]")[0] + cases)
    agendas = agendas_of(plan)
    drawn = rings(plan, agendas, agendas.meetings_on("sbu", D(2025, 1, 15)), span=Span(2025),
                  colors=body_colors(plan), words=words(DA), link=None)
    assert drawn[0].marks[0].title.endswith(" · Sag 1; Sag 2; Sag 3; … (8 punkter)")


def test_a_move_never_announced_is_drawn_as_planned() -> None:
    plan = make_plan(COMMITTEE.replace("moved_to = 2025-02-19\n",
                                       "moved_to = 2025-02-19\nannounced = false\n"))
    agendas = agendas_of(plan)
    sbu = rings(plan, agendas, agendas.meetings, span=Span(2025),
                colors={"sbu": "#111111", "rm": "#222222"}, words=words(DA), link=None)[0].marks
    assert sbu[1].kind == "planned"
    assert "flyttet" not in sbu[1].title
    assert sbu[1].title.startswith("onsdag den 19. februar 2025, 18:15–19:45 · ")
