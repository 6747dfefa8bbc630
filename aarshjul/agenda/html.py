"""An agenda as an HTML page: every text escaped, nothing loaded from elsewhere.

The same words and lines as the text form (:mod:`aarshjul.agenda.documents`),
laid out by the templates ``agenda.html.j2`` and ``agenda_item.html.j2``. In
a site, a case on a route shows its route under its item as a timeline
(:class:`Timeline`, ``case_route.html.j2``), which the site makes: only it
knows where the other steps' pages stand.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

import attrs

from aarshjul.agenda.documents import date_line, meeting_span, time_span
from aarshjul.agenda.items import Agenda, AgendaItem
from aarshjul.dates import moved_words
from aarshjul.templates import markup, render
from aarshjul.vocabulary import Language, capitalized, words

__all__ = ["Stop", "Timeline", "as_html"]


@attrs.frozen
class Stop:
    """One step of a case's route as a page shows it."""

    body: str  # its body's name
    when: str  # its meeting's day in words
    item: int  # the case's item on that meeting's agenda
    href: str  # that item on its agenda page, from the page that shows the route
    current: bool = False  # the step of the page that shows the route


@attrs.frozen
class Timeline:
    """A case's route: its title, and its steps in order."""

    title: str
    stops: tuple[Stop, ...]


def as_html(agenda: Agenda, language: Language, *, back: tuple[str, str] | None = None,
            routes: Mapping[int, Timeline] | None = None) -> str:
    """A whole HTML page with no outside resources, every text escaped;
    ``back`` is (link, label) of the page it belongs to, in a site, and
    ``routes`` the route of each item that is a step of a case's route, by
    the item's number."""
    labels = words(language)
    time = capitalized(labels.all_day) if agenda.all_day else meeting_span(agenda, labels)
    moved = "" if agenda.moved_from is None else moved_words(agenda.moved_from, language)
    # A meeting with its own title ("Budgetseminar") still says whose it is.
    body = agenda.body_name if agenda.body_name != agenda.title else ""
    return render("agenda.html.j2",
        back=back,  # (link, label): a pair, not a mapping, which Jinja reads faster
        agenda=agenda, labels=labels, language=language.value,
        date=date_line(agenda, language), meeting_time=time, moved=moved, body=body,
        **_items_html(agenda.items, agenda.cancelled, language, routes or {}))


def _items_html(items: tuple[AgendaItem, ...], cancelled: bool, language: Language,
                routes: Mapping[int, Timeline]) -> dict[str, Any]:
    """The brief list's lines and the items' sections, each joined into one
    piece of markup (a template's loop costs more than the join)."""
    rendered = [_item_html(item, cancelled, language, routes.get(item.number))
                for item in items]
    return {"brief": markup("".join(brief for brief, _ in rendered)),
            "sections": markup("".join(section for _, section in rendered))}


@functools.lru_cache(maxsize=4096)
def _item_html(item: AgendaItem, cancelled: bool, language: Language,
               route: Timeline | None = None) -> tuple[Any, Any]:
    """An item's line in the brief list and its section, as safe markup. A
    site has a page for every meeting, and the meetings of a series mostly
    share their items and times: each distinct item is rendered once."""
    labels = words(language)
    context = {"item": item, "cancelled": cancelled, "labels": labels, "route": route,
               "span": lambda item: time_span(item, labels)}
    return (markup(render("agenda_item.html.j2", brief=True, **context)),
            markup(render("agenda_item.html.j2", brief=False, **context)))
