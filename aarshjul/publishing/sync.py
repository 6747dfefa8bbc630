"""What publishing a plan into a CalDAV calendar must change (SPEC §8).

Pure: the calendar's events come in as text, and out come the changes that
make the calendar hold the plan's meetings, each as one event with the same
UID and content as in the feeds. :mod:`aarshjul.publishing.server` talks to the
server.

- The calendar's events are read with icalendar (:mod:`aarshjul.ical.decode`)
  and compared with the plan's as events, not as text: a server may store
  an event's lines in its own order and fold them its own way. A meeting
  whose event the calendar holds unchanged is left alone, so a second
  publish with nothing changed writes nothing. What an event does not
  hold is no change: a property aarshjul does not write (an alarm, an
  attendee), a blank category, spaces at the ends of a text.
- A changed meeting is written over its event, at the address the server
  has it; its SEQUENCE grows when its time, place or status changed, as in
  the feeds.
- Only the plan's own events are ever written over or removed. They are
  known by ``X-AARSHJUL-SOURCE`` (plan id and body id), which every event
  aarshjul publishes carries; a calendar object is the plan's when each of
  its events that has the property names this plan (and the meeting's body),
  and one does. An object without it, or of another plan (two plans may
  share a calendar), is never changed or removed.
- An object that holds a meeting's UID but is not the plan's is a problem
  (``not-ours``), located at the object's address and naming the UID: it is
  left as it is, the meeting is not written (a second object with its UID
  would be a copy), and the rest of the plan is published.
- An event of the plan with a meeting's UID is that meeting's, however a
  calendar program changed it. One it made recurring (RRULE, RDATE, EXDATE)
  or gave an override (a second VEVENT with RECURRENCE-ID, in the same
  calendar object) is never equal to the plan's: the object is written over
  as a whole, the one meeting again, with a SEQUENCE above the highest it
  had.
- Events of the plan that the plan no longer has are removed, and a second
  copy of a meeting's event of the plan (its UID in a second calendar
  object; an override is part of its object, not a copy).
- Two plans with one id (two plans with one title and no ``id`` of their
  own) cannot be told apart by their events. A publish that would remove
  every event of its id that the calendar holds, keeping none, is refused
  unless asked to replace them: the events are most likely another plan's.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Iterable

import attrs

from aarshjul.addresses import check_base_url, without_login
from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.paths import agenda_paths, agenda_url
from aarshjul.choices import Status
from aarshjul.errors import Problem, PublishError, Severity, SourceError
from aarshjul.ical.decode import Decoded, decode
from aarshjul.ical.encode import SOURCE, calendar_text, encode
from aarshjul.ical.event import Event
from aarshjul.ical.meeting_events import meeting_event, zone_lines
from aarshjul.ical.stamps import Record, Stamper, record_of
from aarshjul.messages import _
from aarshjul.model import Meeting, Plan
from aarshjul.vocabulary import COMMAND_LINE

__all__ = ["Action", "Change"]


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
    """Everything a publish must do, in the order it is done, how many
    events are already right, and the problems: events that hold one of
    the plan's UIDs but are not the plan's (each left as it is)."""

    changes: tuple[Change, ...]
    unchanged: int
    problems: tuple[Problem, ...] = ()

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
class _Object:
    """A calendar object (one address on the server) and its VEVENTs of one
    UID: one, or a recurring event's master and overrides."""

    href: str
    reads: tuple[Decoded, ...]

    @property
    def event(self) -> Event | None:
        """The event it holds, where it holds one event aarshjul could have written."""
        return self.reads[0].event if len(self.reads) == 1 else None

    def record(self) -> Record:
        """What it holds, to stamp the plan's event by. An object aarshjul
        could not have written still has a SEQUENCE to go on from: the
        highest of its events', so that a client's count never goes back."""
        if self.event is not None:
            return record_of(self.event, self.reads[0].stamp)
        stamp = max((read.stamp for read in self.reads), key=lambda s: (s.sequence, s.at))
        return Record("", "", stamp)

    def ours(self, plan_id: str, body: str | None) -> bool:
        """An object this publish may remove: its events say they are of
        this plan (and of ``body`` if given), and none says otherwise."""
        sources = {read.source for read in self.reads if read.source is not None}
        return bool(sources) and all(_ours(source, plan_id, body) for source in sources)


def _read(held: Iterable[Held]) -> dict[str, list[_Object]]:
    """The calendar's objects by the UID of their events, in the order held.
    A copy is counted by object: a recurring event's override is part of it."""
    found: dict[str, dict[str, list[Decoded]]] = {}
    for event in held:
        try:
            decoded = decode(event.text, source=event.href)
        except SourceError:  # no calendar data: nothing of ours, nothing to touch
            continue
        for read in decoded:
            found.setdefault(read.uid, {}).setdefault(event.href, []).append(read)
    return {uid: [_Object(href, tuple(reads)) for href, reads in objects.items()]
            for uid, objects in found.items()}


def label(meeting: Meeting) -> str:
    """``sbu 2025-01-15 18:15 Social- og Beskæftigelsesudvalget`` (cancelled
    meetings say so; an all-day meeting has no time)."""
    cancelled = f" ({COMMAND_LINE.cancelled})" if meeting.status is Status.CANCELLED else ""
    time = "" if meeting.all_day else f" {meeting.start}"
    return f"{meeting.body} {meeting.date}{time} {meeting.title}{cancelled}"


