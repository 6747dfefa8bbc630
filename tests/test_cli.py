"""The command line: exit codes, formats, and no traceback for user mistakes."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from aarshjul import __version__

from .plans import EXAMPLE, ROOT, plan_text

COMMANDS = ["check", "meetings", "agenda"]


def run_process(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "aarshjul", *args], capture_output=True,
                          text=True, cwd=cwd, check=False, timeout=120)


def test_python_dash_m_and_version() -> None:
    result = run_process("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"aarshjul, version {__version__}"


@pytest.mark.parametrize("command", [[], *[[c] for c in COMMANDS]])
def test_help_on_every_command(run_cli, command: list[str]) -> None:
    result = run_cli(*command, "--help")
    assert result.exit_code == 0
    assert "Usage: " in result.stdout


def test_check_the_example(run_cli) -> None:
    result = run_cli("check", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    *findings, summary = result.stdout.splitlines()
    assert summary == "ok: 1 file checked, 0 errors, 0 warnings, 4 info"
    # The meetings whose agendas were planned tell how much time is left.
    assert [line.split(": ")[1] for line in findings] == ["info[slack]"] * 4
    assert ("sbu 2025-01-15: 5 of the meeting's 90 minutes (18:15–19:45) are not planned"
            in findings[0])


def test_check_json(run_cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(plan_text('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                             'start = "25:00"\nend = "19:00"\n'), encoding="utf-8")
    result = run_cli("check", "--format", "json", str(EXAMPLE), str(bad))
    assert result.exit_code == 1
    good, broken = json.loads(result.stdout)
    assert (good["file"], good["kind"], good["ok"], good["items"]) == (
        str(EXAMPLE), "plan", True, [])
    assert {p["severity"] for p in good["problems"]} == {"info"}
    assert broken["ok"] is False
    (problem,) = broken["problems"]
    assert problem == {"severity": "error", "code": "bad-time", "line": 20, "item": None,
                       "key": "series[1].start",
                       "message": '[[series]] #1 (body "sbu"): start: "25:00" is not a '
                                  "clock time (hours 00-23, minutes 00-59)"}


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


@pytest.mark.parametrize("args", [
    ["meetings", str(EXAMPLE), "--body", "nope"],
    ["meetings", str(EXAMPLE), "--from", "15-01-2025"],
    ["meetings", str(EXAMPLE), "--from", "2025-03-01", "--to", "2025-02-01"],
    ["meetings", str(EXAMPLE), "--format", "xml"],
    ["meetings", "missing.toml"],
    ["meetings", str(ROOT / "calendars")],
    ["check"],
    ["check", "missing.toml"],
    ["check", str(ROOT / "bench" / "startup.py")],
    ["nonsense"],
])
def test_misuse_exits_2(run_cli, args: list[str]) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output


BAD_FILES: dict[str, bytes] = {
    "empty": b"",
    "only a comment": b"# nothing here\n",
    "syntax": b"[plan\n",
    "binary": bytes(range(256)) * 4,
    "latin-1": plan_text('[[body]]\nid = "x"\nname = "Ældreråd"\n').encode("latin-1"),
    "30 February": b'[plan]\ntitle = "x"\nstart = 2025-02-30\nend = 2025-12-31\n',
    "plan as an array": b'[[plan]]\ntitle = "x"\n',
    "wrong types": b'[plan]\ntitle = 1\nstart = "soon"\nend = [1]\n',
    "unknown keys": plan_text("[[bodyy]]\nid = 1\n").encode(),
    "bad rrule": plan_text('[[series]]\nbody = "sbu"\nrule = "FREQ=WEEKLY;BYDAY=XX"\n'
                           'start = "18:15"\nend = "19:00"\n').encode(),
    "25:00": plan_text('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = "25:00"\n'
                       'end = "19:00"\n').encode(),
    "unknown phrase": plan_text('[[series]]\nbody = "sbu"\nevery = "now and then"\n'
                                'start = "18:15"\nend = "19:00"\n').encode(),
    "overlap": plan_text('[[series]]\nbody = "sbu"\ndates = [2025-01-08]\nstart = "18:15"\n'
                         'end = "19:00"\n\n[[series]]\nbody = "sbu"\ndates = [2025-01-08]\n'
                         'start = "18:30"\nend = "19:30"\n').encode(),
    "a one-off without a time": plan_text('[[meeting]]\nbody = "sbu"\ndate = 2025-01-08\n'
                                          ).encode(),
    "deep nesting": b"[plan]\nx = " + b"[" * 5000 + b"]" * 5000 + b"\n",
}


@pytest.mark.parametrize("content", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_plans_exit_1_with_located_messages(tmp_path: Path, content: bytes) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_bytes(content)
    for command in ("check", "meetings"):
        result = run_process(command, str(plan))
        assert result.returncode == 1, (command, result.stdout, result.stderr)
        output = result.stdout + result.stderr
        assert "Traceback" not in output
        lines = [line for line in output.splitlines() if "error[" in line]
        assert lines, output
        assert all(line.startswith(f"{plan}:") for line in lines), lines


def test_broken_pipe_is_quiet(tmp_path: Path) -> None:
    script = (f"{sys.executable} -m aarshjul meetings {EXAMPLE} --format json | head -c 10")
    result = subprocess.run(["sh", "-c", script], capture_output=True, text=True, check=False)
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["check", str(EXAMPLE)], ["meetings", str(EXAMPLE)],
                                     ["--version"]])
def test_commands_import_only_what_they_need(command: list[str]) -> None:
    """No feed, page or Word library is loaded to check or list a plan."""
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "aarshjul", *command],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    imported = {line.split("|")[-1].strip().split(".")[0]
                for line in result.stderr.splitlines() if line.startswith("import time:")}
    assert imported.isdisjoint({"icalendar", "jinja2", "docx", "caldav", "lxml"})
    if command == ["--version"]:
        assert imported.isdisjoint({"holidays", "dateutil", "babel"})


def test_the_feeds_are_written_without_a_calendar_library_or_templates(tmp_path: Path) -> None:
    """icalendar reads old feeds only where no manifest says what they hold;
    Jinja makes pages, which the feeds are not."""
    for _ in ("into a new folder", "again, beside the manifest"):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "aarshjul", "ical", str(EXAMPLE), "-o",
             str(tmp_path / "feeds")], capture_output=True, text=True, cwd=ROOT, check=True)
        imported = {line.split("|")[-1].strip().split(".")[0]
                    for line in result.stderr.splitlines() if line.startswith("import time:")}
        assert imported.isdisjoint({"icalendar", "jinja2", "docx", "caldav"})
        assert "holidays" in imported


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


@pytest.mark.parametrize(("value", "message"), [
    ("2025-02-30", "2025-02-30 is not a date that exists"),
    ("15-01-2025", '"15-01-2025" is not a date written YYYY-MM-DD'),
])
def test_dates_on_the_command_line(run_cli, value: str, message: str) -> None:
    result = run_cli("agenda", str(EXAMPLE), "sbu", value)
    assert result.exit_code == 2
    assert message in result.stderr


def test_checking_a_written_agenda_loads_no_plan_machinery() -> None:
    """SPEC §9: a written agenda is checked without icalendar, holidays or babel."""
    seed = ROOT / "tests" / "agendas" / "seed-sbu-2025-01-15.txt"
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "aarshjul", "check",
                             str(seed)], capture_output=True, text=True, cwd=ROOT, check=True)
    imported = {line.split("|")[-1].strip() for line in result.stderr.splitlines()
                if line.startswith("import time:")}
    tops = {name.split(".")[0] for name in imported}
    assert tops.isdisjoint({"icalendar", "holidays", "babel", "dateutil", "jinja2", "docx",
                            "lxml", "caldav"})
    assert not {"aarshjul.plan.reader", "aarshjul.scheduling.meetings", "aarshjul.model"} & imported


def test_a_folder_that_cannot_be_written_is_a_located_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = run_cli("ical", str(EXAMPLE), "-o", str(tmp_path / "a-file" / "feeds"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'a-file' / 'feeds'}: error[cannot-write]: could not write: " \
        "Not a directory" in result.output
    (tmp_path / "site" / "feeds" / "sbu.ics").mkdir(parents=True)  # a folder in a file's place
    result = run_cli("ical", str(EXAMPLE), "-o", str(tmp_path / "site" / "feeds"))
    assert result.exit_code == 1
    assert "sbu.ics: error[cannot-write]: could not write: Is a directory" in result.output


@pytest.mark.parametrize("epoch", ["²", "-5", "1.5e9", "99999999999999999"])
def test_a_source_date_epoch_that_is_no_time_is_an_error(
        run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = run_cli("ical", str(EXAMPLE), "-o", str(tmp_path))
    assert result.exit_code == 1
    assert f'SOURCE_DATE_EPOCH: error[bad-source-date-epoch]: "{epoch}" is not a time' \
        in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("command", ["ical", "build"])
@pytest.mark.parametrize("url", ["not a url", "https://x.dk/a\r\nX-EVIL:1", "ftp://x.dk/"])
def test_a_base_url_must_be_an_address(run_cli, tmp_path: Path, command: str, url: str) -> None:
    result = run_cli(command, str(EXAMPLE), "-o", str(tmp_path / "out"), "--base-url", url)
    assert result.exit_code == 2
    assert "is not an address like https://example.dk/aarshjul" in result.output
    assert not (tmp_path / "out").exists()
