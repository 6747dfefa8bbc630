"""A case's route on the wheel: one thread for each placing of a case on a
route, from the mark of each step's meeting to the next, drawn on each
year's wheel through the steps of that year; nothing for a plan without
routes."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from aarshjul import Agendas, Plan, assemble, parse_plan, schedule
from aarshjul.dates import full_date
from aarshjul.model import Meeting
from aarshjul.vocabulary import words
from aarshjul.wheel import parts
from aarshjul.wheel.drawing import wheel_svg
from aarshjul.wheel.geometry import Span
from aarshjul.wheel.threads import threads

from .plans import agendas_of, make_plan
from .test_agenda_routes import CASE, PLAN
from .test_site_cases import WITHOUT_ROUTES
from .test_wheel_drawing import SVG, english_header

QUARTERLY = CASE.replace("month = 5", "month = [3, 9]").replace(
    "Budgetopfølgning pr. 31. marts", "Kvartalsrapport")


def routed(text: str) -> tuple[Plan, Agendas]:
    plan = parse_plan(text, source="plan.toml")
    found = assemble(plan, schedule(plan))
    assert found.ok
    return plan, found


def drawn_threads(svg: str) -> list[tuple[list[tuple[str, str]], str]]:
    """Each thread's points and title."""
    root = ET.fromstring(svg)
    found = []
    for group in root.iter(f"{SVG}g"):
        if group.get("class") == "threads":
            for path in group.findall(f"{SVG}path"):
                d = path.get("d", "")
                assert d.startswith("M")
                points = [tuple(point.split(" ")) for point in d[1:].split("L")]
                found.append(([(x, y) for x, y in points], path.findtext(f"{SVG}title") or ""))
    return found


def mark_at(svg: str, meeting: Meeting, plan: Plan) -> tuple[str, str]:
    """The centre of the meeting's mark, found by its body and its tooltip's day."""
    root = ET.fromstring(svg)
    (group,) = [g for g in root.iter(f"{SVG}g") if g.get("data-body") == meeting.body]
    day = full_date(meeting.date, plan.language)
    (mark,) = [c for c in group.iter(f"{SVG}circle")
               if (c.findtext(f"{SVG}title") or "").startswith(day)]
    return mark.get("cx", ""), mark.get("cy", "")


def test_each_placing_of_a_routed_case_is_one_thread_through_its_marks() -> None:
    plan, found = routed(PLAN + CASE + QUARTERLY)
    svg = wheel_svg(plan, found, year=2025)
    shown = drawn_threads(svg)
    assert len(shown) == len(found.cases) == 3
    for placed, (points, title) in zip(found.cases, shown, strict=True):
        assert points == [mark_at(svg, step.meeting, plan) for step in placed.steps]
        assert title.startswith(f"Sagsforløb: {placed.case.title} · ")
    assert shown[0][1] == (
        "Sagsforløb: Budgetopfølgning pr. 31. marts · Social- og Beskæftigelsesudvalget "
        "14. maj 2025 → Økonomiudvalget 20. maj 2025 → Byrådet 28. maj 2025")
    # Under the marks, which stay links on top; and named in the key.
    root = ET.fromstring(svg)
    order = [g.get("class") for g in root.findall(f"{SVG}g")]
    assert order.index("threads") < order.index("body")
    legend = [t.text for g in root.iter(f"{SVG}g") if g.get("class") == "key"
              for t in g.iter(f"{SVG}text")]
    assert "Sagsforløb" in legend


# Meetings at the turn of the year. A gap of 10 days takes the case of the
# 29 January byråd to ØK on 14 January and the committee on 3 December; a gap
# of 16, to ØK on 17 December and the committee on 1 December.
NEW_YEAR = PLAN[:PLAN.index("[[series]]")].replace("2025-01-01", "2024-12-01") + """
[[series]]
body = "sbu"
dates = [2024-12-01, 2024-12-03]
start = "15:00"
end = "17:00"

[[series]]
body = "oek"
dates = [2024-12-17, 2025-01-14]
start = "08:00"
end = "10:00"

[[series]]
body = "byraad"
dates = [2025-01-29]
start = "17:00"
end = "20:00"

[[route]]
id = "ti"
steps = ["sbu", "oek", "byraad"]
gap = 10

[[route]]
id = "seksten"
steps = ["sbu", "oek", "byraad"]
gap = 16

[[case]]
title = "Ti dage"
route = "ti"
date = 2025-01-29

[[case]]
title = "Seksten dage"
route = "seksten"
date = 2025-01-29
"""


def test_a_route_over_new_year_is_drawn_on_each_year_through_its_steps_there() -> None:
    plan, found = routed(NEW_YEAR)
    ten, sixteen = found.cases
    assert [s.meeting.date.isoformat() for s in ten.steps] == [
        "2024-12-03", "2025-01-14", "2025-01-29"]
    assert [s.meeting.date.isoformat() for s in sixteen.steps] == [
        "2024-12-01", "2024-12-17", "2025-01-29"]
    old, new = (wheel_svg(plan, found, year=year) for year in (2024, 2025))
    # 2024: the sixteen days' committee and ØK; ten days has one step there, nothing to join.
    ((points, title),) = drawn_threads(old)
    assert points == [mark_at(old, step.meeting, plan) for step in sixteen.steps[:2]]
    assert title == ("Sagsforløb: Seksten dage · Social- og Beskæftigelsesudvalget "
                     "1. december 2024 → Økonomiudvalget 17. december 2024 → Byrådet "
                     "29. januar 2025")
    # 2025: ten days' ØK and byråd.
    ((points, title),) = drawn_threads(new)
    assert points == [mark_at(new, step.meeting, plan) for step in ten.steps[1:]]
    assert title.startswith("Sagsforløb: Ti dage · Social- og Beskæftigelsesudvalget "
                            "3. december 2024 → ")


def test_no_thread_without_a_route() -> None:
    plan = parse_plan(WITHOUT_ROUTES, source="plan.toml")
    svg = wheel_svg(plan, agendas_of(plan), year=2025)
    assert 'class="thread"' not in svg
    assert "Sagsforløb" not in svg


def test_a_route_of_one_step_has_no_thread() -> None:
    plan, found = routed(PLAN + '[[route]]\nid = "alene"\nsteps = ["byraad"]\n' +
                         CASE.replace('"byraadssag"', '"alene"').replace(
                             "minutes = [15, 10, 5]", "minutes = 5"))
    assert [len(placed.steps) for placed in found.cases] == [1]
    rings = parts.rings(plan, found, found.meetings, span=Span(2025),
                        colors=parts.body_colors(plan), words=words(plan.language), link=None)
    assert threads(plan, found, rings, words(plan.language)) == []


def test_english_words() -> None:
    header = english_header().replace('name = "Committee"\n', 'name = "Committee"\n\n'
                                      '[[body]]\nid = "council"\nname = "Council"\n')
    plan = make_plan('''
        [[series]]
        body = "sbu"
        dates = [2025-05-07]
        start = "10:00"
        end = "11:00"

        [[series]]
        body = "council"
        dates = [2025-05-21]
        start = "17:00"
        end = "19:00"

        [[route]]
        id = "up"
        steps = ["sbu", "council"]

        [[case]]
        title = "Budget"
        route = "up"
        month = 5
        ''', header=header)
    ((_, title),) = drawn_threads(wheel_svg(plan, agendas_of(plan), year=2025))
    assert title == "Route of the case: Budget · Committee 7 May 2025 → Council 21 May 2025"
