"""The meetings list as an Excel workbook (``aarshjul meetings --format
xlsx``, SPEC §13): the CSV's columns (:data:`~aarshjul.agenda.listing.CSV_FIELDS`)
on one sheet, with typed cells, so that a planner sorts and filters by day
and time instead of by text.

Pure: it gives the file's bytes, which the command line writes. The same
meetings and moment give the same bytes, on any day and any machine.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Sequence

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from aarshjul.agenda.listing import CSV_FIELDS
from aarshjul.model import Meeting, Plan

__all__ = ["DATE_FORMAT", "TIME_FORMAT", "as_xlsx", "sheet_name"]

DATE_FORMAT = "yyyy-mm-dd"
"""As the CSV writes a day; Excel sorts and filters it as a date."""
TIME_FORMAT = "hh:mm"

Cell = str | dt.date | dt.time | None


# Each column of the CSV: what its cell holds. Empty (None) where the CSV's
# field is empty: no day to move from, one day only, an all-day meeting (whose
# start and end are midnight, no clock times).
_CELLS: dict[str, Callable[[Meeting], Cell]] = {
    "uid": lambda m: m.uid,
    "body": lambda m: m.body,
    "title": lambda m: m.title,
    "date": lambda m: m.date,
    "start": lambda m: None if m.all_day else m.start.to_time(),
    "end": lambda m: None if m.all_day else m.end.to_time(),
    "status": lambda m: m.status.value,
    "location": lambda m: m.location or None,
    "original_date": lambda m: m.original_date,
    "to": lambda m: m.to,
}
assert tuple(_CELLS) == CSV_FIELDS, "the workbook has the CSV's columns, in its order"

_WIDEST = 60
"""The widest column, in characters: a long title wraps no column off the screen."""

# What Excel refuses in a sheet's name, and what stands in for it.
_FORBIDDEN = str.maketrans({"[": "(", "]": ")", "/": "-", "\\": "-", ":": "", "*": "", "?": ""})
_RESERVED = "history"  # Excel keeps this sheet name for itself
_LONGEST = 31


def sheet_name(title: str, *fallbacks: str) -> str:
    """A name Excel takes for a sheet, made from ``title``: no ``[]:*?/\\``
    (brackets become parentheses, slashes dashes, the rest go), no
    apostrophe at either end, at most 31 characters as Excel counts them
    (in UTF-16; a longer title is cut at a word, or with an ellipsis, as
    the workbook's title keeps it whole), not empty and not "History".
    Where the title leaves no such name, the first of ``fallbacks`` that
    does (the plan's id), else "Meetings".

    >>> sheet_name("Møder 2025/26: [udkast]")
    'Møder 2025-26 (udkast)'
    >>> sheet_name("Social- og Beskæftigelsesudvalgets møder 2025")
    'Social- og Beskæftigelsesudval…'
    >>> sheet_name("Byråd og udvalg, Fredensborg 2017")
    'Byråd og udvalg, Fredensborg'
    >>> sheet_name("'''", "history", "plan-2025")
    'plan-2025'
    """
    for text in (title, *fallbacks):
        name = _cut(" ".join(text.translate(_FORBIDDEN).split()).strip(" '"))
        if name and name.casefold() != _RESERVED:
            return name
    return "Meetings"


def _cut(name: str) -> str:
    """At most 31 units: a long name ends at a word, where that keeps most
    of it, else mid-word with an ellipsis, never in a number."""
    if _units(name) <= _LONGEST:
        return name
    cut = name[:_LONGEST]
    while _units(cut) > _LONGEST:  # a character beyond Unicode's first plane counts 2
        cut = cut[:-1]
    word = cut[:cut.rfind(" ")].rstrip(" ,;:-–'") if " " in cut else ""
    if len(word) >= _KEEP_AT_A_WORD:
        return word
    cut = cut[:-1]
    while _units(cut) > _LONGEST - 1:
        cut = cut[:-1]
    return cut.rstrip(" '") + "…"


_KEEP_AT_A_WORD = 20  # characters a name cut at a word keeps at least


def _units(text: str) -> int:
    """The length of ``text`` as Excel counts it: in UTF-16 units."""
    return len(text.encode("utf-16-le")) // 2


def as_xlsx(plan: Plan, meetings: Sequence[Meeting], *,
            moment: dt.datetime | None = None) -> bytes:
    """The meetings as an ``.xlsx`` file's bytes: a header row of the CSV's
    fields, frozen, with a filter over the whole list; one row a meeting.

    ``date``, ``original_date`` and ``to`` are date cells, ``start`` and
    ``end`` time cells (``hh:mm``, the wall clock of the plan's time zone,
    as Excel has none), the rest text, never a formula. The sheet is named
    after the plan. ``moment`` is when the workbook says it was made and
    changed (``SOURCE_DATE_EPOCH`` on the command line); by default the
    plan's first day at midnight UTC, not the clock, so that a list made
    again is the same file.
    """
    if moment is None:
        moment = dt.datetime.combine(plan.start, dt.time(), dt.UTC)
    elif moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC)
    moment = moment.replace(tzinfo=None)  # the document's properties are in UTC

    book = Workbook()
    sheet = book.active
    assert sheet is not None  # a new workbook has its one sheet
    sheet.title = sheet_name(plan.title, plan.id)
    _fill(sheet, meetings)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(CSV_FIELDS))}{len(meetings) + 1}"

    book.properties.title = plan.title
    book.properties.creator = "aarshjul"
    book.properties.created = book.properties.modified = moment
    out = io.BytesIO()
    # Not book.save(), which stamps "modified" with the clock.
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).save()
    return _stamped(out.getvalue(), moment)


def _fill(sheet: Worksheet, meetings: Sequence[Meeting]) -> None:
    """The header in bold, a row a meeting, and each column as wide as its
    widest cell shows."""
    sheet.append(CSV_FIELDS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    widths = [len(field) for field in CSV_FIELDS]
    for row, meeting in enumerate(meetings, start=2):
        for column, field in enumerate(CSV_FIELDS, start=1):
            value = _CELLS[field](meeting)
            if value is None:
                continue
            cell = sheet.cell(row=row, column=column, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # text, even where it starts with "="
                shown = len(value)
            elif isinstance(value, dt.date):
                cell.number_format = DATE_FORMAT
                shown = len(DATE_FORMAT)
            else:
                cell.number_format = TIME_FORMAT
                shown = len(TIME_FORMAT)
            widths[column - 1] = max(widths[column - 1], shown)
    for column, width in enumerate(widths, start=1):
        # Room for the filter's button beside the header's name.
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 3, _WIDEST)


def _stamped(data: bytes, moment: dt.datetime) -> bytes:
    """The archive again, each member dated ``moment`` and readable by all:
    openpyxl dates them by the clock, and the sheet by its temporary file."""
    # A zip's dates run from 1980 to 2107, a plan's years from 1900 to 2999.
    when = min(max(moment.timetuple()[:6], (1980, 1, 1, 0, 0, 0)), (2107, 12, 31, 23, 59, 58))
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(member))
    return out.getvalue()
