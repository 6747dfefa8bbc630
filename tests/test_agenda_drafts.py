"""A draft agenda's clock: fixed-time items wait for their time, a late one
is found, and the room for cases stops where an item would be late."""

from __future__ import annotations

import datetime as dt

from aarshjul import ClockTime, Item, Meeting, Minutes
from aarshjul.agenda.drafts import Draft, run_clock


def item(minutes: int, time: str | None = None) -> Item:
    return Item(title="Punkt", minutes=Minutes(minutes),
                time=ClockTime.parse(time) if time else None)


def test_the_clock_waits_for_a_fixed_time_and_finds_a_late_one() -> None:
    early = run_clock(600, [item(10), item(15, "10:30"), item(5)])
    assert early.starts == (600, 630, 645)
    assert early.late == ()
    assert early.end == 650
    late = run_clock(600, [item(40), item(15, "10:30")])
    assert late.late == ((1, 10),)


def test_the_room_for_cases_keeps_a_fixed_time_item_at_its_time() -> None:
    meeting = Meeting(uid="u", body="sbu", title="U", date=dt.date(2025, 1, 15),
                      start=ClockTime.parse("10:00"), end=ClockTime.parse("12:00"))
    draft = Draft(meeting, before=[item(10)], own=[item(15, "11:00")], after=[item(5)])
    assert draft.capacity == 50  # 10:10 + 50 = 11:00, where the fixed item stands
    assert draft.fits_more(50)
    assert not draft.fits_more(51)
    assert draft.room == 90
