"""``aarshjul diff OLD NEW``: what changed between two versions of a plan,
as a subscriber would notice it."""

from __future__ import annotations

import json

import click

from aarshjul.cli.planned import exit_for, planned
from aarshjul.diff.changes import changes
from aarshjul.diff.sources import plan_version
from aarshjul.messages import _


@click.command()
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option("--format", "form", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="A line a change, fit for a mail; or JSON, a list.")
@click.option("--exit-code", is_flag=True,
              help="Exit with status 1 when there are changes (as git diff does).")
def diff(old: str, new: str, *, form: str, exit_code: bool) -> None:
    """Tell what changed between two versions of a plan, a line a change.

    OLD and NEW are plan files, or REV:PATH for a file as a git revision has
    it (HEAD~1:calendars/plan.toml). Meetings are matched by their UID, so a
    meeting that moved is one change. The lines are in the new plan's
    language. A plan with errors compares nothing (exit status 1).
    """
    before, after = plan_version(old), plan_version(new)
    old_agendas, new_agendas = planned(before), planned(after)
    exit_for(old_agendas)
    exit_for(new_agendas)
    language = after.language
    if before.id != after.id:
        # Every UID is made from the plan's id: the meetings are compared as they
        # are seen, but no calendar will take one for the other.
        click.echo(_("{old} and {new} are plans of different ids ({old_id}, {new_id}): "
                     "every meeting has a new UID, and a calendar that subscribes to the "
                     "feeds will show each as a new event",
                     old=old, new=new, old_id=before.id, new_id=after.id).text_in(language),
                   err=True)
    found = changes(before, old_agendas, after, new_agendas, language=language)
    if form == "json":
        click.echo(json.dumps([change.as_json(language) for change in found],
                              ensure_ascii=False, indent=1))
    elif found:
        for change in found:
            click.echo(change.said.text_in(language))
    else:
        click.echo(_("No changes.").text_in(language))
    if exit_code and found:
        raise SystemExit(1)
