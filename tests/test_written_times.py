"""Reading one time expression: an item's time, a heading's, the meeting's, its date."""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

import attrs
import pytest

from aarshjul.clock import ClockTime
from aarshjul.errors import Problem, Severity
from aarshjul.messages import verbatim
from aarshjul.written.times import (
    HeadingTime,
    Stated,
    clock,
    heading_time,
    is_start_line,
    is_time_line,
    item_time,
    meeting_date,
    meeting_time,
    only_minutes,
    states_minutes,
    until_the_next,
)


def at(text: str) -> ClockTime:
    return ClockTime.parse(text)


T = TypeVar("T")


def english(result: tuple[T, tuple[Problem, ...]]) -> tuple[T, tuple[Problem, ...]]:
    """A result with its problems said in English, to compare with the
    problems a test expects (whose messages are their English words)."""
    value, problems = result
    return value, tuple(attrs.evolve(p, said=verbatim(p.message)) for p in problems)


def bad_time(message: str, *, line: int = 9, item: int | None = 1) -> Problem:
    return Problem(Severity.ERROR, "bad-time", verbatim(message), None, line, None, item)


def no_time(text: str, *, item: int = 1) -> Problem:
    return bad_time(f'item {item}: "{text}" has a time that is no time (hours 00-23, '
                    "minutes 00-59)", item=item)


def read(text: str, before: Stated | None = None) -> tuple[Stated, tuple[Problem, ...]]:
    """``text`` as item 1's time, on line 9."""
    return english(item_time(text, line=9, item=1, before=before or Stated()))


@pytest.mark.parametrize(("hours", "minutes", "expected"), [
    ("18", "15", 18 * 60 + 15),
    ("0", "00", 0),
    ("8", "05", 8 * 60 + 5),
    ("23", "59", 23 * 60 + 59),
    ("18", "75", None),
    ("18", "60", None),
    ("24", "00", None),
    ("25", "00", None),
])
def test_a_clock_time_has_hours_0_to_23_and_minutes_0_to_59(
        hours: str, minutes: str, expected: int | None) -> None:
    time = clock(hours, minutes)
    assert (time.minutes if time else None) == expected


# ---- an item's time range -------------------------------------------------

@pytest.mark.parametrize(("text", "start", "end", "minutes"), [
    ("18.15 – 18.18 (3 min.)", "18:15", "18:18", 3),
    ("18:18 – 18.20 (2 min.)", "18:18", "18:20", 2),
    ("19.30–19.32", "19:30", "19:32", None),
    ("kl. 8.30-8.45", "08:30", "08:45", None),
    ("Kl. 8.30 - kl. 8.45", "08:30", "08:45", None),
    ("18.15-18.20", "18:15", "18:20", None),
    ("18.15 – 18.20", "18:15", "18:20", None),
    ("18.15—18.20", "18:15", "18:20", None),
    ("18.15 ‒ 18.20", "18:15", "18:20", None),
    ("18.15 til 18.20", "18:15", "18:20", None),
    ("9.00 to 9.10", "09:00", "09:10", None),
    ("18.15 – ca. 18.40", "18:15", "18:40", None),
    ("18 . 15 – 18 : 20", "18:15", "18:20", None),
    ("18.15 – 18.25 (10 minutter)", "18:15", "18:25", 10),
    ("18.15 – 18.25, 10 minutes", "18:15", "18:25", 10),
    ("(18.15 – 18.25) - 10 min", "18:15", "18:25", 10),
    # The minutes are read as written; whether they match is the check's.
    ("18.15 – 18.18 (5 min.)", "18:15", "18:18", 5),
    # Minutes are read after the range: "45 min." here is the end's, not a duration.
    ("18.15 – 18.45 min.", "18:15", "18:45", None),
])
def test_an_item_s_time_range(text: str, start: str, end: str, minutes: int | None) -> None:
    assert read(text) == (Stated(minutes, at(start), at(end), 9), ())


def test_minutes_in_the_heading_stand_where_the_time_line_has_none() -> None:
    assert read("18.15 – 18.45", Stated(minutes=30)) == (
        Stated(30, at("18:15"), at("18:45"), 9), ())
    assert read("18.15 – 18.45 (20 min)", Stated(minutes=30)) == (
        Stated(20, at("18:15"), at("18:45"), 9), ())


