"""Series -> dated slots: the dates each series gives, after holidays,
closed periods and the days it leaves out.

The first step of scheduling (:mod:`aarshjul.scheduling.meetings`). A slot
remembers the date its rule gave, which the meeting is known by even when a
holiday moves it; a slot that a holiday or closed period removed is kept,
without a date, for a ``[[meeting]]`` change to bring back
(:mod:`aarshjul.scheduling.changes`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from aarshjul.errors import Problem, Severity
from aarshjul.messages import _
from aarshjul.model import OnHoliday, Plan, Series
from aarshjul.scheduling.calendar import WorkCalendar


@attrs.frozen(eq=False)
class Slot:
    """A date a series gives, before ``[[meeting]]`` changes are applied.

    ``date`` is None when a holiday or closed period removed it; a change can
    bring it back.
    """

    series: Series
    rule_date: dt.date
    date: dt.date | None


def period(plan: Plan, series: Series) -> tuple[dt.date, dt.date]:
    """The days a series may give: its own period, inside the plan's."""
    first = max(plan.start, series.from_date or plan.start)
    last = min(plan.end, series.to_date or plan.end)
    return first, last


def series_slots(plan: Plan, series: Series, calendar: WorkCalendar,
                 problems: list[Problem]) -> list[Slot]:
    """The series' slots, in date order."""
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
    for day in sorted(recurrence.exceptions - set(dates)):
        problems.append(where.problem("unused-exception", _(
            "except lists {day}, a day this series does not give between {first} and {last}",
            day=day, first=first, last=last), severity=Severity.WARNING))
    return [_place(series, day, calendar=calendar, problems=problems, first=first, last=last)
            for day in dates]


def _place(series: Series, day: dt.date, *, calendar: WorkCalendar, problems: list[Problem],
           first: dt.date, last: dt.date) -> Slot:
    """Where a generated date ends up after holidays and closed periods."""
    if day in series.recurrence.exceptions or calendar.closed_period(day, series.body):
        return Slot(series, day, None)
    holiday = calendar.holiday(day)
    if holiday is None or series.on_holiday is OnHoliday.KEEP:
        return Slot(series, day, day)
    if series.on_holiday is OnHoliday.SKIP:
        if series.recurrence.rule is None:
            problems.append(series.where.problem("holiday-date", _(
                '{day} is a holiday ({holiday}); it is left out (on_holiday = "skip")',
                day=day, holiday=holiday), severity=Severity.WARNING))
        return Slot(series, day, None)
    forward = series.on_holiday is OnHoliday.NEXT_WORKDAY
    moved = calendar.step_to_workday(day, forward=forward, limit=last if forward else first,
                                     body=series.body)
    if moved is None:
        said = (_("{day} is a holiday ({holiday}) and there is no workday after it in the "
                  "series' period; it is left out", day=day, holiday=holiday) if forward else
                _("{day} is a holiday ({holiday}) and there is no workday before it in the "
                  "series' period; it is left out", day=day, holiday=holiday))
        problems.append(series.where.problem("no-workday", said, severity=Severity.WARNING))
    return Slot(series, day, moved)


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
