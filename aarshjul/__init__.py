"""aarshjul: plan a Danish municipality's årshjul.

One plan file gives the year's meetings (around holidays and school
holidays), their timed agendas, iCal feeds, a wheel and agenda pages. Every
command of the ``aarshjul`` tool is a thin shell over the calls here::

    >>> import aarshjul
    >>> plan = aarshjul.load_plan("calendars/aarhus-msb-2025.toml")
    >>> meetings = aarshjul.list_meetings(plan, body="sbu")

Errors a user can make raise :class:`AarshjulError` subclasses that carry
every problem with its file, line and key.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from aarshjul._version import __version__

if TYPE_CHECKING:
    from aarshjul.check import Report, check_path, check_plan_text
    from aarshjul.errors import (
        AarshjulError,
        AgendaError,
        PlanError,
        Problem,
        Severity,
        SourceError,
    )
    from aarshjul.model import (
        Body,
        Case,
        ClockTime,
        Closed,
        Item,
        Language,
        Meeting,
        MeetingChange,
        Minutes,
        OnHoliday,
        Placement,
        Plan,
        Recurrence,
        Series,
        Status,
        Template,
        Theme,
    )
    from aarshjul.plan_file import load_plan, parse_plan, read_plan
    from aarshjul.scheduling import UID_NAMESPACE, Schedule, list_meetings, schedule, select

# Each public name and the module it lives in: `import aarshjul` stays cheap,
# and a command imports only what it uses.
_WHERE = {
    "AarshjulError": "aarshjul.errors",
    "AgendaError": "aarshjul.errors",
    "Body": "aarshjul.model",
    "Case": "aarshjul.model",
    "ClockTime": "aarshjul.model",
    "Closed": "aarshjul.model",
    "Item": "aarshjul.model",
    "Language": "aarshjul.model",
    "Meeting": "aarshjul.model",
    "MeetingChange": "aarshjul.model",
    "Minutes": "aarshjul.model",
    "OnHoliday": "aarshjul.model",
    "Placement": "aarshjul.model",
    "Plan": "aarshjul.model",
    "PlanError": "aarshjul.errors",
    "Problem": "aarshjul.errors",
    "Recurrence": "aarshjul.model",
    "Report": "aarshjul.check",
    "Schedule": "aarshjul.scheduling",
    "Series": "aarshjul.model",
    "Severity": "aarshjul.errors",
    "SourceError": "aarshjul.errors",
    "Status": "aarshjul.model",
    "Template": "aarshjul.model",
    "Theme": "aarshjul.model",
    "UID_NAMESPACE": "aarshjul.scheduling",
    "check_path": "aarshjul.check",
    "check_plan_text": "aarshjul.check",
    "list_meetings": "aarshjul.scheduling",
    "load_plan": "aarshjul.plan_file",
    "parse_plan": "aarshjul.plan_file",
    "read_plan": "aarshjul.plan_file",
    "schedule": "aarshjul.scheduling",
    "select": "aarshjul.scheduling",
}

__all__ = [
    "UID_NAMESPACE",
    "AarshjulError",
    "AgendaError",
    "Body",
    "Case",
    "ClockTime",
    "Closed",
    "Item",
    "Language",
    "Meeting",
    "MeetingChange",
    "Minutes",
    "OnHoliday",
    "Placement",
    "Plan",
    "PlanError",
    "Problem",
    "Recurrence",
    "Report",
    "Schedule",
    "Series",
    "Severity",
    "SourceError",
    "Status",
    "Template",
    "Theme",
    "__version__",
    "check_path",
    "check_plan_text",
    "list_meetings",
    "load_plan",
    "parse_plan",
    "read_plan",
    "schedule",
    "select",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'aarshjul' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
