"""aarshjul: plan a Danish municipality's årshjul.

One plan file gives the year's meetings (around holidays and school
holidays), their timed agendas, iCal feeds, a wheel and agenda pages. Every
command of the ``aarshjul`` tool is a thin shell over the calls here::

    >>> import aarshjul
    >>> plan = aarshjul.load_plan("calendars/aarhus-msb-2025.toml")
    >>> agendas = aarshjul.assemble(plan, aarshjul.schedule(plan))
    >>> len(agendas.meetings)
    70

Errors a user can make raise :class:`AarshjulError` subclasses that carry
every problem with its file, line and key.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from aarshjul._version import __version__ as __version__

# The public names, each where it is made and written once: in the table
# below. A name's module is imported when the name is first used, so that
# `import aarshjul` (and every command, which imports it first) stays cheap.
# Each module's __all__ holds its names of the table, which is what type
# checkers read (a test holds the two together).
_PUBLIC = {
    "aarshjul.errors": ("AarshjulError", "AgendaError", "PlanError", "Problem",
                        "PublishError", "Severity", "SourceError"),
    "aarshjul.messages": ("Message", "Refusal"),
    "aarshjul.clock": ("ClockTime", "Minutes"),
    "aarshjul.vocabulary": ("Language",),
    "aarshjul.dates": ("DateWords",),
    # The plan and the meetings it gives
    "aarshjul.choices": ("OnClosed", "OnHoliday", "Placement", "Status"),
    "aarshjul.model": ("Body", "Case", "Closed", "Item", "Meeting", "MeetingChange", "Plan",
                       "Recurrence", "Route", "Series", "Template", "Theme", "Where"),
    "aarshjul.deadlines": ("Days", "Deadline"),
    "aarshjul.following": ("Following",),
    "aarshjul.recurrence.rule": ("Rule", "RuleError"),
    "aarshjul.recurrence.parts": ("ByDay", "Frequency", "Weekday"),
    "aarshjul.plan.reader": ("load_plan", "parse_plan", "read_plan"),
    "aarshjul.scheduling.calendar": ("WorkCalendar",),
    "aarshjul.scheduling.meetings": ("Schedule", "list_meetings", "schedule"),
    # Agendas, planned and written
    "aarshjul.agenda.assembly": ("Agendas", "assemble"),
    "aarshjul.agenda.steps": ("PlacedCase", "Step"),
    "aarshjul.agenda.case_listing": ("ListedCase", "ListedStep", "list_cases"),
    "aarshjul.agenda.items": ("Agenda", "AgendaItem"),
    "aarshjul.agenda.documents": ("render_agenda",),
    "aarshjul.written.reader": ("WrittenAgenda", "read_agenda"),
    "aarshjul.written.times": ("Stated",),
    "aarshjul.check": ("Report", "check_agenda_text", "check_path", "check_plan_text"),
    # What is made of them
    "aarshjul.ical.event": ("Event", "EventStatus", "Stamp"),
    "aarshjul.ical.stamps": ("Record", "Stamper"),
    "aarshjul.ical.feeds": ("Feeds", "Written", "build_feeds", "write_feeds"),
    "aarshjul.ical.calendars": ("feed_calendar",),
    "aarshjul.wheel.drawing": ("wheel_svg",),
    "aarshjul.wheel.printing": ("wheel_pdf", "wheel_png"),
    "aarshjul.site.build": ("build_site",),
    "aarshjul.site.staging": ("Built",),
    "aarshjul.site.serve": ("serve",),
    "aarshjul.publishing.server": ("Published", "publish"),
    "aarshjul.publishing.sync": ("Action", "Change"),
}

if TYPE_CHECKING:
    from aarshjul.agenda.assembly import *
    from aarshjul.agenda.case_listing import *
    from aarshjul.agenda.documents import *
    from aarshjul.agenda.items import *
    from aarshjul.agenda.steps import *
    from aarshjul.check import *
    from aarshjul.choices import *
    from aarshjul.clock import *
    from aarshjul.dates import *
    from aarshjul.deadlines import *
    from aarshjul.errors import *
    from aarshjul.following import *
    from aarshjul.ical.calendars import *
    from aarshjul.ical.event import *
    from aarshjul.ical.feeds import *
    from aarshjul.ical.stamps import *
    from aarshjul.messages import *
    from aarshjul.model import *
    from aarshjul.plan.reader import *
    from aarshjul.publishing.server import *
    from aarshjul.publishing.sync import *
    from aarshjul.recurrence.parts import *
    from aarshjul.recurrence.rule import *
    from aarshjul.scheduling.calendar import *
    from aarshjul.scheduling.meetings import *
    from aarshjul.site.build import *
    from aarshjul.site.serve import *
    from aarshjul.site.staging import *
    from aarshjul.vocabulary import *
    from aarshjul.wheel.drawing import *
    from aarshjul.wheel.printing import *
    from aarshjul.written.reader import *
    from aarshjul.written.times import *

_MODULE_OF = {name: module for module, names in _PUBLIC.items() for name in names}

if not TYPE_CHECKING:
    # Hidden from type checkers, which read the star imports above instead:
    # they cannot evaluate this __all__ and would take it for the one name
    # they can read, and a module __getattr__ would let them accept any name
    # at all (``aarshjul.shedule``) as Any.
    __all__ = ["__version__", *sorted(_MODULE_OF)]

    def __getattr__(name: str) -> object:
        if name in _MODULE_OF:
            value = getattr(importlib.import_module(_MODULE_OF[name]), name)
            globals()[name] = value
            return value
        raise AttributeError(f"module 'aarshjul' has no attribute {name!r}")

    def __dir__() -> list[str]:
        return list(__all__)
