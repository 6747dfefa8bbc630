"""Slots -> Rule: what a phrase's parts mean together.

The last step of reading ``every = "hver anden onsdag"``: the slots that
``phrase_grammar`` filled are checked together (a day of the month cannot
also be on a weekday; "lige uger" cannot take an interval) and become a
:class:`~aarshjul.recurrence.rule.Rule`. The Rule checks its own invariants;
where it refuses (a day of the month that no month left has), the refusal is
said again in the planner's words.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from aarshjul.messages import Message, _
from aarshjul.recurrence.parts import ByDay, Frequency, NeverOccurs, longest_month
from aarshjul.recurrence.phrase_grammar import Slots
from aarshjul.recurrence.phrase_words import WORKDAYS, Number, TwoWays, Unit, Unreadable
from aarshjul.recurrence.rule import Rule
from aarshjul.vocabulary import DANISH_DAYS, ENGLISH_DAYS, danish_list

_WEEKS_PER_YEAR_MAX = 53  # an ISO year has 52 or 53 weeks
_INTERVAL_MAX = 52  # "every 53 weeks" and beyond is a yearly date, not a series
_ORDINAL_MAX = 5  # a month has at most five of any weekday
_MONTHDAY_MAX = 31
# "uge": "3. uge om mandagen" and "mandag i 3. uge" are Danish plans' way to
# say the third Monday of the month. English has no such idiom, and its "third
# week of the month" is counted in more than one way: it is not read.
_DANISH_WEEK = frozenset({"uge", "uger"})
# What a number in a phrase picks in a month, as messages say it.
_WEEKDAY, _WORKDAY, _DAY = _("weekday"), _("workday"), _("day")


def slots_to_rule(slots: Slots) -> Rule:
    """The rule the slots say, or :class:`Unreadable` with what does not fit."""
    if slots.weeks_of_month:
        rule = _in_week_of_month(slots)
    elif slots.of_month or slots.monthdays:
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
            raise Unreadable(_("every month is left out"))
        try:
            rule = attrs.evolve(rule, by_month=months)
        except NeverOccurs:
            raise Unreadable(_(
                'the months that are left have at most {days} days, so "{numbers}" never comes',
                days=longest_month(months), numbers=_numbers_text(slots.monthdays or slots.counts)
            )) from None
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


def _in_month(slots: Slots) -> Rule:
    """ "… i måneden": a weekday, a workday or a day of the month."""
    if not slots.of_month:
        raise Unreadable(_(
            '"{numbers}" is a day of the month; end with "i måneden" ("of the month")',
            numbers=_numbers_text(slots.monthdays)
        ))
    if slots.monthdays or slots.unit is Unit.DAY:
        return _by_day_of_month(slots)
    if slots.unit is Unit.WEEK and slots.on_days:  # "4. uge om mandagen i måneden"
        _danish_week(slots.unit_text)
        return _weekdays_of_month(slots.counts, slots.on_days)
    if slots.unit is Unit.WORKDAY:
        return _by_workday_of_month(slots)
    return _by_position(slots)


def _by_position(slots: Slots) -> Rule:
    """ "2. og 4. onsdag i måneden", "last friday of the month"."""
    if slots.unit is not None or not slots.groups:
        raise Unreadable(_(
            '"i måneden" ("of the month") goes after a weekday, like "første onsdag i måneden"'
        ))
    days = [day for group in slots.groups
            for day in _weekdays_of_month(group.numbers, group.weekdays).by_day]
    return Rule(freq=Frequency.MONTHLY,
                by_day=_days((day.position or 0, day.weekday) for day in days))


def _in_week_of_month(slots: Slots) -> Rule:
    """ "mandag i 3. uge", "mandag og torsdag i 2. og 4. uge (i måneden)"."""
    if slots.unit is not None or slots.monthdays or len(slots.groups) != 1 or (
        slots.groups[0].numbers
    ):
        raise Unreadable(_(
            '"i {weeks} {week}" goes after weekdays alone, like "mandag i 3. uge"',
            weeks=_numbers_text(slots.weeks_of_month), week=slots.week_text
        ))
    _danish_week(slots.week_text)
    return _weekdays_of_month(slots.weeks_of_month, slots.groups[0].weekdays)


def _danish_week(word: str) -> None:
    if word not in _DANISH_WEEK:
        raise Unreadable(_(
            'a week of the month is counted in more than one way; say which weekday '
            'of the month, like "third monday of the month"'
        ))


def _weekdays_of_month(numbers: list[Number], weekdays: list[int]) -> Rule:
    """The weekdays in the weeks of the month ``numbers`` name: "3." is the
    third of each weekday (BYDAY=3MO), whatever day the month starts on."""
    if not numbers:
        raise Unreadable(_(
            'say which weekday of the month, like "første onsdag i måneden" '
            '("first wednesday of the month")'
        ))
    positions = _positions(numbers, _WEEKDAY, _ORDINAL_MAX)
    return Rule(freq=Frequency.MONTHLY,
                by_day=_days((position, day) for position in positions for day in weekdays))


def _by_workday_of_month(slots: Slots) -> Rule:
    """ "sidste hverdag i måneden", "first and last weekday of the month".

    The month's workdays, Monday to Friday, then the first or last of them
    (BYSETPOS); holidays are moved later, like any other date's.
    """
    if not slots.counts:
        raise Unreadable(_(
            'say which workday of the month, like "sidste hverdag i måneden" '
            '("last weekday of the month")'
        ))
    _not_counting(slots, _WORKDAY)
    return Rule(
        freq=Frequency.MONTHLY,
        by_day=_every(WORKDAYS),
        by_set_position=_positions(slots.counts, _WORKDAY, _ORDINAL_MAX),
    )


def _by_day_of_month(slots: Slots) -> Rule:
    """ "den 15. i måneden", "den 1. og 15. i hver måned", "the last day of the month"."""
    numbers = slots.monthdays or slots.counts
    if not numbers:
        raise Unreadable(_(
            'say which day of the month, like "den 15. i måneden" ("the 15th of the month")'
        ))
    if slots.on_days:
        raise Unreadable(_("a day of the month cannot also be on a weekday"))
    _not_counting(slots, _DAY)
    return Rule(freq=Frequency.MONTHLY,
                by_month_day=_positions(numbers, _DAY, _MONTHDAY_MAX))


def _not_counting(slots: Slots, thing: Message) -> None:
    """ "hver anden dag i måneden" says every other day: refuse to guess the 2nd."""
    if not slots.every:
        return
    for count in slots.counts:
        if count.value >= 2:
            raise Unreadable(_(
                'after "hver" ("every"), "{count} {unit}" is an interval; '
                'for one {thing} of the month, leave out "hver" ("every")',
                count=count.text, unit=slots.unit_text, thing=thing
            ))


def _positions(numbers: list[Number], thing: Message, limit: int) -> tuple[int, ...]:
    """Which weekday, workday or day of the month: 1 to ``limit``, or from the
    end; from the start ascending, then from the end (1,15,-2,-1)."""
    for number in numbers:
        if not number.ordinal:
            raise Unreadable(_(
                '"{number}" cannot say which {thing} of the month; '
                'use "2." or "anden" ("2nd" or "second")', number=number.text, thing=thing
            ))
        if not 1 <= abs(number.value) <= limit:
            raise Unreadable(_(
                "the {thing} of the month must be 1. to {limit}., "
                '"sidste" or "næstsidste" ("last", "second to last"), not "{number}"',
                thing=thing, limit=limit, number=number.text
            ))
    return tuple(sorted({number.value for number in numbers}, key=_from_the_end_last))


def _numbers_text(numbers: list[Number]) -> str:
    return " og ".join(number.text for number in numbers)


def _by_weekday(slots: Slots) -> Rule:
    """ "hver tirsdag og torsdag", "hver anden onsdag", "tuesdays"."""
    (group, *others) = slots.groups
    if others or len(group.numbers) > 1:
        raise Unreadable(_(
            'several weeks of the month need "i måneden" ("of the month") at the end'
        ))
    count = group.numbers[0] if group.numbers else None
    interval = _interval(count)
    if count is not None and not slots.every:
        raise Unreadable(_(
            '"{count}" needs "hver" ("every") before it, '
            'or "i måneden" ("of the month") after the weekday', count=count.text
        ))
    return Rule(freq=Frequency.WEEKLY, interval=interval, by_day=_every(group.weekdays))


def _by_unit(slots: Slots) -> Rule:
    """ "hver anden uge", "hver 14. dag", "hver måned", "hverdage", "3. uge om mandagen"."""
    if slots.unit is Unit.WEEK and slots.on_days and slots.unit_text in _DANISH_WEEK and (
        slots.parity is None
    ):
        rule = _week_on_weekdays(slots)
        if rule is not None:
            return rule
    count = _count(slots)
    if slots.unit is Unit.WORKDAY:
        if count is not None:
            raise Unreadable(_(
                '"{count}" cannot count {unit}; write "hverdage" '
                '("weekdays") for every weekday, or add "i måneden" ("of the month") '
                "for one workday a month", count=count.text, unit=slots.unit_text
            ))
        return Rule(freq=Frequency.DAILY, by_day=_every(WORKDAYS))
    if not slots.every:
        if slots.unit is Unit.WEEK and slots.on_days and count is not None and count.ordinal:
            # "3rd week on monday": the Danish idiom in English words.
            day = ENGLISH_DAYS[slots.on_days[0]]
            raise Unreadable(_(
                'write "{count} {day} of the month" for that weekday of each month, or '
                '"every {number} weeks on {day}"', count=count.text, day=day,
                number=count.value) if count.value > 1 else _(
                'write "{count} {day} of the month" for that weekday of each month',
                count=count.text, day=day))
        raise Unreadable(_('write "hver" ("every") before "{unit}"', unit=slots.unit_text))
    interval = _interval(count)
    on_days = _every(slots.on_days)
    if slots.unit is Unit.MONTH:
        return Rule(freq=Frequency.MONTHLY, interval=interval)
    if slots.unit is Unit.DAY:
        # "hver 14. dag" is every other week on the start date's weekday;
        # WEEKLY says so, and lets "om onsdagen" pick the weekday.
        if interval % 7 == 0:
            return Rule(freq=Frequency.WEEKLY, interval=interval // 7, by_day=on_days)
        if on_days:
            raise Unreadable(_(
                "a weekday needs whole weeks, and {days} days is not (try 7, 14, 21)",
                days=interval
            ))
        return Rule(freq=Frequency.DAILY, interval=interval)
    return Rule(freq=Frequency.WEEKLY, interval=interval, by_day=on_days)


def _week_on_weekdays(slots: Slots) -> Rule | None:
    """ "3. uge om mandagen" is the third Monday of the month; None where the
    words can only be an interval ("hver uge om mandagen", "hver 6. uge …").

    "hver 4. uge om mandagen" is both: every fourth week, and each month's
    "4. uge om mandagen". Neither is guessed: the planner is shown both.
    """
    if not slots.counts:
        return None
    if not slots.every:  # "2 uger om mandagen" counts, and lacks its "hver"
        ordinal = all(number.ordinal for number in slots.counts)
        return _weekdays_of_month(slots.counts, slots.on_days) if ordinal else None
    in_month = all(number.ordinal and 1 <= abs(number.value) <= _ORDINAL_MAX
                   for number in slots.counts)
    if not in_month or [number.text for number in slots.counts] == ["anden"]:
        # "hver anden" is the idiom for every other, never "the second": "hver
        # anden uge om onsdagen" is every other week (and "hver 2. uge …" two ways).
        return None
    if len(slots.counts) == 1 and _is_interval(count := slots.counts[0]):
        raise _two_ways(slots, count)
    return _weekdays_of_month(slots.counts, slots.on_days)


def _is_interval(count: Number) -> bool:
    try:
        _interval(count)
    except Unreadable:
        return False
    return True


def _two_ways(slots: Slots, count: Number) -> TwoWays:
    """Both readings of "hver 4. uge om mandagen", each in words with one reading."""
    days = [DANISH_DAYS[day] for day in dict.fromkeys(slots.on_days)]
    said = danish_list(days)
    rest = "".join(" " + word for word in slots.except_words)
    return TwoWays(_(
        'it can be read two ways: "{weekly}" (every {count} weeks) or "{monthly}" '
        "(a weekday of the month); write the one you mean",
        weekly=f"hver {count.text} {said}{rest}", count=count.value,
        monthly=f"{count.text} {said} i måneden{rest}"
    ))


def _count(slots: Slots) -> Number | None:
    """The one number before a unit that repeats: "anden" in "hver anden uge"."""
    if len(slots.counts) > 1:
        raise Unreadable(_('"{unit}" takes one number, not a list', unit=slots.unit_text))
    return slots.counts[0] if slots.counts else None


def _interval(count: Number | None) -> int:
    if count is None:
        return 1
    if count.value < 0 or (count.ordinal and count.value == 1):
        raise Unreadable(_(
            '"{count}" is not an interval; for a weekday of the month '
            'add "i måneden" ("of the month")', count=count.text
        ))
    if not 1 <= count.value <= _INTERVAL_MAX:
        raise Unreadable(_('the interval must be 1 to {most}, not "{count}"',
                           most=_INTERVAL_MAX, count=count.text))
    return count.value


def _in_parity_weeks(rule: Rule, slots: Slots) -> Rule:
    """ "onsdag i lige uger": the weekdays of even (or odd) ISO weeks.

    Parity is not an interval: a 53-week year puts week 53 and week 1, both
    odd, next to each other. So the rule lists the week numbers, which only a
    YEARLY rule can (RFC 5545 allows BYWEEKNO only there).
    """
    if rule.freq not in (Frequency.WEEKLY, Frequency.DAILY) or not rule.by_day:
        raise Unreadable(_(
            'say which weekday, like "onsdag i lige uger" ("wednesday in even weeks")'
        ))
    if rule.interval != 1 or any(count.value != 1 for count in slots.counts):
        raise Unreadable(_(
            '"lige/ulige uger" already picks every other week; it cannot take an '
            'interval like "hver anden" as well'
        ))
    first = 2 if slots.parity == 0 else 1
    weeks = tuple(range(first, _WEEKS_PER_YEAR_MAX + 1, 2))
    return Rule(freq=Frequency.YEARLY, by_week_number=weeks, by_day=rule.by_day)
