"""The ``aarshjul`` command: a thin click layer over the library.

Each command converts its arguments, calls the library, renders the result
and returns. Exit status (SPEC §5): 0 done; 1 the inputs have errors (printed
as located problems, never a traceback); 2 the command could not run
(click's usage errors, a missing file). The commands live in modules of
their own, imported when one runs (:class:`~aarshjul.cli.lazy.LazyGroup`).
"""

from __future__ import annotations

import gc
import importlib
import os
import signal
import sys
from typing import Any

import click

from aarshjul._version import __version__
from aarshjul.cli.lazy import LazyGroup

__all__ = ["Commands", "cli", "main"]

# Each command: where it is defined, and its summary for `aarshjul --help`
# (the first line of its help, which a test holds it to), so that listing the
# commands imports none of them.
COMMANDS = {
    "check": ("aarshjul.cli.checking.check",
              "Check plans (.toml) and written agendas (.txt, .md, .docx)."),
    "meetings": ("aarshjul.cli.listing.meetings",
                 "List the meetings a plan gives, in date order."),
    "cases": ("aarshjul.cli.listing.cases",
              "List the cases a plan places, step by step, with each step's deadline."),
    "agenda": ("aarshjul.cli.listing.agenda",
               "One meeting's agenda with clock times, in the plan's language."),
    "ical": ("aarshjul.cli.feeds.ical",
             "Write the iCal feeds: BODY.ics for each body, all.ics and deadlines.ics."),
    "wheel": ("aarshjul.cli.wheel.wheel",
              "Draw the årshjul of a plan: twelve months as a circle, a ring per body."),
    "build": ("aarshjul.cli.site.build",
              "Build the static site: the wheel, coming meetings, agenda pages, feeds."),
    "serve": ("aarshjul.cli.serving.serve",
              "Preview a built site on http://127.0.0.1:PORT/ until Ctrl-C."),
    "publish": ("aarshjul.cli.publishing.publish_command",
                "Put the plan's meetings into a CalDAV calendar, one event each."),
    "import": ("aarshjul.cli.importing.import_command",
               "Write a plan from calendar exports (.ics) and lists of dates (.csv, .xlsx)."),
    "diff": ("aarshjul.cli.diff.diff",
             "Tell what changed between two versions of a plan, a line a change."),
}


class Commands(LazyGroup):
    """The group of aarshjul's commands: each runs inside the one handler of
    the errors a user can make (``user_errors`` in cli/common.py), so that no
    command needs to ask for it."""

    def invoke(self, ctx: click.Context) -> Any:
        # The handler comes with the command that runs (whose module imports
        # cli/common.py too), not with this module: `aarshjul --help` needs
        # neither it nor the error types it loads.
        common = importlib.import_module("aarshjul.cli.common")
        with common.user_errors():
            return super().invoke(ctx)


@click.group(cls=Commands, lazy_subcommands=COMMANDS,
             context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="aarshjul")
def cli() -> None:
    """Plan a municipality's årshjul: meetings, timed agendas, feeds and a wheel.

    Start with `aarshjul check PLAN.toml` until it is clean, then list the
    meetings with `aarshjul meetings PLAN.toml`.
    """


def _stopped(signum: int, frame: object) -> None:
    """Stopped from outside (systemd, ``timeout``, a cron job's limit): unwind
    as after Ctrl-C, so that a build removes its half-made staging folder and
    a feed its temporary file, instead of leaving them beside the old ones."""
    raise SystemExit(128 + signum)


def main(argv: list[str] | None = None) -> None:
    """The console entry point."""
    signal.signal(signal.SIGTERM, _stopped)
    # A command is a short process that makes many small objects (meetings,
    # items, events) and keeps nearly all of them to the end: the cyclic
    # collector, which Python runs every 700 new objects, finds nothing to
    # free. Running it a hundred times less often saved 9-11 % of a 100-body
    # build (bench/site.py). The command's process, not the library, decides.
    gc.set_threshold(70_000, 10, 10)
    try:
        cli.main(args=argv, prog_name="aarshjul")
    except BrokenPipeError:
        # The reader went away (``aarshjul meetings … | head``): not an error
        # worth a traceback. Point stdout at devnull so the exit flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
