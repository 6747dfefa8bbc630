"""Small plans written inline, and where the real ones are."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import attrs

from aarshjul import Agendas, Plan, assemble, parse_plan, read_plan, schedule
from aarshjul.agenda.items import Agenda
from aarshjul.model import NOWHERE

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "calendars" / "aarhus-msb-2025.toml"

HEADER = """\
[plan]
title = "Testplan"
id = "test"
start = 2025-01-01
end = 2025-12-31

[[body]]
id = "sbu"
name = "Social- og Beskæftigelsesudvalget"
location = "Rådhuset, lokale 398"

[[body]]
id = "rm"
name = "Rådmandsmøde"
location = "Rådhuset, lokale 398"
"""

# Two meetings of one body at once: a plan whose meetings have an error
# (overlap), which the commands that write files refuse to write.
OVERLAPPING = ('[[series]]\nbody = "sbu"\ndates = [2025-01-08]\nstart = "18:00"\n'
               'end = "19:00"\n\n[[series]]\nid = "b"\nbody = "sbu"\n'
               'dates = [2025-01-08]\nstart = "18:30"\nend = "19:30"\n')


FRAGMENT_START = HEADER.count("\n") + 2
"""The line on which a fragment added to the standard header starts."""


def plan_text(body: str = "", header: str = HEADER) -> str:
    """A plan: the standard header (two bodies, 2025) plus ``body``."""
    return header + "\n" + textwrap.dedent(body)


def plan_file(folder: Path, body: str = "", *, name: str = "p.toml") -> Path:
    """The plan of :func:`plan_text` as a file ``name`` in ``folder``."""
    path = folder / name
    path.write_text(plan_text(body), encoding="utf-8")
    return path


def make_plan(body: str = "", header: str = HEADER) -> Plan:
    return parse_plan(plan_text(body, header), source="test.toml")


def agendas_of(plan: Plan) -> Agendas:
    """The plan's meetings with their agendas: what the writers take."""
    return assemble(plan, schedule(plan))


def located(text: str) -> list[tuple[int | None, str]]:
    """(line, code) of every problem that reading the plan finds."""
    _, problems = read_plan(text, source="bad.toml")
    return [(p.line, p.code) for p in problems]


# One meeting with one item, its title, purpose and attachment to fill in
# with str.format.
ONE_MEETING = """
[[series]]
body = "sbu"
dates = [2025-03-12]
start = "18:15"
end = "19:45"
template = "t"

[[template]]
id = "t"

[[template.item]]
title = '''{title}'''
minutes = 10
purpose = '''{purpose}'''
attachments = ['''{attachment}''']
"""


def agenda_of(text: str, header: str = HEADER) -> Agenda:
    """The agenda of the one meeting of a plan (``header`` and ``text``)."""
    result = agendas_of(make_plan(text, header=header))
    (meeting,) = result.meetings
    return result.agenda(meeting)


def built_in_code(plan: Plan) -> Plan:
    """The same plan as a script builds it: no table knows where it was
    written (no file, no line, no label)."""
    def unwritten(thing: Any) -> Any:
        changes = {"items": tuple(unwritten(i) for i in thing.items)} if hasattr(
            thing, "items") else {}
        return attrs.evolve(thing, where=NOWHERE, **changes)
    tables = ("closed", "bodies", "series", "meetings", "templates", "themes", "cases")
    return attrs.evolve(plan, where=NOWHERE, source="<plan>", **{
        kind: tuple(unwritten(thing) for thing in getattr(plan, kind)) for kind in tables})
