"""A feed as an icalendar object (``feed_calendar``), for scripts that
combine it with other calendars: the feed aarshjul writes, read by icalendar."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import Counter

import icalendar
import pytest

from aarshjul import load_plan
from aarshjul.ical.calendars import feed_calendar
from aarshjul.ical.decode import decode
from aarshjul.ical.feeds import build_feeds
from aarshjul.ical.stamps import Stamper

from .feed_plans import NOW
from .plans import EXAMPLE, agendas_of


def test_the_library_gives_a_feed_as_an_icalendar_calendar() -> None:
    plan = load_plan(EXAMPLE)
    agendas = agendas_of(plan)
    calendar = feed_calendar(plan, agendas, "sbu.ics", now=NOW)
    assert isinstance(calendar, icalendar.Calendar)
    assert decode(calendar.to_ical()) == decode(
        build_feeds(plan, agendas, stamper=Stamper(NOW))["sbu.ics"])
    assert len(feed_calendar(plan, agendas, now=NOW).walk("VEVENT")) == len(agendas.meetings)
    with pytest.raises(KeyError, match=r"no feed 'xyz\.ics'"):
        feed_calendar(plan, agendas, "xyz.ics", now=NOW)


@pytest.mark.parametrize("name", ["all.ics", "rm.ics", "deadlines.ics"])
def test_each_feed_holds_its_own_events_read_by_icalendar(name: str) -> None:
    """Told from the plan's meetings, not from the feed's text: the feed
    asked for, its name, each event at its meeting's time in the plan's
    zone, linking to its agenda page, stamped at the time given."""
    plan = load_plan(EXAMPLE)
    agendas = agendas_of(plan)
    calendar = feed_calendar(plan, agendas, name, now=NOW, base_url="https://x.dk/hjul")
    events = calendar.walk("VEVENT")
    zone = zoneinfo.ZoneInfo(plan.timezone)
    if name == "deadlines.ics":
        # Each meeting's agenda deadline, then its cases' (SPEC §12).
        cases = Counter(step.meeting.uid for placed in agendas.cases for step in placed.steps
                        if plan.body(step.body).ready_by)
        meetings = [m for m in agendas.meetings
                    for _ in range(bool(plan.body(m.body).agenda_deadline) + cases[m.uid])]
        assert cases
        assert [str(e["RELATED-TO"]) for e in events] == [m.uid for m in meetings]
        assert all(e.decoded("DTSTART") < m.date for e, m in zip(events, meetings, strict=True))
        assert str(calendar["X-WR-CALNAME"]).endswith(" – frister for dagsordener og sager")
    else:
        meetings = [m for m in agendas.meetings if name in ("all.ics", f"{m.body}.ics")]
        assert [str(e["UID"]) for e in events] == [m.uid for m in meetings]
        for event, meeting in zip(events, meetings, strict=True):
            assert event.decoded("DTSTART") == dt.datetime.combine(
                meeting.date, meeting.start.to_time(), tzinfo=zone)
            assert str(event["URL"]) == (
                f"https://x.dk/hjul/agendas/{meeting.body}/{meeting.date}.html")
        expected = " – Rådmandsmøde" if name == "rm.ics" else " – alle møder"
        assert str(calendar["X-WR-CALNAME"]).endswith(expected)
    assert len(meetings) > 10
    assert {e.decoded("DTSTAMP") for e in events} == {NOW}


def test_an_unknown_feed_names_those_there_are() -> None:
    plan = load_plan(EXAMPLE)
    with pytest.raises(KeyError) as unknown:
        feed_calendar(plan, agendas_of(plan), "byraad.ics", now=NOW)
    assert unknown.value.args == (
        "no feed 'byraad.ics' (the plan has sbu.ics, rm.ics, all.ics, deadlines.ics)",)


def test_every_event_is_stamped_at_the_time_given_or_the_build_s(
        monkeypatch: pytest.MonkeyPatch) -> None:
    plan = load_plan(EXAMPLE)
    agendas = agendas_of(plan)
    later = dt.datetime(2025, 6, 1, 8, 30, tzinfo=dt.UTC)
    stamps = {e.decoded("DTSTAMP") for e in feed_calendar(plan, agendas, now=later).walk("VEVENT")}
    assert stamps == {later}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    stamps = {e.decoded("DTSTAMP") for e in feed_calendar(plan, agendas).walk("VEVENT")}
    assert stamps == {NOW}


def test_a_base_url_that_is_no_site_s_is_a_value_error() -> None:
    plan = load_plan(EXAMPLE)
    with pytest.raises(ValueError, match="is not an address like"):
        feed_calendar(plan, agendas_of(plan), now=NOW, base_url="https://x.dk/\x00")
