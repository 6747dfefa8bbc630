"""The meetings list: as JSON and CSV for programs (SPEC §5), and as a table
for people, in the plan's language."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from aarshjul.agenda.items import Agenda, AgendaItem
from aarshjul.agenda.listing import CSV_FIELDS, as_csv, as_json, as_table, meeting_record
from aarshjul.choices import Status
from aarshjul.clock import ClockTime, Minutes
from aarshjul.model import Meeting, Plan
from aarshjul.vocabulary import Language

T = ClockTime.parse
D = dt.date

PLANNED = Meeting(uid="u1", body="sbu", title="Udvalgsmøde", date=D(2025, 1, 15),
                  start=T("18:15"), end=T("19:45"), location="Rådhuset, lokale 398")
MOVED = Meeting(uid="u2", body="sbu", title="Udvalgsmøde", date=D(2025, 2, 19),
                start=T("18:15"), end=T("19:45"), original_date=D(2025, 2, 12),
                note="Flyttet pga.\n budgetseminar")
CANCELLED = Meeting(uid="u3", body="rm", title="Rådmandsmøde", date=D(2025, 3, 4),
                    start=T("10:00"), end=T("11:00"), status=Status.CANCELLED)
MEETINGS = (PLANNED, MOVED, CANCELLED)


def plan_in(language: Language) -> Plan:
    return Plan(title="Plan", id="p", start=D(2025, 1, 1), end=D(2025, 12, 31),
                language=language)


def test_a_meeting_as_json_has_the_keys_the_spec_names() -> None:
    assert meeting_record(MOVED) == {
        "uid": "u2", "body": "sbu", "title": "Udvalgsmøde", "date": "2025-02-19",
        "to": None, "start": "18:15", "end": "19:45", "status": "planned", "location": "",
        "original_date": "2025-02-12", "items": []}
    assert meeting_record(CANCELLED)["status"] == "cancelled"
    assert meeting_record(PLANNED)["original_date"] is None


def test_a_meeting_s_json_holds_its_agenda_s_items() -> None:
    agenda = Agenda("Udvalgsmøde", PLANNED.date, PLANNED.start, PLANNED.end, items=(
        AgendaItem(1, "Godkendelse", Minutes(3), T("18:15"), T("18:18")),
        AgendaItem(2, "Skriftlige orienteringer")))
    assert meeting_record(PLANNED, agenda)["items"] == [
        {"number": 1, "title": "Godkendelse", "start": "18:15", "end": "18:18", "minutes": 3},
        {"number": 2, "title": "Skriftlige orienteringer", "start": None, "end": None,
         "minutes": 0}]


def test_json_keeps_danish_letters_and_finds_agendas_by_uid() -> None:
    agenda = Agenda("x", None, None, None, items=(AgendaItem(1, "Høring"),))
    text = as_json(MEETINGS, {"u3": agenda})
    assert "Rådmandsmøde" in text  # not \u00e5
    records = json.loads(text)
    assert [r["uid"] for r in records] == ["u1", "u2", "u3"]
    assert [len(r["items"]) for r in records] == [0, 0, 1]
    assert json.loads(as_json(MEETINGS)) == [meeting_record(m) for m in MEETINGS]
    assert as_json(()) == "[]"


def test_csv_has_a_header_and_empty_cells_for_nothing() -> None:
    text = as_csv(MEETINGS)
    lines = text.splitlines()
    assert lines[0] == ",".join(CSV_FIELDS)
    assert lines[1] == ("u1,sbu,Udvalgsmøde,2025-01-15,18:15,19:45,planned,"
                        "\"Rådhuset, lokale 398\",,")
    assert lines[3] == "u3,rm,Rådmandsmøde,2025-03-04,10:00,11:00,cancelled,,,"
    assert text.endswith("\n")
    assert "\r" not in text
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[1]["original_date"] == "2025-02-12"
    assert "items" not in rows[0]


def test_the_table_for_people_in_danish() -> None:
    assert as_table(plan_in(Language.DA), MEETINGS) == (
        "Dato        Dag   Tid          Organ  Titel         Sted                  Bemærkning\n"
        "2025-01-15  ons   18:15–19:45  sbu    Udvalgsmøde   Rådhuset, lokale 398\n"
        "2025-02-19  ons   18:15–19:45  sbu    Udvalgsmøde                         "
        "flyttet fra 2025-02-12, Flyttet pga. budgetseminar\n"
        "2025-03-04  tirs  10:00–11:00  rm     Rådmandsmøde                        aflyst\n")


def test_the_table_in_english() -> None:
    lines = as_table(plan_in(Language.EN), MEETINGS[2:]).splitlines()
    assert lines == ["Date        Day  Time         Body  Title         Location  Remark",
                     "2025-03-04  Tue  10:00–11:00  rm    Rådmandsmøde            cancelled"]


def test_a_table_of_no_meetings_is_its_heading() -> None:
    assert as_table(plan_in(Language.DA), ()) == "Dato  Dag  Tid  Organ  Titel  Sted  Bemærkning\n"
