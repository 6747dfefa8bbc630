"""Start times only (SPEC §11): real plans publish "kl. 17.00" and no end.
A meeting that gives only its start lasts its body's ``minutes``, else the
plan's; its own end or minutes come first; without any, ``end`` or
``minutes`` is required, as in v1."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

from aarshjul import (
    Body,
    ClockTime,
    Minutes,
    Plan,
    PlanError,
    Recurrence,
    Rule,
    Series,
    list_meetings,
    parse_plan,
    read_plan,
)
from aarshjul.model import MeetingChange

from .plans import built_in_code

D = dt.date
T = ClockTime.parse

BYRAAD = """\
[plan]
title = "Byrådets mødeplan 2025"
id = "byraad-2025"
start = 2025-01-01
end = 2025-12-31
minutes = 180

[[body]]
id = "byraad"
name = "Byrådet"
kind = "byråd"
agenda_deadline = "4 hverdage"

[[body]]
id = "oeu"
name = "Økonomiudvalget"
minutes = 90

[[series]]
body = "byraad"
every = "sidste onsdag i måneden"
start = "17:00"

[[series]]
body = "oeu"
every = "hver anden mandag"
from = 2025-01-06
start = "15:00"
"""


def times(text: str, body: str) -> list[tuple[dt.date, str, str]]:
    plan = parse_plan(text, source="byraad.toml")
    return [(m.date, str(m.start), str(m.end)) for m in list_meetings(plan, body=body)]


def test_a_series_of_start_times_lasts_the_plan_s_minutes() -> None:
    byraad = times(BYRAAD, "byraad")
    assert len(byraad) == 12
    assert byraad[0] == (D(2025, 1, 29), "17:00", "20:00")
    assert {(start, end) for _, start, end in byraad} == {("17:00", "20:00")}


def test_a_body_s_minutes_come_before_the_plan_s() -> None:
    oeu = times(BYRAAD, "oeu")
    assert oeu[0] == (D(2025, 1, 6), "15:00", "16:30")
    assert {(start, end) for _, start, end in oeu} == {("15:00", "16:30")}


def test_a_series_own_end_or_minutes_come_before_the_body_s() -> None:
    own_end = BYRAAD.replace('start = "15:00"\n', 'start = "15:00"\nend = "15:45"\n')
    assert {end for _, _, end in times(own_end, "oeu")} == {"15:45"}
    own_minutes = BYRAAD.replace('start = "17:00"\n', 'start = "17:00"\nminutes = 240\n')
    assert {end for _, _, end in times(own_minutes, "byraad")} == {"21:00"}


def test_a_one_off_meeting_with_only_a_start() -> None:
    text = BYRAAD + ('\n[[meeting]]\nbody = "byraad"\ndate = 2025-09-10\nstart = "16:00"\n'
                     'title = "Ekstraordinært byrådsmøde"\n'
                     '\n[[meeting]]\nbody = "oeu"\ndate = 2025-09-11\nstart = "08:00"\n')
    assert (D(2025, 9, 10), "16:00", "19:00") in times(text, "byraad")
    assert (D(2025, 9, 11), "08:00", "09:30") in times(text, "oeu")


def test_a_change_with_only_a_start_keeps_the_meeting_s_length() -> None:
    text = BYRAAD + '\n[[meeting]]\nbody = "byraad"\ndate = 2025-06-25\nstart = "15:00"\n'
    assert (D(2025, 6, 25), "15:00", "18:00") in times(text, "byraad")
    # A series with its own end keeps that length, whatever the body says.
    own = BYRAAD.replace('start = "15:00"\n', 'start = "15:00"\nend = "15:45"\n') + (
        '\n[[meeting]]\nbody = "oeu"\ndate = 2025-01-06\nstart = "10:00"\n')
    assert times(own, "oeu")[0] == (D(2025, 1, 6), "10:00", "10:45")


def test_a_plan_built_in_code_gives_only_start_times_too() -> None:
    every_monday = Recurrence(rule=Rule.parse("FREQ=WEEKLY;BYDAY=MO"))
    plan = Plan(title="Plan", id="plan", start=D(2025, 3, 1), end=D(2025, 3, 31),
                minutes=Minutes(60),
                bodies=(Body(id="a", name="A"), Body(id="b", name="B", minutes=Minutes(45))),
                series=(Series(body="a", recurrence=every_monday, start=T("09:00")),
                        Series(body="b", recurrence=every_monday, start=T("10:00"))),
                meetings=(MeetingChange(body="b", date=D(2025, 3, 4), start=T("08:00")),))
    ends = {(m.body, m.date, str(m.end)) for m in list_meetings(plan)}
    assert ("a", D(2025, 3, 3), "10:00") in ends
    assert ("b", D(2025, 3, 3), "10:45") in ends
    assert ("b", D(2025, 3, 4), "08:45") in ends
    # The same plan read from a file gives the same meetings.
    assert list_meetings(built_in_code(parse_plan(BYRAAD))) == list_meetings(
        parse_plan(BYRAAD))
    # Without any minutes, the series is a plan error, located at its table.
    with pytest.raises(PlanError) as caught:
        list_meetings(attrs.evolve(plan, minutes=None))
    (problem,) = caught.value.problems
    assert (problem.code, problem.key) == ("missing-key", "series[1]")
    assert str(problem.message) == (
        '[[series]] #1 (body "a"): "end" or "minutes" is required, or "minutes" on the '
        "[[body]] or in [plan] for every meeting that gives only its start")


# Each broken plan: the BYRAAD plan changed (old, new), the line and code of
# the one error, and its message after the table's label.
BROKEN = {
    "no minutes anywhere": (("minutes = 180\n", ""), 18, "missing-key",
                            '"end" or "minutes" is required, or "minutes" on the [[body]] '
                            "or in [plan] for every meeting that gives only its start"),
    "plan minutes 0": (("minutes = 180\n", "minutes = 0\n"), 6, "bad-value",
                       "minutes: a meeting lasts at least 1 minute"),
    "plan minutes as text": (("minutes = 180\n", 'minutes = "3 timer"\n'), 6, "bad-type",
                             "minutes: expected a whole number (got a text '3 timer')"),
    "plan minutes 1500": (("minutes = 180\n", "minutes = 1500\n"), 6, "bad-value",
                          "minutes: 1500 is out of range (0 to 1440)"),
    "body minutes 0": (("minutes = 90\n", "minutes = 0\n"), 17, "bad-value",
                       "minutes: a meeting lasts at least 1 minute"),
    "body minutes as decimal": (("minutes = 90\n", "minutes = 1.5\n"), 17, "bad-type",
                                "minutes: expected a whole number (got a decimal number 1.5)"),
    "past midnight": (('start = "17:00"\n', 'start = "22:00"\n'), 22, "bad-value",
                      "start: 22:00 + 180 minutes runs past midnight; meetings end on the "
                      "day they start"),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_length_is_a_located_error(run_cli, tmp_path: Path, case: str) -> None:
    (old, new), line, code, said = BROKEN[case]
    plan = tmp_path / "byraad.toml"
    plan.write_text(BYRAAD.replace(old, new, 1), encoding="utf-8")
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1
    errors = [row for row in result.stdout.splitlines() if ": error[" in row]
    assert len(errors) == 1, result.stdout
    assert errors[0].startswith(f"{plan}:{line}: error[{code}]: ")
    assert errors[0].endswith(f": {said}")
    assert result.stderr == ""


def test_a_one_off_without_any_length_still_needs_a_time(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "byraad.toml"
    without = BYRAAD.replace("minutes = 180\n", "").replace(
        'start = "17:00"\n', 'start = "17:00"\nend = "20:00"\n')
    plan.write_text(without + (
        '\n[[meeting]]\nbody = "byraad"\ndate = 2025-09-10\nstart = "16:00"\n'
        'end = "19:00"\n\n[[meeting]]\nbody = "byraad"\ndate = 2025-09-11\n'
        'start = "16:00"\n'), encoding="utf-8")
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1
    assert f"{plan}:36: error[one-off-needs-time]: " in result.stdout
    assert ('needs "start" and "end" (or "minutes", here, on its [[body]] or in [plan])'
            in result.stdout)


def test_a_one_off_start_that_the_body_s_minutes_take_past_midnight(run_cli, tmp_path: Path
                                                                     ) -> None:
    plan = tmp_path / "byraad.toml"
    plan.write_text(BYRAAD + '\n[[meeting]]\nbody = "byraad"\ndate = 2025-09-10\n'
                             'start = "22:30"\n', encoding="utf-8")
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1
    assert (f'{plan}:33: error[bad-value]: [[meeting]] #1 (byraad 2025-09-10): start: 22:30 + '
            "180 minutes runs past midnight; meetings end on the day they start"
            in result.stdout)


def test_the_model_no_longer_demands_an_end() -> None:
    """A series of only a start is a value; its length is the plan's to give."""
    series = Series(body="a", recurrence=Recurrence(dates=(D(2025, 3, 3),)), start=T("09:00"))
    with pytest.raises(ValueError, match="start only"):
        _ = series.ends_at
    _, problems = read_plan(BYRAAD, source="byraad.toml")
    assert [p for p in problems if p.is_error] == []
