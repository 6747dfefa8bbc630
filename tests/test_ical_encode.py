"""The writer of content lines: escaping, folding at 75 octets, CRLF, and the
fixed layout of an event and a calendar."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from aarshjul.ical.encode import (
    calendar_text,
    encode,
    escape,
    fold,
    fold_lines,
    text_value,
    utc_stamp,
)
from aarshjul.ical.event import Event, EventStatus, Stamp

from .feed_parsers import unfold

STAMP = Stamp(dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC), 2)


def test_text_escapes_what_would_end_a_value() -> None:
    assert escape("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"
    assert text_value("  Byråd\r\nmøde \x07") == "Byråd\\nmøde"


def test_an_event_s_lines_stand_in_a_fixed_order() -> None:
    event = Event(uid="u-1", start=dt.datetime(2025, 1, 15, 18, 15),
                  end=dt.datetime(2025, 1, 15, 19, 45), zone="Europe/Copenhagen",
                  summary="Udvalg, møde", location="Rådhuset", description="1. Dagsorden",
                  categories=("udvalg", "Budget; 2026"), related_to="u-0", color="teal",
                  url="https://x.dk/a.html", source="plan/sbu")
    assert unfold(encode(event).stamped(STAMP)) == [
        "BEGIN:VEVENT", "UID:u-1", "DTSTAMP:20250101T120000Z",
        "LAST-MODIFIED:20250101T120000Z", "SEQUENCE:2",
        "DTSTART;TZID=Europe/Copenhagen:20250115T181500",
        "DTEND;TZID=Europe/Copenhagen:20250115T194500", "SUMMARY:Udvalg\\, møde",
        "LOCATION:Rådhuset", "DESCRIPTION:1. Dagsorden", "CATEGORIES:udvalg,Budget\\; 2026",
        "STATUS:CONFIRMED", "TRANSP:OPAQUE", "RELATED-TO:u-0", "COLOR:teal",
        "URL;VALUE=URI:https://x.dk/a.html", "X-AARSHJUL-SOURCE:plan/sbu", "END:VEVENT"]


def test_an_all_day_event_leaves_out_what_it_does_not_have() -> None:
    event = Event(uid="d", start=dt.date(2025, 1, 9), end=dt.date(2025, 1, 10),
                  summary="Frist", status=EventStatus.CANCELLED, transparent=True)
    assert unfold(encode(event).stamped(STAMP))[5:] == [
        "DTSTART;VALUE=DATE:20250109", "DTEND;VALUE=DATE:20250110", "SUMMARY:Frist",
        "STATUS:CANCELLED", "TRANSP:TRANSPARENT", "END:VEVENT"]


def test_the_digest_is_of_the_content_not_the_stamp() -> None:
    event = Event(uid="d", start=dt.date(2025, 1, 9), end=dt.date(2025, 1, 10), summary="A")
    same = Event(uid="d", start=dt.date(2025, 1, 9), end=dt.date(2025, 1, 10), summary="A ")
    other = Event(uid="d", start=dt.date(2025, 1, 9), end=dt.date(2025, 1, 10), summary="B")
    assert encode(event).digest == encode(same).digest != encode(other).digest
    assert encode(event).stamped(STAMP) != encode(event).stamped(Stamp(STAMP.at, 3))


def test_a_calendar_s_head_then_its_zone_then_its_events() -> None:
    text = calendar_text([("NAME", "Prøve")], ["BEGIN:VTIMEZONE", "END:VTIMEZONE"],
                         ["BEGIN:VEVENT\r\nEND:VEVENT\r\n"])
    assert unfold(text) == ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//aarshjul//aarshjul//DA",
                            "CALSCALE:GREGORIAN", "NAME:Prøve", "BEGIN:VTIMEZONE",
                            "END:VTIMEZONE", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR"]
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")


def test_stamps_are_written_in_utc() -> None:
    copenhagen = dt.timezone(dt.timedelta(hours=1))
    assert utc_stamp(dt.datetime(2025, 1, 1, 13, tzinfo=copenhagen)) == "20250101T120000Z"


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400))
def test_folding_keeps_every_character_whole(value: str) -> None:
    folded = fold("DESCRIPTION:" + text_value(value))
    assert folded.endswith("\r\n")
    lines = folded.encode("utf-8").split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in lines)
    assert all(line.startswith(b" ") for line in lines[1:])
    assert unfold(folded) == ["DESCRIPTION:" + text_value(value)]


@given(st.lists(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
                        max_size=200), max_size=8))
def test_lines_folded_together_are_cut_as_late_as_may_be(values: list[str]) -> None:
    lines = ["SUMMARY:" + text_value(value) for value in values]
    folded = fold_lines(lines)
    assert unfold(folded) == lines
    physical = folded.encode("utf-8").split(b"\r\n")
    assert physical.pop() == b""
    for line, after in zip(physical, [*physical[1:], b""], strict=True):
        assert len(line) <= 75
        if after.startswith(b" "):  # cut here: the next character would not fit
            first = after[1:].decode("utf-8")[0].encode("utf-8")
            assert len(line) + len(first) > 75
    short = [line for line in lines if len(line.encode("utf-8")) <= 75]
    assert all(f"\r\n{line}\r\n" in f"\r\n{folded}" for line in short)


