"""The mødeplan (SPEC §13) on the real plans' sites: every meeting once, by
month, each linked to an agenda page that is there; a page per body with
its meetings only; a filter by body made of links; moves, cancellations,
all-day meetings and meetings over several days said in the plan's
language; and printed by Chromium on A4, meetings from the first page on."""

from __future__ import annotations

import datetime as dt
import html.parser
import posixpath
import re
from pathlib import Path

import pytest

from aarshjul import Plan, load_plan, parse_plan
from aarshjul.agenda.paths import agenda_paths
from aarshjul.dates import weekdays_and_days
from aarshjul.site.moedeplan import MEETINGS, body_page, meeting_plan_pages, months
from aarshjul.site.pages import site_files
from aarshjul.site.staging import write_site

from .browser import pdf_pages, print_pdf
from .plans import EXAMPLE, ROOT, agendas_of, make_plan
from .sites import NOW

FREDENSBORG = ROOT / "calendars" / "fredensborg-2017.toml"
A4 = (595.0, 842.0)  # points


class _Plan(html.parser.HTMLParser):
    """What a page of the mødeplan shows: each month's heading and rows
    (the first day, the cells' text, the link), and the filter's links."""

    def __init__(self) -> None:
        super().__init__()
        self.months: list[tuple[str, list[dict[str, object]]]] = []
        self.filter: list[tuple[str, bool, str]] = []  # href, current, label
        self._where: str | None = None
        self._row: dict[str, object] | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "nav" and found.get("class") == "bodies":
            self._where = "filter"
        elif tag == "a" and self._where == "filter":
            self.filter.append((found["href"], found.get("aria-current") == "page", ""))
            self._text = []
        elif tag == "tbody":
            self._where = "month"
        elif tag == "tr" and self._where == "month" and found.get("class") == "month":
            self._text = []
        elif tag == "tr" and self._where == "month":
            self._row = {"cells": [], "href": None, "first": None}
        elif self._row is not None and tag == "td":
            self._text = []
        elif self._row is not None and tag == "time":
            self._row["first"] = dt.date.fromisoformat(found["datetime"])
        elif self._row is not None and tag == "a":
            self._row["href"] = found["href"]

    def handle_endtag(self, tag: str) -> None:
        text = "".join(self._text).strip()
        if tag in ("nav", "tbody"):
            self._where = None
        elif tag == "a" and self._where == "filter":
            href, current, _ = self.filter[-1]
            self.filter[-1] = (href, current, text)
        elif tag == "th" and self._where == "month" and self._row is None:
            self.months.append((text, []))
        elif tag == "td" and self._row is not None:
            self._row["cells"].append(text)  # type: ignore[attr-defined]
        elif tag == "tr" and self._row is not None:
            self.months[-1][1].append(self._row)
            self._row = None

    def handle_data(self, data: str) -> None:
        self._text.append(data)

    @property
    def rows(self) -> list[dict[str, object]]:
        return [row for _, rows in self.months for row in rows]


def shown(page: bytes | str) -> _Plan:
    parsed = _Plan()
    parsed.feed(page.decode("utf-8") if isinstance(page, bytes) else page)
    return parsed


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Plan, Path]]:
    """Each real plan, and its site built into a folder."""
    built = {}
    for path in (EXAMPLE, FREDENSBORG):
        plan = load_plan(path)
        folder = tmp_path_factory.mktemp(plan.id) / "site"
        write_site(site_files(plan, agendas_of(plan), now=NOW), folder)
        built[plan.id] = (plan, folder)
    return built


PLANS = ["aarhus-msb-2025", "fredensborg-2017"]


def _target(folder: Path, page: str, href: str) -> Path:
    """Where a link on ``page`` (a path in the site) leads."""
    return folder / posixpath.normpath(posixpath.join(posixpath.dirname(page), href))


