"""The typed model: what a plan says, and the meetings it gives.

These frozen classes never see TOML (the plan reader, :mod:`aarshjul.plan`,
builds them) and never import a calendar library (the writers at the edge
do). They refuse what no value can be (a choice that is not one of its enum,
a number out of its :class:`~aarshjul.forms.Bounds`); what a plan must be
besides, however it was made, is the validation pass's
(:mod:`aarshjul.plan.validate`). Every model object remembers where it was
written (``where``); that location takes no part in equality, so two plans
that say the same things on other lines are equal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from aarshjul.choices import OnClosed, OnHoliday, Placement, Status
from aarshjul.clock import MINUTES_PER_DAY, NO_MINUTES, ClockTime, Minutes
from aarshjul.deadlines import Deadline, as_deadline
from aarshjul.following import Following
from aarshjul.forms import ISO_WEEKS, MINUTES, MONTHS, ROUTE_GAP, colour_problem
from aarshjul.recurrence.rule import Rule
from aarshjul.vocabulary import Language
from aarshjul.where import NOWHERE, Where

__all__ = [
    "Body",
    "Case",
    "Closed",
    "Item",
    "Meeting",
    "MeetingChange",
    "Plan",
    "Recurrence",
    "Route",
    "Series",
    "Template",
    "Theme",
    "Where",
]


def _lower(colour: str | None) -> str | None:
    """``#E67E22`` and ``#e67e22`` are one colour: kept in one case, so
    that plans that say the same are equal and write the same feeds. What
    is no colour is kept as written, for the message that quotes it."""
    if colour is None or colour_problem(colour) is not None:
        return colour
    return colour.lower()


def _upper(country: str) -> str:
    return country.upper()


@attrs.frozen(kw_only=True)
class Closed:
    """A period with no meetings: dates, or ISO weeks in every year; for
    every body, or only for ``bodies``."""

    name: str
    from_date: dt.date | None = None
    to_date: dt.date | None = None
    weeks: frozenset[int] = attrs.field(default=frozenset(), validator=ISO_WEEKS)
    bodies: frozenset[str] = frozenset()
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)

    def applies_to(self, body: str | None) -> bool:
        return not self.bodies or body is None or body in self.bodies

    def contains(self, day: dt.date) -> bool:
        return bool(self.weeks and day.isocalendar().week in self.weeks) or (
            self.from_date is not None and self.to_date is not None
            and self.from_date <= day <= self.to_date)


@attrs.frozen(kw_only=True)
class Body:
    """A forum that meets: a committee, the rådmandsmøde, the council."""

    id: str
    name: str
    kind: str = ""
    location: str = ""
    color: str | None = attrs.field(default=None, converter=_lower)
    agenda_deadline: Deadline | None = attrs.field(default=None, converter=as_deadline)
    minutes: Minutes | None = attrs.field(default=None, validator=MINUTES)
    case_deadline: Deadline | None = attrs.field(default=None, converter=as_deadline)
    """When a case must be ready for its meeting (SPEC §12); None: the
    agenda's deadline (:attr:`ready_by`)."""
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)

    @property
    def ready_by(self) -> Deadline | None:
        """The deadline of a case on its meetings: its own, else the agenda's."""
        return self.case_deadline if self.case_deadline is not None else self.agenda_deadline


@attrs.frozen(kw_only=True)
class Recurrence:
    """How a series recurs: a rule (perhaps written in words, kept in
    ``phrase``), or dates.

    ``dates`` are as written, sorted: a date listed twice, or no dates at
    all, is the validation pass's to report.
    """

    rule: Rule | None = None
    dates: tuple[dt.date, ...] = attrs.field(default=())
    phrase: str | None = None
    exceptions: frozenset[dt.date] = frozenset()

    @dates.validator
    def _rule_or_dates(self, _: object, dates: tuple[dt.date, ...]) -> None:
        if self.rule is not None and dates:
            raise ValueError("a recurrence is a rule or dates, not both")


