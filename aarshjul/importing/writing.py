"""The second step of ``aarshjul import``: meeting rows in, a plan's TOML
text out, that gives exactly those meetings.

The rows are grouped into bodies by their organ (or title, where a file has
none). This first version writes each body's meetings as ``dates`` lists,
one ``[[series]]`` for each title, time and place the body meets at, which
reproduces any year; the search for the rule behind the dates (SPEC §14:
"hver anden onsdag", with its changes) is the next step, and will write
fewer lines for the same meetings. A list keeps a meeting on a holiday
(``on_holiday = "keep"``), as the file has it. A meeting all day, or over
several days, is a one-off ``[[meeting]]`` with its ``to`` (and so is each
meeting of its body on its first day, which a series would make a change).

Pure: rows in, text out; :func:`reproduces` checks the text by scheduling it.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence

import attrs

from aarshjul.clock import ClockTime
from aarshjul.errors import SourceError
from aarshjul.importing.rows import Row
from aarshjul.messages import _
from aarshjul.model import Meeting
from aarshjul.plan.header import slug

__all__ = ["Imported", "differences", "plan_text"]

DEFAULT_MINUTES = 60
"""How long a meeting lasts whose file gives only its start."""


@attrs.frozen
class Imported:
    """A body as imported: its id and name, and how its meetings were written."""

    id: str
    name: str
    meetings: int
    series: int  # [[series]] with a dates list
    one_offs: int  # [[meeting]] tables: all day, or over several days
    without_end: int  # meetings whose file gave no end (DEFAULT_MINUTES)


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
    first = min(row.date for row in rows)
    last = max(row.last_day or row.date for row in rows)
    lines = ["# Written by aarshjul import from " + ", ".join(
        sorted({row.source for row in rows})) + ".", "", "[plan]",
        f"title = {_string(title)}", f"start = {first.isoformat()}", f"end = {last.isoformat()}",
        f"timezone = {_string(timezone)}", ""]
    bodies = _bodies(rows)
    report = []
    for ident, (name, mine) in bodies.items():
        lines += ["[[body]]", f"id = {_string(ident)}", f"name = {_string(name)}", ""]
        # A [[meeting]] on a day a series gives changes that meeting: a day
        # with a meeting all day or over several days has its timed ones as
        # one-offs too.
        whole = {row.date for row in mine if row.start is None or row.last_day is not None}
        timed = [row for row in mine if row.start is not None and row.last_day is None
                 and row.date not in whole]
        others = [row for row in mine if row not in timed]
        groups: dict[tuple[str, ClockTime, ClockTime | None, str], list[dt.date]] = (
            defaultdict(list))
        for row in timed:
            assert row.start is not None  # (timed)
            groups[(row.title, row.start, row.end, row.location)].append(row.date)
        ordered = sorted(groups.items(), key=lambda item: (min(item[1]), item[0][1].minutes))
        for number, ((meeting_title, start, end, location), days) in enumerate(ordered, 1):
            # A body of several series gives each an id: a day that two of
            # them give is then two meetings that calendars can tell apart.
            lines += _series(ident, name, meeting_title, start=start, end=end,
                             location=location, days=days,
                             series_id=f"{ident}-{number}" if len(ordered) > 1 else None)
        for row in sorted(others, key=lambda r: (r.date, r.title)):
            lines += _one_off(ident, name, row)
        report.append(Imported(ident, name, len(mine), len(groups), len(others),
                               sum(1 for row in timed if row.end is None)))
    return "\n".join(lines).rstrip("\n") + "\n", report


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


def _series(body: str, name: str, title: str, *, start: ClockTime, end: ClockTime | None,
            location: str, days: Sequence[dt.date], series_id: str | None) -> list[str]:
    lines = ["[[series]]"]
    if series_id is not None:
        lines.append(f"id = {_string(series_id)}")
    lines.append(f"body = {_string(body)}")
    if title != name:
        lines.append(f"title = {_string(title)}")
    lines += [f"dates = {_dates(days)}", f'start = "{start}"']
    lines.append(f'end = "{end}"' if end is not None else f"minutes = {DEFAULT_MINUTES}")
    if location:
        lines.append(f"location = {_string(location)}")
    lines += ['on_holiday = "keep"', ""]
    return lines


def _one_off(body: str, name: str, row: Row) -> list[str]:
    lines = ["[[meeting]]", f"body = {_string(body)}", f"date = {row.date.isoformat()}",
             f"to = {(row.last_day or row.date).isoformat()}"]
    if row.start is not None and row.end is not None:
        lines += [f'start = "{row.start}"', f'end = "{row.end}"']
    if row.title != name:
        lines.append(f"title = {_string(row.title)}")
    if row.location:
        lines.append(f"location = {_string(row.location)}")
    return [*lines, ""]


def _dates(days: Sequence[dt.date]) -> str:
    """A TOML list of days, five to a line."""
    ordered = sorted(set(days))
    if len(ordered) <= 5:
        return "[" + ", ".join(day.isoformat() for day in ordered) + "]"
    chunks = [", ".join(day.isoformat() for day in ordered[n:n + 5])
              for n in range(0, len(ordered), 5)]
    return "[\n    " + ",\n    ".join(chunks) + ",\n]"


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's."""
    return json.dumps(text, ensure_ascii=False)


def differences(rows: Iterable[Row], meetings: Iterable[Meeting], names: dict[str, str]
                ) -> list[str]:
    """What the rows give and the plan's meetings do not, and the other way
    round (none, where the plan reproduces the files): each as its day,
    body, hours, title and place. ``names`` gives each body's name by id."""
    def given(row: Row) -> tuple[str, ...]:
        end = row.end if row.end is not None or row.start is None else row.start.plus(
            DEFAULT_MINUTES)
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
