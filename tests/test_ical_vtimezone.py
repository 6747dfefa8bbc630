"""VTIMEZONE components: a zone's POSIX rule as yearly RRULEs where it holds
for the feed, its list of changes where it does not."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import icalendar
import pytest

from aarshjul.ical.feeds import build_feeds
from aarshjul.ical.stamps import Stamper
from aarshjul.ical.vtimezone import (
    _Change,
    _offset_text,
    _Rule,
    parse_posix,
    posix_footer,
    tzif_bytes,
    vtimezone,
)

from .feed_plans import NOW, dst_plan, feeds_of
from .plans import agendas_of, make_plan

CET = _Rule("CET", 3600, "CEST", 7200, _Change(3, 5, 0, 7200), _Change(10, 5, 0, 10800))
AEST = _Rule("AEST", 36000, "AEDT", 39600, _Change(10, 1, 0, 7200), _Change(4, 1, 0, 10800))


@pytest.mark.parametrize("zone", ["Europe/Copenhagen", "America/New_York",
                                  "Australia/Sydney", "Europe/Dublin"])
def test_a_zone_with_yearly_rules_gets_them_not_a_list_of_changes(zone: str) -> None:
    """Rules hold for every year after the feed's last meeting; a list of
    changes stops (the zones' published data has such rules)."""
    plan = make_plan("", header=dst_plan(zone, 2025, 2026))
    feed = build_feeds(plan, agendas_of(plan), stamper=Stamper(NOW))["u.ics"]
    zone_part = feed.split("BEGIN:VTIMEZONE")[1].split("END:VTIMEZONE")[0]
    assert zone_part.count("RRULE:FREQ=YEARLY") == 2
    assert zone_part.count("BEGIN:DAYLIGHT") == 1



def test_the_time_zone_holds_years_after_the_last_meeting() -> None:
    feed = feeds_of('''
        [[series]]
        body = "sbu"
        dates = [2025-01-15]
        start = "18:15"
        end = "19:45"
        ''')["sbu.ics"]
    (component,) = icalendar.Calendar.from_ical(feed).walk("VTIMEZONE")
    tz = component.to_tz()
    for year in (2025, 2031, 2040, 2060):
        summer = dt.datetime(year, 7, 1, 12, tzinfo=tz)
        winter = dt.datetime(year, 12, 1, 12, tzinfo=tz)
        assert summer.utcoffset() == dt.timedelta(hours=2), year
        assert winter.utcoffset() == dt.timedelta(hours=1), year
    assert "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" in feed


@pytest.mark.parametrize(("text", "rule"), [
    ("CET-1CEST,M3.5.0,M10.5.0/3", CET),
    ("AEST-10AEDT,M10.1.0,M4.1.0/3", AEST),
    # Daylight time an hour ahead unless it says otherwise; changes at 02:00.
    ("EST5EDT,M3.2.0,M11.1.0", _Rule("EST", -18000, "EDT", -14400, _Change(3, 2, 0, 7200),
                                     _Change(11, 1, 0, 7200))),
    ("UTC0", _Rule("UTC", 0)),
    ("<+0330>-3:30", _Rule("+0330", 12600)),
])
def test_a_posix_rule_is_read(text: str, rule: _Rule) -> None:
    assert parse_posix(text) == rule


@pytest.mark.parametrize("text", [
    "IST-2IDT,M3.4.4/26,M10.5.0",  # Israel: at 26:00, past the day's end
    "<-02>2<-01>,M3.5.0/-1,M10.5.0/0",  # Greenland: at -01:00
    "CET-1CEST,J60,J300",  # Julian days
    "CET-1CEST",  # daylight time without its changes
    "nonsense",
])
def test_a_rule_an_rrule_cannot_say_is_none(text: str) -> None:
    assert parse_posix(text) is None


def test_a_change_falls_on_its_weekday_of_its_month() -> None:
    to_summer, to_winter = CET.to_dst, CET.to_std
    assert to_summer is not None
    assert to_winter is not None
    assert to_summer.day(2025) == dt.date(2025, 3, 30)  # the last Sunday of March
    assert to_summer.day(2026) == dt.date(2026, 3, 29)
    assert to_winter.local(2025) == dt.datetime(2025, 10, 26, 3, 0)
    assert _Change(3, 2, 0, 7200).day(2025) == dt.date(2025, 3, 9)  # the second Sunday
    assert _Change(3, 1, 6, 0).day(2025) == dt.date(2025, 3, 1)  # the first Saturday
    assert to_summer.rrule() == "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"
    assert _Change(11, 1, 0, 7200).rrule() == "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU"


def test_a_rule_gives_the_offset_of_a_wall_clock_time() -> None:
    assert CET.offset(dt.datetime(2025, 7, 1, 12)) == 7200
    assert CET.offset(dt.datetime(2025, 1, 1, 12)) == 3600
    assert CET.offset(dt.datetime(2025, 3, 30, 1, 59)) == 3600
    assert CET.offset(dt.datetime(2025, 3, 30, 2, 0)) == 7200
    assert CET.offset(dt.datetime(2025, 10, 26, 2, 59)) == 7200
    assert CET.offset(dt.datetime(2025, 10, 26, 3, 0)) == 3600
    # South of the equator, summer spans the turn of the year.
    assert AEST.offset(dt.datetime(2025, 1, 15, 12)) == 39600
    assert AEST.offset(dt.datetime(2025, 7, 15, 12)) == 36000
    assert _Rule("UTC", 0).offset(dt.datetime(2025, 7, 1)) == 0


def test_the_rule_at_the_end_of_a_zone_s_data() -> None:
    data = tzif_bytes("Europe/Copenhagen")
    assert data is not None
    assert posix_footer(data) == "CET-1CEST,M3.5.0,M10.5.0/3"
    assert tzif_bytes("No/Such_Zone") is None


@pytest.mark.parametrize("data", [b"", b"not zone data\n", b"TZif\0" + b"\0" * 40 + b"\n",
                                  b"TZif2" + b"\0" * 40])
def test_no_rule_in_what_is_no_version_2_zone_data(data: bytes) -> None:
    assert posix_footer(data) is None


@pytest.mark.parametrize(("seconds", "text"), [
    (3600, "+0100"), (-18000, "-0500"), (12600, "+0330"), (0, "+0000"),
    (-1521, "-002521"),  # Dublin's mean time: seconds too
])
def test_offsets_as_rfc_5545_writes_them(seconds: int, text: str) -> None:
    assert _offset_text(seconds) == text


def test_copenhagen_as_yearly_rules_from_the_year_before_the_feed() -> None:
    assert vtimezone("Europe/Copenhagen", [dt.datetime(2025, 1, 15, 18, 15)]) == [
        "BEGIN:VTIMEZONE", "TZID:Europe/Copenhagen", "X-LIC-LOCATION:Europe/Copenhagen",
        "BEGIN:DAYLIGHT", "TZNAME:CEST", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
        "DTSTART:20240331T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZNAME:CET", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
        "DTSTART:20241027T030000", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE"]


def test_a_zone_without_daylight_time_is_one_standard_time() -> None:
    assert vtimezone("UTC", [dt.datetime(2025, 1, 15, 18, 15)]) == [
        "BEGIN:VTIMEZONE", "TZID:UTC", "X-LIC-LOCATION:UTC", "BEGIN:STANDARD",
        "TZNAME:UTC", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0000", "DTSTART:20240101T000000",
        "END:STANDARD", "END:VTIMEZONE"]


def test_a_rule_no_rrule_can_say_lists_the_changes_instead() -> None:
    lines = vtimezone("Asia/Jerusalem", [dt.datetime(2025, 1, 15, 18, 15)])
    assert not [line for line in lines if line.startswith("RRULE")]
    starts = [line for line in lines if line.startswith("DTSTART")]
    # From a year before the feed to two years after it: four summers.
    assert (starts[0], len(starts)) == ("DTSTART:20240101T000000", 1 + 2 * 4)
    assert lines.count("BEGIN:DAYLIGHT") == 4
    assert lines.count("TZOFFSETTO:+0300") == 4


def test_a_zone_that_changed_its_rules_in_the_feed_s_span_lists_its_changes() -> None:
    """Mexico City gave up daylight time in October 2022: its rule today
    (CST6) is wrong for a meeting in the summer of 2022."""
    lines = vtimezone("America/Mexico_City", [dt.datetime(2022, 6, 1, 12)])
    assert not [line for line in lines if line.startswith("RRULE")]
    assert [line for line in lines if line.startswith("DTSTART")] == [
        "DTSTART:20210101T000000", "DTSTART:20210404T020000", "DTSTART:20211031T020000",
        "DTSTART:20220403T020000", "DTSTART:20221030T020000"]


def test_a_vtimezone_needs_times() -> None:
    with pytest.raises(ValueError, match="none were given"):
        vtimezone("Europe/Copenhagen", [])


@pytest.mark.parametrize("zone", ["Europe/Copenhagen", "America/New_York", "Australia/Sydney",
                                  "Asia/Jerusalem", "America/Nuuk", "America/Mexico_City"])
def test_every_time_of_the_feed_gets_its_zone_s_offset(zone: str) -> None:
    """What the VTIMEZONE says, read by icalendar, agrees with zoneinfo at
    every hour of the feed's years."""
    first = dt.datetime(2022, 1, 1)
    instants = [first + dt.timedelta(hours=h) for h in range(0, 3 * 365 * 24, 7)]
    text = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//",
                         *vtimezone(zone, instants), "END:VCALENDAR", ""])
    (component,) = icalendar.Calendar.from_ical(text).walk("VTIMEZONE")
    tz = component.to_tz()
    real = zoneinfo.ZoneInfo(zone)
    wrong = [moment for moment in instants
             if moment.replace(tzinfo=tz).utcoffset() != moment.replace(tzinfo=real).utcoffset()
             and moment.replace(tzinfo=real, fold=1).utcoffset()
             == moment.replace(tzinfo=real).utcoffset()]  # not a time there twice
    assert wrong == []
