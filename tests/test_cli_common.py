"""What the commands share: the date type, the --base-url check, and the
handler that turns a user's error into located lines and exit status 1."""

from __future__ import annotations

import datetime as dt
import errno
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from aarshjul.cli import Commands, cli
from aarshjul.cli.common import DATE, base_url_option
from aarshjul.errors import PlanError, Problem, Severity
from aarshjul.messages import verbatim

from .plans import EXAMPLE


@pytest.mark.parametrize(("value", "message"), [
    ("2025-02-30", "2025-02-30 is not a date that exists"),
    ("15-01-2025", '"15-01-2025" is not a date written YYYY-MM-DD'),
])
def test_dates_on_the_command_line(run_cli, value: str, message: str) -> None:
    result = run_cli("agenda", str(EXAMPLE), "sbu", value)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_folder_that_cannot_be_written_is_a_located_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = run_cli("ical", str(EXAMPLE), "-o", str(tmp_path / "a-file" / "feeds"))
    assert result.exit_code == 1
    # The example plan is Danish: so are the errors met after reading it.
    assert f"{tmp_path / 'a-file' / 'feeds'}: error[cannot-write]: kunne ikke skrive: " \
        "Not a directory" in result.output
    assert run_cli("ical", str(EXAMPLE), "-o", str(tmp_path / "site" / "feeds")).exit_code == 0
    (tmp_path / "site" / "feeds" / "sbu.ics").unlink()
    (tmp_path / "site" / "feeds" / "sbu.ics").mkdir()  # a folder in a file's place
    result = run_cli("ical", str(EXAMPLE), "-o", str(tmp_path / "site" / "feeds"))
    assert result.exit_code == 1
    assert "sbu.ics: error[cannot-write]: kunne ikke skrive: Is a directory" in result.output


def test_a_folder_the_feeds_cannot_be_written_to_is_cannot_write(run_cli) -> None:
    """Exit 1 and the folder, as the docs say, not a usage error. /proc/self
    is a folder no one may write to, root neither (the tests run as root in
    CI, where a folder of mode 555 would stop nothing)."""
    folder = Path("/proc/self")
    result = run_cli("ical", str(EXAMPLE), "-o", str(folder))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{folder}: error[cannot-write]: kunne ikke skrive: ")


