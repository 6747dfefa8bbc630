"""iCal feeds: seven parsers agree (five Python ones, ical.js, which is
Thunderbird's, and libical, which is Evolution's), times are right across DST
for years, identities and stamps behave, and no text can break a feed."""

from __future__ import annotations

import datetime as dt
import itertools
import re
import zoneinfo
from pathlib import Path

import icalendar
import pytest
import vobject
from hypothesis import example, given, settings
from hypothesis import strategies as st

from aarshjul import load_plan
from aarshjul.ical import feeds as ical_module
from aarshjul.ical.decode import decode
from aarshjul.ical.feeds import build_feeds, write_feeds
from aarshjul.ical.manifest import MANIFEST
from aarshjul.ical.stamps import Stamper

from .feed_parsers import PARSERS, unfold
from .feed_plans import NOW, PLAN, dst_plan, feeds_of
from .plans import EXAMPLE, agendas_of, make_plan

CRLF = "\r\n"
LATER = dt.datetime(2025, 6, 1, 8, 30, tzinfo=dt.UTC)


def agree(text_: str, parsers: tuple[str, ...] = tuple(PARSERS)
          ) -> set[tuple[str, object, object, str, str]]:
    answers = {name: PARSERS[name](text_) for name in parsers}
    first = answers.pop("icalendar")
    for name, answer in answers.items():
        assert answer == first, f"{name} reads the feed differently"
    return first


def test_every_parser_reads_the_example_feeds_the_same(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLE)
    feeds = build_feeds(plan, agendas_of(plan), stamper=Stamper(NOW))
    assert set(feeds) == {"sbu.ics", "rm.ics", "all.ics", "deadlines.ics"}
    for name, feed in feeds.items():
        events = agree(feed)
        assert events, name
    meetings = agendas_of(plan).meetings
    assert len(agree(feeds["all.ics"])) == len(meetings)


ZONES = ["Europe/Copenhagen", "America/New_York", "Australia/Sydney", "Europe/Dublin",
         "Asia/Jerusalem", "UTC"]


def check_dst(zone: str, first: int, last: int, parsers: tuple[str, ...]) -> None:
    plan = make_plan("", header=dst_plan(zone, first, last))
    result = agendas_of(plan)
    feed = build_feeds(plan, result, stamper=Stamper(NOW))["u.ics"]
    tz = zoneinfo.ZoneInfo(zone)
    expected = set()
    for meeting in result.meetings:
        start = dt.datetime.combine(meeting.date, meeting.start.to_time(), tzinfo=tz)
        end = dt.datetime.combine(meeting.date, meeting.end.to_time(), tzinfo=tz)
        expected.add((meeting.uid, start.astimezone(dt.UTC), end.astimezone(dt.UTC)))
    events = agree(feed, parsers)
    assert {(uid, start, end) for uid, start, end, _, _ in events} == expected


@pytest.mark.parametrize("zone", ZONES)
def test_times_are_right_across_every_change_of_clock(zone: str) -> None:
    check_dst(zone, 2025, 2036, tuple(PARSERS))


@pytest.mark.parametrize("zone", ZONES)
def test_times_are_right_after_2036_too(zone: str) -> None:
    """Years from 2037 on. Two parsers are left out because they get these
    years wrong whatever the VTIMEZONE says: ics.py puts times an hour off
    from the autumn of 2037 (the end of 32-bit time is near), and vobject
    (through dateutil's tzical) does so in Europe/Dublin, whose zone data
    calls winter the daylight time."""
    check_dst(zone, 2037, 2060, ("icalendar", "recurring-ical-events", "ical", "ical.js",
                                 "libical"))


def test_one_vtimezone_per_feed_and_it_comes_first() -> None:
    feed = feeds_of('''
        [[series]]
        body = "sbu"
        every = "hver onsdag"
        start = "18:15"
        end = "19:45"
        ''')["sbu.ics"]
    assert feed.count("BEGIN:VTIMEZONE") == 1
    assert feed.index("END:VTIMEZONE") < feed.index("BEGIN:VEVENT")


