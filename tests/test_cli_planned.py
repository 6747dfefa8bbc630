"""A plan's meetings and agendas for the commands (``planned``,
``exit_for``, ``known_body``): which problems are printed, which exit status
they call for, and a body that is not the plan's."""

from __future__ import annotations

from pathlib import Path

import click
import pytest

from aarshjul.cli.planned import exit_for, known_body, planned
from aarshjul.errors import Severity

from .plans import EXAMPLE, HEADER, make_plan, plan_file

# A meeting on Good Friday (left out, with a warning) and one whose agenda
# has a case with time to spare (information).
WARNED = '''
[[series]]
body = "sbu"
dates = [2025-04-18, 2025-04-23]
start = "09:00"
end = "10:00"

[[case]]
title = "Sag"
body = "sbu"
date = 2025-04-23
minutes = 20
'''
# ... and a case no meeting can take (an error).
UNPLACED = WARNED + '''
[[case]]
title = "Ingen møde"
body = "sbu"
date = 2025-01-09
'''
# Said in the plan's language, Danish.
HOLIDAY = ('test.toml:18: warning[holiday-date]: [[series]] #1 (body "sbu"): 2025-04-18 er en '
           'helligdag (Langfredag) og udelades (on_holiday = "skip")\n')


def test_warnings_are_printed_and_information_is_not(capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    agendas = planned(make_plan(WARNED))
    assert [p.code for p in agendas.problems] == ["holiday-date", "slack"]
    assert agendas.problems[1].severity is Severity.INFO
    assert capsys.readouterr() == ("", HOLIDAY)
    assert [str(m.date) for m in agendas.meetings] == ["2025-04-23"]


def test_errors_are_printed_and_only_they_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    warned = planned(make_plan(WARNED))
    exit_for(warned)  # warnings and information: the command goes on
    capsys.readouterr()
    unplaced = planned(make_plan(UNPLACED))
    assert capsys.readouterr().err == HOLIDAY + (
        'test.toml:30: error[unplaced-case]: [[case]] #2 ("Ingen møde"): intet møde kan tage '
        'sagen: "sbu" har intet møde den 2025-01-09 (nærmeste: 2025-04-23)\n')
    with pytest.raises(SystemExit) as stopped:
        exit_for(unplaced)
    assert stopped.value.code == 1


def test_an_english_plan_s_problems_are_printed_in_english(
        capsys: pytest.CaptureFixture[str]) -> None:
    planned(make_plan(WARNED, header=HEADER.replace("[plan]\n", '[plan]\nlanguage = "en"\n')))
    assert capsys.readouterr().err.endswith(
        '2025-04-18 is a holiday (Good Friday); it is left out (on_holiday = "skip")\n')


def test_a_body_of_the_plan_is_known() -> None:
    known_body(make_plan(), "rm", "--body")  # no error


def test_a_body_not_in_the_plan_names_those_it_has() -> None:
    with pytest.raises(click.BadParameter) as unknown:
        known_body(make_plan(), "xyz", "--body")
    assert unknown.value.message == 'no body "xyz" in test.toml (it has sbu, rm)'
    assert unknown.value.param_hint == "--body"


@pytest.mark.parametrize(("args", "hint"), [
    (["meetings", str(EXAMPLE), "--body", "sbu", "--body", "xyz"], "--body"),
    (["cases", str(EXAMPLE), "--body", "xyz", "--body", "sbu"], "--body"),
    (["agenda", str(EXAMPLE), "xyz", "2025-01-15"], "BODY"),
])
def test_an_unknown_body_on_the_command_line_is_exit_2(run_cli, args: list[str], hint: str
                                                       ) -> None:
    result = run_cli(*args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.splitlines()[-1] == (
        f'Error: Invalid value for {hint}: no body "xyz" in {EXAMPLE} (it has sbu, rm)')


def test_a_command_prints_warnings_and_errors_on_stderr_only(run_cli, tmp_path: Path) -> None:
    plan = plan_file(tmp_path, UNPLACED)
    result = run_cli("meetings", str(plan), "--format", "csv")
    assert result.exit_code == 1
    assert [line.split(": ")[1] for line in result.stderr.splitlines()] == [
        "warning[holiday-date]", "error[unplaced-case]"]
    assert "slack" not in result.stderr
    assert "error[" not in result.stdout
