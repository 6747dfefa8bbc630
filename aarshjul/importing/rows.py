"""The first step of ``aarshjul import`` (SPEC §14): a file in, meeting rows
out.

Each reader turns one kind of file into :class:`Row` values, one a meeting,
in the plan's time zone and located in the file, so that finding the rules
behind the dates (a later step) never sees iCal, CSV or a workbook, and a
mistake in the input is reported at its line. :func:`read_rows` picks the
reader by the file's suffix.
"""

from __future__ import annotations

import datetime as dt
import os
import zoneinfo

import attrs

from aarshjul.clock import ClockTime
from aarshjul.errors import SourceError
from aarshjul.files import regular_file
from aarshjul.messages import _

__all__ = ["DEFAULT_MINUTES", "IMPORTABLE", "Row", "end_of", "read_rows", "with_time"]

DEFAULT_MINUTES = 60
"""How long a meeting lasts whose file gives only its start."""

_LAST_MINUTE = ClockTime(24 * 60 - 1)


def end_of(start: ClockTime, end: ClockTime | None) -> ClockTime:
    """When a meeting ends that a file gives ``start`` and ``end`` of: where
    it gives no end, :data:`DEFAULT_MINUTES` later, but never past the
    day's last minute (a meeting ends on the day it starts)."""
    if end is not None:
        return end
    return ClockTime(min(start.minutes + DEFAULT_MINUTES, _LAST_MINUTE.minutes))


@attrs.frozen
class Row:
    """One meeting as a file gives it."""

    source: str
    """The file's name, as it was given."""
    line: int
    """Where it is: the row of a CSV or xlsx file (the file's first row is 1),
    or the line of the VEVENT's ``BEGIN`` in an ``.ics`` file."""
    date: dt.date
    """Its (first) day, in the plan's time zone."""
    start: ClockTime | None
    """None for an all-day event, or a row that gives no time."""
    end: ClockTime | None
    title: str
    """The event's SUMMARY, or the title column."""
    body: str
    """The organ (udvalg) column; where a file has none, the title (in an
    ``.ics``, the title of the event's series)."""
    location: str = ""
    last_day: dt.date | None = None
    """The last day of an event over several days; None for one of one day."""
    all_day: bool = False
    """True where the file says the event is all day (a calendar's, or an
    Outlook list's "Heldagsbegivenhed"), not merely that it gives no time."""


CALENDAR_SUFFIXES = (".ics",)
TABLE_SUFFIXES = (".csv", ".txt")  # a .txt list is what Excel saves as "Text (tab delimited)"
WORKBOOK_SUFFIXES = (".xlsx",)
IMPORTABLE = CALENDAR_SUFFIXES + TABLE_SUFFIXES + WORKBOOK_SUFFIXES


def read_rows(path: str | os.PathLike[str], *,
              timezone: str = "Europe/Copenhagen") -> list[Row]:
    """The meetings a file gives, by its suffix (``.ics``, ``.csv`` or
    ``.txt``, ``.xlsx``), in order of day, start and title.

    Times are said in ``timezone`` (the plan's). Raises
    :class:`~aarshjul.errors.SourceError` for a file of another kind, one
    that cannot be read, an empty one, or one that gives no dates.
    """
    # Imported here: each reader loads its own library (icalendar, openpyxl),
    # and a file of one kind need not pay for the other.
    from aarshjul.importing.calendar_rows import calendar_rows
    from aarshjul.importing.table_rows import csv_rows, xlsx_rows

    name = os.fspath(path)
    zone = plan_zone(timezone)
    suffix = os.path.splitext(name)[1].lower()  # noqa: PTH122 - str in, str out
    if suffix not in IMPORTABLE:
        raise SourceError.single("unknown-kind", _(
            "cannot import this kind of file (give {suffixes})",
            suffixes=", ".join(IMPORTABLE)), file=name)
    if regular_file(name).st_size == 0:
        raise empty(name)
    if suffix in CALENDAR_SUFFIXES:
        rows = calendar_rows(name, zone=zone)
    elif suffix in TABLE_SUFFIXES:
        rows = csv_rows(name)
    else:
        rows = xlsx_rows(name)
    if not rows:
        raise SourceError.single("no-dates", _(
            "holds no meetings: no event in a calendar, no row with a date in a list"),
            file=name)
    return sorted(rows, key=_order)


def with_time(rows: list[Row], start: ClockTime, end: ClockTime | None) -> list[Row]:
    """``rows``, each row of a list that gives no time given ``start`` and
    ``end``: a list that says the time once ("Alle møder kl. 17.30"), not
    on each row. An event the file says is all day stays all day, and so
    does a meeting over several days."""
    return [attrs.evolve(row, start=start, end=end)
            if row.start is None and row.last_day is None and not row.all_day else row
            for row in rows]


def plan_zone(timezone: str) -> zoneinfo.ZoneInfo:
    """The plan's zone, or :class:`SourceError` for a name that is none."""
    try:
        return zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise SourceError.single("unknown-timezone", _(
            '"{name}" is not an IANA time zone like "Europe/Copenhagen"',
            name=timezone)) from None


def empty(name: str) -> SourceError:
    """The error for a file with nothing in it."""
    return SourceError.single("empty-file", _(
        "is empty (expected an iCalendar export, or a list of meetings with a date column)"),
        file=name)


def _order(row: Row) -> tuple[dt.date, int, str, str, int]:
    # An all-day event before the day's timed ones; the file and line last,
    # so that rows alike in all else keep one order from run to run.
    start = -1 if row.start is None else row.start.minutes
    return row.date, start, row.title, row.source, row.line