@attrs.frozen(kw_only=True)
class Series:
    """A body's recurring meetings.

    Their times are ``start`` and ``end``, ``start`` and ``minutes``, or
    ``start`` alone, lasting :meth:`Plan.minutes_of` (scheduling writes it
    in); which of these hold is the validation pass's, which can say which
    table is wrong. :attr:`ends_at` is the clock time they end.
    """

    body: str
    recurrence: Recurrence
    start: ClockTime
    end: ClockTime | None = None
    minutes: Minutes | None = attrs.field(default=None, validator=MINUTES)
    from_date: dt.date | None = None
    to_date: dt.date | None = None
    title: str | None = None
    template: str | None = None
    location: str | None = None
    on_holiday: OnHoliday = attrs.field(default=OnHoliday.SKIP,
                                        validator=attrs.validators.instance_of(OnHoliday))
    id: str | None = None
    on_closed: OnClosed = attrs.field(default=OnClosed.SKIP,
                                      validator=attrs.validators.instance_of(OnClosed))
    months: tuple[int, ...] = attrs.field(default=(), validator=MONTHS)  # none: every month
    follows: Following | None = None  # a follower has no rule: its recurrence is empty
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)

    @property
    def ends_at(self) -> ClockTime:
        """When its meetings end; ValueError if that is past midnight (which
        the validation pass reports first), or for a series of only a start."""
        if self.end is not None:
            return self.end
        if self.minutes is None:
            raise ValueError("the series gives its start only: it needs its length")
        return self.start.plus(self.minutes)


@attrs.frozen(kw_only=True)
class Item:
    """A standing agenda item (templates) or a meeting's own item."""

    title: str
    minutes: Minutes = attrs.field(default=NO_MINUTES, validator=MINUTES)
    method: str = ""
    responsible: str = ""
    purpose: str = ""
    attachments: tuple[str, ...] = ()
    at: Placement = attrs.field(default=Placement.START,
                                validator=attrs.validators.instance_of(Placement))
    time: ClockTime | None = None
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Template:
    id: str
    items: tuple[Item, ...] = ()
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class MeetingChange:
    """A ``[[meeting]]`` table: a one-off, or a change to a series' meeting.

    ``date`` is the date the series gives (or the one-off's date). Fields left
    ``None`` keep what the series says.
    """

    body: str
    date: dt.date
    start: ClockTime | None = None
    end: ClockTime | None = None
    minutes: Minutes | None = attrs.field(default=None, validator=MINUTES)
    title: str | None = None
    location: str | None = None
    template: str | None = None
    status: Status | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Status)))
    moved_to: dt.date | None = None
    to: dt.date | None = None  # its last day, for a meeting over several days
    announced: bool = True
    """False where the meeting moved before its first date was ever made
    public: nothing then says it was moved from there."""
    note: str = ""
    items: tuple[Item, ...] = ()
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Theme:
    """A thread through the year, drawn as an arc on the wheel."""

    id: str
    name: str
    color: str | None = attrs.field(default=None, converter=_lower)
    from_date: dt.date | None = None
    to_date: dt.date | None = None
    months: tuple[int, ...] = attrs.field(default=(), validator=MONTHS)
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Case:
    """A matter that must come to one of a body's meetings."""

    title: str
    body: str
    date: dt.date | None = None
    window: tuple[dt.date, dt.date] | None = None
    months: tuple[int, ...] = attrs.field(default=(), validator=MONTHS)
    minutes: Minutes = attrs.field(default=NO_MINUTES, validator=MINUTES)
    method: str = ""
    responsible: str = ""
    purpose: str = ""
    attachments: tuple[str, ...] = ()
    theme: str | None = None
    route: str | None = None
    """The ``[[route]]`` it travels (SPEC §12): ``body`` is then the route's
    last step, and ``date``, ``window`` or ``month`` say where that step goes."""
    step_minutes: tuple[Minutes, ...] = attrs.field(default=(), validator=MINUTES)
    """On a route, each step's minutes, in the route's order (none given:
    ``minutes`` at every step)."""
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)

    def minutes_at(self, step: int) -> Minutes:
        """Its minutes at the route's step ``step`` (from 0)."""
        return self.step_minutes[step] if self.step_minutes else self.minutes


