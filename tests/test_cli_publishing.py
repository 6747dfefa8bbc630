"""``aarshjul publish``: what it prints, where the password comes from, and
what it refuses before it connects; against a real Radicale server that the
tests start (tests/radicale.py)."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aarshjul.cli.publishing import _Progress, _summary
from aarshjul.plan.reader import load_plan
from aarshjul.publishing.server import PASSWORD_VARIABLE, Published
from aarshjul.publishing.sync import Action, Change

from .fake_dav import CALENDAR, fake_dav
from .plans import ROOT, agendas_of
from .publish_plans import FOREIGN, write_plan
from .radicale import PASSWORD, USER, Radicale, free_port

SBU = "Social- og Beskæftigelsesudvalget"
CREATED = ["created: rm 2025-01-14 10:00 Rådmandsmøde",
           f"created: sbu 2025-01-15 18:15 {SBU}",
           "created: rm 2025-01-21 10:00 Rådmandsmøde",
           f"created: sbu 2025-02-12 18:15 {SBU}",
           f"created: sbu 2025-03-12 18:15 {SBU} (cancelled)"]


@pytest.fixture
def password(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv(PASSWORD_VARIABLE, PASSWORD)
    return PASSWORD


def publish_cli(run_cli, plan: Path, url: str, *more: str):
    return run_cli("publish", str(plan), "--url", url, "--user", USER, *more)


def test_each_change_is_a_line_and_the_last_sums_up(
        run_cli, tmp_path: Path, calendar: str, password: str) -> None:
    plan = write_plan(tmp_path)
    first = publish_cli(run_cli, plan, calendar)
    assert (first.exit_code, first.stderr) == (0, "")
    # Not a terminal: a plain line for each change, as it is made.
    assert first.stdout.splitlines() == [
        *CREATED, f"published to {calendar}: 5 created, 0 updated, 0 removed, 0 unchanged"]
    again = publish_cli(run_cli, plan, calendar)
    assert again.stdout == f"{calendar} is up to date (5 events unchanged)\n"


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    result = publish_cli(run_cli, write_plan(tmp_path), calendar, "--dry-run")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        *(line.replace("created:", "would create:") for line in CREATED),
        "dry run, nothing written: 5 to create, 0 to update, 0 to remove, 0 unchanged"]
    assert server.events(calendar) == {}


def test_one_body_s_meetings(run_cli, tmp_path: Path, calendar: str, password: str) -> None:
    result = publish_cli(run_cli, write_plan(tmp_path), calendar, "--body", "rm", "--dry-run")
    assert result.stdout.splitlines() == [
        "would create: rm 2025-01-14 10:00 Rådmandsmøde",
        "would create: rm 2025-01-21 10:00 Rådmandsmøde",
        "dry run, nothing written: 2 to create, 0 to update, 0 to remove, 0 unchanged"]


def test_a_body_the_plan_does_not_have_is_refused_with_those_it_has(
        run_cli, tmp_path: Path, password: str) -> None:
    plan = write_plan(tmp_path)
    result = publish_cli(run_cli, plan, f"http://127.0.0.1:{free_port()}/anne/moeder/",
                         "--body", "xyz")
    assert result.exit_code == 2
    assert f'Invalid value for --body: no body "xyz" in {plan} (it has sbu, rm)' \
        in result.stderr


@pytest.mark.parametrize(("summary", "done"), [
    ("would create: sbu 2025-01-15 18:15 Udvalg\nwould remove: rm old\n"
     "dry run, nothing written: 1 to create, 0 to update, 1 to remove, 3 unchanged",
     Published((Change(Action.CREATE, "a", "sbu 2025-01-15 18:15 Udvalg"),
                Change(Action.REMOVE, "b", "rm old")), 3, dry_run=True)),
    ("dry run, nothing written: 0 to create, 0 to update, 0 to remove, 7 unchanged",
     Published((), 7, dry_run=True)),
    ("published to https://x.dk/cal/: 1 created, 2 updated, 1 removed, 4 unchanged",
     Published((Change(Action.UPDATE, "a", "A"), Change(Action.CREATE, "b", "B"),
                Change(Action.REMOVE, "c", "C"), Change(Action.UPDATE, "d", "D")), 4)),
    ("https://x.dk/cal/ is up to date (70 events unchanged)", Published((), 70)),
], ids=["dry run", "dry run, nothing to do", "published", "up to date"])
def test_the_summary(summary: str, done: Published) -> None:
    assert _summary(done, "https://x.dk/cal/") == summary


def test_progress_off_a_terminal_is_a_line_for_each_change(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert not sys.stderr.isatty()
    with _Progress() as progress:
        progress(1, 3, Change(Action.CREATE, "a", "sbu 2025-01-15 18:15 Udvalg"))
        progress(2, 3, Change(Action.UPDATE, "b", "rm 2025-01-14 10:00 Rådmandsmøde"))
        progress(3, 3, Change(Action.REMOVE, "c", "rm 2025-01-21 10:00 Rådmandsmøde"))
    assert capsys.readouterr() == (
        "created: sbu 2025-01-15 18:15 Udvalg\nupdated: rm 2025-01-14 10:00 Rådmandsmøde\n"
        "removed: rm 2025-01-21 10:00 Rådmandsmøde\n", "")


def test_a_wrong_password_exits_1_and_is_never_shown(
        run_cli, tmp_path: Path, calendar: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, "forkert-kodeord")
    result = publish_cli(run_cli, write_plan(tmp_path), calendar)
    assert (result.exit_code, result.stdout) == (1, "")
    # Said in the plan's language, Danish.
    assert result.stderr == (f"{calendar}: error[unauthorized]: serveren afviste brugernavnet "
                             f"og adgangskoden (kontrollér --user og {PASSWORD_VARIABLE})\n")


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


def test_an_empty_user_name_is_misuse(run_cli, tmp_path: Path, password: str) -> None:
    result = run_cli("publish", str(write_plan(tmp_path)), "--url",
                     f"http://127.0.0.1:{free_port()}/anne/moeder/", "--user", "  ")
    assert result.exit_code == 2
    assert "Invalid value for --user: the user name is empty" in result.stderr


def test_an_empty_password_is_misuse(run_cli, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PASSWORD_VARIABLE, "")
    result = publish_cli(run_cli, write_plan(tmp_path),
                         f"http://127.0.0.1:{free_port()}/anne/moeder/")
    assert result.exit_code == 2
    assert f"Error: {PASSWORD_VARIABLE} is set but empty" in result.stderr


def test_a_bad_address_is_said_before_the_plan_is_read(run_cli, tmp_path: Path) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text("[plan\n", encoding="utf-8")
    result = run_cli("publish", str(broken), "--url", "ftp://x.dk/cal/")
    assert result.exit_code == 1
    assert result.stderr == (
        "ftp://x.dk/cal/: error[bad-url]: a calendar's address starts with https:// (or "
        "http://) and names a server, like "
        "https://cloud.example.dk/remote.php/dav/calendars/anne/moeder/\n")


def test_a_plan_with_errors_publishes_nothing(run_cli, tmp_path: Path, password: str) -> None:
    # A case for a day the body does not meet: the plan's schedule has an error.
    unplaced = write_plan(tmp_path, '\n[[case]]\nbody = "sbu"\ntitle = "Sag"\n'
                                    'minutes = 10\ndate = 2025-01-16\n', name="broken.toml")
    # Nobody listens there: the command stops before it connects.
    result = publish_cli(run_cli, unplaced, f"http://127.0.0.1:{free_port()}/anne/moeder/")
    assert result.exit_code == 1
    assert "error[unplaced-case]" in result.output
    assert "unreachable" not in result.output


def test_events_link_to_their_agenda_pages_as_in_the_feeds(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    result = publish_cli(run_cli, write_plan(tmp_path), calendar,
                         "--base-url", "https://x.dk/hjul")
    assert result.exit_code == 0, result.output
    urls = {str(e["URL"]) for e in server.events_by_uid(calendar).values()}
    assert "https://x.dk/hjul/agendas/sbu/2025-01-15.html" in urls
    assert len(urls) == 5


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
    assert "created: " not in screen  # the bar instead of a line for each change
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


def test_an_event_not_the_plan_s_with_one_of_its_uids_exits_1(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    plan = write_plan(tmp_path)
    uid = agendas_of(load_plan(str(plan))).meetings[0].uid
    server.put(calendar + "theirs.ics", FOREIGN.format(uid=uid, summary="Mit eget", extra=""))
    result = publish_cli(run_cli, plan, calendar)
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == (
        f"published to {calendar}: 4 created, 0 updated, 0 removed, 0 unchanged")
    # Said in the plan's language, Danish.
    assert result.stderr.startswith(f"{calendar}theirs.ics: error[not-ours]: begivenheden har "
                                    f"UID'en {uid} fra rm 2025-01-14 10:00 Rådmandsmøde, men ")
    assert "Traceback" not in result.output


def test_a_server_that_answers_nothing_exits_1_without_a_traceback(
        run_cli, tmp_path: Path, password: str) -> None:
    with fake_dav({"PROPFIND": (207, CALENDAR), "REPORT": (200, b"")}) as url:
        result = publish_cli(run_cli, write_plan(tmp_path), url)
    assert result.exit_code == 1
    assert result.stderr == (f"{url}: error[server-failed]: kunne ikke læse kalenderens "
                             "begivenheder: serveren svarede 200 OK uden indhold (en "
                             "CalDAV-server svarer 207 Multi-Status med XML): er dette "
                             "kalenderens adresse?\n")


def test_a_plan_with_the_id_of_another_s_in_the_calendar_is_refused_until_replace(
        run_cli, tmp_path: Path, server: Radicale, calendar: str, password: str) -> None:
    first = write_plan(tmp_path)
    assert publish_cli(run_cli, first, calendar).exit_code == 0
    later = tmp_path / "later.toml"
    text = first.read_text(encoding="utf-8")
    for month, later_month in (("01", "07"), ("02", "08"), ("03", "09")):
        text = text.replace(f"2025-{month}-", f"2025-{later_month}-")
    later.write_text(text, encoding="utf-8")  # every meeting on a new date: new UIDs
    before = server.events(calendar)
    refused = publish_cli(run_cli, later, calendar)
    assert refused.exit_code == 1
    assert refused.stderr.startswith(
        f'{calendar}: error[another-plan]: kalenderen indeholder 5 begivenheder fra en plan '
        'med id\'et "test" og ingen af denne plans 5 møder')
    assert server.events(calendar) == before
    replaced = publish_cli(run_cli, later, calendar, "--replace")
    assert (replaced.exit_code, replaced.stderr) == (0, "")
    assert replaced.stdout.endswith(
        f"published to {calendar}: 5 created, 0 updated, 5 removed, 0 unchanged\n")
