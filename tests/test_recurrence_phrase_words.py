"""recurrence.phrase_words: tokens, spelling and numbers of recurrence phrases."""

from __future__ import annotations

import time

import pytest

from aarshjul.recurrence.phrase_words import (
    MONTH_NAMES,
    UNIT_WORDS,
    WEEKDAY_WORDS,
    Number,
    Unit,
    closest,
    fold,
    is_known,
    read_number,
    spelled,
    tokenize,
)
from aarshjul.vocabulary import DANISH_DAYS, ENGLISH_DAYS

TOKENS = [
    ("2. og 4. Onsdag", ["2.", "og", "4.", "onsdag"]),
    ("HVER 2.ONSDAG", ["hver", "2.", "onsdag"]),
    ("hver\tanden\nonsdag", ["hver", "anden", "onsdag"]),
    ("den 15.i måneden", ["den", "15.", "i", "måneden"]),
    ("2nd-last friday", ["2nd", "last", "friday"]),
    ("even-numbered weeks.", ["even", "numbered", "weeks"]),
    ("hver onsdag, dog ikke i juli.", ["hver", "onsdag", "dog", "ikke", "i", "juli"]),
    ("2. & 4. (onsdag)", ["2.", "&", "4.", "onsdag"]),
    ("hver ² uge", ["hver", "²", "uge"]),  # not a digit the reader counts with
    ("hver 2x uge", ["hver", "2x", "uge"]),
    ("onsdag2", ["onsdag", "2"]),
    ("   .  ", []),
]


@pytest.mark.parametrize(("phrase", "tokens"), TOKENS, ids=[row[0] for row in TOKENS])
def test_a_phrase_becomes_lower_case_words_and_numbers(phrase: str, tokens: list[str]) -> None:
    assert tokenize(phrase) == tokens


NUMBERS = [
    ("anden", Number(2, ordinal=True, text="anden")),
    ("2.", Number(2, ordinal=True, text="2.")),
    ("2nd", Number(2, ordinal=True, text="2nd")),
    ("14th", Number(14, ordinal=True, text="14th")),
    ("2", Number(2, ordinal=False, text="2")),
    ("other", Number(2, ordinal=False, text="other")),
    ("sidste", Number(-1, ordinal=True, text="sidste")),
    ("næstsidste", Number(-2, ordinal=True, text="næstsidste")),
    ("penultimate", Number(-2, ordinal=True, text="penultimate")),
]


@pytest.mark.parametrize(("word", "number"), NUMBERS, ids=[row[0] for row in NUMBERS])
def test_numbers_as_written(word: str, number: Number) -> None:
    assert read_number(word) == number


@pytest.mark.parametrize("word", ["onsdag", "2x", "2.nd", "²", "x2", ""])
def test_words_that_are_no_number(word: str) -> None:
    assert read_number(word) is None


def test_a_long_number_is_only_out_of_range_and_read_at_once() -> None:
    started = time.perf_counter()
    number = read_number("9" * 100_000)
    assert number is not None
    assert number.value > 52
    assert time.perf_counter() - started < 0.5


def test_spelling_without_ae_oe_aa() -> None:
    assert spelled("lordag") == "lørdag"
    assert spelled("maaned") == "måned"
    assert spelled("naestsidste") == "næstsidste"
    assert spelled("forste") == "første"
    assert spelled("onsdag") == "onsdag"
    assert spelled("blå") == "blå"  # unknown words stay as written
    assert fold("æblegrød på måneden") == "aeblegrod pa maneden"


def test_known_words_and_suggestions() -> None:
    assert all(is_known(word) for word in ["onsdagen", "2.", "maaned", "2nd"])
    assert not is_known("blå")
    assert closest("torsdg") == "torsdag"
    assert closest("maanedn") == "måneden"  # found without å, shown with
    assert closest("xyz") is None


def test_weekday_words_in_every_form_name_one_weekday() -> None:
    for day, (danish, english) in enumerate(zip(DANISH_DAYS, ENGLISH_DAYS, strict=True)):
        forms = [danish, danish + "e", danish + "en", danish + "ene", english, english + "s"]
        assert {WEEKDAY_WORDS[form] for form in forms} == {day}
    assert WEEKDAY_WORDS["onsdagen"] == 2


def test_months_and_units() -> None:
    assert MONTH_NAMES["juli"] == MONTH_NAMES["jul"] == MONTH_NAMES["july"] == 7
    assert UNIT_WORDS["hverdage"] is Unit.WORKDAY
    assert UNIT_WORDS["måneden"] is UNIT_WORDS["months"] is Unit.MONTH
