"""The wheel as a whole (``wheel_svg``, ``mark_today``): its structure, its
words, and what stays readable when a plan is large, crowded or empty."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import xml.etree.ElementTree as ET

import pytest

from aarshjul import load_plan
from aarshjul.wheel import fonts
from aarshjul.wheel.drawing import mark_today, wheel_svg
from aarshjul.wheel.geometry import HEIGHT, LEGEND_X, WIDTH, Span

from .plans import EXAMPLE, ROOT, agendas_of, make_plan

SVG = "{http://www.w3.org/2000/svg}"
GOLDEN = ROOT / "tests" / "golden" / "calendars" / "aarhus-msb-2025" / "wheel-2025.json"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def marks(root: ET.Element) -> list[ET.Element]:
    return [c for g in root.iter(f"{SVG}g") if g.get("class") == "body"
            for c in g.iter(f"{SVG}circle")]


def structure(svg: str) -> dict[str, object]:
    """What the wheel shows, without coordinates: the golden file's content."""
    root = parse(svg)
    groups = {g.get("class"): g for g in root.iter(f"{SVG}g")}
    return {
        "title": root.findtext(f"{SVG}title"),
        "months": [t.text for t in groups["months"].iter(f"{SVG}text")],
        "weeks": [t.text for t in groups["weeks"].iter(f"{SVG}text")],
        "themes": [g.findtext(f"{SVG}title") for g in groups["themes"].findall(f"{SVG}g")],
        "shades": [(p.get("class"), p.findtext(f"{SVG}title"))
                   for p in groups["shades"].findall(f"{SVG}path")],
        "bodies": [{"body": g.get("data-body"), "color": (g.get("fill"), g.get("stroke")),
                    "marks": [(c.get("class"), c.findtext(f"{SVG}title"))
                              for c in g.iter(f"{SVG}circle")]}
                   for g in root.iter(f"{SVG}g") if g.get("class") == "body"],
        "words": [(g.get("class"), g.findtext(f"{SVG}title"),
                   "".join(g.find(f"{SVG}text").itertext()))
                  for g in groups["words"].findall(f"{SVG}g")],
        "legend": [t.text for t in groups["legend"].iter(f"{SVG}text")],
    }


def test_the_example_wheel_matches_its_golden_structure(update_golden: bool) -> None:
    plan = load_plan(EXAMPLE)
    svg = wheel_svg(plan, agendas_of(plan), year=2025)
    found = json.dumps(structure(svg), ensure_ascii=False, indent=1) + "\n"
    if update_golden:
        GOLDEN.write_text(found, encoding="utf-8")
    assert found == GOLDEN.read_text(encoding="utf-8")


def test_months_weeks_and_one_mark_per_meeting() -> None:
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    root = parse(wheel_svg(plan, result, year=2025))
    found = structure(wheel_svg(plan, result, year=2025))
    assert found["months"] == ["Januar", "Februar", "Marts", "April", "Maj", "Juni", "Juli",
                               "August", "September", "Oktober", "November", "December"]
    assert found["weeks"][:3] == ["1", "2", "3"]
    assert found["weeks"][-1] == "1"
    meetings = [m for m in result.meetings if m.date.year == 2025]
    assert len(marks(root)) == len(meetings)


def test_cancelled_and_moved_meetings_look_different() -> None:
    plan = make_plan('''
        [[series]]
        body = "sbu"
        dates = [2025-01-15, 2025-01-29, 2025-02-12]
        start = "18:15"
        end = "19:45"

        [[meeting]]
        body = "sbu"
        date = 2025-01-29
        status = "cancelled"

        [[meeting]]
        body = "sbu"
        date = 2025-02-12
        moved_to = 2025-02-19
        ''')
    root = parse(wheel_svg(plan, agendas_of(plan), year=2025))
    kinds = [m.get("class") for m in marks(root)]
    assert kinds == ["mark planned", "mark cancelled", "mark moved"]
    titles = [m.findtext(f"{SVG}title") for m in marks(root)]
    assert titles[1].startswith("AFLYST · onsdag den 29. januar 2025")
    assert "flyttet fra 12. februar 2025" in titles[2]