@pytest.mark.parametrize("plan_id", PLANS)
def test_every_meeting_once_by_month_each_linked_to_its_agenda(
        sites: dict[str, tuple[Plan, Path]], plan_id: str) -> None:
    plan, folder = sites[plan_id]
    result = agendas_of(plan)
    page = shown((folder / MEETINGS).read_bytes())
    rows = page.rows
    assert len(rows) == len(result.meetings)
    paths = agenda_paths(result)
    assert [row["href"] for row in rows] == [paths[m.uid] for m in result.meetings]
    assert all(_target(folder, MEETINGS, str(row["href"])).is_file() for row in rows)
    # The months in order, each once, each with only its own meetings.
    firsts = [(m.date.year, m.date.month) for m in result.meetings]
    expected = list(dict.fromkeys(firsts))
    assert [(month[1][0]["first"].year, month[1][0]["first"].month)  # type: ignore[attr-defined]
            for month in page.months] == expected
    for heading, month_rows in page.months:
        first: dt.date = month_rows[0]["first"]  # type: ignore[assignment]
        assert all(row["first"].month == first.month for row in month_rows)  # type: ignore[attr-defined]
        assert heading.endswith(f" {first.year}")
    assert page.months[0][0] == {"aarhus-msb-2025": "December 2024",
                                 "fredensborg-2017": "Januar 2017"}[plan_id]


def test_a_row_says_day_time_body_place_and_remarks(
        sites: dict[str, tuple[Plan, Path]]) -> None:
    plan, folder = sites["fredensborg-2017"]
    rows = {(row["first"], row["href"]): row["cells"]
            for row in shown((folder / MEETINGS).read_bytes()).rows}
    assert rows[dt.date(2017, 1, 30), "agendas/byraad/2017-01-30.html"] == [
        "mandag 30. januar 2017", "17.30 – 21.00", "Byrådet", "Byrådssalen", ""]
    # Moved a week earlier, out of the winter holiday: it says from where.
    assert rows[dt.date(2017, 2, 6), "agendas/ku/2017-02-06.html"] == [
        "mandag 6. februar 2017", "17.30 – 20.00", "Kulturudvalget", "",
        "flyttet fra 13. februar 2017"]
    # Moved, but the first day was never announced: the note, no "flyttet fra".
    assert rows[dt.date(2017, 9, 4), "agendas/byraad/2017-09-04.html"][4] == (
        "1. behandling af budget 2018-2021")
    # All day, and over two days, with the meeting's own title after its body's name.
    assert rows[dt.date(2017, 4, 28), "agendas/byraad/2017-04-28.html"][:3] == [
        "fredag 28. april 2017", "hele dagen", "Byrådet: Budgetseminar"]
    assert rows[dt.date(2017, 8, 25), "agendas/byraad/2017-08-25.html"][:3] == [
        "fredag–lørdag 25.–26. august 2017", "hele dagen", "Byrådet: Budgetseminar"]
    result = agendas_of(plan)
    moved = [m for m in result.meetings if m.moved_from is not None]
    assert len(moved) == sum("flyttet fra" in cells[4] for cells in rows.values()) == 26


@pytest.mark.parametrize("plan_id", PLANS)
def test_each_body_has_a_page_of_its_meetings_only(
        sites: dict[str, tuple[Plan, Path]], plan_id: str) -> None:
    plan, folder = sites[plan_id]
    result = agendas_of(plan)
    paths = agenda_paths(result)
    for body in plan.bodies:
        name = body_page(body.id)
        rows = shown((folder / name).read_bytes()).rows
        own = [m for m in result.meetings if m.body == body.id]
        assert own
        assert [row["href"] for row in rows] == [f"../{paths[m.uid]}" for m in own]
        assert all(_target(folder, name, str(row["href"])).is_file() for row in rows)
        assert {str(row["cells"][2]).split(":")[0] for row in rows} == {body.name}  # type: ignore[index]


