"""An agenda as an HTML page: every text escaped, nothing loaded from elsewhere.

The same words and lines as the text form (:mod:`aarshjul.agenda.documents`),
laid out by the templates ``agenda.html.j2`` and ``agenda_item.html.j2``.
"""

from __future__ import annotations

import functools
from typing import Any

from aarshjul.agenda.documents import date_line, meeting_span, time_span
from aarshjul.agenda.items import Agenda, AgendaItem
from aarshjul.templates import markup, render
from aarshjul.vocabulary import Language, capitalized, words

__all__ = ["as_html"]


def as_html(agenda: Agenda, language: Language, *, back: tuple[str, str] | None = None
            ) -> str:
    """A whole HTML page with no outside resources, every text escaped;
    ``back`` is (link, label) of the page it belongs to, in a site."""
    labels = words(language)
    time = capitalized(labels.all_day) if agenda.all_day else meeting_span(agenda, labels)
    return render("agenda.html.j2",
        back=back,  # (link, label): a pair, not a mapping, which Jinja reads faster
        agenda=agenda, labels=labels, language=language.value,
        date=date_line(agenda, language), meeting_time=time,
        **_items_html(agenda.items, agenda.cancelled, language))


def _items_html(items: tuple[AgendaItem, ...], cancelled: bool, language: Language
                ) -> dict[str, Any]:
    """The brief list's lines and the items' sections, each joined into one
    piece of markup (a template's loop costs more than the join)."""
    rendered = [_item_html(item, cancelled, language) for item in items]
    return {"brief": markup("".join(brief for brief, _ in rendered)),
            "sections": markup("".join(section for _, section in rendered))}


@functools.lru_cache(maxsize=4096)
def _item_html(item: AgendaItem, cancelled: bool, language: Language) -> tuple[Any, Any]:
    """An item's line in the brief list and its section, as safe markup. A
    site has a page for every meeting, and the meetings of a series mostly
    share their items and times: each distinct item is rendered once."""
    labels = words(language)
    context = {"item": item, "cancelled": cancelled, "labels": labels,
               "span": lambda item: time_span(item, labels)}
    return (markup(render("agenda_item.html.j2", brief=True, **context)),
            markup(render("agenda_item.html.j2", brief=False, **context)))
