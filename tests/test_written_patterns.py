"""The patterns and label tables written agendas are read by: what aarshjul
writes it reads back, in every language, and the forms each pattern is for."""

from __future__ import annotations

import re

import pytest

from aarshjul import check_agenda_text, render_agenda
from aarshjul.vocabulary import BRIEF_HEADINGS, WORDS, Language, words
from aarshjul.written.patterns import (
    DATE,
    DATE_TITLE,
    DURATION,
    EMPTY,
    FIELD_OF,
    HEADING_TIME,
    HOUR_RANGE,
    LABELS,
    NOISE,
    NUMBERED,
    PUNKT,
    RANGE,
    Field,
)

from .plans import HEADER, agendas_of, make_plan


def groups(found: re.Match[str] | None) -> tuple[str | None, ...] | None:
    """A match's groups, or None for no match."""
    return None if found is None else found.groups()


NO_ITEMS = '[[series]]\nbody = "sbu"\ndates = [2025-03-12]\nstart = "18:15"\nend = "19:45"\n'


def empty_agenda_text(language: Language) -> str:
    """The text form of an agenda with no items, in ``language``."""
    header = HEADER.replace('id = "test"', f'id = "test"\nlanguage = "{language.value}"')
    result = agendas_of(make_plan(NO_ITEMS, header=header))
    return render_agenda(result.agenda(result.meetings[0]), form="text", language=language)


@pytest.mark.parametrize("language", list(Language))
def test_empty_is_what_an_agenda_with_no_items_says(language: Language) -> None:
    text = empty_agenda_text(language)
    said = [line for line in text.splitlines() if EMPTY.fullmatch(line)]
    assert said == [words(language).no_items]
    report = check_agenda_text(text, source="tom.txt")
    assert [(p.code, p.severity.value) for p in report.problems] == [("no-items", "info")]


@pytest.mark.parametrize("said", ["Dagsordenen har endnu ingen punkter.",
                                  "dagsordenen har endnu ingen punkter",
                                  "THE AGENDA HAS NO ITEMS YET."])
def test_empty_takes_either_language_in_any_case_with_or_without_the_full_stop(said: str
                                                                              ) -> None:
    assert EMPTY.fullmatch(said)


@pytest.mark.parametrize("line", ["Dagsordenen har endnu ingen punkter..", "Ingen punkter.",
                                  "The agenda has no items yet. Godkendt.", ""])
def test_empty_is_only_the_whole_sentence(line: str) -> None:
    assert not EMPTY.fullmatch(line)


def test_empty_is_made_from_every_language_s_words() -> None:
    assert EMPTY.pattern == "|".join(re.escape(w.no_items.rstrip(".")) + r"\.?"
                                     for w in WORDS.values())
    assert len(WORDS) == len(EMPTY.pattern.split("|"))


FIELDS_WRITTEN = {"meeting_date": Field.DATE, "meeting_time": Field.MEETING_TIME,
                  "meeting_place": Field.PLACE, "brief": Field.BRIEF, "purpose": Field.PURPOSE,
                  "method": Field.METHOD, "responsible": Field.RESPONSIBLE, "time": Field.TIME,
                  "attachments": Field.ATTACHMENTS}


@pytest.mark.parametrize("language", list(Language))
def test_every_label_an_agenda_is_written_with_is_read_as_its_field(language: Language
                                                                    ) -> None:
    labels = words(language)
    read = {name: FIELD_OF.get(" ".join(getattr(labels, name).casefold().split()))
            for name in FIELDS_WRITTEN}
    assert read == FIELDS_WRITTEN


def test_no_label_is_two_fields_and_every_one_is_as_it_is_looked_up() -> None:
    every = [label for labels in LABELS.values() for label in labels]
    assert len(every) == len(set(every)) == len(FIELD_OF)
    assert all(label == " ".join(label.casefold().split()) for label in every)
    assert set(LABELS) == set(Field)
    assert set(LABELS[Field.BRIEF]) >= BRIEF_HEADINGS


@pytest.mark.parametrize(("text", "times"), [
    ("18.15 – 18.18 (3 min.)", ("18", "15", "18", "18")),
    ("kl. 8.30-8.45", ("8", "30", "8", "45")),
    ("Kl. 16:05 til ca. 16:45", ("16", "05", "16", "45")),
    ("10.00 to 11.30", ("10", "00", "11", "30")),
])
def test_a_range_of_times(text: str, times: tuple[str, ...]) -> None:
    assert groups(RANGE.search(text)) == times


def test_a_range_of_whole_hours_and_a_duration() -> None:
    assert groups(HOUR_RANGE.search("Mødetid: kl. 16-18")) == ("16", "18")
    for text in ("(10 minutter)", "10 min.", "(10 minutes)"):
        assert groups(DURATION.fullmatch(text)) == ("10",)


@pytest.mark.parametrize(("heading", "timed"), [
    ("3. Sag (18.20-18.40)", True),
    ("Sag, kl. 15.05 – 15.25", True),
    ("Sag - 15.05-15.25", True),
    ("Åbent: 8.00-22.00", False),  # a title that holds a range after a colon
    ("Budget 2026", False),
])
def test_a_time_at_the_end_of_a_heading(heading: str, timed: bool) -> None:
    assert (HEADING_TIME.search(heading) is not None) is timed


@pytest.mark.parametrize(("line", "parts"), [
    ("Punkt 3: Budget", ("3", "Budget")),
    ("Dagsordenspunkt 12 - Orientering", ("12", "Orientering")),
    ("Agenda item 2. Minutes", ("2", "Minutes")),
])
def test_a_heading_that_says_punkt(line: str, parts: tuple[str, str]) -> None:
    assert groups(PUNKT.fullmatch(line)) == parts


def test_a_numbered_heading_is_not_a_number_in_the_text() -> None:
    assert groups(NUMBERED.fullmatch("3. Budget 2026")) == ("3", "Budget 2026")
    assert NUMBERED.fullmatch("3.5 mio. kr. til drift") is None


def test_a_date_with_its_month_written_out_or_short() -> None:
    assert groups(DATE_TITLE.search("Udvalgsmøde januar 2025")) == ("januar", " 2025")
    assert groups(DATE.search("onsdag den 15. jan. 2025")) == ("15", "jan", "2025")
    assert groups(DATE.search("Wednesday 15 January 2025")) == ("15", "January", "2025")


@pytest.mark.parametrize("line", ["Side 2 af 5", "Page 1 of 12", "Dagsorden SBU.docx",
                                  "Punkt 3, bilag 1: Notat"])
def test_page_noise(line: str) -> None:
    assert NOISE.fullmatch(line)
