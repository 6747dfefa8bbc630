"""Publishing into a CalDAV calendar, the server's side (``publish``,
``check_url``): against a real Radicale server that the tests start
(tests/radicale.py), checked with plain CalDAV requests."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import icalendar
import pytest

from aarshjul import parse_plan
from aarshjul.errors import PublishError
from aarshjul.ical.encode import SOURCE
from aarshjul.ical.feeds import build_feeds
from aarshjul.ical.stamps import Stamper
from aarshjul.model import Plan
from aarshjul.publishing.server import Calendar, Published, check_url, publish
from aarshjul.publishing.sync import Action, plan_sync

from .fake_dav import CALENDAR, DECLARED, FLOOD, NO_EVENTS, TRICKLE, events_without_data, fake_dav
from .plans import agendas_of, make_plan, plan_text
from .publish_plans import FOREIGN, NOW, PLAN, without_rm
from .radicale import PASSWORD, USER, Radicale, free_port


def published(plan: Plan, url: str, **options: object) -> Published:
    """``plan`` published to ``url`` as the server's user."""
    return publish(plan, agendas_of(plan), url, user=USER, password=PASSWORD,
                   **options)  # type: ignore[arg-type]


def counts(done: Published) -> tuple[int, int, int, int]:
    return done.created, done.updated, done.removed, done.unchanged


def refused(plan: Plan, url: str, *, password: str = PASSWORD) -> str:
    """The one problem a publish that fails reports, as it is printed."""
    with pytest.raises(PublishError) as failed:
        publish(plan, agendas_of(plan), url, user=USER, password=password)
    (problem,) = failed.value.problems
    return problem.format()


def test_every_meeting_becomes_one_event_as_in_the_feeds(server: Radicale, calendar: str
                                                         ) -> None:
    plan = make_plan(PLAN)
    assert counts(published(plan, calendar)) == (5, 0, 0, 0)
    held = server.events_by_uid(calendar)
    meetings = agendas_of(plan).meetings
    assert set(held) == {m.uid for m in meetings}
    feed = icalendar.Calendar.from_ical(build_feeds(
        plan, agendas_of(plan), stamper=Stamper(NOW))["all.ics"])
    for event in feed.walk("VEVENT"):
        there = held[str(event["UID"])]
        for name in ("SUMMARY", "LOCATION", "STATUS", "DESCRIPTION", SOURCE, "SEQUENCE"):
            assert str(there.get(name)) == str(event.get(name)), name
        assert there.decoded("DTSTART") == event.decoded("DTSTART")
        assert there.decoded("DTEND") == event.decoded("DTEND")
    cancelled = [m for m in meetings if m.date == dt.date(2025, 3, 12)]
    assert str(held[cancelled[0].uid]["STATUS"]) == "CANCELLED"


def test_a_second_publish_with_no_change_writes_nothing(server: Radicale, calendar: str
                                                        ) -> None:
    plan = make_plan(PLAN)
    published(plan, calendar)
    before = server.events(calendar)
    again = published(plan, calendar)
    assert (again.changes, again.unchanged, again.changed) == ((), 5, False)
    assert server.events(calendar) == before  # ETags too: nothing was written


def test_an_edited_plan_updates_and_removes_only_what_changed(server: Radicale, calendar: str
                                                              ) -> None:
    published(make_plan(PLAN), calendar)
    before = server.events_by_uid(calendar)
    edited = make_plan(PLAN.replace("dates = [2025-01-14, 2025-01-21]", "dates = [2025-01-14]")
                       + '\n[[meeting]]\nbody = "sbu"\ndate = 2025-02-12\nmoved_to = 2025-02-19\n'
                       '\n[[meeting]]\nbody = "sbu"\ndate = 2025-01-15\ntitle = "Temamøde"\n')
    assert counts(published(edited, calendar)) == (0, 2, 1, 2)
    after = server.events_by_uid(calendar)
    assert set(after) == set(before) - {uid for uid, e in before.items()
                                        if e.decoded("DTSTART").date() == dt.date(2025, 1, 21)}
    moved = next(e for e in after.values() if e.decoded("DTSTART").date() == dt.date(2025, 2, 19))
    assert int(moved["SEQUENCE"]) == int(before[str(moved["UID"])]["SEQUENCE"]) + 1
    retitled = next(e for e in after.values() if str(e["SUMMARY"]) == "Temamøde")
    # A new title is news, but not a new time: the sequence stays.
    assert int(retitled["SEQUENCE"]) == int(before[str(retitled["UID"])]["SEQUENCE"])


