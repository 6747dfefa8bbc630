"""Words -> Rule: read how a series recurs, as a planner would say it.

A plan's ``[[series]]`` may say ``every = "hver anden onsdag"`` instead of an
RFC 5545 rule. This module only translates such a phrase, Danish or English,
into a :class:`~aarshjul.recurrence.rule.Rule` (``FREQ=WEEKLY;INTERVAL=2;
BYDAY=WE``). Expanding a rule into dates, and moving those dates around
holidays, lives elsewhere; nothing here knows a date.

The reader is a tokenizer, word tables, and a small grammar. The grammar fills
slots (how often, which weekdays, which week, workday or day of the month, even
or odd weeks, months left out); :func:`_build` then checks the slots together,
so an error can say which part of the phrase does not fit with which, and
makes the Rule, which checks its own invariants.
"""

from __future__ import annotations

import difflib
import enum
import itertools
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import NoReturn, TypeVar

import attrs

from aarshjul.recurrence.parts import ByDay, Frequency, NeverOccurs, longest_month
from aarshjul.recurrence.rule import Rule
from aarshjul.vocabulary import DANISH_DAYS, ENGLISH_DAYS, MONTH_WORDS

__all__ = ["KNOWN_FORMS", "PhraseError", "phrase_to_rule"]

KNOWN_FORMS: tuple[str, ...] = (
    "hver onsdag  /  every wednesday",
    "hver tirsdag og torsdag  /  every tuesday and thursday",
    "hver anden onsdag  /  every other wednesday",
    "hver 3. uge om onsdagen  /  every 3 weeks on wednesday",
    "hver 14. dag  /  fortnightly",
    "første mandag i måneden  /  first monday of the month",
    "2. og 4. onsdag i måneden  /  second and fourth wednesday of the month",
    "sidste fredag i måneden  /  last friday of the month",
    "næstsidste fredag i måneden  /  second to last friday of the month",
    "sidste hverdag i måneden  /  last weekday of the month",
    "den 15. i måneden  /  the 15th of the month",
    "onsdag i lige uger  /  wednesday in even weeks",
    "hverdage  /  weekdays",
    "hver måned  /  every month",
    "hver onsdag undtagen i juli og december  /  every wednesday except july and december",
)
"""What a planner can write, one idea a line, Danish and English.

Shown when a phrase cannot be read. Each side of a `` / `` is a phrase that
works; the tests read every line to keep it so.
"""

_WEEKS_PER_YEAR_MAX = 53  # an ISO year has 52 or 53 weeks
_INTERVAL_MAX = 52  # "every 53 weeks" and beyond is a yearly date, not a series
_ORDINAL_MAX = 5  # a month has at most five of any weekday
_MONTHDAY_MAX = 31


class PhraseError(ValueError):
    """An unknown phrase; str(error) is a message a planner can act on, which
    names the phrase and lists KNOWN_FORMS.

    ``phrase`` is the phrase as written and ``reason`` the part that was not
    understood, without the list of forms (for callers that show it elsewhere).
    """

    def __init__(self, phrase: str, reason: str) -> None:
        self.phrase = phrase
        self.reason = reason
        # One line: a finding is one line of `aarshjul check` output.
        forms = "; ".join(form.replace("  /  ", " / ") for form in KNOWN_FORMS)
        super().__init__(f'cannot read "{phrase}" as a recurrence: {reason}. Known forms: {forms}')


def phrase_to_rule(phrase: str) -> Rule:
    """'hver anden onsdag' -> the Rule FREQ=WEEKLY;INTERVAL=2;BYDAY=WE. Pure, no I/O.

    >>> str(phrase_to_rule("hver anden onsdag"))
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'

    Raises PhraseError (and nothing else) for a phrase it cannot read.
    """
    try:
        return _build(_read(_Reader(phrase)))
    except _Unreadable as problem:
        raise PhraseError(phrase, problem.reason) from None


