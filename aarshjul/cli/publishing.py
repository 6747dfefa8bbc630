"""``aarshjul publish PLAN --url URL``: the meetings into a CalDAV calendar."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from aarshjul.addresses import without_login
from aarshjul.cli.common import PLAN_FILE, base_url_option, print_problems
from aarshjul.cli.planned import exit_for, known_body, planned
from aarshjul.plan.reader import load_plan
from aarshjul.publishing.server import PASSWORD_VARIABLE, Published, check_url, publish
from aarshjul.publishing.sync import Action, Change
from aarshjul.vocabulary import COMMAND_LINE as SAID

_TO_DO = {Action.CREATE: SAID.create, Action.UPDATE: SAID.update, Action.REMOVE: SAID.remove}
_DONE = {Action.CREATE: SAID.created, Action.UPDATE: SAID.updated, Action.REMOVE: SAID.removed}


@click.command("publish")
@click.argument("plan", type=PLAN_FILE)
@click.option("--url", required=True, metavar="URL",
              help="The calendar's CalDAV address (https://…/calendars/USER/CALENDAR/).")
@click.option("--user", metavar="NAME",
              help="Log in as NAME. The password comes from AARSHJUL_CALDAV_PASSWORD, or "
                   "is asked for on a terminal; it is never an option.")
@click.option("--body", "body_id", metavar="ID", help="Only this body's meetings.")
@base_url_option
@click.option("--dry-run", is_flag=True, help="Say what would change; change nothing.")
@click.option("--replace", is_flag=True,
              help="Publish even where the calendar holds events of the plan's id and none "
                   "of its meetings (a past year's), and remove those. Without it such a "
                   "publish is refused: they may be another plan's with the same title.")
def publish_command(plan: str, *, url: str, user: str | None, body_id: str | None,
                    base_url: str | None, dry_run: bool, replace: bool) -> None:
    """Put the plan's meetings into a CalDAV calendar, one event each.

    Creates what is missing, updates what changed and removes the plan's own
    events that the plan no longer has; other events in the calendar are
    never touched. A second publish with nothing changed writes nothing. If
    a publish stops half-way, publish again: it does the rest.
    """
    url = check_url(url)  # before anything else: a bad address is said at once
    loaded = load_plan(plan)
    if body_id is not None:
        known_body(loaded, body_id, "--body")
    agendas = planned(loaded)
    exit_for(agendas)
    if user is not None and not user.strip():
        raise click.BadParameter("the user name is empty", param_hint="--user")
    password = _password(user) if user else None
    with _Progress() as progress:
        done = publish(loaded, agendas, url, user=user, password=password, body=body_id,
                       dry_run=dry_run, base_url=base_url, progress=progress,
                       replace=replace)
    click.echo(_summary(done, without_login(url)))
    print_problems(done.problems)
    if done.problems:
        raise SystemExit(1)


def _summary(done: Published, url: str) -> str:
    if done.dry_run:
        lines = [SAID.would.format(action=_TO_DO[change.action], label=change.label)
                 for change in done.changes]
        lines.append(SAID.dry_run.format(create=done.created, update=done.updated,
                                         remove=done.removed, unchanged=done.unchanged))
        return "\n".join(lines)
    if done.changed:
        return SAID.published.format(url=url, created=done.created, updated=done.updated,
                                     removed=done.removed, unchanged=done.unchanged)
    return SAID.up_to_date.format(where=url, count=done.unchanged, things=SAID.many_events)


class _Progress:
    """Each change as it is made: a bar on a terminal, else a line each."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, made: int, total: int, change: Change) -> None:
        if not sys.stderr.isatty():
            click.echo(f"{_DONE[change.action]}: {change.label}")
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label=SAID.publishing, file=sys.stderr)
            self._bar.__enter__()
        self._bar.update(1)

    def __enter__(self) -> _Progress:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.__exit__(*exc)


def _password(user: str) -> str:
    """From the environment, or asked for on a terminal; never an option."""
    password = os.environ.get(PASSWORD_VARIABLE)
    if password == "":
        raise click.UsageError(f"{PASSWORD_VARIABLE} is set but empty")
    if password is None and sys.stdin.isatty():
        password = click.prompt(SAID.password_for.format(user=user), hide_input=True, err=True)
    if password is None:
        raise click.UsageError(f"no password for {user}: set {PASSWORD_VARIABLE}, or run "
                               "on a terminal to be asked for it")
    return str(password)
