"""A body's meetings, told by rules: which meetings each rule gives as it
is, which it gives changed (another time, title or place, or moved to a
day near its own), which of its dates are left out, and which meetings no
rule gives.

The second step of writing an imported plan (:mod:`aarshjul.importing.writing`),
after the search for a rule (:mod:`aarshjul.importing.rules`). Up to
:data:`MOST_RULES` rules are found one after the other, each among the
meetings the rules before it did not give (a byråd on the last Monday, and
a budget seminar on the first Thursday of some months). Pure.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Collection, Sequence

import attrs

from aarshjul.clock import ClockTime
from aarshjul.importing.rows import Row, end_of
from aarshjul.importing.rules import FEWEST, Found, find_rule, moves
from aarshjul.scheduling.calendar import WorkCalendar

__all__ = ["Explained", "Look", "Ruled", "explain", "look_of"]

MOST_RULES = 3
"""How many rules one body may be given before the rest is listed."""


@attrs.frozen
class Look:
    """What a meeting looks like besides its day: its title, hours and place.

    Two looks are one where their meetings end at one time: a row without
    an end (lasting :data:`DEFAULT_MINUTES`) looks like one that ends then."""

    title: str
    start: ClockTime
    end: ClockTime | None = attrs.field(eq=False)
    location: str
    ends: ClockTime = attrs.field(init=False)

    @ends.default
    def _ends(self) -> ClockTime:
        return end_of(self.start, self.end)


def look_of(row: Row) -> Look:
    assert row.start is not None  # only timed meetings are given by a rule
    return Look(row.title, row.start, row.end, row.location)


@attrs.frozen
class Change:
    """A meeting the rule gives changed: ``rule_date`` names it."""

    rule_date: dt.date
    row: Row
    moved: bool
    """True where it is on a day of its own, near the rule's (``moved_to``)."""


@attrs.frozen
class Ruled:
    """A rule, what its meetings look like, and how the meetings differ."""

    found: Found
    look: Look
    kept: int
    """How many meetings it gives exactly as they are."""
    changes: tuple[Change, ...]
    left_out: tuple[dt.date, ...]
    """Dates it gives on which there was no meeting (``except``)."""

    @property
    def explained(self) -> int:
        """The meetings it gives on their own day, as they are or changed."""
        return self.kept + sum(1 for change in self.changes if not change.moved)


@attrs.frozen
class Explained:
    """A body's timed meetings: those the rules give, and the rest."""

    rules: tuple[Ruled, ...]
    rest: tuple[Row, ...]


def explain(rows: Sequence[Row], *, calendar: WorkCalendar, period: tuple[dt.date, dt.date],
            taken: Collection[dt.date] = ()) -> Explained:
    """The rules behind ``rows`` (timed meetings of one body), and the rows
    none of them gives. The rules' dates lie in ``period`` (the plan's). No
    rule gives one of the ``taken`` days, or a day another rule of the body
    gives: a ``[[meeting]]`` names one meeting."""
    rules: list[Ruled] = []
    rest = list(rows)
    busy = set(taken)
    # A day with two meetings has another series than the rule's.
    crowded = {day for day, count in Counter(row.date for row in rows).items() if count > 1}
    while len(rules) < MOST_RULES:
        # A rule is looked for among the meetings that look alike first
        # (the 09:00 meetings apart from the 17:00 ones, the Dialogmøde
        # apart from the udvalg), the commonest first; then among them all,
        # for a rule whose meetings vary.
        looks = [look for look, count in Counter(map(look_of, rest)).most_common()
                 if count >= FEWEST]
        for days in [*({row.date for row in rest if look_of(row) == look} for look in looks),
                     {row.date for row in rest}]:
            found = find_rule(days, calendar=calendar, period=period, taken=busy,
                              others=crowded, meets={row.date for row in rest})
            if found is not None:
                break
        if found is None:
            break
        ruled, rest = _told(found, rest)
        rules.append(ruled)
        busy |= {day for slot in found.slots for day in slot if day is not None}
    # A [[meeting]] names one meeting: where a rule's meeting is changed on a
    # day another meeting is left to be listed, the list would give that day
    # too, so the rule leaves the day out and both are listed.
    listed = {row.date for row in rest}
    for index, ruled in enumerate(rules):
        apart = [change for change in ruled.changes if not change.moved
                 and (change.rule_date in listed or change.row.date in listed)]
        if apart:
            rules[index] = attrs.evolve(
                ruled, changes=tuple(c for c in ruled.changes if c not in apart),
                left_out=tuple(sorted([*ruled.left_out, *(c.rule_date for c in apart)])))
            rest += [change.row for change in apart]
    return Explained(tuple(rules), tuple(sorted(rest, key=_order)))


def _order(row: Row) -> tuple[dt.date, int, str]:
    return row.date, row.start.minutes if row.start else -1, row.title


def _told(found: Found, rows: Sequence[Row]) -> tuple[Ruled, list[Row]]:
    """What ``found`` makes of ``rows``, and the rows it does not give: a
    meeting on a day it gives is its meeting, as it is or changed; a
    meeting near a day it gives without one is that meeting moved (and
    perhaps changed: Outlook moves a meeting to another room too)."""
    by_day: dict[dt.date, list[Row]] = defaultdict(list)
    for row in rows:
        by_day[row.date].append(row)
    given = found.given
    on_days = [row for day in given if day in by_day for row in by_day[day]]
    # The look most of its meetings have; of two as common, the earlier's
    # (a Counter keeps the order it first saw them in).
    ((look, _count),) = Counter(map(look_of, on_days)).most_common(1)
    used: set[Row] = set()
    changes: list[Change] = []
    kept = 0
    for day, rule_date in given.items():
        if day not in by_day:
            continue
        row = _likest(by_day[day], look)
        used.add(row)
        if look_of(row) == look:
            kept += 1
        else:
            changes.append(Change(rule_date, row, moved=False))
    moved_from = set()
    for rule_date, day in moves(found, by_day.keys()):
        moved_from.add(rule_date)
        row = _likest(by_day[day], look)
        used.add(row)
        changes.append(Change(rule_date, row, moved=True))
    missing = [rule_date for rule_date, day in found.slots
               if day is not None and day not in by_day]
    left_out = tuple(rule_date for rule_date in missing if rule_date not in moved_from)
    ruled = Ruled(found, look, kept, tuple(sorted(changes, key=lambda c: c.rule_date)),
                  left_out)
    return ruled, [row for row in rows if row not in used]


def _likest(rows: Sequence[Row], look: Look) -> Row:
    """The row of a day that looks like ``look``, or else its first."""
    return next((row for row in rows if look_of(row) == look), rows[0])
