"""What a subscriber would notice between two versions of a plan: meetings
added, removed, moved, cancelled, re-timed or moved to another place; agenda
items added, removed, moved or re-timed; cases moved to another meeting.

Meetings are matched by their UID, which stays with a meeting when it moves
(:mod:`aarshjul.scheduling.identity`): a moved meeting is one change, not a
meeting removed and another added. A meeting whose UID changed but which is
the same (its body, days, hours, title and place: a series given an ``id``)
is no change either. Items are matched by their title within their meeting
(:mod:`aarshjul.diff.agenda_items`); a case's item is the case's, told once
as the case's move, not as an item gone from one meeting and come to another.
Pure: two plans' agendas in, a list of changes out, each with its line in a
language, in the order of the days they concern, a cause before what follows
from it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.steps import PlacedCase
from aarshjul.choices import Status
from aarshjul.diff.agenda_items import item_changes
from aarshjul.diff.wording import Change, Version, hours, when
from aarshjul.messages import _
from aarshjul.model import Meeting, Plan
from aarshjul.vocabulary import Language

__all__ = ["KINDS", "Change", "changes"]

KINDS = ("added", "removed", "moved", "cancelled", "time", "location", "item", "case")
"""The kinds of change (SPEC §14)."""

_RANK = {"case": 1, "item": 2}  # a meeting's own changes first, its cases', its items'


def changes(old_plan: Plan, old: Agendas, new_plan: Plan, new: Agendas, *,
            language: Language) -> list[Change]:
    """Every change from ``old`` to ``new``, each said in ``language``."""
    before, after = Version.of(old_plan, old), Version.of(new_plan, new)
    was = {m.uid: m for m in old.meetings}
    now = {m.uid: m for m in new.meetings}
    alike = _same_meetings([was[uid] for uid in was.keys() - now.keys()],
                           [now[uid] for uid in now.keys() - was.keys()])
    found: list[Change] = []
    for uid, meeting in now.items():
        earlier = was.get(uid) or alike.get(uid)
        if earlier is None:
            found.append(Change("added", meeting.body, uid, meeting.date, _(
                "New meeting: {who}, {when}", who=after.who(meeting),
                when=when(meeting, language)), after=when(meeting, language)))
        else:
            found.extend(_meeting(earlier, meeting, before, after, language))
    matched = set(alike.values())
    for uid, meeting in was.items():
        if uid not in now and meeting not in matched:
            found.append(Change("removed", meeting.body, uid, meeting.date, _(
                "Meeting removed: {who}, {when}", who=before.who(meeting),
                when=when(meeting, language)), before=when(meeting, language)))
    found.extend(_cases(before, after, language))
    order = {change: n for n, change in enumerate(found)}  # as made: a cause first
    return sorted(found, key=lambda c: (c.new_date or c.date, c.body,
                                        _RANK.get(c.kind, 0), order[c]))


def _same_meetings(gone: Iterable[Meeting], come: Iterable[Meeting]) -> dict[str, Meeting]:
    """Meetings whose UID changed but nothing a subscriber sees: each new
    one's UID to the old one it is."""
    def seen(meeting: Meeting) -> tuple[object, ...]:
        return (meeting.body, meeting.date, meeting.to, meeting.start, meeting.end,
                meeting.all_day, meeting.title, meeting.location, meeting.status)

    old = {seen(meeting): meeting for meeting in gone}
    return {meeting.uid: old[seen(meeting)] for meeting in come if seen(meeting) in old}


