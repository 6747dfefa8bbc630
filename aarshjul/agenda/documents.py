"""Agendas as documents: plain text that reads like the seed, Markdown, HTML.

The text form is also an input: ``aarshjul check`` reads it back as a
written agenda, and a test holds that the round trip gives the same items.
So every line here is one the written-agenda reader knows, and free text
(purposes, attachments) is kept to one line each, where a reader could not
mistake it for an item's heading.
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from aarshjul.agenda.items import Agenda, AgendaItem
from aarshjul.dates import meeting_days
from aarshjul.vocabulary import Language, Words, words

__all__ = ["render_agenda"]


def one_line(text: str) -> str:
    """Free text on one line: a line break in a purpose would let its next
    line pass for an item's heading when the agenda is read back."""
    return " ".join(text.split())


def date_line(agenda: Agenda, language: Language) -> str:
    return meeting_days(agenda.date, agenda.to, language) if agenda.date else ""


def time_span(item: AgendaItem, labels: Words) -> str:
    """``18.15 – 18.18 (3 min.)``, the seed's way."""
    assert item.start is not None
    assert item.end is not None
    return f"{item.start.dotted()} – {item.end.dotted()} ({item.minutes} {labels.minutes})"


def meeting_span(agenda: Agenda, labels: Words) -> str:
    if agenda.start is None or agenda.end is None:
        return ""
    prefix = f"{labels.clock} " if labels.clock else ""
    return f"{prefix}{agenda.start.dotted()} – {agenda.end.dotted()}"


@attrs.frozen
class _Style:
    """How the plain-text and the Markdown agenda differ: the same lines in
    the same order, decorated differently, free text escaped differently."""

    title: str  # "{}", or "# {}"
    strong: str  # "{}", or "**{}**"
    meeting_field: str  # "Mødetid: …", or a Markdown list line
    brief: str  # the brief list's heading, with a colon or as a Markdown heading
    heading: str  # each item's heading
    field: str  # "Tid: …"
    after_field: tuple[str, ...]  # a blank line after a field (the seed), or none
    before_list: tuple[str, ...]  # Markdown wants a blank line before a list
    escape: Callable[[str], str]


def _document(agenda: Agenda, language: Language, style: _Style) -> str:
    labels, esc = words(language), style.escape
    lines = [style.title.format(esc(agenda.title)), ""]
    if agenda.cancelled:
        lines += [style.strong.format(labels.cancelled.upper()), ""]
    meeting = [(labels.meeting_date, date_line(agenda, language)),
               (labels.meeting_time, meeting_span(agenda, labels)),
               (labels.meeting_place, esc(agenda.location))]
    if agenda.note:
        meeting.append((labels.note, esc(agenda.note)))
    # An all-day meeting has no time: an empty "Mødetid:" would not read
    # back as one, so the line is left out (an empty place reads back).
    lines += [style.meeting_field.format(label, value) for label, value in meeting
              if value or label != labels.meeting_time]
    lines.append("")
    if not agenda.items:
        return "\n".join([*lines, labels.no_items, ""])
    lines += [style.brief.format(labels.brief), ""]
    lines += [f"{item.number}. {esc(item.title)}" for item in agenda.items]
    for item in agenda.items:
        lines += ["", style.heading.format(f"{item.number}. {esc(item.title)}"), ""]
        fields = [(labels.purpose, esc(item.purpose)), (labels.method, esc(item.method)),
                  (labels.responsible, esc(item.responsible)),
                  (labels.next_steps, esc(item.next_steps))]
        if item.timed and not agenda.cancelled:  # a cancelled meeting keeps no times
            fields.append((labels.time, time_span(item, labels)))
        for label, value in fields:
            if value.strip():
                lines += [style.field.format(label, value), *style.after_field]
        if item.attachments:
            lines += [style.strong.format(f"{labels.attachments}:"), *style.before_list]
            lines += [f"- {esc(a)}" for a in item.attachments]
        while lines[-1] == "":
            lines.pop()
    return "\n".join(lines) + "\n"


def as_text(agenda: Agenda, language: Language) -> str:
    """Plain text, laid out as the seed's agenda is."""
    return _document(agenda, language, _Style(
        title="{}", strong="{}", meeting_field="{}: {}", brief="{}:", heading="{}",
        field="{}: {}", after_field=("",), before_list=(), escape=one_line))


def as_markdown(agenda: Agenda, language: Language) -> str:
    return _document(agenda, language, _Style(
        title="# {}", strong="**{}**", meeting_field="- **{}:** {}", brief="## {}",
        heading="## {}", field="**{}:** {}  ", after_field=(), before_list=("",),
        escape=_md))


_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|"})


def _md(text: str) -> str:
    """Free text safe inside Markdown: no emphasis, links or HTML from a title."""
    return one_line(text).translate(_MD_SPECIAL)


FORMS = ("text", "md", "html")
"""What :func:`render_agenda` writes: plain text, Markdown, or an HTML page."""


def render_agenda(agenda: Agenda, *, form: str = "text", language: Language | None = None
                  ) -> str:
    """An agenda as ``"text"``, ``"md"`` or ``"html"``, in ``language``
    (by default its plan's, :attr:`Agenda.language`)."""
    language = agenda.language if language is None else language
    if form == "text":
        return as_text(agenda, language)
    if form == "md":
        return as_markdown(agenda, language)
    if form == "html":
        # The page's module loads Jinja, which only a page needs.
        from aarshjul.agenda.html import as_html

        return as_html(agenda, language)
    raise ValueError(f"form must be one of {', '.join(FORMS)} (got {form!r})")
