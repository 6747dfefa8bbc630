"""Small plans written inline, and where the real ones are."""

from __future__ import annotations

import textwrap
from pathlib import Path

from aarshjul import Agendas, Plan, assemble, parse_plan, read_plan, schedule

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


FRAGMENT_START = HEADER.count("\n") + 2
"""The line on which a fragment added to the standard header starts."""


def plan_text(body: str = "", header: str = HEADER) -> str:
    """A plan: the standard header (two bodies, 2025) plus ``body``."""
    return header + "\n" + textwrap.dedent(body)


def make_plan(body: str = "", header: str = HEADER) -> Plan:
    return parse_plan(plan_text(body, header), source="test.toml")


def agendas_of(plan: Plan) -> Agendas:
    """The plan's meetings with their agendas: what the writers take."""
    return assemble(plan, schedule(plan))


def located(text: str) -> list[tuple[int | None, str]]:
    """(line, code) of every problem that reading the plan finds."""
    _, problems = read_plan(text, source="bad.toml")
    return [(p.line, p.code) for p in problems]
