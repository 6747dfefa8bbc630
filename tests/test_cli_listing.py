"""``aarshjul meetings`` and ``aarshjul agenda``: a plan's meetings as a
table, JSON or CSV, and one meeting's agenda."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from .plans import EXAMPLE, plan_text


def test_meetings_json_has_the_spec_keys(run_cli) -> None:
    result = run_cli("meetings", str(EXAMPLE), "--format", "json", "--body", "sbu",
                     "--from", "2025-02-01", "--to", "2025-02-28")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [r["date"] for r in records] == ["2025-02-19", "2025-02-26"]
    assert set(records[0]) == {"uid", "body", "title", "date", "start", "end", "status",
                               "location", "original_date", "items"}
    assert records[0]["original_date"] == "2025-02-12"
    assert (records[0]["start"], records[0]["end"]) == ("18:15", "19:45")


def test_meetings_csv(run_cli) -> None:
    result = run_cli("meetings", str(EXAMPLE), "--format", "csv", "--body", "rm",
                     "--to", "2024-12-31")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["date"] for r in rows] == ["2024-12-03", "2024-12-10", "2024-12-17"]
    assert rows[0]["original_date"] == ""


def test_meetings_table_in_danish(run_cli) -> None:
    result = run_cli("meetings", str(EXAMPLE), "--body", "sbu", "--to", "2025-02-28")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["Dato", "Dag", "Tid", "Organ", "Titel", "Sted", "Bemærkning"]
    assert "2025-02-19  ons  18:15–19:45" in lines[4]
    assert lines[4].endswith("flyttet fra 2025-02-12, Flyttet fra vinterferien (uge 7).")


def test_meetings_prints_warnings_to_stderr(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "p.toml"
    plan.write_text(plan_text('[[series]]\nbody = "sbu"\ndates = [2025-04-18, 2025-04-23]\n'
                              'start = "09:00"\nend = "10:00"\n'), encoding="utf-8")
    result = run_cli("meetings", str(plan), "--format", "json")
    assert result.exit_code == 0
    assert [m["date"] for m in json.loads(result.stdout)] == ["2025-04-23"]
    assert "warning[holiday-date]" in result.stderr


def test_meetings_are_listed_even_when_an_agenda_has_errors(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "p.toml"
    plan.write_text(plan_text('[[series]]\nbody = "sbu"\ndates = [2025-01-08]\n'
                              'start = "18:00"\nend = "19:00"\n\n'
                              '[[case]]\ntitle = "Sag"\nbody = "sbu"\ndate = 2025-01-09\n'),
                    encoding="utf-8")
    result = run_cli("meetings", str(plan), "--format", "json")
    assert result.exit_code == 1
    assert [m["date"] for m in json.loads(result.stdout)] == ["2025-01-08"]
    assert "error[unplaced-case]" in result.stderr


def test_the_agenda_command_refuses_unknown_bodies_and_days(run_cli) -> None:
    unknown = run_cli("agenda", str(EXAMPLE), "xyz", "2025-01-15")
    assert unknown.exit_code == 2
    assert 'no body "xyz"' in unknown.stderr
    no_meeting = run_cli("agenda", str(EXAMPLE), "sbu", "2025-01-16")
    assert no_meeting.exit_code == 2
    assert "nearest: 2025-01-15, 2025-01-29" in no_meeting.stderr


def test_a_moved_meeting_is_found_by_either_day(run_cli) -> None:
    moved = run_cli("agenda", str(EXAMPLE), "sbu", "2025-02-12")
    new = run_cli("agenda", str(EXAMPLE), "sbu", "2025-02-19")
    assert moved.exit_code == new.exit_code == 0
    assert moved.stdout == new.stdout
    assert "onsdag den 19. februar 2025" in new.stdout
    assert "Arbejdspligt" in new.stdout
