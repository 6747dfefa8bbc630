"""Dates in words, in the plan's language."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul.dates import (
    day_span,
    full_date,
    in_words,
    long_date,
    meeting_days,
    month_and_year,
    moved_words,
    short_weekday,
    weekdays_and_days,
)
from aarshjul.vocabulary import Language

D = dt.date
DA, EN = Language.DA, Language.EN


@pytest.mark.parametrize(("day", "language", "text"), [
    (D(2025, 1, 15), DA, "15. januar 2025"), (D(2025, 5, 6), DA, "6. maj 2025"),
    (D(2024, 2, 29), DA, "29. februar 2024"), (D(2025, 1, 15), EN, "15 January 2025"),
    (D(2025, 5, 6), EN, "6 May 2025"),
])
def test_long_date(day: dt.date, language: Language, text: str) -> None:
    assert long_date(day, language) == text


def test_dates_in_texts_are_long_dates_unless_a_call_chooses() -> None:
    """The one default of assembling agendas and building feeds."""
    assert in_words(DA)(D(2025, 1, 15)) == "15. januar 2025"
    assert in_words(EN)(D(2025, 1, 15)) == "15 January 2025"
    assert in_words(DA, dt.date.isoformat)(D(2025, 1, 15)) == "2025-01-15"


@pytest.mark.parametrize(("day", "language", "text"), [
    (D(2025, 1, 15), DA, "onsdag den 15. januar 2025"),
    (D(2025, 3, 8), DA, "lørdag den 8. marts 2025"),
    (D(2025, 1, 15), EN, "Wednesday 15 January 2025"),
    (D(2024, 2, 29), EN, "Thursday 29 February 2024"),
])
def test_full_date(day: dt.date, language: Language, text: str) -> None:
    assert full_date(day, language) == text


@pytest.mark.parametrize(("first", "last", "language", "text"), [
    (D(2025, 8, 25), D(2025, 8, 26), DA, "25.–26. august 2025"),
    (D(2025, 8, 25), D(2025, 8, 26), EN, "25–26 August 2025"),
    (D(2025, 6, 30), D(2025, 7, 2), DA, "30. juni – 2. juli 2025"),
    (D(2025, 12, 30), D(2026, 1, 2), EN, "30 December 2025 – 2 January 2026"),
])
def test_the_days_of_a_meeting_over_several(first: dt.date, last: dt.date,
                                             language: Language, text: str) -> None:
    assert day_span(first, last, language) == text


def test_short_weekdays_have_no_dot() -> None:
    week = [D(2025, 1, 13) + dt.timedelta(days=n) for n in range(7)]  # Monday to Sunday
    assert [short_weekday(d, DA) for d in week] == [
        "man", "tirs", "ons", "tors", "fre", "lør", "søn"]
    assert [short_weekday(d, EN) for d in week] == [
        "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]



def test_a_meeting_s_days_are_its_date_or_the_span_of_its_days() -> None:
    day = dt.date(2025, 8, 25)
    assert meeting_days(day, None, Language.DA) == "mandag den 25. august 2025"
    assert meeting_days(day, dt.date(2025, 8, 26), Language.DA) == "25.–26. august 2025"


@pytest.mark.parametrize(("first", "last", "language", "text"), [
    (D(2025, 1, 15), None, DA, "onsdag 15. januar 2025"),
    (D(2025, 1, 15), None, EN, "Wednesday 15 January 2025"),
    (D(2017, 8, 25), D(2017, 8, 26), DA, "fredag–lørdag 25.–26. august 2017"),
    (D(2017, 8, 25), D(2017, 8, 26), EN, "Friday–Saturday 25–26 August 2017"),
    (D(2025, 12, 31), D(2026, 1, 1), DA, "onsdag–torsdag 31. december 2025 – 1. januar 2026"),
])
def test_a_meeting_s_days_in_a_list_each_with_its_weekday(
        first: dt.date, last: dt.date | None, language: Language, text: str) -> None:
    assert weekdays_and_days(first, last, language) == text


def test_a_month_s_heading_and_a_moved_meeting_s_first_day() -> None:
    assert month_and_year(D(2025, 1, 15), DA) == "Januar 2025"
    assert month_and_year(D(2025, 5, 1), EN) == "May 2025"
    assert moved_words(D(2017, 2, 13), DA) == "flyttet fra 13. februar 2017"
    assert moved_words(D(2017, 2, 13), EN) == "moved from 13 February 2017"
