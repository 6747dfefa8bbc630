"""The second step of ``aarshjul import``: meeting rows in, a plan's TOML
text out, that gives exactly those meetings.

The rows are grouped into bodies by their organ (or title, where a file has
none). For each body the rules behind its meetings are searched for
(:mod:`aarshjul.importing.explaining`): each becomes a ``[[series]]`` with
``every``, the meetings it gives changed are ``[[meeting]]`` changes, the
meetings no rule gives are meetings of their own. A body with no rule keeps
its meetings as ``dates`` lists, one ``[[series]]`` for each title, time
and place it meets at, kept on holidays as the file has them. A meeting all
day, or over several days, is a one-off ``[[meeting]]`` with its ``to``
(and so is each meeting of its body on its first day, which a series would
make a change).

Each body's tables are scheduled before they are kept: where they would
not give its meetings exactly, the body is written as lists, which always
do. Pure: rows in, text out.
"""

from __future__ import annotations

import datetime as dt
from calendar import monthrange
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import attrs

from aarshjul.clock import ClockTime
from aarshjul.errors import PlanError, SourceError
from aarshjul.importing.explaining import Explained, Look, Ruled, explain, look_of
from aarshjul.importing.rows import Row, end_of
from aarshjul.importing.tables import (
    listed_series,
    one_off_table,
    ruled_series,
    string,
)
from aarshjul.messages import _
from aarshjul.model import Meeting
from aarshjul.plan.header import slug
from aarshjul.plan.reader import parse_plan
from aarshjul.scheduling.calendar import WorkCalendar, holidays_for
from aarshjul.scheduling.meetings import schedule
from aarshjul.vocabulary import Language

__all__ = ["Imported", "differences", "plan_text"]

@attrs.frozen
class Imported:
    """A body as imported: its id and name, and how its meetings were written."""

    id: str
    name: str
    meetings: int
    rules: tuple[Ruled, ...]
    """The rules found behind its meetings; () where they are listed."""
    series: int  # [[series]] with a dates list
    one_offs: int  # [[meeting]] tables of their own: all day, over several days, or no rule's
    without_end: int  # meetings whose file gave no end (DEFAULT_MINUTES)
    unruled: bool = False
    """True where rules were found, but did not give its meetings exactly,
    so that it is listed instead (said, for it ought never to be)."""

    @property
    def explained(self) -> int:
        """How many of its meetings its rules give on their own days."""
        return sum(ruled.explained for ruled in self.rules)

    @property
    def changes(self) -> int:
        """How many ``[[meeting]]`` tables its meetings took: changes and one-offs."""
        return sum(len(ruled.changes) for ruled in self.rules) + self.one_offs


def plan_text(rows: Sequence[Row], *, title: str, timezone: str) -> tuple[str, list[Imported]]:
    """A plan of ``rows``, and what became of each body.

    Raises :class:`~aarshjul.errors.SourceError` at a row whose meeting has
    no name, or ends before it starts, which no plan can give."""
    for row in rows:
        if not row.body.strip():
            raise SourceError.single("no-name", _(
                "the meeting has no name: neither an organ nor a title says one"),
                file=row.source, line=row.line)
        if row.start is not None and row.end is not None and row.last_day is None and (
                row.end <= row.start):
            raise SourceError.single("end-before-start", _(
                "the meeting ends ({end}) before or when it starts ({start}); meetings end "
                "on the day they start", end=row.end, start=row.start), file=row.source,
                line=row.line)
    # Whole months: a rule's first or last date may be a holiday's, moved
    # to the day of the file's first or last meeting.
    first = min(row.date for row in rows).replace(day=1)
    last = _month_end(max(row.last_day or row.date for row in rows))
    header = ["# Written by aarshjul import from " + ", ".join(
        sorted({row.source for row in rows})) + ".", "", "[plan]",
        f"title = {string(title)}", f"start = {first.isoformat()}", f"end = {last.isoformat()}",
        f"timezone = {string(timezone)}", ""]
    calendar = WorkCalendar(holidays=holidays_for(
        "DK", ("public",), range(first.year - 1, last.year + 2), Language.DA))
    lines = list(header)
    report = []
    for ident, (name, mine) in _bodies(rows).items():
        written, imported = _body(ident, name, mine, calendar=calendar, first=first, last=last)
        if imported.rules and not _reproduces(header + written, mine, calendar):
            # Never, where the rules are read as scheduling reads them; if
            # ever, the lists still give the meetings.
            written, imported = _body(ident, name, mine, calendar=calendar, first=first,
                                      last=last, by_rules=False)
            imported = attrs.evolve(imported, unruled=True)
        lines += written
        report.append(imported)
    return "\n".join(lines).rstrip("\n") + "\n", report


