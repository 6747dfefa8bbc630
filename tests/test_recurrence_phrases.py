"""Recurrence phrases: the words a planner writes, and the rule they mean.

The tables read as the rule: phrase on the left, RRULE on the right. The
later tests expand some of the rules (as the planner's calendar will) and
check the dates against the calendar itself.

Each step of reading has its own tests (test_recurrence_phrase_words,
test_recurrence_phrase_grammar, test_recurrence_phrase_rule); these go from a
phrase to a Rule, or to a PhraseError.
"""

from __future__ import annotations

import calendar
import datetime as dt
import itertools

import pytest
from dateutil.rrule import rrulestr
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul.recurrence.phrases import KNOWN_FORMS, PhraseError, phrase_to_rule
from aarshjul.recurrence.rule import Rule

from .test_recurrence_phrase_grammar import UNREADABLE_WORDS
from .test_recurrence_phrase_rule import UNREADABLE_MEANING

EVEN_WEEKS = ",".join(str(week) for week in range(2, 53, 2))
ODD_WEEKS = ",".join(str(week) for week in range(1, 54, 2))
WORKDAYS = "MO,TU,WE,TH,FR"
NOT_JULY = "1,2,3,4,5,6,8,9,10,11,12"
NOT_JULY_AUGUST = "1,2,3,4,5,6,9,10,11,12"


def check(table: list[tuple[str, str]]) -> pytest.MarkDecorator:
    return pytest.mark.parametrize(("phrase", "rule"), table, ids=[row[0] for row in table])


WEEKLY = [
    ("hver tirsdag", "FREQ=WEEKLY;BYDAY=TU"),
    ("hver onsdag", "FREQ=WEEKLY;BYDAY=WE"),
    ("tirsdage", "FREQ=WEEKLY;BYDAY=TU"),
    ("alle tirsdage", "FREQ=WEEKLY;BYDAY=TU"),
    ("hver tirsdag og torsdag", "FREQ=WEEKLY;BYDAY=TU,TH"),
    ("hver torsdag og tirsdag", "FREQ=WEEKLY;BYDAY=TU,TH"),
    ("hver mandag, onsdag og fredag", "FREQ=WEEKLY;BYDAY=MO,WE,FR"),
    ("hver søndag og lørdag", "FREQ=WEEKLY;BYDAY=SA,SU"),
    ("every tuesday", "FREQ=WEEKLY;BYDAY=TU"),
    ("tuesdays", "FREQ=WEEKLY;BYDAY=TU"),
    ("every monday and thursday", "FREQ=WEEKLY;BYDAY=MO,TH"),
    ("weekly on wednesday", "FREQ=WEEKLY;BYDAY=WE"),
    ("hver uge", "FREQ=WEEKLY"),
    ("every week", "FREQ=WEEKLY"),
    ("ugentligt om onsdagen", "FREQ=WEEKLY;BYDAY=WE"),
]

