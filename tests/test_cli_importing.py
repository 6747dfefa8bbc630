"""``aarshjul import FILE… -o PLAN.toml``: a plan from an Outlook export and
a Danish list of dates that gives their meetings exactly; nothing written
from a file that cannot be read."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from .test_importing_calendar_rows import SERIES, outlook

DANISH_CSV = ("\ufeffDato;Tid;Udvalg;Sted\r\n"
              "15-01-2025;18.15-19.45;Social- og Beskæftigelsesudvalget;Rådhuset, lokale 398\r\n"
              "29-01-2025;18.15-19.45;Social- og Beskæftigelsesudvalget;Rådhuset, lokale 398\r\n"
              "07-01-2025;10.00-11.00;Rådmandsmøde;Jægergården\r\n"
              "18-04-2025;10.00-11.00;Rådmandsmøde;Jægergården\r\n"
              "28-08-2025;;Byrådet;\r\n")


def listed(run_cli, plan: Path) -> list[list[str]]:
    """The meetings ``aarshjul meetings`` lists: day, hours, title, place."""
    result = run_cli("meetings", str(plan), "--format", "csv")
    assert result.exit_code == 0, result.stderr
    rows = csv.DictReader(io.StringIO(result.stdout))
    return [[row["date"], row["start"], row["end"], row["location"]] for row in rows]


def test_a_danish_list_of_dates_becomes_a_plan_that_gives_it_back(run_cli,
                                                                   tmp_path: Path) -> None:
    source = tmp_path / "mødeplan 2025.csv"
    source.write_text(DANISH_CSV, encoding="utf-8")
    plan = tmp_path / "plan.toml"
    result = run_cli("import", str(source), "-o", str(plan))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines() == [
        "raadmandsmoede: 2 meetings, as lists of dates (1 series, 0 one-off)",
        "social-og-beskaeftigelsesudvalget: 2 meetings, as lists of dates (1 series, "
        "0 one-off)",
        "byraadet: 1 meetings, as lists of dates (0 series, 1 one-off)",
        f"wrote {plan}"]
    assert run_cli("check", str(plan)).exit_code == 0
    text = plan.read_text(encoding="utf-8")
    assert 'title = "Årshjul fra mødeplan 2025"' in text
    csv = run_cli("meetings", str(plan), "--format", "csv").stdout
    assert "2025-04-18" in csv  # Good Friday, as the list has it
    assert "Rådhuset, lokale 398" in csv


def test_an_outlook_series_with_its_exceptions_comes_back_meeting_for_meeting(
        run_cli, tmp_path: Path) -> None:
    export = tmp_path / "BUU kalender.ics"
    export.write_bytes(outlook(*SERIES))
    plan = tmp_path / "buu.toml"
    result = run_cli("import", str(export), "-o", str(plan), "--title", "BUU 2025")
    assert result.exit_code == 0, result.stderr
    assert run_cli("check", str(plan)).exit_code == 0
    # Every other Wednesday from 15 January to 11 June, without 29 January
    # (EXDATE) and 26 February (cancelled), with 12 February on the 13th at
    # 17 in another room: the rule Outlook had, found again.
    assert result.stdout.splitlines()[0] == (
        "boerne-og-ungdomsudvalget: hver anden onsdag 18:15–19:45, 8 of 9 dates; 1 changes")
    wednesdays = [dt.date(2025, 1, 15) + dt.timedelta(weeks=2 * n) for n in range(11)]
    expected = [[day.isoformat(), "18:15", "19:45", "Byrådssalen, Rådhuset"]
                for day in wednesdays
                if day not in (dt.date(2025, 1, 29), dt.date(2025, 2, 26))]
    expected[1] = ["2025-02-13", "17:00", "19:00", "Mødelokale 2"]
    assert listed(run_cli, plan) == expected
    text = plan.read_text(encoding="utf-8")
    assert 'every = "hver anden onsdag"' in text
    assert "except = [2025-01-29, 2025-02-26]" in text
    assert "moved_to = 2025-02-13" in text


@pytest.mark.parametrize(("name", "content", "said"), [
    ("tom.csv", b"", "tom.csv: error[empty-file]"),
    ("uden.csv", "Udvalg;Sted\nByrådet;Rådhuset\n".encode(), "error[no-date-column]"),
    ("forkert.csv", "Dato;Udvalg\n31-02-2025;Byrådet\n".encode(),
     "forkert.csv:2: error[bad-date]"),
    ("noter.docx", b"PK\x03\x04", "error[unknown-kind]"),
    ("afkortet.ics", b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", "error[not-icalendar]"),
])
def test_a_file_that_cannot_be_read_writes_nothing(run_cli, tmp_path: Path, name: str,
                                                   content: bytes, said: str) -> None:
    source = tmp_path / name
    source.write_bytes(content)
    plan = tmp_path / "plan.toml"
    result = run_cli("import", str(source), "-o", str(plan))
    assert result.exit_code == 1
    assert said in result.stderr
    assert not plan.exists()


def test_a_meeting_that_ends_before_it_starts_is_an_error_at_its_row(run_cli,
                                                                     tmp_path: Path) -> None:
    source = tmp_path / "liste.csv"
    source.write_text("Dato;Tid;Udvalg\n15-01-2025;18.15-17.45;Byrådet\n", encoding="utf-8")
    plan = tmp_path / "plan.toml"
    result = run_cli("import", str(source), "-o", str(plan))
    assert result.exit_code == 1
    assert f"{source}:2: error[end-before-start]" in result.stderr
    assert not plan.exists()


def test_two_meetings_of_a_body_at_once_are_written_and_said_as_check_says(
        run_cli, tmp_path: Path) -> None:
    source = tmp_path / "liste.csv"
    source.write_text("Dato;Tid;Udvalg\n15-01-2025;18.15-19.45;Byrådet\n"
                      "15-01-2025;18.30-19.00;Byrådet\n", encoding="utf-8")
    plan = tmp_path / "plan.toml"
    result = run_cli("import", str(source), "-o", str(plan))
    assert result.exit_code == 1
    assert "error[overlap]" in result.stderr
    assert "same-identity" not in result.stderr  # each series has its id
    assert plan.exists()


def test_a_holiday_blocked_out_for_weeks_is_left_out_with_a_warning(run_cli,
                                                                    tmp_path: Path) -> None:
    holiday = ["BEGIN:VEVENT", "UID:ferie-2025", "DTSTAMP:20241201T090000Z",
               "DTSTART;VALUE=DATE:20250630", "DTEND;VALUE=DATE:20250804",
               "SUMMARY:Sommerferie", "END:VEVENT"]
    export = tmp_path / "kalender.ics"
    export.write_bytes(outlook(*SERIES, *holiday))
    plan = tmp_path / "plan.toml"
    result = run_cli("import", str(export), "-o", str(plan))
    assert result.exit_code == 0, result.stderr
    assert 'warning[not-a-meeting]: "Sommerferie" runs 35 days' in result.stderr
    assert "Sommerferie" not in plan.read_text(encoding="utf-8")
    assert run_cli("check", str(plan)).exit_code == 0


def test_a_meeting_without_a_name_and_years_no_plan_covers_are_said_so(
        run_cli, tmp_path: Path) -> None:
    nameless = tmp_path / "liste.csv"
    nameless.write_text("Dato;Tid;Udvalg;Titel\n15-01-2025;18.15-19.45;;Møde\n"
                        "16-01-2025;18.15-19.45;;\n", encoding="utf-8")
    plan = tmp_path / "plan.toml"
    result = run_cli("import", str(nameless), "-o", str(plan))
    assert result.exit_code == 1
    assert f"{nameless}:3: error[no-name]" in result.stderr
    far = tmp_path / "langt.csv"
    far.write_text("Dato;Tid;Udvalg\n15-01-1990;18.15-19.45;Byrådet\n"
                   "16-01-2045;18.15-19.45;Byrådet\n", encoding="utf-8")
    result = run_cli("import", str(far), "-o", str(plan))
    assert result.exit_code == 1
    assert f"{plan}: error[import-invalid]" in result.stderr
    assert "56" in result.stderr
    assert not plan.exists()


GOOGLE_BYRAAD = "\r\n".join([
    "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0",
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Byrådet 2025",
    "X-WR-TIMEZONE:Europe/Copenhagen",
    "BEGIN:VEVENT", "DTSTART;TZID=Europe/Copenhagen:20250129T183000",
    "DTEND;TZID=Europe/Copenhagen:20250129T210000",
    "RRULE:FREQ=MONTHLY;UNTIL=20251231T225959Z;BYDAY=-1WE",
    "EXDATE;TZID=Europe/Copenhagen:20250730T183000",
    "DTSTAMP:20250101T000000Z", "UID:4k2j3h4g5f6d7s8a9@google.com",
    "LOCATION:Byrådssalen", "SUMMARY:Byrådet", "STATUS:CONFIRMED", "END:VEVENT",
    # Moved a week earlier, as Google writes an instance changed: in UTC.
    "BEGIN:VEVENT", "DTSTART:20250618T163000Z", "DTEND:20250618T190000Z",
    "RECURRENCE-ID;TZID=Europe/Copenhagen:20250625T183000",
    "DTSTAMP:20250101T000000Z", "UID:4k2j3h4g5f6d7s8a9@google.com",
    "LOCATION:Byrådssalen", "SUMMARY:Byrådet", "STATUS:CONFIRMED", "END:VEVENT",
    "END:VCALENDAR", ""])


def test_a_google_series_is_found_again_as_its_rule(run_cli, tmp_path: Path) -> None:
    export = tmp_path / "byraadet.ics"
    export.write_text(GOOGLE_BYRAAD, encoding="utf-8")
    plan = tmp_path / "byraad.toml"
    result = run_cli("import", str(export), "-o", str(plan))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "byraadet: sidste onsdag i måneden 18:30–21:00, 10 of 11 dates; 1 changes")
    text = plan.read_text(encoding="utf-8")
    assert 'every = "sidste onsdag i måneden"' in text
    assert "except = [2025-07-30]" in text
    assert "date = 2025-06-25\nmoved_to = 2025-06-18\nannounced = false" in text
    last_wednesdays = [max(day for day in (dt.date(2025, month, 1) + dt.timedelta(days=n)
                                           for n in range(31))
                           if day.month == month and day.weekday() == 2)
                       for month in range(1, 13) if month != 7]
    days = [day.isoformat() if day.month != 6 else "2025-06-18" for day in last_wednesdays]
    assert listed(run_cli, plan) == [[day, "18:30", "21:00", "Byrådssalen"] for day in days]


def test_a_weekly_meeting_in_a_workbook_with_a_summer_break(run_cli, tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Rådmandsmøder 2025"])
    sheet.append(["Dato", "Fra", "Til", "Forum", "Lokale"])
    tuesdays = [dt.date(2025, 1, 7) + dt.timedelta(weeks=n) for n in range(52)]
    days = [day if day != dt.date(2025, 4, 1) else dt.date(2025, 4, 2) for day in tuesdays
            if day.month != 7 and day < dt.date(2025, 12, 20)]
    for day in days:
        sheet.append([day, dt.time(10), dt.time(11), "Rådmandsmøde", "Jægergården"])
    source = tmp_path / "rådmandsmøder.xlsx"
    book.save(source)
    plan = tmp_path / "rm.toml"
    result = run_cli("import", str(source), "-o", str(plan))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "raadmandsmoede: hver tirsdag undtagen juli 10:00–11:00, 44 of 45 dates; 1 changes")
    assert "to = 2025-12-16" in plan.read_text(encoding="utf-8")
    assert listed(run_cli, plan) == [[day.isoformat(), "10:00", "11:00", "Jægergården"]
                                     for day in days]


def test_a_list_that_says_its_time_once_is_given_it_and_its_rule_found(
        run_cli, tmp_path: Path) -> None:
    """Fredensborg's Byråd 2017 as its minutes list it: the days, and "kl.
    17.30" said once. Without --time each is a meeting all day, which no
    rule gives."""
    source = tmp_path / "byraad-2017.csv"
    source.write_text("Udvalg;Dato\n" + "".join(
        f"Byrådet;{day}\n" for day in ("30-01-2017", "27-02-2017", "27-03-2017",
                                       "24-04-2017", "29-05-2017", "19-06-2017",
                                       "04-09-2017", "25-09-2017", "30-10-2017",
                                       "27-11-2017", "18-12-2017")), encoding="utf-8")
    plan = tmp_path / "plan.toml"
    alone = run_cli("import", str(source), "-o", str(plan))
    assert alone.stdout.splitlines()[0] == (
        "byraadet: 11 meetings, as lists of dates (0 series, 11 one-off)")
    result = run_cli("import", str(source), "-o", str(plan), "--time", "17.30-21")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "byraadet: sidste mandag i måneden 17:30–21:00, 9 of 11 dates; 2 changes")
    assert {tuple(row[1:3]) for row in listed(run_cli, plan)} == {("17:30", "21:00")}
    assert len(listed(run_cli, plan)) == 11


@pytest.mark.parametrize(("given", "said"), [("25", '"25" is not a time of day'),
                                              ("19-18", "18:00 is not after 19:00"),
                                              ("", "give a time")])
def test_a_time_that_is_none_is_refused(run_cli, tmp_path: Path, given: str,
                                        said: str) -> None:
    source = tmp_path / "l.csv"
    source.write_text("Udvalg;Dato\nByrådet;30-01-2017\n", encoding="utf-8")
    result = run_cli("import", str(source), "-o", str(tmp_path / "p.toml"), "--time", given)
    assert result.exit_code == 2
    assert said in result.stderr
    assert not (tmp_path / "p.toml").exists()