def _body(ident: str, name: str, mine: Sequence[Row], *, calendar: WorkCalendar,
          first: dt.date, last: dt.date, by_rules: bool = True
          ) -> tuple[list[str], Imported]:
    """A body's tables, by the rules behind its meetings (or, not
    ``by_rules``, by lists of dates), and what became of it."""
    lines = ["[[body]]", f"id = {string(ident)}", f"name = {string(name)}", ""]
    # A [[meeting]] on a day a series gives changes that meeting: a day
    # with a meeting all day or over several days has its timed ones as
    # one-offs too, and no series gives it.
    whole = {row.date for row in mine if row.start is None or row.last_day is not None}
    timed = [row for row in mine if row.start is not None and row.last_day is None
             and row.date not in whole]
    others = [row for row in mine if row not in timed]
    told = (explain(timed, calendar=calendar, period=(first, last), taken=whole)
            if by_rules
            else Explained((), tuple(timed)))
    given = {day for ruled in told.rules for slot in ruled.found.slots for day in slot
             if day is not None}
    # What no rule gives is a meeting of its own, unless a series gives its
    # day (a second meeting that day): then it is listed.
    days = Counter(row.date for row in told.rest)
    alone = [row for row in told.rest if told.rules and row.date not in given
             and days[row.date] == 1]
    listed: dict[Look, list[dt.date]] = defaultdict(list)
    for row in told.rest:
        if row not in alone:
            listed[look_of(row)].append(row.date)
    lists = sorted(listed.items(), key=lambda item: (min(item[1]), item[0].start.minutes))
    several = len(told.rules) + len(lists) > 1
    # A body of several series gives each an id: a day that two of them
    # give is then two meetings that calendars can tell apart.
    number = 0
    for ruled in told.rules:
        number += 1
        lines += ruled_series(ident, name, ruled, series_id=f"{ident}-{number}" if several
                              else None, plan_start=first, plan_end=last)
    for look, dates in lists:
        number += 1
        lines += listed_series(ident, name, look, dates, series_id=f"{ident}-{number}"
                               if several else None)
    for row in sorted([*others, *alone], key=lambda r: (r.date, r.start or ClockTime(0),
                                                         r.title)):
        lines += one_off_table(ident, name, row)
    return lines, Imported(ident, name, len(mine), told.rules, len(lists),
                           len(others) + len(alone),
                           sum(1 for row in timed if row.end is None))


def _month_end(day: dt.date) -> dt.date:
    return day.replace(day=monthrange(day.year, day.month)[1])


def _reproduces(lines: list[str], rows: Sequence[Row], calendar: WorkCalendar) -> bool:
    """Whether a plan of these lines gives exactly ``rows``, and no error
    that listing them would not give too (two meetings at once)."""
    try:
        plan = parse_plan("\n".join(lines), source="<import>")
        made = schedule(plan, calendar=calendar)
    except PlanError:
        return False
    if any(problem.is_error and problem.code != "overlap" for problem in made.problems):
        return False
    names = {body.id: body.name for body in plan.bodies}
    return not differences(rows, made.meetings, names)


def _bodies(rows: Iterable[Row]) -> dict[str, tuple[str, list[Row]]]:
    """The rows of each body by its id (its name as a slug, made unique), in
    the order the bodies first meet."""
    by_name: dict[str, list[Row]] = defaultdict(list)
    for row in sorted(rows, key=lambda r: (r.date, r.start.minutes if r.start else -1)):
        by_name[" ".join(row.body.split())].append(row)
    found: dict[str, tuple[str, list[Row]]] = {}
    for name, mine in by_name.items():
        ident = base = slug(name)
        number = 2
        while ident in found:
            ident, number = f"{base}-{number}", number + 1
        found[ident] = (name, mine)
    return found


def differences(rows: Iterable[Row], meetings: Iterable[Meeting], names: dict[str, str]
                ) -> list[str]:
    """What the rows give and the plan's meetings do not, and the other way
    round (none, where the plan reproduces the files): each as its day,
    body, hours, title and place. ``names`` gives each body's name by id."""
    def given(row: Row) -> tuple[str, ...]:
        end = row.end if row.start is None else end_of(row.start, row.end)
        return (row.date.isoformat(), (row.last_day or row.date).isoformat(),
                " ".join(row.body.split()), str(row.start or ""), str(end or ""), row.title,
                row.location)

    def scheduled(meeting: Meeting) -> tuple[str, ...]:
        hours = ("", "") if meeting.all_day else (str(meeting.start), str(meeting.end))
        return (meeting.date.isoformat(), meeting.last_day.isoformat(), names[meeting.body],
                *hours, meeting.title, meeting.location)

    wanted = sorted(set(map(given, rows)))
    made = sorted(map(scheduled, meetings))
    missing = [" ".join(filter(None, entry)) for entry in wanted if entry not in made]
    extra = [" ".join(filter(None, entry)) for entry in made if entry not in wanted]
    return [f"- {entry}" for entry in missing] + [f"+ {entry}" for entry in extra]
