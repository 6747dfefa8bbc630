"""Reading lists of meetings from CSV files and workbooks, as Danish and
English secretariats save them from Excel."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from aarshjul.clock import ClockTime
from aarshjul.errors import SourceError
from aarshjul.importing.rows import Row, read_rows

DANISH = ("Dato;Tid;Udvalg;Sted\r\n"
          "15-01-2025;18.15-19.45;Børne- og Ungdomsudvalget;Byrådssalen\r\n"
          ";;;\r\n"
          "29-01-2025;18.15-19.45;Børne- og Ungdomsudvalget;Mødelokale Ærø\r\n"
          ";Sommerferie;;\r\n"
          "13-08-2025;kl. 17;Økonomiudvalget;\"Rådhuset; 1. sal\"\r\n")


def written(tmp_path: Path, data: bytes, name: str = "mødeplan.csv") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def at(text: str) -> ClockTime:
    return ClockTime.parse(text)


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf" + DANISH.encode("utf-8"),
                                  DANISH.encode("cp1252")], ids=["utf-8-bom", "windows-1252"])
def test_a_danish_list_with_semicolons(tmp_path: Path, data: bytes) -> None:
    name = written(tmp_path, data)
    assert read_rows(name) == [
        Row(name, 2, dt.date(2025, 1, 15), at("18:15"), at("19:45"),
            "Børne- og Ungdomsudvalget", "Børne- og Ungdomsudvalget", "Byrådssalen"),
        Row(name, 4, dt.date(2025, 1, 29), at("18:15"), at("19:45"),
            "Børne- og Ungdomsudvalget", "Børne- og Ungdomsudvalget", "Mødelokale Ærø"),
        Row(name, 6, dt.date(2025, 8, 13), at("17:00"), None, "Økonomiudvalget",
            "Økonomiudvalget", "Rådhuset; 1. sal")]


def test_an_english_list_with_commas_and_iso_dates(tmp_path: Path) -> None:
    data = (b"Date,Start,End,Committee,Title,Location\n"
            b"2025-03-05,16:00,18:00,Finance,\"Budget, first reading\",Room 1\n"
            b"2025-02-05,16:00,17:30,Finance,Accounts,Room 1\n")
    name = written(tmp_path, data)
    assert [(r.line, r.date, r.start, r.end, r.body, r.title) for r in read_rows(name)] == [
        (3, dt.date(2025, 2, 5), at("16:00"), at("17:30"), "Finance", "Accounts"),
        (2, dt.date(2025, 3, 5), at("16:00"), at("18:00"), "Finance", "Budget, first reading")]


def test_a_tab_delimited_text_file_with_a_title_above_its_header(tmp_path: Path) -> None:
    data = ("Mødeplan 2025\t\t\n\nMødedato\tKl.\tMøde\n"
            "onsdag den 15. januar 2025\t18.15\tByrådet\n"
            "1. okt. 2025\t18:15\tByrådet\n").encode()
    rows = read_rows(written(tmp_path, data, "plan.txt"))
    assert [(r.line, r.date, r.start, r.body) for r in rows] == [
        (4, dt.date(2025, 1, 15), at("18:15"), "Byrådet"),
        (5, dt.date(2025, 10, 1), at("18:15"), "Byrådet")]


def test_unreadable_days_and_times_are_each_reported_at_their_row(tmp_path: Path) -> None:
    data = ("Dato;Fra;Til;Organ\n"
            "15.01.2025;18.15;19.45;Byrådet\n"
            "31.02.2025;18.15;19.45;Byrådet\n"
            "12.03.2025;18.15;kl. 25;Byrådet\n").encode()
    name = written(tmp_path, data)
    with pytest.raises(SourceError) as raised:
        read_rows(name)
    found = [(p.code, p.file, p.line) for p in raised.value.problems]
    assert found == [("bad-date", name, 3), ("bad-time", name, 4)]
    assert 'column "Dato": "31.02.2025" is not a day' in raised.value.problems[0].message
    assert 'column "Til": "kl. 25"' in raised.value.problems[1].message


@pytest.mark.parametrize(("data", "code"), [
    ("Udvalg;Sted\nByrådet;Salen\n".encode(), "no-date-column"),
    (b"Dato;Sted\n15.01.2025;Salen\n", "no-title-column"),
    (b"Dato;Udvalg\n;\n", "no-dates"),
    (bytes(range(256)) * 4, "not-text"),
    (b"", "empty-file"),
])
def test_what_is_no_list_of_meetings(tmp_path: Path, data: bytes, code: str) -> None:
    name = written(tmp_path, data)
    with pytest.raises(SourceError) as raised:
        read_rows(name)
    assert (raised.value.problems[0].code, raised.value.file) == (code, name)


def test_a_workbook_with_typed_cells(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Mødeplan for Teknik- og Miljøudvalget 2025"])
    sheet.append(["Dato", "Start", "Slut", "Udvalg", "Titel", "Lokale"])
    sheet.append([dt.date(2025, 1, 8), dt.time(16, 0), dt.time(18, 30), "TMU",
                  "Ordinært møde", "M1"])
    sheet.append([])
    sheet.append([dt.datetime(2025, 2, 5, 0, 0), dt.time(16, 0), dt.time(18, 0), "TMU",
                  "Ordinært møde", None])
    sheet.append([dt.datetime(2025, 3, 5, 15, 30), None, None, "TMU", "Temamøde", "M1"])
    path = tmp_path / "tmu.xlsx"
    book.save(path)
    rows = read_rows(path)
    assert [(r.line, r.date, r.start, r.end, r.body, r.title, r.location) for r in rows] == [
        (3, dt.date(2025, 1, 8), at("16:00"), at("18:30"), "TMU", "Ordinært møde", "M1"),
        (5, dt.date(2025, 2, 5), at("16:00"), at("18:00"), "TMU", "Ordinært møde", ""),
        (6, dt.date(2025, 3, 5), at("15:30"), None, "TMU", "Temamøde", "M1")]
    assert {r.source for r in rows} == {str(path)}


def test_a_workbook_with_days_in_words(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["DATO", "TIDSPUNKT", "FORUM"])
    sheet.append(["15. januar 2025", "18.15-19.45", "Byrådet"])
    sheet.append(["26. marts 2025", "18.15-19.45", "Byrådet"])
    sheet.append(["30. februar 2025", "18.15", "Byrådet"])
    path = tmp_path / "byraad.xlsx"
    book.save(path)
    with pytest.raises(SourceError) as raised:
        read_rows(path)
    assert [(p.code, p.line) for p in raised.value.problems] == [("bad-date", 4)]
    sheet.delete_rows(4)
    book.save(path)
    assert [(r.date, r.start, r.end) for r in read_rows(path)] == [
        (dt.date(2025, 1, 15), at("18:15"), at("19:45")),
        (dt.date(2025, 3, 26), at("18:15"), at("19:45"))]


def test_a_file_named_xlsx_that_is_none(tmp_path: Path) -> None:
    name = written(tmp_path, b"Dato;Udvalg\n15.01.2025;Byr\xe5det\n", "plan.xlsx")
    with pytest.raises(SourceError) as raised:
        read_rows(name)
    assert (raised.value.problems[0].code, raised.value.file) == ("not-xlsx", name)


OUTLOOK_LIST = (
    '"Emne","Startdato","Starttidspunkt","Slutdato","Sluttidspunkt","Heldagsbegivenhed",'
    '"Påmindelse til/fra","Mødeplanlægger","Beskrivelse","Placering","Vis tid som"\r\n'
    '"Byrådsmøde","25-01-2023","17:00:00","25-01-2023","20:00:00","Falsk","Sand",'
    '"Byrådssekretariatet","Dagsorden følger","Byrådssalen","2"\r\n'
    '"Budgetseminar","16-02-2023","00:00:00","18-02-2023","00:00:00","Sand","Falsk",'
    '"Byrådssekretariatet",,"Hotel Svendborg","2"\r\n'
    '"KL\'s topmøde","16-03-2023","09:00:00","17-03-2023","15:00:00","Falsk","Falsk",'
    '"Byrådssekretariatet",,"Aalborg Kongres & Kultur Center","2"\r\n')


@pytest.mark.parametrize("words", [{}, {
    "Emne": "Subject", "Startdato": "Start Date", "Starttidspunkt": "Start Time",
    "Slutdato": "End Date", "Sluttidspunkt": "End Time", "Heldagsbegivenhed": "All day event",
    "Placering": "Location", "Falsk": "False", "Sand": "True"}])
def test_outlook_s_own_export_of_a_calendar_as_a_list(tmp_path: Path,
                                                      words: dict[str, str]) -> None:
    """Outlook's "Importér/eksportér" to a CSV file, in Danish or English:
    times with seconds, an all-day event whose end is the midnight after
    it, and a meeting over two days."""
    text = OUTLOOK_LIST
    for danish, english in words.items():
        text = text.replace(f'"{danish}"', f'"{english}"')
    rows = read_rows(written(tmp_path, text.encode("utf-8-sig"), "kalender.csv"))
    assert [(r.line, r.date, r.start, r.end, r.title, r.location, r.last_day)
            for r in rows] == [
        (2, dt.date(2023, 1, 25), at("17:00"), at("20:00"), "Byrådsmøde", "Byrådssalen", None),
        (3, dt.date(2023, 2, 16), None, None, "Budgetseminar", "Hotel Svendborg",
         dt.date(2023, 2, 17)),
        (4, dt.date(2023, 3, 16), at("09:00"), at("15:00"), "KL's topmøde",
         "Aalborg Kongres & Kultur Center", dt.date(2023, 3, 17))]
    # All day by the file's word: --time gives it no hours.
    assert [r.all_day for r in rows] == [False, True, False]


def test_outlook_s_english_list_puts_the_month_first_and_the_column_tells(
        tmp_path: Path) -> None:
    text = ('"Subject","Start Date","Start Time","End Date","End Time","All day event",'
            '"Location"\r\n'
            '"City Council","1/8/2025","5:00:00 PM","1/8/2025","8:00:00 PM","False","Hall"\r\n'
            '"City Council","1/22/2025","9:30:00 AM","1/22/2025","12:00:00 PM","False",'
            '"Hall"\r\n')
    rows = read_rows(written(tmp_path, text.encode(), "outlook.csv"))
    assert [(r.date, r.start, r.end) for r in rows] == [
        (dt.date(2025, 1, 8), at("17:00"), at("20:00")),
        (dt.date(2025, 1, 22), at("09:30"), at("12:00"))]
    # Without a day over 12 in second place, the day comes first, as always.
    rows = read_rows(written(tmp_path, text.replace("1/22/2025", "2/1/2025").encode(),
                             "liste.csv"))
    assert sorted(r.date for r in rows) == [dt.date(2025, 1, 2), dt.date(2025, 8, 1)]
