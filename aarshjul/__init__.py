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
    from aarshjul.agenda.assembly import Agendas, assemble
    from aarshjul.agenda.documents import render_agenda
    from aarshjul.agenda.items import Agenda, AgendaItem
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
    from aarshjul.ical.calendars import feed_calendar
    from aarshjul.ical.event import Event
    from aarshjul.ical.feeds import build_feeds, write_feeds
    from aarshjul.ical.stamps import Stamper
    from aarshjul.model import (
        Body,
        Case,
        Closed,
        Item,
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
    from aarshjul.plan.reader import load_plan, parse_plan, read_plan
    from aarshjul.publishing.server import Calendar, Published, publish
    from aarshjul.publishing.sync import Change, Held, Sync, plan_sync
    from aarshjul.scheduling.meetings import (
        UID_NAMESPACE,
        Schedule,
        list_meetings,
        schedule,
        select,
    )
    from aarshjul.site.build import build_site
    from aarshjul.site.pages import site_files
    from aarshjul.site.serve import make_server, serve
    from aarshjul.site.staging import Built, write_site
    from aarshjul.vocabulary import Language
    from aarshjul.wheel.drawing import wheel_svg
    from aarshjul.written.check import check_written
    from aarshjul.written.reader import WrittenAgenda, read_agenda, read_agenda_lines

# Each public name and the module it lives in: `import aarshjul` stays cheap,
# and a command imports only what it uses.
_WHERE = {
    "AarshjulError": "aarshjul.errors",
    "Agenda": "aarshjul.agenda.items",
    "AgendaError": "aarshjul.errors",
    "AgendaItem": "aarshjul.agenda.items",
    "Agendas": "aarshjul.agenda.assembly",
    "Body": "aarshjul.model",
    "Built": "aarshjul.site.staging",
    "Calendar": "aarshjul.publishing.server",
    "Case": "aarshjul.model",
    "Change": "aarshjul.publishing.sync",
    "ClockTime": "aarshjul.clock",
    "Closed": "aarshjul.model",
    "Held": "aarshjul.publishing.sync",
    "Item": "aarshjul.model",
    "Language": "aarshjul.vocabulary",
    "Meeting": "aarshjul.model",
    "MeetingChange": "aarshjul.model",
    "Minutes": "aarshjul.clock",
    "OnHoliday": "aarshjul.model",
    "Placement": "aarshjul.model",
    "Plan": "aarshjul.model",
    "PlanError": "aarshjul.errors",
    "Problem": "aarshjul.errors",
    "PublishError": "aarshjul.errors",
    "Published": "aarshjul.publishing.server",
    "Recurrence": "aarshjul.model",
    "Report": "aarshjul.check",
    "Schedule": "aarshjul.scheduling.meetings",
    "Series": "aarshjul.model",
    "Severity": "aarshjul.errors",
    "SourceError": "aarshjul.errors",
    "Stamper": "aarshjul.ical.stamps",
    "Event": "aarshjul.ical.event",
    "feed_calendar": "aarshjul.ical.calendars",
    "Status": "aarshjul.model",
    "Sync": "aarshjul.publishing.sync",
    "Template": "aarshjul.model",
    "Theme": "aarshjul.model",
    "UID_NAMESPACE": "aarshjul.scheduling.meetings",
    "WrittenAgenda": "aarshjul.written.reader",
    "assemble": "aarshjul.agenda.assembly",
    "build_feeds": "aarshjul.ical.feeds",
    "build_site": "aarshjul.site.build",
    "check_agenda_text": "aarshjul.check",
    "check_path": "aarshjul.check",
    "check_plan_text": "aarshjul.check",
    "check_written": "aarshjul.written.check",
    "list_meetings": "aarshjul.scheduling.meetings",
    "load_plan": "aarshjul.plan.reader",
    "make_server": "aarshjul.site.serve",
    "parse_plan": "aarshjul.plan.reader",
    "plan_sync": "aarshjul.publishing.sync",
    "publish": "aarshjul.publishing.server",
    "read_agenda": "aarshjul.written.reader",
    "read_agenda_lines": "aarshjul.written.reader",
    "read_plan": "aarshjul.plan.reader",
    "render_agenda": "aarshjul.agenda.documents",
    "schedule": "aarshjul.scheduling.meetings",
    "select": "aarshjul.scheduling.meetings",
    "serve": "aarshjul.site.serve",
    "site_files": "aarshjul.site.pages",
    "wheel_svg": "aarshjul.wheel.drawing",
    "write_feeds": "aarshjul.ical.feeds",
    "write_site": "aarshjul.site.staging",
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
    "Event",
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
    "feed_calendar",
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
