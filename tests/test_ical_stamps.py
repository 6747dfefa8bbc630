"""An event keeps its stamp while it does not change; a change takes the
build's time, and a change of time, place or status grows SEQUENCE."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from aarshjul.ical.encode import encode
from aarshjul.ical.event import Event, EventStatus, Stamp
from aarshjul.ical.stamps import Record, Stamper, record_of

THEN = dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC)
NOW = dt.datetime(2025, 6, 1, 8, 30, tzinfo=dt.UTC)
EVENT = Event(uid="u", start=dt.datetime(2025, 1, 15, 18, 15),
              end=dt.datetime(2025, 1, 15, 19, 45), zone="Europe/Copenhagen",
              summary="Udvalg", location="Rådhuset")


def stamp_of(event: Event, previous: dict[str, Record]) -> Stamp:
    return Stamper(NOW, previous).record(event, encode(event)).stamp


def test_a_new_event_is_stamped_now() -> None:
    assert stamp_of(EVENT, {}) == Stamp(NOW, 0)


def test_an_unchanged_event_keeps_its_stamp_and_sequence() -> None:
    previous = {"u": record_of(EVENT, Stamp(THEN, 4))}
    assert stamp_of(EVENT, previous) == Stamp(THEN, 4)


@pytest.mark.parametrize(("change", "grows"), [
    ({"summary": "Temamøde"}, False),
    ({"description": "1. Dagsorden"}, False),
    ({"categories": ("udvalg",)}, False),
    ({"location": "Lokale 2"}, True),
    ({"status": EventStatus.CANCELLED}, True),
    ({"start": dt.datetime(2025, 1, 15, 18)}, True),
    ({"end": dt.datetime(2025, 1, 15, 20)}, True),
    ({"zone": "Europe/Oslo"}, True),
])
def test_a_change_is_stamped_now_and_only_the_appointment_s_grows_sequence(
        change: dict[str, object], grows: bool) -> None:
    previous = {"u": record_of(EVENT, Stamp(THEN, 4))}
    assert stamp_of(attrs.evolve(EVENT, **change), previous) == Stamp(NOW, 4 + grows)


def test_an_event_known_only_by_its_sequence_goes_on_from_it() -> None:
    assert stamp_of(EVENT, {"u": Record("", "", Stamp(THEN, 7))}) == Stamp(NOW, 8)


def test_the_build_s_time_is_a_moment() -> None:
    with pytest.raises(ValueError, match="with a time zone"):
        Stamper(dt.datetime(2025, 1, 1))
