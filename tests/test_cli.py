"""The command line as a whole: exit statuses across commands, --help on
each, ``python -m aarshjul``, a reader that goes away, and what a command
imports. Each command's own tests are in test_cli_<its module>.py."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from aarshjul import __version__
from aarshjul.cli import COMMANDS

from .plans import EXAMPLE, ROOT, plan_file, plan_text
from .processes import modules_after


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
    assert result.stdout.startswith(f"Usage: aarshjul {' '.join([*command, ''])}[OPTIONS]")
    assert run_cli(*command, "-h").stdout == result.stdout


@pytest.mark.parametrize("args", [
    ["meetings", str(EXAMPLE), "--body", "nope"],
    ["meetings", str(EXAMPLE), "--from", "15-01-2025"],
    ["meetings", str(EXAMPLE), "--from", "2025-03-01", "--to", "2025-02-01"],
    ["meetings", str(EXAMPLE), "--format", "xml"],
    ["meetings", str(EXAMPLE), "--format", "xlsx"],  # a workbook only to a file (-o)
    ["meetings", "missing.toml"],
    ["meetings", str(ROOT / "calendars")],
    ["cases", str(EXAMPLE), "--format", "xml"],
    ["cases", "missing.toml"],
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
    for command in ("check", "meetings", "cases"):
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


def test_babel_is_imported_only_to_write_a_date_in_words(tmp_path: Path) -> None:
    """What aarshjul/dates.py promises."""
    plain = plan_file(tmp_path, '[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                                'start = "18:15"\nend = "19:45"\n')
    for args in (["check", str(EXAMPLE)], ["meetings", str(plain), "--format", "json"],
                 ["meetings", str(plain), "--format", "csv"]):
        assert modules_after(args, "babel")[1] == [], args
    assert modules_after(["meetings", str(EXAMPLE), "--format", "json"], "babel")[1]
