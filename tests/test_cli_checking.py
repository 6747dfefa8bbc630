"""``aarshjul check``: plans and written agendas, a report for each file, as
text or JSON, and the exit status their errors call for."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from aarshjul.check import check_path

from .plans import EXAMPLE, ROOT, plan_file, plan_text
from .seed_agenda import SEED


def test_check_the_example(run_cli) -> None:
    result = run_cli("check", "--lang", "en", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    *findings, summary = result.stdout.splitlines()
    assert summary == "ok: 1 file checked, 0 errors, 0 warnings, 18 info"
    # The meetings whose agendas were planned tell how much time is left, and
    # the series the dates holidays and closed periods leave out: a series'
    # meetings in one line, at the series.
    assert [line.split(": ")[1] for line in findings] == [
        "info[left-out]", "info[slack]", "info[left-out]", "info[slack]", "info[slack]"]
    assert findings[:2] == [
        f'{EXAMPLE}:55: info[left-out]: [[series]] #1 (body "sbu"): 4 dates are left out on '
        "holidays or in closed periods: 2025-07-02, 2025-07-16, 2025-07-30, 2025-12-31 "
        "(--level info lists each and why)",
        f'{EXAMPLE}:55: info[slack]: [[series]] #1 (body "sbu"): 2 meetings have 5–55 minutes '
        "not planned (--level info lists each)"]
    assert findings[2] == (
        f'{EXAMPLE}:64: info[left-out]: [[series]] #2 (body "rm"): 10 dates are left out on '
        "holidays or in closed periods: 2024-12-24, 2024-12-31, 2025-02-11, 2025-07-01, "
        "2025-07-08 and 5 more (--level info lists each and why)")


def test_check_level_info_lists_each_meetings_spare_time(run_cli) -> None:
    result = run_cli("check", "--lang", "en", "--level", "info", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    *findings, summary = result.stdout.splitlines()
    assert summary == "ok: 1 file checked, 0 errors, 0 warnings, 18 info"
    assert findings == [problem.format() for problem in check_path(EXAMPLE).problems]
    assert ('2025-07-02 falls in "Sommerferie"; it is left out (on_closed = "skip")'
            in findings[0])
    assert any("sbu 2025-01-15: 5 of the meeting's 90 minutes (18:15–19:45) are not planned"
               in finding for finding in findings)


def test_check_level_hides_what_is_below_it_and_still_counts_it(run_cli, tmp_path: Path
                                                                ) -> None:
    plans = [str(plan_file(tmp_path, ON_A_HOLIDAY)), str(EXAMPLE)]
    warned = run_cli("check", "--lang", "en", "--level", "warning", *plans)
    assert [line.split(": ")[1] for line in warned.stdout.splitlines()[:-1]] == [
        "warning[holiday-date]"]
    assert warned.stdout.splitlines()[-1] == (
        "ok: 2 files checked, 0 errors, 1 warning, 18 info")
    errors = run_cli("check", "--lang", "en", "--level", "error", "--format", "json", *plans)
    assert [record["problems"] for record in json.loads(errors.stdout)] == [[], []]
    assert errors.exit_code == warned.exit_code == 0


def test_check_level_is_one_of_three(run_cli) -> None:
    result = run_cli("check", "--lang", "en", "--level", "debug", str(EXAMPLE))
    assert result.exit_code == 2
    assert "'debug' is not one of 'error', 'warning', 'info'" in result.stderr


def test_check_json(run_cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(plan_text('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                             'start = "25:00"\nend = "19:00"\n'), encoding="utf-8")
    result = run_cli("check", "--lang", "en", "--format", "json", str(EXAMPLE), str(bad))
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


# Langfredag: a meeting left out, with a warning and nothing else.
ON_A_HOLIDAY = ('[[series]]\nbody = "sbu"\ndates = [2025-04-18, 2025-04-23]\nstart = "09:00"\n'
                'end = "10:00"\n')
BAD_TIME = ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = "25:00"\n'
            'end = "19:00"\n')


def test_a_line_for_each_finding_then_the_sum(run_cli, tmp_path: Path) -> None:
    warned = plan_file(tmp_path, ON_A_HOLIDAY, name="warned.toml")
    bad = plan_file(tmp_path, BAD_TIME, name="bad.toml")
    result = run_cli("check", "--lang", "en", str(warned), str(bad), str(SEED))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f'{warned}:17: warning[holiday-date]: [[series]] #1 (body "sbu"): 2025-04-18 is a '
        'holiday (Langfredag); it is left out (on_holiday = "skip")',
        f'{bad}:20: error[bad-time]: [[series]] #1 (body "sbu"): start: "25:00" is not a clock '
        "time (hours 00-23, minutes 00-59)",
        *(problem.format() for problem in check_path(SEED).problems),
        "failed: 3 files checked, 1 error, 2 warnings, 1 info"]
    assert result.stderr == ""


def test_announced_in_quotes_is_a_located_error(run_cli, tmp_path: Path) -> None:
    plan = plan_file(tmp_path, '[[meeting]]\nbody = "sbu"\ndate = 2025-02-05\n'
                               'moved_to = 2025-02-06\nannounced = "false"\n')
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f'{plan}:21: error[bad-type]: [[meeting]] #1 (sbu 2025-02-05): announced: expected '
        "true or false (without quotes) (got a text 'false')")
    assert result.stderr == ""


def test_warnings_alone_exit_0(run_cli, tmp_path: Path) -> None:
    result = run_cli("check", "--lang", "en", str(plan_file(tmp_path, ON_A_HOLIDAY)))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "ok: 1 file checked, 0 errors, 1 warning, 0 info"


def test_a_file_of_no_kind_it_reads_is_misuse(run_cli, tmp_path: Path) -> None:
    notes = tmp_path / "referat.pdf"
    notes.write_bytes(b"%PDF-1.7")
    result = run_cli("check", "--lang", "en", str(EXAMPLE), str(notes))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for 'FILES...': {notes}: cannot check this kind of file "
        "(give .toml, .txt, .md, .markdown, .text, .docx)")


def test_a_suffix_in_capitals_is_the_same_kind(run_cli, tmp_path: Path) -> None:
    shouting = tmp_path / "PLAN.TOML"
    shouting.write_bytes(EXAMPLE.read_bytes())
    result = run_cli("check", "--lang", "en", str(shouting))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[-1] == "ok: 1 file checked, 0 errors, 0 warnings, 18 info"


@pytest.mark.parametrize("name", ["x.txt", "plan.toml", "dagsorden.docx"])
def test_a_pipe_is_refused_not_waited_for(tmp_path: Path, name: str) -> None:
    """Opened, a pipe no one writes to would hold the command for ever."""
    pipe = tmp_path / name
    os.mkfifo(pipe)
    result = subprocess.run([sys.executable, "-m", "aarshjul", "check", str(pipe)],
                            capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == f"{pipe}: error[not-a-file]: is a pipe, not a file"


START_AT_25 = ('[[series]]\nbody = "sbu"\ndates = [2025-01-08]\nstart = "25:00"\n'
                       "minutes = 60\n")


def test_a_danish_plan_is_checked_in_danish(run_cli, tmp_path: Path) -> None:
    """The plan's language is Danish (the default): so are its messages and
    the summary, whatever the locale; the severity and code stay as
    ``--level`` and programs know them."""
    plan = plan_file(tmp_path, START_AT_25)
    result = run_cli("check", str(plan))
    assert result.exit_code == 1
    finding, summary = result.stdout.splitlines()
    assert finding.endswith('error[bad-time]: [[series]] #1 (body "sbu"): start: "25:00" er '
                            "ikke et klokkeslæt (timer 00-23, minutter 00-59)")
    assert summary == "fejl: 1 fil tjekket, 1 fejl, 0 advarsler, 0 info"
    as_json = json.loads(run_cli("check", "--format", "json", str(plan)).stdout)
    assert "er ikke et klokkeslæt" in as_json[0]["problems"][0]["message"]


def test_lang_en_says_a_danish_plan_s_problems_in_english(run_cli, tmp_path: Path) -> None:
    result = run_cli("check", "--lang", "en", str(plan_file(tmp_path, START_AT_25)))
    assert '"25:00" is not a clock time (hours 00-23, minutes 00-59)' in result.stdout


def test_an_english_plan_is_checked_in_the_locale_s_language(
        run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = plan_text(START_AT_25).replace("[plan]\n", '[plan]\nlanguage = "en"\n', 1)
    plan = tmp_path / "en.toml"
    plan.write_text(text, encoding="utf-8")
    assert "is not a clock time" in run_cli("check", str(plan)).stdout
    monkeypatch.setenv("LANG", "da_DK.UTF-8")
    assert "er ikke et klokkeslæt" in run_cli("check", str(plan)).stdout
    assert "is not a clock time" in run_cli("check", "--lang", "en", str(plan)).stdout


def test_a_plan_that_cannot_be_read_whole_is_still_said_in_its_language(
        run_cli, tmp_path: Path) -> None:
    """A plan with errors gives no model: its ``[plan]`` table's language
    is read on its own, and a plan that does not say one is Danish."""
    text = plan_text(START_AT_25).replace("[plan]\n", '[plan]\nlanguage = "en"\n', 1)
    english = tmp_path / "en.toml"
    english.write_text(text + "\nunknown = 1\n", encoding="utf-8")
    assert 'unknown key "unknown"' in run_cli("check", str(english)).stdout
    broken = tmp_path / "broken.toml"
    broken.write_text("[plan]\ntitle = 1\n", encoding="utf-8")
    assert "fejl: 1 fil tjekket" in run_cli("check", str(broken)).stdout


def test_a_written_agenda_is_checked_in_the_language_of_its_labels(
        run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The seed says "Mødedato:", "Tid:": Danish. An agenda in English
    labels, or in none, follows the locale; --lang chooses."""
    assert run_cli("check", str(SEED)).stdout.splitlines()[-1].startswith("ok: 1 fil tjekket")
    assert run_cli("check", "--lang", "en", str(SEED)).stdout.splitlines()[-1].startswith(
        "ok: 1 file checked")
    english = tmp_path / "agenda.txt"
    english.write_text("Meeting time: 18:15 - 19:00\n1. Welcome\nTime: 18:15 - 18:30\n"
                       "Responsible: FAS\n", encoding="utf-8")
    assert "30 of the meeting's 45 minutes" in run_cli("check", str(english)).stdout
    monkeypatch.setenv("LC_ALL", "da_DK.UTF-8")
    assert "30 af mødets 45 minutter" in run_cli("check", str(english)).stdout


