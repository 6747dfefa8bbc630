"""VTIMEZONE components that hold for every date a feed has, and after.

A VTIMEZONE that lists the transitions of a few years only (as icalendar's
``Timezone.from_tzinfo`` writes) stops short: some clients then put summer
meetings of later years an hour off. Published zone data (the Olson files
that ``zoneinfo`` reads) ends with a POSIX TZ rule for all years after the
last listed transition, like ``CET-1CEST,M3.5.0,M10.5.0/3``; this module
turns that rule into DAYLIGHT and STANDARD components with yearly RRULEs.

The rule is checked against ``zoneinfo`` for every instant the feed holds.
Where it does not hold (a zone that changed its rules within the feed's
span) or cannot be written as an RRULE (Israel's "Thursday before the last
Sunday, at 26:00"), the component lists the span's transitions instead,
from a year before the feed to two years after it.
"""

from __future__ import annotations

import datetime as dt
import functools
import importlib.resources
import re
import zoneinfo
from collections.abc import Iterable, Sequence
from pathlib import Path

import attrs

from aarshjul.ical.encode import text_value

_NAME = r"(?:[A-Za-z]{3,}|<[^>]+>)"
_OFFSET = r"[+-]?\d{1,2}(?::\d{2}){0,2}"
_POSIX = re.compile(rf"({_NAME})({_OFFSET})(?:({_NAME})({_OFFSET})?(?:,([^,]+),([^,]+))?)?")
_MONTH_RULE = re.compile(r"M(\d{1,2})\.([1-5])\.([0-6])(?:/([+-]?\d{1,3}(?::\d{2}){0,2}))?")
_WEEKDAYS = ("SU", "MO", "TU", "WE", "TH", "FR", "SA")  # POSIX counts from Sunday


@attrs.frozen
class _Change:
    """A yearly change of offset: in ``month``, the ``week``-th (5 = last)
    ``weekday`` (POSIX: 0 = Sunday), at ``seconds`` past local midnight."""

    month: int
    week: int
    weekday: int
    seconds: int

    def day(self, year: int) -> dt.date:
        first = dt.date(year, self.month, 1)
        shift = (self.weekday - (first.isoweekday() % 7)) % 7
        day = first + dt.timedelta(days=shift + 7 * (self.week - 1))
        while day.month != self.month:  # week 5 means the last one
            day -= dt.timedelta(days=7)
        return day

    def local(self, year: int) -> dt.datetime:
        return _local(self, year)

    def rrule(self) -> str:
        week = -1 if self.week == 5 else self.week
        return f"FREQ=YEARLY;BYMONTH={self.month};BYDAY={week}{_WEEKDAYS[self.weekday]}"


@functools.cache
def _local(change: _Change, year: int) -> dt.datetime:
    """When a change happens in a year, on the wall clock before it."""
    return dt.datetime.combine(change.day(year), dt.time()) + dt.timedelta(
        seconds=change.seconds)


@attrs.frozen
class _Rule:
    """A POSIX TZ rule: standard time, and maybe daylight time with its changes."""

    std_name: str
    std_offset: int  # seconds east of UTC
    dst_name: str | None = None
    dst_offset: int | None = None
    to_dst: _Change | None = None
    to_std: _Change | None = None

    def offset(self, local: dt.datetime) -> int:
        """The offset a wall-clock time has under this rule."""
        if self.to_dst is None or self.to_std is None or self.dst_offset is None:
            return self.std_offset
        begins, ends = self.to_dst.local(local.year), self.to_std.local(local.year)
        # North of the equator summer lies within a year; south, over its turn.
        summer = begins <= local < ends if begins < ends else not ends <= local < begins
        return self.dst_offset if summer else self.std_offset


