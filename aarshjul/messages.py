"""Messages for people, said in the language of the person who reads them.

A problem's message is made where the problem is found, long before anyone
knows who will read it: so it is kept as a :class:`Message`, its English
text (the message catalog's id) and the values it is filled with, and is
said in a language only when it is shown (:meth:`Message.text_in`).

The translations are gettext catalogs, made with babel's tools from the
texts marked with :func:`_` (``docs/translating.md`` tells how):
``aarshjul/locale/da/LC_MESSAGES/aarshjul.po``, compiled beside it to the
``.mo`` that is read here. English is the texts themselves.

A text marked with :func:`_` is a :meth:`str.format` pattern with named
fields (``_("{day} is a holiday", day=day)``); a field's value that is
itself a :class:`Message` is said in the same language. A text that comes
from outside (a library's error, a server's answer) is :func:`verbatim`:
never looked up, never filled in.
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TypeVar

import attrs

from aarshjul.vocabulary import Language

__all__ = ["Message", "Refusal"]

T = TypeVar("T")

DOMAIN = "aarshjul"
LOCALE = Path(__file__).parent / "locale"
"""Where the catalogs are: ``LOCALE/<language>/LC_MESSAGES/aarshjul.mo``."""


@attrs.frozen
class Message:
    """A message, to be said in any language aarshjul speaks."""

    text: str
    values: tuple[tuple[str, object], ...] = ()
    verbatim: bool = False

    def text_in(self, language: Language = Language.EN) -> str:
        """The message in ``language``: its text looked up in the language's
        catalog (English where the catalog has none) and filled in."""
        if self.verbatim:
            return self.text
        pattern = _catalog(language).gettext(self.text)
        return pattern.format(**{name: _said(value, language) for name, value in self.values})

    def value(self, name: str) -> object:
        """The value a field is filled with (KeyError if it has none)."""
        return dict(self.values)[name]

    def found(self, name: str, kind: type[T]) -> T | None:
        """The first value of a field ``name`` that is a ``kind``, here or in
        the messages it is filled with (depth first): what a finding says,
        inside the labels that lead it."""
        for field, value in self.values:
            if field == name and isinstance(value, kind):
                return value
            if isinstance(value, Message) and (inner := value.found(name, kind)) is not None:
                return inner
        return None

    def __str__(self) -> str:
        return self.text_in(Language.EN)


def _(text: str, /, **values: object) -> Message:
    """Mark ``text`` for translation (babel extracts it), with the values of
    its ``{fields}``."""
    return Message(text, tuple(values.items()))


def verbatim(text: str) -> Message:
    """Text that is said as it is in every language: it comes from outside."""
    return Message(text, verbatim=True)


def led(lead: str, said: Message) -> Message:
    """``lead: message``, where the lead (a table's label, a key) is written
    as the plan writes it, in every language."""
    if not lead:
        return said
    return Message(_LED, (("lead", lead), ("said", said)))


def lead_of(said: Message) -> str:
    """The lead of a message :func:`led` made ("" for another message)."""
    return str(said.value("lead")) if said.text == _LED and not said.verbatim else ""


_LED = "{lead}: {said}"


def listed(words: Iterable[str | Message], *, last: Message) -> Message:
    """``a, b and c`` (or ``a, b or c``): ``last`` is the word before the
    last one, :data:`AND` or :data:`OR`."""
    shown = list(words)
    if len(shown) <= 1:
        return Message("{only}", (("only", shown[0] if shown else ""),))
    fields = {f"w{number}": word for number, word in enumerate(shown)}
    most = ", ".join(f"{{w{number}}}" for number in range(len(shown) - 1))
    return Message(f"{most} {{last}} {{w{len(shown) - 1}}}",
                   (*fields.items(), ("last", last)))


AND = _("and")
OR = _("or")


class Refusal(ValueError):
    """A value refused, with a message fit for a planner: raised where a
    value is read, shown where the problem is reported."""

    def __init__(self, said: Message) -> None:
        super().__init__(str(said))
        self.said = said


def said_by(error: Exception) -> Message:
    """What an error says: a refusal's message, or another error's text."""
    if isinstance(error, Refusal):
        return error.said
    return verbatim(str(error))


def _said(value: object, language: Language) -> object:
    return value.text_in(language) if isinstance(value, Message) else value


@functools.cache
def _catalog(language: Language) -> gettext.NullTranslations:
    if language is Language.EN:
        return gettext.NullTranslations()
    # An installation without the compiled catalog speaks English rather
    # than fail on every message (a test holds the catalog to the source).
    return gettext.translation(DOMAIN, localedir=LOCALE, languages=[language.value],
                               fallback=True)


def spoken(asked: Language | None = None, plan: Language | None = None,
           environ: Mapping[str, str] = os.environ) -> Language:
    """The language to say messages in: the one asked for (``--lang``); else
    Danish if the plan is written in Danish or the reader's locale is
    Danish (``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``, as gettext
    reads them); else English."""
    if asked is not None:
        return asked
    if plan is Language.DA or locale_language(environ) is Language.DA:
        return Language.DA
    return Language.EN


def locale_language(environ: Mapping[str, str] = os.environ) -> Language | None:
    """The language of the locale, where it is one aarshjul speaks."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        setting = environ.get(name, "")
        if setting:
            first = setting.split(":")[0].split(".")[0].split("_")[0].lower()
            return {"da": Language.DA, "en": Language.EN}.get(first)
    return None
