"""Lists of meetings as a secretariat keeps them in Excel, read as meeting
rows: ``.csv`` (and ``.txt``) saved from it, and ``.xlsx`` workbooks.

A CSV file's encoding is found as :func:`aarshjul.files.read_text` finds it
(UTF-8 with or without a BOM; else Windows-1252, as older Danish Excel
saves), and its delimiter is sniffed among ``;`` (Danish Excel's, the comma
being the decimal mark), ``,`` and tab. A workbook's first sheet is read,
its cells typed (a date, a time) or text.

The columns are found by their headers, Danish or English, in any case: the
header row is the first row with a date column (a title row may stand above
it). A row without a day is skipped (a blank row, a note between the
meetings); a day or a time that cannot be read is an error at its row and
column, and every one of them in the file is reported at once.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections.abc import Iterable, Sequence

from aarshjul.clock import ClockTime
from aarshjul.errors import Problem, Severity, SourceError
from aarshjul.files import read_bytes, read_text
from aarshjul.importing.cells import day_of, hours_of, months_first
from aarshjul.importing.rows import Row, empty
from aarshjul.messages import Refusal, _

__all__ = ["COLUMNS", "csv_rows", "table_rows", "xlsx_rows"]

COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("dato", "date", "mødedato", "dag", "day", "dato og tid", "dato og klokkeslæt",
             "startdato", "start date"),
    "start": ("start", "fra", "kl", "tid", "tidspunkt", "time", "starttid", "from",
              "starttidspunkt", "start time"),
    "end": ("slut", "til", "end", "sluttid", "to", "sluttidspunkt", "end time"),
    "body": ("organ", "udvalg", "body", "forum", "committee"),
    "title": ("titel", "title", "emne", "møde", "subject", "name", "navn"),
    "location": ("sted", "location", "lokale", "mødested", "place", "room", "placering"),
    "all_day": ("heldagsbegivenhed", "all day event"),
    "last_day": ("slutdato", "end date"),
}
"""The headers each column is known by, as written after lower-casing and
without a closing ``.`` or ``:`` (``Kl.``, ``Dato:``). Outlook's own export
of a calendar as a list ("Emne", "Startdato", "Starttidspunkt" …, or
"Subject", "Start Date", "Start Time" …) is one of them."""

_TRUE = frozenset({"true", "sand", "ja", "yes", "1"})
"""How a list says yes in an all-day column: Outlook writes True, or Sand."""

_HEADER_ROWS = 20
"""How far down a file its header is looked for: below a title or two,
never below the first meetings."""

_DELIMITERS = ";,\t"

Cell = object
"""A cell's value: text from a CSV file, text or a typed value from a workbook."""


def csv_rows(name: str) -> list[Row]:
    """The meetings of a ``.csv`` (or ``.txt``) list."""
    text = read_text(name, legacy="cp1252")
    if not text.strip():
        raise empty(name)
    try:
        dialect: type[csv.Dialect] = csv.Sniffer().sniff(
            text[:8192], delimiters=_DELIMITERS)
    except csv.Error:  # one column, or too little to tell: Danish Excel's ";"
        dialect = _Semicolon
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    numbered: list[tuple[int, Sequence[Cell]]] = []
    line = 1
    try:
        for record in reader:
            numbered.append((line, record))
            line = reader.line_num + 1  # the next record starts after this one's lines
    except csv.Error as error:
        raise SourceError.single("not-csv", _(
            "is not a list of values that can be read ({reason})", reason=str(error)),
            file=name, line=reader.line_num) from None
    return table_rows(numbered, name=name)


class _Semicolon(csv.excel):
    delimiter = ";"


def xlsx_rows(name: str) -> list[Row]:
    """The meetings on the first sheet of an ``.xlsx`` workbook."""
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    data = read_bytes(name)
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise SourceError.single("not-xlsx", _(
            "is not an Excel workbook that can be read (expected an .xlsx file, as Excel "
            "saves it)"), file=name) from None
    try:
        sheet = book.worksheets[0]
        numbered = [(number, row) for number, row in
                    enumerate(sheet.iter_rows(values_only=True), start=1)]
    finally:
        book.close()
    return table_rows(numbered, name=name)


