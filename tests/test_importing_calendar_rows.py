"""Reading .ics exports as meeting rows: Outlook's Windows zone names,
Google's UTC times, series with exceptions and overrides, all-day and
multi-day events. Every file is written here as the program writes it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aarshjul.clock import ClockTime
from aarshjul.errors import SourceError
from aarshjul.importing.rows import Row, read_rows

ROMANCE = [
    "BEGIN:VTIMEZONE", "TZID:Romance Standard Time",
    "BEGIN:STANDARD", "DTSTART:16010101T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10", "END:STANDARD",
    "BEGIN:DAYLIGHT", "DTSTART:16010101T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3", "END:DAYLIGHT",
    "END:VTIMEZONE"]

SERIES = [
    "BEGIN:VEVENT",
    "CLASS:PUBLIC",
    "DESCRIPTION:Dagsorden følger. Mødet holdes i Byrådssalen\\, og det er åbent for alle i ",
    " kommunen.",
    "DTEND;TZID=Romance Standard Time:20250115T194500",
    "DTSTAMP:20241201T090000Z",
    "DTSTART;TZID=Romance Standard Time:20250115T181500",
    "EXDATE;TZID=Romance Standard Time:20250129T181500",
    "LOCATION:Byrådssalen\\, Rådhuset",
    "RRULE:FREQ=WEEKLY;UNTIL=20250611T161500Z;INTERVAL=2;BYDAY=WE;WKST=MO",
    "SUMMARY:Børne- og Ungdomsudvalget",
    "UID:040000008200E00074C5B7101A82E00800000000B0F1C2D3E4F5D901000000000000000010000000",
    " A1B2C3D4E5F6",
    "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTEND;TZID=Romance Standard Time:20250213T190000",
    "DTSTAMP:20241201T090000Z",
    "DTSTART;TZID=Romance Standard Time:20250213T170000",
    "LOCATION:Mødelokale 2",
    "RECURRENCE-ID;TZID=Romance Standard Time:20250212T181500",
    "SUMMARY:Børne- og Ungdomsudvalget",
    "UID:040000008200E00074C5B7101A82E00800000000B0F1C2D3E4F5D901000000000000000010000000",
    " A1B2C3D4E5F6",
    "END:VEVENT",
    "BEGIN:VEVENT",
    "DTSTAMP:20241201T090000Z",
    "DTSTART;TZID=Romance Standard Time:20250226T181500",
    "RECURRENCE-ID;TZID=Romance Standard Time:20250226T181500",
    "STATUS:CANCELLED",
    "SUMMARY:Aflyst: Børne- og Ungdomsudvalget",
    "UID:040000008200E00074C5B7101A82E00800000000B0F1C2D3E4F5D901000000000000000010000000",
    " A1B2C3D4E5F6",
    "END:VEVENT"]


def outlook(*events: str, zones: list[str] = ROMANCE) -> bytes:
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
             "VERSION:2.0", "METHOD:PUBLISH", "X-MS-OLK-FORCEINSPECTOROPEN:TRUE", *zones,
             *events, "END:VCALENDAR", ""]
    return "\r\n".join(lines).encode("utf-8")


def written(tmp_path: Path, data: bytes, name: str = "kalender.ics") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def line_of(data: bytes, text: str, nth: int = 0) -> int:
    """The number of the line where the nth BEGIN:VEVENT before ``text`` is."""
    lines = data.decode("utf-8").split("\r\n")
    at = [n for n, line in enumerate(lines, start=1) if line == text][nth]
    return max(n for n, line in enumerate(lines[:at], start=1) if line == "BEGIN:VEVENT")


def test_an_outlook_series_with_an_exception_an_override_and_a_cancelled_time(
        tmp_path: Path) -> None:
    data = outlook(*SERIES)
    name = written(tmp_path, data)
    rows = read_rows(name)
    days = [row.date for row in rows]
    # Every other Wednesday from 15 January to 11 June, less the EXDATE (29
    # January) and the cancelled one (26 February); 12 February moved to the 13th.
    assert days == [dt.date(2025, 1, 15), dt.date(2025, 2, 13), dt.date(2025, 3, 12),
                    dt.date(2025, 3, 26), dt.date(2025, 4, 9), dt.date(2025, 4, 23),
                    dt.date(2025, 5, 7), dt.date(2025, 5, 21), dt.date(2025, 6, 4)]
    master = line_of(data, "DTSTART;TZID=Romance Standard Time:20250115T181500")
    moved = line_of(data, "DTSTART;TZID=Romance Standard Time:20250213T170000")
    assert rows[0] == Row(name, master, dt.date(2025, 1, 15), ClockTime.parse("18:15"),
                          ClockTime.parse("19:45"), "Børne- og Ungdomsudvalget",
                          "Børne- og Ungdomsudvalget", "Byrådssalen, Rådhuset")
    assert rows[1] == Row(name, moved, dt.date(2025, 2, 13), ClockTime.parse("17:00"),
                          ClockTime.parse("19:00"), "Børne- og Ungdomsudvalget",
                          "Børne- og Ungdomsudvalget", "Mødelokale 2")
    # Summer time from 30 March: still 18.15 on the wall, as in Outlook.
    assert {(row.start, row.end) for row in rows[2:]} == {
        (ClockTime.parse("18:15"), ClockTime.parse("19:45"))}
    assert {row.line for row in rows[2:]} == {master}


def test_an_occurrence_renamed_is_its_series_meeting_with_another_title(
        tmp_path: Path) -> None:
    """Outlook's "Byrådsmøde - 1. budgetbehandling", one occurrence of the
    series renamed, is the series' body's meeting, not a body of its own."""
    renamed = [line.replace("SUMMARY:Børne- og Ungdomsudvalget",
                            "SUMMARY;LANGUAGE=da-dk:BUU - budgetbehandling")
               if line == "SUMMARY:Børne- og Ungdomsudvalget" and index > 20 else line
               for index, line in enumerate(SERIES)]
    assert renamed != SERIES
    rows = read_rows(written(tmp_path, outlook(*renamed)))
    assert {row.body for row in rows} == {"Børne- og Ungdomsudvalget"}
    assert [(row.date, row.title) for row in rows if row.title != row.body] == [
        (dt.date(2025, 2, 13), "BUU - budgetbehandling")]


def test_a_windows_zone_name_without_its_vtimezone(tmp_path: Path) -> None:
    rows = read_rows(written(tmp_path, outlook(*SERIES, zones=[])))
    assert [(row.date, str(row.start)) for row in rows[:2]] == [
        (dt.date(2025, 1, 15), "18:15"), (dt.date(2025, 2, 13), "17:00")]
    assert len(rows) == 9


def test_the_times_are_said_in_the_plans_zone(tmp_path: Path) -> None:
    rows = read_rows(written(tmp_path, outlook(*SERIES)), timezone="Europe/London")
    assert [str(row.start) for row in rows[:3]] == ["17:15", "16:00", "17:15"]


GOOGLE = [
    "BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0",
    "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:Økonomiudvalget",
    "X-WR-TIMEZONE:Europe/Copenhagen",
    # Winter (UTC+1), the day after summer time began (UTC+2), the day before
    # it ended, and the day after (UTC+1 again): 17:00 local each time.
    *[line for start, end, uid in [("20250327T160000Z", "20250327T180000Z", "a"),
                                   ("20250331T150000Z", "20250331T170000Z", "b"),
                                   ("20251025T150000Z", "20251025T170000Z", "c"),
                                   ("20251027T160000Z", "20251027T180000Z", "d")]
      for line in ["BEGIN:VEVENT", f"DTSTART:{start}", f"DTEND:{end}",
                   "DTSTAMP:20250101T000000Z", f"UID:{uid}@google.com",
                   "CREATED:20241101T100000Z", "LOCATION:", "SEQUENCE:0",
                   "STATUS:CONFIRMED", "SUMMARY:Økonomiudvalget", "TRANSP:OPAQUE",
                   "END:VEVENT"]],
    "END:VCALENDAR", ""]


@pytest.mark.parametrize("zone_line", ["X-WR-TIMEZONE:Europe/Copenhagen", "X-WR-TIMEZONE:UTC",
                                       None])
def test_google_utc_times_across_the_change_of_summer_time(
        tmp_path: Path, zone_line: str | None) -> None:
    # Whatever the calendar says its zone is, a UTC time is one moment.
    lines = [line for line in GOOGLE if not line.startswith("X-WR-TIMEZONE")]
    if zone_line:
        lines.insert(3, zone_line)
    rows = read_rows(written(tmp_path, "\r\n".join(lines).encode(), "basic.ics"))
    assert [(row.date, str(row.start), str(row.end)) for row in rows] == [
        (dt.date(2025, 3, 27), "17:00", "19:00"), (dt.date(2025, 3, 31), "17:00", "19:00"),
        (dt.date(2025, 10, 25), "17:00", "19:00"), (dt.date(2025, 10, 27), "17:00", "19:00")]
    assert {row.title for row in rows} == {"Økonomiudvalget"}
    assert {row.location for row in rows} == {""}


def calendar(*events: list[str]) -> bytes:
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Mozilla.org/NONSGML Mozilla Calendar V1.1//EN",
             "VERSION:2.0", *[line for event in events for line in event], "END:VCALENDAR", ""]
    return "\n".join(lines).encode()


def event(uid: str, *lines: str) -> list[str]:
    return ["BEGIN:VEVENT", f"UID:{uid}", "SUMMARY:Byrådet", *lines, "END:VEVENT"]


def test_all_day_and_two_day_events(tmp_path: Path) -> None:
    data = calendar(event("seminar", "DTSTART;VALUE=DATE:20250310", "DTEND;VALUE=DATE:20250312"),
                    event("dag", "DTSTART;VALUE=DATE:20250401", "DTEND;VALUE=DATE:20250402"),
                    event("tur", "DTSTART;TZID=Europe/Copenhagen:20250505T090000",
                          "DTEND;TZID=Europe/Copenhagen:20250506T160000"))
    rows = read_rows(written(tmp_path, data))
    assert [(row.date, row.start, row.end, row.last_day) for row in rows] == [
        (dt.date(2025, 3, 10), None, None, dt.date(2025, 3, 11)),
        (dt.date(2025, 4, 1), None, None, None),
        (dt.date(2025, 5, 5), ClockTime.parse("09:00"), ClockTime.parse("16:00"),
         dt.date(2025, 5, 6))]


def test_floating_and_undefined_zones_are_the_plans_and_an_event_may_have_no_end(
        tmp_path: Path) -> None:
    data = calendar(event("a", "DTSTART:20250610T190000"),
                    event("b", "DTSTART;TZID=Customized Time Zone:20250611T190000"))
    rows = read_rows(written(tmp_path, data), timezone="America/New_York")
    assert [(row.date, str(row.start), row.end) for row in rows] == [
        (dt.date(2025, 6, 10), "19:00", None), (dt.date(2025, 6, 11), "19:00", None)]


def test_an_open_series_is_read_for_three_years_and_rdates_count(tmp_path: Path) -> None:
    data = calendar(event("monthly", "DTSTART;TZID=Europe/Copenhagen:20250106T160000",
                          "DTEND;TZID=Europe/Copenhagen:20250106T170000",
                          "RRULE:FREQ=MONTHLY;BYDAY=1MO"),
                    event("counted", "DTSTART;VALUE=DATE:20250102", "RRULE:FREQ=YEARLY;COUNT=2",
                          "RDATE;VALUE=DATE:20250704"))
    rows = read_rows(written(tmp_path, data))
    monthly = [row.date for row in rows if row.start is not None]
    # Up to (not on) 6 January 2028, three years after the first.
    assert len(monthly) == 37
    assert (monthly[0], monthly[-1]) == (dt.date(2025, 1, 6), dt.date(2028, 1, 3))
    assert [row.date for row in rows if row.start is None] == [
        dt.date(2025, 1, 2), dt.date(2025, 7, 4), dt.date(2026, 1, 2)]


def test_a_reversed_file_gives_the_same_rows_at_their_own_lines(tmp_path: Path) -> None:
    forward = outlook(*SERIES)
    events = [SERIES[:15], SERIES[15:25], SERIES[25:]]
    backward = outlook(*[line for each in reversed(events) for line in each])
    ahead = read_rows(written(tmp_path, forward, "a.ics"))
    behind = read_rows(written(tmp_path, backward, "b.ics"))
    assert [(r.date, r.start, r.title) for r in ahead] == [(r.date, r.start, r.title)
                                                          for r in behind]
    assert behind[1].line == line_of(backward, "LOCATION:Mødelokale 2")


def test_an_event_without_a_start_is_an_error_at_its_line(tmp_path: Path) -> None:
    data = calendar(event("ok", "DTSTART;VALUE=DATE:20250102"), event("no", "LOCATION:Et sted"))
    name = written(tmp_path, data)
    with pytest.raises(SourceError) as raised:
        read_rows(name)
    assert (raised.value.problems[0].code, raised.value.file, raised.value.line) == (
        "no-start", name, 9)


@pytest.mark.parametrize(("data", "code"), [
    (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nEND:VCALENDAR\r\n", "no-dates"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20250101T100000\r\n", "not-icalendar"),
    (b"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20250101T100000\r\nEND:VEVENT\r\n"
     b"END:VCALENDAR\r\nBEGIN:VEVENT\r\n", "not-icalendar"),
    (b"Dato;Udvalg\r\n", "not-icalendar"),
    (b"   \r\n", "empty-file"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "not-text"),
])
def test_what_is_no_calendar(tmp_path: Path, data: bytes, code: str) -> None:
    name = written(tmp_path, data)
    with pytest.raises(SourceError) as raised:
        read_rows(name)
    assert (raised.value.problems[0].code, raised.value.file) == (code, name)


def test_a_calendar_whose_every_event_is_cancelled_has_no_dates(tmp_path: Path) -> None:
    data = calendar(event("x", "DTSTART;VALUE=DATE:20250102", "STATUS:CANCELLED"))
    with pytest.raises(SourceError, match=r"no-dates"):
        read_rows(written(tmp_path, data))
