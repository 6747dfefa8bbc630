"""Messages said in Danish and English, and the catalogs behind them.

The catalog tests read the package's source with babel's own extractor, as
``docs/translating.md`` tells a translator to: every text marked for
translation must be in the template and have a Danish translation that
fills the same fields, and the compiled catalog must be the one the
translations compile to.
"""

from __future__ import annotations

import ast
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

import aarshjul
from aarshjul.errors import Problem, Severity
from aarshjul.messages import (
    AND,
    LOCALE,
    OR,
    Message,
    Refusal,
    _,
    lead_of,
    led,
    listed,
    locale_language,
    said_by,
    spoken,
    verbatim,
)
from aarshjul.vocabulary import Language

PACKAGE = Path(aarshjul.__file__).parent
TEMPLATE = LOCALE / "aarshjul.pot"
DANISH = LOCALE / "da" / "LC_MESSAGES" / "aarshjul.po"
COMPILED = LOCALE / "da" / "LC_MESSAGES" / "aarshjul.mo"


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def _marked() -> dict[str, str]:
    """Each text marked with ``_`` in the package, by babel's extractor:
    where it was found."""
    found: dict[str, str] = {}
    for name, line, text, _comments, _context in extract_from_dir(
            str(PACKAGE), method_map=[("**.py", "python")], keywords={"_": None}):
        assert isinstance(text, str), f"{name}:{line}: a text marked for translation is not a text"
        found.setdefault(text, f"{name}:{line}")
    return found


def test_a_message_is_said_in_english_by_default_and_in_danish_from_the_catalog() -> None:
    said = _("{left} of the meeting's {total} minutes ({span}) are not planned",
             left=5, total=90, span="18:15–19:45")
    assert str(said) == "5 of the meeting's 90 minutes (18:15–19:45) are not planned"
    assert said.text_in(Language.DA) == "5 af mødets 90 minutter (18:15–19:45) er ikke planlagt"


def test_a_value_that_is_a_message_is_said_in_the_same_language() -> None:
    said = led("[[series]] #1", _("expected {expected} (got {got})",
                                  expected=_("a whole number"), got='"x"'))
    assert said.text_in(Language.EN) == '[[series]] #1: expected a whole number (got "x")'
    danish = said.text_in(Language.DA)
    assert danish.startswith("[[series]] #1: ")
    assert "a whole number" not in danish
    assert '"x"' in danish
    assert lead_of(said) == "[[series]] #1"
    assert lead_of(_("and")) == ""


def test_text_from_outside_is_never_looked_up_or_filled_in() -> None:
    said = verbatim("{previous} and")
    assert said.text_in(Language.DA) == "{previous} and"
    assert said_by(OSError("No space {left}")).text_in(Language.DA) == "No space {left}"


def test_a_refusal_carries_its_message() -> None:
    refusal = Refusal(_("and"))
    assert isinstance(refusal, ValueError)
    assert str(refusal) == "and"
    assert said_by(refusal).text_in(Language.DA) == "og"


def test_lists_end_with_and_or_or_in_the_language() -> None:
    assert str(listed(["a", "b", "c"], last=AND)) == "a, b and c"
    assert listed(["a", "b"], last=OR).text_in(Language.DA) == "a eller b"
    assert listed(["{a}"], last=AND).text_in(Language.DA) == "{a}"
    assert str(listed([], last=AND)) == ""


def test_a_problem_is_formatted_in_either_language_with_control_characters_escaped() -> None:
    problem = Problem(Severity.ERROR, "x", led("a\x1b", _("and")), "p.toml", 3)
    assert problem.message == "a\x1b: and"
    assert problem.format() == "p.toml:3: error[x]: a\\x1b: and"
    assert problem.format(Language.DA) == "p.toml:3: error[x]: a\\x1b: og"


@pytest.mark.parametrize(("environ", "language"), [
    ({"LANG": "da_DK.UTF-8"}, Language.DA),
    ({"LANG": "en_GB.UTF-8"}, Language.EN),
    ({"LC_ALL": "da_DK.UTF-8", "LANG": "en_US.UTF-8"}, Language.DA),
    ({"LANGUAGE": "en:da", "LANG": "da_DK.UTF-8"}, Language.EN),
    ({"LANG": "C.UTF-8"}, None),
    ({"LANG": "de_DE"}, None),
    ({}, None),
])
def test_the_locale_language_is_read_as_gettext_reads_it(
        environ: dict[str, str], language: Language | None) -> None:
    assert locale_language(environ) is language


def test_danish_is_spoken_when_asked_or_when_the_plan_or_the_locale_is_danish() -> None:
    english, danish = {"LANG": "en_US.UTF-8"}, {"LANG": "da_DK.UTF-8"}
    assert spoken(None, Language.DA, english) is Language.DA
    assert spoken(None, Language.EN, danish) is Language.DA
    assert spoken(None, Language.EN, english) is Language.EN
    assert spoken(None, None, {}) is Language.EN
    assert spoken(Language.EN, Language.DA, danish) is Language.EN
    assert spoken(Language.DA, Language.EN, english) is Language.DA


def test_every_text_marked_for_translation_is_a_literal_that_names_its_fields() -> None:
    """What babel cannot extract (an f-string, a variable) is never
    translated; a field not given fails only when the message is shown."""
    wrong = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
                    and node.func.id == "_"):
                continue
            where = f"{path.relative_to(PACKAGE.parent)}:{node.lineno}"
            text = node.args[0] if node.args else None
            if len(node.args) != 1 or not (isinstance(text, ast.Constant)
                                           and isinstance(text.value, str)):
                wrong.append(f"{where}: not one literal text")
                continue
            given = {keyword.arg for keyword in node.keywords}
            if None in given or _fields(text.value) != given:
                wrong.append(f"{where}: fields {sorted(_fields(text.value))}, "
                             f"given {sorted(str(g) for g in given)}")
    assert wrong == []


def test_the_template_lists_every_marked_text_and_no_other() -> None:
    with TEMPLATE.open("rb") as file:
        template = {message.id for message in read_po(file) if message.id}
    marked = _marked()
    assert sorted(set(marked) - template) == [], "run the extract of docs/translating.md"
    assert sorted(template - set(marked)) == []


def test_every_marked_text_has_a_danish_translation_that_fills_the_same_fields() -> None:
    with DANISH.open("rb") as file:
        catalog = read_po(file)
    wrong = []
    for text, where in sorted(_marked().items()):
        message = catalog.get(text)
        if message is None or not message.string or message.fuzzy:
            wrong.append(f"{where}: no Danish for {text!r}")
        elif _fields(str(message.string)) != _fields(text):
            wrong.append(f"{where}: the Danish of {text!r} fills other fields")
    assert wrong == []


def test_the_compiled_catalog_is_the_translations_compiled() -> None:
    with DANISH.open("rb") as file:
        written = {m.id: m.string for m in read_po(file) if m.id and not m.fuzzy}
    with COMPILED.open("rb") as file:
        compiled = {m.id: m.string for m in read_mo(file) if m.id}
    assert compiled == written, "run the compile of docs/translating.md"


def test_a_value_is_found_inside_the_labels_that_lead_it() -> None:
    inner = _("{left} of the meeting's {total} minutes ({span}) are not planned",
              left=5, total=90, span="18:15–19:45")
    said = led("[[series]] #1", _("{body} {date}: {left}", body="sbu", date="x", left=inner))
    assert said.found("left", int) == 5  # the outer {left} is a message, not the minutes
    assert said.found("left", Message) is inner
    assert said.found("total", str) is None
    assert verbatim("{left}").found("left", int) is None
