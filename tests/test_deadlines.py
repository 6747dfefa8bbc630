"""Deadlines counted as the law counts them: calendar days moved back to a
workday, hverdage (Monday to Saturday) and arbejdsdage (Monday to Friday),
holidays never counted, closed periods no matter."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul import Body, Days, Deadline, Language, load_plan
from aarshjul.deadlines import read_deadline
from aarshjul.messages import Refusal
from aarshjul.scheduling.calendar import holidays_for
from aarshjul.site.pages import plan_json

from .plans import EXAMPLE, FRAGMENT_START, agendas_of, make_plan, plan_file

D = dt.date
HOLIDAYS = holidays_for("DK", ["public"], [2024, 2025, 2026], Language.DA)
EASTER_TUESDAY = D(2025, 4, 22)  # the Tuesday after Easter Monday


@pytest.mark.parametrize(("written", "deadline"), [
    (6, Deadline(6)),
    (0, Deadline(0)),
    ("4 hverdage", Deadline(4, Days.HVERDAGE)),
    ("1 hverdag", Deadline(1, Days.HVERDAGE)),
    ("5 arbejdsdage", Deadline(5, Days.ARBEJDSDAGE)),
    ("1 arbejdsdag", Deadline(1, Days.ARBEJDSDAGE)),
    ("4 weekdays", Deadline(4, Days.HVERDAGE)),
    ("1 weekday", Deadline(1, Days.HVERDAGE)),
    ("5 workdays", Deadline(5, Days.ARBEJDSDAGE)),
    ("1 workday", Deadline(1, Days.ARBEJDSDAGE)),
    (" 10  hverdage ", Deadline(10, Days.HVERDAGE)),
    ("250 arbejdsdage", Deadline(250, Days.ARBEJDSDAGE)),
])
def test_a_deadline_is_read_from_a_number_or_a_count(written: int | str,
                                                     deadline: Deadline) -> None:
    assert read_deadline(written) == deadline


@pytest.mark.parametrize(("written", "said"), [
    ("4 dage", '"4 dage" is not a deadline: write 4 for calendar days, "4 hverdage" for '
               'Monday to Saturday or "4 arbejdsdage" for Monday to Friday (holidays do not '
               "count)"),
    ("x", '"x" is not a deadline: write 4 for calendar days, "4 hverdage"'),
    ("hverdage", '"hverdage" is not a deadline'),
    ("4", '"4" is not a deadline'),
    ("4 Hverdage", '"4 Hverdage" is not a deadline'),
    ("4.5 hverdage", '"4.5 hverdage" is not a deadline'),
    ("-1 hverdage", "-1 hverdage is out of range (1 to 250)"),
    ("0 arbejdsdage", "0 arbejdsdage is out of range (1 to 250)"),
    ("1000 hverdage", "1000 hverdage is out of range (1 to 250)"),
    (366, "366 is out of range (0 to 365)"),
    (-1, "-1 is out of range (0 to 365)"),
])
def test_what_is_no_deadline_is_refused_with_the_forms_it_can_take(written: int | str,
                                                                   said: str) -> None:
    with pytest.raises(Refusal) as refused:
        read_deadline(written)
    assert str(refused.value.said).startswith(said)
    assert refused.value.said.text_in(Language.DA)  # said in Danish too


def test_the_forms_offered_take_the_planners_own_number() -> None:
    with pytest.raises(Refusal, match='write 5 for calendar days, "5 hverdage"'):
        read_deadline("5 dage")


def test_a_deadline_built_in_code_is_held_to_the_same_bounds() -> None:
    for count, days in ((366, Days.CALENDAR), (0, Days.HVERDAGE), (251, Days.ARBEJDSDAGE)):
        with pytest.raises(ValueError, match="must be"):
            Deadline(count, days)
    with pytest.raises(TypeError):
        Deadline(4, "hverdage")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        Deadline(True)
    assert Body(id="b", name="B", agenda_deadline="4 hverdage").agenda_deadline == Deadline(
        4, Days.HVERDAGE)
    assert Body(id="b", name="B", agenda_deadline=6).agenda_deadline == Deadline(6)
    with pytest.raises(ValueError, match="is not a deadline"):
        Body(id="b", name="B", agenda_deadline="4 dage")


def test_copenhagens_oekonomiudvalg_sends_its_agenda_4_hverdage_before_on_thursday() -> None:
    """Tuesday's meeting: Monday, Saturday, Friday, Thursday are counted."""
    tuesday = D(2025, 3, 11)
    assert Deadline(4, Days.HVERDAGE).day_before(tuesday, HOLIDAYS) == D(2025, 3, 6)
    # Saturday counts as a hverdag, never a Sunday: 2 hverdage is the Saturday.
    assert Deadline(2, Days.HVERDAGE).day_before(tuesday, HOLIDAYS) == D(2025, 3, 8)
    assert Deadline(1, Days.HVERDAGE).day_before(tuesday, HOLIDAYS) == D(2025, 3, 10)


