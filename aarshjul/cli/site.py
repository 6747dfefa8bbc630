"""``aarshjul build PLAN -o DIR``: the static site."""

from __future__ import annotations

import click

from aarshjul.cli.common import PLAN_FILE, base_url_option
from aarshjul.cli.planned import exit_for, planned
from aarshjul.files import writing
from aarshjul.plan.reader import load_plan
from aarshjul.site.build import build_site
from aarshjul.vocabulary import COMMAND_LINE as SAID
from aarshjul.vocabulary import counted


@click.command()
@click.argument("plan", type=PLAN_FILE)
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False),
              help="The folder of the site (made if missing).")
@base_url_option
def build(plan: str, folder: str, base_url: str | None) -> None:
    """Build the static site: the wheel, coming meetings, agenda pages, feeds.

    The site works from any static host and from file://. An interrupted
    build leaves the old site whole; a build that changes nothing writes
    nothing. Set SOURCE_DATE_EPOCH for a reproducible build. A plan with
    errors builds nothing.
    """
    loaded = load_plan(plan)
    agendas = planned(loaded)
    exit_for(agendas)
    with writing(folder):  # a full disk is named where it was found
        done = build_site(loaded, agendas, folder, base_url=base_url)
    if done.changed:
        files = counted(len(done.written), SAID.one_file, SAID.many_files)
        click.echo(SAID.built.format(folder=folder, files=files, removed=len(done.removed),
                                     unchanged=done.unchanged))
    else:
        click.echo(SAID.up_to_date.format(where=folder, count=done.unchanged,
                                          things=SAID.many_files))