@pytest.mark.parametrize("plan_id", PLANS)
def test_the_filter_by_body_is_links_the_current_one_marked(
        sites: dict[str, tuple[Plan, Path]], plan_id: str) -> None:
    plan, folder = sites[plan_id]
    result = agendas_of(plan)
    pages = [MEETINGS, *(body_page(body.id) for body in plan.bodies)]
    for current in pages:
        links = shown((folder / current).read_bytes()).filter
        # The same choices on every page, each leading to its page from here.
        assert [_target(folder, current, href) for href, _, _ in links] == [
            folder / page for page in pages]
        assert [page for page, (_, marked, _) in zip(pages, links, strict=True) if marked] == [
            current]
        assert [label for _, _, label in links] == [
            f"Alle ({len(result.meetings)})",
            *(f"{body.name} ({sum(m.body == body.id for m in result.meetings)})"
              for body in plan.bodies)]
    # The front page leads to the mødeplan, and the mødeplan back to it.
    assert f'<a href="{MEETINGS}">Mødeplan</a>' in (folder / "index.html").read_text("utf-8")
    assert '<a href="../index.html">← Årshjulet</a>' in (
        folder / body_page(plan.bodies[0].id)).read_text("utf-8")


def test_an_agenda_page_says_where_its_meeting_moved_from_and_whose_it_is(
        sites: dict[str, tuple[Plan, Path]]) -> None:
    _, folder = sites["fredensborg-2017"]
    moved = (folder / "agendas" / "ku" / "2017-02-06.html").read_text("utf-8")
    assert "mandag den 6. februar 2017 <span class=\"moved\">(flyttet fra 13. februar 2017)" in (
        moved)
    seminar = (folder / "agendas" / "byraad" / "2017-08-25.html").read_text("utf-8")
    assert '<h1>Budgetseminar</h1>\n<p class="body">Byrådet</p>' in seminar
    assert "<title>Budgetseminar, Byrådet – 25.–26. august 2017</title>" in seminar
    # The front page's coming meetings say it too (seen from January 2017).
    plan = load_plan(FREDENSBORG)
    front = site_files(plan, agendas_of(plan), now=dt.datetime(2017, 1, 20, tzinfo=dt.UTC)
                       )["index.html"].decode("utf-8")
    assert ('<a href="agendas/ku/2017-02-06.html">Kulturudvalget</a> (flyttet fra 13. februar '
            "2017)</li>") in front


def test_a_cancelled_meeting_says_aflyst() -> None:
    text = FREDENSBORG.read_text("utf-8") + (
        '\n[[meeting]]\nbody = "ku"\ndate = 2017-03-13\nstatus = "cancelled"\n')
    plan = parse_plan(text, source="fredensborg.toml")
    result = agendas_of(plan)
    pages = meeting_plan_pages(plan, result, agenda_paths(result))
    for name in (MEETINGS, body_page("ku")):
        (row,) = [row for row in shown(pages[name]).rows
                  if row["first"] == dt.date(2017, 3, 13)]
        assert row["cells"][4] == "aflyst"  # type: ignore[index]
    assert '<span class="cancelled">aflyst</span>' in pages[MEETINGS]


def test_an_english_plan_has_english_words() -> None:
    text = FREDENSBORG.read_text("utf-8").replace('language = "da"', 'language = "en"')
    plan = parse_plan(text, source="fredensborg.toml")
    result = agendas_of(plan)
    page = meeting_plan_pages(plan, result, agenda_paths(result))[MEETINGS]
    parsed = shown(page)
    assert parsed.months[0][0] == "January 2017"
    cells = {row["href"]: row["cells"] for row in parsed.rows}
    assert cells["agendas/ku/2017-02-06.html"][:1] + cells["agendas/ku/2017-02-06.html"][4:] == [
        "Monday 6 February 2017", "moved from 13 February 2017"]
    assert cells["agendas/byraad/2017-08-25.html"][:2] == [
        "Friday–Saturday 25–26 August 2017", "all day"]
    assert parsed.filter[0][2] == "All (90)"
    assert '<html lang="en">' in page
    assert "<h1>Meeting plan</h1>" in page
    for danish in ("flyttet", "hele dagen", "Alle", "Mødeplan", "Januar ", "Dato", "mandag"):
        assert danish not in page


def test_a_body_without_meetings_has_a_page_that_says_so() -> None:
    plan = make_plan('[[series]]\nbody = "sbu"\ndates = [2025-04-02]\nstart = "18:15"\n'
                     'end = "19:45"\n')
    result = agendas_of(plan)
    pages = meeting_plan_pages(plan, result, agenda_paths(result))
    assert sorted(pages) == [body_page("rm"), body_page("sbu"), MEETINGS]
    assert "<p>Ingen møder i planen.</p>" in pages[body_page("rm")]
    assert shown(pages[MEETINGS]).filter[2][2] == "Rådmandsmøde (0)"


