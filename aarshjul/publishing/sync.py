"""What publishing a plan into a CalDAV calendar must change (SPEC §8).

Pure: the calendar's events come in as text, and out come the changes that
make the calendar hold the plan's meetings, each as one event with the same
UID and content as in the feeds. :mod:`aarshjul.publishing.server` talks to the
server.

- The calendar's events are read with icalendar (:mod:`aarshjul.ical.decode`)
  and compared with the plan's as events, not as text: a server may store
  an event's lines in its own order and fold them its own way. A meeting
  whose event the calendar holds unchanged is left alone, so a second
  publish with nothing changed writes nothing.
- A changed meeting is written over its event, at the address the server
  has it; its SEQUENCE grows when its time, place or status changed, as in
  the feeds.
- Events of the plan that the plan no longer has are removed. The plan's
  events are known by ``X-AARSHJUL-SOURCE`` (plan id and body id), which
  every event aarshjul writes carries: an event without it, or of another
  plan (two plans may share a calendar), is never touched.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.paths import agenda_paths, agenda_url
from aarshjul.errors import SourceError
from aarshjul.ical.decode import Decoded, decode
from aarshjul.ical.encode import calendar_text, encode
from aarshjul.ical.meeting_events import meeting_event, zone_lines
from aarshjul.ical.stamps import Record, Stamper, record_of
from aarshjul.model import Meeting, Plan, Status

__all__ = ["Action", "Change", "Held", "Sync", "plan_sync"]


@attrs.frozen
class Held:
    """An event the calendar holds: its address on the server and its text."""

    href: str
    text: str


class Action(enum.Enum):
    CREATE = "create"
    UPDATE = "update"
    REMOVE = "remove"


@attrs.frozen
class Change:
    """One write to the calendar. ``text`` is the calendar object to put
    (none for a removal); ``href`` the address of the event it replaces or
    removes (none for a new one); ``label`` says which meeting, for people."""

    action: Action
    uid: str
    label: str
    text: str | None = None
    href: str | None = None


@attrs.frozen
class Sync:
    """Everything a publish must do, in the order it is done, and how many
    events are already right."""

    changes: tuple[Change, ...]
    unchanged: int

    @property
    def created(self) -> int:
        return self._count(Action.CREATE)

    @property
    def updated(self) -> int:
        return self._count(Action.UPDATE)

    @property
    def removed(self) -> int:
        return self._count(Action.REMOVE)

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    def _count(self, action: Action) -> int:
        return sum(1 for change in self.changes if change.action is action)


@attrs.frozen
class _Found:
    href: str
    read: Decoded


def _read(held: Iterable[Held]) -> dict[str, list[_Found]]:
    found: dict[str, list[_Found]] = {}
    for event in held:
        try:
            decoded = decode(event.text, source=event.href)
        except SourceError:  # no calendar data: nothing of ours, nothing to touch
            continue
        for read in decoded:
            found.setdefault(read.uid, []).append(_Found(event.href, read))
    return found


def _record(read: Decoded) -> Record:
    """What the calendar holds of an event, to stamp the plan's by. An
    event aarshjul could not have written still has its SEQUENCE to go on from."""
    if read.event is None:
        return Record("", "", read.stamp)
    return record_of(read.event, read.stamp)


def label(meeting: Meeting) -> str:
    """``sbu 2025-01-15 18:15 Social- og Beskæftigelsesudvalget`` (cancelled
    meetings say so)."""
    cancelled = " (cancelled)" if meeting.status is Status.CANCELLED else ""
    return f"{meeting.body} {meeting.date} {meeting.start} {meeting.title}{cancelled}"


def plan_sync(plan: Plan, agendas: Agendas, held: Iterable[Held], *, now: dt.datetime,
              body: str | None = None, base_url: str | None = None) -> Sync:
    """The changes that make a calendar holding ``held`` hold the meetings
    of ``plan`` (of one ``body``, if given), stamped at ``now``."""
    if body is not None:
        plan.body(body)  # KeyError for a body the plan does not have
    meetings = [m for m in agendas.meetings if body is None or m.body == body]
    found = _read(held)
    stamper = Stamper(now, {uid: _record(events[0].read) for uid, events in found.items()})
    zone = zone_lines(plan, meetings)
    pages = agenda_paths(agendas)
    changes = []
    unchanged = 0
    for meeting in meetings:
        event = meeting_event(plan, meeting, agendas.agenda(meeting),
                              url=agenda_url(base_url, pages[meeting.uid]))
        there = found.get(meeting.uid)
        if there is not None and there[0].read.event == event:
            unchanged += 1
            continue
        encoded = encode(event)
        text = calendar_text((), zone, [encoded.stamped(stamper.record(event, encoded).stamp)])
        if there is None:
            changes.append(Change(Action.CREATE, meeting.uid, label(meeting), text=text))
        else:
            changes.append(Change(Action.UPDATE, meeting.uid, label(meeting), text=text,
                                  href=there[0].href))
    wanted = {m.uid for m in meetings}
    for uid, events in sorted(found.items()):
        # A second copy of a meeting's event (one UID at two addresses) goes too.
        extra = events if uid not in wanted else events[1:]
        changes += [Change(Action.REMOVE, uid, _removed_label(e.read), href=e.href)
                    for e in extra if _ours(e.read.source, plan.id, body)]
    return Sync(tuple(changes), unchanged)


def _ours(source: str | None, plan_id: str, body: str | None) -> bool:
    """An event this publish may remove: of this plan, and of ``body`` if
    given (of any body otherwise, also one the plan no longer has)."""
    if source is None:
        return False
    plan_of, _, body_of = source.partition("/")
    return plan_of == plan_id and (body is None or body_of == body)


def _removed_label(read: Decoded) -> str:
    """Like :func:`label`, from the event the calendar holds."""
    body = (read.source or "").partition("/")[2]
    if read.event is None:
        return f"{body} {read.uid}"
    start = read.event.start
    when = f"{start:%Y-%m-%d %H:%M}" if isinstance(start, dt.datetime) else start.isoformat()
    return f"{body} {when} {read.event.summary}"
