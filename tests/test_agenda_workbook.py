"""The meetings as an Excel workbook: the CSV's rows with typed cells, read
back with openpyxl, the same bytes every time."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time
import zipfile
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from openpyxl.styles.numbers import is_date_format
from openpyxl.worksheet.worksheet import Worksheet

from aarshjul import Plan, assemble, load_plan, schedule
from aarshjul.agenda.listing import CSV_FIELDS, as_csv
from aarshjul.agenda.workbook import DATE_FORMAT, TIME_FORMAT, as_xlsx, sheet_name
from aarshjul.model import Meeting

from .plans import ROOT, make_plan

PLANS = [ROOT / "calendars" / "aarhus-msb-2025.toml", ROOT / "calendars" / "fredensborg-2017.toml"]
DATES = ("date", "original_date", "to")
TIMES = ("start", "end")


def meetings_of(plan: Plan) -> tuple[Meeting, ...]:
    return assemble(plan, schedule(plan)).meetings


def sheet_of(data: bytes) -> Worksheet:
    book = load_workbook(io.BytesIO(data))
    assert len(book.worksheets) == 1
    return book.worksheets[0]


def as_csv_text(value: Any) -> str:
    """A cell as the CSV writes its field."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        assert value.time() == dt.time()  # a day, no time of day
        return value.date().isoformat()
    if isinstance(value, dt.time):
        return value.strftime("%H:%M")
    assert isinstance(value, str), value
    return value


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_one_row_a_meeting_as_the_csv_has_them(path: Path) -> None:
    plan = load_plan(path)
    meetings = meetings_of(plan)
    sheet = sheet_of(as_xlsx(plan, meetings))
    rows = [[as_csv_text(cell.value) for cell in row] for row in sheet.iter_rows()]
    expected = list(csv.reader(io.StringIO(as_csv(meetings))))
    assert rows[0] == expected[0] == list(CSV_FIELDS)
    assert len(rows) == len(meetings) + 1 > 50
    assert rows == expected


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_days_are_date_cells_and_times_time_cells(path: Path) -> None:
    plan = load_plan(path)
    sheet = sheet_of(as_xlsx(plan, meetings_of(plan)))
    column = {cell.value: cell.column for cell in sheet[1]}
    typed = 0
    for row in sheet.iter_rows(min_row=2):
        for field in DATES:
            cell = row[column[field] - 1]
            if cell.value is not None:
                assert isinstance(cell.value, dt.datetime)
                assert cell.is_date
                assert is_date_format(cell.number_format)
                assert cell.number_format == DATE_FORMAT
                typed += 1
        for field in TIMES:
            cell = row[column[field] - 1]
            if cell.value is not None:
                assert isinstance(cell.value, dt.time)
                assert cell.number_format == TIME_FORMAT
                typed += 1
        assert row[column["date"] - 1].value is not None
    assert typed > 3 * (sheet.max_row - 1)


def test_a_meeting_over_days_has_its_last_day_and_one_all_day_no_times() -> None:
    plan = load_plan(PLANS[1])
    sheet = sheet_of(as_xlsx(plan, meetings_of(plan)))
    seminars = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=2)
                if row[2].value == "Budgetseminar"]
    assert [(row[3], row[4], row[5], row[9]) for row in seminars] == [
        (dt.datetime(2017, 4, 28), None, None, None),
        (dt.datetime(2017, 8, 25), None, None, dt.datetime(2017, 8, 26)),
    ]