@pytest.mark.parametrize(("text", "wrong"), [
    ("18.75 – 19.00", "18.75 – 19.00"),
    ("25:00 – 26:00", "25:00 – 26:00"),
    ("18.15 – 18.60 (45 min.)", "18.15 – 18.60"),
    ("kl. 8.65-8.70", "kl. 8.65-8.70"),
])
def test_a_range_with_a_time_that_is_no_time(text: str, wrong: str) -> None:
    stated, problems = read(text)
    assert (stated.start, stated.end, stated.time_line) == (None, None, 9)
    assert problems == (no_time(wrong),)


def test_the_problem_names_the_item_and_its_line() -> None:
    _, (problem,) = item_time("25:00 – 26:00", line=40, item=7, before=Stated())
    assert (problem.line, problem.item, problem.file) == (40, 7, None)
    assert problem.message.startswith("item 7: ")


@pytest.mark.parametrize("text", ["18.20 – 18.15", "18.20-18.20"])
def test_a_reversed_range_without_minutes_is_a_bad_time(text: str) -> None:
    stated, problems = read(text)
    start, end = text.replace("-", " – ").split(" – ")
    assert stated == Stated(None, None, None, 9, reversed_span=(at(start), at(end.strip())))
    assert problems == (bad_time(f'item 1: "{text}" ends before it starts'),)


def test_a_reversed_range_with_minutes_is_left_to_the_check() -> None:
    """The check reports it as a duration that does not match."""
    reversed_span = (at("16:45"), at("16:15"))
    assert read("16.45 – 16.15 (30 min.)") == (
        Stated(30, None, None, 9, reversed_span=reversed_span), ())
    assert read("16.45 – 16.15", Stated(minutes=30)) == (
        Stated(30, None, None, 9, reversed_span=reversed_span), ())


def test_a_second_time_range_is_a_problem_and_the_first_stands() -> None:
    first = Stated(3, at("18:15"), at("18:18"), 9)
    stated, problems = english(item_time("18.18 – 18.20", line=12, item=1, before=first))
    assert stated is first
    assert problems == (bad_time("item 1 has a second time (the first on line 9)", line=12),)


@pytest.mark.parametrize("text", ["om lidt", "efter behov", "", "18", "kl. 18"])
def test_no_time_at_all(text: str) -> None:
    assert read(text) == (Stated(None, None, None, 9), (bad_time(
        f'item 1: cannot read a time in "{text}" (expected e.g. "18.15 – 18.18 (3 min.)")'),))


def test_what_cannot_be_read_keeps_the_heading_s_minutes() -> None:
    stated, problems = read("om lidt", Stated(minutes=10))
    assert stated == Stated(10, None, None, 9)
    assert len(problems) == 1


# ---- minutes alone and a start alone ---------------------------------------

@pytest.mark.parametrize(("text", "minutes"), [
    ("(5 min)", 5), ("(3 min.)", 3), ("(10 minutter)", 10), ("- 10 minutter", 10),
    ("20 minutes", 20), ("1 minute", 1),
])
def test_minutes_alone(text: str, minutes: int) -> None:
    assert read(text) == (Stated(minutes, None, None, None), ())


def test_minutes_alone_keep_the_line_of_an_earlier_time() -> None:
    assert read("(5 min)", Stated(time_line=4)) == (Stated(5, None, None, 4), ())


@pytest.mark.parametrize(("text", "before", "expected"), [
    ("kl. 16.00", Stated(), Stated(None, at("16:00"), None, 9)),
    ("16.00", Stated(), Stated(None, at("16:00"), None, 9)),
    ("16:00 (10 min)", Stated(), Stated(10, at("16:00"), at("16:10"), 9)),
    ("kl. 16.00", Stated(minutes=25), Stated(25, at("16:00"), at("16:25"), 9)),
    # No end past midnight: the item runs to the next one instead.
    ("23.55 (10 min)", Stated(), Stated(10, at("23:55"), None, 9)),
    ("23.50 (10 min)", Stated(), Stated(10, at("23:50"), None, 9)),
    ("23.49 (10 min)", Stated(), Stated(10, at("23:49"), at("23:59"), 9)),
])
def test_a_start_alone(text: str, before: Stated, expected: Stated) -> None:
    assert read(text, before) == (expected, ())


