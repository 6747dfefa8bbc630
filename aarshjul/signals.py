"""Short stretches of work that Ctrl-C or SIGTERM must not cut in two.

Swapping a built site into place and removing what was staged for it take
moments; cut short, they leave a half-swapped or half-removed folder behind.
A signal that arrives meanwhile waits until they are done, then stops the
program as it would have.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

_HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold back SIGINT and SIGTERM inside the block, and raise the first
    that came once it is done.

    Python runs its signal handlers in the main thread whichever thread the
    signal reached, so holding them is replacing the handlers there, not
    masking the signal (a mask holds it for one thread only: another thread,
    a library's, would take it). Elsewhere than the main thread, which
    cannot set handlers, the block runs as it is.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    came: list[int] = []

    def hold(signum: int, _frame: FrameType | None) -> None:
        came.append(signum)

    before = {number: signal.signal(number, hold) for number in _HELD}
    try:
        yield
    finally:
        for number, handler in before.items():
            signal.signal(number, handler)
        if came:
            signal.raise_signal(came[0])
