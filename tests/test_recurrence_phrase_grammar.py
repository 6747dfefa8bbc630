"""recurrence.phrase_grammar: tokens -> slots, without judging what they mean.

The grammar only places words; whether the words make sense together is
phrase_rule's to say (test_recurrence_phrase_rule). So some of the phrases here read
into slots although no rule will come of them.
"""

from __future__ import annotations

import pytest

from aarshjul.recurrence.phrase_grammar import Group, Slots, read_slots
from aarshjul.recurrence.phrase_words import Number, Unit, Unreadable

MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY = range(5)


def ordinal(value: int, text: str) -> Number:
    return Number(value, ordinal=True, text=text)


def test_weekdays_with_an_interval() -> None:
    assert read_slots("hver anden onsdag") == Slots(
        every=True, groups=[Group([ordinal(2, "anden")], [WEDNESDAY])])
    assert read_slots("tirsdage og torsdage") == Slots(groups=[Group([], [TUESDAY, THURSDAY])])


def test_weekdays_of_the_month_in_groups() -> None:
    assert read_slots("2. og 4. onsdag i måneden") == Slots(
        groups=[Group([ordinal(2, "2."), ordinal(4, "4.")], [WEDNESDAY])], of_month=True)
    assert read_slots("første mandag og tredje onsdag i måneden").groups == [
        Group([ordinal(1, "første")], [MONDAY]), Group([ordinal(3, "tredje")], [WEDNESDAY])]


def test_counting_from_the_end_keeps_the_words() -> None:
    (group,) = read_slots("second to last friday of the month").groups
    assert group == Group([ordinal(-2, "second to last")], [FRIDAY])
    (group,) = read_slots("2. sidste fredag i måneden").groups
    assert group.numbers == [ordinal(-2, "2. sidste")]


def test_a_unit_with_a_count_and_a_weekday() -> None:
    # Read, not judged: phrase_rule says that this one can be read two ways.
    slots = read_slots("hver anden uge om onsdagen")
    assert (slots.every, slots.counts, slots.unit, slots.unit_text, slots.on_days) == (
        True, [ordinal(2, "anden")], Unit.WEEK, "uge", [WEDNESDAY])
    assert read_slots("hver 2. uge, onsdag").on_days == [WEDNESDAY]
    assert read_slots("3. uge om mandagen") == Slots(
        counts=[ordinal(3, "3.")], unit=Unit.WEEK, unit_text="uge", on_days=[MONDAY])


def test_the_week_of_the_month_after_the_weekdays() -> None:
    assert read_slots("mandag i 3. uge") == Slots(
        groups=[Group([], [MONDAY])], weeks_of_month=[ordinal(3, "3.")], week_text="uge")
    slots = read_slots("mandag og torsdag i den 2. og sidste uge i måneden")
    assert (slots.groups, slots.weeks_of_month, slots.of_month) == (
        [Group([], [MONDAY, THURSDAY])], [ordinal(2, "2."), ordinal(-1, "sidste")], True)
    assert read_slots("monday in the third week").week_text == "week"


def test_the_words_that_leave_months_out_are_kept_as_written() -> None:
    assert read_slots("hver 4. uge om mandagen, dog ikke i Juli").except_words == [
        "dog", "ikke", "i", "juli"]
    assert read_slots("hver onsdag").except_words == []


def test_an_adverb_is_every_one_unit() -> None:
    slots = read_slots("fortnightly on wednesday")
    assert (slots.every, slots.counts, slots.unit, slots.on_days) == (
        True, [Number(2, ordinal=False, text="fortnightly")], Unit.WEEK, [WEDNESDAY])


def test_days_of_the_month_go_unsaid() -> None:
    slots = read_slots("den 1. og den 15. i hver måned")
    assert (slots.monthdays, slots.of_month, slots.groups) == (
        [ordinal(1, "1."), ordinal(15, "15.")], True, [])


def test_parity_and_months_left_out() -> None:
    assert read_slots("onsdag i lige uger").parity == 0
    assert read_slots("wednesdays in odd-numbered weeks").parity == 1
    assert read_slots("onsdag i ulige ugenumre").parity == 1
    assert read_slots("hver onsdag, dog ikke i juli og august").excluded == [7, 8]
    assert read_slots("every wednesday excluding jul, aug and dec").excluded == [7, 8, 12]
    assert read_slots("hver onsdag bortset fra juli").excluded == [7]


def test_the_grammar_places_words_it_will_not_judge() -> None:
    # Both read; phrase_rule refuses them (an interval with parity; an ordinal
    # as an interval).
    assert read_slots("hver anden onsdag i lige uger").parity == 0
    assert read_slots("hver første onsdag").groups == [Group([ordinal(1, "første")], [WEDNESDAY])]


UNREADABLE_WORDS = [
    ("", "the phrase is empty"),
    ("   .  ", "the phrase is empty"),
    ("hver blå onsdag", 'unknown word "blå"'),
    ("hver onsdagn", 'unknown word "onsdagn" (did you mean'),
    ("sjette onsdag i måneden", 'unknown word "sjette"'),
    ("sixth to last friday of the month", 'unknown word "sixth"'),
    ("onsdag i lige uger i måneden", 'did not expect "i" here'),
    ("hver onsdag undtagen", "it stops too early; expected a month"),
    ("hver onsdag i", "it stops too early"),
    ("hver onsdag undtagen onsdag", 'did not expect "onsdag" here; expected a month'),
    ("hver onsdag og", 'did not expect "og" here'),
    ("hver", "it stops too early; expected a weekday"),
    ("hver ² uge", 'unknown word "²"'),
    ("hver 2x uge", 'unknown word "2x"'),
    # A workday of the month
    ("sixth to last weekday of the month", 'unknown word "sixth"'),
    ("første mandag og sidste hverdag i måneden", 'did not expect "hverdag" here'),
    # A day of the month
    ("den 15.", "it stops too early"),
    # Months left out, said other ways
    ("hver onsdag dog juli", 'expected "ikke" or "undtagen"'),
    ("hver onsdag men", 'it stops too early; expected "ikke"'),
    ("hver onsdag bortset juli", 'expected "fra" after "bortset"'),
    ("hver onsdag dog ikke", "it stops too early; expected a month"),
    ("ikke i juli", 'did not expect "ikke" here'),
    ("hver onsdag ikke i onsdag", 'did not expect "onsdag" here; expected a month'),
    # The week of the month
    ("mandag i uge 3", 'did not expect "uge" here; expected "måneden", "3. uge"'),
    ("mandag i 3. onsdag", 'did not expect "onsdag" here; expected "uge" ("week")'),
    ("mandag i 3.", 'it stops too early; expected "uge"'),
    ("mandag i 3. uge i lige uger", 'did not expect "lige" here'),
]


@pytest.mark.parametrize(("phrase", "reason"), UNREADABLE_WORDS,
                         ids=[row[0] for row in UNREADABLE_WORDS])
def test_words_the_grammar_cannot_place(phrase: str, reason: str) -> None:
    with pytest.raises(Unreadable) as caught:
        read_slots(phrase)
    assert reason in caught.value.reason


def test_an_unknown_word_is_quoted_as_written() -> None:
    with pytest.raises(Unreadable) as caught:
        read_slots("Hver Torsdg")
    assert caught.value.reason == 'unknown word "torsdg" (did you mean "torsdag"?)'
    with pytest.raises(Unreadable) as caught:
        read_slots("hver onsdag juli")  # known, but out of place
    assert caught.value.reason == 'did not expect "juli" here; expected the end of the phrase'