EVERY_NTH_WEEK = [
    ("hver anden onsdag", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("hver 2. onsdag", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("hver tredje onsdag", "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE"),
    ("hver 3. onsdag", "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE"),
    ("hver anden tirsdag og torsdag", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU,TH"),
    ("hver anden uge", "FREQ=WEEKLY;INTERVAL=2"),
    ("hver 3. uge", "FREQ=WEEKLY;INTERVAL=3"),
    ("hver fjerde mandag", "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO"),
    ("hver 4. mandag", "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO"),
    # "uge om mandagen" with a number that no month has Mondays enough for,
    # with none, or with one that only counts, is only an interval
    # (test_recurrence_phrase_weeks has "hver 4. uge om mandagen": two ways).
    ("hver 6. uge om mandagen", "FREQ=WEEKLY;INTERVAL=6;BYDAY=MO"),
    ("hver uge om onsdagen", "FREQ=WEEKLY;BYDAY=WE"),
    ("hver 4 uger om mandagen", "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO"),
    ("hver 52. uge", "FREQ=WEEKLY;INTERVAL=52"),
    ("hver 14. dag", "FREQ=WEEKLY;INTERVAL=2"),
    ("hver fjortende dag", "FREQ=WEEKLY;INTERVAL=2"),
    ("hver 14. dag om torsdagen", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TH"),
    ("every other wednesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("every second wednesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("every 2nd wednesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("every third wednesday", "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE"),
    ("every 3 weeks on wednesday", "FREQ=WEEKLY;INTERVAL=3;BYDAY=WE"),
    # English has no "fourth week on monday" for a Monday of the month.
    ("every fourth week on monday", "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO"),
    ("every 4th week on monday", "FREQ=WEEKLY;INTERVAL=4;BYDAY=MO"),
    ("every 2 weeks", "FREQ=WEEKLY;INTERVAL=2"),
    ("every other week on wednesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("biweekly on wednesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("fortnightly on wednesday", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("every 14 days", "FREQ=WEEKLY;INTERVAL=2"),
    ("every 1 week", "FREQ=WEEKLY"),
]

WEEKDAY_OF_THE_MONTH = [
    ("2. onsdag i måneden", "FREQ=MONTHLY;BYDAY=2WE"),
    ("anden onsdag i måneden", "FREQ=MONTHLY;BYDAY=2WE"),
    ("første mandag i måneden", "FREQ=MONTHLY;BYDAY=1MO"),
    ("den første mandag i hver måned", "FREQ=MONTHLY;BYDAY=1MO"),
    ("hver første mandag i måneden", "FREQ=MONTHLY;BYDAY=1MO"),
    ("femte torsdag i måneden", "FREQ=MONTHLY;BYDAY=5TH"),
    ("sidste fredag i måneden", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("sidste torsdag i måneden", "FREQ=MONTHLY;BYDAY=-1TH"),
    ("næstsidste fredag i måneden", "FREQ=MONTHLY;BYDAY=-2FR"),
    ("2. og 4. onsdag i måneden", "FREQ=MONTHLY;BYDAY=2WE,4WE"),
    ("første og tredje mandag i måneden", "FREQ=MONTHLY;BYDAY=1MO,3MO"),
    ("første og sidste fredag i måneden", "FREQ=MONTHLY;BYDAY=1FR,-1FR"),
    ("sidste og næstsidste fredag i måneden", "FREQ=MONTHLY;BYDAY=-2FR,-1FR"),
    ("første mandag og tredje onsdag i måneden", "FREQ=MONTHLY;BYDAY=1MO,3WE"),
    ("første tirsdag og torsdag i måneden", "FREQ=MONTHLY;BYDAY=1TU,1TH"),
    ("second wednesday of the month", "FREQ=MONTHLY;BYDAY=2WE"),
    ("2nd wednesday of each month", "FREQ=MONTHLY;BYDAY=2WE"),
    ("first monday of every month", "FREQ=MONTHLY;BYDAY=1MO"),
    ("the 1st monday of the month", "FREQ=MONTHLY;BYDAY=1MO"),
    ("last friday of the month", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("second to last friday of the month", "FREQ=MONTHLY;BYDAY=-2FR"),
    ("second-last friday of the month", "FREQ=MONTHLY;BYDAY=-2FR"),
    ("third to last friday of the month", "FREQ=MONTHLY;BYDAY=-3FR"),
    ("first and third monday of the month", "FREQ=MONTHLY;BYDAY=1MO,3MO"),
]

WORKDAY_OF_THE_MONTH = [
    ("sidste hverdag i måneden", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=-1"),
    ("første hverdag i måneden", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=1"),
    ("næstsidste hverdag i måneden", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=-2"),
    ("den sidste hverdag i hver måned", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=-1"),
    ("hver sidste hverdag i måneden", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=-1"),
    ("3. hverdag i måneden", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=3"),
    ("femte hverdag i måneden", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=5"),
    ("første og sidste hverdag i måneden", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=1,-1"),
    ("sidste og første hverdag i måneden", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=1,-1"),
    ("sidste og næstsidste hverdag i måneden", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=-2,-1"),
    ("last weekday of the month", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=-1"),
    ("first weekday of each month", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=1"),
    ("the second to last weekday of the month", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=-2"),
    ("first and last weekday of every month", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=1,-1"),
]

DAY_OF_THE_MONTH = [
    ("den 15. i måneden", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("den 15. i hver måned", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("15. i måneden", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("hver 1. i måneden", "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("den første i måneden", "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("den 15. dag i måneden", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("den 1. og 15. i måneden", "FREQ=MONTHLY;BYMONTHDAY=1,15"),
    ("den 15. og 1. i måneden", "FREQ=MONTHLY;BYMONTHDAY=1,15"),
    ("den 1. og den 15. i måneden", "FREQ=MONTHLY;BYMONTHDAY=1,15"),
    ("den 31. i måneden", "FREQ=MONTHLY;BYMONTHDAY=31"),
    ("den sidste dag i måneden", "FREQ=MONTHLY;BYMONTHDAY=-1"),
    ("den næstsidste dag i måneden", "FREQ=MONTHLY;BYMONTHDAY=-2"),
    ("den 15. og sidste dag i måneden", "FREQ=MONTHLY;BYMONTHDAY=15,-1"),
    ("the 15th of the month", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("the 1st of every month", "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("the 1st and 15th of each month", "FREQ=MONTHLY;BYMONTHDAY=1,15"),
    ("the 22nd day of the month", "FREQ=MONTHLY;BYMONTHDAY=22"),
    ("the last day of the month", "FREQ=MONTHLY;BYMONTHDAY=-1"),
]

EVEN_AND_ODD_WEEKS = [
    ("onsdag i lige uger", f"FREQ=YEARLY;BYWEEKNO={EVEN_WEEKS};BYDAY=WE"),
    ("hver onsdag i lige uger", f"FREQ=YEARLY;BYWEEKNO={EVEN_WEEKS};BYDAY=WE"),
    ("onsdage i ulige uger", f"FREQ=YEARLY;BYWEEKNO={ODD_WEEKS};BYDAY=WE"),
    ("tirsdag i ulige uger", f"FREQ=YEARLY;BYWEEKNO={ODD_WEEKS};BYDAY=TU"),
    ("mandag og torsdag i lige uger", f"FREQ=YEARLY;BYWEEKNO={EVEN_WEEKS};BYDAY=MO,TH"),
    ("hverdage i lige uger", f"FREQ=YEARLY;BYWEEKNO={EVEN_WEEKS};BYDAY={WORKDAYS}"),
    ("wednesday in even weeks", f"FREQ=YEARLY;BYWEEKNO={EVEN_WEEKS};BYDAY=WE"),
    ("every wednesday in odd weeks", f"FREQ=YEARLY;BYWEEKNO={ODD_WEEKS};BYDAY=WE"),
    ("wednesdays in even-numbered weeks", f"FREQ=YEARLY;BYWEEKNO={EVEN_WEEKS};BYDAY=WE"),
]

DAYS_AND_MONTHS = [
    ("hverdage", f"FREQ=DAILY;BYDAY={WORKDAYS}"),
    ("alle hverdage", f"FREQ=DAILY;BYDAY={WORKDAYS}"),
    ("hver hverdag", f"FREQ=DAILY;BYDAY={WORKDAYS}"),
    ("weekdays", f"FREQ=DAILY;BYDAY={WORKDAYS}"),
    ("every weekday", f"FREQ=DAILY;BYDAY={WORKDAYS}"),
    ("hver dag", "FREQ=DAILY"),
    ("every day", "FREQ=DAILY"),
    ("dagligt", "FREQ=DAILY"),
    ("every 3 days", "FREQ=DAILY;INTERVAL=3"),
    ("hver måned", "FREQ=MONTHLY"),
    ("every month", "FREQ=MONTHLY"),
    ("monthly", "FREQ=MONTHLY"),
    ("hver anden måned", "FREQ=MONTHLY;INTERVAL=2"),
    ("every 3 months", "FREQ=MONTHLY;INTERVAL=3"),
]

EXCEPT_MONTHS = [
    ("sidste onsdag i måneden undtagen juli", f"FREQ=MONTHLY;BYMONTH={NOT_JULY};BYDAY=-1WE"),
    (
        "første onsdag i måneden, undtagen i juli og december",
        "FREQ=MONTHLY;BYMONTH=1,2,3,4,5,6,8,9,10,11;BYDAY=1WE",
    ),
    ("hver onsdag undtagen i juli", f"FREQ=WEEKLY;BYMONTH={NOT_JULY};BYDAY=WE"),
    ("hver onsdag undtagen jul", f"FREQ=WEEKLY;BYMONTH={NOT_JULY};BYDAY=WE"),
    (
        "hver anden uge undtagen juni, juli og august",
        "FREQ=WEEKLY;INTERVAL=2;BYMONTH=1,2,3,4,5,9,10,11,12",
    ),
    ("hverdage undtagen juli", f"FREQ=DAILY;BYMONTH={NOT_JULY};BYDAY={WORKDAYS}"),
    (
        "onsdag i lige uger undtagen juli",
        f"FREQ=YEARLY;BYMONTH={NOT_JULY};BYWEEKNO={EVEN_WEEKS};BYDAY=WE",
    ),
    ("last friday of the month except july", f"FREQ=MONTHLY;BYMONTH={NOT_JULY};BYDAY=-1FR"),
    (
        "every wednesday except in july and august",
        "FREQ=WEEKLY;BYMONTH=1,2,3,4,5,6,9,10,11,12;BYDAY=WE",
    ),
    ("monthly except dec and jan", "FREQ=MONTHLY;BYMONTH=2,3,4,5,6,7,8,9,10,11"),
    # The same, in the other ways plans say it.
    ("hver onsdag, dog ikke i juli", f"FREQ=WEEKLY;BYMONTH={NOT_JULY};BYDAY=WE"),
    ("hver onsdag men ikke i juli", f"FREQ=WEEKLY;BYMONTH={NOT_JULY};BYDAY=WE"),
    ("hver onsdag ikke i juli og august", f"FREQ=WEEKLY;BYMONTH={NOT_JULY_AUGUST};BYDAY=WE"),
    ("hver onsdag bortset fra juli", f"FREQ=WEEKLY;BYMONTH={NOT_JULY};BYDAY=WE"),
    ("every wednesday but not in july", f"FREQ=WEEKLY;BYMONTH={NOT_JULY};BYDAY=WE"),
    ("every wednesday, not in july", f"FREQ=WEEKLY;BYMONTH={NOT_JULY};BYDAY=WE"),
    ("every wednesday excluding july", f"FREQ=WEEKLY;BYMONTH={NOT_JULY};BYDAY=WE"),
    (
        "onsdage i lige uger, dog ikke i juli",
        f"FREQ=YEARLY;BYMONTH={NOT_JULY};BYWEEKNO={EVEN_WEEKS};BYDAY=WE",
    ),
    (
        "sidste hverdag i måneden, men ikke i juli",
        f"FREQ=MONTHLY;BYMONTH={NOT_JULY};BYDAY={WORKDAYS};BYSETPOS=-1",
    ),
    ("den 15. i måneden undtagen juli", f"FREQ=MONTHLY;BYMONTH={NOT_JULY};BYMONTHDAY=15"),
    (
        "den 1. og 15. i måneden bortset fra juli og august",
        f"FREQ=MONTHLY;BYMONTH={NOT_JULY_AUGUST};BYMONTHDAY=1,15",
    ),
    ("the last day of the month but not in july", f"FREQ=MONTHLY;BYMONTH={NOT_JULY};BYMONTHDAY=-1"),
    (
        "den 31. i måneden undtagen februar",
        "FREQ=MONTHLY;BYMONTH=1,3,4,5,6,7,8,9,10,11,12;BYMONTHDAY=31",
    ),
    (  # only the 1st comes in the months left, and that is enough
        "den 1. og 31. i måneden undtagen januar, marts, maj, juli, august, oktober og december",
        "FREQ=MONTHLY;BYMONTH=2,4,6,9,11;BYMONTHDAY=1,31",
    ),
]

# The same rule however it is typed.
TOLERATED = [
    ("Hver Onsdag", "FREQ=WEEKLY;BYDAY=WE"),
    ("  hver   onsdag  ", "FREQ=WEEKLY;BYDAY=WE"),
    ("hver onsdag.", "FREQ=WEEKLY;BYDAY=WE"),
    ("hver onsdag,", "FREQ=WEEKLY;BYDAY=WE"),
    ("Den sidste fredag i måneden.", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("The last Friday of the month.", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("HVER 2.ONSDAG", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("hver\tanden\nonsdag", "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"),
    ("hver lordag", "FREQ=WEEKLY;BYDAY=SA"),
    ("hver sondag", "FREQ=WEEKLY;BYDAY=SU"),
    ("naestsidste fredag i maaneden", "FREQ=MONTHLY;BYDAY=-2FR"),
    ("forste mandag i maneden", "FREQ=MONTHLY;BYDAY=1MO"),
    ("2. & 4. onsdag i måneden", "FREQ=MONTHLY;BYDAY=2WE,4WE"),
    ("hver onsdag og onsdag", "FREQ=WEEKLY;BYDAY=WE"),  # said twice, meant once
    ("Sidste Hverdag i Måneden.", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=-1"),
    ("forste hverdag i maaneden", f"FREQ=MONTHLY;BYDAY={WORKDAYS};BYSETPOS=1"),
    ("den 15.i måneden", "FREQ=MONTHLY;BYMONTHDAY=15"),
    ("den 1. og 1. i måneden", "FREQ=MONTHLY;BYMONTHDAY=1"),
    ("hver onsdag, dog ikke i juli.", f"FREQ=WEEKLY;BYMONTH={NOT_JULY};BYDAY=WE"),
]

TABLES = (
    WEEKLY + EVERY_NTH_WEEK + WEEKDAY_OF_THE_MONTH + WORKDAY_OF_THE_MONTH + DAY_OF_THE_MONTH
    + EVEN_AND_ODD_WEEKS + DAYS_AND_MONTHS + EXCEPT_MONTHS + TOLERATED
)


@check(WEEKLY)
def test_weekly(phrase: str, rule: str) -> None:
    assert str(phrase_to_rule(phrase)) == rule


@check(EVERY_NTH_WEEK)
def test_every_nth_week(phrase: str, rule: str) -> None:
    assert str(phrase_to_rule(phrase)) == rule


@check(WEEKDAY_OF_THE_MONTH)
def test_weekday_of_the_month(phrase: str, rule: str) -> None:
    assert str(phrase_to_rule(phrase)) == rule


@check(WORKDAY_OF_THE_MONTH)
def test_workday_of_the_month(phrase: str, rule: str) -> None:
    assert str(phrase_to_rule(phrase)) == rule


@check(DAY_OF_THE_MONTH)
def test_day_of_the_month(phrase: str, rule: str) -> None:
    assert str(phrase_to_rule(phrase)) == rule


@check(EVEN_AND_ODD_WEEKS)
def test_even_and_odd_iso_weeks(phrase: str, rule: str) -> None:
    assert str(phrase_to_rule(phrase)) == rule


@check(DAYS_AND_MONTHS)
def test_days_and_months(phrase: str, rule: str) -> None:
    assert str(phrase_to_rule(phrase)) == rule


@check(EXCEPT_MONTHS)
def test_except_months(phrase: str, rule: str) -> None:
    assert str(phrase_to_rule(phrase)) == rule


@check(TOLERATED)
def test_case_spaces_punctuation_and_spelling_are_tolerated(phrase: str, rule: str) -> None:
    assert str(phrase_to_rule(phrase)) == rule


def test_a_phrase_gives_the_rule_its_rrule_text_gives() -> None:
    # `every` and `rule` in a plan must make the same value, not only the same text.
    for phrase, rule in TABLES:
        assert phrase_to_rule(phrase) == Rule.parse(rule)
        assert str(Rule.parse(rule)) == rule


@pytest.mark.parametrize("line", KNOWN_FORMS)
def test_every_known_form_reads(line: str) -> None:
    danish, english = line.split(" / ")
    assert phrase_to_rule(danish.strip()) == phrase_to_rule(english.strip())


# What a planner reads when a phrase is not understood: by the grammar (a word
# it does not know, or cannot place), or by what the words mean together.
UNREADABLE = UNREADABLE_WORDS + UNREADABLE_MEANING


@pytest.mark.parametrize(("phrase", "reason"), UNREADABLE, ids=[row[0] for row in UNREADABLE])
def test_unreadable_phrases_say_what_was_not_understood(phrase: str, reason: str) -> None:
    with pytest.raises(PhraseError) as caught:
        phrase_to_rule(phrase)
    assert reason in caught.value.reason
    assert caught.value.phrase == phrase


def test_the_message_quotes_the_phrase_and_lists_the_known_forms() -> None:
    with pytest.raises(PhraseError) as caught:
        phrase_to_rule("hver blå onsdag")
    message = str(caught.value)
    assert message.startswith('cannot read "hver blå onsdag" as a recurrence: unknown word "blå".')
    assert "\n" not in message  # one finding, one line
    for form in KNOWN_FORMS:
        assert form.replace("  /  ", " / ") in message


def test_a_phrase_error_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="hver blå onsdag"):
        phrase_to_rule("hver blå onsdag")


# --- The dates the rules give --------------------------------------------


def expand(phrase: str, first: dt.date, last: dt.date) -> list[dt.date]:
    """The dates a phrase gives in [first, last], counted from ``first``."""
    return phrase_to_rule(phrase).expand(anchor=first, first=first, last=last)


def every_day(first: dt.date, last: dt.date) -> list[dt.date]:
    return [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]


YEAR_2025 = (dt.date(2025, 1, 1), dt.date(2025, 12, 31))


def last_weekday_of_each_month(year: int, weekday: int) -> list[dt.date]:
    return [
        dt.date(year, month, max(week[weekday] for week in calendar.monthcalendar(year, month)))
        for month in range(1, 13)
    ]


def test_last_friday_of_each_month_in_2025() -> None:
    fridays = expand("sidste fredag i måneden", *YEAR_2025)
    assert fridays == last_weekday_of_each_month(2025, calendar.FRIDAY)
    assert fridays[:2] == [dt.date(2025, 1, 31), dt.date(2025, 2, 28)]


def test_second_to_last_friday_except_july_in_2025() -> None:
    fridays = expand("næstsidste fredag i måneden undtagen juli", *YEAR_2025)
    expected = [
        last - dt.timedelta(weeks=1)
        for last in last_weekday_of_each_month(2025, calendar.FRIDAY)
        if last.month != 7
    ]
    assert fridays == expected
    assert fridays[0] == dt.date(2025, 1, 24)


def test_second_and_fourth_wednesday_in_2025() -> None:
    wednesdays = expand("2. og 4. onsdag i måneden", *YEAR_2025)
    assert len(wednesdays) == 24
    assert wednesdays[:4] == [
        dt.date(2025, 1, 8),
        dt.date(2025, 1, 22),
        dt.date(2025, 2, 12),
        dt.date(2025, 2, 26),
    ]
    assert all(day.weekday() == calendar.WEDNESDAY for day in wednesdays)
    assert all((day.day - 1) // 7 in (1, 3) for day in wednesdays)


def test_every_other_wednesday_from_new_year_2025() -> None:
    wednesdays = expand("hver anden onsdag", *YEAR_2025)
    assert wednesdays[:3] == [dt.date(2025, 1, 1), dt.date(2025, 1, 15), dt.date(2025, 1, 29)]
    assert all(
        later - earlier == dt.timedelta(weeks=2)
        for earlier, later in itertools.pairwise(wednesdays)
    )
    assert len(wednesdays) == 27


def test_fortnightly_keeps_the_start_dates_weekday() -> None:
    # 2025-01-06 is a Monday; "hver 14. dag" has no weekday of its own.
    mondays = expand("hver 14. dag", dt.date(2025, 1, 6), dt.date(2025, 2, 28))
    assert mondays == [dt.date(2025, 1, 6) + dt.timedelta(weeks=2 * n) for n in range(4)]


def test_weekdays_except_july_in_2025() -> None:
    days = expand("hverdage undtagen juli", *YEAR_2025)
    assert days == [day for day in every_day(*YEAR_2025) if day.weekday() < 5 and day.month != 7]


def workdays_by_month(first: dt.date, last: dt.date) -> list[list[dt.date]]:
    """Monday to Friday in [first, last], a list for each month (holidays count too)."""
    workdays = (day for day in every_day(first, last) if day.weekday() < 5)
    return [list(days) for _, days in itertools.groupby(workdays, key=lambda day: day.month)]


def test_last_workday_of_each_month_in_2025() -> None:
    days = expand("sidste hverdag i måneden", *YEAR_2025)
    assert days == [month[-1] for month in workdays_by_month(*YEAR_2025)]
    assert days[:5] == [
        dt.date(2025, 1, 31),
        dt.date(2025, 2, 28),
        dt.date(2025, 3, 31),
        dt.date(2025, 4, 30),
        dt.date(2025, 5, 30),  # the 31st is a Saturday
    ]
    assert days[-1] == dt.date(2025, 12, 31)


def test_first_and_second_to_last_workday_in_2025() -> None:
    days = expand("første og næstsidste hverdag i måneden", *YEAR_2025)
    assert days == sorted(
        day for month in workdays_by_month(*YEAR_2025) for day in (month[0], month[-2])
    )
    assert days[:4] == [
        dt.date(2025, 1, 1),  # a holiday; moving it is for the holiday rules, not the phrase
        dt.date(2025, 1, 30),
        dt.date(2025, 2, 3),  # the 1st is a Saturday
        dt.date(2025, 2, 27),
    ]


def test_last_workday_except_july_in_english_in_2025() -> None:
    days = expand("last weekday of the month, but not in july", *YEAR_2025)
    assert days == [month[-1] for month in workdays_by_month(*YEAR_2025) if month[0].month != 7]


def test_the_31st_comes_only_in_months_with_31_days() -> None:
    days = expand("den 31. i måneden", *YEAR_2025)
    assert days == [dt.date(2025, month, 31) for month in (1, 3, 5, 7, 8, 10, 12)]


def test_the_30th_skips_february() -> None:
    days = expand("the 30th of every month", *YEAR_2025)
    assert [day.month for day in days] == [1, *range(3, 13)]
    assert all(day.day == 30 for day in days)


def test_the_1st_and_15th_except_july_in_2025() -> None:
    days = expand("den 1. og 15. i måneden, dog ikke i juli", *YEAR_2025)
    assert days == [
        dt.date(2025, month, day) for month in range(1, 13) if month != 7 for day in (1, 15)
    ]


def test_the_last_day_of_the_month_in_a_leap_year() -> None:
    days = expand("den sidste dag i måneden", dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert days == [
        dt.date(2024, month, calendar.monthrange(2024, month)[1]) for month in range(1, 13)
    ]
    assert days[1] == dt.date(2024, 2, 29)


def test_even_weeks_in_words_across_the_53_week_year_2026() -> None:
    # Weeks 53 and 1 are both odd (test_recurrence_rule has the whole story).
    first, last = dt.date(2026, 12, 1), dt.date(2027, 1, 31)
    assert expand("onsdag i lige uger", first, last) == [
        day for day in every_day(first, last)
        if day.weekday() == calendar.WEDNESDAY and day.isocalendar().week % 2 == 0
    ]
    assert expand("lørdag i lige uger", dt.date(2021, 12, 20), dt.date(2022, 1, 16)) == [
        dt.date(2022, 1, 1), dt.date(2022, 1, 15)]  # 1 January 2022 is in week 52 of 2021


# --- Anything at all -------------------------------------------------------------

VOCABULARY = (
    "hver", "alle", "every", "each", "den", "the", "og", "and", "&", "i", "in", "of",
    "om", "on", "på", "undtagen", "except", "anden", "andet", "første", "tredje",
    "sidste", "næstsidste", "fjortende", "other", "second", "first", "last", "to",
    "mandag", "onsdag", "onsdagen", "fredage", "monday", "wednesdays", "uge", "uger",
    "dag", "måned", "måneden", "hverdage", "weekday", "week", "weeks", "days", "month",
    "lige", "ulige", "even", "odd", "numbered", "juli", "december", "jan", "weekly",
    "biweekly", "monthly", "dagligt", "0", "1", "2", "2.", "3", "5.", "6.", "14", "14.",
    "53", "2nd", "3rd", ",", ".",
    # days and workdays of the month, and the other ways to leave months out
    "hverdag", "day", "1.", "15.", "30.", "31.", "32.", "1st", "31st", "februar",
    "dog", "men", "ikke", "bortset", "fra", "but", "not", "excluding",
)  # fmt: skip


@settings(database=None, max_examples=300)
@given(st.text())
def test_any_text_either_reads_or_raises_a_phrase_error(text: str) -> None:
    try:
        rule = phrase_to_rule(text)
    except PhraseError:
        return  # the one exception allowed: any other fails the test
    assert isinstance(rule, Rule)


@settings(database=None, max_examples=500)
@given(st.lists(st.sampled_from(VOCABULARY), max_size=9).map(" ".join))
def test_any_word_salad_gives_a_phrase_error_or_a_rule_dateutil_expands(text: str) -> None:
    try:
        rule = phrase_to_rule(text)
    except PhraseError:
        return
    assert Rule.parse(str(rule)) == rule
    start = dt.datetime(2025, 1, 1)
    first = rrulestr(str(rule), dtstart=start).after(start, inc=True)
    assert first is not None
    assert first < dt.datetime(2026, 1, 1)


# Random words seldom make a phrase about the month; these pieces often do.
POSITIONS = ("første", "anden", "sidste", "næstsidste", "5.", "6.", "15.", "31.", "32.", "1st",
             "15th", "second to last", "2", "other")  # fmt: skip
MONTH_THINGS = ("", "dag", "hverdag", "weekday", "onsdag", "friday", "uge om mandagen",
                "uge på onsdage", "week on friday")
OF_THE_MONTH = ("i måneden", "i hver måned", "of the month", "of each month", "i lige uger", "",
                "i 3. uge", "i sidste uge i måneden", "in the second week")
LEFT_OUT = ("", "undtagen juli", ", dog ikke i juli og august", "bortset fra februar",
            "but not in july", "not in jan, mar, may, jul, aug, oct and dec", "men")  # fmt: skip


@settings(database=None, max_examples=200)
@given(
    st.tuples(
        st.sampled_from(("", "den", "the", "hver", "every")),
        st.lists(st.sampled_from(POSITIONS), max_size=3).map(" og ".join),
        st.sampled_from(MONTH_THINGS),
        st.sampled_from(OF_THE_MONTH),
        st.sampled_from(LEFT_OUT),
    ).map(" ".join)
)
def test_any_day_of_the_month_gives_a_phrase_error_or_a_rule_that_comes(text: str) -> None:
    try:
        rule = phrase_to_rule(text)
    except PhraseError:
        return
    assert Rule.parse(str(rule)) == rule
    start = dt.datetime(2025, 1, 1)
    first = rrulestr(str(rule), dtstart=start).after(start, inc=True)
    # A fifth Friday only in the short months waits until 2027; nothing waits longer.
    assert first is not None
    assert first < dt.datetime(2028, 1, 1)
