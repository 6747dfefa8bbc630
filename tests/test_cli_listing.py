"""``aarshjul meetings`` and ``aarshjul agenda``: a plan's meetings as a
table, JSON, CSV or an Excel workbook, to standard output or a file, and
one meeting's agenda."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

import aarshjul

from .plans import EXAMPLE, ROOT, plan_file, plan_text
from .processes import modules_after
from .test_agenda_case_listing import CASES, DEADLINES
from .test_agenda_workbook import as_csv_text


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


def cases_plan(tmp_path: Path, more: str = "") -> Path:
    """The routed plan of tests/test_agenda_case_listing.py, with deadlines
    in hverdage and arbejdsdage."""
    plan = tmp_path / "cases.toml"
    plan.write_text(DEADLINES + CASES + more, encoding="utf-8")
    return plan


def test_cases_as_a_table_in_the_plan_s_language(run_cli, tmp_path: Path) -> None:
    result = run_cli("cases", str(cases_plan(tmp_path)), "--body", "oek")
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Titel                       Rute        Trin  Organ   Dato        Dag   Punkt  Frist",
        "Orientering om ældreplanen              1     oek     2025-03-04  tirs  1      2025-02-27",
        "Regnskab 2024               byraadssag  1     sbu     2025-04-16  ons   1      2025-04-09",
        "                                        2     oek     2025-04-22  tirs  1      2025-04-14",
        "                                        3     byraad  2025-04-30  ons   3      2025-04-25"]
    # docs/commands.md shows this table.
    assert result.stdout in (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")


def test_cases_as_json(run_cli, tmp_path: Path) -> None:
    plan = cases_plan(tmp_path)
    result = run_cli("cases", str(plan), "--format", "json")
    assert (result.exit_code, result.stderr) == (0, "")
    records = json.loads(result.stdout)
    loaded = aarshjul.load_plan(plan)
    agendas = aarshjul.assemble(loaded, aarshjul.schedule(loaded))
    assert records == [case.record() for case in aarshjul.list_cases(loaded, agendas)]
    routed = next(r for r in records if r["route"] == "byraadssag")
    (byraad,) = agendas.meetings_on("byraad", dt.date(2025, 4, 30))
    assert routed == {"title": "Regnskab 2024", "route": "byraadssag", "steps": [
        {"body": "sbu", "date": "2025-04-16", "uid": routed["steps"][0]["uid"], "item": 1,
         "deadline": "2025-04-09"},
        {"body": "oek", "date": "2025-04-22", "uid": routed["steps"][1]["uid"], "item": 1,
         "deadline": "2025-04-14"},
        {"body": "byraad", "date": "2025-04-30", "uid": byraad.uid, "item": 3,
         "deadline": "2025-04-25"}]}
    # Item 3 is the case's on the byråd's agenda.
    assert agendas.agenda(byraad).items[2].title == "Regnskab 2024"


def test_cases_as_csv(run_cli, tmp_path: Path) -> None:
    result = run_cli("cases", str(cases_plan(tmp_path)), "--format", "csv", "--body", "byraad")
    assert result.exit_code == 0
    header, *_ = result.stdout.splitlines()
    assert header == "title,route,step,body,date,uid,item,deadline"
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["title"], r["route"], r["step"], r["body"], r["item"], r["deadline"])
            for r in rows] == [
        ("Regnskab 2024", "byraadssag", "1", "sbu", "1", "2025-04-09"),
        ("Regnskab 2024", "byraadssag", "2", "oek", "1", "2025-04-14"),
        ("Regnskab 2024", "byraadssag", "3", "byraad", "3", "2025-04-25"),
        ("Valg til bestyrelser", "", "1", "byraad", "1", "2025-04-25"),
        ("Anlægsregnskaber", "", "1", "byraad", "2", "2025-04-25")]


def test_a_case_sent_to_two_bodies_is_listed_for_both(run_cli, tmp_path: Path) -> None:
    plan = str(cases_plan(tmp_path))

    def listed(*bodies: str) -> list[tuple[str, list[tuple[str, str]]]]:
        options = [part for body in bodies for part in ("--body", body)]
        result = run_cli("cases", plan, "--format", "json", *options)
        assert result.exit_code == 0
        return [(r["title"], [(s["body"], s["date"]) for s in r["steps"]])
                for r in json.loads(result.stdout) if r["route"] is None]

    assert listed("sbu") == [("Orientering om ældreplanen", [("sbu", "2025-03-05")])]
    assert listed("oek") == [("Orientering om ældreplanen", [("oek", "2025-03-04")])]
    assert listed("sbu", "oek") == listed()[:2] == [
        ("Orientering om ældreplanen", [("oek", "2025-03-04")]),
        ("Orientering om ældreplanen", [("sbu", "2025-03-05")])]


def test_cases_are_listed_when_the_plan_has_errors_and_exit_1(run_cli, tmp_path: Path) -> None:
    plan = cases_plan(tmp_path, '\n[[case]]\ntitle = "Uden møde"\nbody = "sbu"\n'
                      "date = 2025-04-17\n")
    result = run_cli("cases", str(plan), "--format", "json")
    assert result.exit_code == 1
    assert len(json.loads(result.stdout)) == 5
    assert f"{plan}:" in result.stderr
    assert "error[unplaced-case]" in result.stderr


def test_a_plan_that_cannot_be_read_lists_no_cases(run_cli, tmp_path: Path) -> None:
    plan = cases_plan(tmp_path, '\n[[case]]\ntitle = "Forkert"\nroute = "byraadsag"\n'
                      "month = 5\n")
    result = run_cli("cases", str(plan))
    assert (result.exit_code, result.stdout) == (1, "")
    line = (DEADLINES + CASES).count("\n") + 4
    assert f'{plan}:{line}: ' in result.stderr
    assert 'route: ' in result.stderr


FREDENSBORG = ROOT / "calendars" / "fredensborg-2017.toml"
FILTERS = ("--body", "byraad", "--body", "pmk", "--from", "2017-03-01", "--to", "2017-09-30")


def workbook_rows(path: Path) -> list[list[str]]:
    """A written workbook's rows, each cell as the CSV writes its field."""
    book = load_workbook(path)
    (sheet,) = book.worksheets
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:J{sheet.max_row}"
    return [[as_csv_text(cell.value) for cell in row] for row in sheet.iter_rows()]


