"""``aarshjul meetings``, ``aarshjul cases`` and ``aarshjul agenda``: what a
plan gives, to read."""

from __future__ import annotations

import datetime as dt

import click

from aarshjul.agenda import case_listing, listing
from aarshjul.agenda.documents import FORMS, render_agenda
from aarshjul.cli.common import DATE, PLAN_FILE
from aarshjul.cli.planned import exit_for, known_body, planned
from aarshjul.model import nearest_dates
from aarshjul.plan.reader import load_plan
from aarshjul.scheduling.meetings import select


@click.command()
@click.argument("plan", type=PLAN_FILE)
@click.option("--body", "bodies", multiple=True, metavar="ID",
              help="Only this body's meetings (repeat for several).")
@click.option("--from", "start", type=DATE, metavar="YYYY-MM-DD",
              help="Only meetings on or after this day.")
@click.option("--to", "end", type=DATE, metavar="YYYY-MM-DD",
              help="Only meetings on or before this day.")
@click.option("--format", "output", type=click.Choice(["table", "json", "csv"]),
              default="table", show_default=True)
def meetings(plan: str, bodies: tuple[str, ...], start: dt.date | None,
             end: dt.date | None, output: str) -> None:
    """List the meetings a plan gives, in date order.

    The list goes to standard output, warnings and errors to standard error.
    A plan whose meetings or agendas have errors is still listed, with exit
    status 1; one that cannot be read lists nothing.
    """
    if start and end and end < start:
        raise click.BadParameter("--to is before --from", param_hint="--to")
    loaded = load_plan(plan)
    for body in bodies:
        known_body(loaded, body, "--body")
    agendas = planned(loaded)
    found = select(agendas.meetings, body=bodies or None, start=start, end=end)
    if output == "json":
        click.echo(listing.as_json(found, agendas.by_uid))
    elif output == "csv":
        click.echo(listing.as_csv(found), nl=False)
    else:
        click.echo(listing.as_table(loaded, found), nl=False)
    exit_for(agendas)


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
