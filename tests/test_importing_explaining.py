"""A body's meetings told by rules: a year made by a rule, with meetings
left out, moved and changed, is imported as that rule with those changes,
and the plan gives the year back exactly."""

from __future__ import annotations

import datetime as dt
import tomllib

from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul import parse_plan
from aarshjul.clock import ClockTime
from aarshjul.importing.explaining import explain, look_of
from aarshjul.importing.rows import Row
from aarshjul.importing.writing import differences, plan_text
from aarshjul.scheduling.calendar import WorkCalendar, holidays_for
from aarshjul.scheduling.meetings import schedule
from aarshjul.vocabulary import Language

D = dt.date
T = ClockTime.parse
DANISH = WorkCalendar(holidays=holidays_for("DK", ("public",), range(2023, 2029), Language.DA))
YEARS = (D(2025, 1, 1), D(2026, 12, 31))
DAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag")
RULES = ("hver {day}", "hver anden {day}", "hver tredje {day}", "første {day} i måneden",
         "2. {day} i måneden", "sidste {day} i måneden", "1. og 3. {day} i måneden")


def meeting(day: dt.date, start: str = "18:15", end: str = "19:45", *,
            title: str = "Udvalget", location: str = "Rådhuset") -> Row:
    return Row("udvalg.csv", 2, day, T(start), T(end), title, "Udvalget", location)


def made_by(phrase: str, first: dt.date, last: dt.date, on_holiday: str) -> list[dt.date]:
    """The days a plan with this rule gives: scheduling is the truth."""
    return [day for _rule_date, day in given_by(phrase, first, last, on_holiday)]


def given_by(phrase: str, first: dt.date, last: dt.date, on_holiday: str
             ) -> list[tuple[dt.date, dt.date]]:
    """Each date a plan with this rule gives, and the day it meets on."""
    plan = parse_plan(f"""
[plan]
title = "x"
start = {first.isoformat()}
end = {last.isoformat()}
[[body]]
id = "u"
name = "U"
[[series]]
body = "u"
every = "{phrase}"
start = "18:15"
end = "19:45"
on_holiday = "{on_holiday}"
""", source="made.toml")
    return [(m.original_date or m.date, m.date) for m in schedule(plan).meetings]


def test_a_year_with_a_moved_a_changed_and_a_cancelled_meeting() -> None:
    days = made_by("hver anden onsdag", D(2025, 1, 15), D(2025, 6, 25), "skip")
    assert days[3:7] == [D(2025, 2, 26), D(2025, 3, 12), D(2025, 3, 26), D(2025, 4, 9)]
    rows = [meeting(day) for day in days if day not in days[3:7]]
    rows += [meeting(D(2025, 2, 27)),  # the 26th, moved to the Thursday
             meeting(D(2025, 3, 12), "16:00", "18:00", location="Byrådssalen"),
             # and none on the 26th
             meeting(D(2025, 4, 9), title="Temamøde")]
    told = explain(sorted(rows, key=lambda row: row.date), calendar=DANISH, period=YEARS)
    (ruled,) = told.rules
    assert ruled.found.phrase == "hver anden onsdag"
    assert ruled.look == look_of(meeting(D(2025, 1, 15)))
    assert ruled.left_out == (D(2025, 3, 26),)
    assert [(c.rule_date, c.row.date, c.moved) for c in ruled.changes] == [
        (D(2025, 2, 26), D(2025, 2, 27), True), (D(2025, 3, 12), D(2025, 3, 12), False),
        (D(2025, 4, 9), D(2025, 4, 9), False)]
    assert ruled.kept == len(days) - 4
    assert ruled.explained == len(days) - 2
    assert told.rest == ()


def test_a_second_rule_for_what_the_first_does_not_give() -> None:
    """A byråd on the last Monday, and a seminar on the first Thursday of
    some months: two series, each with its own look."""
    mondays = made_by("sidste mandag i måneden", D(2025, 1, 1), D(2025, 12, 31), "skip")
    thursdays = [D(2025, 2, 6), D(2025, 4, 3), D(2025, 6, 5), D(2025, 9, 4), D(2025, 11, 6)]
    rows = sorted([meeting(day, "17:00", "21:00", title="Byrådet") for day in mondays]
                  + [meeting(day, "09:00", "15:00", title="Temamøde") for day in thursdays],
                  key=lambda row: row.date)
    told = explain(rows, calendar=DANISH, period=YEARS)
    assert [ruled.found.phrase for ruled in told.rules] == [
        "sidste mandag i måneden", "første torsdag i måneden"]
    assert told.rules[1].found.months == (2, 4, 6, 9, 11)
    assert [ruled.look.title for ruled in told.rules] == ["Byrådet", "Temamøde"]
    assert told.rest == ()


def test_what_no_rule_gives_is_left_for_lists_and_one_offs() -> None:
    days = made_by("hver tirsdag", D(2025, 1, 7), D(2025, 3, 25), "skip")
    extra = meeting(D(2025, 2, 20), "09:00", "10:00", title="Ekstraordinært møde")
    told = explain([*map(meeting, days), extra], calendar=DANISH, period=YEARS)
    assert [ruled.found.phrase for ruled in told.rules] == ["hver tirsdag"]
    assert told.rest == (extra,)