def test_text_from_the_plan_is_text() -> None:
    plan = make_plan('[[series]]\nbody = "sbu"\ndates = [2025-04-02]\nstart = "18:15"\n'
                     'end = "19:45"\ntitle = "<b>Budget</b> & co"\nlocation = "<i>Salen</i>"\n')
    result = agendas_of(plan)
    page = meeting_plan_pages(plan, result, agenda_paths(result))[MEETINGS]
    assert "&lt;b&gt;Budget&lt;/b&gt; &amp; co" in page
    assert "&lt;i&gt;Salen&lt;/i&gt;" in page
    assert "<b>" not in page


def test_the_months_of_no_meetings_are_none() -> None:
    plan = make_plan()
    assert months(plan, (), {}) == []


@pytest.mark.parametrize("plan_id", PLANS)
def test_no_page_of_the_site_holds_python_object_text(
        sites: dict[str, tuple[Plan, Path]], plan_id: str) -> None:
    _, folder = sites[plan_id]
    pages = [p for p in folder.rglob("*") if p.suffix in {".html", ".svg", ".json"}]
    assert len(pages) > 70
    for path in pages:
        text = path.read_text("utf-8")
        for sign in ("<aarshjul.", " object at 0x", "Meeting(", "Row(", "Month(", "Choice(",
                     "Agenda(", "datetime.date(", "Language."):
            assert sign not in text, (path, sign)


MONTH = re.compile(r"(Januar|Februar|Marts|April|Maj|Juni|Juli|August|September|Oktober|"
                   r"November|December) 20\d\d")
MEETING_DAY = re.compile(r"\b\d{1,2}\. (januar|februar|marts|april|maj|juni|juli|august|"
                         r"september|oktober|november|december) 20\d\d")


@pytest.mark.parametrize("plan_id", PLANS)
def test_printed_on_a4_the_first_page_holds_meetings(
        sites: dict[str, tuple[Plan, Path]], plan_id: str, tmp_path: Path) -> None:
    plan, folder = sites[plan_id]
    result = agendas_of(plan)
    pages = pdf_pages(print_pdf((folder / MEETINGS).as_uri(), tmp_path / "meetings.pdf"))
    names = [body.name for body in plan.bodies]
    for size, _ in pages:
        assert size == pytest.approx(A4, abs=1)
    # Every page, the first too, holds meetings: a day and a body's name. No
    # page holds only a title, and none is blank.
    texts = [" ".join(text.split()) for _, text in pages]  # a cell may break its line
    for number, text in enumerate(texts, start=1):
        assert MEETING_DAY.search(text), (number, text[:300])
        assert any(name in text for name in names), (number, text[:300])
    first = result.meetings[0]
    assert texts[0].startswith(f"Mødeplan {plan.title} ")
    assert weekdays_and_days(first.date, first.to, plan.language) in texts[0]
    assert names[[b.id for b in plan.bodies].index(first.body)] in texts[0]
    # Every meeting is printed, on as few sheets as its rows need (not a
    # sheet a month), and no sheet ends with a month's name.
    assert len(MEETING_DAY.findall(" ".join(texts))) >= len(result.meetings)
    for _, text in pages[:-1]:
        assert not MONTH.fullmatch(text.splitlines()[-1]), text.splitlines()[-1]
    assert len(pages) == {"aarhus-msb-2025": 5, "fredensborg-2017": 4}[plan_id]


def test_a_body_s_page_prints_on_one_sheet(sites: dict[str, tuple[Plan, Path]],
                                            tmp_path: Path) -> None:
    _, folder = sites["fredensborg-2017"]
    pages = pdf_pages(print_pdf((folder / body_page("byraad")).as_uri(), tmp_path / "b.pdf"))
    assert len(pages) == 1
    text = pages[0][1]
    assert "Mødeplan: Byrådet" in text
    assert "Budgetseminar" in text
    assert "Økonomiudvalget" not in text