@pytest.mark.parametrize("text", ["kl. 18.75", "25:00", "Kl. 24.00 (10 min)"])
def test_a_start_that_is_no_time(text: str) -> None:
    stated, problems = read(text)
    assert (stated.start, stated.end, stated.time_line) == (None, None, 9)
    assert problems == (no_time(text.removesuffix(" (10 min)")),)


# ---- a time at the end of a heading ----------------------------------------

@pytest.mark.parametrize(("title", "expected"), [
    ("Sag (18.20-18.40)", HeadingTime("Sag", None, " (18.20-18.40)")),
    ("Sag, kl. 15.05 – 15.25", HeadingTime("Sag", None, ", kl. 15.05 – 15.25")),
    ("Sag - kl. 15.05 – 15.25", HeadingTime("Sag", None, " - kl. 15.05 – 15.25")),
    ("Sag 18.20-18.40", HeadingTime("Sag", None, " 18.20-18.40")),
    ("Sag – (18.20-18.40)", HeadingTime("Sag", None, " (18.20-18.40)")),
    ("Sag- 18.20-18.40", HeadingTime("Sag", None, " 18.20-18.40")),
    ("Mål i budgettet (10 min)", HeadingTime("Mål i budgettet", 10)),
    ("Referat - 10 minutter", HeadingTime("Referat", 10)),
    ("Strategi 18.20-18.50 (30 min.)", HeadingTime("Strategi", 30, " 18.20-18.50")),
    # Part of the title, not a time.
    ("Åbent: 8.00-22.00", HeadingTime("Åbent: 8.00-22.00")),
    ("Plan for socialområdet 2024 – 2035", HeadingTime("Plan for socialområdet 2024 – 2035")),
    ("Evt.", HeadingTime("Evt.")),
])
def test_a_time_at_the_end_of_a_heading(title: str, expected: HeadingTime) -> None:
    assert heading_time(title) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Kl. 15.00-16.00: Budget", HeadingTime("Budget", None, "Kl. 15.00-16.00", leading=True)),
    ("kl. 15:00–16:00 Budget", HeadingTime("Budget", None, "kl. 15:00–16:00", leading=True)),
    ("Kl. 15.00 - 16.00 – Budget (60 min)",
     HeadingTime("Budget", 60, "Kl. 15.00 - 16.00", leading=True)),
    ("Kl. 9.00: Velkomst", HeadingTime("Velkomst", None, "Kl. 9.00", leading=True)),
    ("Klima 2030", HeadingTime("Klima 2030")),
    ("Kl. 15.00-16.00", HeadingTime("", None, "Kl. 15.00-16.00")),  # no title after it
])
def test_a_time_before_a_headings_title(title: str, expected: HeadingTime) -> None:
    assert heading_time(title) == expected


# ---- what kind of time a line is -------------------------------------------

@pytest.mark.parametrize(("text", "time_line", "start_line"), [
    ("19.30–19.32", True, False),
    ("kl. 8.30-8.45", True, False),
    ("16.05 – 16.45 (40 min)", True, False),
    ("(16.05 – 16.45)", True, False),
    ("16.00", False, True),
    ("kl. 16.00", False, True),
    ("16.00 Velkomst", False, False),
    ("Tid: 16.00 – 16.45", False, False),
    ("(5 min)", False, False),
    ("Plan 2024 – 2035", False, False),
])
def test_lines_that_are_only_a_time(text: str, time_line: bool, start_line: bool) -> None:
    assert (is_time_line(text), is_start_line(text)) == (time_line, start_line)


@pytest.mark.parametrize(("text", "minutes"), [
    ("(5 min)", 5), ("10 minutter", 10), ("(3 min.)", 3),
    ("- 10 minutter", None), ("Referat (5 min)", None), ("18.15 – 18.20", None), ("min", None),
])
def test_only_minutes(text: str, minutes: int | None) -> None:
    assert only_minutes(text) == minutes


@pytest.mark.parametrize(("text", "expected"), [
    ("18.15 – 18.20 (5 min.)", True),
    ("(5 min)", True),
    ("Kl. 18.15 – 19.45", False),
    ("16.00 – 18.00", False),
])
def test_minutes_beside_a_range(text: str, expected: bool) -> None:
    assert states_minutes(text) is expected


