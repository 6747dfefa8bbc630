"""Where a date a series gives ends up: on its day, moved off a holiday or
out of a closed period, or left out, and why.

Part of the first step of scheduling (:mod:`aarshjul.scheduling.slots`).
A date in a closed period follows the series' ``on_closed``, even if it is
a holiday too; a date on a holiday follows ``on_holiday``. Each may stay
(``keep``, holidays only), be left out (``skip``), move to the nearest
workday (``next-workday``, ``previous-workday``) or move by whole weeks
(``week-before``, ``week-after``), as Danish plans move a meeting to the
same weekday a week earlier or later.

A week move steps a week at a time, at most :data:`MOST_WEEKS`, to the
first day that is neither a holiday nor closed; it may not land on a day
its body already meets (from any of its series), so it is made once every
series' other dates are known (:func:`move_by_weeks`). A date left out
carries the finding that says why, which scheduling reports unless a
``[[meeting]]`` brings the meeting back: nothing disappears silently.
"""

from __future__ import annotations

import datetime as dt

import attrs

from aarshjul.choices import OnHoliday
from aarshjul.errors import Problem, Severity
from aarshjul.messages import Message, _
from aarshjul.model import Series
from aarshjul.scheduling.calendar import WorkCalendar

MOST_WEEKS = 4
"""How many weeks a week move goes at most."""

_WEEK = dt.timedelta(days=7)


@attrs.frozen
class Placed:
    """Where a date ends up: its day (moved or not), or None and why."""

    date: dt.date | None
    left_out: Problem | None = None


@attrs.frozen
class WeekMove:
    """A date to move by whole weeks, once the days its body meets are known."""

    series: Series
    day: dt.date
    cause: Message
    """Why it moves: the holiday or the closed period (:func:`_holiday`, :func:`_closed`)."""
    forward: bool


def place(series: Series, day: dt.date, *, calendar: WorkCalendar, first: dt.date,
          last: dt.date) -> Placed | WeekMove:
    """Where ``day`` ends up; moves stay in the series' period (``first``
    to ``last``). The series' ``except`` is not asked here."""
    closed = calendar.closed_period(day, series.body)
    if closed is not None:
        how, key, cause = series.on_closed.value, "on_closed", _closed(closed.name)
    else:
        holiday = calendar.holiday(day)
        if holiday is None or series.on_holiday is OnHoliday.KEEP:
            return Placed(day)
        how, key, cause = series.on_holiday.value, "on_holiday", _holiday(holiday)
    if how in ("week-before", "week-after"):
        return WeekMove(series, day, cause, forward=how == "week-after")
    if how == "skip":
        # A date written by hand in ``dates`` that falls on a holiday is
        # likelier a slip than a rule's date is: a warning, not information.
        by_hand = (closed is None and series.recurrence.rule is None
                   and series.follows is None)
        return Placed(None, series.where.problem(
            "holiday-date" if by_hand else "left-out",
            _('{day} {cause}; it is left out ({key} = "skip")', day=day, cause=cause, key=key),
            severity=Severity.WARNING if by_hand else Severity.INFO))
    forward = how == "next-workday"
    moved = calendar.step_to_workday(day, forward=forward, limit=last if forward else first,
                                     body=series.body)
    if moved is not None:
        return Placed(moved)
    said = (_("{day} {cause} and there is no workday after it in the series' period; it is "
              "left out", day=day, cause=cause) if forward else
            _("{day} {cause} and there is no workday before it in the series' period; it is "
              "left out", day=day, cause=cause))
    return Placed(None, series.where.problem("no-workday", said, severity=Severity.WARNING))


def move_by_weeks(move: WeekMove, *, calendar: WorkCalendar, first: dt.date, last: dt.date,
                  taken: set[dt.date]) -> Placed:
    """Where a week move lands: the same weekday a week at a time earlier
    (or later), at most :data:`MOST_WEEKS` weeks and inside ``first`` to
    ``last``, on the first day that is neither a holiday nor closed; left
    out if there is none, or if its body already meets that day (``taken``,
    to which the day it lands on is added)."""
    series, day = move.series, move.day
    step = _WEEK if move.forward else -_WEEK
    candidate = day
    for _weeks in range(MOST_WEEKS):
        candidate += step
        if not first <= candidate <= last:
            break
        if calendar.holiday(candidate) or calendar.closed_period(candidate, series.body):
            continue
        if candidate in taken:
            return Placed(None, series.where.problem("left-out", _(
                '{day} {cause}; moved by whole weeks it lands on {moved}, a day "{body}" '
                "already meets, so it is left out", day=day, cause=move.cause,
                moved=candidate, body=series.body), severity=Severity.INFO))
        taken.add(candidate)
        return Placed(candidate)
    said = (_("{day} {cause}, and the same weekday 1 to {most} weeks later is a holiday, closed "
              "or outside the series' period too; it is left out", day=day, cause=move.cause,
              most=MOST_WEEKS)
            if move.forward else
            _("{day} {cause}, and the same weekday 1 to {most} weeks earlier is a holiday, "
              "closed or outside the series' period too; it is left out", day=day,
              cause=move.cause, most=MOST_WEEKS))
    return Placed(None, series.where.problem("left-out", said, severity=Severity.INFO))


def _holiday(name: str) -> Message:
    return _("is a holiday ({holiday})", holiday=name)


def _closed(name: str) -> Message:
    return _('falls in "{closed}"', closed=name)
