"""A plan's meetings and agendas for the commands that list, write or
publish them: the problems printed on the way, the exit status they call for."""

from __future__ import annotations

import click

from aarshjul.agenda.assembly import Agendas, assemble
from aarshjul.cli.common import print_problems, speak_as
from aarshjul.errors import Severity
from aarshjul.model import Plan
from aarshjul.scheduling.meetings import schedule


def known_body(plan: Plan, body: str, hint: str) -> None:
    """A body named on the command line must be the plan's (exit 2 if not)."""
    known = [b.id for b in plan.bodies]
    if body not in known:
        raise click.BadParameter(f'no body "{body}" in {plan.source} (it has '
                                 f"{', '.join(known) or 'none'})", param_hint=hint)


def planned(plan: Plan) -> Agendas:
    """The plan's meetings and agendas, their warnings and errors printed.

    Errors in meetings or agendas (an overlap, a case no meeting can take)
    do not stop a listing, which helps to decide what to change; the command
    then exits with 1 (:func:`exit_for`)."""
    speak_as(plan.language)
    agendas = assemble(plan, schedule(plan))
    print_problems((p for p in agendas.problems if p.severity is not Severity.INFO),
                   plan.language)
    return agendas


def exit_for(agendas: Agendas) -> None:
    """Exit with status 1 when the meetings or agendas have errors."""
    if not agendas.ok:
        raise SystemExit(1)
