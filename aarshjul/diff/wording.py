"""A change, and how a change says a meeting: its body, its day, its hours.

Shared by the meetings' changes (:mod:`aarshjul.diff.changes`) and their
items' (:mod:`aarshjul.diff.agenda_items`), so that a line about an item
names its meeting as a line about the meeting does.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

import attrs

from aarshjul.agenda.assembly import Agendas
from aarshjul.dates import meeting_days, meeting_hours
from aarshjul.messages import Message
from aarshjul.model import Meeting, Plan
from aarshjul.vocabulary import Language

__all__ = ["Change", "Version", "hours", "when"]


@attrs.frozen(eq=False)
class Change:
    """One change a subscriber would notice, and its line (``said``)."""

    kind: str  # one of changes.KINDS
    body: str  # the body's id
    uid: str  # the meeting's
    date: dt.date  # the meeting's day before (or its day, where it is new)
    said: Message
    new_date: dt.date | None = None  # where it moved to
    before: str | None = None
    after: str | None = None

    def as_json(self, language: Language) -> dict[str, object]:
        return {"kind": self.kind, "body": self.body, "uid": self.uid,
                "date": self.date.isoformat(),
                "new_date": self.new_date.isoformat() if self.new_date else None,
                "before": self.before, "after": self.after, "text": self.said.text_in(language)}


@attrs.frozen
class Version:
    """One version of a plan: its plan, its agendas, its bodies' names, and
    which items of each meeting are its cases'."""

    plan: Plan
    agendas: Agendas
    names: dict[str, str]
    case_items: dict[str, set[int]]  # by meeting UID, the numbers of its cases' items

    @classmethod
    def of(cls, plan: Plan, agendas: Agendas) -> Version:
        items: dict[str, set[int]] = defaultdict(set)
        for placed in agendas.cases:
            for step in placed.steps:
                items[step.meeting.uid].add(step.item)
        return cls(plan, agendas, {body.id: body.name for body in plan.bodies}, dict(items))

    def who(self, meeting: Meeting) -> str:
        """The body's name, and the meeting's own title where it has one."""
        name = self.names.get(meeting.body, meeting.body)
        return name if meeting.title in (name, "") else f"{name} ({meeting.title})"

    def day(self, meeting: Meeting, language: Language) -> str:
        """``onsdag den 15. januar 2025``, or its days: ``25.–27. august 2017``."""
        return meeting_days(meeting.date, meeting.to, language)


def when(meeting: Meeting, language: Language) -> str:
    """``onsdag den 15. januar 2025, 18.15 – 19.45``; ``25.–27. august
    2017, hele dagen``."""
    return f"{meeting_days(meeting.date, meeting.to, language)}, {hours(meeting, language)}"


def hours(meeting: Meeting, language: Language) -> str:
    return meeting_hours(meeting.start, meeting.end, all_day=meeting.all_day, language=language)
