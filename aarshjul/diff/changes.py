"""What a subscriber would notice between two versions of a plan: meetings
added, removed, moved, cancelled, re-timed or moved to another place; agenda
items added, removed, moved or re-timed; cases moved to another meeting.

Meetings are matched by their UID, which stays with a meeting when it moves
(:mod:`aarshjul.scheduling.identity`): a moved meeting is one change, not a
meeting removed and another added. Items are matched by their title within
their meeting; a case's item is the case's, told once as the case's move,
not as an item gone from one meeting and come to another. Pure: two plans'
agendas in, a list of changes out, each with its line in a language.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

import attrs

from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.items import Agenda, AgendaItem
from aarshjul.agenda.steps import PlacedCase
from aarshjul.choices import Status
from aarshjul.dates import full_date, long_date, meeting_hours
from aarshjul.messages import Message, _
from aarshjul.model import Meeting, Plan
from aarshjul.vocabulary import Language

__all__ = ["KINDS", "Change", "changes"]

KINDS = ("added", "removed", "moved", "cancelled", "time", "location", "item", "case")
"""The kinds of change, in the order a meeting's changes are told."""


@attrs.frozen
class Change:
    """One change a subscriber would notice, and its line (``said``)."""

    kind: str  # one of KINDS
    body: str  # the body's id
    uid: str  # the meeting's
    date: dt.date  # the meeting's day before (or its day, where it is new)
    said: Message
    new_date: dt.date | None = None  # where it moved to
    before: str | None = None
    after: str | None = None

    def as_json(self, language: Language) -> dict[str, object]:
        return {"kind": self.kind, "body": self.body, "uid": self.uid,
                "date": self.date.isoformat(),
                "new_date": self.new_date.isoformat() if self.new_date else None,
                "before": self.before, "after": self.after, "text": self.said.text_in(language)}


@attrs.frozen
class _Side:
    """One version: its plan, its agendas, and which items are cases'."""

    plan: Plan
    agendas: Agendas
    case_items: dict[str, set[int]]  # by meeting UID, the numbers of its cases' items

    @classmethod
    def of(cls, plan: Plan, agendas: Agendas) -> _Side:
        items: dict[str, set[int]] = defaultdict(set)
        for placed in agendas.cases:
            for step in placed.steps:
                items[step.meeting.uid].add(step.item)
        return cls(plan, agendas, dict(items))

    def who(self, meeting: Meeting) -> str:
        """The body's name, and the meeting's own title where it has one."""
        name = self.plan.body(meeting.body).name if meeting.body in {
            b.id for b in self.plan.bodies} else meeting.body
        return name if meeting.title in (name, "") else f"{name} ({meeting.title})"


def changes(old_plan: Plan, old: Agendas, new_plan: Plan, new: Agendas, *,
            language: Language) -> list[Change]:
    """Every change from ``old`` to ``new``, in the order of the days they
    concern (a move by its new day), each said in ``language``."""
    before, after = _Side.of(old_plan, old), _Side.of(new_plan, new)
    was = {m.uid: m for m in old.meetings}
    now = {m.uid: m for m in new.meetings}
    found: list[Change] = []
    for uid, meeting in now.items():
        earlier = was.get(uid)
        if earlier is None:
            found.append(_one("added", meeting, language,
                              _("New meeting: {who}, {when}", who=after.who(meeting),
                                when=_when(meeting, language))))
        else:
            found.extend(_meeting(earlier, meeting, before, after, language))
    for uid, meeting in was.items():
        if uid not in now:
            found.append(_one("removed", meeting, language,
                              _("Meeting removed: {who}, {when}", who=before.who(meeting),
                                when=_when(meeting, language))))
    found.extend(_cases(before, after, language))
    order = {kind: n for n, kind in enumerate(KINDS)}
    return sorted(found, key=lambda c: (c.new_date or c.date, c.body, order[c.kind],
                                        c.said.text_in(language)))


def _one(kind: str, meeting: Meeting, language: Language, said: Message) -> Change:
    return Change(kind, meeting.body, meeting.uid, meeting.date, said,
                  after=_when(meeting, language) if kind == "added" else None,
                  before=_when(meeting, language) if kind == "removed" else None)


def _when(meeting: Meeting, language: Language) -> str:
    """``onsdag den 15. januar 2025, 18.15 – 19.45``."""
    return f"{full_date(meeting.date, language)}, {_hours(meeting, language)}"


def _hours(meeting: Meeting, language: Language) -> str:
    return meeting_hours(meeting.start, meeting.end, all_day=meeting.all_day, language=language)


def _meeting(old: Meeting, new: Meeting, before: _Side, after: _Side, language: Language
             ) -> Iterable[Change]:
    """The changes to one meeting that both versions have."""
    who = after.who(new)
    if new.status is Status.CANCELLED and old.status is not Status.CANCELLED:
        yield Change("cancelled", new.body, new.uid, old.date,
                     _("Meeting cancelled: {who}, {when}", who=who, when=_when(old, language)),
                     new_date=new.date if new.date != old.date else None,
                     before=_when(old, language))
        return
    if old.status is Status.CANCELLED and new.status is not Status.CANCELLED:
        yield Change("added", new.body, new.uid, new.date,
                     _("Meeting held after all: {who}, {when}", who=who,
                       when=_when(new, language)), after=_when(new, language))
    if (new.date, new.to) != (old.date, old.to):
        yield Change("moved", new.body, new.uid, old.date,
                     _("Meeting moved: {who}, from {before} to {after}", who=who,
                       before=_when(old, language), after=_when(new, language)),
                     new_date=new.date, before=_when(old, language), after=_when(new, language))
    elif (new.start, new.end, new.all_day) != (old.start, old.end, old.all_day):
        yield Change("time", new.body, new.uid, old.date,
                     _("New time: {who}, {day}: {new} instead of {old}", who=who,
                       day=full_date(new.date, language), new=_hours(new, language),
                       old=_hours(old, language)),
                     before=_hours(old, language), after=_hours(new, language))
    if new.location != old.location:
        yield Change("location", new.body, new.uid, old.date,
                     _("New place: {who}, {day}: {new} instead of {old}", who=who,
                       day=full_date(new.date, language), new=new.location or "–",
                       old=old.location or "–"),
                     new_date=new.date if new.date != old.date else None,
                     before=old.location, after=new.location)
    if new.status is not Status.CANCELLED:
        yield from _items(old, new, before, after, language)