def test_marks_link_to_their_agendas_and_today_is_marked() -> None:
    plan = load_plan(EXAMPLE)
    svg = wheel_svg(plan, agendas_of(plan), year=2025, today=dt.date(2025, 3, 14),
                    link=lambda m: f"agendas/{m.body}/{m.date}.html")
    root = parse(svg)
    links = {a.get("href"): a for a in root.iter(f"{SVG}a")}
    assert len(links) == len(marks(root))
    assert links["agendas/rm/2025-01-07.html"].get("aria-label", "").startswith(
        "tirsdag den 7. januar 2025, 10:00–11:00 · Rådmandsmøde")
    (today,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "today-marker"]
    assert today.findtext(f"{SVG}title") == "I dag: fredag den 14. marts 2025"


def test_today_added_to_a_drawn_wheel_is_the_same_line() -> None:
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    day = dt.date(2025, 3, 14)
    drawn = parse(wheel_svg(plan, result, year=2025, today=day))
    added_svg = mark_today(wheel_svg(plan, result, year=2025), span=Span(2025), today=day,
                           language=plan.language)
    added = parse(added_svg)

    def marker(root: ET.Element) -> str:
        (group,) = [g for g in root.iter(f"{SVG}g") if g.get("class") == "today-marker"]
        return ET.tostring(group, encoding="unicode")

    assert marker(added) == marker(drawn)
    assert len(marks(added)) == len(marks(drawn))
    # A day outside the wheel's year draws nothing.
    plain = wheel_svg(plan, result, year=2025)
    assert mark_today(plain, span=Span(2025), today=dt.date(2026, 1, 5),
                      language=plan.language) == plain


def test_english_labels() -> None:
    plan = make_plan('[[series]]\nbody = "sbu"\ndates = [2025-05-07]\nstart = "10:00"\n'
                     'end = "11:00"\n', header=english_header())
    found = structure(wheel_svg(plan, agendas_of(plan), year=2025))
    assert found["months"][0] == "January"
    assert "Bodies" in found["legend"]
    assert "Cancelled" in found["legend"]


def english_header() -> str:
    return ('[plan]\ntitle = "Plan"\nid = "p"\nstart = 2025-01-01\nend = 2025-12-31\n'
            'language = "en"\n\n[[body]]\nid = "sbu"\nname = "Committee"\n')


def test_text_from_the_plan_is_escaped() -> None:
    header = ('[plan]\ntitle = "<script>alert(1)</script>"\nid = "x"\nstart = 2025-01-01\n'
              'end = 2025-12-31\n\n[[body]]\nid = "a"\nname = "A & B <i>\\"C\\"</i>"\n'
              'location = "<b>"\n')
    plan = make_plan('[[series]]\nbody = "a"\ndates = [2025-05-07]\nstart = "10:00"\n'
                     'end = "11:00"\ntitle = "</title><script>x</script>"\n', header=header)
    svg = wheel_svg(plan, agendas_of(plan), year=2025, link=lambda m: 'javascript:"x"')
    root = parse(svg)  # still well-formed XML
    assert not list(root.iter(f"{SVG}script"))
    assert "<script>" not in svg
    assert root.findtext(f"{SVG}title") == "<script>alert(1)</script> 2025"
    assert "&lt;script&gt;" in svg
    (mark,) = marks(root)
    assert "</title><script>x</script>" in mark.findtext(f"{SVG}title")