@pytest.mark.parametrize(("key", "value", "said"), [
    ("months", "[0]", "months: 0 is out of range (1 to 12)"),
    ("months", "[4, 13]", "months: 13 is out of range (1 to 12)"),
    ("months", "[]", "months: the list is empty"),
    ("months", "3", "months: expected a list of month numbers like [1, 2, 4] (got a number 3)"),
    ("months", '"marts"', "months: expected a list of month numbers like [1, 2, 4] (got a "
                          "text 'marts')"),
    ("on_closed", '"keep"', "on_closed: \"keep\" is not one of 'skip', 'week-before', "
                            "'week-after', 'next-workday', 'previous-workday'"),
    ("on_closed", '"week-efter"', 'on_closed: "week-efter" is not one of'),
    ("on_holiday", '"week-earlier"', 'on_holiday: "week-earlier" is not one of'),
])
def test_a_bad_move_or_month_is_a_located_error(run_cli, tmp_path: Path, key: str, value: str,
                                                said: str) -> None:
    plan = plan_file(tmp_path, '[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                               f'start = "18:15"\nend = "19:45"\n{key} = {value}\n')
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1
    finding, summary = result.stdout.splitlines()
    assert finding.startswith(f"{plan}:22: error[")
    assert f'(body "sbu"): {said}' in finding
    assert summary == "failed: 1 file checked, 1 error, 0 warnings, 0 info"


def test_a_plan_that_is_no_toml_is_said_in_the_language_it_writes(
        run_cli, tmp_path: Path) -> None:
    """One rule whether the TOML reads or not: the plan's language line, or
    Danish, the default, where it has none; the locale does not decide."""
    english = tmp_path / "en.toml"
    english.write_text('[plan]\nlanguage = "en"\ntitle = "x\n', encoding="utf-8")
    danish = tmp_path / "da.toml"
    danish.write_text('[plan]\ntitle = "x\n', encoding="utf-8")
    assert run_cli("check", str(english)).stdout.splitlines()[-1].startswith("failed: ")
    assert run_cli("check", str(danish)).stdout.splitlines()[-1].startswith("fejl: ")
    assert "error[toml-syntax]: TOML-syntaks" in run_cli(
        "ical", str(danish), "-o", str(tmp_path / "f")).stderr
