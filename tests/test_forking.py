"""Two pieces of work at once: the same result as one after the other, and
every failure of the worker reported in the parent."""

from __future__ import annotations

import datetime as dt
import os
import sys

import pytest

from aarshjul import forking, load_plan, schedule
from aarshjul.site import site_files

from .plans import EXAMPLE


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
    result = schedule(plan)
    now = dt.datetime(2025, 3, 14, 9, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(forking, "_can_fork", lambda: True)
    two = site_files(plan, result, now=now)
    monkeypatch.setattr(forking, "_can_fork", lambda: False)
    assert site_files(plan, result, now=now) == two
