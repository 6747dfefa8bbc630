"""``aarshjul ical PLAN -o DIR``: the feeds written, what it says it did,
and nothing written for a plan with errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from aarshjul.ical.feeds import build_feeds, write_feeds
from aarshjul.ical.stamps import Stamper

from .feed_parsers import unfold
from .feed_plans import NOW, PLAN
from .plans import EXAMPLE, HEADER, OVERLAPPING, agendas_of, make_plan, plan_file, plan_text


def test_the_feed_of_a_body_taken_out_of_the_plan_is_removed(run_cli, tmp_path: Path
                                                              ) -> None:
    feeds = tmp_path / "feeds"
    write_feeds(make_plan(PLAN), agendas_of(make_plan(PLAN)), feeds, now=NOW)
    (feeds / "mine.ics").write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    header = HEADER.replace('[[body]]\nid = "rm"\nname = "Rådmandsmøde"\n'
                            'location = "Rådhuset, lokale 398"\n', "")
    without_rm = plan_text(PLAN, header)
    assert 'id = "rm"' not in without_rm
    path = tmp_path / "plan.toml"
    path.write_text(without_rm, encoding="utf-8")
    result = run_cli("ical", str(path), "-o", str(feeds))
    assert result.exit_code == 0, result.output
    assert f"removed {feeds / 'rm.ics'}" in result.stdout
    assert "1 removed" in result.stdout
    assert sorted(p.name for p in feeds.iterdir()) == [
        ".aarshjul-feeds", "all.ics", "deadlines.ics", "mine.ics", "sbu.ics"]
    again = run_cli("ical", str(path), "-o", str(feeds))
    assert again.stdout.endswith("0 feeds written, 3 unchanged\n")


def test_old_feeds_that_icalendar_cannot_read_are_passed_over(run_cli, tmp_path: Path
                                                              ) -> None:
    """Without a manifest the old feeds are read for their stamps; one that
    icalendar fails on (here with an AttributeError of its own) has none to
    give, and the feeds are written anew."""
    out = tmp_path / "feeds"
    out.mkdir()
    (out / "all.ics").write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"
                                 "PRODID:-//aarshjul//aarshjul//DA\r\nBEGIN:VEVENT\r\nUID:x\r\n"
                                 "URL;VALUE=URI,TEXT:https://x.dk/\r\nEND:VEVENT\r\n"
                                 "END:VCALENDAR\r\n", encoding="utf-8")
    result = run_cli("ical", str(EXAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == "4 feeds written, 0 unchanged"


def test_the_command_writes_the_feeds(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "feeds"
    first = run_cli("ical", str(EXAMPLE), "-o", str(out))
    assert first.exit_code == 0
    assert first.stdout.splitlines()[-1] == "4 feeds written, 0 unchanged"
    second = run_cli("ical", str(EXAMPLE), "-o", str(out))
    assert second.stdout.strip() == "0 feeds written, 4 unchanged"


def test_a_plan_with_errors_writes_no_feed(run_cli, tmp_path: Path) -> None:
    plan = plan_file(tmp_path, OVERLAPPING)
    result = run_cli("ical", str(plan), "-o", str(tmp_path / "feeds"))
    assert result.exit_code == 1
    assert "error[overlap]" in result.stderr
    assert not (tmp_path / "feeds").exists() or not list((tmp_path / "feeds").iterdir())


@pytest.mark.parametrize("epoch", ["²", "-5", "1.5e9", "99999999999999999"])
def test_a_source_date_epoch_that_is_no_time_is_an_error(
        run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, epoch: str) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    result = run_cli("ical", str(EXAMPLE), "-o", str(tmp_path))
    assert result.exit_code == 1
    # Said in the example plan's language, Danish.
    assert f'SOURCE_DATE_EPOCH: error[bad-source-date-epoch]: "{epoch}" er ikke et tidspunkt' \
        in result.output
    assert list(tmp_path.iterdir()) == []


def test_each_feed_written_is_a_line(run_cli, tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    plan, out = plan_file(tmp_path, PLAN), tmp_path / "feeds"
    first = run_cli("ical", str(plan), "-o", str(out))
    assert (first.exit_code, first.stderr) == (0, "")
    assert first.stdout == "".join(f"wrote {out / name}\n" for name in (
        "sbu.ics", "rm.ics", "all.ics", "deadlines.ics")) + "4 feeds written, 0 unchanged\n"
    (out / "rm.ics").unlink()
    again = run_cli("ical", str(plan), "-o", str(out))
    assert again.stdout == f"wrote {out / 'rm.ics'}\n1 feed written, 3 unchanged\n"
    assert (out / "rm.ics").read_bytes() == build_feeds(
        make_plan(PLAN), agendas_of(make_plan(PLAN)), stamper=Stamper(NOW))["rm.ics"].encode()


def test_events_link_to_the_agenda_pages_at_the_base_url(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "feeds"
    result = run_cli("ical", str(EXAMPLE), "-o", str(out), "--base-url", "https://x.dk/hjul")
    assert result.exit_code == 0
    lines = unfold((out / "sbu.ics").read_text(encoding="utf-8"))
    assert "URL;VALUE=URI:https://x.dk/hjul/agendas/sbu/2025-01-15.html" in lines


def test_a_folder_of_someone_else_s_feeds_is_refused(run_cli, tmp_path: Path) -> None:
    """As build refuses a folder it did not build: no manifest, and .ics
    files another program wrote, which the feeds would replace."""
    out = tmp_path / "feeds"
    out.mkdir()
    mine = "BEGIN:VCALENDAR\r\nPRODID:-//Microsoft Corporation//Outlook//EN\r\n"
    (out / "all.ics").write_text(mine, encoding="utf-8")
    result = run_cli("ical", str(EXAMPLE), "-o", str(out))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr.startswith(
        f"{out}: error[not-a-feed-folder]: mappen indeholder .ics-filer, men ingen "
        ".aarshjul-feeds, så aarshjul har ikke skrevet dem: ")
    assert [p.name for p in out.iterdir()] == ["all.ics"]
    assert (out / "all.ics").read_bytes() == mine.encode("utf-8")
    (out / "all.ics").rename(out / "notes.txt")  # other files are no feeds to replace
    assert run_cli("ical", str(EXAMPLE), "-o", str(out)).exit_code == 0
    assert (out / "notes.txt").read_bytes() == mine.encode("utf-8")
