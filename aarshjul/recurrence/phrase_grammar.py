"""The grammar of recurrence phrases: tokens -> slots.

The second step of reading ``every = "hver anden onsdag"``. A small grammar
fills slots (how often, which weekdays, which week, workday or day of the
month, even or odd weeks, months left out) without judging whether they fit
together; ``phrase_rule`` does that, so that its errors can say which part of
the phrase does not fit with which. What the grammar refuses is words it does
not know, or words where they cannot stand.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from typing import NoReturn, TypeVar

from aarshjul.messages import Message, _
from aarshjul.recurrence.phrase_words import (
    ADVERB_WORDS,
    AND,
    APART,
    ARTICLES,
    BUT,
    EVERY,
    EXCEPT,
    FROM,
    IN,
    MONTH_NAMES,
    NUMBERED,
    ON,
    ORDINAL_WORDS,
    PARITY_WORDS,
    TO,
    UNIT_WORDS,
    WEEK_NUMBERS,
    WEEKDAY_WORDS,
    Number,
    Unit,
    Unreadable,
    is_known,
    read_number,
    spelled,
    tokenize,
    unknown_word,
)

_T = TypeVar("_T")


class _Reader:
    """The tokens of one phrase and a position in them."""

    def __init__(self, phrase: str) -> None:
        self.tokens = tokenize(phrase)
        self.pos = 0

    def peek(self, ahead: int = 0) -> str:
        """The word ``ahead`` words on, in its proper spelling; "" past the end."""
        index = self.pos + ahead
        if index >= len(self.tokens):
            return ""
        return spelled(self.tokens[index])

    def at_end(self) -> bool:
        return self.pos >= len(self.tokens)

    def accept(self, words: Collection[str]) -> bool:
        if self.peek() in words:
            self.pos += 1
            return True
        return False

    def lookup(self, table: Mapping[str, _T], ahead: int = 0) -> _T | None:
        return table.get(self.peek(ahead))

    def fail(self, expected: Message) -> NoReturn:
        if not self.tokens:
            raise Unreadable(_("the phrase is empty"))
        if self.at_end():
            raise Unreadable(_("it stops too early; expected {expected} at the end",
                               expected=expected))
        written = self.tokens[self.pos]
        if not is_known(written):
            raise Unreadable(unknown_word(written))
        raise Unreadable(_('did not expect "{word}" here; expected {expected}', word=written,
                           expected=expected))


@dataclass
class Group:
    """Weekdays and the ordinals before them: "2. og 4." + "onsdag"."""

    numbers: list[Number]
    weekdays: list[int]


@dataclass
class Slots:
    """What a phrase said, before anyone checks that it makes sense."""

    every: bool = False  # "hver", "every", "alle", or an adverb like "weekly"
    counts: list[Number] = field(default_factory=list)  # "anden" in "hver anden uge"
    unit: Unit | None = None  # "uge"; None when the phrase names weekdays
    unit_text: str = ""
    groups: list[Group] = field(default_factory=list)  # "første mandag og tredje onsdag"
    monthdays: list[Number] = field(default_factory=list)  # "1. og 15." in "den 1. og 15. i …"
    on_days: list[int] = field(default_factory=list)  # "om onsdagen" after a unit
    of_month: bool = False  # "i måneden", "of the month"
    parity: int | None = None  # 0 for even ISO weeks, 1 for odd
    weeks_of_month: list[Number] = field(default_factory=list)  # "3." in "mandag i 3. uge"
    week_text: str = ""  # "uge" in "mandag i 3. uge"
    excluded: list[int] = field(default_factory=list)  # "undtagen juli"
    # The words that leave the months out, as written ("undtagen i juli"):
    # said again when the rest of the phrase is said another way.
    except_words: list[str] = field(default_factory=list, compare=False)


def read_slots(phrase: str) -> Slots:
    """phrase := [den|the] [every] (adverb | days | [numbers] unit | numbers)
    [on weekdays] [in (parity weeks | [the] numbers week [in month] | [the|each] month)]
    [[but] (except | not | bortset fra) [in] months]

    Raises :class:`Unreadable` for a word it does not know or cannot place.
    """
    reader = _Reader(phrase)
    slots = Slots()
    reader.accept(ARTICLES)
    slots.every = reader.accept(EVERY)
    adverb = reader.lookup(ADVERB_WORDS)
    if adverb is not None:
        count, slots.unit = adverb
        slots.counts = [Number(count, ordinal=False, text=reader.peek())]
        slots.unit_text = reader.peek()
        slots.every = True
        reader.pos += 1
    else:
        _read_days(reader, slots)
    # "hver anden uge om onsdagen", "hver 2. uge, onsdag": a weekday for a unit.
    if slots.unit in (Unit.WEEK, Unit.DAY) and (
        reader.accept(ON) or reader.lookup(WEEKDAY_WORDS) is not None
    ):
        slots.on_days = _read_list(reader, WEEKDAY_WORDS)
        if not slots.on_days:
            reader.fail(_("a weekday"))
    if reader.accept(IN):
        _read_in(reader, slots)
    said_from = reader.pos
    if _accept_except(reader):
        slots.except_words = reader.tokens[said_from:]
        slots.excluded = _read_list(reader, MONTH_NAMES)
        if not slots.excluded:
            reader.fail(_("a month"))
    if not reader.at_end():
        reader.fail(_("the end of the phrase"))
    return slots


def _read_days(reader: _Reader, slots: Slots) -> None:
    """Numbers, then a unit ("anden uge", "sidste hverdag") or weekdays, possibly
    several groups; or numbers alone before "i" ("den 15. i måneden")."""
    while True:
        numbers = _read_numbers(reader)
        unit = reader.lookup(UNIT_WORDS)
        if unit is not None and not slots.groups:
            slots.counts = numbers
            slots.unit, slots.unit_text = unit, reader.peek()
            reader.pos += 1
            return
        if numbers and not slots.groups and reader.peek() in IN:
            slots.monthdays = numbers  # the day of "den 15. (dag) i måneden" goes unsaid
            return
        weekdays = _read_list(reader, WEEKDAY_WORDS)
        if not weekdays:
            reader.fail(_('a weekday, or "uge", "dag", "måned" ("week", "day", "month")'))
        slots.groups.append(Group(numbers, weekdays))
        # "første mandag og tredje onsdag": another group starts after "og".
        if skip := _before_number(reader):
            reader.pos += skip
            continue
        return


def _read_numbers(reader: _Reader) -> list[Number]:
    """ "2. og 4.", "first and third", "second to last"; [] if no number."""
    numbers: list[Number] = []
    while (number := read_number(reader.peek())) is not None:
        reader.pos += 1
        # "second last" / "second to last" / "2. sidste" count from the end.
        if number.ordinal and number.value >= 2:
            back = 1 if reader.lookup(ORDINAL_WORDS) == -1 else 0
            if reader.peek() in TO and reader.lookup(ORDINAL_WORDS, ahead=1) == -1:
                back = 2
            if back:
                words = [number.text, *(reader.peek(ahead) for ahead in range(back))]
                reader.pos += back
                number = Number(-number.value, ordinal=True, text=" ".join(words))
        numbers.append(number)
        if not (skip := _before_number(reader)):
            break
        reader.pos += skip
    return numbers


def _before_number(reader: _Reader) -> int:
    """The words ("og", "og den", "and the") before another number; 0 if none follows."""
    if reader.peek() not in AND:
        return 0
    skip = 2 if reader.peek(1) in ARTICLES else 1
    return skip if read_number(reader.peek(skip)) is not None else 0


def _read_list(reader: _Reader, table: Mapping[str, int]) -> list[int]:
    """ "tirsdag og torsdag", "juli, august og december" (commas are gone)."""
    found: list[int] = []
    while (value := reader.lookup(table)) is not None:
        found.append(value)
        reader.pos += 1
        if reader.peek() in AND and reader.lookup(table, ahead=1) is not None:
            reader.pos += 1
    return found


def _read_in(reader: _Reader, slots: Slots) -> None:
    """After "i"/"in"/"of": "lige uger", "even-numbered weeks", "3. uge (i måneden)",
    "(hver) måned(en)"."""
    parity = reader.lookup(PARITY_WORDS)
    if parity is not None:
        reader.pos += 1
        reader.accept(NUMBERED)
        if reader.lookup(UNIT_WORDS) is not Unit.WEEK and reader.peek() not in WEEK_NUMBERS:
            reader.fail(_('"uger" ("weeks")'))
        reader.pos += 1
        slots.parity = parity
        return
    if reader.peek() in ARTICLES and read_number(reader.peek(1)) is not None:
        reader.pos += 1  # "in the third week"
    if numbers := _read_numbers(reader):
        # "mandag i 3. uge": the week of the month, then perhaps "i måneden".
        if reader.lookup(UNIT_WORDS) is not Unit.WEEK:
            reader.fail(_('"uge" ("week")'))
        slots.weeks_of_month, slots.week_text = numbers, reader.peek()
        reader.pos += 1
        if not reader.accept(IN):
            return
    reader.accept(EVERY | ARTICLES)
    if reader.lookup(UNIT_WORDS) is not Unit.MONTH:
        reader.fail(_('"måneden", "3. uge", "lige uger" or "ulige uger" '
                      '("the month", "even/odd weeks")'))
    reader.pos += 1
    slots.of_month = True


def _accept_except(reader: _Reader) -> bool:
    """ "undtagen (i)", "dog/men ikke i", "bortset fra", "(but) not in", "excluding"."""
    but = reader.accept(BUT)
    if reader.accept(APART):
        if not reader.accept(FROM):
            reader.fail(_('"fra" after "bortset"'))
    elif not reader.accept(EXCEPT):
        if but:
            reader.fail(_('"ikke" or "undtagen" ("not" or "except")'))
        return False
    reader.accept(IN)
    return True
