"""recurrence.phrase_rule: slots -> Rule, and what does not fit together.

The slots come from the grammar (read_slots), or are written out where the
seam itself is the point.
"""

from __future__ import annotations

import pytest

from aarshjul.recurrence.phrase_grammar import Group, Slots, read_slots
from aarshjul.recurrence.phrase_rule import slots_to_rule
from aarshjul.recurrence.phrase_words import Number, TwoWays, Unit, Unreadable
from aarshjul.recurrence.rule import ByDay, Frequency, Rule, Weekday

LAST = Number(-1, ordinal=True, text="sidste")
FIRST = Number(1, ordinal=True, text="første")


def rule_of(phrase: str) -> Rule:
    return slots_to_rule(read_slots(phrase))


def test_slots_become_a_typed_rule() -> None:
    slots = Slots(groups=[Group([LAST], [Weekday.TH])], of_month=True)
    assert slots_to_rule(slots) == Rule(freq=Frequency.MONTHLY,
                                        by_day=(ByDay(Weekday.TH, position=-1),))
    workdays = Slots(counts=[FIRST, LAST], unit=Unit.WORKDAY, unit_text="hverdag", of_month=True)
    assert slots_to_rule(workdays) == Rule(
        freq=Frequency.MONTHLY, by_day=tuple(ByDay(day) for day in range(5)),
        by_set_position=(1, -1))


def test_weekdays_and_positions_come_in_one_order_however_they_are_said() -> None:
    # Monday first; from the start before from the end, and each once.
    assert rule_of("hver fredag, mandag og fredag").by_day == (ByDay(Weekday.MO),
                                                              ByDay(Weekday.FR))
    assert rule_of("sidste og første fredag og tredje mandag i måneden").by_day == (
        ByDay(Weekday.FR, position=1), ByDay(Weekday.MO, position=3),
        ByDay(Weekday.FR, position=-1))
    assert rule_of("den sidste og 15. og 1. i måneden").by_month_day == (1, 15, -1)
    assert rule_of("sidste og næstsidste hverdag i måneden").by_set_position == (-2, -1)


def test_months_left_out_are_the_months_that_remain() -> None:
    assert rule_of("hver onsdag undtagen december, januar og juli").by_month == (
        2, 3, 4, 5, 6, 8, 9, 10, 11)


def test_a_day_no_month_that_is_left_has_never_comes() -> None:
    # The Rule refuses it (NeverOccurs); the planner reads it in the phrase's words.
    with pytest.raises(Unreadable) as caught:
        rule_of("den 30. og 31. i måneden undtagen januar, marts, april, maj, juni, juli, "
                "august, september, oktober, november og december")
    assert caught.value.reason == ('the months that are left have at most 29 days, '
                                   'so "30. og 31." never comes')
    # The same days, when a month with them is left, are fine.
    assert rule_of("den 30. og 31. i måneden undtagen februar").by_month_day == (30, 31)


def test_hand_made_slots_that_say_nothing_are_refused() -> None:
    with pytest.raises(Unreadable, match="say which weekday of the month"):
        slots_to_rule(Slots(groups=[Group([], [Weekday.WE])], of_month=True))
    with pytest.raises(Unreadable, match="every month is left out"):
        slots_to_rule(Slots(every=True, unit=Unit.MONTH, unit_text="måned",
                            excluded=list(range(1, 13))))


def test_a_week_of_the_month_on_a_weekday_is_that_weekday_of_the_month() -> None:
    assert rule_of("3. uge om mandagen") == rule_of("mandag i 3. uge") == Rule(
        freq=Frequency.MONTHLY, by_day=(ByDay(Weekday.MO, position=3),))


def test_every_fourth_week_on_monday_can_be_read_two_ways_and_says_both() -> None:
    with pytest.raises(TwoWays) as caught:
        rule_of("hver 4. uge om mandagen og torsdagen undtagen juli")
    said = caught.value.said
    assert (said.value("weekly"), said.value("monthly"), said.value("count")) == (
        "hver 4. mandag og torsdag undtagen juli",
        "4. mandag og torsdag i måneden undtagen juli", 4)
    assert rule_of(str(said.value("weekly"))) == Rule(
        freq=Frequency.WEEKLY, interval=4, by_day=(ByDay(Weekday.MO), ByDay(Weekday.TH)),
        by_month=(1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12))
    assert rule_of(str(said.value("monthly"))).by_day == (
        ByDay(Weekday.MO, position=4), ByDay(Weekday.TH, position=4))


