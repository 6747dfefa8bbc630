"""One line of a written agenda at a time: what kind of line it is.

Small pure functions that know nothing of the lines around: take the
Markdown and Word decorations off a line, tell an item's heading
(``3. Title``, ``Punkt 3: Title``) or a labelled field (``Tid: …``), join
what a narrow column broke, and bring a title to the form in which the
short list and the items are compared. Which of these a line *is* in its
place in the document is :mod:`~aarshjul.written.structure`'s to decide.
"""

from __future__ import annotations

import re

from aarshjul.vocabulary import BRIEF_HEADINGS
from aarshjul.written.patterns import (
    FIELD_OF,
    LABEL,
    LEADER,
    LEADING_TIME,
    NUMBERED,
    PUNKT,
    RANGE,
    TRAILING_DURATION,
    Field,
)

Line = tuple[int, str]
"""A line of the agenda and its number (for .docx: the paragraph's)."""

_JOINING_WORDS = {"og", "eller", "samt", "til", "and", "or"}
_MAX_ITEMS = 999


def clean(text: str) -> str:
    """Markdown and Word decorations off: ``## **Tid:**`` reads as ``Tid:``."""
    text = text.replace("\u00a0", " ").replace("\u200b", "").strip()
    text = re.sub(r"^(#{1,6}\s+|>\s*)", "", text)
    text = text.replace("**", "").replace("__", "")
    if text.startswith(("* ", "+ ", "• ", "– ")):
        text = "- " + text[2:]
    return text.strip()


def heading(text: str) -> tuple[int, str, str] | None:
    """``3. Title``, ``Punkt 3: Title``, ``10.Evt.`` -> (3, "Title", style).

    The style (``punkt``, ``.`` or ``)``) tells an agenda's headings from a
    list inside an item written another way ("1) At udvalget godkender …").
    """
    match = PUNKT.fullmatch(text)
    style = "punkt"
    if match is None:
        match = NUMBERED.fullmatch(text)
        style = text[len(match[1]):].lstrip()[:1] if match else ""
    if match is None:
        return None
    number, title = int(match[1]), match[2].strip()
    if number == 0 or number > _MAX_ITEMS:
        return None
    return number, title, style


def label(text: str) -> tuple[Field, str] | None:
    """``Tid: 18.15 – 18.18`` -> (Field.TIME, "18.15 – 18.18"); a heading
    that opens the short list (``Dagsorden kort``) needs no colon."""
    match = LABEL.fullmatch(text)
    if match is None:
        bare = " ".join(text.casefold().rstrip(":").split())
        return (Field.BRIEF, "") if bare in BRIEF_HEADINGS else None
    field = FIELD_OF.get(" ".join(match[1].casefold().split()))
    return (field, match[2].strip()) if field else None


def looks_like_heading(title: str) -> bool:
    """A heading's title starts as a sentence does, not mid-sentence; a time
    before it (``kl. 15.00-16.00: Budget``) does not count."""
    leading = LEADING_TIME.match(title)
    title = title[leading.end():] if leading else title
    return bool(title) and (title[0].isupper() or title[0].isdigit() or title[0] in "\"'«»")


def goes_on(before: str, text: str) -> bool:
    """Does ``text`` carry on ``before`` where a narrow column broke it:
    after a hyphen, or into a line that starts mid-sentence ("området 2024")?"""
    return before.endswith("-") or text[:1].islower() or text[:1].isdigit()


def join_wrapped(before: str, after: str) -> str:
    """Join a line that a narrow column broke: ``Beskæf-`` + ``tigelsesudvalget``.

    A hyphen before ``og``/``eller`` is a real one (``Social- og …``).
    """
    after = after.strip()
    if not before:
        return after
    words = after.split()
    if (before.endswith("-") and len(before) > 1 and before[-2].isalpha() and after
            and after[0].islower() and words[0] not in _JOINING_WORDS):
        return before[:-1] + after
    return f"{before} {after}"


_EMPTY_BRACKETS = re.compile(r"\s*(?:\(\s*\)|\[\s*\])")


def title_text(title: str) -> str:
    """A title as an item keeps it: spaces collapsed, and brackets with
    nothing in them dropped (``Evt. ( )`` is ``Evt.``; a form's blank to fill in)."""
    return " ".join(_EMPTY_BRACKETS.sub("", title).split())


def normalized_title(title: str) -> str:
    """A title as compared with the short list: case, spaces, a trailing
    duration, time (before the title or after it), page number or full stop
    do not matter."""
    title = LEADER.sub("", title)
    leading = LEADING_TIME.match(title)
    title = title[leading.end():] if leading else title
    title = TRAILING_DURATION.sub("", title)
    title = re.sub(rf"\s*\(?\s*{RANGE.pattern}\s*\)?\s*$", "", title, flags=re.IGNORECASE)
    return " ".join(title.casefold().replace("–", "-").replace("—", "-").split()).rstrip(" .:,")
