"""A stretch that Ctrl-C or SIGTERM must not cut in two ends first."""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Callable

import pytest

from aarshjul.signals import uninterrupted


def reached_in(kills: int, *, threads: int = 0) -> list[str]:
    """What a stretch reached that SIGTERM was sent ``kills`` times in,
    with ``threads`` other threads alive to take it; the signal, handled
    as the program handles it, stops it once the stretch is done."""
    def stop(signum: int, frame: object) -> None:
        raise SystemExit(128 + signum)

    reached: list[str] = []

    def stretch() -> None:
        with uninterrupted():
            for _ in range(kills):
                os.kill(os.getpid(), signal.SIGTERM)
                time.sleep(0.005)  # time for another thread to take it
            reached.append("the end of the stretch")

    done = threading.Event()
    others = [threading.Thread(target=done.wait) for _ in range(threads)]
    for other in others:
        other.start()
    before: Callable[..., object] | int | None = signal.signal(signal.SIGTERM, stop)
    try:
        with pytest.raises(SystemExit):
            stretch()
    finally:
        signal.signal(signal.SIGTERM, before)
        done.set()
        for other in others:
            other.join()
    return reached


def test_a_signal_waits_for_the_end_of_an_uninterrupted_stretch() -> None:
    assert reached_in(1) == ["the end of the stretch"]


def test_a_signal_waits_even_with_another_thread_to_take_it() -> None:
    """A signal mask holds a signal back from one thread only: with a
    second thread alive, the process's SIGTERM went to it, and the handler
    ran in the middle of the stretch."""
    assert reached_in(20, threads=1) == ["the end of the stretch"]