def _meeting(old: Meeting, new: Meeting, before: Version, after: Version, language: Language
             ) -> Iterable[Change]:
    """The changes to one meeting that both versions have."""
    who = after.who(new)
    moved = new.date if new.date != old.date else None
    if new.status is Status.CANCELLED:
        if old.status is not Status.CANCELLED:
            yield Change("cancelled", new.body, new.uid, old.date, _(
                "Meeting cancelled: {who}, {when}", who=who, when=when(old, language)),
                new_date=moved, before=when(old, language))
        return  # a meeting cancelled in both is no meeting to anyone
    if old.status is Status.CANCELLED:
        yield Change("added", new.body, new.uid, old.date, _(
            "Meeting held after all: {who}, {when}", who=who, when=when(new, language)),
            new_date=moved, after=when(new, language))
    elif moved:
        yield Change("moved", new.body, new.uid, old.date, _(
            "Meeting moved: {who}, from {before} to {after}", who=who,
            before=when(old, language), after=when(new, language)),
            new_date=moved, before=when(old, language), after=when(new, language))
    elif (new.to, new.start, new.end, new.all_day) != (old.to, old.start, old.end, old.all_day):
        # New hours, or more or fewer days: the days are said where they changed.
        said_old, said_new = ((when(old, language), when(new, language)) if new.to != old.to
                              else (hours(old, language), hours(new, language)))
        yield Change("time", new.body, new.uid, old.date, _(
            "New time: {who}, {day}: {new} instead of {old}", who=who,
            day=after.day(new, language), new=said_new, old=said_old),
            before=said_old, after=said_new)
    if new.location != old.location:
        nowhere = _("no place given")
        yield Change("location", new.body, new.uid, old.date, _(
            "New place: {who}, {day}: {new} instead of {old}", who=who,
            day=after.day(new, language), new=new.location or nowhere,
            old=old.location or nowhere), new_date=moved, before=old.location,
            after=new.location)
    yield from item_changes(old, new, before, after, language)


def _cases(before: Version, after: Version, language: Language) -> Iterable[Change]:
    """Each case's steps that went to another meeting; a case that came or
    went as a whole, with every step of it."""
    was, now = _placings(before.agendas.cases), _placings(after.agendas.cases)
    for key, placed in now.items():
        title = key[0]
        earlier = was.get(key)
        if earlier is None:
            last = placed.steps[-1]
            yield Change("case", last.body, last.meeting.uid, last.meeting.date, _(
                "New case: {title}, {steps}", title=title, steps=_steps(placed, after,
                                                                         language)),
                after=_steps(placed, after, language))
            continue
        for then, step in zip(earlier.steps, placed.steps, strict=False):
            if then.meeting.date == step.meeting.date:
                continue  # the same day of the same body: its meeting only renamed its UID
            yield Change("case", step.body, step.meeting.uid, then.meeting.date, _(
                "Case moved: {title}, {who}: {new} instead of {old}", title=title,
                who=after.who(step.meeting), new=after.day(step.meeting, language),
                old=before.day(then.meeting, language)), new_date=step.meeting.date,
                before=then.meeting.date.isoformat(), after=step.meeting.date.isoformat())
    for key, placed in was.items():
        if key not in now:
            last = placed.steps[-1]
            yield Change("case", last.body, last.meeting.uid, last.meeting.date, _(
                "Case taken off: {title}, {steps}", title=key[0],
                steps=_steps(placed, before, language)),
                before=_steps(placed, before, language))


def _steps(placed: PlacedCase, side: Version, language: Language) -> str:
    """Where a case goes, step by step: ``Børne- og Skoleudvalget onsdag
    den 9. oktober 2017, Byrådet mandag den 30. oktober 2017``."""
    return ", ".join(f"{side.who(step.meeting)} {side.day(step.meeting, language)}"
                     for step in placed.steps)


def _placings(cases: Iterable[PlacedCase]) -> dict[tuple[str, tuple[str, ...], int],
                                                   PlacedCase]:
    """Each placing of a case by its title, the bodies of its steps, and
    which placing of those it is (a case in several months is placed once
    for each): a case taken off leaves the others' keys as they were."""
    found: dict[tuple[str, tuple[str, ...], int], PlacedCase] = {}
    counted: dict[tuple[str, tuple[str, ...]], int] = defaultdict(int)
    for placed in cases:
        key = (placed.case.title, tuple(step.body for step in placed.steps))
        found[(*key, counted[key])] = placed
        counted[key] += 1
    return found