def _seconds(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    parts = [int(p) for p in text.lstrip("+-").split(":")]
    parts += [0] * (3 - len(parts))
    return sign * (parts[0] * 3600 + parts[1] * 60 + parts[2])


def parse_posix(value: str) -> _Rule | None:
    """A POSIX TZ string as a rule, or None if it is of a form an RRULE
    cannot say (Julian days, transition times outside the day)."""
    match = _POSIX.fullmatch(value.strip())
    if match is None:
        return None
    std_name, std, dst_name, dst, start, end = match.groups()
    std_offset = -_seconds(std)  # POSIX offsets count west of UTC
    if dst_name is None:
        return _Rule(std_name.strip("<>"), std_offset)
    dst_offset = -_seconds(dst) if dst else std_offset + 3600
    changes = []
    for text in (start, end):
        rule = _MONTH_RULE.fullmatch(text or "")
        if rule is None:
            return None
        seconds = _seconds(rule[4]) if rule[4] else 7200
        if not 0 <= seconds < 86400:
            return None
        changes.append(_Change(int(rule[1]), int(rule[2]), int(rule[3]), seconds))
    return _Rule(std_name.strip("<>"), std_offset, dst_name.strip("<>"), dst_offset, *changes)


def tzif_bytes(key: str) -> bytes | None:
    """The zone's compiled data, from the system's zone files or the tzdata
    package, as zoneinfo finds them."""
    for root in zoneinfo.TZPATH:
        path = Path(root, key)
        if path.is_file():
            return path.read_bytes()
    try:
        resource = importlib.resources.files("tzdata").joinpath("zoneinfo", *key.split("/"))
        return resource.read_bytes()
    except (ModuleNotFoundError, FileNotFoundError, OSError):
        return None


def posix_footer(data: bytes) -> str | None:
    """The POSIX TZ string at the end of a version 2+ TZif file."""
    if not data.startswith(b"TZif") or data[4:5] < b"2" or not data.endswith(b"\n"):
        return None
    footer = data[:-1].rsplit(b"\n", 1)[-1]
    return footer.decode("ascii", "replace") or None


def _utc_offset(local: dt.datetime, zone: zoneinfo.ZoneInfo) -> int:
    offset = local.replace(tzinfo=zone).utcoffset()
    assert offset is not None
    return int(offset.total_seconds())


def _offset_text(seconds: int) -> str:
    sign = "-" if seconds < 0 else "+"
    hours, rest = divmod(abs(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    return f"{sign}{hours:02d}{minutes:02d}" + (f"{secs:02d}" if secs else "")


def _stamp(local: dt.datetime) -> str:
    return local.strftime("%Y%m%dT%H%M%S")


def _component(kind: str, name: str, offset_from: int, offset_to: int, start: dt.datetime,
               *, rrule: str | None = None) -> list[str]:
    lines = [f"BEGIN:{kind}", f"TZNAME:{text_value(name)}",
             f"TZOFFSETFROM:{_offset_text(offset_from)}",
             f"TZOFFSETTO:{_offset_text(offset_to)}", f"DTSTART:{_stamp(start)}"]
    if rrule:
        lines.append(f"RRULE:{rrule}")
    return [*lines, f"END:{kind}"]


def _kind(offset_from: int, offset_to: int) -> str:
    # Ireland's zone data says summer is standard time and winter the
    # "daylight" one; calendars expect DAYLIGHT for the later clock.
    return "DAYLIGHT" if offset_to > offset_from else "STANDARD"


def _from_rule(key: str, rule: _Rule, first_year: int) -> list[str]:
    """Yearly rules starting the year before the feed's first, so that even
    its first meeting has an observance in force."""
    lines = ["BEGIN:VTIMEZONE", f"TZID:{key}", f"X-LIC-LOCATION:{key}"]
    year = first_year - 1
    if rule.to_dst is None or rule.to_std is None or rule.dst_offset is None:
        lines += _component("STANDARD", rule.std_name, rule.std_offset, rule.std_offset,
                            dt.datetime(year, 1, 1))
    else:
        assert rule.dst_name is not None
        changes = [(rule.to_dst, rule.dst_name, rule.std_offset, rule.dst_offset),
                   (rule.to_std, rule.std_name, rule.dst_offset, rule.std_offset)]
        for change, name, offset_from, offset_to in changes:
            lines += _component(_kind(offset_from, offset_to), name, offset_from, offset_to,
                                change.local(year), rrule=change.rrule())
    return [*lines, "END:VTIMEZONE"]


def _transitions(zone: zoneinfo.ZoneInfo, first: dt.date, last: dt.date
                 ) -> Iterable[tuple[dt.datetime, int, int, str]]:
    """(local time before, offset before, offset after, name after) of each
    change of offset between two days, found hour by hour in UTC."""
    moment = dt.datetime.combine(first, dt.time(), tzinfo=dt.UTC)
    end = dt.datetime.combine(last, dt.time(), tzinfo=dt.UTC)
    hour = dt.timedelta(hours=1)
    before = moment.astimezone(zone).utcoffset()
    while moment < end:
        after_moment = moment + hour
        after = after_moment.astimezone(zone).utcoffset()
        if after != before:
            assert before is not None
            assert after is not None
            local_before = (after_moment + before).replace(tzinfo=None)
            name = after_moment.astimezone(zone).tzname() or ""
            yield local_before, int(before.total_seconds()), int(after.total_seconds()), name
            before = after
        moment = after_moment


def _from_transitions(key: str, zone: zoneinfo.ZoneInfo, first: dt.date, last: dt.date
                      ) -> list[str]:
    start = dt.datetime.combine(first, dt.time())
    offset = _utc_offset(start, zone)
    name = start.replace(tzinfo=zone).tzname() or key
    lines = ["BEGIN:VTIMEZONE", f"TZID:{key}", f"X-LIC-LOCATION:{key}"]
    lines += _component("STANDARD", name, offset, offset, start)
    for local, before, after, after_name in _transitions(zone, first, last):
        lines += _component(_kind(before, after), after_name, before, after, local)
    return [*lines, "END:VTIMEZONE"]


def vtimezone(key: str, instants: Sequence[dt.datetime]) -> list[str]:
    """The VTIMEZONE of zone ``key`` for a feed with these wall-clock times,
    as content lines (unfolded; none is long). ``instants`` may not be empty."""
    if not instants:
        raise ValueError("a VTIMEZONE is made for the times of a feed: none were given")
    zone = zoneinfo.ZoneInfo(key)
    years = [moment.year for moment in instants]
    first_year, last_year = min(years), max(years)
    data = tzif_bytes(key)
    footer = posix_footer(data) if data else None
    rule = parse_posix(footer) if footer else None
    if rule is not None and all(rule.offset(m) == _utc_offset(m, zone) for m in instants):
        return _from_rule(key, rule, first_year)
    return _from_transitions(key, zone, dt.date(first_year - 1, 1, 1),
                             dt.date(last_year + 3, 1, 1))