def test_a_rhythm_that_starts_again_after_the_summer_is_two_rules() -> None:
    spring = made_by("hver anden onsdag", D(2025, 1, 8), D(2025, 6, 30), "skip")
    autumn = made_by("hver anden onsdag", D(2025, 8, 13), D(2025, 12, 31), "skip")
    assert (autumn[0] - spring[-1]).days % 14 == 7  # the other rhythm
    told = explain([meeting(day) for day in spring + autumn], calendar=DANISH, period=YEARS)
    assert [(r.found.phrase, r.found.first, r.found.last) for r in told.rules] == [
        ("hver anden onsdag", spring[0], spring[-1]),
        ("hver anden onsdag", autumn[0], autumn[-1])]
    assert [r.changes for r in told.rules] == [(), ()]


def test_two_weekdays_half_each_are_two_rules() -> None:
    mondays = made_by("første mandag i måneden", D(2025, 1, 1), D(2025, 12, 31), "skip")
    thursdays = made_by("3. torsdag i måneden", D(2025, 1, 1), D(2025, 12, 31), "skip")
    told = explain(sorted([meeting(day) for day in mondays + thursdays],
                          key=lambda row: row.date), calendar=DANISH, period=YEARS)
    assert sorted(r.found.phrase for r in told.rules) == [
        "3. torsdag i måneden", "første mandag i måneden"]
    assert told.rest == ()


def test_an_all_day_meeting_on_a_day_of_the_rule_divides_it() -> None:
    """The rule cannot give the seminar's day (a [[meeting]] there would
    change the rule's meeting): it stops before it, and starts again."""
    mondays = [day for day in made_by("hver mandag", D(2025, 1, 1), D(2025, 12, 31), "skip")
               if day != D(2025, 8, 25)]
    told = explain([meeting(day) for day in mondays], calendar=DANISH, period=YEARS,
                   taken={D(2025, 8, 25)})
    assert [(r.found.phrase, r.found.first, r.found.last) for r in told.rules] == [
        ("hver mandag", mondays[0], D(2025, 8, 18)), ("hver mandag", D(2025, 9, 1),
                                                     mondays[-1])]
    assert told.rest == ()


def test_a_meeting_without_an_end_looks_like_one_that_ends_an_hour_after() -> None:
    days = made_by("2. onsdag i måneden", D(2025, 1, 1), D(2025, 12, 31), "skip")
    rows = [meeting(day, "17:00", "18:00") if n % 2 else
            Row("udvalg.csv", 2, day, T("17:00"), None, "Udvalget", "Udvalget", "Rådhuset")
            for n, day in enumerate(days)]
    (ruled,) = explain(rows, calendar=DANISH, period=YEARS).rules
    assert (ruled.kept, ruled.changes) == (len(days), ())


@st.composite
def a_rule_with_exceptions(draw: st.DrawFn
                           ) -> tuple[list[tuple[dt.date, dt.date]], list[Row], int]:
    """The dates a rule gives over some months, and the days it meets on;
    its meetings, some left out, moved a day, or at another time or of
    another title; and how many such exceptions there are."""
    phrase = draw(st.sampled_from(RULES)).format(day=draw(st.sampled_from(DAYS)))
    first = D(2025, 1, 1) + dt.timedelta(days=draw(st.integers(0, 120)))
    last = first + dt.timedelta(days=draw(st.integers(150, 500)))
    on_holiday = draw(st.sampled_from(("skip", "keep", "previous-workday", "week-after")))
    given = given_by(phrase, first, last, on_holiday)
    days = [day for _rule_date, day in given]
    rows: list[Row | None] = [meeting(day) for day in days]
    # Few exceptions as often as many: the search is to find the rule then.
    most = draw(st.sampled_from((max(1, len(rows) // 12), len(rows))))
    changed = draw(st.lists(st.integers(0, len(rows) - 1), max_size=most, unique=True))
    for index in changed:
        day = days[index]
        rows[index] = draw(st.sampled_from((
            None, meeting(day + dt.timedelta(days=1)), meeting(day - dt.timedelta(days=1)),
            meeting(day, "16:00", "17:30"), meeting(day, title="Budgetmøde"))))
    return given, [row for row in rows if row is not None], len(changed)


@settings(max_examples=40, deadline=None)
@given(a_rule_with_exceptions())
def test_a_rule_with_exceptions_is_given_back_and_found_where_they_are_few(
        case: tuple[list[tuple[dt.date, dt.date]], list[Row], int]) -> None:
    given, rows, exceptions = case
    if not rows:
        return
    text, report = plan_text(rows, title="Årshjul", timezone="Europe/Copenhagen")
    plan = parse_plan(text, source="imported.toml")
    assert differences(rows, schedule(plan).meetings, {"udvalget": "Udvalget"}) == []
    # What the rule gives in the imported plan's period (whole months: a
    # meeting a holiday moved in from beyond them is one of its own).
    days = [day for rule_date, day in given if plan.start <= rule_date <= plan.end]
    if exceptions * 10 > len(days) or len(days) < 8:
        return
    # Few exceptions: the first rule gives the days the generating rule
    # gives (written however: "4." or "sidste" where they are one), from
    # its first meeting kept to its last; exactly, where there are none.
    # An exception may make another rule as good: a meeting moved onto a
    # holiday (kept there, or moved off it?) changes two days of the rule.
    (body,) = report
    assert body.rules, text
    assert "every" in tomllib.loads(text)["series"][0]
    rule = body.rules[0].found
    found = set(rule.given)
    generated = {day for day in days if min(found) <= day <= max(found)
                 and (not rule.months or day.month in rule.months)}
    assert len(found ^ generated) <= 4 * exceptions, text
    assert len(found) >= len(days) - exceptions
    assert body.explained >= len(days) - 2 * exceptions