def _items(old: Meeting, new: Meeting, before: _Side, after: _Side, language: Language
           ) -> Iterable[Change]:
    """Items added, removed, moved among the others, or re-timed (their
    minutes, or their time from the meeting's start); a case's item is its
    case's (:func:`_cases`)."""
    was = _own_items(before.agendas.by_uid[old.uid], before.case_items.get(old.uid, set()))
    now = _own_items(after.agendas.by_uid[new.uid], after.case_items.get(new.uid, set()))
    who = f"{after.who(new)}, {long_date(new.date, language)}"
    moved = new.date if new.date != old.date else None

    def change(said: Message, before_: str | None, after_: str | None) -> Change:
        return Change("item", new.body, new.uid, old.date, said, new_date=moved,
                      before=before_, after=after_)

    kept = [title for title in was if title in now]
    order = [title for title in now if title in was]
    gone = {item.number: title for title, item in was.items() if title not in now}
    for title, item in now.items():
        if title in was:
            continue
        if item.number in gone:  # the same item, its words changed ("… den {previous}")
            worded = gone.pop(item.number)
            yield change(_("Item {number} on {who} now reads: {title} (was: {then})",
                           number=item.number, who=who, title=title, then=worded), worded,
                         title)
        else:
            yield change(_("New item on {who}: {number}. {title}", who=who, number=item.number,
                           title=title), None, title)
    for title in gone.values():
        yield change(_("Item removed from {who}: {title}", who=who, title=title), title, None)
    retimed = []
    for title in order:
        then, item = was[title], now[title]
        if kept.index(title) != order.index(title):
            yield change(_("Item moved on {who}: {title} is now item {number} (was {was})",
                           who=who, title=title, number=item.number, was=then.number),
                         str(then.number), str(item.number))
        elif _timing(then, old) != _timing(item, new):
            retimed.append((then, item))
    if len(retimed) > 2:  # the agenda's times moved along: one line, not one an item
        first = min(item.number for _then, item in retimed)
        yield change(_("New times on the agenda of {who}: {count} items, from item {first}",
                       who=who, count=len(retimed), first=first), None, None)
        return
    for then, item in retimed:
        yield change(_("Item re-timed on {who}: {title}, {new} instead of {old}",
                       who=who, title=item.title, new=_item_time(item), old=_item_time(then)),
                     _item_time(then), _item_time(item))


def _own_items(agenda: Agenda, cases: set[int]) -> dict[str, AgendaItem]:
    found: dict[str, AgendaItem] = {}
    for item in agenda.items:
        if item.number not in cases:
            found.setdefault(item.title, item)
    return found


def _timing(item: AgendaItem, meeting: Meeting) -> tuple[int, int | None]:
    """Its minutes, and its start counted from the meeting's."""
    start = None if item.start is None else item.start.minutes - meeting.start.minutes
    return int(item.minutes), start


def _item_time(item: AgendaItem) -> str:
    if item.start is None or item.end is None:
        return f"{int(item.minutes)} min."
    return f"{item.start.dotted()} – {item.end.dotted()} ({int(item.minutes)} min.)"


def _cases(before: _Side, after: _Side, language: Language) -> Iterable[Change]:
    """Each case's steps that went to another meeting; a case that came or
    went as a whole."""
    was, now = _placings(before.agendas.cases), _placings(after.agendas.cases)
    for key, placed in now.items():
        title = key[0]
        earlier = was.get(key)
        if earlier is None:
            step = placed.steps[-1]
            yield Change("case", step.body, step.meeting.uid, step.meeting.date,
                         _("New case: {title}, {who} {day}", title=title,
                           who=after.who(step.meeting),
                           day=long_date(step.meeting.date, language)),
                         after=long_date(step.meeting.date, language))
            continue
        for then, step in zip(earlier.steps, placed.steps, strict=False):
            if then.meeting.uid != step.meeting.uid:
                yield Change("case", step.body, step.meeting.uid, then.meeting.date,
                             _("Case moved: {title}, {who}: {new} instead of {old}",
                               title=title, who=after.who(step.meeting),
                               new=long_date(step.meeting.date, language),
                               old=long_date(then.meeting.date, language)),
                             new_date=step.meeting.date,
                             before=long_date(then.meeting.date, language),
                             after=long_date(step.meeting.date, language))
    for key, placed in was.items():
        if key not in now:
            step = placed.steps[-1]
            yield Change("case", step.body, step.meeting.uid, step.meeting.date,
                         _("Case taken off: {title}, {who} {day}", title=key[0],
                           who=before.who(step.meeting),
                           day=long_date(step.meeting.date, language)),
                         before=long_date(step.meeting.date, language))


def _placings(cases: Iterable[PlacedCase]) -> dict[tuple[str, int], PlacedCase]:
    """Each placing of a case by its title and which placing of it it is (a
    case in several months is placed once for each)."""
    found: dict[tuple[str, int], PlacedCase] = {}
    counted: dict[str, int] = defaultdict(int)
    for placed in cases:
        title = placed.case.title
        found[(title, counted[title])] = placed
        counted[title] += 1
    return found
