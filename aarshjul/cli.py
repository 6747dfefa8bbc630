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
import re
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from aarshjul._version import __version__
from aarshjul.errors import AarshjulError, Problem, Severity

if TYPE_CHECKING:
    from aarshjul.agenda.assembly import Agendas
    from aarshjul.model import Plan

F = TypeVar("F", bound=Callable[..., Any])

_FILE = click.Path(exists=True, dir_okay=False, readable=True)
if TYPE_CHECKING:
    _DateType = click.ParamType[dt.date]
else:  # click made ParamType generic only in 8.4; older ones cannot subscript it
    _DateType = click.ParamType


class _Date(_DateType):
    """A day as YYYY-MM-DD, with a message that says what is wrong with it."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.fail(f'"{text}" is not a date written YYYY-MM-DD (like 2025-01-15)', param,
                      ctx)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(f"{text} is not a date that exists", param, ctx)


_DATE = _Date()


def _base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An https:// (or http://) address with a server, and nothing a feed
    line could be broken by (it goes into every event's URL)."""
    if value is None:
        return None
    if re.fullmatch(r"https?://[^/\s?#]+(/[^\s?#]*)?", value) and value.isprintable():
        return value
    raise click.BadParameter(f'"{value}" is not an address like https://example.dk/aarshjul',
                             ctx, param)


_BASE_URL = click.option(
    "--base-url", metavar="URL", callback=_base_url,
    help="Where the site is (or will be) published, like https://example.dk/aarshjul: "
         "events link to their agenda pages, and the site shows the feeds' https:// and "
         "webcal:// addresses to subscribe to.")


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
        except BrokenPipeError:
            raise  # the reader went away: main() ends quietly
        except OSError as error:  # a folder that cannot be made or written to
            where = os.fsdecode(error.filename) if error.filename is not None else None
            _print_problems((Problem(Severity.ERROR, "cannot-write",
                                     f"could not write: {error.strerror or error}", where),))
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
def meetings(plan: str, bodies: tuple[str, ...], start: dt.date | None,
             end: dt.date | None, output: str) -> None:
    """List the meetings a plan gives, in date order.

    The list goes to standard output, warnings and errors to standard error.
    A plan whose meetings or agendas have errors is still listed, with exit
    status 1; one that cannot be read lists nothing.
    """
    from aarshjul.agenda import listing  # noqa: PLC0415
    from aarshjul.plan.reader import load_plan  # noqa: PLC0415
    from aarshjul.scheduling.meetings import select  # noqa: PLC0415

    if start and end and end < start:
        raise click.BadParameter("--to is before --from", param_hint="--to")
    loaded = load_plan(plan)
    for body in bodies:
        _known_body(loaded, body, "--body")
    result = _scheduled(loaded)
    found = select(result.meetings, body=bodies or None, start=start, end=end)
    if output == "json":
        click.echo(listing.as_json(found, result.by_uid))
    elif output == "csv":
        click.echo(listing.as_csv(found), nl=False)
    else:
        click.echo(listing.as_table(loaded, found), nl=False)
    _exit_for(result)


@cli.command()
@click.argument("plan", type=_FILE)
@click.argument("body")
@click.argument("day", metavar="DATE", type=_DATE)
@click.option("--format", "output", type=click.Choice(["text", "md", "html"]),
              default="text", show_default=True,
              help="Plain text like a written agenda, Markdown, or an HTML page.")
@_user_errors
def agenda(plan: str, body: str, day: dt.date, output: str) -> None:
    """One meeting's agenda with clock times, in the plan's language.

    BODY is the body's id, DATE the meeting's day (YYYY-MM-DD; for a moved
    meeting, the new day or the one it moved from). The text form reads like
    a written agenda, and `aarshjul check` reads it back.
    """
    from aarshjul.agenda.documents import render_agenda  # noqa: PLC0415
    from aarshjul.model import nearest_dates  # noqa: PLC0415
    from aarshjul.plan.reader import load_plan  # noqa: PLC0415

    loaded = load_plan(plan)
    _known_body(loaded, body, "BODY")
    result = _scheduled(loaded)
    found = result.meetings_on(body, day)
    if not found:
        near = ", ".join(d.isoformat() for d in nearest_dates(result.meetings, body, day))
        raise click.BadParameter(f'"{body}" has no meeting on {day} (nearest: '
                                 f"{near or 'none'})", param_hint="DATE")
    for meeting in found:
        click.echo(render_agenda(result.agenda(meeting), form=output,
                                 language=loaded.language), nl=False)
    _exit_for(result)


@cli.command()
@click.argument("plan", type=_FILE)
@click.option("-o", "--output", "folder", required=True,
              type=click.Path(file_okay=False, writable=True),
              help="The folder to write the feeds into (made if missing).")
