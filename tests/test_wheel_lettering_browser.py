"""The wheel's words as a real browser sets them (SPEC: "Labels never overlap
each other, and none is cut off"; "each ring names its body; each theme's
name runs along its arc").

The lettering is fitted in Python with Vera's widths (aarshjul.wheel.fonts);
whether that holds is only known where the SVG is drawn. So each wheel is
loaded in Debian's Chromium (tests/browser.py), which lays out every month,
week number, word along an arc, centre line and legend row in DejaVu Sans,
and a script reads back where each character landed. The checks then run
here: no two texts share ink, none leaves the picture, every word along an
arc is shown whole, and every body and theme is named in full.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from aarshjul import Plan, load_plan
from aarshjul.wheel.drawing import chosen_span, wheel_svg
from aarshjul.wheel.geometry import HEIGHT, WIDTH, Span

from .browser import dom
from .plans import ROOT, agendas_of, make_plan

CALENDARS = ROOT / "calendars"

# Axis-aligned boxes of rotated glyphs (the months, every word along an arc)
# reach past the glyph's ink at their corners, and a glyph's cell is taller
# than its letters; each box is shrunk this much towards its centre before
# two are compared, so only ink that really meets counts.
SHRINK = 0.15

# A glyph may lie on the picture's edge by a rounding error, no more.
EDGE = 0.01

# Runs in the page after load: for each text of the wheel, the box in the
# root's user units (the viewBox) of each character it shows, and for each
# word along an arc, how long it is and how long its path.
MEASURE = """
addEventListener("load", async () => {
  await document.fonts.ready;
  const root = document.querySelector("svg");
  const toRoot = root.getScreenCTM().inverse();
  const shown = (element) => {
    // What the text shows: its own characters, without its tooltip.
    let found = "";
    for (const node of element.childNodes) {
      if (node.nodeType === Node.TEXT_NODE) found += node.data;
      else if (node.nodeType === Node.ELEMENT_NODE && node.localName !== "title")
        found += shown(node);
    }
    return found;
  };
  const texts = [];
  for (const element of root.querySelectorAll("text")) {
    // From the text's own user space (its rotation included) to the root's.
    const matrix = toRoot.multiply(element.getScreenCTM());
    const corner = (x, y) => new DOMPoint(x, y).matrixTransform(matrix);
    const glyphs = [];
    const count = element.getNumberOfChars();
    for (let i = 0; i < count; i++) {
      const box = element.getExtentOfChar(i);
      const points = [corner(box.x, box.y), corner(box.x + box.width, box.y),
                      corner(box.x, box.y + box.height),
                      corner(box.x + box.width, box.y + box.height)];
      const xs = points.map((p) => p.x), ys = points.map((p) => p.y);
      glyphs.push([Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys),
                   box.width, box.height]);
    }
    // The part of the wheel it belongs to: its group right under the root.
    let group = element;
    while (group.parentNode !== root) group = group.parentNode;
    const entry = {group: group.getAttribute("class") || "",
                   kind: element.getAttribute("class") || "", text: shown(element),
                   chars: count, glyphs};
    const along = element.querySelector("textPath");
    if (along) {
      const path = document.getElementById(along.getAttribute("href").slice(1));
      entry.text = along.textContent;
      entry.length = element.getComputedTextLength();
      entry.path = path ? path.getTotalLength() : null;
    }
    texts.push(entry);
  }
  document.getElementById("result").textContent = JSON.stringify(texts);
});
"""

PAGE = """<!DOCTYPE html>
<html lang="da"><head><meta charset="utf-8"><title>Hjulets ord</title>
<style>body {{ margin: 0; }} svg {{ display: block; width: {width}px; height: {height}px; }}
</style></head>
<body>{svg}<pre id="result"></pre><script>{script}</script></body></html>
"""

# Twenty bodies with long names, as a municipality with many committees and
# boards has: the rings grow thin, and their names must still be there.
BODIES = [
    "Børne- og Ungdomsudvalget for Skoler og Dagtilbud",
    "Social-, Sundheds- og Seniorudvalget",
    "Beskæftigelses- og Integrationsudvalget",
    "Klima-, Natur- og Miljøudvalget",
    "Teknik- og Byplanudvalget",
    "Kultur-, Fritids- og Idrætsudvalget",
    "Erhvervs- og Turismeudvalget",
    "Handicaprådet for Voksne og Børn",
    "Ældrerådet i Kommunen",
    "Integrationsrådet og Medborgerskab",
    "Folkeoplysningsudvalget",
    "Hovedudvalget for Medarbejderindflydelse",
    "Beredskabskommissionen for Nordsjælland",
    "Udsatterådet for Hjemløse og Misbrugere",
    "Landdistriktsrådet og Lokalrådene",
    "Ungebyrådet og Ungdomsskolebestyrelsen",
    "Børne- og Ungepanelet for Trivsel",
    "Klagenævnet for Specialundervisning",
    "Bestyrelsen for Forsyningsselskabet",
    "Økonomi- og Administrationsudvalget",
]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag"]
THEMES = [("Budgetlægning for de kommende fire år", "2025-02-01", "2025-09-30"),
          ("Kommuneplanstrategi og borgerinddragelse", "2025-04-01", "2025-06-30")]


def crowded() -> Plan:
    """Twenty bodies with long names, each meeting every other week, and two
    themes with long names."""
    header = ('[plan]\ntitle = "Mange udvalg og råd med lange navne"\nid = "crowded"\n'
              "start = 2025-01-01\nend = 2025-12-31\n")
    text = "".join(
        f'\n[[body]]\nid = "b{n}"\nname = "{name}"\n\n'
        f'[[series]]\nbody = "b{n}"\nevery = "hver anden {WEEKDAYS[n % len(WEEKDAYS)]}"\n'
        f'from = 2025-01-0{1 + n % 7}\nstart = "{9 + n % 8:02d}:00"\nminutes = 60\n'
        for n, name in enumerate(BODIES))
    text += "".join(f'\n[[theme]]\nid = "t{n}"\nname = "{name}"\nfrom = {first}\nto = {last}\n'
                    for n, (name, first, last) in enumerate(THEMES))
    return make_plan(text, header=header)


WHEELS = [pytest.param("aarhus-msb-2025", None, id="aarhus-msb-2025"),
          pytest.param("fredensborg-2017", None, id="fredensborg-2017"),
          pytest.param("fredensborg-2017", 8, id="fredensborg-2017-school-year"),
          pytest.param("crowded", None, id="twenty-bodies")]
"""(the plan's name, the wheel's first month or None): the wheels drawn."""


def plan_named(name: str) -> Plan:
    return crowded() if name == "crowded" else load_plan(CALENDARS / f"{name}.toml")


def measured(svg: str, folder: Path) -> list[dict[str, Any]]:
    """Every text of ``svg`` as Chromium lays it out (see :data:`MEASURE`)."""
    page = folder / "wheel.html"
    page.write_text(PAGE.format(svg=svg, script=MEASURE, width=WIDTH, height=HEIGHT),
                    encoding="utf-8")
    found = re.search(r'<pre id="result">(.*?)</pre>', dom(page.as_uri()), re.DOTALL)
    assert found, "the page has no result"
    assert found.group(1), "the page's script wrote no measures"
    texts: list[dict[str, Any]] = json.loads(html.unescape(found.group(1)))
    return texts


def named(text: dict[str, Any]) -> str:
    return f"{text['kind'] or text['group']} {text['text']!r}"


def ink(glyph: list[float]) -> tuple[float, float, float, float]:
    """A glyph's box, shrunk by :data:`SHRINK` towards its centre."""
    x0, y0, x1, y1 = glyph[:4]
    dx, dy = (x1 - x0) * SHRINK / 2, (y1 - y0) * SHRINK / 2
    return x0 + dx, y0 + dy, x1 - dx, y1 - dy


