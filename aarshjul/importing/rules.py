"""The rule behind a body's dates (SPEC §14): "hver anden onsdag",
"sidste torsdag i måneden", with the months it skips and what it does on a
holiday.

Each candidate is a phrase the plan format reads (``every``), so a rule
found here is one a planner can read and change. Its dates come from the
same :class:`~aarshjul.recurrence.rule.Rule` and the same holiday moves
(:mod:`aarshjul.scheduling.moves`) that scheduling uses, so what the search
counts is what the written plan gives. The best candidate is the one that
costs least to write: a rule's date that did not happen is a date in
``except`` (cheap), a meeting the rule does not give is a ``[[meeting]]``
table (dear). A rule is kept only where it gives half of the meetings or
more, and fewer days without a meeting than with one ("hver onsdag"
behind ten Wednesdays of a year is no rule); otherwise the body keeps its
list.

Pure: dates in, a :class:`Found` (or None) out.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import math
from collections import Counter
from collections.abc import Collection, Iterator, Sequence

import attrs

from aarshjul.choices import OnHoliday
from aarshjul.clock import ClockTime
from aarshjul.model import Recurrence, Series
from aarshjul.recurrence.phrases import phrase_to_rule
from aarshjul.recurrence.rule import Rule
from aarshjul.scheduling.calendar import WorkCalendar
from aarshjul.scheduling.moves import Placed, WeekMove, move_by_weeks, place
from aarshjul.vocabulary import DANISH_DAYS, danish_list

__all__ = ["Found", "find_rule", "moves", "rule_dates"]

FEWEST = 4
"""The fewest meetings a rule must explain: three dates fit too many rhythms."""

MEETING_COST = 3
"""What a meeting the rule does not give costs, against a date in ``except``:
a ``[[meeting]]`` table is several lines, a left-out date one."""

OUTSIDE_COST = 1.5
"""What a meeting before the rule's first day or after its last costs: less
than one inside that it does not give, for a rule that starts again after
it may give it (a rhythm that changes after the summer); more than a move,
for it may be a meeting of its own."""

MOVE_COST = 2
"""What a meeting the rule gives on another day costs: a ``[[meeting]]``
with ``moved_to``, dearer than a date left out, cheaper than a meeting the
rule does not give at all."""

NEAR = 2
"""How many days a meeting may lie from its rule's date, on another weekday,
and still be that date's meeting moved."""

MONTHS_COST = 1.5
"""What ``months`` costs: a break of a month is said in ``months`` where
that leaves out at least two dates; one date is an ``except``."""

HOLIDAY_COST = 0.5
"""What an ``on_holiday`` other than the default costs: said only where it
explains a meeting."""

RANK_COST = 0.001
"""What each step down the list of candidates costs: of two rules that cost
the same, the simpler (the one tried first) is taken."""

_EVERY = {1: "hver {day}", 2: "hver anden {day}", 3: "hver tredje {day}",
          4: "hver fjerde {day}"}
_IN_MONTH = {1: "første", 2: "2.", 3: "3.", -1: "sidste", 4: "4.", -2: "næstsidste", 5: "5."}
_TWICE_A_MONTH = ((1, 3), (2, 4))

_WEEK = dt.timedelta(days=7)
_HOW = (OnHoliday.SKIP, OnHoliday.KEEP, OnHoliday.PREVIOUS_WORKDAY, OnHoliday.NEXT_WORKDAY,
        OnHoliday.WEEK_BEFORE, OnHoliday.WEEK_AFTER)


@attrs.frozen
class Found:
    """A rule, and the meetings it gives between its first and last date."""

    phrase: str
    """The rule in words, as ``every`` takes it: ``"hver anden onsdag"``."""
    first: dt.date
    """The first day of the series (its ``from``, which also sets the rhythm
    of a rule of every few weeks): its first meeting's, or the date the
    rule gave that meeting, if that is earlier."""
    last: dt.date
    """Its last day (the series' ``to``), likewise."""
    months: tuple[int, ...]
    """The months it is kept to; () for every month."""
    on_holiday: OnHoliday
    slots: tuple[tuple[dt.date, dt.date | None], ...]
    """Each date the rule gives, and the day it lands on (None: a holiday
    leaves it out), in order."""
    reach: int
    """How many days from a date of the rule a meeting on its weekday may be
    and still be that date's meeting moved (half the rule's step, where the
    step is three weeks or more; else :data:`NEAR`)."""
    cost: float
    given: dict[dt.date, dt.date] = attrs.field(init=False, eq=False, hash=False)
    """The days it gives meetings on, each with the date the rule gave."""

    @given.default
    def _given(self) -> dict[dt.date, dt.date]:
        return {day: rule_date for rule_date, day in self.slots if day is not None}


