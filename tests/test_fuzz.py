"""Hostile text in, and every command still ends in a result or a located
error: never a traceback, never an exit status other than 0 or 1.

Hypothesis mutates real plans (the example plan in ``calendars/`` and the
tests' own) line by line, with what planners and attackers type: broken
TOML, wrong types, control characters, years at the edges, huge numbers;
and writes agendas from the lines a written agenda is made of. Each is run
through the commands in-process.

The run is bounded: ``AARSHJUL_FUZZ_EXAMPLES`` (default 100) sets how many
plans each command sees, so CI spends about half a minute here; set it higher
for a longer hunt (``AARSHJUL_FUZZ_EXAMPLES=2000 python3 -m pytest
tests/test_fuzz.py``).
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from aarshjul.cli import cli

from .plans import EXAMPLE, ONE_MEETING, plan_text

EXAMPLES = int(os.environ.get("AARSHJUL_FUZZ_EXAMPLES", "100"))
BOUNDED = settings(max_examples=EXAMPLES, deadline=None, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                          HealthCheck.function_scoped_fixture])

SEEDS = [EXAMPLE.read_text(encoding="utf-8"), plan_text(ONE_MEETING),
         # Week moves, a follower, deadlines in hverdage, meetings over several days.
         (EXAMPLE.parent / "fredensborg-2017.toml").read_text(encoding="utf-8")]
# A meeting of each seed for `aarshjul agenda`: a body and a day it meets.
AGENDA_OF = dict(zip(SEEDS, [("sbu", "2025-01-15"), ("sbu", "2025-03-12"),
                             ("byraad", "2017-01-30")], strict=True))

# What a hostile or careless hand puts into a plan: TOML's own syntax, values
# of every type, the edges of dates and times, control characters (Word's
# manual line break, an escape sequence, NUL), text written right to left.
HOSTILE = [
    '"', "'", "[", "]", "[[", "]]", "=", ",", "#", "\\", "\n", '"""', "{", "}",
    "\x00", "\x07", "\x0b", "\x1b[31m", "\u202e", "\ufeff", "æøå", "🗓",
    "0001-01-01", "9999-12-31", "1900-01-01", "2999-12-31", "2025-02-29", "2025-13-01",
    "24:00", "23:59", "00:00", "18.15", "-1", "0", "1e309", "nan", "inf",
    "99999999999999999999", "true", "[]", "{}", '""', "[2025-01-01, 2025-01-01]",
    "{previous}", "{next}", "{date:%Y}", "Europe/Copenhagen", "Mars/Olympus",
    "FREQ=SECONDLY", "FREQ=WEEKLY;COUNT=0", "hver 4. uge om mandagen", "every day",
    "#ffffff", "red", "../../etc/passwd", "x" * 300, "a/" * 150,
    "week-before", "week-after", "4 hverdage", "1000 hverdage", "0 arbejdsdage", "mandag",
    "byraad", "oek", '"byraad"', '"oek"', "-9", "61", "3. uge om mandagen",
]
KEYS = ["id", "body", "start", "end", "minutes", "every", "rule", "dates", "from", "to",
        "date", "window", "month", "title", "name", "color", "timezone", "language",
        "holidays", "on_holiday", "agenda_deadline", "template", "items", "weeks",
        "status", "announced", "theme", "place", "location", "follows", "weeks", "weekday",
        "days", "on_closed", "months", "to", "minutes"]

# What a value can be: TOML that reads (a date, a boolean, a list, a number, a
# string holding anything), so that the plan's reader and checks, not TOML's,
# meet it; raw text goes into lines as they are (``insert``).
values = st.one_of(
    st.sampled_from(["0001-01-01", "9999-12-31", "1900-01-01", "2999-12-31", "2025-01-15",
                     "true", "false", "[]", "{}", "[2025-01-01, 2025-01-01]", "[0, 13]",
                     "1e309", "nan", "inf", "-0", "18:15:00"]),
    st.integers(min_value=-10**20, max_value=10**20).map(str),
    st.sampled_from(HOSTILE).map(json.dumps),
    st.text(max_size=40).map(json.dumps),
)
raw = st.one_of(st.sampled_from(HOSTILE), st.text(max_size=40))