# --- Word tables -----------------------------------------------------------
#
# Keys are spelled properly; the reader looks words up through _fold, so a
# planner on a keyboard without æ, ø and å can write "lordag" or "maaned".

_WORKDAYS = (0, 1, 2, 3, 4)

# Danish says "onsdage" (plural), "onsdagen" ("om onsdagen") and "onsdagene";
# English only adds an s.
_WEEKDAY_WORDS: dict[str, int] = {
    **{
        name + ending: day
        for day, name in enumerate(DANISH_DAYS)
        for ending in ("", "e", "en", "ene")
    },
    **{name + ending: day for day, name in enumerate(ENGLISH_DAYS) for ending in ("", "s")},
}

# Full names and the three-letter abbreviations both languages use in lists.
_MONTH_WORDS = MONTH_WORDS

# Ordinals that can say which weekday of a month; positive ones 2 and up can
# also be an interval ("hver anden onsdag" is every second Wednesday).
_ORDINAL_WORDS: dict[str, int] = {
    "første": 1, "anden": 2, "andet": 2, "tredje": 3, "fjerde": 4, "femte": 5,
    "fjortende": 14, "sidste": -1, "næstsidste": -2,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
    "fourteenth": 14, "last": -1, "penultimate": -2,
}  # fmt: skip

# Words that only ever count: "every other wednesday" has no place in a month.
_COUNT_WORDS: dict[str, int] = {"other": 2}

_ENGLISH_SUFFIXES = ("st", "nd", "rd", "th")  # 1st, 2nd, 3rd, 14th


