"""recurrence.rule: a Rule is read once, checked when it is made, and expands
into the dates dateutil gives for its text.

The tables read as the rule: text as a planner writes it on the left, the
canonical text or the message on the right.
"""

from __future__ import annotations

import calendar
import datetime as dt

import attrs
import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul.errors import AarshjulError
from aarshjul.recurrence.rule import ByDay, Frequency, NeverOccurs, Rule, RuleError, Weekday

D = dt.date
EVEN_WEEKS = ",".join(str(week) for week in range(2, 53, 2))
ODD_WEEKS = ",".join(str(week) for week in range(1, 54, 2))

# --- Reading the text ------------------------------------------------------

CANONICAL = [
    ("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("rrule:freq=weekly;interval=2;byday=we", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("RRULE:FREQ=MONTHLY;BYDAY=2WE", "FREQ=MONTHLY;BYDAY=2WE"),
    ("  BYDAY=WE ; FREQ=WEEKLY;  ", "FREQ=WEEKLY;BYDAY=WE"),
    ("FREQ=MONTHLY;BYSETPOS=-1;BYDAY=MO,TU,WE,TH,FR",
     "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1"),
    ("FREQ=YEARLY;BYSETPOS=1;BYDAY=MO;BYMONTHDAY=1,-1;BYYEARDAY=100;BYWEEKNO=1;BYMONTH=1;"
     "WKST=SU;UNTIL=20251231;INTERVAL=2",
     "FREQ=YEARLY;INTERVAL=2;UNTIL=20251231;WKST=SU;BYMONTH=1;BYWEEKNO=1;BYYEARDAY=100;"
     "BYMONTHDAY=1,-1;BYDAY=MO;BYSETPOS=1"),
    ("FREQ=DAILY;COUNT=10", "FREQ=DAILY;COUNT=10"),
    # Only the day of UNTIL matters for a meeting's date.
    ("FREQ=DAILY;UNTIL=20250630T120000Z", "FREQ=DAILY;UNTIL=20250630"),
    ("FREQ=DAILY;UNTIL=20250630T120000", "FREQ=DAILY;UNTIL=20250630"),
    # Lists keep the order they were written in.
    ("FREQ=WEEKLY;BYDAY=TH,TU", "FREQ=WEEKLY;BYDAY=TH,TU"),
    # Numbers are numbers: the way they were written does not stay.
    ("FREQ=WEEKLY;INTERVAL=1", "FREQ=WEEKLY"),
    ("FREQ=MONTHLY;BYDAY=+2WE", "FREQ=MONTHLY;BYDAY=2WE"),
    ("FREQ=MONTHLY;BYMONTHDAY=01", "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("FREQ=WEEKLY;INTERVAL=007", "FREQ=WEEKLY;INTERVAL=7"),
]


@pytest.mark.parametrize(("text", "canonical"), CANONICAL, ids=[row[0] for row in CANONICAL])
def test_a_rule_is_written_back_in_canonical_form(text: str, canonical: str) -> None:
    assert str(Rule.parse(text)) == canonical
    assert str(Rule.parse(canonical)) == canonical


def test_the_parts_are_typed() -> None:
    rule = Rule.parse("FREQ=YEARLY;INTERVAL=2;UNTIL=20251231;WKST=SU;BYMONTH=1,2;BYWEEKNO=-1;"
                      "BYDAY=-1FR,+2TU")
    assert rule == Rule(freq=Frequency.YEARLY, interval=2, until=D(2025, 12, 31),
                        week_start=Weekday.SU, by_month=(1, 2), by_week_number=(-1,),
                        by_day=(ByDay(Weekday.FR, position=-1), ByDay(Weekday.TU, position=2)))
    assert Rule.parse("FREQ=WEEKLY;BYDAY=MO,SU").by_day == (ByDay(Weekday.MO), ByDay(Weekday.SU))
    counted = Rule.parse("FREQ=MONTHLY;COUNT=3;BYMONTHDAY=15,-1")
    assert (counted.count, counted.by_month_day, counted.until) == (3, (15, -1), None)
    assert (counted.interval, counted.week_start, counted.by_day) == (1, None, ())


def test_a_rule_is_a_value() -> None:
    rule = Rule.parse("FREQ=MONTHLY;BYDAY=-1TH")
    assert rule == Rule.parse("rrule:freq=monthly;byday=-1th")
    assert rule != Rule.parse("FREQ=MONTHLY;BYDAY=1TH")
    assert len({rule, Rule.parse("FREQ=MONTHLY;BYDAY=-1TH")}) == 1
    assert repr(rule) == "Rule.parse('FREQ=MONTHLY;BYDAY=-1TH')"
    assert eval(repr(rule), {"Rule": Rule}) == rule
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        rule.interval = 2  # type: ignore[misc]


BAD_TEXT = [
    ("", "the rule is empty (expected e.g. FREQ=WEEKLY;BYDAY=WE)"),
    ("RRULE:", "the rule is empty (expected e.g. FREQ=WEEKLY;BYDAY=WE)"),
    ("FREQ=WEEKLY;BYDAY", '"BYDAY" is not NAME=VALUE'),
    ("FREQ=WEEKLY;BYDAY=", '"BYDAY=" is not NAME=VALUE'),
    ("FREQ=DAILY;BYHOUR=9", "BYHOUR is not allowed: a meeting's time comes from start and end"),
    ("FREQ=WEEKLY;BYWEEK=2", "BYWEEK is not a rule part (FREQ, INTERVAL, COUNT, UNTIL, WKST, "
                             "BYMONTH, BYWEEKNO, BYYEARDAY, BYMONTHDAY, BYDAY, BYSETPOS)"),
    ("FREQ=WEEKLY;FREQ=DAILY", "FREQ is given twice"),
    ("BYDAY=WE", "FREQ is missing (YEARLY, MONTHLY, WEEKLY or DAILY)"),
    ("FREQ=HOURLY", "FREQ=HOURLY is not allowed: meetings recur at most daily "
                    "(YEARLY, MONTHLY, WEEKLY, DAILY)"),
    ("FREQ=WEEKLY;WKST=XX", "WKST=XX is not a weekday (MO, TU, WE, TH, FR, SA, SU)"),
    ("FREQ=WEEKLY;INTERVAL=x", "INTERVAL=X is not a whole number from 1 to 1000"),
    ("FREQ=WEEKLY;INTERVAL=-1", "INTERVAL=-1 is not a whole number from 1 to 1000"),
    # int() refuses these: they used to escape as a plain ValueError.
    ("FREQ=WEEKLY;INTERVAL=²", "INTERVAL=² is not a whole number from 1 to 1000"),
    ("FREQ=WEEKLY;INTERVAL=" + "9" * 5000, "is not a whole number from 1 to 1000"),
    ("FREQ=YEARLY;BYMONTH=²", "BYMONTH: '²' is not a number"),
    ("FREQ=YEARLY;BYMONTH=x", "BYMONTH: 'X' is not a number"),
    ("FREQ=YEARLY;BYMONTH=12345", "BYMONTH: '12345' is not a number"),
    ("FREQ=WEEKLY;BYDAY=XX", "BYDAY=XX is not a weekday (MO, TU, WE, TH, FR, SA, SU), "
                             "optionally with a position like 2WE or -1TH"),
    # A sign needs a position (RFC 5545); dateutil would fail on "-WE".
    ("FREQ=WEEKLY;BYDAY=-WE", "BYDAY=-WE is not a weekday"),
    ("FREQ=MONTHLY;BYDAY=123WE", "BYDAY=123WE is not a weekday"),
    ("FREQ=DAILY;UNTIL=2025-01-01", "UNTIL=2025-01-01 is not a date (YYYYMMDD)"),
    ("FREQ=DAILY;UNTIL=20250230", "UNTIL=20250230 is not a date that exists"),
]

BROKEN_INVARIANT = [
    ("FREQ=DAILY;COUNT=3;UNTIL=20250101", "COUNT and UNTIL cannot both be given"),
    ("FREQ=WEEKLY;BYMONTHDAY=1",
     "BYMONTHDAY does not go with FREQ=WEEKLY (only with YEARLY, MONTHLY, DAILY)"),
    ("FREQ=MONTHLY;BYWEEKNO=1", "BYWEEKNO does not go with FREQ=MONTHLY (only with YEARLY)"),
    ("FREQ=DAILY;BYYEARDAY=1", "BYYEARDAY does not go with FREQ=DAILY (only with YEARLY)"),
    ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL=0 is not a whole number from 1 to 1000"),
    ("FREQ=WEEKLY;INTERVAL=1001", "INTERVAL=1001 is not a whole number from 1 to 1000"),
    ("FREQ=DAILY;COUNT=0", "COUNT=0 is not a whole number from 1 to 100000"),
    ("FREQ=YEARLY;BYMONTH=13", "BYMONTH: 13 is out of range (1 to 12)"),
    ("FREQ=YEARLY;BYMONTH=-1", "BYMONTH: -1 is out of range (1 to 12)"),
    ("FREQ=MONTHLY;BYMONTHDAY=32", "BYMONTHDAY: 32 is out of range (1 to 31 or -31 to -1)"),
    ("FREQ=MONTHLY;BYMONTHDAY=0", "BYMONTHDAY: 0 is out of range (1 to 31 or -31 to -1)"),
    ("FREQ=YEARLY;BYYEARDAY=-367", "BYYEARDAY: -367 is out of range (1 to 366 or -366 to -1)"),
    ("FREQ=YEARLY;BYWEEKNO=54", "BYWEEKNO: 54 is out of range (1 to 53 or -53 to -1)"),
    ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=400",
     "BYSETPOS: 400 is out of range (1 to 366 or -366 to -1)"),
    ("FREQ=WEEKLY;BYDAY=2WE", "BYDAY=2WE: a position (like 2WE) needs FREQ=MONTHLY or YEARLY"),
    ("FREQ=MONTHLY;BYDAY=6WE", "BYDAY=6WE: the position must be 1 to 5 or -1 to -5"),
    ("FREQ=MONTHLY;BYDAY=0WE", "BYDAY=0WE: the position must be 1 to 5 or -1 to -5"),
    ("FREQ=YEARLY;BYDAY=-54WE", "BYDAY=-54WE: the position must be 1 to 53 or -1 to -53"),
    # dateutil fails on these (IndexError); with BYMONTH a position is in the month.
    ("FREQ=YEARLY;BYMONTH=10;BYDAY=20SU", "BYDAY=20SU: the position must be 1 to 5 or -1 to -5 "
                                          "(with BYMONTH it counts within the month)"),
    ("FREQ=YEARLY;BYMONTH=12;BYDAY=-8SU", "BYDAY=-8SU: the position must be 1 to 5"),
    # dateutil gives the dates that are both (none), not either.
    ("FREQ=MONTHLY;BYDAY=1MO,WE", "BYDAY=1MO,WE: weekdays with a position (1MO) and without "
                                  "(WE) cannot be mixed; make them two series"),
]

NEVER_OCCURS = [
    ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30", "BYMONTHDAY=30 never occurs in BYMONTH=2"),
    ("FREQ=MONTHLY;BYMONTH=4,6;BYMONTHDAY=31,-31", "BYMONTHDAY=31,-31 never occurs in BYMONTH=4,6"),
    ("FREQ=DAILY;BYSETPOS=2", "BYSETPOS=2 never occurs: a day has only 1 matching date(s)"),
    ("FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=3,-3",
     "BYSETPOS=3,-3 never occurs: a week has only 2 matching date(s)"),
    # One weekday said twice is one date a week.
    ("FREQ=WEEKLY;BYDAY=MO,MO;BYSETPOS=2",
     "BYSETPOS=2 never occurs: a week has only 1 matching date(s)"),
    # A month has at most five of a weekday, and no more dates than its days.
    ("FREQ=MONTHLY;BYDAY=MO;BYSETPOS=6",
     "BYSETPOS=6 never occurs: a month has at most 5 matching date(s)"),
    ("FREQ=MONTHLY;BYDAY=1MO,-1MO;BYSETPOS=3",
     "BYSETPOS=3 never occurs: a month has at most 2 matching date(s)"),
    ("FREQ=MONTHLY;BYMONTHDAY=1,15;BYDAY=MO,TU,WE;BYSETPOS=-3",
     "BYSETPOS=-3 never occurs: a month has at most 2 matching date(s)"),
    ("FREQ=MONTHLY;BYSETPOS=2", "BYSETPOS=2 never occurs: a month has at most 1 matching "
     "date(s)"),
]


@pytest.mark.parametrize(("text", "message"), BAD_TEXT + BROKEN_INVARIANT + NEVER_OCCURS,
                         ids=[row[0][:60] for row in BAD_TEXT + BROKEN_INVARIANT + NEVER_OCCURS])
def test_a_bad_rule_says_which_part_and_why(text: str, message: str) -> None:
    with pytest.raises(RuleError) as caught:
        Rule.parse(text)
    assert message in str(caught.value)
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize(("text", "message"), NEVER_OCCURS, ids=[row[0] for row in NEVER_OCCURS])
def test_a_rule_that_never_occurs_is_told_apart(text: str, message: str) -> None:
    with pytest.raises(NeverOccurs, match=message.replace("(", r"\(").replace(")", r"\)")):
        Rule.parse(text)


def test_rules_that_only_just_occur_are_fine() -> None:
    assert Rule.parse("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29").by_month_day == (29,)
    assert Rule.parse("FREQ=MONTHLY;BYMONTH=4,5;BYMONTHDAY=31").by_month == (4, 5)
    assert Rule.parse("FREQ=WEEKLY;BYDAY=MO,TU;BYSETPOS=-2").by_set_position == (-2,)
    assert Rule.parse("FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=10").by_set_position == (10,)
    assert Rule.parse("FREQ=MONTHLY;BYMONTHDAY=1,2,3;BYSETPOS=-3").by_set_position == (-3,)
    assert Rule.parse("FREQ=YEARLY;BYWEEKNO=1;BYDAY=20MO").by_day == (ByDay(0, position=20),)


# The invariants belong to the value, not to the text: a Rule made in code, or
# changed with attrs.evolve, is checked the same way.
MADE_IN_CODE = [
    ({"freq": Frequency.DAILY, "count": 3, "until": D(2025, 1, 1)},
     "COUNT and UNTIL cannot both be given"),
    ({"freq": Frequency.WEEKLY, "interval": 0}, "INTERVAL=0 is not a whole number from 1 to 1000"),
    ({"freq": Frequency.WEEKLY, "by_month_day": (1,)}, "BYMONTHDAY does not go with FREQ=WEEKLY"),
    ({"freq": Frequency.WEEKLY, "by_day": (ByDay(Weekday.WE, position=2),)},
     "BYDAY=2WE: a position (like 2WE) needs FREQ=MONTHLY or YEARLY"),
    ({"freq": Frequency.MONTHLY, "by_day": (ByDay(Weekday.WE, position=0),)},
     "BYDAY=0WE: the position must be 1 to 5"),
    ({"freq": Frequency.DAILY, "by_month": (2,), "by_month_day": (30,)},
     "BYMONTHDAY=30 never occurs in BYMONTH=2"),
    ({"freq": Frequency.WEEKLY, "week_start": 7}, "7 is not a weekday (0 for Monday to 6"),
]


@pytest.mark.parametrize(("parts", "message"), MADE_IN_CODE,
                         ids=[row[1][:40] for row in MADE_IN_CODE])
def test_a_rule_made_in_code_is_checked_when_made(parts: dict[str, object], message: str) -> None:
    with pytest.raises(RuleError) as caught:
        Rule(**parts)  # type: ignore[arg-type]
    assert message in str(caught.value)


def test_a_changed_rule_is_checked_again() -> None:
    rule = Rule.parse("FREQ=MONTHLY;BYMONTHDAY=31")
    assert attrs.evolve(rule, by_month=(1,)).by_month == (1,)
    with pytest.raises(NeverOccurs, match="BYMONTHDAY=31 never occurs in BYMONTH=4,6"):
        attrs.evolve(rule, by_month=(4, 6))


# --- Any rule --------------------------------------------------------------

CODES = [day.name for day in Weekday]
_PART_VALUES = {
    "INTERVAL": st.integers(0, 5).map(str),
    "COUNT": st.integers(1, 30).map(str),
    "UNTIL": st.dates(D(2025, 1, 1), D(2027, 12, 31)).map(lambda day: f"{day:%Y%m%d}"),
    "WKST": st.sampled_from(CODES),
    "BYMONTH": st.lists(st.integers(1, 12), min_size=1, max_size=3),
    "BYWEEKNO": st.lists(st.integers(-53, 53).filter(bool), min_size=1, max_size=3),
    "BYYEARDAY": st.lists(st.integers(-366, 366).filter(bool), min_size=1, max_size=3),
    "BYMONTHDAY": st.lists(st.integers(-31, 31).filter(bool), min_size=1, max_size=3),
    "BYDAY": st.lists(st.tuples(st.sampled_from(["", "", "1", "+2", "-1", "5", "-5", "20"]),
                                st.sampled_from(CODES)).map("".join), min_size=1, max_size=3),
    "BYSETPOS": st.lists(st.integers(-5, 5).filter(bool), min_size=1, max_size=2),
}


@st.composite
def rule_texts(draw: st.DrawFn, *, parts: tuple[str, ...] = tuple(_PART_VALUES)) -> str:
    """RRULE text, parts in any order and case; often valid, sometimes not."""
    pieces = [f"FREQ={draw(st.sampled_from([f.value for f in Frequency]))}"]
    for name in draw(st.lists(st.sampled_from(parts), unique=True, max_size=4)):
        value = draw(_PART_VALUES[name])
        pieces.append(f"{name}={','.join(map(str, value)) if isinstance(value, list) else value}")
    order = draw(st.permutations(pieces))
    text = ";".join(order)
    return text.lower() if draw(st.booleans()) else text


@settings(database=None, max_examples=400)
@given(rule_texts())
def test_any_rule_reads_back_from_its_own_text(text: str) -> None:
    try:
        rule = Rule.parse(text)
    except RuleError:
        return
    canonical = str(rule)
    assert Rule.parse(canonical) == rule
    assert str(Rule.parse(canonical)) == canonical
    assert canonical.startswith(f"FREQ={rule.freq.value}")


def counting_start(rule: Rule, anchor: dt.date) -> dt.date:
    """What the series' rule counts from, worked out here on its own."""
    weekdays = {day.weekday for day in rule.by_day}
    if rule.freq is not Frequency.WEEKLY or not weekdays:
        return anchor
    return next(anchor + dt.timedelta(days=n) for n in range(7)
                if (anchor + dt.timedelta(days=n)).weekday() in weekdays)


def some(values: st.SearchStrategy[int], *, most: int = 3) -> st.SearchStrategy[tuple[int, ...]]:
    return st.lists(values, min_size=1, max_size=most).map(tuple)


@st.composite
def occurring_rules(draw: st.DrawFn) -> Rule:
    """Rules of every shape that give a date at least every few years.

    A rule that never gives one makes dateutil search to the year 9999, a
    second or more; those are for the tests above, not for this one.
    """
    freq = draw(st.sampled_from(Frequency))
    parts: dict[str, object] = {
        "interval": draw(st.integers(1, 3)),
        "week_start": draw(st.none() | st.sampled_from(Weekday)),
        "until": draw(st.none() | st.dates(D(2024, 6, 1), D(2028, 12, 31))),
    }
    weekdays = some(st.sampled_from(Weekday))
    shape = draw(st.sampled_from(["none", "months", "monthdays", "weekdays", "positions",
                                  "yeardays", "weeks"]))
    if shape == "months":
        parts["by_month"] = draw(some(st.integers(1, 12)))
    if shape == "monthdays" and freq is not Frequency.WEEKLY:
        parts["by_month_day"] = draw(some(st.integers(-28, 28).filter(bool)))
        parts["by_month"] = draw(st.just(()) | some(st.integers(1, 12)))
    if shape == "weekdays":
        parts["by_day"] = tuple(ByDay(day) for day in draw(weekdays))
        parts["by_set_position"] = draw(st.just(()) | some(st.sampled_from([1, -1]), most=2))
    if shape == "positions" and freq in (Frequency.MONTHLY, Frequency.YEARLY):
        months = draw(st.just(()) | some(st.integers(1, 12)))
        limit = 4 if months or freq is Frequency.MONTHLY else 52
        positions = st.integers(-limit, limit).filter(bool)
        parts["by_day"] = tuple(ByDay(day, position=draw(positions)) for day in draw(weekdays))
        parts["by_month"] = months
    if shape == "yeardays" and freq is Frequency.YEARLY:
        parts["by_year_day"] = draw(some(st.integers(-365, 365).filter(bool)))
    if shape == "weeks" and freq is Frequency.YEARLY:
        parts["by_week_number"] = draw(some(st.integers(-52, 52).filter(bool)))
    return Rule(freq=freq, **parts)  # type: ignore[arg-type]


@settings(database=None, max_examples=300, deadline=None)
@given(occurring_rules(), st.dates(D(2024, 1, 1), D(2026, 12, 31)))
def test_a_rule_expands_as_dateutil_reads_its_text(rule: Rule, anchor: dt.date) -> None:
    """The parts go to dateutil directly; they must mean what the text means."""
    first, last = anchor + dt.timedelta(days=30), anchor + dt.timedelta(days=400)
    start = dt.datetime.combine(counting_start(rule, anchor), dt.time())
    expected = rrulestr(str(rule), dtstart=start).between(
        dt.datetime.combine(first, dt.time()), dt.datetime.combine(last, dt.time()), inc=True)
    assert rule.expand(anchor=anchor, first=first, last=last) == [m.date() for m in expected]


# --- Expanding -------------------------------------------------------------


def test_counting_starts_at_the_first_matching_weekday() -> None:
    every_other_wednesday = Rule.parse("FREQ=WEEKLY;INTERVAL=2;BYDAY=WE")
    # 2025-01-16 is a Thursday: the next Wednesday, then every second one.
    assert every_other_wednesday.expand(anchor=D(2025, 1, 16), first=D(2025, 1, 1),
                                        last=D(2025, 2, 28)) == [
        D(2025, 1, 22), D(2025, 2, 5), D(2025, 2, 19)]
    # Counted from an anchor before the window, the rhythm is the anchor's.
    assert every_other_wednesday.expand(anchor=D(2025, 1, 8), first=D(2025, 1, 16),
                                        last=D(2025, 2, 28)) == [
        D(2025, 1, 22), D(2025, 2, 5), D(2025, 2, 19)]
    assert every_other_wednesday.expand(anchor=D(2025, 1, 15), first=D(2025, 1, 16),
                                        last=D(2025, 2, 28)) == [D(2025, 1, 29), D(2025, 2, 12),
                                                                 D(2025, 2, 26)]


def test_a_rule_without_a_weekday_keeps_the_anchors() -> None:
    rule = Rule.parse("FREQ=WEEKLY;INTERVAL=2")
    assert rule.expand(anchor=D(2025, 1, 6), first=D(2025, 1, 1), last=D(2025, 2, 10)) == [
        D(2025, 1, 6), D(2025, 1, 20), D(2025, 2, 3)]


def test_count_and_until_end_the_series() -> None:
    window = {"anchor": D(2025, 1, 1), "first": D(2025, 1, 1), "last": D(2025, 12, 31)}
    assert Rule.parse("FREQ=MONTHLY;COUNT=3;BYMONTHDAY=15").expand(**window) == [
        D(2025, 1, 15), D(2025, 2, 15), D(2025, 3, 15)]
    assert Rule.parse("FREQ=MONTHLY;UNTIL=20250315T235959Z;BYMONTHDAY=15").expand(**window) == [
        D(2025, 1, 15), D(2025, 2, 15), D(2025, 3, 15)]
    # COUNT counts from the anchor, not from the window.
    assert Rule.parse("FREQ=MONTHLY;COUNT=3;BYMONTHDAY=15").expand(
        anchor=D(2025, 1, 1), first=D(2025, 3, 1), last=D(2025, 12, 31)) == [D(2025, 3, 15)]


# --- Even and odd ISO weeks, checked against date.isocalendar() ---------------
#
# 2026 has 53 ISO weeks: week 53 runs 2026-12-28 to 2027-01-03, so the odd
# weeks 53 and 1 follow each other, and the even weeks 52 and 2 are three
# weeks apart. Parity is about week numbers, not a fixed interval.

BOUNDARY = (D(2026, 12, 1), D(2027, 1, 31))


def in_weeks(parity: int, code: str, first: dt.date, last: dt.date) -> list[dt.date]:
    """The dates of a weekday in even (0) or odd (1) ISO weeks, by Rule.expand."""
    rule = Rule.parse(f"FREQ=YEARLY;BYWEEKNO={ODD_WEEKS if parity else EVEN_WEEKS};BYDAY={code}")
    return rule.expand(anchor=first, first=first, last=last)


def every_day(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


def is_wednesday_in(day: dt.date, *, parity: int) -> bool:
    return day.weekday() == calendar.WEDNESDAY and day.isocalendar().week % 2 == parity


def test_even_weeks_across_the_53_week_year_2026() -> None:
    wednesdays = in_weeks(0, "WE", *BOUNDARY)
    assert wednesdays == [
        D(2026, 12, 9),  # week 50
        D(2026, 12, 23),  # week 52
        D(2027, 1, 13),  # week 2: weeks 53 and 1 are both odd
        D(2027, 1, 27),  # week 4
    ]
    assert wednesdays == [day for day in every_day(*BOUNDARY) if is_wednesday_in(day, parity=0)]


def test_odd_weeks_across_the_53_week_year_2026() -> None:
    assert in_weeks(1, "WE", *BOUNDARY) == [
        D(2026, 12, 2),  # week 49
        D(2026, 12, 16),  # week 51
        D(2026, 12, 30),  # week 53
        D(2027, 1, 6),  # week 1, the very next week
        D(2027, 1, 20),  # week 3
    ]
    assert in_weeks(1, "WE", *BOUNDARY) == [
        day for day in every_day(*BOUNDARY) if is_wednesday_in(day, parity=1)
    ]


SWEEP = (D(2015, 1, 1), D(2032, 12, 31))  # 2015, 2020 and 2026 have 53 weeks


@pytest.mark.parametrize("parity", [0, 1])
@pytest.mark.parametrize("weekday", [Weekday.MO, Weekday.TU, Weekday.WE, Weekday.TH, Weekday.FR])
def test_weekday_parity_matches_isocalendar_for_years(weekday: Weekday, parity: int) -> None:
    assert in_weeks(parity, weekday.name, *SWEEP) == [
        day
        for day in every_day(*SWEEP)
        if day.weekday() == weekday and day.isocalendar().week % 2 == parity
    ]


@pytest.mark.parametrize(("weekday", "parity"), [(Weekday.SA, 0), (Weekday.SU, 1)])
def test_weekend_parity_at_new_year_2022(weekday: Weekday, parity: int) -> None:
    # ISO: 2022-01-01 and -02 are in week 52 of 2021 (even). dateutil 2.9 alone
    # counts them as week 53; Rule.expand filters by ISO week.
    first, last = D(2021, 12, 20), D(2022, 1, 16)
    assert in_weeks(parity, weekday.name, first, last) == [
        day
        for day in every_day(first, last)
        if day.weekday() == weekday and day.isocalendar().week % 2 == parity
    ]


def test_iso_weeks_from_the_end_and_with_months_left_out() -> None:
    # The last ISO week: 53 in 2026, 52 in 2027.
    last_week = Rule.parse("FREQ=YEARLY;BYWEEKNO=-1;BYDAY=MO")
    assert last_week.expand(anchor=D(2026, 1, 1), first=D(2026, 1, 1), last=D(2027, 12, 31)) == [
        D(2026, 12, 28), D(2027, 12, 27)]
    not_july = Rule.parse(f"FREQ=YEARLY;BYMONTH=1,2,3,4,5,6,8,9,10,11,12;BYWEEKNO={EVEN_WEEKS};"
                          "BYDAY=WE")
    dates = not_july.expand(anchor=D(2025, 6, 1), first=D(2025, 6, 1), last=D(2025, 8, 31))
    assert dates == [day for day in every_day(D(2025, 6, 1), D(2025, 8, 31))
                     if is_wednesday_in(day, parity=0) and day.month != 7]


def test_a_bad_rule_is_one_of_aarshjuls_errors_and_a_value_error() -> None:
    """A script catches it with the rest (AarshjulError), or as the
    ValueError an attrs invariant raises; its message is the rule's alone."""
    with pytest.raises(AarshjulError) as caught:
        Rule(freq=Frequency.DAILY, by_month=(2,), by_month_day=(30,))
    assert isinstance(caught.value, NeverOccurs)
    assert isinstance(caught.value, ValueError)
    assert str(caught.value) == "BYMONTHDAY=30 never occurs in BYMONTH=2"
    (problem,) = caught.value.problems
    assert (problem.code, problem.message, problem.file) == ("bad-rule", str(caught.value),
                                                               None)