@pytest.mark.parametrize("command", ["ical", "build"])
def test_a_full_disk_names_the_output(run_cli, tmp_path: Path, command: str,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    # Where each writes its files (write_text_if_changed names its own file).
    monkeypatch.setattr("aarshjul.ical.feeds.write_text_if_changed", full)
    monkeypatch.setattr("aarshjul.site.staging._write", full)
    result = run_cli(command, str(EXAMPLE), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert result.stderr.startswith(str(tmp_path / "out"))
    assert result.stderr.endswith(": error[cannot-write]: kunne ikke skrive: "
                                  "No space left on device\n")


@pytest.mark.parametrize("command", ["ical", "build"])
@pytest.mark.parametrize("url", ["not a url", "https://x.dk/a\r\nX-EVIL:1", "ftp://x.dk/"])
def test_a_base_url_must_be_an_address(run_cli, tmp_path: Path, command: str, url: str) -> None:
    result = run_cli(command, str(EXAMPLE), "-o", str(tmp_path / "out"), "--base-url", url)
    assert result.exit_code == 2
    assert "is not an address like https://example.dk/aarshjul" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(("value", "day"), [
    ("2025-01-15", dt.date(2025, 1, 15)),
    (" 2024-02-29\n", dt.date(2024, 2, 29)),
    (dt.date(2025, 6, 1), dt.date(2025, 6, 1)),  # a default given as a date
])
def test_a_date_is_a_day_written_yyyy_mm_dd(value: object, day: dt.date) -> None:
    assert DATE.convert(value, None, None) == day


@pytest.mark.parametrize(("value", "message"), [
    ("15-01-2025", '"15-01-2025" is not a date written YYYY-MM-DD (like 2025-01-15)'),
    ("2025-1-15", '"2025-1-15" is not a date written YYYY-MM-DD (like 2025-01-15)'),
    ("20250115", '"20250115" is not a date written YYYY-MM-DD (like 2025-01-15)'),
    ("2025-01-15T10:00", '"2025-01-15T10:00" is not a date written YYYY-MM-DD (like 2025-01-15)'),
    ("", '"" is not a date written YYYY-MM-DD (like 2025-01-15)'),
    ("2025-02-29", "2025-02-29 is not a date that exists"),
    ("2025-13-01", "2025-13-01 is not a date that exists"),
])
def test_what_is_no_date_is_said(value: str, message: str) -> None:
    with pytest.raises(click.BadParameter) as bad:
        DATE.convert(value, None, None)
    assert bad.value.message == message


@click.command()
@base_url_option
def site(base_url: str | None) -> None:
    click.echo(repr(base_url))


@pytest.mark.parametrize("url", [
    "https://example.dk", "https://example.dk/aarshjul", "http://intra:8080/aarshjul/2025/",
    "https://xn--rshjul-bua.dk/møder"])
def test_a_base_url_is_taken_as_given(url: str) -> None:
    result = CliRunner().invoke(site, ["--base-url", url])
    assert (result.exit_code, result.stdout) == (0, f"{url!r}\n")
    assert CliRunner().invoke(site, []).stdout == "None\n"


@pytest.mark.parametrize("url", [
    "example.dk/aarshjul", "https://", "https:///aarshjul", "https://x.dk/a b",
    "https://x.dk/?side=1", "https://x.dk/#top", "https://x.dk/a\tb", "https://x.dk/a\x7f",
    "https://x.dk/a\u2028b", "webcal://x.dk/"])
def test_a_base_url_that_would_break_a_link_or_a_feed_is_refused(url: str) -> None:
    result = CliRunner().invoke(site, ["--base-url", url])
    assert result.exit_code == 2
    # The last line as the terminal shows it (splitlines would also split at U+2028).
    assert result.stderr.rstrip("\n").split("\n")[-1] == (
        f'Error: Invalid value for \'--base-url\': "{url}" is not an address like '
        "https://example.dk/aarshjul")


@pytest.mark.parametrize("url", ["https://anne:Q1@x.dk/hjul", "https://anne:Q1/Q2@x.dk/hjul",
                                 "https://anne:4711/Q2@x.dk/hjul"])
def test_a_base_url_with_a_password_is_refused_and_never_shown(url: str) -> None:
    """It would stand in every event of every feed, for anyone to read."""
    result = CliRunner().invoke(site, ["--base-url", url])
    assert result.exit_code == 2
    assert "no user or password" in result.stderr
    assert "Q1" not in result.output
    assert "Q2" not in result.output


@click.command()
@click.argument("what")
def failing(what: str) -> None:
    """Fails as WHAT says."""
    if what == "plan":
        raise PlanError([Problem(Severity.ERROR, "overlap", verbatim("two meetings at once"),
                                 "p.toml", 12),
                         Problem(Severity.WARNING, "holiday-date", verbatim("a holiday"),
                                 "p.toml", 3)])
    if what == "folder":
        raise NotADirectoryError(errno.ENOTDIR, "Not a directory", b"/srv/site/feeds")
    if what == "disk":
        raise OSError("the disk is full")
    if what == "pipe":
        raise BrokenPipeError(errno.EPIPE, "Broken pipe")
    if what == "bug":
        raise KeyError("a bug is not the user's error")
    click.echo("done")


GROUP = Commands(commands=[failing])
"""A group of aarshjul's kind, whose command asks for no handler."""


def test_a_user_s_error_is_its_located_lines_and_exit_1() -> None:
    result = CliRunner().invoke(GROUP, ["failing", "plan"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == ("p.toml:12: error[overlap]: two meetings at once\n"
                             "p.toml:3: warning[holiday-date]: a holiday\n")


def test_a_file_that_cannot_be_written_is_a_cannot_write_error_at_the_file() -> None:
    result = CliRunner().invoke(GROUP, ["failing", "folder"])
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == "/srv/site/feeds: error[cannot-write]: could not write: " \
        "Not a directory\n"
    nameless = CliRunner().invoke(GROUP, ["failing", "disk"])
    assert (nameless.exit_code, nameless.stderr) == (
        1, "<input>: error[cannot-write]: could not write: the disk is full\n")


def test_a_broken_pipe_and_a_bug_are_not_the_user_s_errors() -> None:
    # The reader went away: click ends with 1, and no message is written.
    piped = CliRunner().invoke(GROUP, ["failing", "pipe"], catch_exceptions=False)
    assert (piped.exit_code, piped.stdout, piped.stderr) == (1, "", "")
    with pytest.raises(KeyError):  # a traceback, to be reported
        CliRunner().invoke(GROUP, ["failing", "bug"], catch_exceptions=False)


def test_a_command_that_does_not_fail_is_left_alone() -> None:
    result = CliRunner().invoke(GROUP, ["failing", "nothing"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "done\n", "")
    assert type(cli) is Commands  # aarshjul's own commands run so


def test_a_site_that_cannot_be_written_is_named_not_its_lock(run_cli) -> None:
    folder = Path("/proc/self/site")  # no one may write there, root neither
    result = run_cli("build", str(EXAMPLE), "-o", str(folder))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{folder}: error[cannot-write]: kunne ikke skrive: ")


def test_an_error_met_after_reading_a_plan_is_said_in_the_plan_s_language(
        run_cli, tmp_path: Path) -> None:
    """A folder that cannot be written, found once the plan is read: said
    in the plan's language, English here, Danish for the example plan."""
    english = tmp_path / "en.toml"
    english.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        'language = "da"', 'language = "en"', 1), encoding="utf-8")
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    for plan, said in ((english, "could not write"), (EXAMPLE, "kunne ikke skrive")):
        result = run_cli("ical", str(plan), "-o", str(tmp_path / "a-file" / "feeds"))
        assert result.exit_code == 1
        assert f"error[cannot-write]: {said}: Not a directory" in result.stderr