def inked(text: dict[str, Any]) -> list[tuple[float, float, float, float]]:
    """The boxes of the characters a text shows, spaces left out: a space
    has a box but no ink, and words may stand that close to a space."""
    return [ink(glyph) for char, glyph in zip(text["text"], text["glyphs"], strict=False)
            if not char.isspace()]


def meet(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def overlaps(texts: list[dict[str, Any]]) -> list[str]:
    """Each pair of texts whose glyphs meet, said with where."""
    boxes = [inked(text) for text in texts]
    # A text's whole extent first: most pairs are far apart.
    whole = [(min(b[0] for b in bs), min(b[1] for b in bs), max(b[2] for b in bs),
              max(b[3] for b in bs)) if bs else None for bs in boxes]
    found = []
    for i, first in enumerate(texts):
        for j in range(i + 1, len(texts)):
            one, other = whole[i], whole[j]
            if one is None or other is None or not meet(one, other):
                continue
            where = next(((a, b) for a in boxes[i] for b in boxes[j] if meet(a, b)), None)
            if where:
                a, b = ([round(v, 1) for v in box] for box in where)
                found.append(f"{named(first)} at {a} overlaps {named(texts[j])} at {b}")
    return found


def outside(texts: list[dict[str, Any]]) -> list[str]:
    """Each text with a glyph beyond the viewBox."""
    return [f"{named(text)}: a glyph at {[round(v, 1) for v in glyph[:4]]}"
            for text in texts for glyph in text["glyphs"]
            if glyph[0] < -EDGE or glyph[1] < -EDGE or glyph[2] > WIDTH + EDGE
            or glyph[3] > HEIGHT + EDGE][:20]  # a text's first glyphs say enough


def cut(texts: list[dict[str, Any]]) -> list[str]:
    """Each word along an arc that is not shown whole: longer than its path,
    characters missing, or characters laid nowhere (past the path's end)."""
    found = []
    for text in texts:
        if "path" not in text:
            continue
        if text["path"] is None:
            found.append(f"{named(text)}: its path is missing")
        elif text["length"] > text["path"]:
            found.append(f"{named(text)}: {text['length']:.1f} long on a path of "
                         f"{text['path']:.1f}")
        if text["chars"] != len(text["text"]):
            found.append(f"{named(text)}: {text['chars']} characters of {len(text['text'])}")
        empty = [char for char, glyph in zip(text["text"], text["glyphs"], strict=False)
                 if not char.isspace() and (glyph[4] <= 0 or glyph[5] <= 0)]
        if empty:
            found.append(f"{named(text)}: {''.join(empty)!r} not laid on the path")
    return found


def themes_shown(plan: Plan, span: Span) -> list[str]:
    """The names of the plan's themes that have a day in the wheel's months
    (and the plan's): the themes the wheel draws an arc for."""
    first, last = max(span.first, plan.start), min(span.last, plan.end)
    days = [first + dt.timedelta(n) for n in range((last - first).days + 1)]
    found = []
    for theme in plan.themes:
        if theme.from_date and theme.to_date:
            has = theme.from_date <= last and theme.to_date >= first
        elif theme.months:
            has = any(day.month in theme.months for day in days)
        else:
            has = bool(days)
        if has:
            found.append(theme.name)
    return found


@pytest.mark.parametrize(("name", "start_month"), WHEELS)
def test_the_words_on_the_wheel_stand_apart_whole_and_inside(
        name: str, start_month: int | None, tmp_path: Path) -> None:
    plan = plan_named(name)
    agendas = agendas_of(plan)
    span = chosen_span(plan, agendas, start_month=start_month)
    texts = measured(wheel_svg(plan, agendas, start_month=start_month), tmp_path)

    groups = {text["group"] for text in texts}
    assert {"months", "weeks", "words", "centre", "legend"} <= groups, groups
    assert len([t for t in texts if t["kind"] == "month"]) == 12

    for problems in (overlaps(texts), outside(texts), cut(texts)):
        assert not problems, "\n".join(problems)

    rings = [t["text"] for t in texts if t["kind"] == "ring-name"]
    unnamed = [body.name for body in plan.bodies if body.name not in rings]
    assert not unnamed, f"bodies not named in full on their rings: {unnamed}; rings: {rings}"
    themes = [t["text"] for t in texts if t["kind"] == "theme-name"]
    missing = [theme for theme in themes_shown(plan, span) if theme not in themes]
    assert not missing, f"themes not named in full along their arcs: {missing}; arcs: {themes}"
