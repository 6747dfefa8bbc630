"""An agenda as values: items with and without time slots, an agenda's
minutes, and an item as JSON."""

from __future__ import annotations

import datetime as dt

from aarshjul.agenda.items import Agenda, AgendaItem, item_record, unplanned
from aarshjul.clock import ClockTime, Minutes

T = ClockTime.parse


def test_an_item_is_timed_only_with_a_start_and_an_end() -> None:
    assert AgendaItem(1, "Godkendelse", Minutes(3), T("18:15"), T("18:18")).timed
    assert not AgendaItem(2, "Skriftlige orienteringer").timed
    assert not AgendaItem(3, "Halvt", Minutes(5), start=T("18:15")).timed
    assert not AgendaItem(4, "Halvt", Minutes(5), end=T("18:20")).timed


def test_where_a_written_item_stood_does_not_make_it_another_item() -> None:
    here = AgendaItem(1, "Evt.", Minutes(5), line=12)
    there = AgendaItem(1, "Evt.", Minutes(5), line=40)
    assert here == there
    assert hash(here) == hash(there)
    assert here != AgendaItem(1, "Evt.", Minutes(6), line=12)


def test_an_agenda_s_minutes_are_its_meeting_s_and_its_items_add_up() -> None:
    items = (AgendaItem(1, "A", Minutes(3)), AgendaItem(2, "B"), AgendaItem(3, "C", Minutes(20)))
    agenda = Agenda("Udvalg", dt.date(2025, 1, 15), T("18:15"), T("19:45"), items=items)
    assert agenda.minutes == 90
    assert agenda.planned_minutes == 23


def test_an_agenda_without_a_time_has_no_minutes() -> None:
    assert Agenda("Udvalg", None, None, None).minutes is None
    assert Agenda("Udvalg", None, T("18:15"), None).minutes is None
    assert Agenda("Udvalg", None, None, None).planned_minutes == 0


def test_an_item_as_json() -> None:
    timed = AgendaItem(2, "Referat", Minutes(2), T("18:18"), T("18:20"), method="Orientering")
    assert item_record(timed) == {"number": 2, "title": "Referat", "start": "18:18",
                                  "end": "18:20", "minutes": 2}
    assert item_record(AgendaItem(7, "Skriftlige orienteringer")) == {
        "number": 7, "title": "Skriftlige orienteringer", "start": None, "end": None,
        "minutes": 0}


def test_midnight_is_a_time_not_nothing() -> None:
    item = AgendaItem(1, "Nattemøde", Minutes(30), T("00:00"), T("00:30"))
    assert item_record(item)["start"] == "00:00"


def test_the_words_of_unplanned_minutes() -> None:
    assert str(unplanned(5, 90, "18:15–19:45")) == (
        "5 of the meeting's 90 minutes (18:15–19:45) are not planned")