@st.composite
def mutated_plans(draw: st.DrawFn, seed: str | None = None) -> str:
    """A real plan (``seed``, or one of them), with a few lines changed,
    dropped, repeated or added."""
    lines = (seed or draw(st.sampled_from(SEEDS))).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        # Mostly values and keys, which TOML reads: the plan's checks meet them.
        how = draw(st.sampled_from(["value"] * 3 + ["key"] * 2
                                   + ["drop", "repeat", "insert", "cut"]))
        line = lines[at]
        if how == "value" and "=" in line:
            lines[at] = f"{line.split('=', 1)[0]}= {draw(values)}"
        elif how == "insert":
            cut = draw(st.integers(0, len(line)))
            lines[at] = line[:cut] + draw(raw) + line[cut:]
        elif how == "drop":
            del lines[at]
        elif how == "repeat":
            lines.insert(at, line)
        elif how == "key":
            lines.insert(at, f"{draw(st.sampled_from(KEYS))} = {draw(values)}")
        else:
            lines[at] = line[: draw(st.integers(0, len(line)))]
        if not lines:
            lines = [""]
    return "\n".join(lines)


# An item as written agendas give it: its title and minutes (numbered and
# timed in turn where the agenda is written, from 18.15).
ITEMS = st.tuples(st.sampled_from(["Godkendelse", "Orientering", "Budget", "Evt."]),
                  st.integers(0, 60))

AGENDA_LINES = st.one_of(
    st.sampled_from([
        "Dagsorden", "Dagsorden kort:", "Mødedato: 15. januar 2025", "Mødetid: 18.15 - 19.45",
        "Mødetid: 18.15", "Mødested: Rådhuset", "Punkt 1: Godkendelse af dagsorden",
        "Punkt 2: Orientering", "2. Kl. 15.00-16.00: Budget", "3. Evt. ( )",
        "Tid: 18.15 – 18.30 (15 min.)", "Tid: 18.30 – 18.15 (5 min.)", "Tid: 25.00 – 26.00",
        "Tid: (0 min.)", "Tid: 18.15 – 19.45 (999999999 min.)", "Ansvarlig: FAS",
        "Metode: Drøftelse", "Bilag:", "# Dagsorden", "## Punkt 1", "- 18:15 Velkomst",
        "Meeting date: 15 January 2025", "Time: 18:15 - 18:30", "",
    ]),
    st.sampled_from(HOSTILE),
    st.text(max_size=60),
)


def _located_or_done(result_output: str, exit_code: int, name: str) -> None:
    event(f"exit status {exit_code}")  # --hypothesis-show-statistics tells how many of each
    assert exit_code in (0, 1), result_output
    assert "Traceback" not in result_output
    if exit_code == 1:
        # Located: the file's name, maybe its line, a severity and a code.
        assert re.search(rf"(?m)^{re.escape(name)}(:\d+)?: error\[[a-z-]+\]: ", result_output), \
            result_output


def _run(*args: str) -> tuple[str, int]:
    result = _invoked(*args)
    return result.output, result.exit_code


def _invoked(*args: str) -> Result:
    # Exceptions are not caught: a traceback fails the test with its example.
    return CliRunner().invoke(cli, list(args), prog_name="aarshjul", catch_exceptions=False)


def _json_or_located(name: str, *args: str) -> None:
    """A command with ``--format json``: JSON on its output whenever it ends
    in 0; check's report is JSON with errors too, others' errors located."""
    result = _invoked(*args)
    event(f"exit status {result.exit_code}")
    assert result.exit_code in (0, 1), result.output
    if result.exit_code == 0 or args[0] == "check":
        json.loads(result.stdout)
    else:
        _located_or_done(result.output, result.exit_code, name)


