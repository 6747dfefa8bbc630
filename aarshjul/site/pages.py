"""The static site's files (SPEC §7): the wheel, the coming meetings, an agenda
page for each meeting, the mødeplan of every meeting and each body's
(:mod:`aarshjul.site.moedeplan`), the feeds and the plan as JSON; where
cases travel a route, their routes (:mod:`aarshjul.site.cases`).

The site works from any static host and from ``file://``: every link is
relative, and nothing is loaded from elsewhere (no CDN, no web fonts). With
a base URL, the front page also gives the feeds' absolute ``https://`` and
``webcal://`` addresses to subscribe to.

Pure: :func:`site_files` computes every file's bytes; the build's time and
the previous build's feed records come in as arguments.
:mod:`aarshjul.site.staging` puts the files in place.
"""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from collections.abc import Mapping

from aarshjul.addresses import check_base_url
from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.case_listing import list_cases
from aarshjul.agenda.html import as_html
from aarshjul.agenda.items import item_record
from aarshjul.agenda.listing import meeting_record
from aarshjul.agenda.paths import agenda_paths
from aarshjul.choices import Status
from aarshjul.dates import full_date, meeting_days, meeting_hours, moved_words
from aarshjul.ical.feeds import build_feeds
from aarshjul.ical.manifest import ALL, DEADLINES, manifest_text
from aarshjul.ical.manifest import MANIFEST as FEEDS_MANIFEST
from aarshjul.ical.stamps import Record, Stamper
from aarshjul.model import Meeting, Plan
from aarshjul.site.cases import CASES, cases_page, on_pages, timelines
from aarshjul.site.moedeplan import MEETINGS, meeting_plan_pages
from aarshjul.templates import markup, render
from aarshjul.vocabulary import Words, capitalized, counted, words
from aarshjul.wheel.drawing import mark_today, wheel_spans, wheel_svg

__all__ = ["plan_json", "site_files"]

COMING = 12  # meetings listed on the front page


def _feed_links(plan: Plan, base_url: str | None, said: Words
                ) -> list[dict[str, str | None]]:
    feeds = [(f"{body.id}.ics", body.name) for body in plan.bodies]
    feeds += [(ALL, capitalized(said.all_meetings))]
    if any(body.ready_by is not None for body in plan.bodies):  # its agendas' or cases'
        feeds.append((DEADLINES, capitalized(said.deadlines)))
    links = []
    for name, label in feeds:
        url = f"{base_url.rstrip('/')}/feeds/{name}" if base_url else None
        webcal = ("webcal://" + url.split("://", 1)[1]) if url else None
        links.append({"name": label, "file": f"feeds/{name}", "url": url, "webcal": webcal})
    return links


def _coming(plan: Plan, agendas: Agendas, paths: Mapping[str, str], today: dt.date
            ) -> list[dict[str, object]]:
    body_names = {body.id: body.name for body in plan.bodies}
    # A meeting over several days is coming until its last day is over.
    upcoming = [m for m in agendas.meetings if m.last_day >= today][:COMING]
    # Days and times as the agenda pages write them (18.15 – 19.45).
    return [{"date": meeting_days(m.date, m.to, plan.language),
             "time": meeting_hours(m.start, m.end, all_day=m.all_day, language=plan.language),
             "body": body_names[m.body], "title": m.title, "location": m.location,
             "href": paths[m.uid], "cancelled": m.status is Status.CANCELLED,
             "moved": "" if m.moved_from is None else moved_words(m.moved_from, plan.language)}
            for m in upcoming]


def plan_json(plan: Plan, agendas: Agendas) -> str:
    """The plan, its meetings and its cases, for programs (the meetings as
    ``aarshjul meetings --format json`` gives them, the cases as ``aarshjul
    cases --format json``)."""
    records: dict[object, dict[str, object]] = {}  # a series' meetings share their items

    def record(meeting: Meeting) -> dict[str, object]:
        found = meeting_record(meeting)
        agenda = agendas.by_uid.get(meeting.uid)
        if agenda is not None:
            found["items"] = [records.get(item) or records.setdefault(item, item_record(item))
                              for item in agenda.items]
        return found

    data = {
        "title": plan.title, "id": plan.id, "start": plan.start.isoformat(),
        "end": plan.end.isoformat(), "timezone": plan.timezone,
        "language": plan.language.value,
        "bodies": [{"id": b.id, "name": b.name, "kind": b.kind, "location": b.location,
                    "color": b.color,
                    "agenda_deadline": None if b.agenda_deadline is None
                    else b.agenda_deadline.written} for b in plan.bodies],
        "themes": [{"id": t.id, "name": t.name, "color": t.color} for t in plan.themes],
        "meetings": [record(m) for m in agendas.meetings],
        "cases": [case.record() for case in list_cases(plan, agendas)],
    }
    # Compact: json writes indented output with its slow pure-Python encoder.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def site_files(plan: Plan, agendas: Agendas, *, now: dt.datetime,
               previous: Mapping[str, Record] | None = None,
               base_url: str | None = None) -> dict[str, bytes]:
    """Every file of the site, by its path in the folder. ``now`` is the
    build's time: it stamps changed feed events and decides which meetings
    are coming. Raises ValueError for a ``base_url`` that is no site's
    address (:func:`~aarshjul.addresses.check_base_url`)."""
    check_base_url(base_url)
    language = plan.language
    said = words(language)
    paths = agenda_paths(agendas)
    back = ("../../index.html", said.wheel)
    routes = timelines(plan, agendas, paths)
    shown = on_pages(routes)  # each page's routes, by its items' numbers
    # As bytes at once: the text's memory then serves the next page.
    files = {paths[meeting.uid]: as_html(agendas.agenda(meeting), language, back=back,
                                         routes=shown.get(paths[meeting.uid])
                                         ).encode("utf-8")
             for meeting in agendas.meetings}
    files |= {name: page.encode("utf-8")
              for name, page in meeting_plan_pages(plan, agendas, paths).items()}
    if routes:
        files[CASES] = cases_page(plan, routes, back=("index.html", said.wheel)).encode("utf-8")
    files["plan.json"] = plan_json(plan, agendas).encode("utf-8")
    feeds = build_feeds(plan, agendas, stamper=Stamper(now, previous or {}), base_url=base_url)
    files |= {f"feeds/{name}": text.encode("utf-8") for name, text in feeds.items()}
    files[f"feeds/{FEEDS_MANIFEST}"] = manifest_text(feeds, feeds.records).encode("utf-8")
    today = now.astimezone(zoneinfo.ZoneInfo(plan.timezone)).date()
    wheels = []
    for span in wheel_spans(plan):
        svg = wheel_svg(plan, agendas, year=span.year, link=lambda m: paths[m.uid])
        files[f"wheel-{span.slug}.svg"] = svg.encode("utf-8")
        marked = mark_today(svg, span=span, today=today, language=language)
        wheels.append({"year": span.label, "id": span.slug, "svg": markup(marked),
                       "file": f"wheel-{span.slug}.svg"})
    files["index.html"] = render(
        "site_index.html.j2", plan=plan, words=said, language=language.value,
        wheels=wheels, coming=_coming(plan, agendas, paths, today),
        feeds=_feed_links(plan, base_url, said), meetings=MEETINGS,
        cases=(CASES, counted(len(routes), said.one_case, said.many_cases)) if routes else None,
        today=full_date(today, language)).encode("utf-8")
    return dict(sorted(files.items()))
