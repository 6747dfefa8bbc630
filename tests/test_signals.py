"""A stretch that Ctrl-C or SIGTERM must not cut in two ends first."""

from __future__ import annotations

import os
import signal
import threading
import time

import pytest

from aarshjul.signals import uninterrupted


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


def test_a_signal_waits_even_with_another_thread_to_take_it() -> None:
    """A signal mask holds a signal back from one thread only: with a
    second thread alive, the process's SIGTERM went to it, and the handler
    ran in the middle of the stretch."""
    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    reached = []

    def stretch() -> None:
        with uninterrupted():
            for _ in range(20):  # time for the other thread to take it
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(0.005)
            reached.append("the end of the stretch")

    done = threading.Event()
    other = threading.Thread(target=done.wait)
    other.start()
    before = signal.signal(signal.SIGTERM, stop)
    try:
        with pytest.raises(SystemExit):
            stretch()
    finally:
        signal.signal(signal.SIGTERM, before)
        done.set()
        other.join()
    assert reached == ["the end of the stretch"]