@attrs.frozen
class _Candidate:
    phrase: str
    anchor: dt.date | None  # the rhythm of a rule of every few weeks
    weeks: int  # how many, for such a rule; 0 for others
    reach: int
    rank: int  # the simpler rule first, where two cost the same


def find_rule(days: Collection[dt.date], *, calendar: WorkCalendar,
              period: tuple[dt.date, dt.date], taken: Collection[dt.date] = (),
              others: Collection[dt.date] = (), meets: Collection[dt.date] = ()
              ) -> Found | None:
    """The rule that explains most of ``days`` for least, of those that
    give at least :data:`FEWEST` of them and half (a body meeting on the
    first Monday and the third Thursday has two rules), and fewer days
    without a meeting than with one; None where there is none.

    The rule's dates lie in ``period`` (the plan's). A rule never gives one
    of the ``taken`` days (another series' of the body, or an all-day
    meeting's): a ``[[meeting]]`` on that day would name two. It stops
    short of the first of them instead, or starts after the last, where it
    gives more meetings so; the meetings on the other side are another
    rule's. ``others`` are days another series of the body meets (two
    meetings that day), on which a meeting moved a week may not land;
    ``meets`` every day it meets (a month with none of ``days`` but a
    meeting changed is no break)."""
    wanted = frozenset(days)
    if len(wanted) < FEWEST:
        return None
    best: Found | None = None
    for candidate in _candidates(sorted(wanted)):
        search = _Search(wanted, calendar, period, best.cost if best else math.inf,
                         frozenset(others), wanted | frozenset(meets))
        found = _fitted(candidate, search)
        if found is not None and taken:
            found = _apart(found, candidate, search, frozenset(taken))
        if found is None or (best is not None and found.cost >= best.cost):
            continue
        hits = len(wanted & found.given.keys())
        if hits >= FEWEST and 2 * hits >= len(wanted) and len(found.given) - hits < hits:
            best = found
    return best


def _apart(found: Found, candidate: _Candidate, search: _Search,
           taken: frozenset[dt.date]) -> Found | None:
    """``found``, or where it gives a taken day, the part of it before the
    first or after the last that gives more meetings; None where neither
    gives two."""
    if not any(day in taken for slot in found.slots for day in slot):
        return found
    touching = [index for index, slot in enumerate(found.slots)
                if any(day in taken for day in slot)]
    sides = [found.slots[:touching[0]], found.slots[touching[-1] + 1:]]
    side = max(sides, key=lambda slots: sum(1 for _rule_date, day in slots
                                            if day in search.wanted))
    if sum(1 for _rule_date, day in side if day in search.wanted) < 2:
        return None
    days = [day for slot in side for day in slot if day is not None]
    part = _best_holiday(candidate, search, first=min(days), last=max(days),
                         months=found.months)
    return None if any(day in taken for slot in part.slots for day in slot) else part


