"""``aarshjul import FILE… -o PLAN.toml``: a plan from the year a secretariat
already has, in calendar exports and lists of dates."""

from __future__ import annotations

from pathlib import Path

import click

from aarshjul.check import check_plan_text
from aarshjul.cli.common import PLAN_FILE, print_problems
from aarshjul.clock import ClockTime
from aarshjul.errors import PlanError, Problem, Severity, SourceError
from aarshjul.files import write_text_if_changed
from aarshjul.importing.cells import hours_of
from aarshjul.importing.rows import DEFAULT_MINUTES, read_rows, with_time
from aarshjul.importing.tables import rule_words
from aarshjul.importing.writing import Imported, differences, plan_text
from aarshjul.messages import Message, Refusal, _, spoken
from aarshjul.plan.reader import parse_plan
from aarshjul.plan.spans import LONGEST_DAYS
from aarshjul.scheduling.meetings import schedule
from aarshjul.vocabulary import COMMAND_LINE as SAID


def _hours(ctx: click.Context, param: click.Parameter, value: str | None
           ) -> tuple[ClockTime, ClockTime | None] | None:
    """``--time``: a start, and perhaps an end, as a list writes them."""
    if value is None:
        return None
    try:
        start, end = hours_of(value)
    except Refusal as error:
        raise click.BadParameter(error.said.text_in(spoken()), ctx, param) from None
    if start is None:
        raise click.BadParameter("give a time, as 17:30 or 17:30-19:30", ctx, param)
    if end is not None and end <= start:
        raise click.BadParameter(f"{end} is not after {start}", ctx, param)
    return start, end


@click.command("import")
@click.argument("files", nargs=-1, required=True, type=PLAN_FILE)
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False),
              metavar="PLAN.toml", help="The plan to write.")
@click.option("--title", help="The plan's title (default: from the first file's name).")
@click.option("--timezone", default="Europe/Copenhagen", show_default=True,
              help="The plan's time zone: the meetings' times are said in it.")
@click.option("--time", "hours", metavar="HH:MM[-HH:MM]", callback=_hours,
              help="The time of the meetings a list (.csv, .xlsx) gives no time for, as "
                   "17:30 or 17:30-19:30: for a list that says it once, not on each row.")
def import_command(files: tuple[str, ...], *, target: str, title: str | None,
                   timezone: str, hours: tuple[ClockTime, ClockTime | None] | None) -> None:
    """Write a plan from calendar exports (.ics) and lists of dates (.csv, .xlsx).

    Each file's meetings are grouped into bodies by their organ (or title),
    and the plan gives exactly those meetings: `aarshjul meetings` of it
    lists the same days, times, titles and places. A line for each body says
    what became of its meetings. A file that cannot be read is an error at
    its line, and nothing is written; a plan written with what `check` calls
    an error (two meetings of a body at once) exits with 1.
    """
    rows = [row for name in files for row in read_rows(name, timezone=timezone)]
    if hours is not None:
        rows = with_time(rows, *hours)
    # A calendar holds more than meetings: a holiday blocked out for weeks
    # is no meeting, and no plan can give one that long.
    too_long = [row for row in rows if row.last_day is not None
                and (row.last_day - row.date).days > LONGEST_DAYS]
    print_problems(Problem(Severity.WARNING, "not-a-meeting", _(
        '"{title}" runs {days} days, from {first} to {last}: no meeting lasts more than '
        '{most} days, so it is left out', title=row.title,
        days=(row.last_day - row.date).days + 1 if row.last_day else 1, first=row.date,
        last=row.last_day, most=LONGEST_DAYS), row.source, row.line) for row in too_long)
    rows = [row for row in rows if row not in too_long]
    if not rows:
        raise SourceError.single("no-dates", _(
            "holds no meetings: no event in a calendar, no row with a date in a list"),
            file=files[0])
    text, report = plan_text(rows, title=title or _default_title(files[0]),
                             timezone=timezone)
    try:
        plan = parse_plan(text, source=target)
    except PlanError as error:  # what no row says alone (a span of 56 years)
        raise SourceError.single("import-invalid", _(
            "the plan made from the files would not be valid, so it is not written: {said}",
            said=error.problems[0].said), file=target) from None
    names = {body.id: body.name for body in plan.bodies}
    missed = differences(rows, schedule(plan).meetings, names)
    if missed:  # never, where the writing is right: the promise is checked, not assumed
        raise SourceError.single("import-mismatch", _(
            "the plan written would not give the meetings the files give: {lines}",
            lines="; ".join(missed[:5])), file=target)
    language = spoken()
    for body in report:
        click.echo(_said(body).text_in(language))
        if body.without_end:
            click.echo(_("{id}: {count} meetings had no end; they last {minutes} minutes",
                         id=body.id, count=body.without_end,
                         minutes=DEFAULT_MINUTES).text_in(language))
    path = Path(target)
    path.parent.mkdir(parents=True, exist_ok=True)
    if write_text_if_changed(path, text):
        click.echo(SAID.wrote.format(path=path))
    else:
        click.echo(SAID.unchanged_file.format(path=path))
    # What `check` would say of the plan (two meetings of a body at once in
    # the files: an overlap), said now, with the plan written to be mended.
    checked = check_plan_text(text, source=target)
    print_problems(p for p in checked.problems if p.severity is not Severity.INFO)
    if not checked.ok:
        raise SystemExit(1)


def _said(body: Imported) -> Message:
    """What became of a body: the rules found and how many of its meetings
    they give, or its lists."""
    if body.unruled:
        return _("{id}: {count} meetings, as lists of dates ({series} series, {one_offs} "
                 "one-off): the rules found for them would not give them exactly", id=body.id,
                 count=body.meetings, series=body.series, one_offs=body.one_offs)
    if not body.rules:
        return _("{id}: {count} meetings, as lists of dates ({series} series, {one_offs} "
                 "one-off)", id=body.id, count=body.meetings, series=body.series,
                 one_offs=body.one_offs)
    rules = " + ".join(map(rule_words, body.rules))
    if body.series:
        return _("{id}: {rules}, {explained} of {count} dates; {changes} changes; the rest "
                 "as {listed} lists of dates", id=body.id, rules=rules,
                 explained=body.explained, count=body.meetings, changes=body.changes,
                 listed=body.series)
    return _("{id}: {rules}, {explained} of {count} dates; {changes} changes", id=body.id,
             rules=rules, explained=body.explained, count=body.meetings,
             changes=body.changes)


def _default_title(first: str) -> str:
    """``Årshjul fra møder 2025``, from the file ``møder 2025.ics``."""
    return f"Årshjul fra {Path(first).stem}"
