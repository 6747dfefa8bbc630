"""``aarshjul meetings`` and ``aarshjul agenda``: a plan's meetings as a
table, JSON or CSV, and one meeting's agenda."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

import aarshjul

from .plans import EXAMPLE, plan_file, plan_text


def test_meetings_json_has_the_spec_keys(run_cli) -> None:
    result = run_cli("meetings", str(EXAMPLE), "--format", "json", "--body", "sbu",
                     "--from", "2025-02-01", "--to", "2025-02-28")
    assert result.exit_code == 0
    records = json.loads(result.stdout)
    assert [r["date"] for r in records] == ["2025-02-19", "2025-02-26"]
    assert set(records[0]) == {"uid", "body", "title", "date", "to", "start", "end", "status",
                               "location", "original_date", "items"}
    assert records[0]["original_date"] == "2025-02-12"
    assert (records[0]["start"], records[0]["end"]) == ("18:15", "19:45")


def test_meetings_json_items_are_the_agenda_not_the_meetings_own_items(
        run_cli, tmp_path: Path) -> None:
    """The JSON's "items" are the numbered, timed agenda that ``assemble``
    gives; ``Meeting.items`` are only the plan's ``[[meeting.item]]``s."""
    plan = plan_file(tmp_path, '[[series]]\nbody = "sbu"\ndates = [2025-01-08]\n'
                     'start = "18:00"\nend = "19:00"\n\n[[meeting]]\nbody = "sbu"\n'
                     'date = 2025-01-08\n\n[[meeting.item]]\ntitle = "Eget punkt"\n'
                     'minutes = 15\n\n[[case]]\ntitle = "Sag"\nbody = "sbu"\n'
                     'date = 2025-01-08\nminutes = 20\n')
    (record,) = json.loads(run_cli("meetings", str(plan), "--format", "json").stdout)
    loaded = aarshjul.load_plan(plan)
    agendas = aarshjul.assemble(loaded, aarshjul.schedule(loaded))
    (meeting,) = agendas.meetings
    assert [item.title for item in meeting.items] == ["Eget punkt"]
    agenda = agendas.agenda(meeting).items
    assert len(agenda) > len(meeting.items)
    assert record["items"] == [
        {"number": i.number, "title": i.title, "start": str(i.start), "end": str(i.end),
         "minutes": i.minutes} for i in agenda]
    assert [i["title"] for i in record["items"]] == ["Sag", "Eget punkt"]


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