def test_other_events_in_the_calendar_are_never_touched(server: Radicale, calendar: str
                                                        ) -> None:
    server.put(calendar + "mine.ics", FOREIGN.format(uid="someone-else-1", summary="Frokost",
                                                     extra=""))
    server.put(calendar + "other-plan.ics", FOREIGN.format(
        uid="other-plan-1", summary="Andet udvalg", extra=f"{SOURCE}:another-plan/sbu\r\n"))
    foreign = dict(server.events(calendar).items())
    published(make_plan(PLAN), calendar)
    # A plan with no meetings any more (which must be asked to remove them all).
    assert counts(published(make_plan(""), calendar, replace=True)) == (0, 0, 5, 0)
    assert server.events(calendar) == foreign


def test_a_meeting_a_calendar_program_gave_a_repeat_and_a_moved_one_is_put_back(
        server: Radicale, calendar: str) -> None:
    """What a calendar program writes when a user makes a meeting weekly
    and moves one of its repeats: one object, the master with an RRULE and
    an override with RECURRENCE-ID. The publish writes the one meeting back
    over the object, and removes nothing."""
    plan = make_plan(PLAN)
    first = published(plan, calendar, now=NOW).changes[0]  # rm's of 2025-01-14
    href = next(h for h in server.events(calendar) if first.uid in h)
    text = first.text or ""
    event = "BEGIN:VEVENT" + text.split("BEGIN:VEVENT")[1].split("END:VEVENT")[0] + "END:VEVENT\r\n"
    master = event.replace("SUMMARY:", "RRULE:FREQ=WEEKLY;COUNT=4\r\nSUMMARY:")
    moved = event.replace("SUMMARY:", "RECURRENCE-ID;TZID=Europe/Copenhagen:20250121T100000\r\n"
                          "SUMMARY:").replace("20250114T1", "20250122T1")
    server.put(href, text.replace(event, master + moved))
    assert len(icalendar.Calendar.from_ical(server.events(calendar)[href][1]).walk("VEVENT")) == 2
    assert counts(published(plan, calendar)) == (0, 1, 0, 4)
    held = server.events(calendar)
    assert len(held) == 5
    (back,) = icalendar.Calendar.from_ical(held[href][1]).walk("VEVENT")
    assert "RRULE" not in back
    assert back.decoded("DTSTART").date() == dt.date(2025, 1, 14)
    assert counts(published(plan, calendar)) == (0, 0, 0, 5)


def test_an_object_icalendar_cannot_read_is_left_alone(server: Radicale, calendar: str
                                                       ) -> None:
    """The server takes it (its own parser reads it); icalendar fails on
    it with an AttributeError. The publish goes on, and leaves it."""
    broken = FOREIGN.format(uid="broken", summary="x",
                            extra="URL;VALUE=URI,TEXT:https://x.dk/\r\n")
    server.put(calendar + "broken.ics", broken)
    assert counts(published(make_plan(PLAN), calendar)) == (5, 0, 0, 0)
    assert len(server.events(calendar)) == 6


def test_one_body_is_published_and_cleaned_up_alone(server: Radicale, calendar: str) -> None:
    plan = make_plan(PLAN)
    published(plan, calendar, body="rm")
    assert {str(e[SOURCE]) for e in server.events_by_uid(calendar).values()} == {"test/rm"}
    published(plan, calendar)
    fewer = make_plan(PLAN.replace("2025-02-12, ", "").replace(
        "dates = [2025-01-14, 2025-01-21]", "dates = [2025-01-14]"))
    # Only rm's meeting that went is removed; sbu's stays until sbu is published.
    assert counts(published(fewer, calendar, body="rm")) == (0, 0, 1, 1)
    assert len(server.events_by_uid(calendar)) == 4


