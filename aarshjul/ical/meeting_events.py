"""Meetings and agenda deadlines as events: what a subscriber's calendar shows.

A meeting's event carries its time in the plan's zone, its place, its
status (a cancelled meeting stays, ``CANCELLED``), the agenda with clock
times as its description, the body's kind and the agenda's themes as
categories, a link to its agenda page, and the plan and body that made it.
Its UID is the meeting's (:mod:`aarshjul.scheduling.identity`), so an update
moves an event instead of adding a second one.

An agenda deadline is an all-day event on the day the agenda must be sent
out (:meth:`aarshjul.deadlines.Deadline.day_before`), related to its meeting;
so is a case's deadline (:mod:`aarshjul.ical.case_events`), through
:func:`day_before_meeting`.

The meetings' events share one VTIMEZONE (:func:`zone_lines`), which the
feeds and a CalDAV calendar object both carry.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Sequence

from aarshjul.agenda.items import Agenda, AgendaItem
from aarshjul.choices import Status
from aarshjul.ical.colors import css_name
from aarshjul.ical.event import Event, EventStatus, feed_text
from aarshjul.ical.vtimezone import vtimezone
from aarshjul.model import Meeting, Plan
from aarshjul.scheduling.calendar import WorkCalendar
from aarshjul.uids import uid5
from aarshjul.vocabulary import Words, words

__all__ = ["day_before_meeting", "deadline_event", "meeting_event", "zone_lines"]


def _description(agenda: Agenda, meeting: Meeting, said: Words, url: str | None) -> str:
    """The agenda with clock times, as plain lines a calendar shows."""
    lines = []
    if meeting.note:
        lines += [f"{said.note}: {meeting.note}", ""]
    if agenda.items:
        lines.append(f"{said.agenda}:")
        lines += [_item_line(item, agenda.cancelled) for item in agenda.items]
    if url:
        lines += ["", f"{said.the_agenda}: {url}"]
    return "\n".join(lines)


@functools.lru_cache(maxsize=4096)  # a series' meetings share their items and times
def _item_line(item: AgendaItem, cancelled: bool) -> str:
    time = (f"{item.start.dotted()}–{item.end.dotted()}"
            if item.start and item.end and not cancelled else " " * 11)
    who = f" ({item.responsible})" if item.responsible else ""
    return f"{time}  {item.number}. {' '.join(item.title.split())}{who}"


def _status(meeting: Meeting) -> EventStatus:
    return EventStatus.CANCELLED if meeting.status is Status.CANCELLED else EventStatus.CONFIRMED


def meeting_event(plan: Plan, meeting: Meeting, agenda: Agenda, *, url: str | None) -> Event:
    """A meeting's event, as it stands in the feeds and in a CalDAV calendar."""
    said = words(plan.language)
    body = plan.body(meeting.body)
    status = _status(meeting)
    summary = feed_text(meeting.title) or body.name  # a title of spaces says nothing
    if status is EventStatus.CANCELLED:
        summary = f"{said.cancelled.upper()}: {summary}"
    categories = [body.kind] if body.kind else []
    if any(item.theme for item in agenda.items):
        themes = {t.id: t.name for t in plan.themes}
        categories += sorted({themes[i.theme] for i in agenda.items if i.theme in themes})
    start, end = _span(meeting)
    return Event(
        uid=meeting.uid, start=start, end=end,
        zone=None if meeting.all_day else plan.timezone, summary=summary, location=meeting.location,
        description=_description(agenda, meeting, said, url), categories=tuple(categories),
        status=status, color=css_name(body.color) if body.color else None, url=url,
        source=f"{plan.id}/{meeting.body}")


def _span(meeting: Meeting) -> tuple[dt.datetime, dt.datetime] | tuple[dt.date, dt.date]:
    """When the meeting's event starts and ends: at its start on its first
    day to its end on its last, or all its days (RFC 5545: to the day after)."""
    if meeting.all_day:
        return meeting.date, meeting.last_day + dt.timedelta(days=1)
    return (dt.datetime.combine(meeting.date, meeting.start.to_time()),
            dt.datetime.combine(meeting.last_day, meeting.end.to_time()))


def deadline_event(plan: Plan, meeting: Meeting, workdays: WorkCalendar,
                   date_words: Callable[[dt.date], str]) -> Event:
    """The day the agenda of a body with ``agenda_deadline`` must be sent out,
    counted with the holidays of ``workdays`` (its closed periods do not
    stop the count: the staff work in school holidays)."""
    said = words(plan.language)
    body = plan.body(meeting.body)
    assert body.agenda_deadline is not None
    day = body.agenda_deadline.day_before(meeting.date, workdays.holidays)
    return day_before_meeting(
        plan, meeting, day, uid=uid5(meeting.uid, "agenda-deadline"),
        summary=f"{said.deadline}: {body.name} {date_words(meeting.date)}")


def day_before_meeting(plan: Plan, meeting: Meeting, day: dt.date, *, uid: str,
                       summary: str) -> Event:
    """An all-day event on ``day`` that leads up to ``meeting``: a deadline
    (an agenda's, a case's). It is related to the meeting, in its body's
    colour, takes no time in the calendar (TRANSP), and is cancelled with it."""
    status = _status(meeting)
    if status is EventStatus.CANCELLED:
        summary = f"{words(plan.language).cancelled.upper()}: {summary}"
    body = plan.body(meeting.body)
    return Event(uid=uid, start=day, end=day + dt.timedelta(days=1), summary=summary,
                 status=status, transparent=True, related_to=meeting.uid,
                 color=css_name(body.color) if body.color else None)


def zone_lines(plan: Plan, meetings: Sequence[Meeting]) -> list[str]:
    """The VTIMEZONE that holds for every one of ``meetings`` (none for none)."""
    # Each wall-clock time once: a large plan's meetings share their times.
    instants = list(dict.fromkeys(dt.datetime.combine(day, time.to_time())
                                  for m in meetings if not m.all_day
                                  for day, time in ((m.date, m.start), (m.last_day, m.end))))
    return vtimezone(plan.timezone, instants) if instants else []
