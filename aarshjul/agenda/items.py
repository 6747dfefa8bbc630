"""An agenda as values: numbered items with clock times.

Both a planned agenda (assembled from a plan) and a written one (read from
a .txt, .md or .docx file) end up as an :class:`Agenda`, so that they are
timed, checked and rendered the same way. This module imports nothing from
the plan model, which keeps checking a written agenda quick to start.
"""

from __future__ import annotations

import datetime as dt

import attrs

from aarshjul.clock import NO_MINUTES, ClockTime, Minutes
from aarshjul.messages import Message, _
from aarshjul.vocabulary import Language

__all__ = ["Agenda", "AgendaItem"]


@attrs.frozen(cache_hash=True)  # a site's pages look items up by hash, thousands of times
class AgendaItem:
    """One numbered item.

    ``start`` and ``end`` are None for an item without a time slot (0
    minutes, like *Skriftlige orienteringer*), and in a written agenda for an
    item whose time is not given. ``line`` is where a written item's heading
    stands (for .docx: the paragraph).
    """

    number: int
    title: str
    minutes: Minutes = NO_MINUTES
    start: ClockTime | None = None
    end: ClockTime | None = None
    method: str = ""
    responsible: str = ""
    purpose: str = ""
    attachments: tuple[str, ...] = ()
    fixed: ClockTime | None = None
    theme: str | None = None
    line: int | None = attrs.field(default=None, eq=False)
    next_steps: str = ""
    """Where a case on a route goes after this meeting ("Sagen behandles
    herefter i Økonomiudvalget den 19. maj 2025 …"), SPEC §12."""

    @property
    def timed(self) -> bool:
        return self.start is not None and self.end is not None


@attrs.frozen
class Agenda:
    """A meeting's agenda: what, when, where, and the items."""

    title: str
    date: dt.date | None
    start: ClockTime | None
    end: ClockTime | None
    location: str = ""
    items: tuple[AgendaItem, ...] = ()
    body: str = ""
    cancelled: bool = False
    note: str = ""
    language: Language = Language.DA
    """The language of its plan, which :func:`~aarshjul.agenda.documents.render_agenda`
    writes it in unless told another; a written agenda read back is Danish."""
    to: dt.date | None = None
    """The last day of a meeting over several days."""
    all_day: bool = False
    """An all-day meeting's: no times, and no items."""
    moved_from: dt.date | None = None
    """The day its meeting was first announced for, where it moved
    (:attr:`~aarshjul.model.Meeting.moved_from`)."""
    body_name: str = ""
    """Its body's name, which a meeting with its own title ("Budgetseminar")
    keeps (``body`` is the body's id)."""

    @property
    def minutes(self) -> Minutes | None:
        if self.start is None or self.end is None:
            return None
        return self.start.until(self.end)

    @property
    def planned_minutes(self) -> Minutes:
        return Minutes(sum(item.minutes for item in self.items))


def item_record(item: AgendaItem) -> dict[str, object]:
    """An item as JSON (``meetings --format json``, ``check --format json``)."""
    return {
        "number": item.number,
        "title": item.title,
        "start": str(item.start) if item.start else None,
        "end": str(item.end) if item.end else None,
        "minutes": item.minutes,
    }


def unplanned(left: int, total: int, span: str) -> Message:
    """The words of a ``slack`` finding, for planned and written agendas alike."""
    return _("{left} of the meeting's {total} minutes ({span}) are not planned",
             left=left, total=total, span=span)


def unplanned_in_meetings(count: int, least: int, most: int) -> Message:
    """The words of the one line for several meetings' ``slack`` findings."""
    if least == most:
        return _("{count} meetings have {least} minutes not planned "
                 "(--level info lists each)", count=count, least=least)
    return _("{count} meetings have {least}–{most} minutes not planned "
             "(--level info lists each)", count=count, least=least, most=most)
