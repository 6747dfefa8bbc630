"""What changed on one meeting's agenda: items added, removed, reworded,
moved among the others, or given another time.

Items are matched by their titles, as the longest run of titles the two
agendas share in order (difflib's matching blocks): an item inserted above
the others moves none of them, and a second item of a title already there
is new. An item of a title found out of that run has moved. An item whose
words changed at its place (the minutes item naming another "previous"
meeting) is one item reworded, not one gone and one come. An item is
re-timed where its own minutes changed, or its fixed time; where the others
only moved along with it, or with an item before them, that is one line for
the agenda. A case's item is its case's (:mod:`aarshjul.diff.changes`).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence

from aarshjul.agenda.items import AgendaItem
from aarshjul.diff.wording import Change, Version
from aarshjul.messages import Message, _
from aarshjul.model import Meeting
from aarshjul.vocabulary import Language

__all__ = ["item_changes"]

REWORDED = 0.6
"""How alike two titles at one place are, at least, to be one item reworded
(difflib's ratio: "… den 12. marts 2025" and "… den 26. februar 2025")."""

def item_changes(old: Meeting, new: Meeting, before: Version, after: Version,
                 language: Language) -> Iterable[Change]:
    """The changes to the agenda of a meeting both versions have."""
    was = _own_items(before.agendas.by_uid[old.uid].items, before.case_items.get(old.uid, set()))
    now = _own_items(after.agendas.by_uid[new.uid].items, after.case_items.get(new.uid, set()))
    agenda = _("the agenda of {who}, {day}", who=after.who(new), day=after.day(new, language))
    moved_to = new.date if new.date != old.date else None

    def change(said: Message, then: str | None, later: str | None) -> Change:
        return Change("item", new.body, new.uid, old.date, said, new_date=moved_to,
                      before=then, after=later)

    kept, moved, gone, come = _matched(was, now)
    reworded = _reworded(gone, come, was, now)
    for n in come:
        item = now[n]
        if n in reworded:
            words = was[reworded[n]].title
            yield change(_("Item {number} on {agenda} now reads: {title} (was: {then})",
                           number=item.number, agenda=agenda, title=item.title, then=words),
                         words, item.title)
        else:
            yield change(_("New item on {agenda}: {number}. {title}", agenda=agenda,
                           number=item.number, title=item.title), None, item.title)
    for n in gone:
        if n not in reworded.values():
            yield change(_("Item removed from {agenda}: {title}", agenda=agenda,
                           title=was[n].title), was[n].title, None)
    for o, n in moved:
        then, item = was[o], now[n]
        yield change(_("Item moved on {agenda}: {title} is now item {number} (was {was})",
                       agenda=agenda, title=item.title, number=item.number, was=then.number),
                     str(then.number), str(item.number))
    pushed = []
    for o, n in kept:
        then, item = was[o], now[n]
        if int(then.minutes) != int(item.minutes) or then.fixed != item.fixed:
            yield change(_("Item re-timed on {agenda}: {title}, {new} instead of {old}",
                           agenda=agenda, title=item.title, new=_time(item),
                           old=_time(then)), _time(then), _time(item))
        elif _offset(then, old) != _offset(item, new):
            pushed.append(item)
    if len(pushed) == 1:
        then = next(was[o] for o, n in kept if now[n] is pushed[0])
        yield change(_("Item re-timed on {agenda}: {title}, {new} instead of {old}",
                       agenda=agenda, title=pushed[0].title, new=_time(pushed[0]),
                       old=_time(then)), _time(then), _time(pushed[0]))
    elif pushed:  # moved along by another item: said once for the agenda
        yield change(_("New times on {agenda}: {count} items, from item {first}",
                       agenda=agenda, count=len(pushed),
                       first=min(item.number for item in pushed)), None, None)


def _matched(was: Sequence[AgendaItem], now: Sequence[AgendaItem]
             ) -> tuple[list[tuple[int, int]], list[tuple[int, int]], list[int], list[int]]:
    """The items of both agendas paired: those in the longest run of titles
    that kept their order, those of a title found elsewhere (moved), and the
    old and the new ones left (by their places in the lists)."""
    old_titles, new_titles = [i.title for i in was], [i.title for i in now]
    matcher = difflib.SequenceMatcher(None, old_titles, new_titles, autojunk=False)
    kept = [(block.a + k, block.b + k) for block in matcher.get_matching_blocks()
            for k in range(block.size)]
    old_left = [n for n in range(len(was)) if n not in {o for o, _ in kept}]
    new_left = [n for n in range(len(now)) if n not in {m for _, m in kept}]
    moved = []
    for n in list(new_left):
        same = next((o for o in old_left if old_titles[o] == new_titles[n]), None)
        if same is not None:
            moved.append((same, n))
            old_left.remove(same)
            new_left.remove(n)
    return kept, moved, old_left, new_left


def _own_items(items: Sequence[AgendaItem], cases: set[int]) -> list[AgendaItem]:
    """The items that are not cases', in their order."""
    return [item for item in items if item.number not in cases]


def _reworded(gone: list[int], come: list[int], was: Sequence[AgendaItem],
              now: Sequence[AgendaItem]) -> dict[int, int]:
    """Each new item that is an old one reworded at its place: the same
    number, and titles at least :data:`REWORDED` alike."""
    by_number = {was[n].number: n for n in gone}
    found = {}
    for n in come:
        then = by_number.get(now[n].number)
        if then is not None and difflib.SequenceMatcher(
                None, was[then].title, now[n].title).ratio() >= REWORDED:
            found[n] = then
    return found


def _offset(item: AgendaItem, meeting: Meeting) -> int | None:
    """An item's start counted from its meeting's (a fixed time as it is)."""
    if item.start is None:
        return None
    return item.start.minutes if item.fixed is not None else (
        item.start.minutes - meeting.start.minutes)


def _time(item: AgendaItem) -> str:
    if item.start is None or item.end is None:
        return f"{int(item.minutes)} min."
    return f"{item.start.dotted()} – {item.end.dotted()} ({int(item.minutes)} min.)"