def test_a_frozen_header_with_a_filter_over_every_row() -> None:
    plan = load_plan(PLANS[0])
    meetings = meetings_of(plan)
    sheet = sheet_of(as_xlsx(plan, meetings))
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:J{len(meetings) + 1}"
    assert sheet.max_column == len(CSV_FIELDS) == 10
    assert all(cell.font.bold for cell in sheet[1])
    widths = {letter: sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJ"}
    assert all(len(field) < widths[letter] <= 60
               for letter, field in zip("ABCDEFGHIJ", CSV_FIELDS, strict=True))
    assert widths["A"] > 36  # a UID, whole
    assert widths["E"] < 12  # a time


def test_no_meetings_is_a_header_with_its_filter() -> None:
    sheet = sheet_of(as_xlsx(make_plan(), ()))
    assert [cell.value for cell in sheet[1]] == list(CSV_FIELDS)
    assert sheet.max_row == 1
    assert sheet.auto_filter.ref == "A1:J1"


def test_text_that_looks_like_a_formula_stays_text() -> None:
    plan = make_plan('[[body]]\nid = "f"\nname = "=HYPERLINK(\\"http://x\\")"\n'
                     'location = "+45 1234"\n\n[[series]]\nbody = "f"\ndates = [2025-03-05]\n'
                     'start = "10:00"\nend = "11:00"\n')
    data = as_xlsx(plan, meetings_of(plan))
    (row,) = sheet_of(data).iter_rows(min_row=2)
    assert (row[2].value, row[2].data_type) == ('=HYPERLINK("http://x")', "s")
    assert row[7].value == "+45 1234"
    assert b"<f>" not in zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")


def test_the_same_meetings_give_the_same_bytes_on_any_day(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """openpyxl stamps the file's parts and its properties with the clock."""
    plan = load_plan(PLANS[1])
    meetings = meetings_of(plan)
    first = as_xlsx(plan, meetings)
    later = time.time() + 400 * 86400 + 7
    monkeypatch.setattr(time, "time", lambda: later)
    assert as_xlsx(plan, meetings) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {(2017, 1, 1, 0, 0, 0)}
        assert {info.external_attr >> 16 for info in archive.infolist()} == {0o644}
    book = load_workbook(io.BytesIO(first))
    assert book.properties.created == book.properties.modified == dt.datetime(2017, 1, 1)
    assert (book.properties.title, book.properties.creator) == (plan.title, "aarshjul")


def test_a_moment_given_is_the_workbook_s_in_utc() -> None:
    plan = load_plan(PLANS[0])
    meetings = meetings_of(plan)[:3]
    moment = dt.datetime(2025, 6, 1, 14, 30, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    data = as_xlsx(plan, meetings, moment=moment)
    book = load_workbook(io.BytesIO(data))
    assert book.properties.modified == dt.datetime(2025, 6, 1, 12, 30)
    assert zipfile.ZipFile(io.BytesIO(data)).infolist()[0].date_time == (2025, 6, 1, 12, 30, 0)
    assert data == as_xlsx(plan, meetings, moment=moment.astimezone(dt.UTC))
    assert data != as_xlsx(plan, meetings)


@pytest.mark.parametrize(("moment", "stamped"), [
    (dt.datetime(1950, 3, 1), (1980, 1, 1, 0, 0, 0)),
    (dt.datetime(2999, 12, 31, 23, 59, 59), (2107, 12, 31, 23, 59, 58)),
])
def test_a_moment_a_zip_cannot_date_dates_its_parts_at_the_nearest_it_can(
        moment: dt.datetime, stamped: tuple[int, ...]) -> None:
    """A zip's dates run from 1980 to 2107, a plan's from 1900 to 2999."""
    plan = make_plan()
    data = as_xlsx(plan, (), moment=moment)
    assert {i.date_time for i in zipfile.ZipFile(io.BytesIO(data)).infolist()} == {stamped}
    assert load_workbook(io.BytesIO(data)).properties.created == moment


@pytest.mark.parametrize(("title", "name"), [
    ("Årshjul 2025", "Årshjul 2025"),
    ("Møder 2025/26: [udkast]", "Møder 2025-26 (udkast)"),
    ("a\\b*c?d", "a-bcd"),
    ("Årshjul for Sociale Forhold og Beskæftigelse 2025", "Årshjul for Sociale Forhold og"),
    ("'Udkast'", "Udkast"),
    ("' Udkast", "Udkast"),
    ("x" * 29 + " 'y'", "x" * 29),  # cut after an apostrophe
    ("🗓" * 20, "🗓" * 14 + "…"),  # each counts two
    ("Byråd og udvalg, Fredensborg 2017", "Byråd og udvalg, Fredensborg"),  # at a word
    ("Social- og Beskæftigelsesudvalgets møder", "Social- og Beskæftigelsesudval…"),
    ("History", "plan"),
    ("?*:", "plan"),
])
def test_a_sheet_is_named_as_excel_allows(title: str, name: str) -> None:
    assert sheet_name(title, "plan") == name
    assert len(name.encode("utf-16-le")) <= 62
    assert not set("[]:*?/\\") & set(name)


def test_a_sheet_is_named_after_the_plan() -> None:
    plan = load_plan(PLANS[0])
    sheet = sheet_of(as_xlsx(plan, ()))
    assert sheet.title == "Årshjul for Sociale Forhold og"
    assert sheet_name("history", "History") == "Meetings"