@BOUNDED
@given(seed=st.sampled_from(SEEDS), data=st.data())
def test_check_and_the_listings_end_in_a_result_or_a_located_error(
        tmp_path: Path, seed: str, data: st.DataObject) -> None:
    text = data.draw(mutated_plans(seed))
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    for args in (["check"], ["check", "--lang", "da"], ["meetings"],
                 ["meetings", "--format", "csv"]):
        output, status = _run(*args, str(plan))
        _located_or_done(output, status, str(plan))
    for args in (["check", "--format", "json"], ["meetings", "--format", "json"]):
        _json_or_located(str(plan), *args, str(plan))
    body, day = AGENDA_OF[seed]
    output, status = _run("agenda", str(plan), body, day)
    if status == 2:  # the mutation took the body or the meeting away: a usage error
        assert "Error: Invalid value" in output, output
    else:
        _located_or_done(output, status, str(plan))


@BOUNDED
@given(text=mutated_plans())
def test_the_writers_end_in_a_result_or_a_located_error(tmp_path: Path, text: str) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    for args in (["ical", str(plan), "-o", str(out / "feeds")],
                 ["wheel", str(plan), "-o", str(out / "wheel.svg")]):
        output, status = _run(*args)
        _located_or_done(output, status, str(plan))


@settings(BOUNDED, max_examples=max(EXAMPLES // 6, 5))
@given(text=mutated_plans())
def test_a_site_is_built_or_a_located_error_given(tmp_path: Path, text: str) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    output, status = _run("build", str(plan), "-o", str(tmp_path / "site"))
    _located_or_done(output, status, str(plan))


@BOUNDED
@given(parts=st.lists(ITEMS | AGENDA_LINES, max_size=30),
       suffix=st.sampled_from([".txt", ".md"]))
def test_a_written_agenda_is_checked_or_a_located_error_given(
        tmp_path: Path, parts: list[tuple[str, int] | str], suffix: str) -> None:
    """Items with their times, among lines of every other kind."""
    agenda = tmp_path / f"agenda{suffix}"
    agenda.write_text("\n".join(_written(parts)), encoding="utf-8")
    output, status = _run("check", str(agenda))
    _located_or_done(output, status, str(agenda))
    _json_or_located(str(agenda), "check", "--lang", "en", "--format", "json", str(agenda))


@settings(BOUNDED, max_examples=max(EXAMPLES // 3, 5))
@given(paragraphs=st.lists(AGENDA_LINES, max_size=30),
       rows=st.lists(st.tuples(AGENDA_LINES, AGENDA_LINES, AGENDA_LINES), max_size=8))
def test_a_word_agenda_is_checked_or_a_located_error_given(
        tmp_path: Path, paragraphs: list[str], rows: list[tuple[str, str, str]]) -> None:
    """Paragraphs and a table, as Word agendas hold them (text Word cannot
    hold, such as NUL, left out)."""
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(_in_xml(text))
    if rows:
        table = document.add_table(rows=len(rows), cols=3)
        for row, texts in zip(table.rows, rows, strict=True):
            for cell, text in zip(row.cells, texts, strict=True):
                cell.text = _in_xml(text)
    agenda = tmp_path / "agenda.docx"
    document.save(str(agenda))
    output, status = _run("check", str(agenda))
    _located_or_done(output, status, str(agenda))


def _written(parts: list[tuple[str, int] | str]) -> list[str]:
    """The lines of an agenda: each item numbered in turn with its time line
    (the clock running on from 18.15), other lines as they are."""
    lines, number, clock = [], 0, 18 * 60 + 15
    for part in parts:
        if isinstance(part, str):
            lines.append(part)
            continue
        title, minutes = part
        number += 1
        end = clock + minutes
        lines += [f"{number}. {title}", f"Tid: {clock // 60 % 24:02d}.{clock % 60:02d} – "
                  f"{end // 60 % 24:02d}.{end % 60:02d} ({minutes} min.)"]
        clock = end
    return lines


def _in_xml(text: str) -> str:
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


@pytest.mark.parametrize("seed", range(len(SEEDS)))
def test_the_seeds_themselves_are_clean_plans(tmp_path: Path, seed: int) -> None:
    """The mutations start from plans that pass, so what fails is the mutation's."""
    plan = tmp_path / "plan.toml"
    plan.write_text(SEEDS[seed], encoding="utf-8")
    output, status = _run("check", str(plan))
    assert status == 0, output
