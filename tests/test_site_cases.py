"""Cases on a route, on the site: each route as a timeline under the case's
item on every agenda page of the route (its own step marked), all of them
on cases.html, which the front page links to; and nothing of it for a plan
without routes."""

from __future__ import annotations

import html.parser
import re
from pathlib import Path

from aarshjul import Agendas, Plan, assemble, parse_plan, schedule
from aarshjul.agenda.html import Stop, Timeline
from aarshjul.agenda.paths import agenda_paths
from aarshjul.site.cases import CASES, cases_page, on_pages, timelines
from aarshjul.site.pages import site_files
from aarshjul.site.staging import write_site

from .browser import dom
from .plans import make_plan
from .sites import NOW
from .test_agenda_routes import CASE, PLAN

# The case of test_agenda_routes in May, and a second in March and September,
# after it in the plan: the timelines go by the days the routes end on.
QUARTERLY = CASE.replace("month = 5", "month = [3, 9]").replace(
    "Budgetopfølgning pr. 31. marts", "Kvartalsrapport")
MAY = ["agendas/sbu/2025-05-14.html#item-1", "agendas/oek/2025-05-20.html#item-1",
       "agendas/byraad/2025-05-28.html#item-1"]


def routed(text: str = PLAN + CASE + QUARTERLY) -> tuple[Plan, Agendas]:
    plan = parse_plan(text, source="plan.toml")
    return plan, assemble(plan, schedule(plan))


class _Links(html.parser.HTMLParser):
    """The links of each ``ol.route`` on a page, and the ids it has."""

    def __init__(self) -> None:
        super().__init__()
        self.routes: list[list[str | None]] = []  # a link's href; None for the current step
        self.ids: set[str] = set()
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if tag == "ol" and found.get("class") == "route":
            self.routes.append([])
            self._depth = 1
        elif self._depth and tag == "li":
            self.routes[-1].append(None if found.get("aria-current") == "step" else "")
        elif self._depth and tag == "a":
            self.routes[-1][-1] = found["href"]

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol":
            self._depth = 0


def links_of(page: bytes | str) -> _Links:
    parsed = _Links()
    parsed.feed(page.decode("utf-8") if isinstance(page, bytes) else page)
    return parsed


def test_a_route_is_its_steps_in_order_each_linked_to_its_item() -> None:
    plan, found = routed()
    routes = timelines(plan, found, agenda_paths(found))
    assert [route.title for route in routes] == [
        "Kvartalsrapport", "Budgetopfølgning pr. 31. marts", "Kvartalsrapport"]
    assert [stop.href for stop in routes[1].stops] == MAY
    assert routes[1].stops[0] == Stop("Social- og Beskæftigelsesudvalget",
                                      "onsdag den 14. maj 2025", 1, MAY[0])
    assert [stop.body for stop in routes[1].stops] == [
        "Social- og Beskæftigelsesudvalget", "Økonomiudvalget", "Byrådet"]
    assert [stop.when for stop in routes[2].stops] == [
        "onsdag den 10. september 2025", "tirsdag den 16. september 2025",
        "onsdag den 24. september 2025"]
    assert not any(stop.current for route in routes for stop in route.stops)


def test_each_page_of_a_route_links_the_others_from_where_it_stands() -> None:
    plan, found = routed(PLAN + CASE)
    shown = on_pages(timelines(plan, found, agenda_paths(found)))
    assert sorted(shown) == [href.split("#")[0] for href in sorted(MAY)]
    route = shown["agendas/oek/2025-05-20.html"][1]
    assert [(stop.href, stop.current) for stop in route.stops] == [
        ("../sbu/2025-05-14.html#item-1", False), ("#item-1", True),
        ("../byraad/2025-05-28.html#item-1", False)]