@attrs.frozen(kw_only=True)
class Route:
    """The bodies a case passes, in order, each on a meeting of its own at
    least ``gap`` days before the next (SPEC §12)."""

    id: str
    steps: tuple[str, ...]
    gap: int = attrs.field(default=1, validator=ROUTE_GAP)
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Plan:
    """One plan: read from a file (and validated on the way), or built in
    code (and validated when it is scheduled)."""

    title: str
    id: str
    start: dt.date
    end: dt.date
    timezone: str = "Europe/Copenhagen"
    language: Language = attrs.field(default=Language.DA,
                                     validator=attrs.validators.instance_of(Language))
    # The holidays package knows country codes in upper case; a plan may
    # write "dk", as people do.
    holidays: str = attrs.field(default="DK", converter=_upper)
    holiday_categories: tuple[str, ...] = ("public",)
    minutes: Minutes | None = attrs.field(default=None, validator=MINUTES)
    # The month the wheel starts at: 8 for a school year from August.
    wheel_start: int = attrs.field(default=1, validator=MONTHS)
    closed: tuple[Closed, ...] = ()
    bodies: tuple[Body, ...] = ()
    series: tuple[Series, ...] = ()
    meetings: tuple[MeetingChange, ...] = ()
    templates: tuple[Template, ...] = ()
    themes: tuple[Theme, ...] = ()
    cases: tuple[Case, ...] = ()
    routes: tuple[Route, ...] = ()
    source: str = attrs.field(default="<plan>", eq=False)
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)
    # Bodies by id: the feeds and the wheel ask for a meeting's body
    # thousands of times in a large plan.
    _by_id: dict[str, Body] = attrs.field(init=False, eq=False, repr=False)

    @_by_id.default
    def _bodies_by_id(self) -> dict[str, Body]:
        return {body.id: body for body in self.bodies}

    def body(self, body_id: str) -> Body:
        return self._by_id[body_id]

    def minutes_of(self, body_id: str) -> Minutes | None:
        """How long a meeting of the body lasts that gives only its start:
        the body's ``minutes``, else the plan's; None where neither says."""
        body = self._by_id.get(body_id)
        return body.minutes if body is not None and body.minutes is not None else self.minutes

    def template(self, template_id: str) -> Template:
        for template in self.templates:
            if template.id == template_id:
                return template
        raise KeyError(template_id)


@attrs.frozen(kw_only=True)
class Meeting:
    """One meeting of a body, as the plan gives it.

    ``uid`` is stable: it depends on the plan id, the body and the date the
    rule gave (``original_date`` when moved), never on the order of the file.

    ``items`` are only the meeting's own items, from its ``[[meeting.item]]``
    tables, unnumbered and untimed. Its agenda (those, the template's items
    and the cases placed on it, numbered and timed) is
    ``assemble(plan, schedule).agenda(meeting)``; ``meetings --format json``
    lists that agenda's items as the meeting's ``"items"``.
    """

    uid: str
    body: str
    title: str
    date: dt.date
    start: ClockTime
    end: ClockTime
    status: Status = attrs.field(default=Status.PLANNED,
                                 validator=attrs.validators.instance_of(Status))
    location: str = ""
    original_date: dt.date | None = None
    announced: bool = True
    """Whether ``original_date`` was ever made public (``announced`` of its
    ``[[meeting]]``); the UID comes from it either way."""
    note: str = ""
    template: str | None = None
    items: tuple[Item, ...] = ()
    to: dt.date | None = None
    """Its last day, for a meeting over several days (from ``start`` on
    ``date`` to ``end`` on ``to``); None for a meeting of one day."""
    all_day: bool = False
    """All day (or all its days), with no clock times: ``start`` and ``end``
    are then both midnight, and its agenda has no time."""
    where: Where = attrs.field(default=NOWHERE, eq=False, repr=False)

    @property
    def minutes(self) -> Minutes:
        """The time its agenda has: from its start to its end, or, over
        several days, to midnight of its first day; none all day."""
        if self.to is None or self.all_day:
            return self.start.until(self.end)
        return Minutes(MINUTES_PER_DAY - 1 - self.start.minutes)

    @property
    def last_day(self) -> dt.date:
        return self.to or self.date

    @property
    def moved_from(self) -> dt.date | None:
        """The date to say the meeting moved from ("flyttet fra …"): its
        first date, where that was announced."""
        return self.original_date if self.announced else None


def nearest_dates(meetings: Iterable[Meeting], body: str, day: dt.date
                  ) -> tuple[dt.date, ...]:
    """The body's planned meetings nearest before and after ``day``."""
    dates = sorted(m.date for m in meetings if m.body == body and m.status is Status.PLANNED)
    before = [d for d in dates if d < day][-1:]
    after = [d for d in dates if d > day][:1]
    return (*before, *after)