def test_a_dry_run_reads_the_calendar_and_writes_nothing(server: Radicale, calendar: str
                                                         ) -> None:
    plan = make_plan(PLAN)
    done = published(plan, calendar, dry_run=True, now=NOW)
    assert done.dry_run
    assert done.changes == plan_sync(plan, agendas_of(plan), [], now=NOW).changes
    assert server.events(calendar) == {}


def test_a_wrong_password_fails_cleanly_and_is_never_shown(calendar: str) -> None:
    said = refused(make_plan(PLAN), calendar, password="forkert-kodeord")
    assert said == (f"{calendar}: error[unauthorized]: the server refused the user name and "
                    "password (check --user and AARSHJUL_CALDAV_PASSWORD)")


def test_an_address_that_is_no_calendar(server: Radicale) -> None:
    plan = make_plan(PLAN)
    principal = f"{server.base}/{USER}/"
    assert refused(plan, principal) == (
        f"{principal}: error[not-a-calendar]: the address is no calendar (a user's home, an "
        "address book, a single event or a web page): give the calendar's own address")
    missing = f"{server.base}/{USER}/no-such-calendar/"
    assert refused(plan, missing) == (
        f"{missing}: error[not-found]: there is no calendar at this address (404)")


def test_an_unreachable_server() -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}/{USER}/moeder/"  # nobody listens there
    assert refused(make_plan(PLAN), url) == (
        f"{url}: error[unreachable]: could not read the calendar: nothing answers at "
        f"127.0.0.1:{port} (connection refused)")


def test_a_server_that_fails_half_way_and_a_publish_that_finishes(
        tmp_path: Path) -> None:
    (tmp_path / "server").mkdir()
    radicale = Radicale(tmp_path / "server").start()
    try:
        url = radicale.make_calendar("moeder")
        plan = make_plan(PLAN)
        result = agendas_of(plan)
        written = []

        def stop_after_two(made: int, total: int, change: object) -> None:
            written.append((made, total, change))
            if made == 2:
                radicale.stop()  # the server goes away in the middle

        with pytest.raises(PublishError) as stopped:
            publish(plan, result, url, user=USER, password=PASSWORD, progress=stop_after_two)
        assert [(made, total) for made, total, _ in written] == [(1, 5), (2, 5)]
        (problem,) = stopped.value.problems
        assert problem.code == "unreachable"
        assert problem.message.startswith("stopped after 2 of 5 changes: could not write")
        assert problem.message.endswith("publish again to finish")
        radicale.start()
        done = publish(plan, result, url, user=USER, password=PASSWORD)
        assert counts(done) == (3, 0, 0, 2)
        assert len(radicale.events(url)) == 5
    finally:
        radicale.stop()


def test_progress_hears_of_each_change_in_order(calendar: str) -> None:
    plan = make_plan(PLAN)
    heard: list[tuple[int, int, str]] = []
    done = publish(plan, agendas_of(plan), calendar, user=USER, password=PASSWORD,
                   progress=lambda made, total, change: heard.append((made, total, change.uid)))
    assert heard == [(n, 5, change.uid) for n, change in enumerate(done.changes, 1)]


def test_a_body_the_plan_no_longer_has_loses_its_events(server: Radicale, calendar: str
                                                        ) -> None:
    published(make_plan(PLAN), calendar)
    done = published(parse_plan(without_rm(), source="without-rm.toml"), calendar)
    assert counts(done) == (0, 0, 2, 3)
    assert sorted(c.label for c in done.changes if c.action is Action.REMOVE) == [
        "rm 2025-01-14 10:00 Rådmandsmøde", "rm 2025-01-21 10:00 Rådmandsmøde"]
    assert {str(e[SOURCE]) for e in server.events_by_uid(calendar).values()} == {"test/sbu"}