@_BASE_URL
@_user_errors
def ical(plan: str, folder: str, base_url: str | None) -> None:
    """Write the iCal feeds: BODY.ics for each body, all.ics and deadlines.ics.

    Events that did not change since the feeds already in the folder keep
    their stamps, and a feed that did not change is not written at all. Set
    SOURCE_DATE_EPOCH for reproducible builds. A plan with errors writes
    nothing.
    """
    from aarshjul.ical.feeds import write_feeds  # noqa: PLC0415
    from aarshjul.plan.reader import load_plan  # noqa: PLC0415

    loaded = load_plan(plan)
    result = _scheduled(loaded)
    _exit_for(result)
    done = write_feeds(loaded, result, folder, base_url=base_url)
    for name in done.written:
        click.echo(f"wrote {Path(folder) / name}")
    for name in done.removed:
        click.echo(f"removed {Path(folder) / name} (its body is no longer in the plan)")
    removed = f", {len(done.removed)} removed" if done.removed else ""
    click.echo(f"{len(done.written)} feed{'s' if len(done.written) != 1 else ''} written, "
               f"{len(done.unchanged)} unchanged{removed}")


@cli.command()
@click.argument("plan", type=_FILE)
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="The SVG file to write; for several years, one file each (NAME-YEAR.svg).")
@click.option("--year", type=int, help="The year to draw (default: every year of the plan).")
@click.option("--today", type=_DATE, metavar="YYYY-MM-DD", help="Mark this day on the wheel.")
@_user_errors
def wheel(plan: str, target: str, year: int | None, today: dt.date | None) -> None:
    """Draw the årshjul of a plan as SVG: the year as a circle, a ring per body.

    Labels are in the plan's language; the picture suits a screen and an A3
    sheet. A plan over several years gives one wheel per year.
    """
    from aarshjul.plan.reader import load_plan  # noqa: PLC0415
    from aarshjul.wheel.drawing import wheel_svg  # noqa: PLC0415

    loaded = load_plan(plan)
    years = list(range(loaded.start.year, loaded.end.year + 1))
    if year is not None and year not in years:
        raise click.BadParameter(f"the plan covers {years[0]}–{years[-1]}", param_hint="--year")
    result = _scheduled(loaded)
    _exit_for(result)  # a plan with errors draws nothing
    chosen = [year] if year is not None else years
    path = Path(target)
    for each in chosen:
        out = path if len(chosen) == 1 else path.with_name(f"{path.stem}-{each}{path.suffix}")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(wheel_svg(loaded, result, year=each, today=today), encoding="utf-8")
        click.echo(f"wrote {out}")


@cli.command()
@click.argument("plan", type=_FILE)
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False),
              help="The folder of the site (made if missing).")
@_BASE_URL
@_user_errors
def build(plan: str, folder: str, base_url: str | None) -> None:
    """Build the static site: the wheel, coming meetings, agenda pages, feeds.

    The site works from any static host and from file://. An interrupted
    build leaves the old site whole; a build that changes nothing writes
    nothing. Set SOURCE_DATE_EPOCH for a reproducible build. A plan with
    errors builds nothing.
    """
    from aarshjul.plan.reader import load_plan  # noqa: PLC0415
    from aarshjul.site.build import build_site  # noqa: PLC0415

    loaded = load_plan(plan)
    result = _scheduled(loaded)
    _exit_for(result)
    done = build_site(loaded, result, folder, base_url=base_url)
    if done.changed:
        files = "file" if len(done.written) == 1 else "files"
        click.echo(f"built {folder}: {len(done.written)} {files} written, "
                   f"{len(done.removed)} removed, {done.unchanged} unchanged")
    else:
        click.echo(f"{folder} is up to date ({done.unchanged} files unchanged)")


@cli.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port on 127.0.0.1 (0: any free port).")
@_user_errors
def serve(folder: str, port: int) -> None:
    """Preview a built site on http://127.0.0.1:PORT/ until Ctrl-C.

    Feeds are served as text/calendar; charset=utf-8, with ETag and
    Last-Modified, so calendar programs on this machine can subscribe to
    the preview too. Nothing outside FOLDER is ever served.
    """
    from aarshjul.site.serve import make_server, run  # noqa: PLC0415

    try:
        server = make_server(folder, port=port)
    except OSError as error:  # only binding the port: errors while serving are others
        raise click.UsageError(f"cannot serve on port {port}: {error.strerror or error}"
                               ) from None
    run(server, folder)


@cli.command()
@click.argument("plan", type=_FILE)
@click.option("--url", required=True, metavar="URL",
              help="The calendar's CalDAV address (https://…/calendars/USER/CALENDAR/).")
@click.option("--user", metavar="NAME",
              help="Log in as NAME. The password comes from AARSHJUL_CALDAV_PASSWORD, or "
                   "is asked for on a terminal; it is never an option.")
