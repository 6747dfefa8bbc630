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
    from aarshjul.agenda import Agendas, assemble
    from aarshjul.agenda_items import Agenda, AgendaItem
    from aarshjul.agenda_text import render_agenda
    from aarshjul.caldav_publish import Calendar, Published, publish
    from aarshjul.check import Report, check_agenda_text, check_path, check_plan_text
    from aarshjul.clock import ClockTime, Minutes
    from aarshjul.errors import (
        AarshjulError,
        AgendaError,
        PlanError,
        Problem,
        PublishError,
        Severity,
        SourceError,
    )
    from aarshjul.ical import Stamper, build_feeds, write_feeds
    from aarshjul.model import (
        Body,
        Case,
        Closed,
        Item,
        Language,
        Meeting,
        MeetingChange,
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
    from aarshjul.publishing import Change, Held, Sync, plan_sync
    from aarshjul.scheduling import UID_NAMESPACE, Schedule, list_meetings, schedule, select
    from aarshjul.serve import make_server, serve
    from aarshjul.site import Built, build_site, site_files, write_site
    from aarshjul.wheel import wheel_svg
    from aarshjul.written import WrittenAgenda, read_agenda, read_agenda_lines
    from aarshjul.written_check import check_written

# Each public name and the module it lives in: `import aarshjul` stays cheap,
# and a command imports only what it uses.
_WHERE = {
    "AarshjulError": "aarshjul.errors",
    "Agenda": "aarshjul.agenda_items",
    "AgendaError": "aarshjul.errors",
    "AgendaItem": "aarshjul.agenda_items",
    "Agendas": "aarshjul.agenda",
    "Body": "aarshjul.model",
    "Built": "aarshjul.site",
    "Calendar": "aarshjul.caldav_publish",
    "Case": "aarshjul.model",
    "Change": "aarshjul.publishing",
    "ClockTime": "aarshjul.clock",
    "Closed": "aarshjul.model",
    "Held": "aarshjul.publishing",
    "Item": "aarshjul.model",
    "Language": "aarshjul.model",
    "Meeting": "aarshjul.model",
    "MeetingChange": "aarshjul.model",
    "Minutes": "aarshjul.clock",
    "OnHoliday": "aarshjul.model",
    "Placement": "aarshjul.model",
    "Plan": "aarshjul.model",
    "PlanError": "aarshjul.errors",
    "Problem": "aarshjul.errors",
    "PublishError": "aarshjul.errors",
    "Published": "aarshjul.caldav_publish",
    "Recurrence": "aarshjul.model",
    "Report": "aarshjul.check",
    "Schedule": "aarshjul.scheduling",
    "Series": "aarshjul.model",
    "Severity": "aarshjul.errors",
    "SourceError": "aarshjul.errors",
    "Stamper": "aarshjul.ical",
    "Status": "aarshjul.model",
    "Sync": "aarshjul.publishing",
    "Template": "aarshjul.model",
    "Theme": "aarshjul.model",
    "UID_NAMESPACE": "aarshjul.scheduling",
    "WrittenAgenda": "aarshjul.written",
    "assemble": "aarshjul.agenda",
    "build_feeds": "aarshjul.ical",
    "build_site": "aarshjul.site",
    "check_agenda_text": "aarshjul.check",
    "check_path": "aarshjul.check",
    "check_plan_text": "aarshjul.check",
    "check_written": "aarshjul.written_check",
    "list_meetings": "aarshjul.scheduling",
    "load_plan": "aarshjul.plan_file",
    "make_server": "aarshjul.serve",
    "parse_plan": "aarshjul.plan_file",
    "plan_sync": "aarshjul.publishing",
    "publish": "aarshjul.caldav_publish",
    "read_agenda": "aarshjul.written",
    "read_agenda_lines": "aarshjul.written",
    "read_plan": "aarshjul.plan_file",
    "render_agenda": "aarshjul.agenda_text",
    "schedule": "aarshjul.scheduling",
    "select": "aarshjul.scheduling",
    "serve": "aarshjul.serve",
    "site_files": "aarshjul.site",
    "wheel_svg": "aarshjul.wheel",
    "write_feeds": "aarshjul.ical",
    "write_site": "aarshjul.site",
}

__all__ = [
    "UID_NAMESPACE",
    "AarshjulError",
    "Agenda",
    "AgendaError",
    "AgendaItem",
    "Agendas",
    "Body",
    "Built",
    "Calendar",
    "Case",
    "Change",
    "ClockTime",
    "Closed",
    "Held",
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
    "PublishError",
    "Published",
    "Recurrence",
    "Report",
    "Schedule",
    "Series",
    "Severity",
    "SourceError",
    "Stamper",
    "Status",
    "Sync",
    "Template",
    "Theme",
    "WrittenAgenda",
    "__version__",
    "assemble",
    "build_feeds",
    "build_site",
    "check_agenda_text",
    "check_path",
    "check_plan_text",
    "check_written",
    "list_meetings",
    "load_plan",
    "make_server",
    "parse_plan",
    "plan_sync",
    "publish",
    "read_agenda",
    "read_agenda_lines",
    "read_plan",
    "render_agenda",
    "schedule",
    "select",
    "serve",
    "site_files",
    "wheel_svg",
    "write_feeds",
    "write_site",
]


def __getattr__(name: str) -> Any:
    if name in _WHERE:
        value = getattr(importlib.import_module(_WHERE[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'aarshjul' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