@pytest.mark.parametrize(("plan", "filters"), [(EXAMPLE, ()), (FREDENSBORG, ()),
                                               (FREDENSBORG, FILTERS)])
def test_meetings_as_a_workbook_hold_the_csv_s_rows(run_cli, tmp_path: Path, plan: Path,
                                                    filters: tuple[str, ...]) -> None:
    target = tmp_path / "møder.xlsx"
    result = run_cli("meetings", str(plan), "--format", "xlsx", "-o", str(target), *filters)
    assert (result.exit_code, result.stdout) == (0, f"wrote {target}\n")
    csv_rows = list(csv.reader(io.StringIO(
        run_cli("meetings", str(plan), "--format", "csv", *filters).stdout)))
    assert workbook_rows(target) == csv_rows
    assert len(csv_rows) > (10 if filters else 60)
    if filters:
        assert {row[1] for row in csv_rows[1:]} == {"byraad", "pmk"}


def test_a_workbook_written_again_is_the_same_file(run_cli, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Byte for byte, a year later, in another process's time zone: and the
    file is left as it was."""
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert run_cli("meetings", str(EXAMPLE), "-o", str(first)).exit_code == 0
    later = time.time() + 366 * 86400 + 3
    monkeypatch.setattr(time, "time", lambda: later)
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        assert run_cli("meetings", str(EXAMPLE), "-o", str(second)).exit_code == 0
        os.utime(first, (1_000_000_000, 1_000_000_000))
        again = run_cli("meetings", str(EXAMPLE), "--format", "xlsx", "-o", str(first))
    finally:
        monkeypatch.undo()
        time.tzset()
    assert first.read_bytes() == second.read_bytes()
    assert again.stdout == f"{first} is unchanged\n"
    assert first.stat().st_mtime == 1_000_000_000
    assert zipfile.is_zipfile(first)


def test_a_workbook_is_dated_by_source_date_epoch(run_cli, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "m.xlsx"
    run_cli("meetings", str(EXAMPLE), "-o", str(target))
    plain = target.read_bytes()
    assert load_workbook(target).properties.created == dt.datetime(2024, 12, 1)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735732800")
    assert run_cli("meetings", str(EXAMPLE), "-o", str(target)).exit_code == 0
    assert target.read_bytes() != plain
    assert load_workbook(target).properties.modified == dt.datetime(2025, 1, 1, 12)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    result = run_cli("meetings", str(EXAMPLE), "-o", str(target))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith("SOURCE_DATE_EPOCH: error[bad-source-date-epoch]: ")
    # Only a workbook has a time to take from it.
    assert run_cli("meetings", str(EXAMPLE), "--format", "csv").exit_code == 0


def test_a_workbook_goes_to_a_file_only(run_cli) -> None:
    result = run_cli("meetings", str(EXAMPLE), "--format", "xlsx")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.endswith(
        "Error: --format xlsx writes an Excel workbook, which is no text for standard "
        "output: name its file with -o FILE.xlsx\n")


@pytest.mark.parametrize(("name", "form"), [("m.csv", "csv"), ("m.JSON", "json"),
                                            ("m.txt", "table"), ("m", "table")])
def test_the_list_goes_to_a_file_as_its_name_says(run_cli, tmp_path: Path, name: str,
                                                  form: str) -> None:
    """-o writes what standard output shows, in the form its name asks for
    where --format does not say; --format says it where it does."""
    target = tmp_path / name
    result = run_cli("meetings", str(EXAMPLE), "--body", "sbu", "-o", str(target))
    assert (result.exit_code, result.stdout) == (0, f"wrote {target}\n")
    shown = run_cli("meetings", str(EXAMPLE), "--body", "sbu", "--format", form).stdout
    assert target.read_text(encoding="utf-8") == shown
    assert run_cli("meetings", str(EXAMPLE), "--body", "sbu", "--format", "json", "-o",
                   str(target)).exit_code == 0
    assert json.loads(target.read_text(encoding="utf-8"))[0]["body"] == "sbu"


def test_a_list_of_a_plan_with_errors_is_written_and_exits_1(run_cli, tmp_path: Path) -> None:
    plan = plan_file(tmp_path, '[[series]]\nbody = "sbu"\ndates = [2025-01-08]\n'
                     'start = "18:00"\nend = "19:00"\n\n'
                     '[[case]]\ntitle = "Sag"\nbody = "sbu"\ndate = 2025-01-09\n')
    target = tmp_path / "m.xlsx"
    result = run_cli("meetings", str(plan), "-o", str(target))
    assert result.exit_code == 1
    assert "error[unplaced-case]" in result.stderr
    assert [row[3] for row in workbook_rows(target)] == ["date", "2025-01-08"]


def test_a_list_that_cannot_be_written_is_a_located_error(run_cli, tmp_path: Path) -> None:
    """A folder, a missing folder, a pipe (which would be waited on for ever),
    a file where a folder should be: exit 1, a located line, no traceback
    (run_cli lets one through), nothing left behind."""
    folder = tmp_path / "folder"
    folder.mkdir()
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    plain = tmp_path / "plain"
    plain.write_text("x", encoding="utf-8")
    for target, said in [
            (folder, f"{folder}: error[cannot-write]: kunne ikke skrive: Is a directory"),
            (tmp_path / "missing" / "m.xlsx",
             f"{tmp_path / 'missing'}: error[cannot-write]: kunne ikke skrive: "
             "No such file or directory"),
            (pipe, f"{pipe}: error[not-a-file]: er en pipe, ikke en fil"),
            (plain / "m.xlsx",
             f"{plain / 'm.xlsx'}: error[cannot-write]: kunne ikke skrive: Not a directory")]:
        for form in ("xlsx", "csv"):
            result = run_cli("meetings", str(EXAMPLE), "--format", form, "-o", str(target))
            assert (result.exit_code, result.stdout, result.stderr) == (1, "", said + "\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder", "pipe", "plain"]
    assert list(folder.iterdir()) == []


def test_openpyxl_is_imported_only_for_a_workbook(tmp_path: Path) -> None:
    for args in (["meetings", str(EXAMPLE), "--format", "csv"],
                 ["meetings", str(EXAMPLE), "-o", str(tmp_path / "m.csv")]):
        assert modules_after(args, "openpyxl", "aarshjul.agenda.workbook")[1] == [], args
    _, loaded = modules_after(["meetings", str(EXAMPLE), "-o", str(tmp_path / "m.xlsx")],
                              "openpyxl", "aarshjul.agenda.workbook")
    assert {"openpyxl", "aarshjul.agenda.workbook"} <= set(loaded)
