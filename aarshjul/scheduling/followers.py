"""A follower's slots: one for each meeting of the body it follows.

Part of the first step of scheduling (:mod:`aarshjul.scheduling.meetings`),
made once the followed body's meetings are final (after its ``[[meeting]]``
changes and its moves), so that a follower moves with the meeting it
follows. Each of the followed body's series meetings, cancelled ones too,
gives a slot (:class:`~aarshjul.following.Following` says its day); the
follower's own ``from``, ``to``, ``months`` and ``except`` then choose among
them, and its ``on_holiday`` and ``on_closed`` move them, as for any series.
A slot's ``rule_date`` is the day it would have if no ``[[meeting]]``
changed anything, by which a ``[[meeting]]`` names it (or by its day).
One-off meetings of the followed body are not followed, and two of its
meetings that give the follower one day give it one meeting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from aarshjul.errors import Problem, Severity
from aarshjul.messages import _
from aarshjul.model import Plan, Series
from aarshjul.scheduling.calendar import WorkCalendar
from aarshjul.scheduling.changes import Draft
from aarshjul.scheduling.slots import Slot, period, settle, unused_exceptions


def follower_slots(plan: Plan, series: Series, drafts: Iterable[Draft],
                   calendar: WorkCalendar, problems: list[Problem]) -> list[Slot]:
    """The slots of a follower ``series``, in date order; ``drafts`` are
    the meetings made so far, the followed body's among them."""
    following = series.follows
    assert following is not None  # only followers are asked
    drafts = list(drafts)
    followed = sorted((one for one in drafts
                       if one.body == following.body and one.series is not None),
                      key=lambda one: (one.date, one.start.minutes, one.rule_date))
    first, last = period(plan, series)
    given: list[tuple[Draft, dt.date]] = []
    days: dict[dt.date, Draft] = {}
    for meeting in followed:
        day = following.day(meeting.date)
        if not first <= day <= last or (series.months and day.month not in series.months):
            continue  # the series' period and months limit it, as they limit a rule
        if day in days:  # two meetings followed from one day: the follower meets once
            problems.append(series.where.problem("followed-twice", _(
                '{day} follows the meeting of "{body}" on {date}, and the one on {other} '
                "already; the follower meets once that day", day=day, body=following.body,
                date=meeting.date, other=days[day].date), severity=Severity.INFO))
            continue
        days[day] = meeting
        given.append((meeting, day))
    problems += unused_exceptions(plan, series, days)
    taken = {series.body: {one.date for one in drafts if one.body == series.body}}
    wheres = settle(plan, [(series, day) for _meeting, day in given], calendar, taken)
    return [Slot(series, following.day(meeting.rule_date), where.date, where.left_out,
                 follows=meeting) for (meeting, _day), where in zip(given, wheres, strict=True)]
