"""``aarshjul publish PLAN --url URL``: the meetings into a CalDAV calendar."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from aarshjul.addresses import without_login
from aarshjul.cli.common import PLAN_FILE, base_url_option, user_errors
from aarshjul.cli.planned import exit_for, known_body, planned
from aarshjul.plan.reader import load_plan
from aarshjul.publishing.server import PASSWORD_VARIABLE, Published, check_url, publish
from aarshjul.publishing.sync import Action, Change

_DONE = {Action.CREATE: "created", Action.UPDATE: "updated", Action.REMOVE: "removed"}


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
@user_errors
def publish_command(plan: str, *, url: str, user: str | None, body_id: str | None,
                    base_url: str | None, dry_run: bool) -> None:
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
                       dry_run=dry_run, base_url=base_url, progress=progress)
    click.echo(_summary(done, without_login(url)))


def _summary(done: Published, url: str) -> str:
    if done.dry_run:
        lines = [f"would {change.action.value}: {change.label}" for change in done.changes]
        lines.append(f"dry run, nothing written: {done.created} to create, {done.updated} to "
                     f"update, {done.removed} to remove, {done.unchanged} unchanged")
        return "\n".join(lines)
    if done.changed:
        return (f"published to {url}: {done.created} created, {done.updated} updated, "
                f"{done.removed} removed, {done.unchanged} unchanged")
    return f"{url} is up to date ({done.unchanged} events unchanged)"


class _Progress:
    """Each change as it is made: a bar on a terminal, else a line each."""

    def __init__(self) -> None:
        self._bar: Any = None

    def __call__(self, made: int, total: int, change: Change) -> None:
        if not sys.stderr.isatty():
            click.echo(f"{_DONE[change.action]}: {change.label}")
            return
        if self._bar is None:
            self._bar = click.progressbar(length=total, label="Publishing", file=sys.stderr)
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
        password = click.prompt(f"Password for {user}", hide_input=True, err=True)
    if password is None:
        raise click.UsageError(f"no password for {user}: set {PASSWORD_VARIABLE}, or run "
                               "on a terminal to be asked for it")
    return str(password)
