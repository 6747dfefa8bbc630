"""What publishing a plan into a CalDAV calendar must change (SPEC §8).

Pure: the calendar's events come in as text, and out come the changes that
make the calendar hold the plan's meetings, each as one event with the same
UID and content as in the feeds. :mod:`aarshjul.publishing.server` talks to the
server.

- A meeting whose event the calendar holds with the same content is left
  alone (in any line order: servers store lines in their own), so a second
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
from aarshjul.ical.feeds import (
    SOURCE,
    Previous,
    Stamper,
    agenda_paths,
    agenda_url,
    calendar_object,
    meeting_event,
    read_previous,
    zone_lines,
)
from aarshjul.model import Meeting, Plan, Status


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
    """Everything a publish must do, and how many events are already right."""

    changes: tuple[Change, ...]
    unchanged: int

    def count(self, action: Action) -> int:
        return sum(1 for change in self.changes if change.action is action)


@attrs.frozen
class _Found:
    href: str
    source: str | None
    previous: Previous


def _read(held: Iterable[Held]) -> dict[str, list[_Found]]:
    found: dict[str, list[_Found]] = {}
    for event in held:
        for uid, previous in read_previous([event.text]).items():
            source = next((line.partition(":")[2] for line in previous.content
                           if line.startswith(f"{SOURCE}:")), None)
            found.setdefault(uid, []).append(_Found(event.href, source, previous))
    return found


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
    stamper = Stamper(now, {uid: events[0].previous for uid, events in found.items()})
    zone = zone_lines(plan, meetings)
    pages = agenda_paths(agendas)
    changes = []
    unchanged = 0
    for meeting in meetings:
        event = meeting_event(plan, meeting, agendas.agenda(meeting),
                              url=agenda_url(base_url, pages[meeting.uid]), stamper=stamper)
        there = found.get(meeting.uid)
        if there is None:
            changes.append(Change(Action.CREATE, meeting.uid, label(meeting),
                                  text=calendar_object(event, zone)))
        elif _same(event, meeting.uid, there[0].previous):
            unchanged += 1
        else:
            changes.append(Change(Action.UPDATE, meeting.uid, label(meeting),
                                  text=calendar_object(event, zone), href=there[0].href))
    wanted = {m.uid for m in meetings}
    for uid, events in sorted(found.items()):
        # A second copy of a meeting's event (one UID at two addresses) goes too.
        extra = events if uid not in wanted else events[1:]
        changes += [Change(Action.REMOVE, uid, _removed_label(uid, e), href=e.href)
                    for e in extra if _ours(e.source, plan.id, body)]
    return Sync(tuple(changes), unchanged)


def _ours(source: str | None, plan_id: str, body: str | None) -> bool:
    """An event this publish may remove: of this plan, and of ``body`` if
    given (of any body otherwise, also one the plan no longer has)."""
    if source is None:
        return False
    plan_of, _, body_of = source.partition("/")
    return plan_of == plan_id and (body is None or body_of == body)


def _same(event: str, uid: str, held: Previous) -> bool:
    """The event says what the calendar's says (stamps aside, in any order)."""
    mine = read_previous([event])[uid]
    return sorted(mine.content) == sorted(held.content)


def _removed_label(uid: str, event: _Found) -> str:
    """Like :func:`label`, from the event the calendar holds."""
    fields = dict(line.partition(":")[::2] for line in event.previous.content)
    start = next((v for k, v in fields.items() if k.startswith("DTSTART")), "")
    when = f"{start[:4]}-{start[4:6]}-{start[6:8]} {start[9:11]}:{start[11:13]}" if (
        start[:8].isdigit() and start[8:9] == "T") else start
    return f"{(event.source or '').partition('/')[2]} {when} {fields.get('SUMMARY', uid)}"
