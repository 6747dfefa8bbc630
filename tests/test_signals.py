"""A stretch that Ctrl-C or SIGTERM must not cut in two ends first."""

from __future__ import annotations

import os
import signal

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
