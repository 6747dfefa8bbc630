"""The static site's pages: right in a real browser (Debian's Chromium,
headless, off the network), linked to each other and to every meeting,
readable, and the same however often they are built."""

from __future__ import annotations

import html.parser
import json
import re
from pathlib import Path

import pytest

from aarshjul import list_cases, load_plan, parse_plan
from aarshjul.agenda.listing import as_json
from aarshjul.agenda.paths import agenda_paths
from aarshjul.site.pages import plan_json, site_files
from aarshjul.site.staging import MANIFEST
from aarshjul.wheel.paint import PAINTS
from aarshjul.wheel.parts import PALETTE

from .browser import dom, pdf_pages, png_pixels, print_pdf, screenshot
from .plans import EXAMPLE, ROOT, agendas_of
from .sites import BASE, NOW, build
from .test_agenda_case_listing import CASES, DEADLINES
from .test_agenda_routes import CASE as ROUTED_CASE
from .test_agenda_routes import PLAN as ROUTED_PLAN


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "public"
    build(folder)
    return folder


class _Page(html.parser.HTMLParser):
    """What a test wants of a page's DOM: elements by tag and class, links,
    resources it would load."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def having(self, tag: str, css_class: str | None = None) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and (
            css_class is None or css_class in a.get("class", "").split())]


def page(url: str) -> _Page:
    parsed = _Page()
    parsed.feed(dom(url))
    return parsed


def test_the_front_page_in_a_browser(example_site: Path) -> None:
    shown = page((example_site / "index.html").as_uri())
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    # A wheel per year of the plan, each with its twelve months.
    assert len(shown.having("svg")) == 2
    assert len(shown.having("text", "month")) == 24
    # One mark per meeting (and three symbols in each wheel's key).
    marks = list(shown.having("circle", "mark"))
    assert len(marks) == len(result.meetings) + 2 * 3
    # Every mark of a meeting is a link, and every link leads to a page there is.
    hrefs = [a["href"] for a in shown.having("a") if a.get("href", "").startswith("agendas/")]
    assert len(set(hrefs)) == len(result.meetings)
    assert all((example_site / href).is_file() for href in hrefs)
    # Subscribe links in both forms, and a copy button for each feed.
    links = {a["href"] for a in shown.having("a")}
    assert f"webcal://{BASE.split('://')[1]}/feeds/sbu.ics" in links
    assert len(shown.having("button", "copy")) == 4
    source = (example_site / "index.html").read_text(encoding="utf-8")
    assert source.count(">Kopiér</button>") == 4
    assert " object at 0x" not in source  # a template that found a method, not a word
    # Nothing is loaded from elsewhere: no scripts, styles, images or fonts by URL.
    for tag, attrs in shown.elements:
        for name in ("src", "srcset"):
            assert name not in attrs or not attrs[name].startswith(("http", "//")), (tag, attrs)
        if tag == "link":
            assert not attrs.get("href", "").startswith(("http", "//")), attrs
    html_tag = shown.having("html")[0]
    assert html_tag["lang"] == "da"


def test_the_front_page_lists_the_coming_meetings_and_marks_today() -> None:
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    files = site_files(plan, result, now=NOW)
    front = _Page()
    front.feed(files["index.html"].decode("utf-8"))
    coming = [m for m in result.meetings if m.date >= NOW.date()][:12]
    paths = agenda_paths(result)
    listed = [a["href"] for tag, a in front.elements  # the wheel's links have labels
              if tag == "a" and a.get("href", "").startswith("agendas/")
              and "aria-label" not in a]
    assert listed[:12] == [paths[m.uid] for m in coming]
    text = "".join(front.text)
    assert "fredag den 14. marts 2025" in text
    assert "18.15 – 19.45" in text  # times as on the agenda pages
    # Today is marked on this year's wheel on the page, and on no wheel file.
    assert files["index.html"].count(b'class="today-marker"') == 1
    assert b"I dag: fredag den 14. marts 2025" in files["index.html"]
    assert not any(b"today-marker" in data for name, data in files.items()
                   if name.endswith(".svg"))


def test_the_front_page_prints_a_wheel_on_each_sheet_the_first_under_the_title(
        example_site: Path, tmp_path: Path) -> None:
    """Printed, the front page gives each year's wheel on an A3 sheet in
    landscape: the first sheet holds the title and the first wheel, never
    the title alone."""
    pages = pdf_pages(print_pdf((example_site / "index.html").as_uri(), tmp_path / "index.pdf"))
    assert len(pages) == 2  # the plan's years: 2024 and 2025
    plan = load_plan(EXAMPLE)
    for (size, text), year in zip(pages, (2024, 2025), strict=True):
        assert size == pytest.approx((1191, 842), abs=1)
        assert str(year) in text
        assert all(body.name in text for body in plan.bodies)  # the wheel's key
    assert pages[0][1].startswith(plan.title)
    # The links and lists of the screen are left out.
    assert "Mødeplan" not in pages[0][1]
    assert "Kommende møder" not in "".join(text for _, text in pages)


def test_the_front_page_leads_to_the_meeting_plan(example_site: Path) -> None:
    shown = page((example_site / "index.html").as_uri())
    first = next(a["href"] for a in shown.having("a") if a.get("href") and a["href"] != "#main")
    assert first == "meetings.html"  # the first link after the skip link
    assert (example_site / first).is_file()


def test_an_agenda_page_in_a_browser(example_site: Path) -> None:
    shown = page((example_site / "agendas" / "sbu" / "2025-01-15.html").as_uri())
    text = "".join(shown.text)
    assert "onsdag den 15. januar 2025" in text
    assert "18.15 – 18.18 (3 min.)" in text
    assert next(a["href"] for a in shown.having("a")) == "../../index.html"
    assert shown.having("html")[0]["lang"] == "da"


def test_the_screenshot_is_a_picture_not_a_blank_page(example_site: Path,
                                                      tmp_path: Path) -> None:
    shot = screenshot((example_site / "index.html").as_uri(), tmp_path / "index.png",
                      width=800, height=800)
    width, height, rows = png_pixels(shot)
    assert (width, height) == (800, 800)
    step = len(rows[0]) // width
    colours = {rows[y][x * step:x * step + 3] for y in range(0, height, 4)
               for x in range(0, width, 4)}
    white = sum(1 for y in range(0, height, 4) for x in range(0, width, 4)
                if rows[y][x * step:x * step + 3] == b"\xff\xff\xff")
    assert len(colours) > 100
    assert white < 0.9 * (height // 4) * (width // 4)


def test_a_plan_of_school_years_has_a_wheel_for_each() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace("[plan]\n", "[plan]\nwheel_start = 8\n")
    plan = parse_plan(text, source="skoleaar.toml")
    files = site_files(plan, agendas_of(plan), now=NOW)
    assert sorted(name for name in files if name.startswith("wheel-")) == [
        "wheel-2024-25.svg", "wheel-2025-26.svg"]
    assert b">2024/25</text>" in files["wheel-2024-25.svg"]
    index = files["index.html"].decode("utf-8")
    assert 'id="year-2024-25"' in index
    assert 'href="wheel-2025-26.svg"' in index


def test_the_site_has_its_files(example_site: Path) -> None:
    names = {p.relative_to(example_site).as_posix() for p in example_site.rglob("*")
             if p.is_file()}
    assert {"index.html", "plan.json", "wheel-2024.svg", "wheel-2025.svg", "feeds/sbu.ics",
            "feeds/rm.ics", "feeds/all.ics", "feeds/deadlines.ics", MANIFEST,
            "feeds/.aarshjul-feeds", "meetings.html", "bodies/sbu.html",
            "bodies/rm.html"} <= names
    data = json.loads((example_site / "plan.json").read_text(encoding="utf-8"))
    assert data["id"] == "aarhus-msb-2025"
    assert len(data["meetings"]) == 70
    assert data["meetings"][2]["items"][0]["title"] == "Godkendelse af dagsorden"
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)  # the meetings as `aarshjul meetings --format json` gives them
    assert data["meetings"] == json.loads(as_json(result.meetings, result.by_uid))
    # The cases as `aarshjul cases --format json` gives them.
    assert data["cases"] == [case.record() for case in list_cases(plan, result)]
    assert len(data["cases"]) == 6
    feed = (example_site / "feeds" / "sbu.ics").read_bytes().decode("utf-8")
    assert f"URL;VALUE=URI:{BASE}/agendas/sbu/2025-01-15.html" in feed.replace("\r\n ", "")


def test_plan_json_has_each_case_s_steps_and_deadlines() -> None:
    plan = parse_plan(DEADLINES + CASES, source="plan.toml")
    result = agendas_of(plan)
    data = json.loads(plan_json(plan, result))
    assert list(data)[-2:] == ["meetings", "cases"]
    assert data["cases"] == [case.record() for case in list_cases(plan, result)]
    routed = next(case for case in data["cases"] if case["route"] == "byraadssag")
    assert [(s["body"], s["date"], s["item"], s["deadline"]) for s in routed["steps"]] == [
        ("sbu", "2025-04-16", 1, "2025-04-09"), ("oek", "2025-04-22", 1, "2025-04-14"),
        ("byraad", "2025-04-30", 3, "2025-04-25")]
    uids = {m["uid"] for m in data["meetings"]}
    assert all(s["uid"] in uids for case in data["cases"] for s in case["steps"])


def test_the_site_works_from_a_folder_with_spaces_and_danish_letters(tmp_path: Path) -> None:
    folder = tmp_path / "Årshjul 2025"
    build(folder, base_url=None)
    shown = page((folder / "index.html").as_uri())
    assert any(a.get("href") == "feeds/sbu.ics" for a in shown.having("a"))
    assert (folder / "agendas" / "sbu" / "2025-01-15.html").is_file()


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _over(colour: str, opacity: float, backdrop: str) -> str:
    mixed = [round(int(colour[i:i + 2], 16) * opacity + int(backdrop[i:i + 2], 16) * (1 - opacity))
             for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def test_text_has_the_contrast_of_wcag_aa() -> None:
    """Every text colour of the pages against white, and of the wheel against
    the lightest and the darkest ground its labels stand on: 4.5:1 at least."""
    templates = ROOT / "aarshjul" / "templates"
    pages = "".join((templates / name).read_text(encoding="utf-8")
                    for name in ("site_index.html.j2", "agenda.html.j2", "cases.html.j2",
                                 "meetings.html.j2"))
    colours = set(re.findall(r"(?<![-\w])color: (#[0-9a-f]{6})", pages))
    assert len(colours) >= 3
    for colour in colours:
        assert _contrast(colour, "#ffffff") >= 4.5, colour
    wheel = "".join((templates / name).read_text(encoding="utf-8")
                    for name in ("wheel.svg.j2", "wheel_today.svg.j2"))
    # The wheel's texts are painted from one table (the SVG's style sheet
    # and the PDF both), and a few in the templates.
    text_fills = {paint.fill for kind, paint in PAINTS.items()
                  if paint.fill and (paint.size or kind.endswith(("-name", "-label")))}
    text_fills |= set(re.findall(r"<text[^>]*fill=\"(#[0-9a-f]{6})\"", wheel))
    assert len(text_fills) >= 3
    grounds = ["#ffffff", "#f7f7f5", _over("#6b7078", 0.2, "#f7f7f5"),
               _over("#b3261e", 0.18, "#f7f7f5")]
    for colour in text_fills:
        for ground in grounds:
            assert _contrast(colour, ground) >= 4.5, (colour, ground)
    # The words on the rings stand on the rings' greys, and on the shades
    # of closed periods and holidays over them.
    rings = [PAINTS["ring.even"].fill, PAINTS["ring.odd"].fill]
    on_rings = [*rings, *(_over(shade, alpha, ring) for ring in rings
                          for shade, alpha in (("#6b7078", 0.2), ("#b3261e", 0.18)))]
    for kind in ("ring-name", "case-label"):
        for ground in on_rings:
            assert _contrast(PAINTS[kind].fill, ground) >= 4.5, (kind, ground)
    # A theme's name stands on its arc: each colour of the palette, as pale
    # as the arcs are drawn, on the rim's ground.
    for colour in PALETTE:
        ground = _over(colour, PAINTS["theme"].fill_opacity, "#f7f7f5")
        assert _contrast(PAINTS["theme-name"].fill, ground) >= 4.5, colour


def test_the_deadlines_feed_is_offered_where_only_cases_have_deadlines() -> None:
    def offered(text: str) -> bool:
        plan = parse_plan(text, source="plan.toml")
        index = site_files(plan, agendas_of(plan), now=NOW)["index.html"].decode("utf-8")
        return 'href="feeds/deadlines.ics"' in index

    assert not offered(ROUTED_PLAN + ROUTED_CASE)
    assert offered(ROUTED_PLAN.replace('name = "Byrådet"\n',
                                       'name = "Byrådet"\ncase_deadline = "4 hverdage"\n')
                   + ROUTED_CASE)
