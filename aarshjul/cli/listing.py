"""``aarshjul meetings``, ``aarshjul cases`` and ``aarshjul agenda``: what a
plan gives, to read."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import click

from aarshjul.agenda import case_listing, listing
from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.documents import FORMS, render_agenda
from aarshjul.cli.common import DATE, PLAN_FILE
from aarshjul.cli.planned import exit_for, known_body, planned
from aarshjul.files import write_bytes_if_changed
from aarshjul.model import Meeting, Plan, nearest_dates
from aarshjul.plan.reader import load_plan
from aarshjul.reproducible import source_date
from aarshjul.scheduling.meetings import select
from aarshjul.vocabulary import COMMAND_LINE as SAID

# The form a file asks for by its name, where --format does not say.
_FORM_OF_SUFFIX = {".json": "json", ".csv": "csv", ".xlsx": "xlsx"}


@click.command()
@click.argument("plan", type=PLAN_FILE)
@click.option("--body", "bodies", multiple=True, metavar="ID",
              help="Only this body's meetings (repeat for several).")
@click.option("--from", "start", type=DATE, metavar="YYYY-MM-DD",
              help="Only meetings on or after this day.")
@click.option("--to", "end", type=DATE, metavar="YYYY-MM-DD",
              help="Only meetings on or before this day.")
@click.option("--format", "form", type=click.Choice(["table", "json", "csv", "xlsx"]),
              help="How to list them (default: as -o's name ends, .json, .csv or .xlsx; "
                   "else table). xlsx is an Excel workbook of the CSV's columns, and "
                   "needs -o.")
@click.option("-o", "--output", "target", type=click.Path(), metavar="FILE",
              help="Write the list to FILE (whole or not at all) instead of standard output.")
def meetings(plan: str, *, bodies: tuple[str, ...], start: dt.date | None,
             end: dt.date | None, form: str | None, target: str | None) -> None:
    """List the meetings a plan gives, in date order.

    The list goes to standard output, or to the file -o names, warnings and
    errors to standard error. A plan whose meetings or agendas have errors
    is still listed, with exit status 1; one that cannot be read lists
    nothing. A workbook (--format xlsx) is written only to a file.
    """
    if form is None:  # as the file's name says
        form = _FORM_OF_SUFFIX.get(Path(target).suffix.lower(), "table") if target else "table"
    if form == "xlsx" and target is None:
        raise click.UsageError("--format xlsx writes an Excel workbook, which is no text for "
                               "standard output: name its file with -o FILE.xlsx")
    if start and end and end < start:
        raise click.BadParameter("--to is before --from", param_hint="--to")
    loaded = load_plan(plan)
    for body in bodies:
        known_body(loaded, body, "--body")
    agendas = planned(loaded)
    found = select(agendas.meetings, body=bodies or None, start=start, end=end)
    listed = _listed(form, loaded, agendas, found)
    if target is None:
        click.echo(listed, nl=False)
    else:
        _write(Path(target), listed)
    exit_for(agendas)


def _listed(form: str, plan: Plan, agendas: Agendas, found: Sequence[Meeting]) -> str | bytes:
    """The meetings ``found`` in ``form``: text, or a workbook's bytes."""
    if form == "xlsx":
        # openpyxl (a third of a second to import) only for a workbook.
        from aarshjul.agenda.workbook import as_xlsx
        return as_xlsx(plan, found, moment=source_date())
    if form == "json":
        return listing.as_json(found, agendas.by_uid) + "\n"
    if form == "csv":
        return listing.as_csv(found)
    return listing.as_table(plan, found)


def _write(path: Path, listed: str | bytes) -> None:
    """The list as the file ``path``, whole or not at all; a file that would
    not change keeps its time. Not a folder, a pipe or a device: a located
    error (exit status 1), as a folder that is missing or cannot be written."""
    data = listed.encode("utf-8") if isinstance(listed, str) else listed
    said = SAID.wrote if write_bytes_if_changed(path, data) else SAID.unchanged_file
    click.echo(said.format(path=path))


@click.command()
@click.argument("plan", type=PLAN_FILE)
@click.option("--body", "bodies", multiple=True, metavar="ID",
              help="Only the cases with a step on this body, with all their steps "
                   "(repeat for several).")
@click.option("--format", "output", type=click.Choice(["table", "json", "csv"]),
              default="table", show_default=True)
def cases(plan: str, bodies: tuple[str, ...], output: str) -> None:
    """List the cases a plan places, step by step, with each step's deadline.

    A case on a route has a step for each body it passes, a case without
    one a single step; a case in several months is listed once for each.
    They come in the order they are decided: by the day of the last step,
    then as the plan lists them. The list goes to standard output, warnings
    and errors to standard error; a plan whose meetings or agendas have
    errors (a case no meeting can take) lists the cases placed, with exit
    status 1.
    """
    loaded = load_plan(plan)
    for body in bodies:
        known_body(loaded, body, "--body")
    agendas = planned(loaded)
    found = case_listing.list_cases(loaded, agendas, body=bodies or None)
    if output == "json":
        click.echo(case_listing.as_json(found))
    elif output == "csv":
        click.echo(case_listing.as_csv(found), nl=False)
    else:
        click.echo(case_listing.as_table(loaded, found), nl=False)
    exit_for(agendas)


@click.command()
@click.argument("plan", type=PLAN_FILE)
@click.argument("body")
@click.argument("day", metavar="DATE", type=DATE)
@click.option("--format", "output", type=click.Choice(FORMS), default="text",
              show_default=True,
              help="Plain text like a written agenda, Markdown, or an HTML page.")
def agenda(plan: str, body: str, day: dt.date, output: str) -> None:
    """One meeting's agenda with clock times, in the plan's language.

    BODY is the body's id, DATE the meeting's day (YYYY-MM-DD; for a moved
    meeting, the new day or the one it moved from; for a meeting over
    several days, any of its days). The text form reads like
    a written agenda, and `aarshjul check` reads it back.
    """
    loaded = load_plan(plan)
    known_body(loaded, body, "BODY")
    agendas = planned(loaded)
    found = agendas.meetings_on(body, day)
    if not found:
        near = ", ".join(d.isoformat() for d in nearest_dates(agendas.meetings, body, day))
        raise click.BadParameter(f'"{body}" has no meeting on {day} (nearest: '
                                 f"{near or 'none'})", param_hint="DATE")
    for meeting in found:
        click.echo(render_agenda(agendas.agenda(meeting), form=output,
                                 language=loaded.language), nl=False)
    exit_for(agendas)
