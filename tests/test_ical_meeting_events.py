"""What a subscriber's calendar shows of a meeting and of its agenda deadline."""

from __future__ import annotations

import datetime as dt

import icalendar
import pytest

from aarshjul import load_plan
from aarshjul.dates import long_date
from aarshjul.ical.event import EventStatus
from aarshjul.ical.feeds import build_feeds
from aarshjul.ical.meeting_events import deadline_event, meeting_event
from aarshjul.ical.stamps import Stamper
from aarshjul.scheduling.calendar import WorkCalendar, work_calendar

from .feed_plans import NOW
from .plans import EXAMPLE, agendas_of, make_plan

DEADLINE = '''
[[body]]
id = "u"
name = "Udvalget"
color = "#1f6f8b"
agenda_deadline = 6

[[series]]
body = "u"
dates = [2025-01-15]
start = "18:15"
end = "19:45"
'''

COMMITTEE = '''
[[series]]
body = "sbu"
dates = [2025-01-15, 2025-01-29]
start = "18:15"
end = "19:45"

[[meeting]]
body = "sbu"
date = 2025-01-29
status = "cancelled"
title = "   "
note = "Flyttes til februar"
'''


def test_a_meeting_s_event_carries_its_agenda_place_and_origin() -> None:
    plan = load_plan(EXAMPLE)
    agendas = agendas_of(plan)
    (meeting,) = agendas.meetings_on("rm", dt.date(2025, 1, 14))
    event = meeting_event(plan, meeting, agendas.agenda(meeting),
                          url="https://x.dk/agendas/rm/2025-01-14.html")
    assert event.uid == meeting.uid
    assert (event.start, event.end, event.zone) == (
        dt.datetime(2025, 1, 14, 10), dt.datetime(2025, 1, 14, 11), "Europe/Copenhagen")
    assert event.summary == "Rådmandsmøde"
    assert event.location == "Jægergården, Værkmestergade 15 B"
    assert event.categories == ("rådmandsmøde", "Budget 2026")
    assert event.source == "aarhus-msb-2025/rm"
    assert event.url == "https://x.dk/agendas/rm/2025-01-14.html"
    assert event.description.startswith("Dagsorden:\n")
    assert "10.00–10.10  3. Mål i politisk retning for budget 2026 (Mål, Økonomi og " \
           "Boliger)" in event.description
    assert event.description.endswith("Dagsordenen: https://x.dk/agendas/rm/2025-01-14.html")
    assert not event.transparent


def test_a_cancelled_meeting_says_so_and_keeps_no_times_in_its_agenda() -> None:
    plan = make_plan(COMMITTEE)
    agendas = agendas_of(plan)
    (meeting,) = agendas.meetings_on("sbu", dt.date(2025, 1, 29))
    event = meeting_event(plan, meeting, agendas.agenda(meeting), url=None)
    assert event.status is EventStatus.CANCELLED
    # A title that says nothing gives the body's name.
    assert event.summary == "AFLYST: Social- og Beskæftigelsesudvalget"
    assert event.description == "Bemærkning: Flyttes til februar"
    assert event.url is None


@pytest.mark.parametrize(("language", "summary"), [
    ("da", "Frist for dagsorden: Udvalget 15. januar 2025"),
    ("en", "Agenda deadline: Udvalget 15 January 2025"),
])
def test_a_deadline_is_an_all_day_event_related_to_its_meeting(language: str, summary: str
                                                               ) -> None:
    plan = make_plan(DEADLINE, header=f"""[plan]
title = "Prøve"
start = 2025-01-01
end = 2025-12-31
language = "{language}"
""")
    agendas = agendas_of(plan)
    (meeting,) = agendas.meetings_on("u", dt.date(2025, 1, 15))
    event = deadline_event(plan, meeting, WorkCalendar(holidays=work_calendar(plan).holidays),
                           lambda day: long_date(day, plan.language))
    assert event.summary == summary
    # Six days before Wednesday 15 January: Thursday 9 January, as the seed's agenda.
    assert (event.start, event.end, event.zone) == (dt.date(2025, 1, 9), dt.date(2025, 1, 10),
                                                    None)
    assert event.related_to == meeting.uid
    assert event.transparent
    assert event.color == "teal"
    assert event.uid != meeting.uid


# Økonomiudvalget meets on Tuesdays; week 10 (3-9 March 2025) is closed,
# which stops no count: the staff work in school holidays.
OEKONOMIUDVALG = """
[[closed]]
name = "Vinterferie"
weeks = [10]

[[body]]
id = "oeu"
name = "Økonomiudvalget"
agenda_deadline = {deadline}

[[series]]
body = "oeu"
dates = [2025-03-11, 2025-04-22]
start = "15:00"
end = "17:00"
"""


@pytest.mark.parametrize(("deadline", "days"), [
    # Monday, Saturday, Friday, Thursday; after Easter Monday, Easter Saturday
    # (no holiday), then over Good Friday and Maundy Thursday to Wednesday,
    # Tuesday and Monday.
    ('"4 hverdage"', [dt.date(2025, 3, 6), dt.date(2025, 4, 14)]),
    ('"4 weekdays"', [dt.date(2025, 3, 6), dt.date(2025, 4, 14)]),
    ('"4 arbejdsdage"', [dt.date(2025, 3, 5), dt.date(2025, 4, 11)]),
    # Calendar days, as v1: Friday 7 March; Good Friday back over Maundy Thursday.
    ("4", [dt.date(2025, 3, 7), dt.date(2025, 4, 16)]),
])
def test_the_deadlines_feed_counts_the_days_its_body_counts(deadline: str,
                                                            days: list[dt.date]) -> None:
    plan = make_plan(OEKONOMIUDVALG.format(deadline=deadline))
    feed = build_feeds(plan, agendas_of(plan), stamper=Stamper(NOW))["deadlines.ics"]
    events = icalendar.Calendar.from_ical(feed).walk("VEVENT")
    assert sorted(event.decoded("DTSTART") for event in events) == days
