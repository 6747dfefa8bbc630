"""The TOML tables an imported plan is written in: a series by rule or by
a list of dates, a change to one of its meetings, and a meeting of its own.

The last step of writing an imported plan (:mod:`aarshjul.importing.writing`).
A ``[[meeting]]`` says every time, title and place it needs: one on a day
no series gives is a meeting of its own, whose title defaults to the body's
name and whose place to none, not the series'.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence

from aarshjul.choices import OnHoliday
from aarshjul.clock import ClockTime
from aarshjul.importing.explaining import Change, Look, Ruled
from aarshjul.importing.rows import DEFAULT_MINUTES, Row, end_of
from aarshjul.importing.rules import rule_dates
from aarshjul.vocabulary import DANISH_MONTHS, danish_list

__all__ = ["change_table", "listed_series", "one_off_table", "rule_words", "ruled_series",
           "string"]


def ruled_series(body: str, name: str, ruled: Ruled, *, series_id: str | None,
                 plan_start: dt.date, plan_end: dt.date) -> list[str]:
    """A ``[[series]]`` by rule (``every``), bounded by ``from`` and ``to``
    only where the plan's period would give it other dates, and the
    ``[[meeting]]`` tables of the meetings it gives changed."""
    found, look = ruled.found, ruled.look
    lines = [*_series_head(body, name, look, series_id), f"every = {string(found.phrase)}"]
    own = rule_dates(found.phrase, anchor=found.first, first=found.first, last=found.last,
                     months=found.months)
    anchor = found.first
    if rule_dates(found.phrase, anchor=plan_start, first=plan_start, last=found.last,
                  months=found.months) == own:
        anchor = plan_start
    else:
        lines.append(f"from = {found.first.isoformat()}")
    if rule_dates(found.phrase, anchor=anchor, first=anchor, last=plan_end,
                  months=found.months) != own:
        lines.append(f"to = {found.last.isoformat()}")
    if found.months:
        lines.append(f"months = [{', '.join(map(str, found.months))}]  # "
                     + _months_words(found.months))
    if ruled.left_out:
        lines.append(f"except = {_dates(ruled.left_out)}")
    lines += _hours(look.start, look.end)
    if look.location:
        lines.append(f"location = {string(look.location)}")
    if found.on_holiday is not OnHoliday.SKIP:
        lines.append(f"on_holiday = {string(found.on_holiday.value)}")
    lines.append("")
    for change in ruled.changes:
        lines += change_table(body, change, look)
    return lines


def rule_words(ruled: Ruled) -> str:
    """The rule as a planner says it, with its months and hours:
    ``sidste onsdag i måneden undtagen juli 18:30–21:00``."""
    found, look = ruled.found, ruled.look
    words = [found.phrase]
    if found.months:
        words.append(_months_words(found.months))
    words.append(f"{look.start}–{look.end}" if look.end is not None else f"kl. {look.start}")
    return " ".join(words)


def _months_words(months: Sequence[int]) -> str:
    """``undtagen juli``, or, where it keeps fewer months than it leaves
    out, ``i marts, juni og september``."""
    def named(numbers: Sequence[int]) -> str:
        return danish_list([DANISH_MONTHS[number - 1] for number in numbers])
    left = [month for month in range(1, 13) if month not in months]
    return "undtagen " + named(left) if len(left) <= len(months) else "i " + named(months)


def change_table(body: str, change: Change, look: Look) -> list[str]:
    """A ``[[meeting]]`` that changes the meeting of ``change.rule_date`` to
    what its row says. A meeting moved is said to be moved only in the plan:
    the file never had it on the rule's day (``announced = false``)."""
    row = change.row
    assert row.start is not None  # (timed)
    lines = ["[[meeting]]", f"body = {string(body)}", f"date = {change.rule_date.isoformat()}"]
    if change.moved:
        lines += [f"moved_to = {row.date.isoformat()}", "announced = false"]
    if row.start != look.start or end_of(row.start, row.end) != look.ends:
        lines += [f'start = "{row.start}"', f'end = "{end_of(row.start, row.end)}"']
    if row.title != look.title:
        lines.append(f"title = {string(row.title)}")
    if row.location != look.location:
        lines.append(f"location = {string(row.location)}")
    return [*lines, ""]


def listed_series(body: str, name: str, look: Look, days: Sequence[dt.date], *,
                  series_id: str | None) -> list[str]:
    """A ``[[series]]`` of a list of dates, kept on holidays as the file has them."""
    lines = [*_series_head(body, name, look, series_id), f"dates = {_dates(days)}",
             *_hours(look.start, look.end)]
    if look.location:
        lines.append(f"location = {string(look.location)}")
    lines += ['on_holiday = "keep"', ""]
    return lines


def one_off_table(body: str, name: str, row: Row) -> list[str]:
    """A ``[[meeting]]`` of its own: timed, all day, or over several days (``to``)."""
    lines = ["[[meeting]]", f"body = {string(body)}", f"date = {row.date.isoformat()}"]
    if row.start is None or row.last_day is not None:
        lines.append(f"to = {(row.last_day or row.date).isoformat()}")
    if row.start is not None:
        lines += [f'start = "{row.start}"', f'end = "{end_of(row.start, row.end)}"']
    if row.title != name:
        lines.append(f"title = {string(row.title)}")
    if row.location:
        lines.append(f"location = {string(row.location)}")
    return [*lines, ""]


def _series_head(body: str, name: str, look: Look, series_id: str | None) -> list[str]:
    """A ``[[series]]`` table's first lines: its id, body and title."""
    lines = ["[[series]]"]
    if series_id is not None:
        lines.append(f"id = {string(series_id)}")
    lines.append(f"body = {string(body)}")
    if look.title != name:
        lines.append(f"title = {string(look.title)}")
    return lines


def _hours(start: ClockTime, end: ClockTime | None) -> list[str]:
    """``start`` and ``end``; or, where the file gave no end, ``minutes``,
    unless they would run past midnight."""
    if end is None and end_of(start, end).minutes == start.minutes + DEFAULT_MINUTES:
        return [f'start = "{start}"', f"minutes = {DEFAULT_MINUTES}"]
    return [f'start = "{start}"', f'end = "{end_of(start, end)}"']


def _dates(days: Sequence[dt.date]) -> str:
    """A TOML list of days, five to a line."""
    ordered = sorted(set(days))
    if len(ordered) <= 5:
        return "[" + ", ".join(day.isoformat() for day in ordered) + "]"
    chunks = [", ".join(day.isoformat() for day in ordered[n:n + 5])
              for n in range(0, len(ordered), 5)]
    return "[\n    " + ",\n    ".join(chunks) + ",\n]"


def string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's."""
    return json.dumps(text, ensure_ascii=False)
