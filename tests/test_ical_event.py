"""An event is a value: its texts kept as a feed can hold them, its times
either wall-clock times in a zone or days."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul.ical.event import Event, Stamp, feed_text

DAY = dt.date(2025, 1, 15)


@pytest.mark.parametrize(("given", "kept"), [
    ("Byrådsmøde", "Byrådsmøde"),
    ("  spaces at the ends \t", "spaces at the ends"),
    ("one\r\ntwo\rthree\nfour", "one\ntwo\nthree\nfour"),
    ("bell\x07, vertical tab\x0b, escape\x1b, DEL\x7f, C1\x85",
     "bell, vertical tab, escape, DEL, C1"),
    ("tab\tinside", "tab\tinside"),
    ("\x00", ""),
])
def test_texts_are_kept_as_a_feed_holds_them(given: str, kept: str) -> None:
    assert feed_text(given) == kept
    event = Event(uid="u", start=DAY, end=DAY + dt.timedelta(days=1), summary=given,
                  location=given, description=given)
    assert (event.summary, event.location, event.description) == (kept, kept, kept)


def test_two_events_that_a_feed_cannot_tell_apart_are_equal() -> None:
    plain = Event(uid="u", start=DAY, end=DAY + dt.timedelta(days=1), summary="Møde",
                  categories=("udvalg",))
    noisy = Event(uid=" u ", start=DAY, end=DAY + dt.timedelta(days=1), summary="Møde\x07 ",
                  categories=("udvalg", " ", "\x01"))
    assert plain == noisy
    assert Event(uid="u", start=DAY, end=DAY + dt.timedelta(days=1), summary="x",
                 related_to=" ").related_to is None


def test_a_timed_event_has_a_zone_and_an_all_day_one_has_none() -> None:
    start = dt.datetime(2025, 1, 15, 18, 15)
    timed = Event(uid="u", start=start, end=start + dt.timedelta(minutes=90),
                  zone="Europe/Copenhagen", summary="x")
    assert timed.zone == "Europe/Copenhagen"
    assert Event(uid="u", start=DAY, end=DAY + dt.timedelta(days=2), summary="x").zone is None
    with pytest.raises(ValueError, match="both wall-clock times in a zone, or both days"):
        Event(uid="u", start=start, end=start + dt.timedelta(hours=1), summary="x")
    with pytest.raises(ValueError, match="both wall-clock times in a zone, or both days"):
        Event(uid="u", start=DAY, end=DAY + dt.timedelta(days=1), zone="UTC", summary="x")
    with pytest.raises(ValueError, match="both wall-clock times in a zone, or both days"):
        Event(uid="u", start=start, end=DAY, zone="UTC", summary="x")


INJECTED = "\r\nX-EVIL:1"


@pytest.mark.parametrize(("field", "value"), [
    ("url", "https://x.dk/a" + INJECTED), ("url", "https://x.dk/a\nb"),
    ("url", "https://x.dk/a b"), ("url", "https://x.dk/\\n"), ("url", "x.dk/no-scheme"),
    ("url", "https://x.dk/\u200b"), ("color", "teal" + INJECTED), ("color", "#1f6f8b"),
    ("color", "Teal"), ("source", "plan/sbu" + INJECTED), ("source", "plan"),
    ("source", "plan/sbu;x=1"), ("zone", "Europe/Copenhagen" + INJECTED),
    ("zone", "Europe/Copenhagen:20250101T000000"), ("zone", 'A";B'),
])
def test_a_value_written_as_it_is_must_be_of_its_kind(field: str, value: str) -> None:
    """The zone, colour, link and source are written as they are, not as
    escaped text: anything else in them could start a property of its own."""
    start = dt.datetime(2025, 1, 15, 18, 15)
    fields = {"zone": "Europe/Copenhagen", field: value}
    with pytest.raises(ValueError, match=f"^{field} must be .*got"):
        Event(uid="u", start=start, end=start + dt.timedelta(hours=1), summary="x",
              **fields)  # type: ignore[arg-type]


def test_values_of_their_kind_are_taken_and_empty_ones_are_none() -> None:
    event = Event(uid="u", start=DAY, end=DAY + dt.timedelta(days=1), summary="x",
                  url="https://xn--rshjul-bua.dk/møder/a;b,c?d=1#e", color="darkslateblue",
                  source="aarhus-2025/sbu")
    assert (event.url, event.color, event.source) == (
        "https://xn--rshjul-bua.dk/møder/a;b,c?d=1#e", "darkslateblue", "aarhus-2025/sbu")
    empty = Event(uid="u", start=DAY, end=DAY + dt.timedelta(days=1), summary="x", url="",
                  color="", source="")
    assert (empty.url, empty.color, empty.source) == (None, None, None)


def test_an_event_ends_after_it_starts() -> None:
    with pytest.raises(ValueError, match="ends"):
        Event(uid="u", start=DAY, end=DAY, summary="x")


def test_a_stamp_is_a_moment() -> None:
    assert Stamp(dt.datetime(2025, 1, 1, tzinfo=dt.UTC)).sequence == 0
    with pytest.raises(ValueError, match="with a time zone"):
        Stamp(dt.datetime(2025, 1, 1))
