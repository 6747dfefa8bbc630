"""icalendar reads back exactly what aarshjul writes (SPEC §15), and reads
what others write without taking it for aarshjul's."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul.errors import SourceError
from aarshjul.ical.colors import css_names
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
# Any link and colour an Event takes (its validators), not only those a plan
# gives: a URI with any scheme, and any printable character but a space or
# a backslash after it; any CSS3 colour name.
URLS = st.builds(
    "{}:{}".format, st.from_regex(r"[A-Za-z][A-Za-z0-9+.-]{0,10}", fullmatch=True),
    st.text(st.characters(exclude_categories=("Cc", "Cf", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"),
                          exclude_characters="\\"), min_size=1, max_size=120))
COLORS = st.sampled_from(sorted(css_names()))


@st.composite
def moments(draw: st.DrawFn) -> tuple[dt.date, dt.date, str | None]:
    day = draw(st.dates(dt.date(1900, 1, 1), dt.date(2200, 12, 31)))
    if draw(st.booleans()):  # all day, over one day or several
        return day, day + dt.timedelta(days=draw(st.integers(1, 5))), None
    start = draw(st.integers(0, 24 * 60 - 2))
    # On its day, or over several (a meeting with "to" ends on its last day).
    days = draw(st.sampled_from((0, 0, 1, 3, 14)))
    end = draw(st.integers(start + 1 if not days else 0, 24 * 60 - 1)) + days * 24 * 60
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
        color=draw(st.none() | COLORS), url=draw(st.none() | URLS),
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
def test_text_that_is_no_calendar_is_a_source_error_where_it_came_from(text: str | bytes
                                                                       ) -> None:
    with pytest.raises(SourceError) as unreadable:
        decode(text, source="feeds/all.ics")
    (problem,) = unreadable.value.problems
    assert (problem.file, problem.code) == ("feeds/all.ics", "not-icalendar")
    assert problem.format().startswith(
        "feeds/all.ics: error[not-icalendar]: is not iCalendar text that can be read (")


def _one_event(lines: str) -> str:
    """A calendar of one event of ours, with ``lines`` (each ending in \\r\\n)
    after its SUMMARY."""
    return ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:x\r\n"
            "DTSTART;TZID=Europe/Copenhagen:20250115T181500\r\n"
            "DTEND;TZID=Europe/Copenhagen:20250115T190000\r\nSUMMARY:Udvalg\r\n"
            f"{lines}END:VEVENT\r\nEND:VCALENDAR\r\n")


_ZONE_TWICE = ("BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:A\r\nTZID:B\r\nBEGIN:STANDARD\r\n"
               "DTSTART:20000101T000000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0100\r\n"
               "END:STANDARD\r\nEND:VTIMEZONE\r\nEND:VCALENDAR\r\n")


# Text that icalendar fails on in its own ways, found by feeding it broken
# feeds: AttributeErrors from deep inside it, besides its ValueErrors.
@pytest.mark.parametrize("text", [
    _one_event("URL;VALUE=URI,TEXT:https://x.dk/\r\n"),  # a parameter given twice
    _one_event("CATEGORIES;VALUE=TEXT,TEXT:a\r\n"),
    _ZONE_TWICE,
    "BEGIN:VCALENDAR\r\nTZID:Europe/Copenhagen\r\n - og\r\nBEGIN:VTIMEZONE\r\n"
    "BEGIN:DAYLIGHT\r\nEND:VEVENT\r\nEND:DAYLIGHT\r\nBEGIN:STANDARD\r\nEND:STANDARD\r\n"
    "END:VTIMEZONE\r\n",
    "END:VCALENDAR\r\n",
    bytes(range(256)) * 4,
    "BEGIN:VCALENDAR\r\nX-BAD;" + "ø" * 100_000 + "\r\nEND:VCALENDAR\r\n",
], ids=["VALUE twice", "VALUE twice in CATEGORIES", "TZID twice", "TZID of the calendar",
        "END first", "binary", "a long bad line"])
def test_text_icalendar_fails_on_is_a_short_source_error(text: str | bytes) -> None:
    with pytest.raises(SourceError) as unreadable:
        decode(text, source="x.ics")
    (problem,) = unreadable.value.problems
    assert (problem.file, problem.code) == ("x.ics", "not-icalendar")
    assert len(problem.message) < 300


# Broken in ways icalendar reads past: what it reads, without a traceback.
@pytest.mark.parametrize(("text", "uids"), [
    ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nEND:VTODO\r\nEND:VCALENDAR\r\n", ["x"]),
    ("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", []),  # cut off
    ("BEGIN:VCALENDAR\r\nX-LONG:" + "ø" * 1_000_000 + "\r\nEND:VCALENDAR\r\n", []),
    ("BEGIN:VCALENDAR\r\n" + "BEGIN:X\r\n" * 5000 + "END:X\r\n" * 5000 + "END:VCALENDAR\r\n",
     []),
    (_one_event("").replace("20250115T181500", "20251345T999999"), ["x"]),
    (_one_event("").replace("TZID=Europe/Copenhagen:20250115T181500", "TZID=Nowhere/Land:2025"),
     ["x"]),
], ids=["END of another", "cut off", "a long line", "deep", "no such day", "no such zone"])
def test_broken_text_icalendar_reads_past_is_read(text: str, uids: list[str]) -> None:
    found = decode(text)
    assert [read.uid for read in found] == uids
    assert all(read.event is None for read in found)


@pytest.mark.parametrize("recurrence", [
    "RRULE:FREQ=WEEKLY;COUNT=3\r\n", "RDATE;TZID=Europe/Copenhagen:20250122T181500\r\n",
    "EXDATE;TZID=Europe/Copenhagen:20250115T181500\r\n",
    "RECURRENCE-ID;TZID=Europe/Copenhagen:20250115T181500\r\n", "EXRULE:FREQ=WEEKLY\r\n"])
def test_an_event_with_a_recurrence_is_none_aarshjul_could_have_written(recurrence: str
                                                                        ) -> None:
    """aarshjul writes one event a meeting: an event that stands for more
    times than its own, or for one time of a series, is never one of its own."""
    plain = _one_event("X-AARSHJUL-SOURCE:p/b\r\n")
    (ours,) = decode(plain)
    assert ours.event is not None
    (read,) = decode(plain.replace("SUMMARY:", recurrence + "SUMMARY:"))
    assert (read.uid, read.source, read.event) == ("x", "p/b", None)


@pytest.mark.parametrize("twice", ["SUMMARY:Andet\r\n", "URL:https://x.dk/\r\nURL:b\r\n",
                                   "STATUS:CANCELLED\r\n", "X-AARSHJUL-SOURCE:p/b\r\n" * 2])
def test_an_event_with_a_property_twice_is_none_aarshjul_could_have_written(twice: str
                                                                           ) -> None:
    (read,) = decode(_one_event("STATUS:CONFIRMED\r\n" + twice))
    assert (read.uid, read.event) == ("x", None)


def test_an_event_with_two_uids_is_left_out_as_one_without_any() -> None:
    assert decode(_one_event("UID:y\r\n")) == []
