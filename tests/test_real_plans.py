"""The real plans in ``calendars/`` give the dates their municipalities
published, from the rules those municipalities state."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from aarshjul import Meeting, Status, assemble, parse_plan, schedule
from aarshjul.model import MeetingChange

from .plans import ROOT

FREDENSBORG = ROOT / "calendars" / "fredensborg-2017.toml"

# Byrådet's mødeplan 2017 (adopted 26 September 2016, item 136) and
# Økonomiudvalget's (19 September 2016, item 211).
BYRAAD_2017 = ["01-30", "02-27", "03-27", "04-24", "05-29", "06-19", "09-04", "09-25",
               "10-30", "11-27", "12-18"]
OEK_2017 = ["01-23", "02-20", "03-20", "04-18", "05-22", "06-12", "08-28", "09-18", "10-23",
            "11-20", "12-11"]


def _dates(body: str, plan_text: str | None = None) -> list[str]:
    plan = parse_plan(plan_text or FREDENSBORG.read_text(encoding="utf-8"),
                      source=str(FREDENSBORG))
    return [m.date.isoformat()[5:] for m in schedule(plan).meetings
            if m.body == body and m.status is Status.PLANNED and not m.all_day]


def test_fredensborg_s_byraad_and_oekonomiudvalg_are_the_published_dates() -> None:
    """The byråd on the last Monday, a week earlier out of holidays and school
    holidays, one hand-written change (the budget's first reading); ØK the
    Monday of the week before, the day after where that is a holiday."""
    assert _dates("byraad") == BYRAAD_2017
    assert _dates("oek") == OEK_2017


def test_fredensborg_s_budget_seminars_are_all_day_and_not_followed() -> None:
    plan = parse_plan(FREDENSBORG.read_text(encoding="utf-8"), source=str(FREDENSBORG))
    seminars = [(m.date.isoformat(), m.last_day.isoformat(), m.all_day)
                for m in schedule(plan).meetings if m.title == "Budgetseminar"]
    assert seminars == [("2017-04-28", "2017-04-28", True), ("2017-08-25", "2017-08-26", True)]


def test_a_moved_byraad_meeting_carries_its_oekonomiudvalg_meeting_and_its_uid() -> None:
    plan = parse_plan(FREDENSBORG.read_text(encoding="utf-8"), source=str(FREDENSBORG))
    before = {m.date: m.uid for m in schedule(plan).meetings if m.body == "oek"}
    moved = attrs.evolve(plan, meetings=(*plan.meetings, MeetingChange(
        body="byraad", date=dt.date(2017, 10, 30), moved_to=dt.date(2017, 11, 6))))
    after = {m.date: m.uid for m in schedule(moved).meetings if m.body == "oek"}
    assert dt.date(2017, 10, 23) not in after
    assert after[dt.date(2017, 10, 30)] == before[dt.date(2017, 10, 23)]


FAGUDVALG = {"bsu": (-3, 0), "pmk": (-3, 1), "fiu": (-3, 2),
             "ku": (-2, 0), "ssu": (-2, 1), "aeu": (-2, 2)}
"""Each fagudvalg's week before the byråd's and its weekday, as in 2016."""


def _fredensborg() -> list[Meeting]:
    plan = parse_plan(FREDENSBORG.read_text(encoding="utf-8"), source=str(FREDENSBORG))
    result = schedule(plan)
    assert result.ok
    assert [p.code for p in result.problems] == ["left-out"]  # the byråd's July: all closed
    return list(result.meetings)


def test_fredensborg_s_fagudvalg_meet_before_each_byraad_meeting_on_their_own_days() -> None:
    found = _fredensborg()
    byraad = [m.date for m in found if m.body == "byraad" and not m.all_day]
    closed = [(dt.date(2017, 2, 13), dt.date(2017, 2, 19)), (dt.date(2017, 4, 8),
              dt.date(2017, 4, 17)), (dt.date(2017, 6, 24), dt.date(2017, 8, 6)),
              (dt.date(2017, 10, 16), dt.date(2017, 10, 22))]
    for body, (weeks, weekday) in FAGUDVALG.items():
        days = [m.date for m in found if m.body == body]
        assert len(days) == len(byraad) == 11, body
        for day, meeting in zip(days, byraad, strict=True):
            assert not any(first <= day <= last for first, last in closed), (body, day)
            # On its day of its week; a week earlier where that is a school
            # holiday; the day after where it is a holiday (Grundlovsdag).
            monday = meeting - dt.timedelta(days=meeting.weekday())
            planned = monday + dt.timedelta(weeks=weeks, days=weekday)
            moves = [planned - dt.timedelta(weeks=1)]
            if planned == dt.date(2017, 6, 5):
                moves = [planned + dt.timedelta(days=1)]
            assert day in (planned, *moves), (body, day)
            assert day < monday - dt.timedelta(days=6)  # before ØK's week


def test_a_school_holiday_moves_a_fagudvalg_a_week_earlier() -> None:
    ku = {m.date: m.original_date for m in _fredensborg() if m.body == "ku"}
    # 13 February is in the winter holiday, 10 April at Easter, 16 October in
    # the autumn holiday: each a week earlier.
    assert ku[dt.date(2017, 2, 6)] == dt.date(2017, 2, 13)
    assert ku[dt.date(2017, 4, 3)] == dt.date(2017, 4, 10)
    assert ku[dt.date(2017, 10, 9)] == dt.date(2017, 10, 16)


def test_a_moved_byraad_meeting_carries_every_fagudvalg_with_it() -> None:
    plan = parse_plan(FREDENSBORG.read_text(encoding="utf-8"), source=str(FREDENSBORG))
    before = {(m.body, m.date): m.uid for m in schedule(plan).meetings}
    moved = attrs.evolve(plan, meetings=(*plan.meetings, MeetingChange(
        body="byraad", date=dt.date(2017, 11, 27), moved_to=dt.date(2017, 11, 20))))
    after = {(m.body, m.date): m.uid for m in schedule(moved).meetings}
    for body, (weeks, weekday) in FAGUDVALG.items():
        was = dt.date(2017, 11, 27) + dt.timedelta(weeks=weeks, days=weekday)
        assert after[body, was - dt.timedelta(weeks=1)] == before[body, was], body


# Herning's Økonomi- og Erhvervsudvalget and Byråd, as adopted for 2014
# (Økonomi- og Erhvervsudvalget 9 September 2013, item 352) and for 2016
# (Byrådet 15 September 2015, item 229). The byråd's Tuesdays follow no rule
# the papers state, so they are a list; the committee meets on the Monday
# of the week before each, which the papers do not say but every date shows.
HERNING = {
    2014: (["01-28", "03-04", "04-01", "05-06", "06-24", "08-26", "09-16", "10-07", "11-11",
            "12-16"],
           ["01-20", "02-24", "03-24", "04-28", "06-16", "08-18", "09-08", "09-29", "11-03",
            "12-08"],
           [("01-13", "01-14"), ("04-07", "04-08"), ("08-25", "08-26")]),
    2016: (["01-26", "03-01", "04-26", "05-17", "06-21", "08-30", "09-13", "10-11", "11-15",
            "12-13"],
           ["01-18", "02-22", "04-18", "05-09", "06-13", "08-22", "09-05", "10-03", "11-07",
            "12-05"],
           [("04-25", "04-25"), ("08-29", "08-30")]),
}


def _herning(year: int) -> str:
    byraad, _oeke, conferences = HERNING[year]
    dates = ", ".join(f"{year}-{day}" for day in byraad)
    plan = f'''
[plan]
title = "Herning {year}"
id = "herning-{year}"
start = {year}-01-01
end = {year}-12-31

[[body]]
id = "byraad"
name = "Byrådet"
minutes = 180

[[series]]
body = "byraad"
dates = [{dates}]
start = "17:00"

[[body]]
id = "oeke"
name = "Økonomi- og Erhvervsudvalget"
minutes = 120

[[series]]
body = "oeke"
follows = "byraad"
weeks = -1
weekday = "mandag"
start = "08:00"
'''
    # The budget conferences, all day; the byråd meets at 17.00 on the last
    # day of two of them.
    return plan + "".join(
        f'\n[[meeting]]\nbody = "byraad"\ndate = {year}-{first}\nto = {year}-{last}\n'
        'title = "Budgetkonference"\n' for first, last in conferences)


@pytest.mark.parametrize("year", sorted(HERNING))
def test_herning_s_economy_committee_follows_the_byraad_with_no_change(year: int) -> None:
    byraad, oeke, conferences = HERNING[year]
    result = schedule(parse_plan(_herning(year)))
    assert result.ok
    assert not result.problems
    meetings = list(result.meetings)
    assert [m.date.isoformat()[5:] for m in meetings
            if m.body == "byraad" and not m.all_day] == byraad
    assert [m.date.isoformat()[5:] for m in meetings if m.body == "oeke"] == oeke
    assert [(m.date.isoformat()[5:], m.last_day.isoformat()[5:]) for m in meetings
            if m.all_day] == conferences


def test_fredensborg_s_budget_year_travels_its_routes() -> None:
    """The readings of the budget on the byråd meetings the mødeplan gives
    them, each through Økonomiudvalget the week before, as published."""
    plan = parse_plan(FREDENSBORG.read_text(encoding="utf-8"), source=str(FREDENSBORG))
    found = assemble(plan, schedule(plan))
    assert found.ok
    routes = {placed.case.title: [(step.body, step.meeting.date.isoformat()[5:])
                                  for step in placed.steps]
              for placed in found.cases if placed.route is not None}
    assert routes["1. behandling af budget 2018-2021"] == [("oek", "08-28"), ("byraad", "09-04")]
    assert routes["2. behandling af budget 2018-2021"] == [("oek", "09-18"), ("byraad", "09-25")]
    assert routes["Takster for skolefritidsordninger 2018"] == [
        ("bsu", "09-04"), ("oek", "09-18"), ("byraad", "09-25")]
    assert routes["Årsregnskab 2016 – oversendelse til revision"] == [
        ("oek", "04-18"), ("byraad", "04-24")]
    # Each fagudvalg sees its own area's budget follow-up before ØK does.
    own = [(placed.case.body, placed.steps[0].meeting.date.isoformat()[5:])
           for placed in found.cases
           if placed.case.title == "Budgetopfølgning pr. 31. marts – udvalgets område"]
    assert own == [("bsu", "05-08"), ("pmk", "05-09"), ("fiu", "05-10"), ("ku", "05-15"),
                   ("ssu", "05-16"), ("aeu", "05-17")]
    assert routes["Budgetopfølgning pr. 31. marts"] == [("oek", "05-22"), ("byraad", "05-29")]
