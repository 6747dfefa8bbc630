"""Every word in one place: each language has each, with the same
placeholders, and no module spells a word that the vocabulary holds."""

from __future__ import annotations

import re
import string

import attrs
import pytest

from aarshjul.vocabulary import DANISH, ENGLISH, WORDS, Language, Words, capitalized, words

from .plans import ROOT

FIELDS = [field.name for field in attrs.fields(Words)]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_its_words() -> None:
    assert set(WORDS) == set(Language)
    for language in Language:
        assert words(language).__class__ is Words
    for name in FIELDS:
        for said in (DANISH, ENGLISH):
            # English says no word before a meeting's time ("18.15 – 19.45").
            assert getattr(said, name) or (said is ENGLISH and name == "clock"), name


@pytest.mark.parametrize("name", FIELDS)
def test_the_languages_fill_in_the_same_places(name: str) -> None:
    assert placeholders(getattr(DANISH, name)) == placeholders(getattr(ENGLISH, name))


def test_a_word_that_starts_a_label() -> None:
    assert capitalized(DANISH.cancelled) == "Aflyst"
    assert capitalized(DANISH.all_meetings) == "Alle møder"
    assert capitalized("") == ""


@pytest.mark.parametrize("word", ["aflyst", "flyttet fra", "Dagsorden kort", "Bemærkning",
                                  "Kommende møder", "Tegnforklaring", "Frist for dagsorden"])
def test_no_module_but_the_vocabulary_spells_a_word(word: str) -> None:
    package = ROOT / "aarshjul"
    spelled = [path.relative_to(package).as_posix()
               for path in sorted([*package.rglob("*.py"), *package.rglob("*.j2")])
               if re.search(re.escape(word), path.read_text(encoding="utf-8"), re.IGNORECASE)
               and path.name != "vocabulary.py"]
    # Readers know the words people write, which are not aarshjul's own.
    assert [name for name in spelled if not name.startswith(("written/", "recurrence/"))] == []