def test_the_calendar_properties() -> None:
    plan = load_plan(EXAMPLE)
    feeds = build_feeds(plan, agendas_of(plan), stamper=Stamper(NOW))
    lines = unfold(feeds["sbu.ics"])
    head = lines[: lines.index("BEGIN:VTIMEZONE")]
    assert head == [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//aarshjul//aarshjul//DA",
        "CALSCALE:GREGORIAN",
        "NAME:Årshjul for Sociale Forhold og Beskæftigelse 2025 – Social- og "
        "Beskæftigelsesudvalget",
        "X-WR-CALNAME:Årshjul for Sociale Forhold og Beskæftigelse 2025 – Social- og "
        "Beskæftigelsesudvalget",
        "X-WR-TIMEZONE:Europe/Copenhagen", "REFRESH-INTERVAL;VALUE=DURATION:PT6H",
        "X-PUBLISHED-TTL:PT6H", "COLOR:teal", "X-APPLE-CALENDAR-COLOR:#1F6F8B"]
    assert feeds["sbu.ics"].endswith("END:VCALENDAR\r\n")


def test_an_event_holds_the_timed_agenda_and_its_categories() -> None:
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    feeds = build_feeds(plan, result, stamper=Stamper(NOW), base_url="https://x.dk/hjul/")
    calendar = icalendar.Calendar.from_ical(feeds["rm.ics"])
    (event,) = [e for e in calendar.walk("VEVENT")
                if e.decoded("DTSTART").date() == dt.date(2025, 1, 14)]
    description = str(event["DESCRIPTION"])
    assert "10.00–10.10  3. Mål i politisk retning for budget 2026 (Mål, Økonomi og " \
           "Boliger)" in description
    assert "             1. Dagsorden" in description
    assert description.endswith(
        "Dagsordenen: https://x.dk/hjul/agendas/rm/2025-01-14.html")
    assert str(event["URL"]) == "https://x.dk/hjul/agendas/rm/2025-01-14.html"
    assert [str(c) for c in event["CATEGORIES"].cats] == ["rådmandsmøde", "Budget 2026"]
    assert str(event["LOCATION"]) == "Jægergården, Værkmestergade 15 B"


def test_a_cancelled_meeting_stays_in_the_feed() -> None:
    feed = feeds_of('''
        [[series]]
        body = "sbu"
        dates = [2025-01-15, 2025-01-29]
        start = "18:15"
        end = "19:45"

        [[meeting]]
        body = "sbu"
        date = 2025-01-29
        status = "cancelled"
        ''')["sbu.ics"]
    statuses = sorted((summary, status) for _, _, _, summary, status in agree(feed))
    assert statuses == [("AFLYST: Social- og Beskæftigelsesudvalget", "CANCELLED"),
                        ("Social- og Beskæftigelsesudvalget", "CONFIRMED")]


def events_by_uid(feed: str) -> dict[str, dict[str, str]]:
    calendar = icalendar.Calendar.from_ical(feed)
    return {str(e["UID"]): {k: e[k].to_ical().decode() if hasattr(e[k], "to_ical")
                            else str(e[k]) for k in e} for e in calendar.walk("VEVENT")}


def test_two_builds_of_one_plan_are_byte_identical() -> None:
    assert feeds_of(PLAN) == feeds_of(PLAN)


def write(tmp_path: Path, plan_text: str, now: dt.datetime) -> tuple[tuple[str, ...], str]:
    plan = make_plan(plan_text)
    done = write_feeds(plan, agendas_of(plan), tmp_path, now=now)
    return done.written, (tmp_path / "sbu.ics").read_text(encoding="utf-8")


def test_a_rebuild_that_changes_nothing_writes_nothing(tmp_path: Path) -> None:
    written, first = write(tmp_path, PLAN, NOW)
    assert set(written) == {"sbu.ics", "rm.ics", "all.ics", "deadlines.ics"}
    mtimes = {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()}
    written, again = write(tmp_path, PLAN, LATER)
    assert written == ()
    assert again == first
    assert {p.name: p.stat().st_mtime_ns for p in tmp_path.iterdir()} == mtimes


def test_a_lost_feed_is_written_again_as_it_was(tmp_path: Path) -> None:
    write(tmp_path, PLAN, NOW)
    all_feed = (tmp_path / "all.ics").read_bytes()
    (tmp_path / "all.ics").unlink()
    written, _ = write(tmp_path, PLAN, LATER)
    assert written == ("all.ics",)  # the body feeds kept their stamps
    assert (tmp_path / "all.ics").read_bytes() == all_feed


@pytest.mark.parametrize("manifest", ["none", "names only"])
def test_feeds_without_a_manifest_keep_their_stamps(tmp_path: Path, manifest: str) -> None:
    """Feeds an older aarshjul wrote: the stamps are read from the feeds."""
    write(tmp_path, PLAN, NOW)
    before = {p.name: p.read_bytes() for p in tmp_path.glob("*.ics")}
    if manifest == "none":
        (tmp_path / MANIFEST).unlink()
    else:
        (tmp_path / MANIFEST).write_text("".join(f"{name}\n" for name in sorted(before)),
                                         encoding="utf-8")
    written, _ = write(tmp_path, PLAN, LATER)
    assert written == ()
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.ics")} == before