def test_a_calendar_the_user_may_only_read(server: Radicale) -> None:
    url = server.read_only_calendar()
    assert refused(make_plan(PLAN), url) == (
        f"{url}: error[forbidden]: stopped after 0 of 5 changes: the server does not let this "
        "user write an event (403): ask for write access to the calendar")
    assert server.events(url) == {}


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999/anne/moeder/",
                                 "http://127.0.0.1:abc/anne/moeder/",
                                 "http://[::1/anne/moeder/",
                                 "http://127.0.0.1:5232/anne/mø der/",
                                 "http://anne@127.0.0.1:5232/anne/moeder/"])
def test_an_address_that_cannot_be_is_a_bad_url(url: str) -> None:
    with pytest.raises(PublishError) as bad:
        check_url(url)
    (problem,) = bad.value.problems
    assert (problem.code, problem.file) == ("bad-url", url)


@pytest.mark.parametrize(("url", "shown"), [
    ("http://anne:hemmelig@127.0.0.1:5232/anne/moeder/", "http://127.0.0.1:5232/anne/moeder/"),
    ("https://anne:hemmelig@[::1]:8443/anne/moeder/", "https://[::1]:8443/anne/moeder/"),
    # Addresses urllib cannot read: the password is still taken out.
    ("http://anne:hemmelig@127.0.0.1:abc/anne/moeder/", "http://127.0.0.1:abc/anne/moeder/"),
    ("http://anne:hemmelig@[::1/anne/moeder/", "http://[::1/anne/moeder/"),
])
def test_a_password_in_the_address_is_refused_and_never_shown(url: str, shown: str) -> None:
    with pytest.raises(PublishError) as bad:
        check_url(url)
    (problem,) = bad.value.problems
    assert (problem.code, problem.file) == ("bad-url", shown)
    assert "hemmelig" not in str(bad.value)


# Every piece of the password is a Q and a digit: none may be printed.
@pytest.mark.parametrize("url", [
    "http://anne:Q1/Q2?Q3#Q4@127.0.0.1:99999/cal/",  # / ? # in it: urllib reads port "Q1"
    "http://anne:Q1/Q2@127.0.0.1:5232/anne/moeder/",
    "http://anne:Q1@Q2:Q3@127.0.0.1:5232/anne/moeder/",  # @ and : in it
    "http://anne:Q1%2FQ2%40Q3@127.0.0.1:5232/anne/moeder/",  # percent-encoded
    "http://anne:Q1@127.0.0.1:99999/anne/moeder/",  # a port that cannot be
    "http://anne:Q1@127.0.0.1:abc/anne/moeder/",
    "http://anne:Q1@[::1/anne/moeder/",  # IPv6 without its ]
    "https://anne:Q1:Q2@[::1]:8443/anne/moeder/",
    "http:/anne:Q1@127.0.0.1:5232/anne/moeder/",  # one slash
    "http:anne:Q1@127.0.0.1:5232/anne/moeder/",
    "anne:Q1@127.0.0.1:5232/anne/moeder/",  # no scheme
    "webcal://anne:Q1@127.0.0.1/anne/moeder/",
    "http://anne:Q1@/anne/moeder/",  # no server
    "http://anne:Q1 Q2@127.0.0.1/anne/mø der/",  # a space
    "  http://anne:Q1@127.0.0.1/anne/moeder/\n",
])
def test_no_address_with_a_password_ever_shows_it(url: str) -> None:
    with pytest.raises(PublishError) as bad:
        check_url(url)
    (problem,) = bad.value.problems
    assert problem.code == "bad-url"
    assert not re.search(r"Q\d", problem.format()), problem.format()


def test_an_address_urllib_reads_otherwise_than_meant_is_never_shown(server: Radicale
                                                                      ) -> None:
    """To urllib, ``anne:4711`` before the first / is a server and its port;
    to its writer, maybe a user and the start of a password. The address
    can be, so it is asked for, and what goes wrong never shows it."""
    url = "http://anne:4711/Q1@127.0.0.1/anne/moeder/"
    assert check_url(url) == url
    said = refused(make_plan(PLAN), url)
    assert said.startswith("http://…@127.0.0.1/anne/moeder/: error[unreachable]: ")
    assert "4711" not in said
    assert "Q1" not in said