UNREADABLE_MEANING = [
    ("every 0 weeks", 'the interval must be 1 to 52, not "0"'),
    ("hver 53. uge", 'the interval must be 1 to 52, not "53."'),
    ("hver 99999999999999999999 uge", "the interval must be 1 to 52"),
    ("6. onsdag i måneden", "the weekday of the month must be 1. to 5."),
    (
        "fourteenth wednesday of the month",
        'must be 1. to 5., "sidste" or "næstsidste" ("last", "second to last"), not "fourteenth"',
    ),
    ("6th to last friday of the month", 'not "6th to last"'),
    ("hver anden onsdag i lige uger", "already picks every other week"),
    ("hver dag i lige uger", "say which weekday"),
    ("hver måned i lige uger", "say which weekday"),
    ("anden onsdag", '"anden" needs "hver"'),
    ("hver første onsdag", '"første" is not an interval'),
    ("hver sidste fredag", '"sidste" is not an interval'),
    ("hver onsdag i måneden", "say which weekday of the month"),
    ("every other wednesday of the month", '"other" cannot say which weekday of the month'),
    ("2 wednesday of the month", '"2" cannot say which weekday of the month'),
    ("2. og 4. onsdag", 'need "i måneden"'),
    ("uge", 'write "hver" ("every") before "uge"'),
    ("2 weeks", 'write "hver" ("every") before "weeks"'),
    ("hver anden hverdag", '"anden" cannot count hverdag'),
    ("hver 5. dag om onsdagen", "a weekday needs whole weeks"),
    (
        "hver onsdag undtagen januar, februar, marts, april, maj, juni, juli, august, "
        "september, oktober, november og december",
        "every month is left out",
    ),
    # A workday of the month
    ("6. hverdag i måneden", "the workday of the month must be 1. to 5., "),
    ("2 weekday of the month", '"2" cannot say which workday of the month'),
    ("hverdage i måneden", "say which workday of the month"),
    ("hver anden hverdag i måneden", 'after "hver" ("every"), "anden hverdag" is an interval'),
    ("sidste hverdag", '"sidste" cannot count hverdag'),
    ("første og sidste hverdag", '"hverdag" takes one number, not a list'),
    ("sidste hverdag i lige uger", '"sidste" cannot count hverdag'),
    # A day of the month
    ("den 32. i måneden", "the day of the month must be 1. to 31., "),
    ("den 0. i måneden", 'not "0."'),
    ("den 15 i måneden", '"15" cannot say which day of the month; use "2."'),
    ("the other of the month", '"other" cannot say which day of the month'),
    ("den 15. i lige uger", '"15." is a day of the month; end with "i måneden"'),
    ("hver dag i måneden", "say which day of the month"),
    ("hver anden dag i måneden", 'after "hver" ("every"), "anden dag" is an interval'),
    ("every 2nd day of the month", '"2nd day" is an interval'),
    ("hver 14. dag om torsdagen i måneden", "a day of the month cannot also be on a weekday"),
    ("dagligt i måneden", '"dagligt" cannot say which day of the month'),
    (
        "den 31. i måneden undtagen januar, marts, maj, juli, august, oktober og december",
        'the months that are left have at most 30 days, so "31." never comes',
    ),
    # Nonsense stays nonsense
    ("hver anden uge i lige uger", "say which weekday"),
    ("hver 2. onsdag i lige uger", "already picks every other week"),
    ("hver 14. dag i ulige uger", "say which weekday"),
    ("hver anden uge i måneden", '"i måneden" ("of the month") goes after a weekday'),
    # The week of the month, as Danish plans say it
    ("6. uge om mandagen", 'the weekday of the month must be 1. to 5., "sidste" or '),
    ("mandag i 6. uge", 'not "6."'),
    ("mandag i 3 uge", '"3" cannot say which weekday of the month'),
    ("2 uger om mandagen", 'write "hver" ("every") before "uger"'),
    ("uge om mandagen i måneden", "say which weekday of the month"),
    ("hver 2. uge om onsdagen i lige uger", "already picks every other week"),
    ("første mandag i 3. uge", '"i 3. uge" goes after weekdays alone, like "mandag i 3. uge"'),
    ("hver anden uge i 3. uge", '"i 3. uge" goes after weekdays alone'),
    ("den 15. i 2. og 4. uge", '"i 2. og 4. uge" goes after weekdays alone'),
    # English counts the weeks of a month in more than one way
    ("monday in the third week", "a week of the month is counted in more than one way"),
    ("every 4th week on monday of the month", "counted in more than one way"),
]


@pytest.mark.parametrize(("phrase", "reason"), UNREADABLE_MEANING,
                         ids=[row[0] for row in UNREADABLE_MEANING])
def test_slots_that_do_not_fit_together(phrase: str, reason: str) -> None:
    slots = read_slots(phrase)  # the grammar reads it: the meaning is what fails
    with pytest.raises(Unreadable) as caught:
        slots_to_rule(slots)
    assert reason in caught.value.reason
