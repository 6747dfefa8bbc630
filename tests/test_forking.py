"""Two pieces of work at once: the same result as one after the other, and
every failure of the worker reported in the parent."""

from __future__ import annotations

import datetime as dt
import gc
import os
import signal
import sys
import time
from pathlib import Path

import pytest

from aarshjul import load_plan
from aarshjul.signals import uninterrupted
from aarshjul.site import forking
from aarshjul.site import pages as site_module
from aarshjul.site.pages import site_files

from .plans import EXAMPLE, agendas_of


def test_the_first_piece_runs_in_another_process_where_it_can(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # This machine: Linux, two processors, and no other thread in the suite.
    assert forking._can_fork() == (sys.platform == "linux" and len(os.sched_getaffinity(0)) > 1)
    monkeypatch.setattr(forking, "_can_fork", lambda: True)
    child, parent = forking.both(os.getpid, os.getpid)
    assert parent == os.getpid()
    assert child != parent


def test_without_a_fork_the_work_runs_here(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: False)
    assert forking.both(os.getpid, os.getpid) == (os.getpid(), os.getpid())


def test_an_error_in_the_worker_is_raised_here_with_where_it_happened(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: True)

    def fails_in_the_worker() -> None:
        raise ValueError("no meeting on 30 February")

    with pytest.raises(ValueError, match="no meeting on 30 February") as raised:
        forking.both(fails_in_the_worker, lambda: None)
    assert "in fails_in_the_worker" in "\n".join(raised.value.__notes__)


def test_an_error_that_cannot_travel_still_arrives_as_its_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: True)

    class Local(Exception):  # a class defined in a function cannot be pickled
        pass

    def fails() -> None:
        raise Local("an unpicklable error")

    with pytest.raises(Exception, match="an unpicklable error"):
        forking.both(fails, lambda: None)


def test_a_worker_that_dies_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: True)
    with pytest.raises(ChildProcessError, match="without a result"):
        forking.both(lambda: os._exit(3), lambda: None)


def test_an_error_here_still_ends_the_worker(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: True)

    def fails() -> None:
        raise KeyError("here")

    with pytest.raises(KeyError):
        forking.both(lambda: "x" * 1_000_000, fails)  # more than a pipe holds
    with pytest.raises(ChildProcessError):  # the worker was waited for: none is left
        os.waitpid(-1, os.WNOHANG)


def test_a_site_is_the_same_built_in_one_process_or_two(monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    now = dt.datetime(2025, 3, 14, 9, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(forking, "_can_fork", lambda: True)
    two = site_files(plan, result, now=now)
    monkeypatch.setattr(forking, "_can_fork", lambda: False)
    assert site_files(plan, result, now=now) == two


def test_an_error_here_stops_the_worker_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: True)

    def fails() -> None:
        raise KeyError("here")

    began = time.monotonic()
    with pytest.raises(KeyError):
        forking.both(lambda: time.sleep(120), fails)
    assert time.monotonic() - began < 60  # not waited for: its work is of no use
    with pytest.raises(ChildProcessError):  # and none is left
        os.waitpid(-1, os.WNOHANG)


def test_a_killed_worker_is_named_by_its_signal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: True)
    with pytest.raises(ChildProcessError, match=r"stopped by signal 9 \(Killed\)"):
        forking.both(lambda: os.kill(os.getpid(), signal.SIGKILL), lambda: None)


def test_a_killed_worker_is_one_line_and_changes_nothing(
        run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: True)
    site = tmp_path / "site"
    assert run_cli("build", str(EXAMPLE), "-o", str(site)).exit_code == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    monkeypatch.setattr(site_module, "_agendas",
                        lambda *args: os.kill(os.getpid(), signal.SIGKILL))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # another day: a changed site
    result = run_cli("build", str(EXAMPLE), "-o", str(site))
    assert result.exit_code == 2
    assert "the worker process ended without a result (it was stopped by signal 9" in \
        result.stderr
    assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_signal_waits_for_the_end_of_an_uninterrupted_stretch() -> None:
    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    reached = []

    def stretch() -> None:
        with uninterrupted():
            os.kill(os.getpid(), signal.SIGTERM)
            reached.append("the end of the stretch")

    before = signal.signal(signal.SIGTERM, stop)
    try:
        with pytest.raises(SystemExit):
            stretch()
    finally:
        signal.signal(signal.SIGTERM, before)
    assert reached == ["the end of the stretch"]


def test_the_collector_passes_over_shared_objects_while_both_run(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: True)
    worker, here = forking.both(gc.get_freeze_count, gc.get_freeze_count)
    assert worker > 0
    assert here > 0
    assert gc.get_freeze_count() == 0  # and afterwards, a caller's objects are its own again


def test_where_no_process_can_be_made_the_work_runs_here(
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: True)

    def no_process() -> int:
        raise BlockingIOError(11, "Resource temporarily unavailable")

    monkeypatch.setattr(os, "fork", no_process)
    assert forking.both(os.getpid, os.getpid) == (os.getpid(), os.getpid())
    assert gc.get_freeze_count() == 0
