"""Problems with a location, and the one exception hierarchy of aarshjul.

Every check in the pipeline reports :class:`Problem` values instead of raising
at the first mistake, so a planner sees everything wrong with a file at once.
When a call cannot return a result because of such problems, it raises an
:class:`AarshjulError` subclass that carries them.
"""

from __future__ import annotations

import enum
import re
from typing import Self

import attrs

from aarshjul.forms import DIRECTION_MARKS
from aarshjul.messages import Message
from aarshjul.vocabulary import Language

__all__ = [
    "AarshjulError",
    "AgendaError",
    "PlanError",
    "Problem",
    "PublishError",
    "Severity",
    "SourceError",
]


class Severity(enum.Enum):
    """How much a problem matters: errors fail a check (exit status 1)."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen
class Problem:
    """One finding, located in its file.

    ``said`` is what is wrong, in any language (``message`` is it in
    English); ``key`` is the key path inside a plan (``series[2].rule``),
    ``item`` the agenda item number; either may be absent.
    """

    severity: Severity
    code: str
    said: Message
    file: str | None = None
    line: int | None = None
    key: str | None = None
    item: int | None = None

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    @property
    def message(self) -> str:
        """What is wrong, in English."""
        return self.said.text_in(Language.EN)

    def format(self, language: Language = Language.EN) -> str:
        """``FILE:LINE: SEVERITY[CODE]: message``, as compilers print it, on
        one line, the message in ``language`` (the severity and the code are
        the names ``check --level`` and programs know, in every language): a
        control character a message quotes from its input (an escape, a line
        break) is written by its number, never sent to the terminal."""
        where = self.file or "<input>"
        if self.line is not None:
            where = f"{where}:{self.line}"
        return _shown(f"{where}: {self.severity.value}[{self.code}]: "
                      f"{self.said.text_in(language)}")


def _shown(text: str) -> str:
    """``text`` with each control character as ``\\xNN`` (or ``\\uNNNN``)."""
    return _CONTROL.sub(lambda found: _number(ord(found[0])), text)


def _number(code: int) -> str:
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


# Unicode's control characters (category Cc), all of them, and the marks that
# turn the direction of text (aarshjul.forms.DIRECTION_MARKS), with which a
# quoted text could make a line read otherwise than it is: one search in C
# rather than a look-up of each character's category.
_CONTROL = re.compile(f"[\x00-\x1f\x7f-\x9f{DIRECTION_MARKS}]")


class AarshjulError(Exception):
    """Base of every error aarshjul raises for input a user can get wrong.

    ``problems`` holds every located problem behind the error (at least one);
    ``file``, ``line`` and ``key`` are those of the first.
    """

    language: Language | None = None
    """The language of the plan the error is about, where it could be read:
    the command line says the problems in it (:func:`aarshjul.messages.spoken`)."""

    def __init__(self, problems: tuple[Problem, ...] | list[Problem]) -> None:
        self.problems = tuple(problems)
        if not self.problems:
            raise ValueError("an AarshjulError needs at least one problem")
        super().__init__("\n".join(p.format() for p in self.problems))

    @classmethod
    def single(
        cls,
        code: str,
        message: Message,
        *,
        file: str | None = None,
        line: int | None = None,
        key: str | None = None,
    ) -> Self:
        return cls((Problem(Severity.ERROR, code, message, file, line, key),))

    @property
    def file(self) -> str | None:
        return self.problems[0].file

    @property
    def line(self) -> int | None:
        return self.problems[0].line

    @property
    def key(self) -> str | None:
        return self.problems[0].key


class SourceError(AarshjulError):
    """A file could not be read at all: missing, a folder, or not text."""


class PlanError(AarshjulError):
    """A plan file has errors; ``problems`` lists every one of them."""


class PublishError(AarshjulError):
    """A calendar server could not be reached, refused the user, is no
    calendar, or failed a write; the location is the calendar's address."""


class AgendaError(AarshjulError):
    """A written agenda could not be read (not .txt/.md/.docx, or broken)."""


def has_errors(problems: tuple[Problem, ...] | list[Problem]) -> bool:
    return any(p.is_error for p in problems)
