"""Recurrence rules: a typed value, made once, that expands into dates.

A series recurs by an RFC 5545 RRULE (written as such, or in words that
``phrases`` turns into one) or by a list of dates. A :class:`Rule` is made
once: by :meth:`Rule.parse` from a plan's ``rule``, or by the phrase reader
from its parts (``parts`` has their types and reads each from its text). It
checks its invariants when it is made, so a Rule that exists is valid, and
nothing reads its text again.

Expansion builds dateutil's rrule from the parts, always with an explicit
start (dateutil would otherwise count from *now*), and counts from the
series' ``from`` date. dateutil searches up to the year 9999 for a rule that
can never match (``FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30`` takes seconds), so
such a rule cannot be made (:class:`NeverOccurs`).
"""

from __future__ import annotations

import datetime as dt

import attrs
from dateutil.rrule import DAILY, MONTHLY, WEEKLY, YEARLY, rrule, weekday

from aarshjul.messages import Message, _
from aarshjul.recurrence.parts import (
    ByDay,
    Frequency,
    NeverOccurs,
    RuleError,
    Weekday,
    longest_month,
    not_whole,
    optional_weekday,
    read_frequency,
    read_numbers,
    read_until,
    read_weekday,
    read_weekdays,
    read_whole,
    write_date,
)

__all__ = ["Rule", "RuleError"]


@attrs.frozen
class _Numbers:
    """What one numbered BY-part allows: its range, and the frequencies it
    goes with (RFC 5545 §3.3.10)."""

    low: int
    high: int
    signed: bool
    frequencies: tuple[Frequency, ...] = tuple(Frequency)

    def span(self) -> Message:
        if self.signed:
            return _("{low} to {high} or -{high} to -{low}", low=self.low, high=self.high)
        return _("{low} to {high}", low=self.low, high=self.high)


_NUMBERED = {
    "BYMONTH": _Numbers(1, 12, signed=False),
    "BYWEEKNO": _Numbers(1, 53, signed=True, frequencies=(Frequency.YEARLY,)),
    "BYYEARDAY": _Numbers(1, 366, signed=True, frequencies=(Frequency.YEARLY,)),
    "BYMONTHDAY": _Numbers(1, 31, signed=True, frequencies=(
        Frequency.YEARLY, Frequency.MONTHLY, Frequency.DAILY)),
    "BYSETPOS": _Numbers(1, 366, signed=True),
}
_WHOLE = {"INTERVAL": (1, 1000), "COUNT": (1, 100_000)}
# The parts a rule may have, in the order its text gives them. BYHOUR and
# friends make no sense here: a meeting's time comes from the series' start.
_LISTS = ("BYMONTH", "BYWEEKNO", "BYYEARDAY", "BYMONTHDAY", "BYDAY", "BYSETPOS")
_KNOWN = ("FREQ", "INTERVAL", "COUNT", "UNTIL", "WKST", *_LISTS)
_NOT_FOR_DATES = ("BYHOUR", "BYMINUTE", "BYSECOND")


