"""The ``aarshjul`` command: a thin click layer over the library.

Each command converts its arguments, calls one library function, renders
the result and returns. Exit status (SPEC §5): 0 done; 1 the inputs have
errors (printed as located problems, never a traceback); 2 the command could
not run (click's usage errors, a missing file).
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

import click

from aarshjul._version import __version__
from aarshjul.errors import AarshjulError, Problem

if TYPE_CHECKING:
    from aarshjul.model import Plan
    from aarshjul.scheduling import Schedule

F = TypeVar("F", bound=Callable[..., Any])

_FILE = click.Path(exists=True, dir_okay=False, readable=True)
_DATE = click.DateTime(formats=["%Y-%m-%d"])


def _print_problems(problems: tuple[Problem, ...]) -> None:
    for problem in problems:
        click.echo(problem.format(), err=True)


def _user_errors(command: F) -> F:
    """Turn an AarshjulError into its located messages and exit status 1."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except AarshjulError as error:
            _print_problems(error.problems)
            raise SystemExit(1) from None

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="aarshjul")
def cli() -> None:
    """Plan a municipality's årshjul: meetings, timed agendas, feeds and a wheel.

    Start with `aarshjul check PLAN.toml` until it is clean, then list the
    meetings with `aarshjul meetings PLAN.toml`.
    """


def _checkable(ctx: click.Context, param: click.Parameter, files: tuple[str, ...]
               ) -> tuple[str, ...]:
    from aarshjul.check import CHECKABLE  # noqa: PLC0415

    for name in files:
        if os.path.splitext(name)[1].lower() not in CHECKABLE:  # noqa: PTH122
            raise click.BadParameter(f"{name}: cannot check this kind of file "
                                     f"(give {', '.join(CHECKABLE)})", ctx, param)
    return files


@cli.command()
@click.argument("files", nargs=-1, required=True, type=_FILE, callback=_checkable)
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="One line a finding, or JSON for programs.")
@_user_errors
def check(files: tuple[str, ...], output: str) -> None:
    """Check plans (.toml) and written agendas (.txt, .md, .docx).

    Prints every problem with its file and line (for .docx: the paragraph):
    for a plan, mistakes in the file, its meetings and its agendas; for a
    written agenda, whether its times add up. Exit status 0 when no file has
    errors (warnings and information are allowed), 1 when one has.
    """
    from aarshjul.check import check_path, report_record, reports_as_text  # noqa: PLC0415

    reports = [check_path(name) for name in files]
    if output == "json":
        import json  # noqa: PLC0415

        click.echo(json.dumps([report_record(r) for r in reports], ensure_ascii=False,
                              indent=2))
    else:
        click.echo(reports_as_text(reports))
    if not all(report.ok for report in reports):
        raise SystemExit(1)


@cli.command()
@click.argument("plan", type=_FILE)
@click.option("--body", "bodies", multiple=True, metavar="ID",
              help="Only this body's meetings (repeat for several).")
@click.option("--from", "start", type=_DATE, metavar="YYYY-MM-DD",
              help="Only meetings on or after this day.")
@click.option("--to", "end", type=_DATE, metavar="YYYY-MM-DD",
              help="Only meetings on or before this day.")
@click.option("--format", "output", type=click.Choice(["table", "json", "csv"]),
              default="table", show_default=True)
@_user_errors
def meetings(plan: str, bodies: tuple[str, ...], start: dt.datetime | None,
             end: dt.datetime | None, output: str) -> None:
    """List the meetings a plan gives, in date order.

    Warnings go to standard error; the list to standard output.
    """
    from aarshjul import listing  # noqa: PLC0415
    from aarshjul.plan_file import load_plan  # noqa: PLC0415
    from aarshjul.scheduling import select  # noqa: PLC0415

    if start and end and end < start:
        raise click.BadParameter("--to is before --from", param_hint="--to")
    loaded = load_plan(plan)
    known = [body.id for body in loaded.bodies]
    for body in bodies:
        if body not in known:
            raise click.BadParameter(f'no body "{body}" in {plan} (it has '
                                     f"{', '.join(known) or 'none'})", param_hint="--body")
    result = _scheduled(loaded)
    found = select(result.meetings, body=bodies or None,
                   start=start.date() if start else None, end=end.date() if end else None)
    if output == "json":
        click.echo(listing.as_json(found, result.agendas))
    elif output == "csv":
        click.echo(listing.as_csv(found), nl=False)
    else:
        click.echo(listing.as_table(loaded, found), nl=False)


@cli.command()
@click.argument("plan", type=_FILE)
@click.argument("body")
@click.argument("day", metavar="DATE", type=_DATE)
@click.option("--format", "output", type=click.Choice(["text", "md", "html"]),
              default="text", show_default=True,
              help="Plain text like a written agenda, Markdown, or an HTML page.")
@_user_errors
def agenda(plan: str, body: str, day: dt.datetime, output: str) -> None:
    """One meeting's agenda with clock times, in the plan's language.

    BODY is the body's id, DATE the meeting's day (YYYY-MM-DD; for a moved
    meeting, the new day or the one it moved from). The text form reads like
    a written agenda, and `aarshjul check` reads it back.
    """
    from aarshjul.agenda_text import render_agenda  # noqa: PLC0415
    from aarshjul.plan_file import load_plan  # noqa: PLC0415

    loaded = load_plan(plan)
    known = [b.id for b in loaded.bodies]
    if body not in known:
        raise click.BadParameter(f'no body "{body}" in {plan} (it has '
                                 f"{', '.join(known) or 'none'})", param_hint="BODY")
    result = _scheduled(loaded)
    date = day.date()
    found = result.meetings_on(body, date)
    if not found:
        theirs = [m for m in result.meetings if m.body == body]
        before = [m.date.isoformat() for m in theirs if m.date < date][-1:]
        after = [m.date.isoformat() for m in theirs if m.date > date][:1]
        near = ", ".join([*before, *after]) or "none"
        raise click.BadParameter(f'"{body}" has no meeting on {date} (nearest: {near})',
                                 param_hint="DATE")
    for meeting in found:
        click.echo(render_agenda(result.agenda(meeting), form=output,
                                 language=loaded.language), nl=False)


def _scheduled(plan: Plan) -> Schedule:
    """The plan's meetings and agendas; warnings printed, errors raised."""
    from aarshjul.errors import PlanError, Severity  # noqa: PLC0415
    from aarshjul.scheduling import schedule  # noqa: PLC0415

    result = schedule(plan)
    if not result.ok:
        raise PlanError([p for p in result.problems if p.is_error])
    _print_problems(tuple(p for p in result.problems if p.severity is Severity.WARNING))
    return result


def main(argv: list[str] | None = None) -> None:
    """The console entry point."""
    try:
        cli.main(args=argv, prog_name="aarshjul")
    except BrokenPipeError:
        # The reader went away (``aarshjul meetings … | head``): not an error
        # worth a traceback. Point stdout at devnull so the exit flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
