"""Series -> dated slots: the dates each series gives, after holidays,
closed periods and the days it leaves out.

The first step of scheduling (:mod:`aarshjul.scheduling.meetings`). A slot
remembers the date its rule gave, which the meeting is known by even when a
holiday or closed period moves it (:mod:`aarshjul.scheduling.moves`); a
slot that a holiday or closed period removed is kept, without a date, for a
``[[meeting]]`` change to bring back (:mod:`aarshjul.scheduling.changes`),
with the finding that says why it is left out if none does.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from aarshjul.errors import Problem, Severity
from aarshjul.messages import _
from aarshjul.model import Plan, Series
from aarshjul.scheduling.calendar import WorkCalendar
from aarshjul.scheduling.moves import Placed, WeekMove, move_by_weeks, place

if TYPE_CHECKING:
    from aarshjul.scheduling.changes import Draft


@attrs.frozen(eq=False)
class Slot:
    """A date a series gives, before ``[[meeting]]`` changes are applied.

    ``date`` is None when a holiday or closed period removed it (or
    ``except`` did); a change can bring it back. ``left_out`` says why a
    holiday or closed period removed it, to be reported if no change does.
    ``follows`` is the meeting a follower's slot follows
    (:mod:`aarshjul.scheduling.followers`).
    """

    series: Series
    rule_date: dt.date
    date: dt.date | None
    left_out: Problem | None = None
    follows: Draft | None = None


def period(plan: Plan, series: Series) -> tuple[dt.date, dt.date]:
    """The days a series may give: its own period, inside the plan's."""
    first = max(plan.start, series.from_date or plan.start)
    last = min(plan.end, series.to_date or plan.end)
    return first, last


def plan_slots(plan: Plan, calendar: WorkCalendar, problems: list[Problem]) -> list[Slot]:
    """Every series' slots but followers', series by series, each in date order."""
    given: list[tuple[Series, dt.date]] = []
    for series in plan.series:
        if series.follows is None:  # a follower's dates are its followed body's
            given += [(series, day) for day in series_dates(plan, series, problems)]
    return [Slot(series, day, where.date, where.left_out) for (series, day), where
            in zip(given, settle(plan, given, calendar), strict=True)]


def settle(plan: Plan, given: Sequence[tuple[Series, dt.date]], calendar: WorkCalendar,
           taken: Mapping[str, set[dt.date]] | None = None) -> list[Placed]:
    """Where each of the ``given`` days of a series ends up (the day None
    where the series' ``except`` leaves it out).

    Week moves are made last, in date order: a meeting moved by weeks may
    not land on a day its body already meets, from any of its series or
    (``taken``) from meetings made before.
    """
    wheres: list[Placed | WeekMove] = []
    days: dict[str, set[dt.date]] = defaultdict(set)
    for body, dates in (taken or {}).items():
        days[body] |= dates
    for series, day in given:
        first, last = period(plan, series)
        where = (Placed(None) if day in series.recurrence.exceptions else
                 place(series, day, calendar=calendar, first=first, last=last))
        if isinstance(where, Placed) and where.date is not None:
            days[series.body].add(where.date)
        wheres.append(where)
    moves = [(index, where) for index, where in enumerate(wheres) if isinstance(where, WeekMove)]
    for index, move in sorted(moves, key=lambda indexed: _move_order(indexed[1])):
        first, last = period(plan, move.series)
        wheres[index] = move_by_weeks(move, calendar=calendar, first=first, last=last,
                                      taken=days[move.series.body])
    return [where for where in wheres if isinstance(where, Placed)]  # every move is made


def _move_order(move: WeekMove) -> tuple[dt.date, int, str, str]:
    """Week moves by date; two of one day by what their series say, not by
    the order of the file, which does not change the meetings."""
    return move.day, move.series.start.minutes, move.series.id or "", move.series.title or ""


def series_dates(plan: Plan, series: Series, problems: list[Problem]) -> list[dt.date]:
    """The dates a series' rule or list gives in its period and its
    ``months``, before holidays and closed periods, in date order."""
    first, last = period(plan, series)
    recurrence = series.recurrence
    where = series.where
    if recurrence.rule is not None:
        dates = recurrence.rule.expand(anchor=series.from_date or plan.start,
                                       first=first, last=last)
    else:
        dates = []
        for day in recurrence.dates:
            if first <= day <= last:
                dates.append(day)
            else:
                outside = (_("{day} is outside the plan ({first} to {last}); it is left out",
                             day=day, first=first, last=last)
                           if not plan.start <= day <= plan.end else
                           _("{day} is outside the series ({first} to {last}); it is left out",
                             day=day, first=first, last=last))
                problems.append(where.problem("outside-period", outside,
                                              severity=Severity.WARNING))
    if series.months:
        # The rule's dates: a date a week move takes into another month stays.
        dates = [day for day in dates if day.month in series.months]
    problems += unused_exceptions(plan, series, dates)
    return dates


def unused_exceptions(plan: Plan, series: Series, dates: Iterable[dt.date]) -> list[Problem]:
    """A warning for each day the series' ``except`` lists that is not
    among the ``dates`` it gives."""
    first, last = period(plan, series)
    return [series.where.problem("unused-exception", _(
        "except lists {day}, a day this series does not give between {first} and {last}",
        day=day, first=first, last=last), severity=Severity.WARNING)
        for day in sorted(series.recurrence.exceptions - set(dates))]


def empty_series(plan: Plan, used: Iterable[Series | None]) -> list[Problem]:
    """A warning for each series that gives no meeting at all (``used``
    are the series of the meetings there are)."""
    given: set[Series | None] = set()
    previous: Series | None = None
    for series in used:
        # The meetings come series by series: a series is hashed (all its
        # fields) once a run of its meetings, not once a meeting.
        if series is not previous:
            given.add(series)
            previous = series
    problems = []
    for series in plan.series:
        if series in given:
            continue
        first, last = period(plan, series)
        if first > last:
            why = _("its period ({first} to {last}) lies outside the plan ({start} to {end})",
                    first=series.from_date or plan.start, last=series.to_date or plan.end,
                    start=plan.start, end=plan.end)
        else:
            why = _("it gives no meetings between {first} and {last}", first=first, last=last)
        problems.append(series.where.problem("empty-series", why, severity=Severity.WARNING))
    return problems