# ---- the meeting's time and date -------------------------------------------

@pytest.mark.parametrize(("text", "start", "end"), [
    ("Kl. 18:15 – 19.45", "18:15", "19:45"),
    ("18.15-19.45", "18:15", "19:45"),
    ("onsdag kl. 8.30—10.00", "08:30", "10:00"),
    ("kl. 16-18", "16:00", "18:00"),
    ("Kl. 16 – ca. 18", "16:00", "18:00"),
])
def test_the_meeting_s_time(text: str, start: str, end: str) -> None:
    assert meeting_time(text, line=3) == ((at(start), at(end)), ())


def test_the_meeting_s_start_alone() -> None:
    assert meeting_time("Kl. 9.00", line=3) == ((at("09:00"), None), ())


@pytest.mark.parametrize(("text", "message"), [
    ("Kl. 18:15 – 25.00", '"Kl. 18:15 – 25.00" has a time that is no time (hours 00-23, '
                          "minutes 00-59)"),
    ("kl. 16-25", '"kl. 16-25" has a time that is no time (hours 00-23, minutes 00-59)'),
    ("Kl. 18.75", '"Kl. 18.75" has a time that is no time (hours 00-23, minutes 00-59)'),
    ("Kl. 19.45 – 18.15", 'the meeting ends before it starts ("Kl. 19.45 – 18.15")'),
    ("kl. 18-18", 'the meeting ends before it starts ("kl. 18-18")'),
    ("om eftermiddagen", 'cannot read the meeting\'s time in "om eftermiddagen" '
                         '(expected e.g. "Kl. 18.15 – 19.45")'),
])
def test_a_meeting_time_that_is_no_time(text: str, message: str) -> None:
    assert english(meeting_time(text, line=3)) == (
        None, (bad_time(message, line=3, item=None),))


@pytest.mark.parametrize(("text", "date"), [
    ("15. januar 2025", dt.date(2025, 1, 15)),
    ("Onsdag den 15. Januar 2025", dt.date(2025, 1, 15)),
    ("9 jan. 2025", dt.date(2025, 1, 9)),
    ("3. sept. 2025 kl. 16", dt.date(2025, 9, 3)),
    ("1 December 2026", dt.date(2026, 12, 1)),
])
def test_the_meeting_s_date(text: str, date: dt.date) -> None:
    assert meeting_date(text, line=2) == (date, ())


@pytest.mark.parametrize("text", ["15. januar", "snarest", "2025-01-15", ""])
def test_a_text_that_names_no_date(text: str) -> None:
    assert meeting_date(text, line=2) == (None, ())


def test_a_date_that_does_not_exist() -> None:
    assert english(meeting_date("30. februar 2025", line=2)) == (None, (Problem(
        Severity.ERROR, "bad-date", verbatim('"30. februar 2025" is not a date that exists'),
        None, 2),))


# ---- items that give only a start ------------------------------------------

def starts(*times: str | None) -> list[Stated]:
    return [Stated(start=at(t)) if t else Stated() for t in times]


def ends(stated: tuple[Stated, ...]) -> list[str | None]:
    return [str(s.end) if s.end else None for s in stated]


def test_a_start_alone_runs_until_the_next_start_the_last_until_the_meeting_ends() -> None:
    assert ends(until_the_next(starts("16:00", "16:20", "16:45"), at("17:00"))) == [
        "16:20", "16:45", "17:00"]


def test_an_item_with_no_start_is_passed_over() -> None:
    assert ends(until_the_next(starts("16:00", None, "16:30"), None)) == ["16:30", None, None]


def test_an_end_or_minutes_of_its_own_stand() -> None:
    stated = [Stated(10, at("16:00")), Stated(None, at("16:05"), at("16:15")),
              Stated(start=at("16:30"))]
    assert until_the_next(stated, at("17:00")) == (stated[0], stated[1],
                                                   Stated(start=at("16:30"), end=at("17:00")))


def test_no_end_where_the_next_does_not_come_later() -> None:
    assert ends(until_the_next(starts("16:30", "16:00"), at("17:00"))) == [None, "17:00"]
    assert ends(until_the_next(starts("16:00"), at("16:00"))) == [None]
    assert ends(until_the_next(starts("16:00"), None)) == [None]