def table_rows(numbered: Iterable[tuple[int, Sequence[Cell]]], *, name: str) -> list[Row]:
    """The meetings of a table given as numbered rows of cells: the header
    found, each row below it with a day read as a :class:`Row`."""
    header: dict[str, int] | None = None
    labels: Sequence[Cell] = ()
    below: list[tuple[int, Sequence[Cell]]] = []
    for number, cells in numbered:
        if header is not None:
            below.append((number, cells))
        elif number > _HEADER_ROWS:
            break
        else:
            header = _header(cells)
            labels = cells
    if header is None:
        raise SourceError.single("no-date-column", _(
            "has no date column: no row among the first {count} has a header such as "
            "{headers}", count=_HEADER_ROWS, headers=_said(COLUMNS["date"])), file=name)
    # Outlook's English list writes 1/15/2025: the column tells.
    american = months_first(cells[place] for _number, cells in below
                            for place in (header["date"], header.get("last_day"))
                            if place is not None and place < len(cells))
    rows: list[Row] = []
    problems: list[Problem] = []
    for number, cells in below:
        try:
            row = _row(cells, header, labels, name=name, line=number, month_first=american)
        except _Unreadable as error:
            problems.extend(error.problems)
            continue
        if row is not None:
            rows.append(row)
    if "body" not in header and "title" not in header:
        raise SourceError.single("no-title-column", _(
            "has no column that names the meetings: give one with a header such as {headers}",
            headers=_said(COLUMNS["body"] + COLUMNS["title"])), file=name)
    if problems:
        raise SourceError(problems)
    return rows


def _said(headers: Iterable[str]) -> str:
    return ", ".join(f'"{header}"' for header in headers)


def _header(cells: Sequence[Cell]) -> dict[str, int] | None:
    """Each known column's place, where this row is the header (it names a
    date column); the first column of a kind counts."""
    found: dict[str, int] = {}
    for place, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        label = cell.strip().lower().rstrip(".:").strip()
        for column, names in COLUMNS.items():
            if label in names:
                found.setdefault(column, place)
    return found if "date" in found else None


class _Unreadable(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(problems)
        self.problems = problems


def _row(cells: Sequence[Cell], header: dict[str, int], labels: Sequence[Cell], *,
         name: str, line: int, month_first: bool) -> Row | None:
    def cell(column: str) -> Cell:
        place = header.get(column)
        return cells[place] if place is not None and place < len(cells) else None

    def text(column: str) -> str:
        value = cell(column)
        return "" if value is None else " ".join(str(value).split())

    def problem(column: str, error: Refusal) -> Problem:
        label = " ".join(str(labels[header[column]]).split())
        return Problem(Severity.ERROR, "bad-date" if column in ("date", "last_day") else
                       "bad-time",
                       _('column "{column}": {said}', column=label, said=error.said),
                       file=name, line=line)

    try:
        day = day_of(cell("date"), month_first=month_first)
    except Refusal as error:
        raise _Unreadable([problem("date", error)]) from None
    if day is None:
        return None
    problems: list[Problem] = []
    start = end = None
    try:
        start, end = hours_of(cell("start"))
    except Refusal as error:
        problems.append(problem("start", error))
    if end is None and "end" in header:
        try:
            end, _later = hours_of(cell("end"))
        except Refusal as error:
            problems.append(problem("end", error))
    if problems:
        raise _Unreadable(problems)
    if start is None:  # a day written with its time ("2025-01-15 18:15"), or typed so
        start = _time_in(cell("date"))
    all_day = text("all_day").lower() in _TRUE
    if all_day:  # its times are midnight to midnight
        start = end = None
    try:
        until = day_of(cell("last_day"), month_first=month_first)
    except Refusal as error:
        raise _Unreadable([problem("last_day", error)]) from None
    # An all-day event ends at the midnight that begins the day after it.
    last = until - dt.timedelta(days=1) if until is not None and all_day else until
    title, body = text("title"), text("body")
    return Row(name, line, day, start, end, title or body, body or title, text("location"),
               last if last is not None and last > day else None, all_day=all_day)


def _time_in(value: Cell) -> ClockTime | None:
    """The time a date cell gives with its day; None for midnight, which is
    how a workbook (or a CSV file saved from one) writes a bare day."""
    if isinstance(value, dt.datetime):
        moment = value.time()
    elif isinstance(value, str) and (found := _DAY_AND_TIME.fullmatch(value.strip())):
        moment = dt.time(int(found[1]), int(found[2]))
    else:
        return None
    return ClockTime.of(moment) if moment != dt.time(0) else None


_DAY_AND_TIME = re.compile(r"\d{4}-\d{1,2}-\d{1,2}[ T]([01]?\d|2[0-3])[:.]([0-5]\d)(?:[:.]\d{2})?")
