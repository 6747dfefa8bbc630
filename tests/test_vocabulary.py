"""Every word in one place: each language has each, with the same
placeholders, and no module spells a word that the vocabulary holds."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import attrs
import pytest

from aarshjul.vocabulary import (
    DANISH,
    ENGLISH,
    WORDS,
    Language,
    Words,
    capitalized,
    danish_list,
    words,
)

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


def spelled(path: Path) -> str:
    """The text a module writes: its string literals but docstrings (which
    may quote what a document says), or a template's text but comments."""
    text = path.read_text(encoding="utf-8")
    if path.suffix != ".py":
        return re.sub(r"\{#.*?#\}", "", text, flags=re.DOTALL)
    tree = ast.parse(text)
    docstrings = {id(node.value) for node in ast.walk(tree) if isinstance(node, ast.Expr)}
    return "\n".join(node.value for node in ast.walk(tree)
                     if isinstance(node, ast.Constant) and isinstance(node.value, str)
                     and id(node) not in docstrings)


@pytest.mark.parametrize("word", [
    "aflyst", "flyttet fra", "Dagsorden kort", "Bemærkning", "Kommende møder",
    "Tegnforklaring", "Frist for dagsorden", "Mødedato", "Baggrund/formål",
    "indholdsfortegnelse", "wrote", "unchanged", "up to date", "Ctrl-C to stop", "checked",
    "dry run", "(cancelled)", "Mødeplan", "Vis møder for", "hele dagen"])
def test_no_module_but_the_vocabulary_spells_a_word(word: str) -> None:
    package = ROOT / "aarshjul"
    in_code = [path.relative_to(package).as_posix()
               for path in sorted([*package.rglob("*.py"), *package.rglob("*.j2")])
               if re.search(re.escape(word), spelled(path), re.IGNORECASE)
               and path.name != "vocabulary.py"]
    # The phrase reader knows the words people write, and the importer the
    # headers of their lists: neither are aarshjul's own.
    assert [name for name in in_code
            if not name.startswith(("recurrence/", "importing/"))] == []


def test_a_danish_list_joins_its_last_with_og() -> None:
    assert [danish_list(words) for words in (["juli"], ["juli", "august"],
                                             ["marts", "juni", "september"])] == [
        "juli", "juli og august", "marts, juni og september"]
