"""Publishing into a CalDAV calendar, against a real Radicale server that the
tests start (tests/radicale.py), checked with plain CalDAV requests."""

from __future__ import annotations

import datetime as dt
import os
import pty
import re
import select
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import icalendar
import pytest

from aarshjul import load_plan
from aarshjul.errors import PublishError
from aarshjul.ical.encode import SOURCE
from aarshjul.ical.feeds import build_feeds
from aarshjul.ical.stamps import Stamper
from aarshjul.publishing.server import PASSWORD_VARIABLE, publish
from aarshjul.publishing.sync import Action, Held, plan_sync

from .plans import EXAMPLE, ROOT, agendas_of, make_plan, plan_text
from .radicale import PASSWORD, USER, Radicale

NOW = dt.datetime(2025, 1, 1, 12, 0, tzinfo=dt.UTC)

PLAN = """
[[series]]
id = "udvalg"
body = "sbu"
dates = [2025-01-15, 2025-02-12, 2025-03-12]
start = "18:15"
end = "19:45"

[[series]]
id = "raadmand"
body = "rm"
dates = [2025-01-14, 2025-01-21]
start = "10:00"
end = "11:00"

[[meeting]]
body = "sbu"
date = 2025-03-12
status = "cancelled"
"""

FOREIGN = """\
BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//Someone//Else//DA\r
BEGIN:VEVENT\r
UID:{uid}\r
DTSTAMP:20250101T000000Z\r
DTSTART:20250115T080000Z\r
DTEND:20250115T090000Z\r
SUMMARY:{summary}\r
{extra}END:VEVENT\r
END:VCALENDAR\r
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    radicale = Radicale(tmp_path_factory.mktemp("radicale")).start()
    yield radicale
    radicale.stop()


@pytest.fixture
def calendar(server: Radicale, request: pytest.FixtureRequest) -> str:
    return server.make_calendar(re.sub(r"\W", "-", request.node.name)[:60])


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD)
    return PASSWORD


def write_plan(folder: Path, extra: str = "", name: str = "plan.toml") -> Path:
    path = folder / name
    path.write_text(plan_text(PLAN + extra), encoding="utf-8")
    return path


def events_by_uid(server: Radicale, url: str) -> dict[str, icalendar.Event]:
    found = {}
    for _, text in server.events(url).values():
        for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
            found[str(event["UID"])] = event
    return found


def publish_cli(run_cli, plan: Path, url: str, *more: str):
    return run_cli("publish", str(plan), "--url", url, "--user", USER, *more)


def test_every_meeting_becomes_one_event_as_in_the_feeds(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    plan = write_plan(tmp_path)
    result = publish_cli(run_cli, plan, calendar)
    assert result.exit_code == 0, result.output
    assert f"published to {calendar}: 5 created, 0 updated, 0 removed, 0 unchanged" \
        in result.output
    # Not a terminal: a plain line for each change.
    assert "created: sbu 2025-01-15 18:15 Social- og Beskæftigelsesudvalget" in result.output
    held = events_by_uid(server, calendar)
    loaded = load_plan(plan)
    meetings = agendas_of(loaded).meetings
    assert set(held) == {m.uid for m in meetings}
    feed = icalendar.Calendar.from_ical(build_feeds(
        loaded, agendas_of(loaded), stamper=Stamper(NOW))["all.ics"])
    for event in feed.walk("VEVENT"):
        there = held[str(event["UID"])]
        for name in ("SUMMARY", "LOCATION", "STATUS", "DESCRIPTION", SOURCE, "SEQUENCE"):
            assert str(there.get(name)) == str(event.get(name)), name
        assert there.decoded("DTSTART") == event.decoded("DTSTART")
        assert there.decoded("DTEND") == event.decoded("DTEND")
    cancelled = [m for m in meetings if m.date == dt.date(2025, 3, 12)]
    assert str(held[cancelled[0].uid]["STATUS"]) == "CANCELLED"


def test_a_second_publish_with_no_change_writes_nothing(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    plan = write_plan(tmp_path)
    assert publish_cli(run_cli, plan, calendar).exit_code == 0
    before = server.events(calendar)
    again = publish_cli(run_cli, plan, calendar)
    assert again.exit_code == 0
    assert again.output.strip().endswith(f"{calendar} is up to date (5 events unchanged)")
    assert server.events(calendar) == before  # ETags too: nothing was written


def test_an_edited_plan_updates_and_removes_only_what_changed(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    assert publish_cli(run_cli, write_plan(tmp_path), calendar).exit_code == 0
    before = events_by_uid(server, calendar)
    edited = tmp_path / "edited.toml"
    text = plan_text(PLAN.replace("dates = [2025-01-14, 2025-01-21]", "dates = [2025-01-14]")
                     + '\n[[meeting]]\nbody = "sbu"\ndate = 2025-02-12\nmoved_to = 2025-02-19\n'
                     '\n[[meeting]]\nbody = "sbu"\ndate = 2025-01-15\ntitle = "Temamøde"\n')
    edited.write_text(text, encoding="utf-8")
    result = publish_cli(run_cli, edited, calendar)
    assert result.exit_code == 0, result.output
    assert "2 updated, 1 removed, 2 unchanged" in result.output
    after = events_by_uid(server, calendar)
    assert set(after) == set(before) - {uid for uid, e in before.items()
                                        if e.decoded("DTSTART").date() == dt.date(2025, 1, 21)}
    moved = next(e for e in after.values() if e.decoded("DTSTART").date() == dt.date(2025, 2, 19))
    assert int(moved["SEQUENCE"]) == int(before[str(moved["UID"])]["SEQUENCE"]) + 1
    retitled = next(e for e in after.values() if str(e["SUMMARY"]) == "Temamøde")
    # A new title is news, but not a new time: the sequence stays.
    assert int(retitled["SEQUENCE"]) == int(before[str(retitled["UID"])]["SEQUENCE"])


def test_other_events_in_the_calendar_are_never_touched(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    server.put(calendar + "mine.ics", FOREIGN.format(uid="someone-else-1", summary="Frokost",
                                                     extra=""))
    server.put(calendar + "other-plan.ics", FOREIGN.format(
        uid="other-plan-1", summary="Andet udvalg", extra=f"{SOURCE}:another-plan/sbu\r\n"))
    foreign = dict(server.events(calendar).items())
    assert publish_cli(run_cli, write_plan(tmp_path), calendar).exit_code == 0
    empty = tmp_path / "empty.toml"
    empty.write_text(plan_text(""), encoding="utf-8")  # a plan with no meetings any more
    result = publish_cli(run_cli, empty, calendar)
    assert result.exit_code == 0, result.output
    assert "0 created, 0 updated, 5 removed, 0 unchanged" in result.output
    assert server.events(calendar) == foreign


def test_one_body_is_published_and_cleaned_up_alone(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    plan = write_plan(tmp_path)
    assert publish_cli(run_cli, plan, calendar, "--body", "rm").exit_code == 0
    assert {str(e[SOURCE]) for e in events_by_uid(server, calendar).values()} == {"test/rm"}
    assert publish_cli(run_cli, plan, calendar).exit_code == 0
    fewer = tmp_path / "fewer.toml"
    fewer.write_text(plan_text(PLAN.replace("2025-02-12, ", "").replace(
        "dates = [2025-01-14, 2025-01-21]", "dates = [2025-01-14]")), encoding="utf-8")
    # Only rm's meeting that went is removed; sbu's stays until sbu is published.
    result = publish_cli(run_cli, fewer, calendar, "--body", "rm")
    assert "0 created, 0 updated, 1 removed, 1 unchanged" in result.output
    assert len(events_by_uid(server, calendar)) == 4


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    result = publish_cli(run_cli, write_plan(tmp_path), calendar, "--dry-run")
    assert result.exit_code == 0, result.output
    assert "would create: rm 2025-01-14 10:00 Rådmandsmøde" in result.output
    assert "dry run, nothing written: 5 to create, 0 to update, 0 to remove" in result.output
    assert server.events(calendar) == {}


def test_a_wrong_password_fails_cleanly_and_is_never_shown(
        run_cli, tmp_path: Path, calendar: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, "forkert-kodeord")
    result = publish_cli(run_cli, write_plan(tmp_path), calendar)
    assert result.exit_code == 1
    assert f"{calendar}: error[unauthorized]: the server refused the user name and " \
        "password" in result.output
    assert "forkert-kodeord" not in result.output
    assert "Traceback" not in result.output


def test_the_password_is_never_an_argument(run_cli, tmp_path: Path, calendar: str,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    plan = write_plan(tmp_path)
    assert run_cli("publish", str(plan), "--url", calendar, "--password", "x").exit_code == 2
    with_secret = calendar.replace("http://", f"http://{USER}:{PASSWORD}@")
    result = run_cli("publish", str(plan), "--url", with_secret)
    assert result.exit_code == 1
    assert "error[bad-url]" in result.output
    assert PASSWORD not in result.output
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    result = publish_cli(run_cli, plan, calendar)  # no password, no terminal to ask on
    assert result.exit_code == 2
    assert f"no password for {USER}: set {PASSWORD_VARIABLE}" in result.output


def test_an_address_that_is_no_calendar(run_cli, tmp_path: Path, server: Radicale,
                                        password: str) -> None:
    plan = write_plan(tmp_path)
    principal = publish_cli(run_cli, plan, f"{server.base}/{USER}/")
    assert principal.exit_code == 1
    assert "error[not-a-calendar]" in principal.output
    missing = publish_cli(run_cli, plan, f"{server.base}/{USER}/no-such-calendar/")
    assert missing.exit_code == 1
    assert "error[not-found]" in missing.output
    assert "Traceback" not in principal.output + missing.output


def test_an_unreachable_server(run_cli, tmp_path: Path, password: str) -> None:
    from .radicale import _free_port  # noqa: PLC0415

    url = f"http://127.0.0.1:{_free_port()}/{USER}/moeder/"  # nobody listens there
    result = publish_cli(run_cli, write_plan(tmp_path), url)
    assert result.exit_code == 1
    assert f"{url}: error[unreachable]: could not read the calendar" in result.output


def test_a_server_that_fails_half_way_and_a_publish_that_finishes(
        tmp_path: Path) -> None:
    (tmp_path / "server").mkdir()
    radicale = Radicale(tmp_path / "server").start()
    try:
        url = radicale.make_calendar("moeder")
        plan = load_plan(write_plan(tmp_path))
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
        assert (done.created, done.updated, done.removed, done.unchanged) == (3, 0, 0, 2)
        assert len(radicale.events(url)) == 5
    finally:
        radicale.stop()


def test_the_sync_is_pure_and_reads_lines_in_any_order() -> None:
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    first = plan_sync(plan, result, [], now=NOW)
    assert first.count(Action.CREATE) == len(result.meetings)
    assert first.unchanged == 0
    # What a server gives back: the same lines, in its own order.
    held = [Held(f"/cal/{c.uid}.ics", _reversed_lines(c.text or "")) for c in first.changes]
    again = plan_sync(plan, result, held, now=NOW + dt.timedelta(days=1))
    assert again.changes == ()
    assert again.unchanged == len(result.meetings)


def test_events_are_compared_as_events_not_as_text() -> None:
    """A server that writes the events out anew (another folding, its own
    parameters, its own layout) holds the same events: nothing to change."""
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    rewritten = [Held(f"/cal/{c.uid}.ics",
                      icalendar.Calendar.from_ical(c.text or "").to_ical().decode("utf-8"))
                 for c in plan_sync(plan, result, [], now=NOW).changes]
    assert any(held.text.count("\r\n ") > 0 for held in rewritten)
    again = plan_sync(plan, result, rewritten, now=NOW + dt.timedelta(days=1))
    assert (again.changes, again.unchanged) == ((), len(result.meetings))


def test_a_server_s_line_order_does_not_count_as_a_new_time() -> None:
    plan = make_plan(PLAN)
    result = agendas_of(plan)
    held = [Held(f"/cal/{c.uid}.ics", _reversed_lines(c.text or ""))
            for c in plan_sync(plan, result, [], now=NOW).changes]
    retitled = make_plan(
        PLAN + '\n[[meeting]]\nbody = "sbu"\ndate = 2025-01-15\ntitle = "Temamøde"\n')
    (change,) = plan_sync(retitled, agendas_of(retitled), held, now=NOW).changes
    assert change.action is Action.UPDATE
    assert "SEQUENCE:0\r\n" in (change.text or "")
    later = make_plan(
        PLAN + '\n[[meeting]]\nbody = "sbu"\ndate = 2025-01-15\nstart = "19:00"\n')
    (change,) = plan_sync(later, agendas_of(later), held, now=NOW).changes
    assert change.action is Action.UPDATE
    assert "SEQUENCE:1\r\n" in (change.text or "")


def _reversed_lines(text: str) -> str:
    """The event's lines in another order, as some servers store them."""
    head, event = text.split("BEGIN:VEVENT\r\n", 1)
    body, tail = event.split("END:VEVENT\r\n", 1)
    lines = re.split(r"(?<=\r\n)(?! )", body)
    return f"{head}BEGIN:VEVENT\r\n{''.join(reversed(lines))}END:VEVENT\r\n{tail}"


