"""The words of recurrence phrases: tables, spelling, tokens and numbers.

The first step of reading ``every = "hver anden onsdag"``: the phrase becomes
lower-case tokens, and a token a word the tables know, in its proper spelling
(a planner on a keyboard without æ, ø and å can write "lordag" or "maaned").
``phrase_grammar`` reads the tokens into slots; ``phrase_rule`` turns the
slots into a :class:`~aarshjul.recurrence.rule.Rule`.
"""

from __future__ import annotations

import difflib
import enum
import itertools
from collections.abc import Collection
from dataclasses import dataclass

from aarshjul.messages import Message, _
from aarshjul.vocabulary import DANISH_DAYS, ENGLISH_DAYS, MONTH_WORDS


class Unreadable(Exception):
    """Raised while a phrase is read; ``phrases.phrase_to_rule`` turns it into
    a PhraseError that quotes the phrase. ``said`` is what was not understood,
    in any language; ``reason`` is it in English."""

    def __init__(self, said: Message) -> None:
        self.said = said
        self.reason = str(said)
        super().__init__(self.reason)


class TwoWays(Unreadable):
    """A phrase that can be read two ways ("hver 4. uge om mandagen": every
    fourth week, or the fourth Monday of the month); ``said`` writes both in
    words that can only be read one way, and nothing is guessed."""


# --- Word tables -----------------------------------------------------------
#
# Keys are spelled properly; the reader looks words up through fold().

WORKDAYS = (0, 1, 2, 3, 4)

# Danish says "onsdage" (plural), "onsdagen" ("om onsdagen") and "onsdagene";
# English only adds an s.
WEEKDAY_WORDS: dict[str, int] = {
    **{
        name + ending: day
        for day, name in enumerate(DANISH_DAYS)
        for ending in ("", "e", "en", "ene")
    },
    **{name + ending: day for day, name in enumerate(ENGLISH_DAYS) for ending in ("", "s")},
}

# Full names and the three-letter abbreviations both languages use in lists.
MONTH_NAMES = MONTH_WORDS

# Ordinals that can say which weekday of a month; positive ones 2 and up can
# also be an interval ("hver anden onsdag" is every second Wednesday).
ORDINAL_WORDS: dict[str, int] = {
    "første": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4, "femte": 5,
    "fjortende": 14, "sidste": -1, "næstsidste": -2,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "fourteenth": 14, "last": -1, "penultimate": -2,
}  # fmt: skip

# Words that only ever count: "every other wednesday" has no place in a month.
COUNT_WORDS: dict[str, int] = {"other": 2}

_ENGLISH_SUFFIXES = ("st", "nd", "rd", "th")  # 1st, 2nd, 3rd, 14th


