"""icalendar reads back exactly what aarshjul writes (SPEC §15), and reads
what others write without taking it for aarshjul's."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul.ical.decode import Decoded, decode
from aarshjul.ical.encode import calendar_text, encode
from aarshjul.ical.event import Event, EventStatus, Stamp
from aarshjul.ical.vtimezone import vtimezone

ZONES = ["Europe/Copenhagen", "America/New_York", "Australia/Sydney", "Asia/Jerusalem", "UTC"]

# Any text a plan can hold: TOML strings take any character but a lone
# surrogate (control characters through escapes), so every one may come.
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=150) | \
    st.sampled_from(["æøå ÆØÅ 🎉🇩🇰", "a,b;c\\d:e", "line\r\nbreak\rand\nmore", "ø" * 300,
                     "BEGIN:VEVENT\r\nUID:evil\r\nEND:VEVENT", "\r\nSUMMARY:injected",
                     " \t padded \t ", "line\u2028separated\u2029too", "\x0bvertical tab",
                     "trailing backslash\\"])
IDS = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)


@st.composite
def moments(draw: st.DrawFn) -> tuple[dt.date, dt.date, str | None]:
    day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)))
    if draw(st.booleans()):  # all day, over one day or several
        return day, day + dt.timedelta(days=draw(st.integers(1, 5))), None
    start = draw(st.integers(0, 24 * 60 - 2))
    end = draw(st.integers(start + 1, 24 * 60 - 1))
    midnight = dt.datetime.combine(day, dt.time())
    return (midnight + dt.timedelta(minutes=start), midnight + dt.timedelta(minutes=end),
            draw(st.sampled_from(ZONES)))


@st.composite
def events(draw: st.DrawFn) -> Event:
    start, end, zone = draw(moments())
    plan, body = draw(IDS), draw(IDS)
    return Event(
        uid=str(draw(st.uuids())), start=start, end=end, zone=zone, summary=draw(TEXT),
        location=draw(TEXT), description=draw(TEXT),
        categories=tuple(draw(st.lists(TEXT, max_size=3))),
        status=draw(st.sampled_from(EventStatus)), transparent=draw(st.booleans()),
        related_to=draw(st.none() | st.uuids().map(str)),
        color=draw(st.none() | st.sampled_from(["teal", "firebrick", "darkslateblue"])),
        url=draw(st.none() | IDS.map(lambda path: f"https://x.dk/hjul/agendas/{path}.html")),
        source=draw(st.none() | st.just(f"{plan}/{body}")))


STAMPS = st.builds(Stamp, st.datetimes(dt.datetime(1970, 1, 1), dt.datetime(2200, 1, 1),
                                       timezones=st.just(dt.UTC)).map(
                                           lambda moment: moment.replace(microsecond=0)),
                   st.integers(0, 10_000))


def written(event: Event, stamp: Stamp) -> str:
    zone = vtimezone(event.zone, [event.start, event.end]) if isinstance(
        event.start, dt.datetime) and event.zone else []
    return calendar_text([("NAME", "Prøve")], zone, [encode(event).stamped(stamp)])


@settings(max_examples=300, deadline=None)
@given(events(), STAMPS)
def test_icalendar_reads_every_event_back_as_it_was(event: Event, stamp: Stamp) -> None:
    assert decode(written(event, stamp)) == [Decoded(event.uid, event.source, stamp, event)]


def test_a_feed_s_events_are_read_in_order() -> None:
    first = Event(uid="a", start=dt.date(2025, 1, 1), end=dt.date(2025, 1, 2), summary="Nytår")
    second = Event(uid="b", start=dt.datetime(2025, 1, 15, 18, 15),
                   end=dt.datetime(2025, 1, 15, 19, 45), zone="Europe/Copenhagen",
                   summary="Udvalg", source="plan/sbu")
    stamp = Stamp(dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC), 3)
    text = calendar_text([], [], [encode(e).stamped(stamp) for e in (first, second)])
    assert [read.event for read in decode(text)] == [first, second]
    assert decode(text.encode("utf-8"))[1].source == "plan/sbu"


FOREIGN = """BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Someone else//EN\r
BEGIN:VEVENT\r
UID:utc-time\r
DTSTART:20250115T171500Z\r
DTEND:20250115T184500Z\r
SUMMARY:In UTC\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:floating\r
DTSTAMP:20250101T120000\r
DTSTART:20250115T181500\r
DURATION:PT90M\r
SUMMARY:Floating, with a duration\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:backwards\r
DTSTART;VALUE=DATE:20250115\r
DTEND;VALUE=DATE:20250110\r
SEQUENCE:x\r
SUMMARY:Ends before it starts\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:broken\r
DTSTAMP:yesterday\r
DTSTART;TZID=Europe/Copenhagen:20250115T181500\r
DTEND;TZID=Europe/Copenhagen:garbage\r
X-AARSHJUL-SOURCE:plan/sbu\r
END:VEVENT\r
BEGIN:VEVENT\r
SUMMARY:No UID at all\r
DTSTART;VALUE=DATE:20250115\r
END:VEVENT\r
END:VCALENDAR\r
"""


def test_events_aarshjul_could_not_have_written_are_known_by_their_uid_alone() -> None:
    found = decode(FOREIGN)
    assert [read.uid for read in found] == ["utc-time", "floating", "backwards", "broken"]
    assert all(read.event is None for read in found)
    assert [read.source for read in found] == [None, None, None, "plan/sbu"]
    # No stamp, a broken or floating one, a SEQUENCE that is no number: the oldest.
    assert {read.stamp for read in found} == {Stamp(dt.datetime(1970, 1, 1, tzinfo=dt.UTC))}


@pytest.mark.parametrize("text", ["not a calendar", b"\xff\xfe\x00garbage"])
def test_text_that_is_no_calendar_is_a_value_error(text: str | bytes) -> None:
    with pytest.raises(ValueError, match="not iCalendar text"):
        decode(text)


@pytest.mark.parametrize("text", ["", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"])
def test_a_calendar_without_events_has_none(text: str) -> None:
    assert decode(text) == []
