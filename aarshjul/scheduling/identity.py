"""Drafts -> meetings: each meeting's identity, and its UID.

The third step of scheduling (:mod:`aarshjul.scheduling.meetings`). A
meeting is known by its plan, body, series and the date its rule gave, never
by the order of the file, so a re-published feed updates the events its
subscribers hold instead of adding new ones.
"""

from __future__ import annotations

import uuid
from collections import defaultdict

from aarshjul.errors import Problem, Severity
from aarshjul.messages import _
from aarshjul.model import Meeting, Plan
from aarshjul.scheduling.changes import Draft
from aarshjul.uids import uid5


def identity(plan: Plan, draft: Draft) -> str:
    """What a meeting is known by: plan, body, series, and the date its rule
    gave. One-off meetings have names of their own, so that adding one never
    changes a series meeting's identity, nor the other way round."""
    if draft.follows is not None and draft.series is not None:
        # A follower is known by the meeting it follows, which keeps its
        # name when it moves: so does the follower, moved with it. Its own
        # rule date (counted from that meeting's) tells apart two series of
        # one body that follow the same meetings on other days.
        day = draft.rule_date.isoformat()
        own = draft.body if draft.series.id is None else f"{draft.body}/{draft.series.id}"
        return f"{identity(plan, draft.follows)}/followed-by/{own}/{day}"
    day = draft.rule_date.isoformat()
    if draft.series is None:
        return f"{plan.id}/{draft.body}/{day}/one-off"
    if draft.series.id is not None:
        return f"{plan.id}/{draft.body}/{draft.series.id}/{day}"
    return f"{plan.id}/{draft.body}/{day}"


def with_uids(plan: Plan, drafts: list[Draft], namespace: uuid.UUID, problems: list[Problem]
              ) -> list[Meeting]:
    """Meetings with UIDs (uuid5 of their identity), in date order.

    Two meetings with one identity (two series without an id, or two one-offs,
    of one body on one day) are told apart by the time their rule gave; that
    name changes if the time does, so a warning asks for series ids.
    """
    groups: dict[str, list[Draft]] = defaultdict(list)
    for draft in drafts:
        groups[identity(plan, draft)].append(draft)
    meetings = []
    for name, group in groups.items():
        if len(group) > 1:
            group.sort(key=lambda d: (d.identity_start, d.start, d.end, d.title, d.location))
            first = group[0]
            # A one-off has no id to give: say what follows, not a remedy
            # the format does not have.
            said = (_('"{body}" has {count} one-off meetings on {date}: calendar programs '
                      "tell them apart by their start times, so one whose start changes "
                      "will be a new event to them", body=first.body, count=len(group),
                      date=first.rule_date)
                    if first.series is None else
                    _('"{body}" meets {count} times on {date} from series without an id: '
                      "give each [[series]] an id, so that calendar programs keep knowing "
                      "these meetings when their times change",
                      body=first.body, count=len(group), date=first.rule_date))
            problems.append(group[-1].where.problem("same-identity", said,
                                                    severity=Severity.WARNING))
        for draft in group:
            uid_name = f"{name}@{draft.identity_start}" if len(group) > 1 else name
            meetings.append(Meeting(
                uid=uid5(namespace, uid_name), body=draft.body, title=draft.title,
                date=draft.date, start=draft.start, end=draft.end, status=draft.status,
                location=draft.location,
                original_date=draft.rule_date if draft.rule_date != draft.date else None,
                announced=_announced(draft),
                note=draft.note, template=draft.template,
                items=draft.change.items if draft.change else (), where=draft.where,
                to=draft.to, all_day=draft.all_day))
    # Minutes, not ClockTimes: plain numbers compare without calling Python.
    meetings.sort(key=lambda m: (m.date, m.start.minutes, m.body, m.end.minutes, m.uid))
    return meetings


def _announced(draft: Draft) -> bool:
    """Whether the meeting's first date was made public: its change says,
    or a follower's followed meeting, which moved it."""
    if draft.change is not None:
        return draft.change.announced
    return _announced(draft.follows) if draft.follows is not None else True
