"""``aarshjul wheel PLAN -o FILE.svg``: the årshjul as a picture."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from aarshjul.cli.common import DATE, PLAN_FILE
from aarshjul.cli.planned import exit_for, planned
from aarshjul.files import write_text_if_changed
from aarshjul.plan.reader import load_plan
from aarshjul.vocabulary import COMMAND_LINE as SAID
from aarshjul.wheel.drawing import wheel_svg


@click.command()
@click.argument("plan", type=PLAN_FILE)
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="The SVG file to write; for several years, one file each (NAME-YEAR.svg).")
@click.option("--year", type=int, help="The year to draw (default: every year of the plan).")
@click.option("--today", type=DATE, metavar="YYYY-MM-DD", help="Mark this day on the wheel.")
def wheel(plan: str, target: str, year: int | None, today: dt.date | None) -> None:
    """Draw the årshjul of a plan as SVG: the year as a circle, a ring per body.

    Labels are in the plan's language; the picture suits a screen and an A3
    sheet. A plan over several years gives one wheel per year.
    """
    loaded = load_plan(plan)
    years = list(range(loaded.start.year, loaded.end.year + 1))
    if year is not None and year not in years:
        raise click.BadParameter(f"the plan covers {years[0]}–{years[-1]}", param_hint="--year")
    agendas = planned(loaded)
    exit_for(agendas)  # a plan with errors draws nothing
    chosen = [year] if year is not None else years
    path = Path(target)
    for each in chosen:
        out = path if len(chosen) == 1 else path.with_name(f"{path.stem}-{each}{path.suffix}")
        out.parent.mkdir(parents=True, exist_ok=True)
        # Whole or not at all: a write that fails (a full disk, Ctrl-C) leaves
        # the old wheel as it was; one that would change nothing keeps its mtime.
        if write_text_if_changed(out, wheel_svg(loaded, agendas, year=each, today=today)):
            click.echo(SAID.wrote.format(path=out))
        else:
            click.echo(SAID.unchanged_file.format(path=out))