def test_an_address_with_a_user_in_the_path_is_a_calendar_s() -> None:
    """Nextcloud names a user's calendars by the login, which may have an @."""
    url = "https://cloud.example.dk/remote.php/dav/calendars/anne@example.dk/moeder/"
    assert check_url(f"  {url}\n") == url


def test_updates_go_where_the_calendar_keeps_the_events(server: Radicale, calendar: str
                                                        ) -> None:
    plan = make_plan(PLAN)
    # Events another program imported from the feed, at addresses of its own.
    for number, change in enumerate(plan_sync(plan, agendas_of(plan), [], now=NOW).changes):
        server.put(f"{calendar}imported-{number}.ics", change.text or "")
    edited = make_plan(PLAN.replace('end = "19:45"', 'end = "20:00"'))
    assert counts(published(edited, calendar)) == (0, 3, 0, 2)  # sbu's three
    held = server.events(calendar)
    assert len(held) == 5
    assert all("/imported-" in href for href in held)


def test_a_base_url_that_is_no_site_s_is_refused_before_the_server_is_asked() -> None:
    url = f"http://127.0.0.1:{free_port()}/{USER}/moeder/"  # nobody listens there
    plan = make_plan(PLAN)
    with pytest.raises(ValueError, match="no user or password"):
        publish(plan, agendas_of(plan), url, base_url="https://anne:Q1@x.dk/")


@pytest.mark.parametrize("marker", ["", f"{SOURCE}:another-plan/sbu\r\n"],
                         ids=["unmarked", "another-plan"])
def test_a_meeting_s_uid_in_an_event_not_the_plan_s(
        server: Radicale, calendar: str, marker: str) -> None:
    """Someone's own event (or another plan's) that holds one of the plan's
    UIDs is never written over: it is a located error, and the rest of the
    plan is published."""
    plan = make_plan(PLAN)
    meeting = agendas_of(plan).meetings[1]
    href = calendar + "theirs.ics"
    server.put(href, FOREIGN.format(uid=meeting.uid, summary="Mit eget", extra=marker))
    theirs = server.events(calendar)
    for expected in ((4, 0, 0, 0), (0, 0, 0, 4)):
        done = published(plan, calendar)
        assert counts(done) == expected
        (problem,) = done.problems
        assert (problem.code, problem.file) == ("not-ours", href)
        assert meeting.uid in problem.message
        held = server.events(calendar)
        assert held[next(iter(theirs))] == next(iter(theirs.values()))
        assert len(held) == 5


@pytest.mark.parametrize(("answers", "said"), [
    ({"PROPFIND": (200, b"")}, "could not read the calendar: the server answered 200 OK with "
     "nothing"),
    ({"PROPFIND": (204, b"")}, "could not read the calendar: the server answered 204 No Content "
     "with nothing"),
    ({"PROPFIND": (207, CALENDAR), "REPORT": (200, b"")}, "could not read the calendar's "
     "events: the server answered 200 OK with nothing"),
    ({"PROPFIND": (207, CALENDAR), "REPORT": (204, b"")}, "could not read the calendar's "
     "events: the server answered 204 No Content with nothing"),
    ({"PROPFIND": (207, CALENDAR), "REPORT": (207, events_without_data("/cal/x.ics"))},
     "could not read the calendar's events: the server gave the event /cal/x.ics without its "
     "calendar data"),
], ids=["propfind-200", "propfind-204", "report-200", "report-204", "no-data"])
def test_a_server_whose_answer_cannot_be_read(answers: dict[str, tuple[int, bytes]], said: str,
                                              caplog: pytest.LogCaptureFixture) -> None:
    with fake_dav(answers) as url:
        message = refused(make_plan(PLAN), url)
    assert message.startswith(f"{url}: error[server-failed]: {said}")
    assert not [r for r in caplog.records if r.exc_info]  # no traceback logged either