def _candidates(days: Sequence[dt.date]) -> Iterator[_Candidate]:
    """Every rule worth trying: for each weekday met on at least twice, every
    one to four weeks (in each rhythm the days have), a weekday of the month,
    two of them, and even or odd weeks; and every week on each of the
    weekdays met on at least :data:`FEWEST` times, where there are several."""
    counts = Counter(day.weekday() for day in days)
    rank = 0
    for weekday in sorted(number for number, count in counts.items() if count >= 2):
        name = DANISH_DAYS[weekday]
        on_it = [day for day in days if day.weekday() == weekday]
        for step, words in _EVERY.items():
            rhythms: dict[int, dt.date] = {}
            for day in on_it:  # the first day of each rhythm
                rhythms.setdefault(day.toordinal() // 7 % step, day)
            # A meeting of every other week moved a week is on the other
            # rhythm: a second rule's, after a summer that restarts it.
            reach = 7 * step // 2 if step > 2 else NEAR
            for anchor in sorted(rhythms.values()):
                yield _Candidate(words.format(day=name), anchor, step, reach, rank)
            rank += 1
        for ordinal in _IN_MONTH.values():
            yield _Candidate(f"{ordinal} {name} i måneden", None, 0, 14, rank)
            rank += 1
        for one, other in _TWICE_A_MONTH:
            yield _Candidate(f"{one}. og {other}. {name} i måneden", None, 0, NEAR, rank)
            rank += 1
        for parity in ("lige", "ulige"):
            yield _Candidate(f"{name} i {parity} uger", None, 0, NEAR, rank)
            rank += 1
    # Several weekdays every week (a direktion on Monday, Wednesday and
    # Friday): one rule, where each of them is met on often enough.
    often = [DANISH_DAYS[number] for number, count in sorted(counts.items())
             if count >= FEWEST]
    if len(often) > 1:
        words = "hverdage" if often == list(DANISH_DAYS[:5]) else "hver " + danish_list(often)
        yield _Candidate(words, None, 0, NEAR, rank)


@functools.cache
def _rule(phrase: str) -> Rule:
    return phrase_to_rule(phrase)


def rule_dates(phrase: str, *, anchor: dt.date, first: dt.date, last: dt.date,
               months: tuple[int, ...] = ()) -> list[dt.date]:
    """The dates a rule in words gives from ``first`` to ``last``, counted
    from ``anchor``, in ``months`` (every month where none), as a series
    gives them before holidays."""
    dates = _rule(phrase).expand(anchor=anchor, first=first, last=last)
    return [day for day in dates if not months or day.month in months]


@attrs.frozen
class _Search:
    """What a candidate is fitted to: the days, the holidays, the plan's
    period, and the cost to beat."""

    wanted: frozenset[dt.date]
    calendar: WorkCalendar
    period: tuple[dt.date, dt.date]
    bound: float
    others: frozenset[dt.date]
    """Days another series of the body meets: a week move does not land there."""
    meets: frozenset[dt.date]
    """Every day the body meets: a month without one is a break."""


def _fitted(candidate: _Candidate, search: _Search) -> Found | None:
    """The candidate at its best: bounded by the first and last meeting it
    gives (on its day or moved), kept to the months it gives meetings in,
    moved off holidays as explains most. Its cost is a lower bound only,
    where that is no less than ``search.bound``: it is not taken then."""
    wanted = search.wanted
    # A week wider than the meetings: the last may be a holiday's, moved back.
    first = max(search.period[0], min(wanted) - _WEEK)
    last = min(search.period[1], max(wanted) + _WEEK)
    rough = _best_holiday(candidate, attrs.evolve(search, bound=math.inf), first=first,
                          last=last, months=())
    hits = [(rule_date, day) for rule_date, day in rough.slots
            if day is not None and day in wanted]
    if len(hits) < 2:
        return None
    # From the first meeting it gives to the last, on the day the rule gives
    # it or the day a holiday moved it to, whichever is outside (a series
    # moves no meeting out of its period), or moved by a change.
    ends = [day for hit in hits for day in hit] + [
        rule_date for rule_date, _day in moves(rough, wanted)]
    first, last = min(ends), max(ends)
    whole = _best_holiday(candidate, search, first=first, last=last, months=())
    met = {day.month for day in search.meets}
    given = {rule_date.month for rule_date, _day in whole.slots}
    if not given - met:
        return whole
    # A month the rule gives dates in and no meeting is in: a break, said
    # once in ``months`` rather than date by date in ``except``.
    kept = _best_holiday(candidate, search, first=first, last=last,
                         months=tuple(sorted(given & met)))
    return kept if kept.cost < whole.cost else whole


def moves(found: Found, wanted: Collection[dt.date], *,
          among: Collection[dt.date] | None = None) -> list[tuple[dt.date, dt.date]]:
    """The meetings ``found`` gives on another day than the file has them:
    each date it gives without a meeting (none of ``wanted``), paired with
    the nearest meeting it does not give within its reach (nearest pairs
    first; of ``among``, where given), as the date the rule gave and the
    day of the meeting."""
    given = found.given
    missing = [(rule_date, day) for rule_date, day in found.slots
               if day is not None and day not in wanted]
    alone = sorted(day for day in (wanted if among is None else among)
                   if day not in given and day in wanted)
    reach = dt.timedelta(days=found.reach)
    # Moved as meetings are: a day or two, or to the same weekday a week
    # or two away; a meeting three days off is another meeting.
    pairs = sorted((abs((day - near).days), near, rule_date, day)
                   for rule_date, near in missing
                   for day in alone[bisect.bisect_left(alone, near - reach):
                                    bisect.bisect_right(alone, near + reach)]
                   if abs((day - near).days) <= NEAR or (day - near).days % 7 == 0)
    moved_from: set[dt.date] = set()
    moved_to: set[dt.date] = set()
    chosen = []
    for _distance, _near, rule_date, day in pairs:
        if rule_date not in moved_from and day not in moved_to:
            moved_from.add(rule_date)
            moved_to.add(day)
            chosen.append((rule_date, day))
    return sorted(chosen)


def _best_holiday(candidate: _Candidate, search: _Search, *, first: dt.date, last: dt.date,
                  months: tuple[int, ...]) -> Found:
    dates = [day for day in _expanded(candidate, search.period)
             if first <= day <= last and (not months or day.month in months)]
    rule = _rule(candidate.phrase)
    tried = _HOW if any(search.calendar.holiday(day) for day in dates) else _HOW[:1]
    fits = (_found(candidate, search, _placed(rule, dates, how, search.calendar, first=first,
                                              last=last, met=search.wanted,
                                              others=search.others),
                   first=first, last=last, months=months, how=how) for how in tried)
    return min(fits, key=lambda found: found.cost)


@functools.lru_cache(maxsize=1024)
def _expanded(candidate: _Candidate, period: tuple[dt.date, dt.date]) -> tuple[dt.date, ...]:
    """Every date the candidate gives in the plan's period, in its rhythm:
    each fit takes the dates between its own first and last day."""
    anchor = period[0]
    if candidate.anchor is not None:  # the rhythm, counted from before the period
        days = 7 * candidate.weeks
        anchor = candidate.anchor - dt.timedelta(
            days=days * -(-(candidate.anchor - period[0]).days // days))
    return tuple(rule_dates(candidate.phrase, anchor=anchor, first=period[0],
                            last=period[1]))


def _placed(rule: Rule, dates: Sequence[dt.date], how: OnHoliday, calendar: WorkCalendar, *,
            first: dt.date, last: dt.date, met: frozenset[dt.date],
            others: frozenset[dt.date]) -> tuple[tuple[dt.date, dt.date | None], ...]:
    """Where each date lands, as scheduling places it: the same functions,
    for a series that is this rule and ``how``. Only a holiday's date can
    land elsewhere than on itself. A week move may not land on a day the
    body meets, as scheduling counts them: a date of the rule with a
    meeting (``met``; one without is left out by ``except``, which
    scheduling does not count), or a day another series meets (``others``)."""
    on_holidays = [index for index, day in enumerate(dates) if calendar.holiday(day)]
    slots: list[tuple[dt.date, dt.date | None]] = [(day, day) for day in dates]
    if not on_holidays:
        return tuple(slots)
    series = Series(body="", recurrence=Recurrence(rule=rule), start=ClockTime(0),
                    on_holiday=how)
    wheres = {index: place(series, dates[index], calendar=calendar, first=first, last=last)
              for index in on_holidays}
    taken = {day for day in dates if not calendar.holiday(day) and day in met} | others | {
        where.date for where in wheres.values() if isinstance(where, Placed) and where.date}
    for index, where in wheres.items():
        placed = (move_by_weeks(where, calendar=calendar, first=first, last=last, taken=taken)
                  if isinstance(where, WeekMove) else where)
        slots[index] = (dates[index], placed.date)
    return tuple(slots)


def _found(candidate: _Candidate, search: _Search,
           slots: tuple[tuple[dt.date, dt.date | None], ...], *, first: dt.date,
           last: dt.date, months: tuple[int, ...], how: OnHoliday) -> Found:
    found = Found(candidate.phrase, first, last, months, how, slots, candidate.reach, 0)
    given = found.given.keys()
    missing = len(given - search.wanted)
    # A meeting before the rule's first day or after its last is another
    # rule's to give (a rhythm that starts again after the summer).
    outside = sum(1 for day in search.wanted if not first <= day <= last)
    unexplained = len(search.wanted - given) - outside
    extra = ((MONTHS_COST if months else 0) + (HOLIDAY_COST if how is not OnHoliday.SKIP
                                               else 0) + candidate.rank * RANK_COST)
    # Each move makes a date left out and a meeting not given one change;
    # at most as many as there are of the fewer, at most this much each.
    gain = 1 + MEETING_COST - MOVE_COST
    cost = missing + MEETING_COST * unexplained + OUTSIDE_COST * outside + extra
    if cost - gain * min(missing, unexplained + outside) < search.bound:
        for _rule_date, day in moves(found, search.wanted):
            cost -= gain if first <= day <= last else 1 + OUTSIDE_COST - MOVE_COST
    return attrs.evolve(found, cost=cost)