def test_an_edited_list_of_feeds_removes_nothing_outside_the_folder(tmp_path: Path) -> None:
    feeds = tmp_path / "feeds"
    (feeds / "sub").mkdir(parents=True)
    outside, inside = tmp_path / "outside.ics", feeds / "sub" / "x.ics"
    outside.write_text("x", encoding="utf-8")
    inside.write_text("x", encoding="utf-8")
    (feeds / MANIFEST).write_text("../outside.ics\nsub/x.ics\nnotes.txt\n",
                                        encoding="utf-8")
    (feeds / "notes.txt").write_text("x", encoding="utf-8")
    done = write_feeds(make_plan(PLAN), agendas_of(make_plan(PLAN)), feeds, now=NOW)
    assert done.removed == ()
    assert outside.exists()
    assert inside.exists()
    assert (feeds / "notes.txt").exists()


def test_a_changed_time_gets_a_new_stamp_and_sequence_others_keep_theirs(tmp_path: Path
                                                                        ) -> None:
    _, first = write(tmp_path, PLAN, NOW)
    moved = PLAN + '[[meeting]]\nbody = "sbu"\ndate = 2025-01-29\nstart = "16:00"\n'
    written, second = write(tmp_path, moved, LATER)
    assert written == ("sbu.ics", "all.ics")
    before, after = events_by_uid(first), events_by_uid(second)
    assert before.keys() == after.keys()
    changed = [uid for uid in after if after[uid] != before[uid]]
    (uid,) = changed
    assert after[uid]["DTSTAMP"] == after[uid]["LAST-MODIFIED"] == "20250601T083000Z"
    assert after[uid]["SEQUENCE"] == "1"
    for other in after.keys() - {uid}:
        assert after[other]["DTSTAMP"] == "20250101T120000Z"
        assert after[other]["SEQUENCE"] == "0"


@pytest.mark.parametrize("stop", range(1, 6))
def test_a_run_stopped_half_way_never_sends_an_event_back(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: int) -> None:
    """Stopped before its ``stop``-th write (the manifest, four feeds), a run
    leaves feeds from which no later run takes a stamp or SEQUENCE back."""
    moved = PLAN + '[[meeting]]\nbody = "sbu"\ndate = 2025-01-29\nstart = "16:00"\n'
    write(tmp_path, PLAN, NOW)
    real, count = ical_module.write_text_if_changed, itertools.count(1)

    def stops(path: Path, text: str) -> bool:
        if next(count) == stop:
            raise KeyboardInterrupt
        return real(path, text)

    monkeypatch.setattr(ical_module, "write_text_if_changed", stops)
    with pytest.raises(KeyboardInterrupt):
        write(tmp_path, moved, LATER)
    monkeypatch.undo()
    feeds = ("sbu.ics", "all.ics")
    seen = [events_by_uid((tmp_path / name).read_text(encoding="utf-8")) for name in feeds]
    for plan in (PLAN, moved):  # the change taken back, or made again
        write(tmp_path, plan, LATER + dt.timedelta(days=1))
        for name in feeds:
            after = events_by_uid((tmp_path / name).read_text(encoding="utf-8"))
            for uid, event in after.items():
                # A subscriber may have fetched either feed: nothing may go back.
                assert all(int(event["SEQUENCE"]) >= int(s[uid]["SEQUENCE"]) for s in seen)
                assert all(event["DTSTAMP"] >= s[uid]["DTSTAMP"] for s in seen)
            seen.append(after)


def test_a_new_title_is_news_but_not_a_new_sequence(tmp_path: Path) -> None:
    write(tmp_path, PLAN, NOW)
    renamed = PLAN + '[[meeting]]\nbody = "sbu"\ndate = 2025-01-29\ntitle = "Temamøde"\n'
    _, second = write(tmp_path, renamed, LATER)
    (event,) = [e for e in events_by_uid(second).values() if e["SUMMARY"] == "Temamøde"]
    assert (event["DTSTAMP"], event["SEQUENCE"]) == ("20250601T083000Z", "0")


def test_cancelling_keeps_the_event_and_raises_the_sequence(tmp_path: Path) -> None:
    _, first = write(tmp_path, PLAN, NOW)
    cancelled = PLAN + '[[meeting]]\nbody = "sbu"\ndate = 2025-01-29\nstatus = "cancelled"\n'
    _, second = write(tmp_path, cancelled, LATER)
    after = events_by_uid(second)
    assert after.keys() == events_by_uid(first).keys()
    (event,) = [e for e in after.values() if e["STATUS"] == "CANCELLED"]
    assert event["SEQUENCE"] == "1"