def test_the_site_shows_each_route_on_its_pages_and_on_cases_html() -> None:
    plan, found = routed()
    files = site_files(plan, found, now=NOW)
    # Every step's page shows the route under the case's item, its own step marked.
    for index, href in enumerate(MAY):
        page, _, anchor = href.partition("#")
        text = files[page].decode("utf-8")
        item = text[text.index(f'<section class="item" id="{anchor}">'):]
        item = item[:item.index("</section>")]
        assert "<p><strong>Sagsforløb:</strong></p>" in item
        (route,) = links_of(item).routes
        expected: list[str | None] = [
            f"../{other.split('/', 1)[1]}" for other in MAY]
        expected[index] = None
        assert route == expected
        assert "(dette møde)</li>" in item
    # cases.html: every route, in the order of the days they end on.
    page = links_of(files[CASES])
    assert len(page.routes) == 3
    assert page.routes[1] == MAY
    assert [href.split("/")[1] for href in page.routes[0]] == ["sbu", "oek", "byraad"]
    assert {"case-1", "case-2", "case-3"} <= page.ids
    text = files[CASES].decode("utf-8")
    assert "<h2>Budgetopfølgning pr. 31. marts</h2>" in text
    assert '<nav><a href="index.html">← Årshjulet</a></nav>' in text
    # The front page links to it, with the number of routes.
    front = files["index.html"].decode("utf-8")
    assert '<a href="cases.html">Sagernes forløb</a> (3 sager)' in front
    assert not any(" object at 0x" in data.decode("utf-8", "replace")
                   or "Timeline(" in data.decode("utf-8", "replace")
                   for data in files.values())


# The same bodies and meetings, no route, and a case sent to two bodies: one
# step on each.
WITHOUT_ROUTES = PLAN[:PLAN.index("[[route]]")] + """
[[case]]
title = "Orientering"
body = ["sbu", "oek"]
month = 3
"""


def test_a_plan_without_routes_has_no_routes_on_its_site() -> None:
    plan, found = routed(WITHOUT_ROUTES)
    assert [len(placed.steps) for placed in found.cases] == [1, 1]
    files = site_files(plan, found, now=NOW)
    assert CASES not in files
    assert not any(b'class="route"' in data or b"cases.html" in data
                   for data in files.values())


def test_a_route_on_the_page_shows_plan_text_as_text() -> None:
    page = cases_page(make_plan(), [Timeline("<script>x</script>", (
        Stop("A & B", "i dag", 2, 'a.html#item-2" onclick="x'),))], back=("index.html", "<"))
    assert "<h2>&lt;script&gt;x&lt;/script&gt;</h2>" in page
    assert '<a href="a.html#item-2&#34; onclick=&#34;x">i dag – A &amp; B, punkt 2</a>' in page
    assert "<script>" not in page


def test_english_words() -> None:
    plan, found = routed(PLAN.replace('id = "aarhus-2025"', 'id = "aarhus-2025"\n'
                                      'language = "en"') + CASE)
    files = site_files(plan, found, now=NOW)
    page = files["agendas/oek/2025-05-20.html"].decode("utf-8")
    assert "<p><strong>Route of the case:</strong></p>" in page
    assert "Tuesday 20 May 2025 – Økonomiudvalget, item 1</strong> (this meeting)" in page
    assert '<a href="cases.html">Routes of the cases</a> (1 case)' in files[
        "index.html"].decode("utf-8")


def test_the_routes_links_lead_to_their_items_in_a_browser(tmp_path: Path) -> None:
    plan, found = routed()
    folder = tmp_path / "site"
    write_site(site_files(plan, found, now=NOW), folder)
    hrefs = [href for route in links_of(dom((folder / CASES).as_uri())).routes
             for href in route]
    assert len(hrefs) == 9
    shown = links_of(dom((folder / "agendas" / "oek" / "2025-05-20.html").as_uri()))
    (route,) = shown.routes
    assert route[1] is None  # this meeting's own step
    from_page = [("agendas/oek/" + href) for href in route if href]
    for href in [*hrefs, *from_page]:
        assert href is not None
        target, _, anchor = href.partition("#")
        target = re.sub(r"[^/]+/\.\./", "", target)  # agendas/oek/../sbu/ -> agendas/sbu/
        assert (folder / target).is_file(), href
        assert f'id="{anchor}"' in (folder / target).read_text(encoding="utf-8"), href