class _Unit(enum.Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    WORKDAY = "workday"


_UNIT_WORDS: dict[str, _Unit] = {
    "dag": _Unit.DAY, "dage": _Unit.DAY, "day": _Unit.DAY, "days": _Unit.DAY,
    "uge": _Unit.WEEK, "uger": _Unit.WEEK, "week": _Unit.WEEK, "weeks": _Unit.WEEK,
    "måned": _Unit.MONTH, "måneden": _Unit.MONTH, "måneder": _Unit.MONTH,
    "month": _Unit.MONTH, "months": _Unit.MONTH,
    "hverdag": _Unit.WORKDAY, "hverdage": _Unit.WORKDAY,
    "weekday": _Unit.WORKDAY, "weekdays": _Unit.WORKDAY,
}  # fmt: skip

# One word for "every N units": "weekly on wednesday", "fortnightly".
_ADVERB_WORDS: dict[str, tuple[int, _Unit]] = {
    "dagligt": (1, _Unit.DAY), "daily": (1, _Unit.DAY),
    "ugentligt": (1, _Unit.WEEK), "weekly": (1, _Unit.WEEK),
    "biweekly": (2, _Unit.WEEK), "fortnightly": (2, _Unit.WEEK),
    "månedligt": (1, _Unit.MONTH), "monthly": (1, _Unit.MONTH),
}  # fmt: skip

_PARITY_WORDS: dict[str, int] = {"lige": 0, "even": 0, "ulige": 1, "odd": 1}

_EVERY = frozenset({"hver", "alle", "every", "each", "all"})
_ARTICLES = frozenset({"den", "the"})
_AND = frozenset({"og", "and", "&"})
_ON = frozenset({"om", "på", "on"})
_IN = frozenset({"i", "in", "of"})
_EXCEPT = frozenset({"undtagen", "except", "excluding", "ikke", "not"})
_BUT = frozenset({"dog", "men", "but"})  # "dog ikke i juli", "but not in july"
_APART = frozenset({"bortset"})  # "bortset fra juli"
_FROM = frozenset({"fra"})
_NUMBERED = frozenset({"numbered"})  # "in even-numbered weeks"
_WEEK_NUMBERS = frozenset({"ugenumre"})  # "i lige ugenumre"
_TO = frozenset({"to"})  # "second to last"


def _fold(word: str) -> str:
    return word.replace("æ", "ae").replace("ø", "o").replace("å", "a").replace("aa", "a")


# Every word the reader knows, folded -> proper spelling.
_TABLES: tuple[Collection[str], ...] = (
    _WEEKDAY_WORDS, _MONTH_WORDS, _ORDINAL_WORDS, _COUNT_WORDS, _UNIT_WORDS,
    _ADVERB_WORDS, _PARITY_WORDS, _EVERY, _ARTICLES, _AND, _ON, _IN, _EXCEPT,
    _BUT, _APART, _FROM, _NUMBERED, _WEEK_NUMBERS, _TO,
)  # fmt: skip
_SPELLING: dict[str, str] = {_fold(word): word for table in _TABLES for word in table}


# --- Tokens ----------------------------------------------------------------

# Punctuation only separates words: "hver 2. uge, onsdag", "second-last",
# "even-numbered", a trailing full stop. The full stop of a Danish ordinal
# ("2.") is kept by the tokenizer before this set is consulted.
_SEPARATORS = frozenset(",.;:-–—/()")
_DIGITS = frozenset("0123456789")  # ASCII only: int() of "²" would fail


def _tokenize(phrase: str) -> list[str]:
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
class _Number:
    """A number as written: "anden", "2.", "2nd", "2", "other", "sidste".

    ``ordinal`` says whether it can name a weekday of the month ("2. onsdag i
    måneden"); a bare "2" or "other" can only count ("every 2 weeks").
    """

    value: int
    ordinal: bool
    text: str


def _read_number(word: str) -> _Number | None:
    if word in _ORDINAL_WORDS:
        return _Number(_ORDINAL_WORDS[word], ordinal=True, text=word)
    if word in _COUNT_WORDS:
        return _Number(_COUNT_WORDS[word], ordinal=False, text=word)
    digits = "".join(itertools.takewhile(_DIGITS.__contains__, word))
    suffix = word[len(digits) :]
    if not digits or suffix not in ("", ".", *_ENGLISH_SUFFIXES):
        return None
    # Long digit strings are only ever out of range; int() of a huge one is
    # slow, and past 4300 digits it raises ValueError.
    value = int(digits) if len(digits) <= 4 else 10_000
    return _Number(value, ordinal=suffix != "", text=word)


# --- Reading ---------------------------------------------------------------


class _Unreadable(Exception):
    """Raised inside the reader; phrase_to_rule turns it into PhraseError."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_T = TypeVar("_T")


class _Reader:
    """The tokens of one phrase and a position in them."""

    def __init__(self, phrase: str) -> None:
        self.tokens = _tokenize(phrase)
        self.pos = 0

    def peek(self, ahead: int = 0) -> str:
        """The word ``ahead`` words on, in its proper spelling; "" past the end."""
        index = self.pos + ahead
        if index >= len(self.tokens):
            return ""
        token = self.tokens[index]
        return _SPELLING.get(_fold(token), token)

    def at_end(self) -> bool:
        return self.pos >= len(self.tokens)

    def accept(self, words: Collection[str]) -> bool:
        if self.peek() in words:
            self.pos += 1
            return True
        return False

    def lookup(self, table: Mapping[str, _T], ahead: int = 0) -> _T | None:
        return table.get(self.peek(ahead))

    def fail(self, expected: str) -> NoReturn:
        if not self.tokens:
            raise _Unreadable("the phrase is empty")
        if self.at_end():
            raise _Unreadable(f"it stops too early; expected {expected} at the end")
        written = self.tokens[self.pos]
        if _fold(written) not in _SPELLING and _read_number(written) is None:
            raise _Unreadable(f'unknown word "{written}"{_suggestion(written)}')
        raise _Unreadable(f'did not expect "{written}" here; expected {expected}')


def _suggestion(word: str) -> str:
    close = difflib.get_close_matches(_fold(word), _SPELLING, n=1, cutoff=0.8)
    return f' (did you mean "{_SPELLING[close[0]]}"?)' if close else ""


@dataclass
class _Group:
    """Weekdays and the ordinals before them: "2. og 4." + "onsdag"."""

    numbers: list[_Number]
    weekdays: list[int]


@dataclass
class _Slots:
    """What a phrase said, before anyone checks that it makes sense."""

    every: bool = False  # "hver", "every", "alle", or an adverb like "weekly"
    counts: list[_Number] = field(default_factory=list)  # "anden" in "hver anden uge"
    unit: _Unit | None = None  # "uge"; None when the phrase names weekdays
    unit_text: str = ""
    groups: list[_Group] = field(default_factory=list)  # "første mandag og tredje onsdag"
    monthdays: list[_Number] = field(default_factory=list)  # "1. og 15." in "den 1. og 15. i …"
    on_days: list[int] = field(default_factory=list)  # "om onsdagen" after a unit
    of_month: bool = False  # "i måneden", "of the month"
    parity: int | None = None  # 0 for even ISO weeks, 1 for odd
    excluded: list[int] = field(default_factory=list)  # "undtagen juli"


def _read(reader: _Reader) -> _Slots:
    """phrase := [den|the] [every] (adverb | days | [numbers] unit | numbers)
    [on weekdays] [in (parity weeks | [the|each] month)]
    [[but] (except | not | bortset fra) [in] months]"""
    slots = _Slots()
    reader.accept(_ARTICLES)
    slots.every = reader.accept(_EVERY)
    adverb = reader.lookup(_ADVERB_WORDS)
    if adverb is not None:
        count, slots.unit = adverb
        slots.counts = [_Number(count, ordinal=False, text=reader.peek())]
        slots.unit_text = reader.peek()
        slots.every = True
        reader.pos += 1
    else:
        _read_days(reader, slots)
    # "hver anden uge om onsdagen", "hver 2. uge, onsdag": a weekday for a unit.
    if slots.unit in (_Unit.WEEK, _Unit.DAY) and (
        reader.accept(_ON) or reader.lookup(_WEEKDAY_WORDS) is not None
    ):
        slots.on_days = _read_list(reader, _WEEKDAY_WORDS)
        if not slots.on_days:
            reader.fail("a weekday")
    if reader.accept(_IN):
        _read_in(reader, slots)
    if _accept_except(reader):
        slots.excluded = _read_list(reader, _MONTH_WORDS)
        if not slots.excluded:
            reader.fail("a month")
    if not reader.at_end():
        reader.fail("the end of the phrase")
    return slots


def _read_days(reader: _Reader, slots: _Slots) -> None:
    """Numbers, then a unit ("anden uge", "sidste hverdag") or weekdays, possibly
    several groups; or numbers alone before "i" ("den 15. i måneden")."""
    while True:
        numbers = _read_numbers(reader)
        unit = reader.lookup(_UNIT_WORDS)
        if unit is not None and not slots.groups:
            slots.counts = numbers
            slots.unit, slots.unit_text = unit, reader.peek()
            reader.pos += 1
            return
        if numbers and not slots.groups and reader.peek() in _IN:
            slots.monthdays = numbers  # the day of "den 15. (dag) i måneden" goes unsaid
            return
        weekdays = _read_list(reader, _WEEKDAY_WORDS)
        if not weekdays:
            reader.fail('a weekday, or "uge", "dag", "måned" ("week", "day", "month")')
        slots.groups.append(_Group(numbers, weekdays))
        # "første mandag og tredje onsdag": another group starts after "og".
        if skip := _before_number(reader):
            reader.pos += skip
            continue
        return


def _read_numbers(reader: _Reader) -> list[_Number]:
    """ "2. og 4.", "first and third", "second to last"; [] if no number."""
    numbers: list[_Number] = []
    while (number := _read_number(reader.peek())) is not None:
        reader.pos += 1
        # "second last" / "second to last" / "2. sidste" count from the end.
        if number.ordinal and number.value >= 2:
            back = 1 if reader.lookup(_ORDINAL_WORDS) == -1 else 0
            if reader.peek() in _TO and reader.lookup(_ORDINAL_WORDS, ahead=1) == -1:
                back = 2
            if back:
                words = [number.text, *(reader.peek(ahead) for ahead in range(back))]
                reader.pos += back
                number = _Number(-number.value, ordinal=True, text=" ".join(words))
        numbers.append(number)
        if not (skip := _before_number(reader)):
            break
        reader.pos += skip
    return numbers


def _before_number(reader: _Reader) -> int:
    """The words ("og", "og den", "and the") before another number; 0 if none follows."""
    if reader.peek() not in _AND:
        return 0
    skip = 2 if reader.peek(1) in _ARTICLES else 1
    return skip if _read_number(reader.peek(skip)) is not None else 0


def _read_list(reader: _Reader, table: Mapping[str, int]) -> list[int]:
    """ "tirsdag og torsdag", "juli, august og december" (commas are gone)."""
    found: list[int] = []
    while (value := reader.lookup(table)) is not None:
        found.append(value)
        reader.pos += 1
        if reader.peek() in _AND and reader.lookup(table, ahead=1) is not None:
            reader.pos += 1
    return found


def _read_in(reader: _Reader, slots: _Slots) -> None:
    """After "i"/"in"/"of": "lige uger", "even-numbered weeks", "(hver) måned(en)"."""
    parity = reader.lookup(_PARITY_WORDS)
    if parity is not None:
        reader.pos += 1
        reader.accept(_NUMBERED)
        if reader.lookup(_UNIT_WORDS) is not _Unit.WEEK and reader.peek() not in _WEEK_NUMBERS:
            reader.fail('"uger" ("weeks")')
        reader.pos += 1
        slots.parity = parity
        return
    reader.accept(_EVERY | _ARTICLES)
    if reader.lookup(_UNIT_WORDS) is not _Unit.MONTH:
        reader.fail('"måneden", "lige uger" or "ulige uger" ("the month", "even/odd weeks")')
    reader.pos += 1
    slots.of_month = True


def _accept_except(reader: _Reader) -> bool:
    """ "undtagen (i)", "dog/men ikke i", "bortset fra", "(but) not in", "excluding"."""
    but = reader.accept(_BUT)
    if reader.accept(_APART):
        if not reader.accept(_FROM):
            reader.fail('"fra" after "bortset"')
    elif not reader.accept(_EXCEPT):
        if but:
            reader.fail('"ikke" or "undtagen" ("not" or "except")')
        return False
    reader.accept(_IN)
    return True


# --- Checking and building ------------------------------------------------


def _build(slots: _Slots) -> Rule:
    """The rule the slots say, or _Unreadable with what does not fit."""
    if slots.of_month or slots.monthdays:
        rule = _in_month(slots)
    elif slots.unit is None:
        rule = _by_weekday(slots)
    else:
        rule = _by_unit(slots)
    if slots.parity is not None:
        rule = _in_parity_weeks(rule, slots)
    if slots.excluded:
        months = tuple(sorted(set(range(1, 13)) - set(slots.excluded)))
        if not months:
            raise _Unreadable("every month is left out")
        try:
            rule = attrs.evolve(rule, by_month=months)
        except NeverOccurs:
            raise _Unreadable(
                f"the months that are left have at most {longest_month(months)} days, "
                f'so "{_numbers_text(slots.monthdays or slots.counts)}" never comes'
            ) from None
    return rule


def _days(days: Iterable[tuple[int, int]]) -> tuple[ByDay, ...]:
    """(position, weekday) pairs, position 0 for every such weekday, as BYDAY:
    Monday first; with positions 1MO,3MO before -2FR,-1FR (from the end last)."""
    ordered = sorted(set(days), key=lambda day: (*_from_the_end_last(day[0]), day[1]))
    return tuple(ByDay(weekday, position=position or None) for position, weekday in ordered)


def _every(weekdays: Iterable[int]) -> tuple[ByDay, ...]:
    return _days((0, weekday) for weekday in weekdays)


def _from_the_end_last(position: int) -> tuple[bool, int]:
    return position < 0, position


def _in_month(slots: _Slots) -> Rule:
    """ "… i måneden": a weekday, a workday or a day of the month."""
    if not slots.of_month:
        raise _Unreadable(
            f'"{_numbers_text(slots.monthdays)}" is a day of the month; '
            'end with "i måneden" ("of the month")'
        )
    if slots.monthdays or slots.unit is _Unit.DAY:
        return _by_day_of_month(slots)
    if slots.unit is _Unit.WORKDAY:
        return _by_workday_of_month(slots)
    return _by_position(slots)


def _by_position(slots: _Slots) -> Rule:
    """ "2. og 4. onsdag i måneden", "last friday of the month"."""
    if slots.unit is not None or not slots.groups:
        raise _Unreadable(
            '"i måneden" ("of the month") goes after a weekday, like "første onsdag i måneden"'
        )
    days: list[tuple[int, int]] = []
    for group in slots.groups:
        if not group.numbers:
            raise _Unreadable(
                'say which weekday of the month, like "første onsdag i måneden" '
                '("first wednesday of the month")'
            )
        positions = _positions(group.numbers, "weekday", _ORDINAL_MAX)
        days += [(position, day) for position in positions for day in group.weekdays]
    return Rule(freq=Frequency.MONTHLY, by_day=_days(days))


def _by_workday_of_month(slots: _Slots) -> Rule:
    """ "sidste hverdag i måneden", "first and last weekday of the month".

    The month's workdays, Monday to Friday, then the first or last of them
    (BYSETPOS); holidays are moved later, like any other date's.
    """
    if not slots.counts:
        raise _Unreadable(
            'say which workday of the month, like "sidste hverdag i måneden" '
            '("last weekday of the month")'
        )
    _not_counting(slots, "workday")
    return Rule(
        freq=Frequency.MONTHLY,
        by_day=_every(_WORKDAYS),
        by_set_position=_positions(slots.counts, "workday", _ORDINAL_MAX),
    )


def _by_day_of_month(slots: _Slots) -> Rule:
    """ "den 15. i måneden", "den 1. og 15. i hver måned", "the last day of the month"."""
    numbers = slots.monthdays or slots.counts
    if not numbers:
        raise _Unreadable(
            'say which day of the month, like "den 15. i måneden" ("the 15th of the month")'
        )
    if slots.on_days:
        raise _Unreadable("a day of the month cannot also be on a weekday")
    _not_counting(slots, "day")
    return Rule(freq=Frequency.MONTHLY,
                by_month_day=_positions(numbers, "day", _MONTHDAY_MAX))


def _not_counting(slots: _Slots, thing: str) -> None:
    """ "hver anden dag i måneden" says every other day: refuse to guess the 2nd."""
    if not slots.every:
        return
    for count in slots.counts:
        if count.value >= 2:
            raise _Unreadable(
                f'after "hver" ("every"), "{count.text} {slots.unit_text}" is an interval; '
                f'for one {thing} of the month, leave out "hver" ("every")'
            )


def _positions(numbers: list[_Number], thing: str, limit: int) -> tuple[int, ...]:
    """Which weekday, workday or day of the month: 1 to ``limit``, or from the
    end; from the start ascending, then from the end (1,15,-2,-1)."""
    for number in numbers:
        if not number.ordinal:
            raise _Unreadable(
                f'"{number.text}" cannot say which {thing} of the month; '
                'use "2." or "anden" ("2nd" or "second")'
            )
        if not 1 <= abs(number.value) <= limit:
            raise _Unreadable(
                f"the {thing} of the month must be 1. to {limit}., "
                f'"sidste" or "næstsidste" ("last", "second to last"), not "{number.text}"'
            )
    return tuple(sorted({number.value for number in numbers}, key=_from_the_end_last))


def _numbers_text(numbers: list[_Number]) -> str:
    return " og ".join(number.text for number in numbers)


def _by_weekday(slots: _Slots) -> Rule:
    """ "hver tirsdag og torsdag", "hver anden onsdag", "tuesdays"."""
    (group, *others) = slots.groups
    if others or len(group.numbers) > 1:
        raise _Unreadable('several weeks of the month need "i måneden" ("of the month") at the end')
    count = group.numbers[0] if group.numbers else None
    interval = _interval(count)
    if count is not None and not slots.every:
        raise _Unreadable(
            f'"{count.text}" needs "hver" ("every") before it, '
            'or "i måneden" ("of the month") after the weekday'
        )
    return Rule(freq=Frequency.WEEKLY, interval=interval, by_day=_every(group.weekdays))


def _by_unit(slots: _Slots) -> Rule:
    """ "hver anden uge (om onsdagen)", "hver 14. dag", "hver måned", "hverdage"."""
    count = _count(slots)
    if slots.unit is _Unit.WORKDAY:
        if count is not None:
            raise _Unreadable(
                f'"{count.text}" cannot count {slots.unit_text}; write "hverdage" '
                '("weekdays") for every weekday, or add "i måneden" ("of the month") '
                "for one workday a month"
            )
        return Rule(freq=Frequency.DAILY, by_day=_every(_WORKDAYS))
    if not slots.every:
        raise _Unreadable(f'write "hver" ("every") before "{slots.unit_text}"')
    interval = _interval(count)
    on_days = _every(slots.on_days)
    if slots.unit is _Unit.MONTH:
        return Rule(freq=Frequency.MONTHLY, interval=interval)
    if slots.unit is _Unit.DAY:
        # "hver 14. dag" is every other week on the start date's weekday;
        # WEEKLY says so, and lets "om onsdagen" pick the weekday.
        if interval % 7 == 0:
            return Rule(freq=Frequency.WEEKLY, interval=interval // 7, by_day=on_days)
        if on_days:
            raise _Unreadable(
                f"a weekday needs whole weeks, and {interval} days is not (try 7, 14, 21)"
            )
        return Rule(freq=Frequency.DAILY, interval=interval)
    return Rule(freq=Frequency.WEEKLY, interval=interval, by_day=on_days)


def _count(slots: _Slots) -> _Number | None:
    """The one number before a unit that repeats: "anden" in "hver anden uge"."""
    if len(slots.counts) > 1:
        raise _Unreadable(f'"{slots.unit_text}" takes one number, not a list')
    return slots.counts[0] if slots.counts else None


def _interval(count: _Number | None) -> int:
    if count is None:
        return 1
    if count.value < 0 or (count.ordinal and count.value == 1):
        raise _Unreadable(
            f'"{count.text}" is not an interval; for a weekday of the month '
            'add "i måneden" ("of the month")'
        )
    if not 1 <= count.value <= _INTERVAL_MAX:
        raise _Unreadable(f'the interval must be 1 to {_INTERVAL_MAX}, not "{count.text}"')
    return count.value


def _in_parity_weeks(rule: Rule, slots: _Slots) -> Rule:
    """ "onsdag i lige uger": the weekdays of even (or odd) ISO weeks.

    Parity is not an interval: a 53-week year puts week 53 and week 1, both
    odd, next to each other. So the rule lists the week numbers, which only a
    YEARLY rule can (RFC 5545 allows BYWEEKNO only there).
    """
    if rule.freq not in (Frequency.WEEKLY, Frequency.DAILY) or not rule.by_day:
        raise _Unreadable(
            'say which weekday, like "onsdag i lige uger" ("wednesday in even weeks")'
        )
    if rule.interval != 1 or any(count.value != 1 for count in slots.counts):
        raise _Unreadable(
            '"lige/ulige uger" already picks every other week; it cannot take an '
            'interval like "hver anden" as well'
        )
    first = 2 if slots.parity == 0 else 1
    weeks = tuple(range(first, _WEEKS_PER_YEAR_MAX + 1, 2))
    return Rule(freq=Frequency.YEARLY, by_week_number=weeks, by_day=rule.by_day)