class Unit(enum.Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    WORKDAY = "workday"


UNIT_WORDS: dict[str, Unit] = {
    "dag": Unit.DAY, "dage": Unit.DAY, "day": Unit.DAY, "days": Unit.DAY,
    "uge": Unit.WEEK, "uger": Unit.WEEK, "week": Unit.WEEK, "weeks": Unit.WEEK,
    "måned": Unit.MONTH, "måneden": Unit.MONTH, "måneder": Unit.MONTH,
    "month": Unit.MONTH, "months": Unit.MONTH,
    "hverdag": Unit.WORKDAY, "hverdage": Unit.WORKDAY,
    "weekday": Unit.WORKDAY, "weekdays": Unit.WORKDAY,
}  # fmt: skip

# One word for "every N units": "weekly on wednesday", "fortnightly".
ADVERB_WORDS: dict[str, tuple[int, Unit]] = {
    "dagligt": (1, Unit.DAY), "daily": (1, Unit.DAY),
    "ugentligt": (1, Unit.WEEK), "weekly": (1, Unit.WEEK),
    "biweekly": (2, Unit.WEEK), "fortnightly": (2, Unit.WEEK),
    "månedligt": (1, Unit.MONTH), "monthly": (1, Unit.MONTH),
}  # fmt: skip

PARITY_WORDS: dict[str, int] = {"lige": 0, "even": 0, "ulige": 1, "odd": 1}

EVERY = frozenset({"hver", "alle", "every", "each", "all"})
ARTICLES = frozenset({"den", "the"})
AND = frozenset({"og", "and", "&"})
ON = frozenset({"om", "på", "on"})
IN = frozenset({"i", "in", "of"})
EXCEPT = frozenset({"undtagen", "except", "excluding", "ikke", "not"})
BUT = frozenset({"dog", "men", "but"})  # "dog ikke i juli", "but not in july"
APART = frozenset({"bortset"})  # "bortset fra juli"
FROM = frozenset({"fra"})
NUMBERED = frozenset({"numbered"})  # "in even-numbered weeks"
WEEK_NUMBERS = frozenset({"ugenumre"})  # "i lige ugenumre"
TO = frozenset({"to"})  # "second to last"


def fold(word: str) -> str:
    """The word without æ, ø and å, as a planner without them would write it."""
    return word.replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("aa", "a")


# Every word the reader knows, folded -> proper spelling.
_TABLES: tuple[Collection[str], ...] = (
    WEEKDAY_WORDS, MONTH_NAMES, ORDINAL_WORDS, COUNT_WORDS, UNIT_WORDS,
    ADVERB_WORDS, PARITY_WORDS, EVERY, ARTICLES, AND, ON, IN, EXCEPT,
    BUT, APART, FROM, NUMBERED, WEEK_NUMBERS, TO,
)  # fmt: skip
_SPELLING: dict[str, str] = {fold(word): word for table in _TABLES for word in table}


def spelled(token: str) -> str:
    """A token in its proper spelling if it is a known word, else as it is."""
    return _SPELLING.get(fold(token), token)


def is_known(token: str) -> bool:
    """Whether a token is a word of the tables or a number."""
    return fold(token) in _SPELLING or read_number(token) is not None


def closest(word: str) -> str | None:
    """The known word closest to ``word`` ("onsdag" for "onsdg"), or None."""
    close = difflib.get_close_matches(fold(word), _SPELLING, n=1, cutoff=0.8)
    return _SPELLING[close[0]] if close else None


def unknown_word(word: str) -> Message:
    """``unknown word "onsdg" (did you mean "onsdag"?)``."""
    close = closest(word)
    if close is None:
        return _('unknown word "{word}"', word=word)
    return _('unknown word "{word}" (did you mean "{close}"?)', word=word, close=close)


# --- Tokens ----------------------------------------------------------------

# Punctuation only separates words: "hver 2. uge, onsdag", "second-last",
# "even-numbered", a trailing full stop. The full stop of a Danish ordinal
# ("2.") is kept by the tokenizer before this set is consulted.
_SEPARATORS = frozenset(",.;:-–—/()")
_DIGITS = frozenset("0123456789")  # ASCII only: int() of "²" would fail


def tokenize(phrase: str) -> list[str]:
    """Lower-case words and numbers: "2. og 4. Onsdag" -> ["2.", "og", "4.", "onsdag"]."""
    text = phrase.lower()
    tokens: list[str] = []
    i = 0
    while i < len(text):
        if text[i].isspace() or text[i] in _SEPARATORS:
            i += 1
            continue
        end = i + 1
        if text[i] in _DIGITS:
            while end < len(text) and text[end] in _DIGITS:
                end += 1
            if end < len(text) and text[end] == ".":
                end += 1  # Danish ordinal: "2."
            else:
                while end < len(text) and text[end].isalpha():
                    end += 1  # English ordinal: "2nd"
        else:
            while end < len(text) and not (
                text[end].isspace() or text[end] in _SEPARATORS or text[end] in _DIGITS
            ):
                end += 1
        tokens.append(text[i:end])
        i = end
    return tokens


@dataclass(frozen=True)
class Number:
    """A number as written: "anden", "2.", "2nd", "2", "other", "sidste".

    ``ordinal`` says whether it can name a weekday of the month ("2. onsdag i
    måneden"); a bare "2" or "other" can only count ("every 2 weeks").
    """

    value: int
    ordinal: bool
    text: str


def read_number(word: str) -> Number | None:
    """The number a word (in its proper spelling) is, or None."""
    if word in ORDINAL_WORDS:
        return Number(ORDINAL_WORDS[word], ordinal=True, text=word)
    if word in COUNT_WORDS:
        return Number(COUNT_WORDS[word], ordinal=False, text=word)
    digits = "".join(itertools.takewhile(_DIGITS.__contains__, word))
    suffix = word[len(digits) :]
    if not digits or suffix not in ("", ".", *_ENGLISH_SUFFIXES):
        return None
    # Long digit strings are only ever out of range; int() of a huge one is
    # slow, and past 4300 digits it raises ValueError.
    value = int(digits) if len(digits) <= 4 else 10_000
    return Number(value, ordinal=suffix != "", text=word)
