"""Meetings -> clashes: one body meeting twice at once, two bodies in one room.

The last step of scheduling (:mod:`aarshjul.scheduling.meetings`), on the
meetings with their final dates and times. A clash is reported once for each
pair of tables that cause it, however many days they clash, at the table to
blame: a ``[[meeting]]`` that moved or retimed a meeting, else the later one.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from aarshjul.choices import Status
from aarshjul.clock import MINUTES_PER_DAY
from aarshjul.errors import Problem, Severity
from aarshjul.messages import Message, _
from aarshjul.model import Meeting, Where
from aarshjul.scheduling.changes import located


def overlaps(meetings: list[Meeting]) -> list[Problem]:
    """An error for each two tables that make one body meet twice at once."""
    by_body: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        by_body[meeting.body].append(meeting)
    pairs = [pair for body in sorted(by_body) for pair in _overlapping(by_body[body])]
    return _report_pairs(pairs, "overlap", Severity.ERROR, lambda one, other, when: _(
        '"{body}" meets twice at once {when}: {span} overlaps {other_span} ({other})',
        body=one.body, when=when, span=_span(one), other_span=_span(other),
        other=located(other.where)))


def room_clashes(meetings: list[Meeting]) -> list[Problem]:
    """A warning for each two tables that put two bodies in one room at once."""
    by_room: dict[str, list[Meeting]] = defaultdict(list)
    for meeting in meetings:
        room = " ".join(meeting.location.casefold().split())
        if room:
            by_room[room].append(meeting)
    pairs = [(day, first, second) for room in sorted(by_room)
             for day, first, second in _overlapping(by_room[room])
             if first.body != second.body]
    return _report_pairs(pairs, "room-clash", Severity.WARNING, lambda one, other, when: _(
        '"{body}" {span} and "{other_body}" {other_span} ({other}) are both in "{room}" '
        "{when}", body=one.body, span=_span(one), other_body=other.body,
        other_span=_span(other), other=located(other.where), room=one.location, when=when))


def _overlapping(meetings: list[Meeting]) -> Iterable[tuple[dt.date, Meeting, Meeting]]:
    """Pairs (earlier, later) of active meetings that overlap, with the day
    they do (a meeting over several days may on each of its days)."""
    by_day: dict[dt.date, list[tuple[Meeting, int, int]]] = defaultdict(list)
    for meeting in meetings:
        if meeting.status is Status.PLANNED:
            for day, start, end in _days(meeting):
                by_day[day].append((meeting, start, end))
    for day in sorted(by_day):
        todays = by_day[day]
        for index, (later, later_start, later_end) in enumerate(todays):
            for earlier, earlier_start, earlier_end in todays[:index]:
                # An all-day meeting gives no hours: a meeting with times on
                # one of its days (the byråd at 17.00 on a budget seminar's
                # last day) is when it says, not a clash.
                if earlier.all_day != later.all_day:
                    continue
                if earlier_start < later_end and later_start < earlier_end:
                    yield day, earlier, later


def _days(meeting: Meeting) -> Iterable[tuple[dt.date, int, int]]:
    """Each day of the meeting, and the minutes of it that it holds: over
    several days, from its start on the first to its end on the last; all
    day, the whole of each day."""
    if meeting.to is None and not meeting.all_day:
        yield meeting.date, meeting.start.minutes, meeting.end.minutes
        return
    last = meeting.last_day
    for offset in range((last - meeting.date).days + 1):
        day = meeting.date + dt.timedelta(days=offset)
        yield (day, 0 if meeting.all_day or day > meeting.date else meeting.start.minutes,
               MINUTES_PER_DAY if meeting.all_day or day < last else meeting.end.minutes)


def _span(meeting: Meeting) -> str:
    if meeting.all_day:
        return f"{meeting.date}–{meeting.last_day}"
    if meeting.to is not None:
        return f"{meeting.date} {meeting.start}–{meeting.to} {meeting.end}"
    return f"{meeting.start}–{meeting.end}"


def _blamed(first: Meeting, second: Meeting) -> tuple[Meeting, Meeting]:
    """(the one to report, the other): a ``[[meeting]]`` that moved or retimed
    a meeting is what caused the clash, else the later of the two."""
    changed = [m for m in (first, second) if m.where.key.startswith("meeting[")]
    culprit = changed[0] if len(changed) == 1 else second
    return culprit, first if culprit is second else second


def _report_pairs(pairs: Iterable[tuple[dt.date, Meeting, Meeting]], code: str,
                  severity: Severity,
                  describe: Callable[[Meeting, Meeting, Message], Message]) -> list[Problem]:
    """One problem for each pair of tables that clash, however many days
    they do (a daily series in a busy room would otherwise clash 300 times)."""
    days: dict[tuple[Where, Where], list[tuple[dt.date, Meeting, Meeting]]] = defaultdict(list)
    for day, first, second in pairs:
        culprit, other = _blamed(first, second)
        days[culprit.where, other.where].append((day, culprit, other))
    problems = []
    for clashes in days.values():
        _day, culprit, other = clashes[0]
        dates = [day.isoformat() for day, _culprit, _other in clashes]
        some = ", ".join(dates[:3]) + (", …" if len(dates) > 3 else "")
        when = (_("on {date}", date=dates[0]) if len(dates) == 1 else
                _("on {count} days ({dates})", count=len(dates), dates=some))
        problems.append(culprit.where.problem(code, describe(culprit, other, when),
                                              severity=severity))
    return problems