@click.option("--body", "body_id", metavar="ID", help="Only this body's meetings.")
@_BASE_URL
@click.option("--dry-run", is_flag=True, help="Say what would change; change nothing.")
@_user_errors
def publish(plan: str, *, url: str, user: str | None, body_id: str | None,
            base_url: str | None, dry_run: bool) -> None:
    """Put the plan's meetings into a CalDAV calendar, one event each.

    Creates what is missing, updates what changed and removes the plan's own
    events that the plan no longer has; other events in the calendar are
    never touched. A second publish with nothing changed writes nothing. If
    a publish stops half-way, publish again: it does the rest.
    """
    from aarshjul.plan.reader import load_plan  # noqa: PLC0415
    from aarshjul.publishing.server import (  # noqa: PLC0415 - only publish needs it
        Calendar,
        check_url,
        summary_of,
    )
    from aarshjul.publishing.sync import plan_sync  # noqa: PLC0415
    from aarshjul.reproducible import build_time  # noqa: PLC0415

    url = check_url(url)
    loaded = load_plan(plan)
    if body_id is not None:
        _known_body(loaded, body_id, "--body")
    result = _scheduled(loaded)
    _exit_for(result)
    if user is not None and not user.strip():
        raise click.BadParameter("the user name is empty", param_hint="--user")
    calendar = Calendar(url, user=user, password=_password(user) if user else None)
    sync = plan_sync(loaded, result, calendar.events(), now=build_time(), body=body_id,
                     base_url=base_url)
    verbs = {"create": "created", "update": "updated", "remove": "removed"}
    if dry_run:
        for change in sync.changes:
            click.echo(f"would {change.action.value}: {change.label}")
    elif sync.changes and sys.stderr.isatty():
        with click.progressbar(length=len(sync.changes), label="Publishing",
                               file=sys.stderr) as bar:
            calendar.apply(sync.changes, lambda change: bar.update(1))
    else:
        calendar.apply(sync.changes, lambda change: click.echo(
            f"{verbs[change.action.value]}: {change.label}"))
    done = summary_of(sync, dry_run=dry_run)
    counts = (f"{done.created} to create, {done.updated} to update, {done.removed} to remove, "
              f"{done.unchanged} unchanged" if dry_run else
              f"{done.created} created, {done.updated} updated, {done.removed} removed, "
              f"{done.unchanged} unchanged")
    if dry_run:
        click.echo(f"dry run, nothing written: {counts}")
    elif done.changed:
        click.echo(f"published to {url}: {counts}")
    else:
        click.echo(f"{url} is up to date ({done.unchanged} events unchanged)")


def _password(user: str) -> str:
    """From the environment, or asked for on a terminal; never an option."""
    from aarshjul.publishing.server import PASSWORD_VARIABLE  # noqa: PLC0415

    password = os.environ.get(PASSWORD_VARIABLE)
    if password == "":
        raise click.UsageError(f"{PASSWORD_VARIABLE} is set but empty")
    if password is None and sys.stdin.isatty():
        password = click.prompt(f"Password for {user}", hide_input=True, err=True)
    if password is None:
        raise click.UsageError(f"no password for {user}: set {PASSWORD_VARIABLE}, or run "
                               "on a terminal to be asked for it")
    return str(password)


def _known_body(plan: Plan, body: str, hint: str) -> None:
    """A body named on the command line must be the plan's (exit 2 if not)."""
    known = [b.id for b in plan.bodies]
    if body not in known:
        raise click.BadParameter(f'no body "{body}" in {plan.source} (it has '
                                 f"{', '.join(known) or 'none'})", param_hint=hint)


def _scheduled(plan: Plan) -> Agendas:
    """The plan's meetings and agendas, their warnings and errors printed.

    Errors in meetings or agendas (an overlap, a case no meeting can take)
    do not stop the listing, which helps to decide what to change; the
    command then exits with 1 (see :func:`_exit_for`)."""
    from aarshjul.agenda.assembly import assemble  # noqa: PLC0415
    from aarshjul.scheduling.meetings import schedule  # noqa: PLC0415

    result = assemble(plan, schedule(plan))
    _print_problems(tuple(p for p in result.problems if p.severity is not Severity.INFO))
    return result


def _stopped(signum: int, frame: object) -> None:
    """Stopped from outside (systemd, ``timeout``, a cron job's limit): unwind
    as after Ctrl-C, so that a build removes its half-made staging folder and
    a feed its temporary file, instead of leaving them beside the old ones."""
    raise SystemExit(128 + signum)


def _exit_for(result: Agendas) -> None:
    if not result.ok:
        raise SystemExit(1)


def main(argv: list[str] | None = None) -> None:
    """The console entry point."""
    signal.signal(signal.SIGTERM, _stopped)
    try:
        cli.main(args=argv, prog_name="aarshjul")
    except BrokenPipeError:
        # The reader went away (``aarshjul meetings … | head``): not an error
        # worth a traceback. Point stdout at devnull so the exit flush is quiet.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
