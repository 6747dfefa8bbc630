"""A body that follows another: Fredensborg's Økonomiudvalg meets the Monday
of the week before each byråd meeting, and moves when the byråd moves."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aarshjul import Meeting, Status, list_meetings, parse_plan, schedule

from .schedules import D

# The byråd meets on the last Monday of the month, not in July, a week
# earlier where that is a holiday or in the Christmas break; ØK the Monday
# of the week before, and the next workday where that is a holiday.
FREDENSBORG = '''
[plan]
title = "Fredensborg 2025"
id = "fredensborg-2025"
start = 2025-01-01
end = 2025-12-31

[[closed]]
name = "Juleferie"
from = 2025-12-22
to = 2026-01-02
bodies = ["byraad"]

[[body]]
id = "byraad"
name = "Byrådet"
minutes = 180

[[body]]
id = "oek"
name = "Økonomiudvalget"
minutes = 120

[[series]]
body = "byraad"
every = "sidste mandag i måneden"
months = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]
start = "17:00"
on_holiday = "week-before"
on_closed = "week-before"

[[series]]
body = "oek"
follows = "byraad"
weeks = -1
weekday = "mandag"
start = "17:30"
on_holiday = "next-workday"
'''


def meetings(more: str = "", plan: str = FREDENSBORG) -> list[Meeting]:
    return list(list_meetings(parse_plan(plan + more)))


def of(body: str, found: list[Meeting]) -> dict[dt.date, Meeting]:
    return {m.date: m for m in found if m.body == body}


def test_oek_meets_the_monday_of_the_week_before_each_byraad_meeting() -> None:
    found = meetings()
    byraad, oek = of("byraad", found), of("oek", found)
    assert len(byraad) == len(oek) == 11
    for day in byraad:
        if day != D(2025, 4, 28):  # the week before, 21 April, is Easter Monday
            assert day - dt.timedelta(days=7) in oek
    assert all(m.start.minutes == 17 * 60 + 30 for m in oek.values())


def test_the_follower_s_own_on_holiday_applies() -> None:
    oek = of("oek", meetings())
    # Easter Monday, 21 April: ØK's next-workday puts it on the Tuesday.
    assert D(2025, 4, 21) not in oek
    assert oek[D(2025, 4, 22)].original_date == D(2025, 4, 21)
    skipped = schedule(parse_plan(FREDENSBORG.replace('on_holiday = "next-workday"',
                                                      'on_holiday = "skip"')))
    assert D(2025, 4, 22) not in of("oek", list(skipped.meetings))
    assert any(p.code == "left-out" and "2025-04-21" in str(p.message)
               for p in skipped.problems)


def test_when_the_byraad_moves_oek_moves_with_it_and_keeps_its_uid() -> None:
    before = of("oek", meetings())
    moved = meetings('\n[[meeting]]\nbody = "byraad"\ndate = 2025-09-29\n'
                     "moved_to = 2025-10-02\n")
    byraad, oek = of("byraad", moved), of("oek", moved)
    assert byraad[D(2025, 10, 2)].original_date == D(2025, 9, 29)
    # Thursday 2 October: the Monday of the week before is 22 September.
    assert oek[D(2025, 9, 22)].uid == before[D(2025, 9, 22)].uid
    moved = meetings('\n[[meeting]]\nbody = "byraad"\ndate = 2025-09-29\n'
                     "moved_to = 2025-10-13\n")
    oek = of("oek", moved)
    assert D(2025, 9, 22) not in oek
    assert oek[D(2025, 10, 6)].uid == before[D(2025, 9, 22)].uid
    assert oek[D(2025, 10, 6)].original_date == D(2025, 9, 22)
    assert len({m.uid for m in oek.values()}) == len(oek) == 11


def test_a_byraad_moved_by_a_holiday_carries_oek_along() -> None:
    found = meetings()
    byraad, oek = of("byraad", found), of("oek", found)
    # The last Monday of December, the 29th, and the 22nd are in the break:
    # the byråd moves two weeks, to the 15th, and ØK to the 8th.
    assert byraad[D(2025, 12, 15)].original_date == D(2025, 12, 29)
    assert oek[D(2025, 12, 8)].original_date == D(2025, 12, 22)


def test_a_follower_s_uid_comes_from_the_meeting_it_follows() -> None:
    plain = of("oek", meetings())
    with_id = of("oek", meetings(plan=FREDENSBORG.replace(
        'body = "byraad"\nevery', 'id = "mandag"\nbody = "byraad"\nevery')))
    assert plain[D(2025, 1, 20)].uid != with_id[D(2025, 1, 20)].uid
    byraad = of("byraad", meetings())
    assert plain[D(2025, 1, 20)].uid != byraad[D(2025, 1, 27)].uid


def test_a_cancelled_byraad_meeting_cancels_oek_s() -> None:
    found = meetings('\n[[meeting]]\nbody = "byraad"\ndate = 2025-05-26\n'
                     'status = "cancelled"\n')
    assert of("byraad", found)[D(2025, 5, 26)].status is Status.CANCELLED
    assert of("oek", found)[D(2025, 5, 19)].status is Status.CANCELLED
    assert of("oek", found)[D(2025, 6, 23)].status is Status.PLANNED
    # A meeting the byråd does not have (July) gives ØK none either.
    assert not [day for day in of("oek", found) if day.month == 7]


def test_a_change_names_the_follower_by_the_date_it_would_have() -> None:
    found = meetings('\n[[meeting]]\nbody = "byraad"\ndate = 2025-09-29\n'
                     'moved_to = 2025-10-13\n'
                     '\n[[meeting]]\nbody = "oek"\ndate = 2025-09-22\nstart = "16:00"\n'
                     '\n[[meeting]]\nbody = "oek"\ndate = 2025-03-24\n'
                     'moved_to = 2025-03-20\n')
    oek = of("oek", found)
    # Named by 22 September, where it would be had the byråd not moved.
    assert oek[D(2025, 10, 6)].start.minutes == 16 * 60
    assert D(2025, 3, 24) not in oek
    assert oek[D(2025, 3, 20)].original_date == D(2025, 3, 24)


def test_days_count_from_the_followed_meeting() -> None:
    found = meetings(plan=FREDENSBORG.replace('weeks = -1\nweekday = "mandag"\n',
                                              "days = -3\n"))
    oek = of("oek", found)
    assert D(2025, 1, 24) in oek  # Friday before Monday 27 January
    assert oek[D(2025, 1, 24)].date.weekday() == 4


def test_months_choose_among_the_follower_s_days() -> None:
    oek = of("oek", meetings(plan=FREDENSBORG.replace(
        'weekday = "mandag"\n', 'weekday = "mandag"\nmonths = [6, 8]\n')))
    assert sorted(oek) == [D(2025, 6, 23), D(2025, 8, 18)]


def test_a_follower_of_a_follower_comes_after_it() -> None:
    plan = FREDENSBORG + '''
[[body]]
id = "fu"
name = "Forberedende udvalg"
minutes = 60

[[series]]
body = "fu"
follows = "oek"
days = -4
start = "10:00"
on_holiday = "keep"
'''
    result = schedule(parse_plan(plan))
    fu, oek = of("fu", list(result.meetings)), of("oek", list(result.meetings))
    assert sorted(day + dt.timedelta(days=4) for day in fu) == sorted(oek)


BROKEN = {
    "unknown body": (('follows = "byraad"', 'follows = "byrad"'), 34, "unknown-reference",
                     'follows: no body has id "byrad"; did you mean "byraad"?'),
    "itself": (('follows = "byraad"', 'follows = "oek"'), 34, "bad-reference",
               "follows: the bodies follow each other in a circle (oek → oek), so none of "
               "them has a meeting to follow; give one of them a rule of its own"),
    "weeks a text": (("weeks = -1", 'weeks = "-1"'), 35, "bad-type",
                     "weeks: expected a whole number (got a text '-1')"),
    "weeks not whole": (("weeks = -1", "weeks = -1.5"), 35, "bad-type",
                        "weeks: expected a whole number (got a decimal number -1.5)"),
    "weeks too many": (("weeks = -1", "weeks = -9"), 35, "bad-value",
                       "weeks: -9 is out of range (-8 to 8)"),
    "days too many": (('weeks = -1\nweekday = "mandag"', "days = 61"), 35, "bad-value",
                      "days: 61 is out of range (-60 to 60)"),
    "weeks and days": (("weeks = -1", "weeks = -1\ndays = -7"), 36, "conflicting-keys",
                       'days: give "weeks" (and "weekday") or "days", not both'),
    "weekday unknown": (('weekday = "mandag"', 'weekday = "mandg"'), 36, "bad-value",
                        'weekday: "mandg" is not a weekday (mandag, tirsdag, onsdag, torsdag, '
                        "fredag, lørdag, søndag, monday, tuesday, wednesday, thursday, friday, "
                        "saturday, sunday)"),
    "with every": (('follows = "byraad"', 'follows = "byraad"\nevery = "hver mandag"'), 34,
                   "conflicting-keys", 'follows: a series that follows another body takes its '
                   'dates from it: give "follows" or every, not both'),
    "weeks alone": (('follows = "byraad"\n', ""), 34, "missing-key",
                    'weeks: "weeks" counts from the meetings of the body a series follows: '
                    'give "follows" too'),
}


@pytest.mark.parametrize("case", BROKEN)
def test_a_broken_follower_is_a_located_error(run_cli, tmp_path: Path, case: str) -> None:
    (old, new), line, code, said = BROKEN[case]
    plan = tmp_path / "fredensborg.toml"
    assert old in FREDENSBORG
    plan.write_text(FREDENSBORG.replace(old, new, 1), encoding="utf-8")
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1
    assert any(row.startswith(f"{plan}:{line}: error[{code}]: ") and row.endswith(f": {said}")
               for row in result.stdout.splitlines()), result.stdout
    assert result.stderr == ""


def test_bodies_that_follow_each_other_are_a_cycle(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "fredensborg.toml"
    plan.write_text(FREDENSBORG.replace(
        'every = "sidste mandag i måneden"\nmonths = [1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12]',
        'follows = "oek"'), encoding="utf-8")
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1
    assert "error[bad-reference]" in result.stdout
    assert "(byraad → oek → byraad)" in result.stdout


def test_two_meetings_followed_from_one_day_give_one() -> None:
    plan = FREDENSBORG + '''
[[series]]
id = "onsdag"
body = "byraad"
every = "sidste onsdag i måneden"
months = [10]
start = "17:00"
'''
    result = schedule(parse_plan(plan))
    oek = of("oek", list(result.meetings))
    # Monday 27 and Wednesday 29 October: ØK meets on Monday 20 October once.
    assert [day for day in oek if day.month == 10] == [D(2025, 10, 20)]
    assert result.ok
    assert any(p.code == "followed-twice" and "2025-10-29" in str(p.message)
               for p in result.problems)


def test_the_follower_s_own_on_closed_applies() -> None:
    closed = '\n[[closed]]\nname = "Vinterferie"\nweeks = [8]\nbodies = ["oek"]\n'
    oek = of("oek", meetings(closed, plan=FREDENSBORG.replace(
        'on_holiday = "next-workday"', 'on_holiday = "next-workday"\non_closed = "week-before"')))
    # Monday 17 February is in week 8: a week earlier, the 10th.
    assert oek[D(2025, 2, 10)].original_date == D(2025, 2, 17)


def test_a_byraad_moved_before_it_was_announced_moves_oek_unannounced() -> None:
    found = meetings('\n[[meeting]]\nbody = "byraad"\ndate = 2025-09-29\n'
                     "moved_to = 2025-10-13\nannounced = false\n")
    moved = of("oek", found)[D(2025, 10, 6)]
    assert (moved.original_date, moved.moved_from) == (D(2025, 9, 22), None)


def test_a_follower_s_except_leaves_out_its_own_day_and_warns_of_one_it_never_has() -> None:
    plan = FREDENSBORG.replace('weekday = "mandag"',
                               'weekday = "mandag"\nexcept = [2025-09-22, 2025-09-23]')
    result = schedule(parse_plan(plan))
    oek = of("oek", list(result.meetings))
    assert D(2025, 9, 22) not in oek
    assert len(oek) == 10
    unused = [p for p in result.problems if p.code == "unused-exception"]
    assert len(unused) == 1
    assert "except lists 2025-09-23," in unused[0].message


def test_a_follower_s_from_and_to_limit_its_days() -> None:
    plan = FREDENSBORG.replace('weekday = "mandag"',
                               'weekday = "mandag"\nfrom = 2025-03-01\nto = 2025-06-30')
    oek = of("oek", meetings(plan=plan))
    assert sorted(oek) == [D(2025, 3, 24), D(2025, 4, 22), D(2025, 5, 19), D(2025, 6, 23)]


def test_a_follower_s_week_move_does_not_land_on_a_day_its_body_meets() -> None:
    # ØK's own meeting on 3 February; its follower day 17 February is in
    # the winter holiday and moves two weeks back would be 3 February.
    more = '''
[[closed]]
name = "Vinterferie"
from = 2025-02-10
to = 2025-02-21
bodies = ["oek"]

[[series]]
body = "oek"
dates = [2025-02-03]
start = "09:00"
'''
    plan = FREDENSBORG.replace('on_holiday = "next-workday"',
                               'on_holiday = "next-workday"\non_closed = "week-before"')
    result = schedule(parse_plan(plan + more))
    oek = of("oek", list(result.meetings))
    assert oek[D(2025, 2, 3)].start.minutes == 9 * 60  # its own, not the follower
    assert not any(m.original_date == D(2025, 2, 17) for m in oek.values())
    assert any(p.code == "left-out" and "2025-02-03" in str(p.message)
               and "already meets" in str(p.message) for p in result.problems)


def test_two_series_of_one_body_following_the_same_meetings_are_told_apart() -> None:
    plan = FREDENSBORG + '''
[[series]]
body = "oek"
follows = "byraad"
weeks = 1
weekday = "mandag"
start = "17:30"
'''
    result = schedule(parse_plan(plan))
    oek = [m for m in result.meetings if m.body == "oek"]
    assert len(oek) == 22
    assert len({m.uid for m in oek}) == 22  # each its own event in a feed
    assert not any(p.code == "same-identity" for p in result.problems)