def test_arbejdsdage_count_monday_to_friday() -> None:
    tuesday = D(2025, 3, 11)
    assert Deadline(4, Days.ARBEJDSDAGE).day_before(tuesday, HOLIDAYS) == D(2025, 3, 5)
    assert Deadline(5, Days.ARBEJDSDAGE).day_before(tuesday, HOLIDAYS) == D(2025, 3, 4)
    monday = D(2025, 3, 10)
    assert Deadline(1, Days.ARBEJDSDAGE).day_before(monday, HOLIDAYS) == D(2025, 3, 7)


def test_the_count_skips_the_holidays_of_easter() -> None:
    """Before Tuesday 22 April 2025: Easter Monday, (Sunday), Easter Saturday
    (a hverdag, no holiday), Good Friday, Maundy Thursday, then Wednesday."""
    hverdage = [Deadline(n, Days.HVERDAGE).day_before(EASTER_TUESDAY, HOLIDAYS)
                for n in (1, 2, 3, 4)]
    assert hverdage == [D(2025, 4, 19), D(2025, 4, 16), D(2025, 4, 15), D(2025, 4, 14)]
    arbejdsdage = [Deadline(n, Days.ARBEJDSDAGE).day_before(EASTER_TUESDAY, HOLIDAYS)
                   for n in (1, 2, 3, 4)]
    assert arbejdsdage == [D(2025, 4, 16), D(2025, 4, 15), D(2025, 4, 14), D(2025, 4, 11)]
    # Without the holidays, the same count falls later.
    assert Deadline(4, Days.HVERDAGE).day_before(EASTER_TUESDAY, {}) == D(2025, 4, 17)


def test_calendar_days_step_back_over_weekends_and_holidays() -> None:
    """v1's deadline, kept: ``count`` days before, back to a workday."""
    plan = load_plan(EXAMPLE)
    meetings = agendas_of(plan).meetings
    (saturday,) = [m for m in meetings if m.body == "sbu" and m.date == D(2025, 1, 29)]
    assert Deadline(4).day_before(saturday.date, {}) == D(2025, 1, 24)  # Sat -> Fri
    (easter,) = [m for m in meetings if m.body == "rm" and m.date == EASTER_TUESDAY]
    # Two days before Tuesday 22 April is Easter Sunday: back over Easter to Wednesday.
    assert Deadline(2).day_before(easter.date, HOLIDAYS) == D(2025, 4, 16)
    assert Deadline(0).day_before(D(2025, 3, 12), HOLIDAYS) == D(2025, 3, 12)


def test_a_deadline_is_written_back_as_a_plan_writes_it() -> None:
    assert [read_deadline(w).written for w in (6, "4 weekdays", "1 workday", "1 hverdag")] == [
        6, "4 hverdage", "1 arbejdsdag", "1 hverdag"]


@settings(max_examples=300, deadline=None)
@given(count=st.integers(1, 250), days=st.sampled_from([Days.HVERDAGE, Days.ARBEJDSDAGE]),
       meeting=st.dates(D(2025, 1, 1), D(2026, 12, 31)))
