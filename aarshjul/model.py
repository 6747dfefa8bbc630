"""The typed model: what a plan says, and the meetings it gives.

These frozen classes never see TOML (``plan_file`` builds them) and never
import a calendar library (the writers at the edge do). Every model object
remembers where it was written (``where``); that location takes no part in
equality, so two plans that say the same thing in another order are equal
where it matters.
"""

from __future__ import annotations

import datetime as dt
import enum
import re
from typing import NewType

import attrs

Minutes = NewType("Minutes", int)
"""A duration in whole minutes."""


class Status(enum.Enum):
    PLANNED = "planned"
    CANCELLED = "cancelled"


class OnHoliday(enum.Enum):
    """What a generated date that falls on a holiday does."""

    SKIP = "skip"
    NEXT_WORKDAY = "next-workday"
    PREVIOUS_WORKDAY = "previous-workday"
    KEEP = "keep"


class Placement(enum.Enum):
    """Where a template item stands: before the cases, or after them."""

    START = "start"
    END = "end"


class Language(enum.Enum):
    DA = "da"
    EN = "en"


_CLOCK = re.compile(r"(\d{1,2})[:.](\d{2})")


@attrs.frozen(order=True)
class ClockTime:
    """A wall-clock time of day, to the minute, in the plan's time zone."""

    minutes: int = attrs.field(validator=attrs.validators.and_(
        attrs.validators.ge(0), attrs.validators.lt(24 * 60)))

    @classmethod
    def parse(cls, text: str) -> ClockTime:
        """``"18:15"`` (or the Danish ``"18.15"``) -> ClockTime.

        Raises ValueError with a message fit for a planner.
        """
        match = _CLOCK.fullmatch(text.strip())
        if match is None:
            raise ValueError(f'"{text}" is not a clock time (expected "HH:MM", like "18:15")')
        hours, minutes = int(match[1]), int(match[2])
        if hours > 23 or minutes > 59:
            raise ValueError(f'"{text}" is not a clock time (hours 00-23, minutes 00-59)')
        return cls(hours * 60 + minutes)

    @classmethod
    def of(cls, value: dt.time) -> ClockTime:
        return cls(value.hour * 60 + value.minute)

    @property
    def hour(self) -> int:
        return self.minutes // 60

    @property
    def minute(self) -> int:
        return self.minutes % 60

    def plus(self, minutes: int) -> ClockTime:
        """The time ``minutes`` later; ValueError past midnight."""
        return ClockTime(self.minutes + minutes)

    def until(self, later: ClockTime) -> Minutes:
        return Minutes(later.minutes - self.minutes)

    def to_time(self) -> dt.time:
        return dt.time(self.hour, self.minute)

    def dotted(self) -> str:
        """The Danish way: ``18.15``."""
        return f"{self.hour:02d}.{self.minute:02d}"

    def __str__(self) -> str:
        return f"{self.hour:02d}:{self.minute:02d}"


@attrs.frozen
class Where:
    """Where a model object was written: file, line, and a label for messages."""

    file: str
    line: int | None
    label: str
    key: str


NOWHERE = Where("<plan>", None, "", "")


@attrs.frozen
class Closed:
    """A period with no meetings: dates, or ISO weeks in every year; for
    every body, or only for ``bodies``."""

    name: str
    from_date: dt.date | None = None
    to_date: dt.date | None = None
    weeks: frozenset[int] = frozenset()
    bodies: frozenset[str] = frozenset()
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)

    def applies_to(self, body: str | None) -> bool:
        return not self.bodies or body is None or body in self.bodies

    def contains(self, day: dt.date) -> bool:
        if self.weeks and day.isocalendar().week in self.weeks:
            return True
        return (
            self.from_date is not None
            and self.to_date is not None
            and self.from_date <= day <= self.to_date
        )


