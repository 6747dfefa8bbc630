"""Spans of days and of time, and how long a meeting lasts: the one rule for
every span of dates (:func:`check_span`), the one rule for a meeting's times
(:func:`check_times`, which scheduling also asks once a ``[[meeting]]``
change is applied), a meeting's ``end`` or ``minutes``, its days (``to``),
and the length of a series that gives only its start.

Part of the validation pass (:mod:`aarshjul.plan.validate`), which calls
them table by table.
"""

from __future__ import annotations

import datetime as dt

from aarshjul.clock import MINUTES_PER_DAY, ClockTime
from aarshjul.errors import Problem
from aarshjul.messages import _
from aarshjul.model import MeetingChange, Plan, Series, Where


def check_span(where: Where, first: dt.date | None, last: dt.date | None, *,
               keys: tuple[str, str] = ("from", "to"),
               longest_years: int | None = None) -> Problem | None:
    """The one rule for every span of dates: it does not end before it starts
    (and touches at most ``longest_years`` calendar years). ``keys`` say how it is written:
    ``from``/``to``, the plan's ``start``/``end``, or one key holding both."""
    start_key, end_key = keys
    if first is None or last is None or where.unread & {start_key, end_key}:
        return None
    if last < first:
        if start_key == end_key:
            said = _("{last} is before {first}", last=last, first=first)
        elif start_key == "start":
            said = _("the plan ends ({last}) before it starts ({first})", last=last, first=first)
        else:
            said = _("{last} is before {key} = {first}", last=last, key=start_key, first=first)
        return where.problem("end-before-start", said, key=end_key)
    # Counted in calendar years, both ends included: holidays are looked up
    # by the year, so 2025-01-01 to 2074-12-31 is 50 years (and 2025 alone, 1).
    years = last.year - first.year + 1
    if longest_years is not None and years > longest_years:
        return where.problem("bad-value", _("the plan spans {years} calendar years "
                                            "({first} to {last}); at most {most} are allowed",
                                            years=years, first=first.year, last=last.year,
                                            most=longest_years), key=end_key)
    return None


def check_times(where: Where, start: ClockTime | None, *, end: ClockTime | None = None,
                minutes: int | None = None, length_key: str = "minutes") -> Problem | None:
    """The one rule for a meeting's times: it lasts at least a minute and
    ends after it starts, on the same day. ``minutes`` is its length, written
    at ``length_key`` (or, for a new start that keeps a meeting's length, the
    length it keeps)."""
    unread = where.unread
    if (end is not None and start is not None and not unread & {"start", "end"}
            and end <= start):
        return where.problem("end-before-start", _("the meeting ends ({end}) before or when "
                                                   "it starts ({start}); meetings end on the "
                                                   "day they start", end=end, start=start),
                             key="end")
    if minutes is None or length_key in unread:
        return None
    if minutes < 1:
        return where.problem("bad-value", _("a meeting lasts at least 1 minute"),
                             key=length_key)
    if start is not None and "start" not in unread and start.minutes + minutes >= MINUTES_PER_DAY:
        return where.problem("bad-value", _("{start} + {minutes} minutes runs past midnight; "
                                            "meetings end on the day they start",
                                            start=start, minutes=minutes), key=length_key)
    return None


def end_or_minutes(where: Where, start: ClockTime | None, end: ClockTime | None,
           minutes: int | None) -> tuple[Problem | None, Problem | None]:
    """A meeting ends at ``end`` or after ``minutes``, not both: the
    conflict, and the time rule for the end (the minutes are then not read)."""
    if end is None or minutes is None or where.unread & {"end", "minutes"}:
        return None, check_times(where, start, end=end, minutes=minutes)
    return (where.problem("conflicting-keys", _('give "end" or "minutes", not both'),
                          key="minutes"),
            check_times(where, start, end=end))


LONGEST_DAYS = 14
"""The most days a meeting over several days spans (its ``to`` after its date)."""


def several_days(change: MeetingChange) -> tuple[Problem | None, ...]:
    """A meeting over several days (``to``, its last day) runs from its
    first day (its date, or where it is moved to) at ``start`` to its last
    at ``end``: both times or neither (all day, for a one-off), no minutes;
    it ends on or after its first day, and at most 14 days later."""
    where = change.where
    if where.unread & {"to", "date", "moved_to"}:
        return ()
    assert change.to is not None
    first = change.moved_to or change.date
    key = "moved_to" if change.moved_to is not None else "date"
    span = check_span(where, first, change.to, keys=(key, "to"))
    if span is None and (change.to - first).days > LONGEST_DAYS:
        span = where.problem("bad-value", _(
            "a meeting lasts at most {most} days ({first} to {last} is {days})",
            most=LONGEST_DAYS, first=first, last=change.to,
            days=(change.to - first).days + 1), key="to")
    if change.minutes is not None or "minutes" in where.unread:
        return span, where.problem("conflicting-keys", _(
            'a meeting over several days gives "start" and "end", not "minutes"'),
            key="minutes")
    if (change.start is None) != (change.end is None) and not where.unread & {"start", "end"}:
        return span, where.problem("missing-key", _(
            'a meeting over several days gives "start" (on its first day) and "end" (on its '
            "last), or neither"), key="start" if change.end is None else "end")
    if change.to == first:  # one day after all: the one rule for its times
        return span, check_times(where, change.start, end=change.end)
    return (span,)


def series_length(plan: Plan, series: Series) -> Problem | None:
    """A series that gives its start alone lasts its body's ``minutes``, or
    the plan's: one of them must say how long, and its meetings end before
    midnight. (A key the reader could not read is reported already.)"""
    if series.end is not None or series.minutes is not None or series.where.unread & {
            "end", "minutes"}:
        return None
    minutes = plan.minutes_of(series.body)
    if minutes is None:
        if "minutes" in plan.where.unread or any(
                "minutes" in body.where.unread for body in plan.bodies if body.id == series.body):
            return None
        return series.where.problem("missing-key", _(
            '"end" or "minutes" is required, or "minutes" on the [[body]] or in [plan] for '
            "every meeting that gives only its start"))
    if minutes < 1 or "start" in series.where.unread:  # reported already
        return None
    return check_times(series.where, series.start, minutes=minutes, length_key="start")
