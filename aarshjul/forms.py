"""The form of a plan's single values, each rule stated once.

The plan reader checks these forms in what a file says, with the line of
the key; the model (:mod:`aarshjul.model`, for numbers) or the validation
pass (:mod:`aarshjul.plan.validate`, for ids and colours) checks them in a
plan built in code, where no reader has looked. Both take the rule from
here, so a plan is held to one rule, however it was made.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

import attrs

from aarshjul.clock import MINUTES_PER_DAY
from aarshjul.messages import Message, _

__all__ = ["COUNTED_DAYS", "DEADLINE_DAYS", "ID_LENGTH", "ISO_WEEKS", "MINUTES", "MONTHS",
           "YEARS", "Bounds", "colour_problem", "id_problem", "text_problem", "year_problem"]


@attrs.frozen
class Bounds:
    """The range of a whole number in a plan, both ends included.

    The reader's getters take it to report a number out of range at its
    line; the model's fields take it as their validator (a number, several,
    or None for none), so that a number built in code is held to the same.

    >>> 53 in ISO_WEEKS, 54 in ISO_WEEKS, str(ISO_WEEKS)
    (True, False, '1 to 53')
    """

    low: int
    high: int

    def __contains__(self, value: int) -> bool:
        return self.low <= value <= self.high

    def __str__(self) -> str:
        return f"{self.low} to {self.high}"

    def said(self) -> Message:
        """The range for a planner, in any language: ``1 to 53``."""
        return _("{low} to {high}", low=self.low, high=self.high)

    def __call__(self, _: object, attribute: attrs.Attribute[Any],
                 value: int | Iterable[int] | None) -> None:
        numbers = () if value is None else (value,) if isinstance(value, int) else value
        if not all(number in self for number in numbers):
            raise ValueError(f"{attribute.name} must be {self} (got {value!r})")


ISO_WEEKS = Bounds(1, 53)
MONTHS = Bounds(1, 12)
DEADLINE_DAYS = Bounds(0, 365)
"""Days before a meeting that its agenda is due: more than a year is a slip."""
COUNTED_DAYS = Bounds(1, 250)
"""Hverdage or arbejdsdage before a meeting that its agenda is due
(:mod:`aarshjul.deadlines`): 250 of them reach back about a year, as the
calendar days do."""
ROUTE_GAP = Bounds(0, 90)
"""Days at least between one step of a case's route and the next: a step
three months before the next is a slip."""
MINUTES = Bounds(0, MINUTES_PER_DAY)
"""An item's, a case's or a meeting's minutes: none lasts more than a day
(a meeting's own rules, at least a minute and not past midnight, are the
validation pass's)."""

YEARS = Bounds(1900, 2999)
"""The years a plan's dates, and a build's ``SOURCE_DATE_EPOCH``, may fall in.

Python's dates end at year 9999, and the writers reach past a plan's years:
a feed's VTIMEZONE lists the year before it and three after, the wheel
measures a year up to the next one's 1 January, agenda deadlines fall up to
a year before a meeting and holidays are looked up in the years around it.
Easter (and the Danish holidays that follow it) is computed for 1583 to
4099 only. A plan of the municipality's meetings needs none of that; these
years leave every writer room on both sides."""


def year_problem(day: dt.date) -> Message | None:
    """Why ``day`` is outside the years a plan may cover, or None.

    >>> year_problem(dt.date(2025, 1, 15)) is None, str(year_problem(dt.date(9999, 12, 30)))
    (True, '9999-12-30 is not in the years aarshjul plans for (1900 to 2999)')
    """
    if day.year in YEARS:
        return None
    return _("{day} is not in the years aarshjul plans for ({years})",
             day=day.isoformat(), years=YEARS.said())


ID_LENGTH = 64
"""The longest id. A file name may have 255 bytes; an id names files with
more around it (the site's staging folder, ``<body>-<date>.ics`` …), and a
person reads it in addresses and messages."""

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def id_problem(value: str) -> Message | None:
    """Why ``value`` cannot be an id, or None if it can.

    Ids name files (``feeds/<body>.ics``, ``agendas/<body>/``) and go into
    UIDs, so they hold no ``/`` or ``..`` and no capitals, which a file system
    that ignores case would take for another id's file, and are at most
    :data:`ID_LENGTH` characters long.

    >>> id_problem("sbu") is None, str(id_problem("../x"))
    (True, '"../x" is not an id: use a-z, 0-9 and "-", starting with a letter or digit')
    >>> str(id_problem("s" * 65))
    'the id is 65 characters long: at most 64 are allowed'
    """
    if not _ID.fullmatch(value):
        return _('"{value}" is not an id: use a-z, 0-9 and "-", starting with a letter or digit',
                 value=value)
    if len(value) > ID_LENGTH:
        return _("the id is {length} characters long: at most {most} are allowed",
                 length=len(value), most=ID_LENGTH)
    return None


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def colour_problem(value: str) -> Message | None:
    """Why ``value`` is no ``#rrggbb`` colour (what the wheel draws and
    RFC 7986 names), or None if it is one."""
    if _COLOUR.fullmatch(value):
        return None
    return _('"{value}" is not a colour like "#1f77b4"', value=value)


LINE_BREAKS = "\t\n\r"
"""The control characters a text of several lines (a note, a purpose) may
hold: tab and line breaks, as a multi-line TOML string in any file writes them."""


DIRECTION_MARKS = "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
"""The marks that turn the direction of text: with them a quoted text can make
a line read otherwise than it is ("txt.exe" shown as "exe.txt"). No plan's
text holds them, and a message prints them by number
(:meth:`aarshjul.errors.Problem.format`)."""

_SEPARATORS = "\u2028\u2029"  # Unicode's line and paragraph separators (category Z)


def text_problem(value: str, *, lines: bool = False) -> Message | None:
    """Why ``value`` cannot be a text of a plan, or None if it can.

    A text is shown in a terminal, a page, a feed and the wheel: a control
    character there rings, colours or rewrites what is shown, or is dropped
    in one place and kept in another. A text of several lines (``lines``)
    may hold :data:`LINE_BREAKS`; any other text is one line.

    >>> text_problem("Møde\\n") is None, text_problem("Møde\\n", lines=True) is None
    (False, True)
    >>> str(text_problem("rød\\x1b[31m"))
    'holds the control character U+001B (character 4); write the text without it'
    """
    for index, character in enumerate(value):
        code, place = f"U+{ord(character):04X}", index + 1
        if character in DIRECTION_MARKS:
            return _("holds the mark {code} that turns the direction of text (character "
                     "{place}); write the text without it", code=code, place=place)
        if (unicodedata.category(character) == "Cc" or character in _SEPARATORS) and not (
                lines and character in LINE_BREAKS + _SEPARATORS):
            if character in LINE_BREAKS + _SEPARATORS:
                return _("holds the control character {code} (character {place}); write the "
                         "text without it; it is a text of one line", code=code, place=place)
            return _("holds the control character {code} (character {place}); write the "
                     "text without it", code=code, place=place)
    return None