def test_a_count_reaches_its_number_on_a_day_it_counts(count: int, days: Days,
                                                       meeting: dt.date) -> None:
    deadline = Deadline(count, days)
    due = deadline.day_before(meeting, HOLIDAYS)
    last = 5 if days is Days.HVERDAGE else 4

    def counts(day: dt.date) -> bool:
        return day.weekday() <= last and day not in HOLIDAYS

    assert counts(due)
    between = [due + dt.timedelta(days=n) for n in range((meeting - due).days)]
    assert sum(counts(day) for day in between) == count
    assert read_deadline(deadline.written) == deadline


# Each bad value of agenda_deadline, written on line 3 of a [[body]] added
# to the standard plan, and what `aarshjul check` says of it.
BAD_DEADLINES = {
    '"4 dage"': ("bad-value", '"4 dage" is not a deadline: write 4 for calendar days, '
                              '"4 hverdage" for Monday to Saturday or "4 arbejdsdage" for '
                              "Monday to Friday (holidays do not count)"),
    '"-1 hverdage"': ("bad-value", "-1 hverdage is out of range (1 to 250)"),
    '"x"': ("bad-value", '"x" is not a deadline: write 4 for calendar days, "4 hverdage" '
                         'for Monday to Saturday or "4 arbejdsdage" for Monday to Friday '
                         "(holidays do not count)"),
    '"1000 hverdage"': ("bad-value", "1000 hverdage is out of range (1 to 250)"),
    '"0 arbejdsdage"': ("bad-value", "0 arbejdsdage is out of range (1 to 250)"),
    "400": ("bad-value", "400 is out of range (0 to 365)"),
    "-1": ("bad-value", "-1 is out of range (0 to 365)"),
    "4.5": ("bad-type", 'expected a number of days, or a text like "4 hverdage" (got a '
                        "decimal number 4.5)"),
    "true": ("bad-type", 'expected a number of days, or a text like "4 hverdage" (got '
                         "true/false True)"),
    '["4 hverdage"]': ("bad-type", 'expected a number of days, or a text like "4 hverdage" '
                                   "(got a list)"),
}


@pytest.mark.parametrize("value", BAD_DEADLINES)
def test_a_bad_deadline_is_a_located_error(run_cli, tmp_path: Path, value: str) -> None:
    code, said = BAD_DEADLINES[value]
    plan = plan_file(tmp_path, f'[[body]]\nid = "oeu"\nname = "Økonomiudvalget"\n'
                               f"agenda_deadline = {value}\n")
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1
    assert result.stdout.splitlines()[0] == (
        f'{plan}:{FRAGMENT_START + 3}: error[{code}]: [[body]] "oeu": agenda_deadline: {said}')
    assert result.stderr == ""
    danish = run_cli("check", str(plan))
    assert f"error[{code}]" in danish.stdout
    assert "is not a deadline" not in danish.stdout
    assert "out of range" not in danish.stdout


@pytest.mark.parametrize("value", ['"4 hverdage"', '"5 arbejdsdage"', '"1 weekday"',
                                   '"2 workdays"', "0", "365"])
def test_a_good_deadline_checks_clean(run_cli, tmp_path: Path, value: str) -> None:
    plan = plan_file(tmp_path, f'[[body]]\nid = "oeu"\nname = "Økonomiudvalget"\n'
                               f"agenda_deadline = {value}\n")
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 0, result.stdout


def test_plan_json_writes_each_body_s_deadline_as_the_plan_does() -> None:
    plan = make_plan('[[body]]\nid = "oeu"\nname = "Økonomiudvalget"\n'
                     'agenda_deadline = "4 weekdays"\n\n'
                     '[[body]]\nid = "bu"\nname = "Børne- og Ungeudvalget"\n'
                     "agenda_deadline = 6\n")
    bodies = {b["id"]: b for b in json.loads(plan_json(plan, agendas_of(plan)))["bodies"]}
    assert [bodies[b]["agenda_deadline"] for b in ("sbu", "oeu", "bu")] == [
        None, "4 hverdage", 6]


@pytest.mark.parametrize("text", ["9" * 5000 + " hverdage", "9" * 5000 + " dage"])
def test_a_count_too_long_to_read_is_refused_not_a_traceback(text: str) -> None:
    """Python reads at most 4,300 digits: more was a ValueError of its own."""
    with pytest.raises(Refusal):
        read_deadline(text)