@attrs.frozen(kw_only=True, repr=False)
class Rule:
    """An RFC 5545 RRULE for the dates of meetings, checked when it is made.

    >>> rule = Rule.parse("rrule:freq=weekly;interval=2;byday=we")
    >>> rule.freq, rule.interval, rule.by_day
    (<Frequency.WEEKLY: 'WEEKLY'>, 2, (ByDay(weekday=<Weekday.WE: 2>, position=None),))
    >>> str(rule)
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'
    >>> rule
    Rule.parse('FREQ=WEEKLY;INTERVAL=2;BYDAY=WE')

    An empty tuple is a part not given; so is ``week_start=None`` (dateutil
    then starts weeks on Monday). Lists keep the order they were given in.
    """

    freq: Frequency
    interval: int = 1
    count: int | None = None
    until: dt.date | None = None
    week_start: Weekday | None = attrs.field(default=None, converter=optional_weekday)
    by_month: tuple[int, ...] = ()
    by_week_number: tuple[int, ...] = ()
    by_year_day: tuple[int, ...] = ()
    by_month_day: tuple[int, ...] = ()
    by_day: tuple[ByDay, ...] = ()
    by_set_position: tuple[int, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check(self)

    @classmethod
    def parse(cls, text: str) -> Rule:
        """Read an RRULE, with or without ``RRULE:``, in any case.

        Raises :class:`RuleError` with a message that names the part and says
        what is wrong with it.
        """
        parts = _split(text)
        if "FREQ" not in parts:
            raise RuleError(_("FREQ is missing (YEARLY, MONTHLY, WEEKLY or DAILY)"))
        freq = read_frequency(parts["FREQ"])
        week_start = read_weekday("WKST", parts["WKST"]) if "WKST" in parts else None
        whole = {name: read_whole(name, parts[name], *_WHOLE[name])
                 for name in _WHOLE if name in parts}
        numbered = {name: read_numbers(name, parts[name]) for name in _NUMBERED if name in parts}
        return cls(
            freq=freq,
            interval=whole.get("INTERVAL", 1),
            count=whole.get("COUNT"),
            until=read_until(parts["UNTIL"]) if "UNTIL" in parts else None,
            week_start=week_start,
            by_month=numbered.get("BYMONTH", ()),
            by_week_number=numbered.get("BYWEEKNO", ()),
            by_year_day=numbered.get("BYYEARDAY", ()),
            by_month_day=numbered.get("BYMONTHDAY", ()),
            by_day=read_weekdays(parts["BYDAY"]) if "BYDAY" in parts else (),
            by_set_position=numbered.get("BYSETPOS", ()),
        )

    def __repr__(self) -> str:
        return f"Rule.parse({str(self)!r})"

    def __str__(self) -> str:
        """The canonical text: upper case, no prefix, parts in RFC 5545's order.

        A time in UNTIL is not kept: only the day matters for a meeting's date.
        """
        parts = [f"FREQ={self.freq.value}"]
        if self.interval != 1:
            parts.append(f"INTERVAL={self.interval}")
        if self.count is not None:
            parts.append(f"COUNT={self.count}")
        if self.until is not None:
            parts.append(f"UNTIL={write_date(self.until)}")
        if self.week_start is not None:
            parts.append(f"WKST={self.week_start.name}")
        lists: dict[str, tuple[int, ...] | tuple[ByDay, ...]] = {
            **_numbered(self), "BYDAY": self.by_day}
        parts += [f"{name}={_joined(lists[name])}" for name in _LISTS if lists[name]]
        return ";".join(parts)

    def expand(self, *, anchor: dt.date, first: dt.date, last: dt.date) -> list[dt.date]:
        """The dates the rule gives in ``[first, last]``, counted from ``anchor``."""
        weeks = self._iso_weeks()
        counted = attrs.evolve(self, freq=Frequency.WEEKLY, by_week_number=()) if weeks else self
        frequencies = {Frequency.YEARLY: YEARLY, Frequency.MONTHLY: MONTHLY,
                       Frequency.WEEKLY: WEEKLY, Frequency.DAILY: DAILY}
        until = counted.until
        recurrence = rrule(
            frequencies[counted.freq],
            dtstart=dt.datetime.combine(counted._counting_start(anchor), dt.time()),
            interval=counted.interval,
            count=counted.count,
            until=None if until is None else dt.datetime.combine(until, dt.time()),
            wkst=counted.week_start,
            # None, not (), for a part not given: dateutil fills some from dtstart.
            bymonth=counted.by_month or None,
            byweekno=counted.by_week_number or None,
            byyearday=counted.by_year_day or None,
            bymonthday=counted.by_month_day or None,
            byweekday=[weekday(day.weekday, day.position) for day in counted.by_day] or None,
            bysetpos=counted.by_set_position or None,
        )
        window_start = dt.datetime.combine(first, dt.time())
        window_end = dt.datetime.combine(last, dt.time())
        dates = []
        for moment in recurrence:
            if moment > window_end:
                break
            if moment >= window_start and (weeks is None or _in_weeks(moment.date(), weeks)):
                dates.append(moment.date())
        return dates

    def _counting_start(self, anchor: dt.date) -> dt.date:
        """Where counting starts: the first day on or after ``anchor`` that a
        weekly rule's weekdays allow, so that "every other Wednesday" from a
        Thursday means the next day that is a Wednesday, then every second one."""
        if self.freq is not Frequency.WEEKLY or not self.by_day:
            return anchor
        allowed = {day.weekday for day in self.by_day}
        day = anchor
        while day.weekday() not in allowed:
            day += dt.timedelta(days=1)
        return day

    def _iso_weeks(self) -> tuple[int, ...] | None:
        """The week numbers of a plain "weekdays in these ISO weeks" rule (how
        "onsdag i lige uger" is written), else None.

        dateutil 2.9 puts 1-2 January of a common year that starts on a
        Saturday into week 53 of a year that had 52 (2022-01-01 is in ISO week
        52 of 2021), so that weekend days land in the wrong parity. For this
        form the dates are expanded weekly and filtered by ``date.isocalendar``
        instead.
        """
        plain = (self.freq is Frequency.YEARLY and self.by_week_number and self.by_day
                 and self.interval == 1 and self.count is None
                 and not (self.by_year_day or self.by_month_day or self.by_set_position)
                 and self.week_start in (None, Weekday.MO)
                 and all(day.position is None for day in self.by_day))
        return self.by_week_number if plain else None


def _joined(values: tuple[int, ...] | tuple[ByDay, ...]) -> str:
    return ",".join(str(value) for value in values)


def _check(rule: Rule) -> None:
    """Every invariant of a rule, each with the message a planner reads."""
    if rule.count is not None and rule.until is not None:
        raise RuleError(_("COUNT and UNTIL cannot both be given"))
    given = {name: values for name, values in _numbered(rule).items() if values}
    for name in given:
        frequencies = _NUMBERED[name].frequencies
        if rule.freq not in frequencies:
            raise RuleError(_("{name} does not go with FREQ={freq} (only with {allowed})",
                              name=name, freq=rule.freq.value,
                              allowed=", ".join(f.value for f in frequencies)))
    for name, whole in (("INTERVAL", rule.interval), ("COUNT", rule.count)):
        low, high = _WHOLE[name]
        if whole is not None and not low <= whole <= high:
            raise RuleError(not_whole(name, whole, low, high))
    for name, values in given.items():
        allowed = _NUMBERED[name]
        for value in values:
            if not allowed.low <= abs(value) <= allowed.high or (value < 0 and not allowed.signed):
                raise RuleError(_("{name}: {value} is out of range ({bounds})", name=name,
                                  value=value, bounds=allowed.span()))
    _check_days(rule)
    _check_occurs(rule)


def _numbered(rule: Rule) -> dict[str, tuple[int, ...]]:
    """The numbered BY-parts by name, given or not."""
    return {"BYMONTH": rule.by_month, "BYWEEKNO": rule.by_week_number,
            "BYYEARDAY": rule.by_year_day, "BYMONTHDAY": rule.by_month_day,
            "BYSETPOS": rule.by_set_position}


def _check_days(rule: Rule) -> None:
    for day in rule.by_day:
        if day.position is None:
            continue
        if rule.freq not in (Frequency.MONTHLY, Frequency.YEARLY):
            raise RuleError(_("BYDAY={day}: a position (like 2WE) needs FREQ=MONTHLY or YEARLY",
                              day=day))
        # A position counts within the month, or with YEARLY within the year,
        # unless BYMONTH names months (RFC 5545; dateutil fails on 20SU there).
        in_month = rule.freq is Frequency.MONTHLY or bool(rule.by_month)
        limit = 5 if in_month else 53
        if not 1 <= abs(day.position) <= limit:
            if rule.freq is Frequency.YEARLY and in_month:
                raise RuleError(_("BYDAY={day}: the position must be 1 to {limit} or -1 to "
                                  "-{limit} (with BYMONTH it counts within the month)",
                                  day=day, limit=limit))
            raise RuleError(_("BYDAY={day}: the position must be 1 to {limit} or -1 to "
                              "-{limit}", day=day, limit=limit))
    positioned = [day for day in rule.by_day if day.position is not None]
    plain = [day for day in rule.by_day if day.position is None]
    if positioned and plain:
        # RFC 5545 means either; dateutil gives only the dates that are both,
        # so "1MO,WE" never occurs there. Two series say it plainly.
        raise RuleError(_("BYDAY={days}: weekdays with a position ({positioned}) and without "
                          "({plain}) cannot be mixed; make them two series",
                          days=_joined(rule.by_day), positioned=positioned[0], plain=plain[0]))


def _check_occurs(rule: Rule) -> None:
    """Refuse a rule that can never give a date (dateutil would search to 9999)."""
    if rule.by_month_day:
        longest = longest_month(rule.by_month)
        if all(abs(day) > longest for day in rule.by_month_day):
            days = _joined(rule.by_month_day)
            if rule.by_month:
                raise NeverOccurs(_("BYMONTHDAY={days} never occurs in BYMONTH={months}",
                                    days=days, months=_joined(rule.by_month)))
            raise NeverOccurs(_("BYMONTHDAY={days} never occurs in any month", days=days))
    most = _most_each_period(rule)
    if rule.by_set_position and most is not None:
        period, how_many, exactly = most
        if all(abs(position) > how_many for position in rule.by_set_position):
            positions = _joined(rule.by_set_position)
            if exactly:
                raise NeverOccurs(_("BYSETPOS={positions} never occurs: a {period} has only "
                                    "{count} matching date(s)", positions=positions,
                                    period=period, count=how_many))
            raise NeverOccurs(_("BYSETPOS={positions} never occurs: a {period} has at most "
                                "{count} matching date(s)", positions=positions,
                                period=period, count=how_many))


def _most_each_period(rule: Rule) -> tuple[Message, int, bool] | None:
    """The most candidate dates one period of the rule holds (for BYSETPOS to
    pick from), and whether it always holds that many; None for a year,
    which is not worth counting."""
    weekdays = len({day.weekday for day in rule.by_day})
    if rule.freq is Frequency.DAILY:
        return _("day"), 1, True
    if rule.freq is Frequency.WEEKLY:
        return _("week"), max(weekdays, 1), True
    if rule.freq is not Frequency.MONTHLY:
        return None
    # Without BYDAY or BYMONTHDAY, dateutil takes the day of the month from
    # the start: one date a month. A month has at most five of a weekday.
    bounds = [len(set(rule.by_month_day))] if rule.by_month_day else []
    if rule.by_day:
        positioned = any(day.position is not None for day in rule.by_day)
        bounds.append(len(set(rule.by_day)) if positioned else 5 * weekdays)
    return _("month"), min(bounds, default=1), False


def _split(text: str) -> dict[str, str]:
    """The parts of an RRULE's text by name, upper case: ``{"FREQ": "WEEKLY"}``."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:"):]
    if not body:
        raise RuleError(_("the rule is empty (expected e.g. FREQ=WEEKLY;BYDAY=WE)"))
    parts: dict[str, str] = {}
    for piece in body.split(";"):
        if not piece.strip():
            continue
        name, sep, value = piece.partition("=")
        name, value = name.strip().upper(), value.strip().upper()
        if not sep or not value:
            raise RuleError(_('"{piece}" is not NAME=VALUE', piece=piece))
        if name in _NOT_FOR_DATES:
            raise RuleError(_("{name} is not allowed: a meeting's time comes from start and "
                              "end", name=name))
        if name not in _KNOWN:
            raise RuleError(_("{name} is not a rule part ({known})", name=name,
                              known=", ".join(_KNOWN)))
        if name in parts:
            raise RuleError(_("{name} is given twice", name=name))
        parts[name] = value
    return parts


def _in_weeks(day: dt.date, weeks: tuple[int, ...]) -> bool:
    year, week, _ = day.isocalendar()
    weeks_in_year = dt.date(year, 12, 28).isocalendar().week
    return any(week == (n if n > 0 else weeks_in_year + 1 + n) for n in weeks)
