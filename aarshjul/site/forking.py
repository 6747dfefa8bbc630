"""Two pieces of work at once, on two processors, without starting Python anew.

A large site's pages, wheels and feeds are independent computations of a
few hundred milliseconds each, all in Python; threads would take turns on
one processor. A forked copy of the process already holds the plan and the
schedule, so nothing is sent to it, and only its result (bytes) comes back.
Where a fork is not possible or not safe, the work runs here, one after the
other: the result is the same either way.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable
from typing import Any, BinaryIO, TypeVar

from aarshjul.signals import uninterrupted

A = TypeVar("A")
B = TypeVar("B")


def both(first: Callable[[], A], second: Callable[[], B]) -> tuple[A, B]:
    """``(first(), second())``, ``first`` in a forked child where that helps.
    An exception in either is raised here."""
    if not _can_fork():
        return first(), second()
    reader, writer = os.pipe()
    # As Python's documentation advises before a fork: what exists now is
    # left out of the cyclic collector's rounds, which would otherwise walk
    # (and in the worker, copy page by page) every object both processes
    # share. About 0.1 s of a 100-body site build.
    gc.freeze()
    try:
        child = os.fork()
    except OSError:  # no process to spare (EAGAIN, ENOMEM): one after the other, here
        gc.unfreeze()
        os.close(reader)
        os.close(writer)
        return first(), second()
    if child == 0:  # pragma: no cover - runs in the child, which never returns
        _run_child(first, reader, writer)
    os.close(writer)
    try:
        mine = second()
        # Read as it comes: a site's pages are tens of megabytes, and fresh
        # memory for one more copy of them costs more than the reading.
        with os.fdopen(reader, "rb", closefd=False) as pipe:
            try:
                result: tuple[bool, Any] | None = pickle.load(pipe)
            except Exception:  # nothing came, or half of it: said below
                result = None
    except BaseException:
        os.kill(child, signal.SIGKILL)  # its half is of no use now: no need to wait for it
        raise
    finally:
        # Whatever happens here, the worker is waited for: none is left
        # running (or writing) behind the one who called.
        with uninterrupted():
            os.close(reader)  # a child still writing stops with a broken pipe
            _, status = os.waitpid(child, 0)
        gc.unfreeze()  # a long-lived caller's objects are collectable again
    code = os.waitstatus_to_exitcode(status)
    if code != 0 or result is None:
        how = (f"was stopped by signal {-code} ({signal.strsignal(-code)})" if code < 0
               else f"exited with status {code}")
        raise ChildProcessError(f"the worker process ended without a result (it {how})")
    done, value = result
    if not done:
        raise value
    return value, mine


def _can_fork() -> bool:
    # Linux only: macOS's system libraries are not safe in a forked child
    # (which is why Python starts its worker processes afresh there). Forking
    # a process with other threads can copy a lock that one of them holds;
    # and a single processor gains nothing.
    if sys.platform != "linux" or threading.active_count() != 1:
        return False
    return len(os.sched_getaffinity(0)) > 1


def _run_child(work: Callable[[], object], reader: int, writer: int) -> None:  # pragma: no cover
    status = 0
    try:
        os.close(reader)
        with os.fdopen(writer, "wb") as pipe:
            try:
                result = work()
            except BaseException as error:  # every error goes to the parent
                # Where it happened: a pickled exception loses its traceback.
                error.add_note(traceback.format_exc().rstrip())
                _send_error(error, pipe)
            else:
                pickle.dump((True, result), pipe, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:  # a result that cannot travel: the parent says so
        status = 1
    finally:
        # Nothing of the parent's (atexit handlers, buffered output) may run twice.
        os._exit(status)


def _send_error(error: BaseException, pipe: BinaryIO) -> None:  # pragma: no cover
    try:
        data = pickle.dumps((False, error))
    except Exception:  # an error that cannot travel as it is
        data = pickle.dumps((False, RuntimeError(repr(error))))
    pipe.write(data)
