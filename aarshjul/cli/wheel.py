"""``aarshjul wheel PLAN -o FILE``: the årshjul as a picture, SVG, PDF or PNG."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from aarshjul.cli.common import DATE, PLAN_FILE
from aarshjul.cli.planned import exit_for, planned
from aarshjul.files import write_bytes_if_changed
from aarshjul.plan.reader import load_plan
from aarshjul.vocabulary import COMMAND_LINE as SAID
from aarshjul.wheel.drawing import chosen_span, svg_of
from aarshjul.wheel.picture import picture
from aarshjul.wheel.printing import pdf_of, png_of

FORMATS = (".svg", ".pdf", ".png")


@click.command()
@click.argument("plan", type=PLAN_FILE)
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              help="The file to write: FILE.svg, FILE.pdf (one A3 page) or FILE.png.")
@click.option("--year", type=int,
              help="The year the wheel starts in (default: the twelve months with the most "
                   "meetings).")
@click.option("--start-month", type=click.IntRange(1, 12), metavar="1-12",
              help="The month at the top of the wheel: 8 for a school year (default: the "
                   "plan's wheel_start, else 1).")
@click.option("--today", type=DATE, metavar="YYYY-MM-DD", help="Mark this day on the wheel.")
def wheel(plan: str, target: str, year: int | None, start_month: int | None,
          today: dt.date | None) -> None:
    """Draw the årshjul of a plan: twelve months as a circle, a ring per body.

    Labels are in the plan's language; the picture suits a screen and an A3
    sheet. It writes FILE and nothing else, as its name ends: .svg, .pdf or
    .png, the same drawing in each. One wheel: the twelve months from
    --start-month of --year.
    """
    path = Path(target)
    kind = path.suffix.lower()
    if kind not in FORMATS:
        raise click.BadParameter(f'"{path.name}" must end in .svg, .pdf or .png',
                                 param_hint="-o")
    loaded = load_plan(plan)
    agendas = planned(loaded)
    exit_for(agendas)  # a plan with errors draws nothing
    try:
        span = chosen_span(loaded, agendas, year=year, start_month=start_month)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="--year") from None
    drawn = picture(loaded, agendas, span, today=today)
    if kind == ".svg":
        data = svg_of(drawn, loaded.language).encode("utf-8")
    else:
        data = pdf_of(drawn) if kind == ".pdf" else png_of(pdf_of(drawn))
    path.parent.mkdir(parents=True, exist_ok=True)
    # Whole or not at all: a write that fails (a full disk, Ctrl-C) leaves the
    # old wheel as it was; one that would change nothing keeps its mtime.
    if write_bytes_if_changed(path, data):
        click.echo(SAID.wrote.format(path=path))
    else:
        click.echo(SAID.unchanged_file.format(path=path))