def test_a_move_never_announced_is_no_move_in_the_table(run_cli, tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace(
        "moved_to = 2025-02-19\n", "moved_to = 2025-02-19\nannounced = false\n")
    assert "announced = false" in text
    plan = tmp_path / "p.toml"
    plan.write_text(text, encoding="utf-8")
    result = run_cli("meetings", str(plan), "--body", "sbu", "--to", "2025-02-28")
    assert result.exit_code == 0, result.output
    (moved,) = [line for line in result.stdout.splitlines() if "2025-02-19" in line]
    assert moved.endswith("  Flyttet fra vinterferien (uge 7).")
    assert "flyttet fra 2025-02-12" not in moved
    # The data keeps the date the rule gave: it is the meeting's identity.
    records = json.loads(run_cli("meetings", str(plan), "--format", "json", "--body", "sbu",
                                 "--from", "2025-02-19", "--to", "2025-02-19").stdout)
    assert records[0]["original_date"] == "2025-02-12"


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


# A third body that meets twice on one day, and a cancelled meeting.
THREE_BODIES = '''
[[body]]
id = "x"
name = "X-udvalget"

[[series]]
body = "sbu"
dates = [2025-03-05]
start = "09:00"
end = "10:00"

[[series]]
body = "rm"
dates = [2025-03-05, 2025-03-12]
start = "08:00"
end = "08:30"

[[series]]
id = "middag"
body = "x"
dates = [2025-03-05]
start = "12:00"
end = "13:00"

[[series]]
id = "eftermiddag"
body = "x"
dates = [2025-03-05]
start = "14:00"
end = "15:00"
title = "Ekstra"

[[meeting]]
body = "rm"
date = 2025-03-12
status = "cancelled"
'''


def test_the_table_of_the_bodies_asked_for(run_cli, tmp_path: Path) -> None:
    result = run_cli("meetings", str(plan_file(tmp_path, THREE_BODIES)),
                     "--body", "x", "--body", "rm")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (
        "Dato        Dag  Tid          Organ  Titel         Sted                  Bemærkning\n"
        "2025-03-05  ons  08:00–08:30  rm     Rådmandsmøde  Rådhuset, lokale 398\n"
        "2025-03-05  ons  12:00–13:00  x      X-udvalget\n"
        "2025-03-05  ons  14:00–15:00  x      Ekstra\n"
        "2025-03-12  ons  08:00–08:30  rm     Rådmandsmøde  Rådhuset, lokale 398  aflyst\n")


def test_from_and_to_take_their_own_days(run_cli) -> None:
    result = run_cli("meetings", str(EXAMPLE), "--format", "csv", "--body", "sbu",
                     "--from", "2025-01-15", "--to", "2025-01-29")
    assert [r["date"] for r in csv.DictReader(io.StringIO(result.stdout))] == [
        "2025-01-15", "2025-01-29"]
    one_day = run_cli("meetings", str(EXAMPLE), "--format", "csv", "--body", "sbu",
                      "--from", "2025-01-15", "--to", "2025-01-15")
    assert [r["date"] for r in csv.DictReader(io.StringIO(one_day.stdout))] == ["2025-01-15"]


def test_to_before_from_is_misuse(run_cli) -> None:
    result = run_cli("meetings", str(EXAMPLE), "--from", "2025-03-01", "--to", "2025-02-28")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines()[-1] == "Error: Invalid value for --to: --to is before --from"


def test_every_agenda_of_the_day(run_cli, tmp_path: Path) -> None:
    result = run_cli("agenda", str(plan_file(tmp_path, THREE_BODIES)), "x", "2025-03-05")
    assert (result.exit_code, result.stderr) == (0, "")
    empty = ("\n\nMødedato: onsdag den 5. marts 2025\nMødetid: Kl. {}\nMødested: \n\n"
             "Dagsordenen har endnu ingen punkter.\n")
    assert result.stdout == ("X-udvalget" + empty.format("12.00 – 13.00")
                             + "Ekstra" + empty.format("14.00 – 15.00"))


@pytest.mark.parametrize(("form", "start"), [
    ("text", "Social- og Beskæftigelsesudvalget\n\nMødedato: onsdag den 15. januar 2025\n"),
    ("md", "# Social- og Beskæftigelsesudvalget\n\n- **Mødedato:** onsdag den 15. januar 2025\n"),
    ("html", '<!DOCTYPE html>\n<html lang="da">\n'),
])
def test_the_agenda_in_each_form(run_cli, form: str, start: str) -> None:
    result = run_cli("agenda", str(EXAMPLE), "sbu", "2025-01-15", "--format", form)
    assert result.exit_code == 0
    assert result.stdout.startswith(start)


def test_an_agenda_is_shown_when_the_plan_has_errors_and_exits_1(run_cli, tmp_path: Path
                                                                 ) -> None:
    plan = plan_file(tmp_path, THREE_BODIES + '\n[[case]]\ntitle = "Sag"\nbody = "sbu"\n'
                     "date = 2025-03-06\n")
    result = run_cli("agenda", str(plan), "sbu", "2025-03-05")
    assert result.exit_code == 1
    assert result.stdout.startswith("Social- og Beskæftigelsesudvalget\n\nMødedato: onsdag")
    assert "error[unplaced-case]" in result.stderr


def test_a_body_with_no_meetings_has_none_near(run_cli, tmp_path: Path) -> None:
    result = run_cli("agenda", str(plan_file(tmp_path)), "rm", "2025-03-05")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        'Error: Invalid value for DATE: "rm" has no meeting on 2025-03-05 (nearest: none)')