def test_moving_a_meeting_keeps_its_uid(tmp_path: Path) -> None:
    _, first = write(tmp_path, PLAN, NOW)
    moved = PLAN + '[[meeting]]\nbody = "sbu"\ndate = 2025-01-29\nmoved_to = 2025-02-04\n'
    _, second = write(tmp_path, moved, LATER)
    before, after = events_by_uid(first), events_by_uid(second)
    assert before.keys() == after.keys()
    (uid,) = [u for u, e in before.items() if e["DTSTART"].startswith("20250129")]
    assert after[uid]["DTSTART"] == "20250204T181500"


def test_deadlines_fall_on_workdays() -> None:
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    feed = build_feeds(plan, result, stamper=Stamper(NOW))["deadlines.ics"]
    days = {str(e["SUMMARY"]): e.decoded("DTSTART")
            for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")}
    # Six days before Wednesday 15 January: Thursday 9 January, as the seed's agenda.
    assert days["Frist for dagsorden: Social- og Beskæftigelsesudvalget 15. januar 2025"] == (
        dt.date(2025, 1, 9))
    # Two days before Tuesday 22 April is Easter Sunday: back over Easter to Wednesday.
    assert days["Frist for dagsorden: Rådmandsmøde 22. april 2025"] == dt.date(2025, 4, 16)
    assert all(day.weekday() < 5 for day in days.values())


# Text from a plan: every letter of Danish, emoji, line breaks of every kind,
# the characters iCalendar escapes, and words too long for a line. A plan's
# texts hold no control characters but a note's tabs and line breaks (the
# validation pass refuses the rest): a title or a place is one line.
TEXTS = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc"),
                              include_characters="\t\r\n"), min_size=1,
                max_size=120) | st.sampled_from([
                    "æøå ÆØÅ 🎉🇩🇰", "a,b;c\\d:e", "line\r\nbreak\rand\nmore",
                    "x" * 500, "ø" * 300, "BEGIN:VEVENT\r\nUID:evil\r\nEND:VEVENT",
                    "\r\nSUMMARY:injected", "tab\there"])
LINES = st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1,
                max_size=120) | st.sampled_from([
                    "æøå ÆØÅ 🎉🇩🇰", "a,b;c\\d:e", "x" * 500, "ø" * 300,
                    "BEGIN:VEVENT UID:evil END:VEVENT", "SUMMARY:injected"])


def toml_string(value: str) -> str:
    """A TOML basic string holding any text."""
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\U{ord(c):08X}"
                      for c in value)
    return f'"{escaped}"'


@settings(max_examples=80, deadline=None)
@given(LINES, LINES, TEXTS)
@example("\\N", "0", "0")  # a backslash before an N: the ics package misreads it
def test_no_text_can_break_a_feed(title: str, place: str, note: str) -> None:
    plan_text = f'''
[[series]]
body = "sbu"
dates = [2025-01-15]
start = "18:15"
end = "19:45"

[[meeting]]
body = "sbu"
date = 2025-01-15
title = {toml_string(title)}
location = {toml_string(place)}
note = {toml_string(note)}
'''
    feed = feeds_of(plan_text)["sbu.ics"]
    raw = feed.encode("utf-8")
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75
        line.decode("utf-8")  # never a character cut in two
    lines = unfold(feed)
    assert lines.count("BEGIN:VEVENT") == 1
    # The ics package reads an escaped backslash before an N ("\\N", a title's
    # "\N") as a backslash and a line break; icalendar, ical, vobject and
    # ical.js read the backslash and the N. It is left out of such titles.
    wrong = {"ics"} if re.search(r"\\[nN]", title) else set()
    ((_, _, _, summary, _),) = agree(feed, tuple(p for p in PARSERS if p not in wrong))
    assert summary == (text_round(title).strip() or "Social- og Beskæftigelsesudvalget")
    (event,) = icalendar.Calendar.from_ical(feed).walk("VEVENT")
    assert str(event.get("LOCATION", "")) == text_round(place).strip()
    assert text_round(note).strip() in str(event["DESCRIPTION"])
    names = {line.split(":", 1)[0].split(";", 1)[0] for line in lines}
    assert names <= ALLOWED


