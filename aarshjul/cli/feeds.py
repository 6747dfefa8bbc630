"""``aarshjul ical PLAN -o DIR``: the feeds staff subscribe to."""

from __future__ import annotations

from pathlib import Path

import click

from aarshjul.cli.common import PLAN_FILE, base_url_option
from aarshjul.cli.planned import exit_for, planned
from aarshjul.files import writing
from aarshjul.ical.feeds import write_feeds
from aarshjul.plan.reader import load_plan
from aarshjul.vocabulary import COMMAND_LINE as SAID
from aarshjul.vocabulary import counted


@click.command()
@click.argument("plan", type=PLAN_FILE)
@click.option("-o", "--output", "folder", required=True,
              type=click.Path(file_okay=False),
              help="The folder to write the feeds into (made if missing).")
@base_url_option
def ical(plan: str, folder: str, base_url: str | None) -> None:
    """Write the iCal feeds: BODY.ics for each body, all.ics and deadlines.ics.

    Events that did not change since the feeds already in the folder keep
    their stamps, and a feed that did not change is not written at all. Set
    SOURCE_DATE_EPOCH for reproducible builds. A plan with errors writes
    nothing.
    """
    loaded = load_plan(plan)
    agendas = planned(loaded)
    exit_for(agendas)
    with writing(folder):  # a full disk is named where it was found
        done = write_feeds(loaded, agendas, folder, base_url=base_url)
    for name in done.written:
        click.echo(SAID.wrote.format(path=Path(folder) / name))
    for name in done.removed:
        click.echo(SAID.removed_feed.format(path=Path(folder) / name))
    removed = SAID.and_removed.format(count=len(done.removed)) if done.removed else ""
    feeds = counted(len(done.written), SAID.one_feed, SAID.many_feeds)
    click.echo(SAID.feeds_written.format(feeds=feeds, unchanged=len(done.unchanged)) + removed)
