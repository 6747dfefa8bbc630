"""The real plans in ``calendars/`` give the dates their municipalities
published, from the rules those municipalities state."""

from __future__ import annotations

import datetime as dt

import attrs

from aarshjul import Status, parse_plan, schedule
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