def test_on_a_terminal_it_asks_for_the_password_and_shows_a_bar(
        tmp_path: Path, server: Radicale, calendar: str,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(PASSWORD_VARIABLE, raising=False)
    plan = write_plan(tmp_path)
    command = [sys.executable, "-m", "aarshjul", "publish", str(plan), "--url", calendar,
               "--user", USER]
    screen = _on_terminal(command, answers={b"Password for anne: ": PASSWORD.encode()})
    assert "Publishing" in screen
    assert "100%" in screen
    assert f"published to {calendar}: 5 created" in screen
    assert PASSWORD not in screen  # the typed password is not echoed
    assert len(server.events(calendar)) == 5


def _on_terminal(command: list[str], answers: dict[bytes, bytes]) -> str:
    """Run ``command`` with a pseudo-terminal for its input and output,
    answering prompts; what the terminal showed."""
    main, other = pty.openpty()
    process = subprocess.Popen(command, stdin=other, stdout=other, stderr=other,
                               cwd=ROOT, close_fds=True)
    os.close(other)
    shown = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the terminal closed: the program ended
                break
            shown += chunk
            for prompt, answer in list(answers.items()):
                if shown.endswith(prompt):
                    os.write(main, answer + b"\n")
                    del answers[prompt]
        elif process.poll() is not None:
            break
    process.wait(timeout=30)
    os.close(main)
    assert process.returncode == 0, shown.decode(errors="replace")
    return shown.decode("utf-8", errors="replace")


def test_a_plan_with_errors_publishes_nothing(run_cli, tmp_path: Path, password: str) -> None:
    # A case for a day the body does not meet: the plan's schedule has an error.
    unplaced = write_plan(tmp_path, '\n[[case]]\nbody = "sbu"\ntitle = "Sag"\n'
                                    'minutes = 10\ndate = 2025-01-16\n', name="broken.toml")
    from .radicale import _free_port  # noqa: PLC0415

    # Nobody listens there: the command stops before it connects.
    result = publish_cli(run_cli, unplaced, f"http://127.0.0.1:{_free_port()}/anne/moeder/")
    assert result.exit_code == 1
    assert "error[unplaced-case]" in result.output
    assert "unreachable" not in result.output


def test_a_body_the_plan_no_longer_has_loses_its_events(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    assert publish_cli(run_cli, write_plan(tmp_path), calendar).exit_code == 0
    rm_body = '[[body]]\nid = "rm"\nname = "Rådmandsmøde"\nlocation = "Rådhuset, lokale 398"\n'
    rm_series = ('[[series]]\nid = "raadmand"\nbody = "rm"\ndates = [2025-01-14, 2025-01-21]\n'
                 'start = "10:00"\nend = "11:00"\n')
    assert rm_body in plan_text("")
    assert rm_series in PLAN
    without_rm = tmp_path / "without-rm.toml"
    without_rm.write_text(plan_text(PLAN.replace(rm_series, "")).replace(rm_body, ""),
                          encoding="utf-8")
    result = publish_cli(run_cli, without_rm, calendar)
    assert result.exit_code == 0, result.output
    assert "removed: rm 2025-01-14 10:00 Rådmandsmøde" in result.output
    assert "0 created, 0 updated, 2 removed, 3 unchanged" in result.output
    assert {str(e[SOURCE]) for e in events_by_uid(server, calendar).values()} == {"test/sbu"}


def test_a_calendar_the_user_may_only_read(run_cli, tmp_path: Path, server: Radicale,
                                           password: str) -> None:
    url = server.read_only_calendar()
    result = publish_cli(run_cli, write_plan(tmp_path), url)
    assert result.exit_code == 1
    assert f"{url}: error[forbidden]: stopped after 0 of 5 changes: the server does not let " \
        "this user write an event (403)" in result.output
    assert server.events(url) == {}


@pytest.mark.parametrize("url", ["http://127.0.0.1:99999/anne/moeder/",
                                 "http://127.0.0.1:abc/anne/moeder/",
                                 "http://[::1/anne/moeder/",
                                 "http://127.0.0.1:5232/anne/mø der/",
                                 "http://anne@127.0.0.1:5232/anne/moeder/"])
def test_an_address_that_cannot_be_is_a_bad_url(run_cli, tmp_path: Path, password: str,
                                                url: str) -> None:
    result = publish_cli(run_cli, write_plan(tmp_path), url)
    assert result.exit_code == 1
    assert "error[bad-url]" in result.output


def test_updates_go_where_the_calendar_keeps_the_events(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    loaded = load_plan(write_plan(tmp_path))
    # Events another program imported from the feed, at addresses of its own.
    for number, change in enumerate(plan_sync(loaded, agendas_of(loaded), [], now=NOW).changes):
        server.put(f"{calendar}imported-{number}.ics", change.text or "")
    edited = tmp_path / "edited.toml"
    edited.write_text(plan_text(PLAN.replace('end = "19:45"', 'end = "20:00"')),
                      encoding="utf-8")
    result = publish_cli(run_cli, edited, calendar)
    assert "0 created, 3 updated, 0 removed, 2 unchanged" in result.output  # sbu's three
    held = server.events(calendar)
    assert len(held) == 5
    assert all("/imported-" in href for href in held)


def test_a_second_copy_of_an_event_is_removed() -> None:
    plan = make_plan(PLAN)
    result = agendas_of(plan)
    (first, *_) = plan_sync(plan, result, [], now=NOW).changes
    copies = [Held("/cal/a.ics", first.text or ""), Held("/cal/b.ics", first.text or "")]
    sync = plan_sync(plan, result, copies, now=NOW)
    assert [(c.action, c.href) for c in sync.changes if c.uid == first.uid] == [
        (Action.REMOVE, "/cal/b.ics")]


def test_events_link_to_their_agenda_pages_as_in_the_feeds(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    result = publish_cli(run_cli, write_plan(tmp_path), calendar,
                         "--base-url", "https://x.dk/hjul")
    assert result.exit_code == 0, result.output
    urls = {str(e["URL"]) for e in events_by_uid(server, calendar).values()}
    assert "https://x.dk/hjul/agendas/sbu/2025-01-15.html" in urls
    assert len(urls) == 5