def test_two_plans_with_one_title_never_remove_each_other_s_events(server: Radicale,
                                                                     calendar: str) -> None:
    """Neither sets an id: both have the title's. Their meetings are of other
    bodies or dates, so no UID is shared. The second is refused until it has
    an id of its own, or is asked to replace the first's events."""
    untitled = 'id = "test"\n'
    first = parse_plan(plan_text(PLAN).replace(untitled, ""), source="first.toml")
    other = without_rm().replace("dates = [2025-01-15, 2025-02-12, 2025-03-12]",
                                 "dates = [2025-04-09, 2025-05-07]")
    second = parse_plan(other.replace(untitled, ""), source="second.toml")
    assert first.id == second.id == "testplan"
    published(first, calendar)
    before = server.events(calendar)
    for dry_run in (True, False):
        with pytest.raises(PublishError) as refused_:
            published(second, calendar, dry_run=dry_run)
        (problem,) = refused_.value.problems
        assert (problem.code, problem.file) == ("another-plan", calendar)
        assert problem.message.startswith(
            'the calendar holds 5 events of a plan with the id "testplan" and none of this '
            "plan's 2 meetings: a publish would remove them all.")
        assert server.events(calendar) == before
    own = parse_plan(other.replace(untitled, 'id = "second"\n'), source="second.toml")
    assert counts(published(own, calendar)) == (2, 0, 0, 0)
    assert counts(published(first, calendar)) == (0, 0, 0, 5)
    assert counts(published(own, calendar)) == (0, 0, 0, 2)
    assert counts(published(second, calendar, replace=True)) == (2, 0, 5, 0)


def test_an_answer_without_end_is_given_up_at_its_size_limit() -> None:
    """Sent as fast as it is read, without a length: the time limit would
    come only after the memory was full."""
    with fake_dav({"PROPFIND": (207, CALENDAR), "REPORT": FLOOD}) as url:
        calendar = Calendar(url, timeout=5, largest=2**20)
        with pytest.raises(PublishError) as large:
            calendar.events()
    (problem,) = large.value.problems
    assert problem.format() == (f"{url}: error[server-failed]: could not read the calendar's "
                                "events: the server's answer is larger than 1 MB")


def test_an_answer_is_refused_by_the_length_it_declares_before_it_is_read() -> None:
    """A gigabyte declared, two bytes sent: refused at once, not read until
    the server gives up."""
    with fake_dav({"PROPFIND": (207, CALENDAR), "REPORT": DECLARED}) as url:
        started = time.monotonic()
        with pytest.raises(PublishError) as large:
            Calendar(url, timeout=30, largest=2**20).events()
        assert time.monotonic() - started < 5
    assert large.value.problems[0].message.endswith("the server's answer is larger than 1 MB")


def test_an_answer_that_says_it_is_too_large_is_not_read() -> None:
    with fake_dav({"PROPFIND": (207, CALENDAR + b" " * 5000), "REPORT": (207, NO_EVENTS)}) as url:
        with pytest.raises(PublishError) as large:
            Calendar(url, largest=4096).events()
        assert Calendar(url, largest=8192).events() == []  # a whole answer is still read
    assert large.value.problems[0].code == "server-failed"
    assert "larger than 0.00390625 MB" in large.value.problems[0].message


def test_a_server_that_never_finishes_its_answer_is_given_up_at_the_limit() -> None:
    """A byte every 50 ms: no read from the socket ever waits long enough
    for the HTTP library's timeout. The request as a whole has a limit."""
    with fake_dav({"PROPFIND": (207, CALENDAR), "REPORT": TRICKLE}) as url:
        calendar = Calendar(url, timeout=5, limit=1)
        started = time.monotonic()
        with pytest.raises(PublishError) as slow:
            calendar.events()
        assert time.monotonic() - started < 3
    (problem,) = slow.value.problems
    assert problem.format() == (f"{url}: error[unreachable]: could not read the calendar's "
                                "events: the server took more than 1 s to answer")