def plan_sync(plan: Plan, agendas: Agendas, held: Iterable[Held], *, now: dt.datetime,
              body: str | None = None, base_url: str | None = None,
              replace: bool = False) -> Sync:
    """The changes that make a calendar holding ``held`` hold the meetings
    of ``plan`` (of one ``body``, if given), stamped at ``now``. Raises
    ValueError for a ``base_url`` that is no site's address, and
    :class:`~aarshjul.errors.PublishError` (located nowhere: the caller
    knows the calendar) where the calendar holds events of the plan's id
    and none of its meetings, unless ``replace`` (see :func:`_another_plan`)."""
    check_base_url(base_url)
    if body is not None:
        plan.body(body)  # KeyError for a body the plan does not have
    meetings = [m for m in agendas.meetings if body is None or m.body == body]
    found = _read(held)
    if not replace:
        _another_plan(plan, body, meetings, found)
    stamper = Stamper(now, {uid: _record(objects, plan.id) for uid, objects in found.items()})
    zone = zone_lines(plan, meetings)
    pages = agenda_paths(agendas)
    changes = []
    problems = []
    unchanged = 0
    for meeting in meetings:
        objects = found.get(meeting.uid, [])
        mine = [o for o in objects if o.ours(plan.id, meeting.body)]
        problems += [_not_ours(o, meeting) for o in objects if o not in mine]
        if objects and not mine:
            continue  # the UID is taken by an event not of this plan: leave both alone
        event = meeting_event(plan, meeting, agendas.agenda(meeting),
                              url=agenda_url(base_url, pages[meeting.uid]))
        if mine and mine[0].event == event:
            unchanged += 1
            continue
        encoded = encode(event)
        text = calendar_text((), zone, [encoded.stamped(stamper.record(event, encoded).stamp)])
        if not mine:
            changes.append(Change(Action.CREATE, meeting.uid, label(meeting), text=text))
        else:
            changes.append(Change(Action.UPDATE, meeting.uid, label(meeting), text=text,
                                  href=mine[0].href))
    wanted = {m.uid for m in meetings}
    for uid, objects in sorted(found.items()):
        # A second copy of a meeting's event (one UID at two addresses) goes too.
        ours = [o for o in objects if o.ours(plan.id, body)]
        extra = ours if uid not in wanted else ours[1:]
        changes += [Change(Action.REMOVE, uid, _removed_label(o.reads[0]), href=o.href)
                    for o in extra]
    return Sync(tuple(changes), unchanged, tuple(problems))


def _not_ours(there: _Object, meeting: Meeting) -> Problem:
    """The problem of a calendar object that holds a meeting's UID but is not
    this plan's: it is left as it is, and so is the meeting."""
    sources = sorted({read.source for read in there.reads if read.source is not None})
    whose = (_("it is marked {property}:{sources}, not this plan's", property=SOURCE,
               sources=", ".join(sources)) if sources
             else _("it has no {property} of this plan", property=SOURCE))
    return Problem(Severity.ERROR, "not-ours", _(
        "the event holds the UID {uid} of {meeting}, but {whose}: it is left as it is and the "
        "meeting is not published there (remove the event, or give the plan an id of its own)",
        uid=meeting.uid, meeting=label(meeting), whose=whose), without_login(there.href))


def _another_plan(plan: Plan, body: str | None, meetings: list[Meeting],
                  found: dict[str, list[_Object]]) -> None:
    """Refuse a publish that would remove every event of the plan's id
    the calendar holds, and keep none: they are most likely another plan's
    with the same id (the default id is the title's, and two plans may
    share a title), or the plan's own of a period it no longer covers
    (last year's, published from a file now planning the next). Which
    one, only the user can say: an id of its own keeps them, ``replace``
    removes them. An edited plan keeps its meetings' UIDs (SPEC §6), so
    it always keeps some of its events, unless it has none at all."""
    held = {uid for uid, objects in found.items() if any(o.ours(plan.id, body) for o in objects)}
    if not held or held & {m.uid for m in meetings}:
        return
    count, plan_id, planned = len(held), plan.id, len(meetings)
    raise PublishError.single("another-plan", _(
        "the calendar holds {count} events of the body {body} of a plan with the id "
        "\"{plan}\" and none of this plan's {meetings} meetings: a publish would remove them "
        "all. If they are another plan's (a plan without an id has its title's), give this "
        "plan an id of its own ([plan] id = \"…\"); if they are this plan's to replace (a "
        "past year's), publish with --replace",
        count=count, body=body, plan=plan_id, meetings=planned) if body else _(
        "the calendar holds {count} events of a plan with the id \"{plan}\" and none of this "
        "plan's {meetings} meetings: a publish would remove them all. If they are another "
        "plan's (a plan without an id has its title's), give this plan an id of its own "
        "([plan] id = \"…\"); if they are this plan's to replace (a past year's), publish "
        "with --replace", count=count, plan=plan_id, meetings=planned))


def _record(objects: list[_Object], plan_id: str) -> Record:
    """What the calendar holds of a UID to stamp by: this plan's object."""
    return next((o for o in objects if o.ours(plan_id, None)), objects[0]).record()


def _ours(source: str, plan_id: str, body: str | None) -> bool:
    """A source of this plan, and of ``body`` if given (of any body
    otherwise, also one the plan no longer has)."""
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