def crowded(bodies: int, *, meetings: str = "hver onsdag", name: str = "Udvalg") -> str:
    head = ('[plan]\ntitle = "Stor plan"\nid = "stor"\nstart = 2025-01-01\nend = 2025-12-31\n'
            'holidays = ""\n')
    parts = [head]
    for n in range(bodies):
        parts.append(f'[[body]]\nid = "b{n}"\nname = "{name} {n}"\n\n[[series]]\nbody = "b{n}"\n'
                     f'every = "{meetings}"\nstart = "{8 + n % 10:02d}:00"\nminutes = 50\n')
    return "\n".join(parts)


def legend_rows(root: ET.Element) -> list[tuple[float, float, str]]:
    return [(float(t.get("x", 0)), float(t.get("y", 0)), t.text or "")
            for g in root.iter(f"{SVG}g") if g.get("class") in ("legend-body", "legend-theme")
            for t in g.iter(f"{SVG}text")]


@pytest.mark.parametrize("bodies", [1, 12, 60])
def test_many_bodies_shrink_the_rings_and_the_legend_never_overlaps(bodies: int) -> None:
    plan = make_plan("", header=crowded(bodies, name="Udvalget for " + "meget lange navne " * 10))
    root = parse(wheel_svg(plan, agendas_of(plan), year=2025))
    rows = legend_rows(root)
    assert len(rows) == bodies
    key_y = min(float(t.get("y", 0)) for g in root.iter(f"{SVG}g") if g.get("class") == "key"
                for t in g.iter(f"{SVG}text"))
    font = float(next(g for g in root.iter(f"{SVG}g") if g.get("class") == "legend")
                 .get("font-size", "12"))
    one_column = len({x for x, _, _ in rows}) == 1
    for x, y, label in rows:
        assert LEGEND_X <= x < WIDTH, label
        assert 0 < y < key_y - font, label
        # A name of 195 letters is cut where its column ends, at the smallest size.
        assert fonts.width(label, font) <= (WIDTH - LEGEND_X - 28 if one_column else 174)
        assert label.endswith("…")
        assert font >= 7
    by_column: dict[float, list[float]] = {}
    for x, y, _ in rows:
        by_column.setdefault(x, []).append(y)
    for ys in by_column.values():
        ys.sort()
        assert all(b - a >= font for a, b in itertools.pairwise(ys))
    titles = [g.findtext(f"{SVG}title") for g in root.iter(f"{SVG}g")
              if g.get("class") == "legend-body"]
    assert all(t and t.startswith("Udvalget for meget lange navne") for t in titles)
    radii = [float(m.get("r", 0)) for m in marks(root)]
    assert min(radii) >= 0.8


def test_five_hundred_meetings_of_one_body_stay_marks() -> None:
    plan = make_plan("", header=crowded(1, meetings="hver dag").replace(
        'minutes = 50', 'minutes = 30'))
    result = agendas_of(plan)
    root = parse(wheel_svg(plan, result, year=2025))
    assert len(marks(root)) == 365
    radius = float(marks(root)[0].get("r", 0))
    assert 0.8 <= radius < 3


def test_a_body_without_meetings_and_an_empty_year() -> None:
    plan = make_plan('[[series]]\nbody = "sbu"\ndates = [2025-05-07]\nstart = "10:00"\n'
                     'end = "11:00"\n', header=english_header().replace(
                         "end = 2025-12-31", "end = 2026-12-31") + '[[body]]\nid = "x"\n'
                     'name = "Never meets"\n')
    result = agendas_of(plan)
    empty = parse(wheel_svg(plan, result, year=2026))
    assert marks(empty) == []
    assert "No meetings in 2026" in "".join(empty.itertext())
    rows = legend_rows(parse(wheel_svg(plan, result, year=2025)))
    assert [label for _, _, label in rows] == ["Committee", "Never meets"]


def test_the_picture_fits_a3() -> None:
    plan = load_plan(EXAMPLE)
    root = parse(wheel_svg(plan, agendas_of(plan), year=2025))
    assert root.get("viewBox") == f"0 0 {WIDTH} {HEIGHT}"
    assert abs(WIDTH / HEIGHT - 420 / 297) < 0.01
