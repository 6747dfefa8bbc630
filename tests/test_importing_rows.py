"""read_rows: the reader picked by the suffix, the rows in one order, and
the errors for what is no list of meetings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from aarshjul.clock import ClockTime
from aarshjul.errors import SourceError
from aarshjul.importing.rows import Row, read_rows, with_time


def test_rows_are_in_order_of_day_start_and_title(tmp_path: Path) -> None:
    path = tmp_path / "plan.CSV"
    path.write_text("dato;kl;titel\n2025-02-01;10;B\n2025-01-01;12;A\n2025-01-01;;C\n"
                    "2025-01-01;09;Z\n2025-01-01;09;Y\n", encoding="utf-8")
    rows = read_rows(path)
    assert [(r.date, r.start and str(r.start), r.title) for r in rows] == [
        (dt.date(2025, 1, 1), None, "C"), (dt.date(2025, 1, 1), "09:00", "Y"),
        (dt.date(2025, 1, 1), "09:00", "Z"), (dt.date(2025, 1, 1), "12:00", "A"),
        (dt.date(2025, 2, 1), "10:00", "B")]


@pytest.mark.parametrize(("name", "data", "code"), [
    ("plan.docx", b"PK\x03\x04", "unknown-kind"),
    ("plan", b"dato;titel\n", "unknown-kind"),
    ("tom.ics", b"", "empty-file"),
    ("tom.xlsx", b"", "empty-file"),
    ("ingen.csv", b"dato;titel\n\n", "no-dates"),
])
def test_what_cannot_be_imported(tmp_path: Path, name: str, data: bytes, code: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SourceError) as raised:
        read_rows(path)
    assert (raised.value.problems[0].code, raised.value.file) == (code, str(path))


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="missing-file"):
        read_rows(tmp_path / "findes-ikke.csv")
    (tmp_path / "mappe.ics").mkdir()
    with pytest.raises(SourceError, match="not-a-file"):
        read_rows(tmp_path / "mappe.ics")


def test_an_unknown_time_zone(tmp_path: Path) -> None:
    path = tmp_path / "plan.csv"
    path.write_text("dato;titel\n2025-01-01;A\n", encoding="utf-8")
    with pytest.raises(SourceError, match="unknown-timezone"):
        read_rows(path, timezone="Europe/Kobenhavn")


def test_a_time_said_once_is_given_to_a_list_s_rows_without_one_only() -> None:
    at = ClockTime.parse
    listed = Row("byraad.csv", 2, dt.date(2017, 1, 30), None, None, "Byrådet", "Byrådet")
    timed = attrs.evolve(listed, line=3, start=at("18:00"), end=at("21:00"))
    seminar = attrs.evolve(listed, line=4, last_day=dt.date(2017, 1, 31))
    all_day = attrs.evolve(listed, source="kalender.ics", all_day=True)
    assert with_time([listed, timed, seminar, all_day], at("17:30"), None) == [
        attrs.evolve(listed, start=at("17:30")), timed, seminar, all_day]