ALLOWED = {"BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "NAME", "X-WR-CALNAME",
           "X-WR-TIMEZONE", "REFRESH-INTERVAL", "X-PUBLISHED-TTL", "TZID", "X-LIC-LOCATION",
           "TZNAME", "TZOFFSETFROM", "TZOFFSETTO", "DTSTART", "RRULE", "UID", "DTSTAMP",
           "LAST-MODIFIED", "SEQUENCE", "DTEND", "SUMMARY", "LOCATION", "DESCRIPTION",
           "STATUS", "TRANSP", "CATEGORIES", "COLOR", "X-APPLE-CALENDAR-COLOR", "URL",
           "X-AARSHJUL-SOURCE"}


def text_round(value: str) -> str:
    """What a TEXT value reads back as: line breaks as LF, control characters
    (not allowed in TEXT) gone."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(c for c in value if c in "\n\t" or not (ord(c) < 32 or 127 <= ord(c) <= 159))


NASTY = ["æøå ÆØÅ 🎉🇩🇰 – “citat”", "a,b;c\\d:e", "line\r\nbreak\rand\nmore", "ø" * 300,
         "BEGIN:VEVENT\r\nUID:evil\r\nEND:VEVENT", "\r\nSUMMARY:injected", "x" * 500]


@pytest.mark.parametrize("nasty", NASTY, ids=range(len(NASTY)))
def test_every_parser_reads_nasty_text_back(nasty: str) -> None:
    """A title and a place are one line (line breaks are the note's)."""
    line = one_line(nasty)
    feed = feeds_of(f'''
[[series]]
body = "sbu"
dates = [2025-01-15]
start = "18:15"
end = "19:45"
title = {toml_string(line)}
location = {toml_string(line)}

[[meeting]]
body = "sbu"
date = 2025-01-15
note = {toml_string(nasty)}
''')["sbu.ics"]
    ((_, _, _, summary, _),) = agree(feed)
    assert summary == line.strip()
    (event,) = icalendar.Calendar.from_ical(feed).walk("VEVENT")
    assert str(event["LOCATION"]) == line.strip()
    assert vobject.readOne(feed).vevent.location.value == line.strip()
    assert text_round(nasty).strip() in str(event["DESCRIPTION"])


def one_line(text: str) -> str:
    return " ".join(text.splitlines())


@pytest.mark.parametrize("nasty", NASTY, ids=range(len(NASTY)))
def test_a_rebuild_with_nasty_text_changes_nothing(tmp_path: Path, nasty: str) -> None:
    plan_text = PLAN + f'[[meeting]]\nbody = "sbu"\ndate = 2025-01-15\n' \
        f"title = {toml_string(one_line(nasty))}\nlocation = {toml_string(one_line(nasty))}\n" \
        f"note = {toml_string(nasty)}\n"
    write(tmp_path, plan_text, NOW)
    written, _ = write(tmp_path, plan_text, LATER)
    assert written == ()


def test_an_event_is_read_the_same_in_any_layout() -> None:
    """A server may keep an event's lines in its own order: icalendar reads
    the same event whatever the order."""
    plan = load_plan(EXAMPLE)
    feed = build_feeds(plan, agendas_of(plan), stamper=Stamper(NOW))["sbu.ics"]
    lines = unfold(feed)
    event = lines[lines.index("BEGIN:VEVENT") + 1:lines.index("END:VEVENT")]
    stamps, rest = event[1:4], event[4:]
    layouts = [event, [event[0], *rest, *stamps], [*reversed(rest), *stamps, event[0]]]
    read = [decode(f"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n{CRLF.join(layout)}\r\n"
                   "END:VEVENT\r\nEND:VCALENDAR\r\n") for layout in layouts]
    assert read[0][0].event is not None
    assert all(other == read[0] for other in read[1:])


@pytest.mark.parametrize("base_url", ["https://x.dk/hjul\r\nX-EVIL:1", "https://anne:Q1@x.dk/"])
def test_a_base_url_that_is_no_site_s_is_a_value_error(tmp_path: Path, base_url: str) -> None:
    """A script's base_url goes into every event's URL: one that could break
    a feed's line, or that holds a password, is refused before anything is
    made or written."""
    plan = make_plan(PLAN)
    with pytest.raises(ValueError, match=r"not an address|no user or password") as refused:
        build_feeds(plan, agendas_of(plan), stamper=Stamper(NOW), base_url=base_url)
    assert "Q1" not in str(refused.value)
    with pytest.raises(ValueError, match=r"not an address|no user or password"):
        write_feeds(plan, agendas_of(plan), tmp_path / "feeds", now=NOW, base_url=base_url)
    assert not (tmp_path / "feeds").exists()
