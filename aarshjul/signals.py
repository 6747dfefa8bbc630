"""Short stretches of work that Ctrl-C or SIGTERM must not cut in two.

Swapping a built site into place and removing what was staged for it take
moments; cut short, they leave a half-swapped or half-removed folder behind.
A signal that arrives meanwhile waits until they are done, then stops the
program as it would have.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


@contextlib.contextmanager
def uninterrupted() -> Iterator[None]:
    """Hold back SIGINT and SIGTERM inside the block."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks
        yield
        return
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
