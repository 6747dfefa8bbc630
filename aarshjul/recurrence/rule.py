"""Recurrence rules to dates: validate an RRULE, expand a series into dates.

A series recurs by an RFC 5545 RRULE (written as such, or in words that
``phrases`` turns into one) or by a list of dates. Expansion uses dateutil's
rrule, always with an explicit start (dateutil would otherwise count from
*now*), and counts from the series' ``from`` date.

dateutil searches up to the year 9999 for a rule that can never match
(``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`` takes seconds), so :func:`normalize_rule`
refuses such rules before they are expanded.
"""

from __future__ import annotations

import datetime as dt
import re

from aarshjul.vocabulary import LONGEST_MONTH, WEEKDAY_CODES

WEEKDAYS = WEEKDAY_CODES
FREQUENCIES = ("YEARLY", "MONTHLY", "WEEKLY", "DAILY")

# RFC 5545 §3.3.10: which BY-parts go with which frequency (for the dates a
# meeting can have; BYHOUR and friends make no sense here: times come from
# the series' start and end).
_ALLOWED_WITH = {
    "BYMONTH": FREQUENCIES,
    "BYWEEKNO": ("YEARLY",),
    "BYYEARDAY": ("YEARLY",),
    "BYMONTHDAY": ("YEARLY", "MONTHLY", "DAILY"),
    "BYDAY": FREQUENCIES,
    "BYSETPOS": FREQUENCIES,
}
_KNOWN = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", *_ALLOWED_WITH)
_NOT_FOR_DATES = ("BYHOUR", "BYMINUTE", "BYSECOND")
_ORDER = {name: index for index, name in enumerate(_KNOWN)}

_BYDAY = re.compile(r"([+-]?)(\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)")
_UNTIL = re.compile(r"(\d{8})(T\d{6}Z?)?")
_INTEGER = re.compile(r"[+-]?\d{1,4}")



class RuleError(ValueError):
    """An RRULE that is not valid; the message says which part and why."""


def normalize_rule(text: str) -> str:
    """Check an RRULE and return it in canonical form (upper case, no prefix).

    >>> normalize_rule("rrule:freq=weekly;interval=2;byday=we")
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'
    """
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:"):]
    if not body:
        raise RuleError("the rule is empty (expected e.g. FREQ=WEEKLY;BYDAY=WE)")
    parts: dict[str, str] = {}
    for piece in body.split(";"):
        if not piece.strip():
            continue
        name, sep, value = piece.partition("=")
        name, value = name.strip().upper(), value.strip().upper()
        if not sep or not value:
            raise RuleError(f'"{piece}" is not NAME=VALUE')
        if name in _NOT_FOR_DATES:
            raise RuleError(f"{name} is not allowed: a meeting's time comes from start and end")
        if name not in _KNOWN:
            raise RuleError(f"{name} is not a rule part ({', '.join(_KNOWN)})")
        if name in parts:
            raise RuleError(f"{name} is given twice")
        parts[name] = value
    _check_parts(parts)
    return ";".join(f"{name}={parts[name]}" for name in sorted(parts, key=_ORDER.__getitem__))


def _check_parts(parts: dict[str, str]) -> None:
    freq = parts.get("FREQ")
    if freq is None:
        raise RuleError("FREQ is missing (YEARLY, MONTHLY, WEEKLY or DAILY)")
    if freq not in FREQUENCIES:
        raise RuleError(f"FREQ={freq} is not allowed: meetings recur at most daily "
                        f"({', '.join(FREQUENCIES)})")
    if "COUNT" in parts and "UNTIL" in parts:
        raise RuleError("COUNT and UNTIL cannot both be given")
    for name, frequencies in _ALLOWED_WITH.items():
        if name in parts and freq not in frequencies:
            raise RuleError(f"{name} does not go with FREQ={freq} "
                            f"(only with {', '.join(frequencies)})")
    _number(parts, "INTERVAL", 1, 1000)
    _number(parts, "COUNT", 1, 100_000)
    months = _numbers(parts, "BYMONTH", 1, 12, signed=False)
    monthdays = _numbers(parts, "BYMONTHDAY", 1, 31, signed=True)
    _numbers(parts, "BYYEARDAY", 1, 366, signed=True)
    _numbers(parts, "BYWEEKNO", 1, 53, signed=True)
    setpos = _numbers(parts, "BYSETPOS", 1, 366, signed=True)
    days = _weekdays(parts, freq)
    if "WKST" in parts and parts["WKST"] not in WEEKDAYS:
        raise RuleError(f"WKST={parts['WKST']} is not a weekday ({', '.join(WEEKDAYS)})")
    if "UNTIL" in parts:
        parts["UNTIL"] = _until(parts["UNTIL"])
    if monthdays:
        longest = max(LONGEST_MONTH[m - 1] for m in (months or range(1, 13)))
        if all(abs(day) > longest for day in monthdays):
            raise RuleError(f"BYMONTHDAY={parts['BYMONTHDAY']} never occurs in "
                            + (f"BYMONTH={parts['BYMONTH']}" if months else "any month"))
    if freq in ("DAILY", "WEEKLY") and setpos:
        # A day, or a week, holds at most this many candidate dates.
        per_period = 1 if freq == "DAILY" else max(len(days), 1)
        if all(abs(pos) > per_period for pos in setpos):
            raise RuleError(f"BYSETPOS={parts['BYSETPOS']} never occurs: "
                            f"a {'day' if freq == 'DAILY' else 'week'} has only "
                            f"{per_period} matching date(s)")