@attrs.frozen
class Body:
    """A forum that meets: a committee, the rådmandsmøde, the council."""

    id: str
    name: str
    kind: str = ""
    location: str = ""
    color: str | None = None
    agenda_deadline: int | None = None
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen
class Recurrence:
    """How a series recurs: an RRULE (perhaps written in words), or dates."""

    rule: str | None = None
    dates: tuple[dt.date, ...] = ()
    phrase: str | None = None
    exceptions: frozenset[dt.date] = frozenset()


@attrs.frozen
class Series:
    """A body's recurring meetings."""

    body: str
    recurrence: Recurrence
    start: ClockTime
    end: ClockTime
    from_date: dt.date | None = None
    to_date: dt.date | None = None
    title: str | None = None
    template: str | None = None
    location: str | None = None
    on_holiday: OnHoliday = OnHoliday.SKIP
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen
class Item:
    """A standing agenda item (templates) or a meeting's own item."""

    title: str
    minutes: Minutes = Minutes(0)
    method: str = ""
    responsible: str = ""
    purpose: str = ""
    attachments: tuple[str, ...] = ()
    at: Placement = Placement.START
    time: ClockTime | None = None
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen
class Template:
    id: str
    items: tuple[Item, ...] = ()
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen
class MeetingChange:
    """A ``[[meeting]]`` table: a one-off, or a change to a series' meeting.

    ``date`` is the date the series gives (or the one-off's date). Fields left
    ``None`` keep what the series says.
    """

    body: str
    date: dt.date
    start: ClockTime | None = None
    end: ClockTime | None = None
    minutes: Minutes | None = None
    title: str | None = None
    location: str | None = None
    template: str | None = None
    status: Status | None = None
    moved_to: dt.date | None = None
    note: str = ""
    items: tuple[Item, ...] = ()
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen
class Theme:
    """A thread through the year, drawn as an arc on the wheel."""

    id: str
    name: str
    color: str | None = None
    from_date: dt.date | None = None
    to_date: dt.date | None = None
    months: tuple[int, ...] = ()
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen
class Case:
    """A matter that must come to one of a body's meetings."""

    title: str
    body: str
    date: dt.date | None = None
    window: tuple[dt.date, dt.date] | None = None
    months: tuple[int, ...] = ()
    minutes: Minutes = Minutes(0)
    method: str = ""
    responsible: str = ""
    purpose: str = ""
    attachments: tuple[str, ...] = ()
    theme: str | None = None
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen
class Plan:
    """One plan file, validated."""

    title: str
    id: str
    start: dt.date
    end: dt.date
    timezone: str = "Europe/Copenhagen"
    language: Language = Language.DA
    holidays: str = "DK"
    holiday_categories: tuple[str, ...] = ("public",)
    closed: tuple[Closed, ...] = ()
    bodies: tuple[Body, ...] = ()
    series: tuple[Series, ...] = ()
    meetings: tuple[MeetingChange, ...] = ()
    templates: tuple[Template, ...] = ()
    themes: tuple[Theme, ...] = ()
    cases: tuple[Case, ...] = ()
    source: str = attrs.field(default="<plan>", eq=False)

    def body(self, body_id: str) -> Body:
        for body in self.bodies:
            if body.id == body_id:
                return body
        raise KeyError(body_id)

    def template(self, template_id: str) -> Template:
        for template in self.templates:
            if template.id == template_id:
                return template
        raise KeyError(template_id)


@attrs.frozen
class Meeting:
    """One meeting of a body, as the plan gives it.

    ``uid`` is stable: it depends on the plan id, the body and the date the
    rule gave (``original_date`` when moved), never on the order of the file.
    """

    uid: str
    body: str
    title: str
    date: dt.date
    start: ClockTime
    end: ClockTime
    status: Status = Status.PLANNED
    location: str = ""
    original_date: dt.date | None = None
    note: str = ""
    template: str | None = None
    items: tuple[Item, ...] = ()
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)

    @property
    def minutes(self) -> Minutes:
        return self.start.until(self.end)

    @property
    def identity_date(self) -> dt.date:
        """The date the meeting is known by: the one the rule gave."""
        return self.original_date or self.date