def _number(parts: dict[str, str], name: str, low: int, high: int) -> None:
    if name in parts:
        value = parts[name]
        if not value.isdigit() or not low <= int(value) <= high:
            raise RuleError(f"{name}={value} is not a whole number from {low} to {high}")


def _numbers(parts: dict[str, str], name: str, low: int, high: int, *, signed: bool) -> list[int]:
    if name not in parts:
        return []
    values = []
    for raw in parts[name].split(","):
        if not _INTEGER.fullmatch(raw.strip()):
            raise RuleError(f"{name}: {raw!r} is not a number")
        value = int(raw)
        if not low <= abs(value) <= high or (value < 0 and not signed):
            span = f"{low} to {high}" + (f" or -{high} to -{low}" if signed else "")
            raise RuleError(f"{name}: {raw} is out of range ({span})")
        values.append(value)
    return values


def _weekdays(parts: dict[str, str], freq: str) -> list[str]:
    if "BYDAY" not in parts:
        return []
    days = []
    for raw in parts["BYDAY"].split(","):
        match = _BYDAY.fullmatch(raw.strip())
        if match is None:
            raise RuleError(f"BYDAY={raw} is not a weekday ({', '.join(WEEKDAYS)}), "
                            "optionally with a position like 2WE or -1TH")
        sign, ordinal, day = match.groups()
        if ordinal is not None:
            if freq not in ("MONTHLY", "YEARLY"):
                raise RuleError(f"BYDAY={raw}: a position (like 2WE) needs FREQ=MONTHLY or YEARLY")
            limit = 5 if freq == "MONTHLY" and "BYWEEKNO" not in parts else 53
            if not 1 <= int(ordinal) <= limit:
                raise RuleError(f"BYDAY={raw}: the position must be 1 to {limit} "
                                f"or -1 to -{limit}")
        days.append(f"{sign}{ordinal or ''}{day}")
    return days


def _until(value: str) -> str:
    match = _UNTIL.fullmatch(value)
    if match is None:
        raise RuleError(f"UNTIL={value} is not a date (YYYYMMDD)")
    try:
        dt.datetime.strptime(match[1], "%Y%m%d")
    except ValueError:
        raise RuleError(f"UNTIL={value} is not a date that exists") from None
    # Only the day matters for a meeting's date; a time, with or without Z,
    # would make dateutil compare naive with aware datetimes.
    return match[1]


def _parts(rule: str) -> dict[str, str]:
    """A normalized rule's parts: ``{"FREQ": "WEEKLY", "BYDAY": "WE"}``."""
    return dict(piece.split("=", 1) for piece in rule.split(";"))


def first_matching_day(rule: str, start: dt.date) -> dt.date:
    """Where counting starts: the first day on or after ``start`` that a weekly
    rule's weekdays allow, so that "every other Wednesday" from a Thursday
    means the next day that is a Wednesday, then every second one."""
    parts = _parts(rule)
    if parts.get("FREQ") != "WEEKLY" or "BYDAY" not in parts:
        return start
    allowed = {WEEKDAYS.index(day[-2:]) for day in parts["BYDAY"].split(",")}
    day = start
    while day.weekday() not in allowed:
        day += dt.timedelta(days=1)
    return day


def _iso_week_form(rule: str) -> tuple[str, list[int]] | None:
    """A weekly rule and week numbers, for the plain "weekdays in these ISO
    weeks" rule (how "onsdag i lige uger" is written), else None.

    dateutil 2.9 puts 1-2 January of a common year that starts on a Saturday
    into week 53 of a year that had 52 (2022-01-01 is in ISO week 52 of
    2021), so that weekend days land in the wrong parity. For this form the
    dates are expanded weekly and filtered by ``date.isocalendar`` instead.
    """
    parts = _parts(rule)
    plain = set(parts) <= {"FREQ", "BYWEEKNO", "BYDAY", "BYMONTH", "UNTIL", "WKST"}
    if (parts.get("FREQ") != "YEARLY" or "BYWEEKNO" not in parts or "BYDAY" not in parts
            or not plain or parts.get("WKST", "MO") != "MO"
            or any(day not in WEEKDAYS for day in parts["BYDAY"].split(","))):
        return None
    weekly = ";".join(f"{name}={value}" for name, value in
                      [("FREQ", "WEEKLY"), *((k, v) for k, v in parts.items()
                                             if k in ("BYMONTH", "UNTIL", "BYDAY"))])
    return weekly, [int(week) for week in parts["BYWEEKNO"].split(",")]


def _in_weeks(day: dt.date, weeks: list[int]) -> bool:
    year, week, _ = day.isocalendar()
    weeks_in_year = dt.date(year, 12, 28).isocalendar().week
    return any(week == (n if n > 0 else weeks_in_year + 1 + n) for n in weeks)


def expand_rule(rule: str, *, anchor: dt.date, first: dt.date, last: dt.date) -> list[dt.date]:
    """Dates a normalized rule gives in ``[first, last]``, counted from ``anchor``."""
    from dateutil.rrule import rrulestr  # noqa: PLC0415 - keep the CLI's start fast

    iso_weeks = _iso_week_form(rule)
    expanded = iso_weeks[0] if iso_weeks else rule
    start = dt.datetime.combine(first_matching_day(expanded, anchor), dt.time())
    recurrence = rrulestr(expanded, dtstart=start)
    window_start = dt.datetime.combine(first, dt.time())
    window_end = dt.datetime.combine(last, dt.time())
    dates = []
    for moment in recurrence:
        if moment > window_end:
            break
        if moment >= window_start and (iso_weeks is None
                                       or _in_weeks(moment.date(), iso_weeks[1])):
            dates.append(moment.date())
    return dates
