"""Rows in, a plan out that gives exactly those meetings: checked by
scheduling the plan the writer wrote, for chosen years and for any."""

from __future__ import annotations

import datetime as dt
import tomllib

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul import parse_plan
from aarshjul.clock import ClockTime
from aarshjul.importing import writing
from aarshjul.importing.explaining import Explained, explain
from aarshjul.importing.rows import Row
from aarshjul.importing.writing import differences, plan_text
from aarshjul.scheduling.meetings import schedule

D = dt.date
T = ClockTime.parse


def row(day: dt.date, body: str, start: str | None = "18:15", end: str | None = "19:45", *,
        title: str | None = None, location: str = "", last_day: dt.date | None = None,
        line: int = 2) -> Row:
    return Row("møder.csv", line, day, T(start) if start else None, T(end) if end else None,
               title or body, body, location, last_day)


def reproduced(rows: list[Row]) -> tuple[str, list[str]]:
    text, _ = plan_text(rows, title="Årshjul", timezone="Europe/Copenhagen")
    plan = parse_plan(text, source="imported.toml")
    names = {body.id: body.name for body in plan.bodies}
    return text, differences(rows, schedule(plan).meetings, names)


def test_a_committee_a_weekly_meeting_and_a_seminar() -> None:
    rows = [row(D(2025, 1, 15), "Social- og Beskæftigelsesudvalget", location="Rådhuset"),
            row(D(2025, 1, 29), "Social- og Beskæftigelsesudvalget", location="Rådhuset"),
            row(D(2025, 4, 18), "Rådmandsmøde", "10:00", "11:00"),  # Good Friday: kept
            row(D(2025, 1, 7), "Rådmandsmøde", "10:00", "11:00"),
            row(D(2025, 8, 28), "Byrådet", None, None, title="Budgetseminar",
                last_day=D(2025, 8, 29)),
            row(D(2025, 6, 2), "Byrådet", "09:00", "15:00", title="KL's topmøde",
                last_day=D(2025, 6, 4))]
    text, missed = reproduced(rows)
    assert missed == []
    plan = tomllib.loads(text)
    assert [body["id"] for body in plan["body"]] == [
        "raadmandsmoede", "social-og-beskaeftigelsesudvalget", "byraadet"]
    assert plan["plan"]["start"] == D(2025, 1, 1)  # whole months
    assert plan["plan"]["end"] == D(2025, 8, 31)
    assert [m["title"] for m in plan["meeting"]] == ["KL's topmøde", "Budgetseminar"]
    (committee,) = [s for s in plan["series"] if s["body"] == "social-og-beskaeftigelsesudvalget"]
    assert committee["dates"] == [D(2025, 1, 15), D(2025, 1, 29)]
    assert committee["on_holiday"] == "keep"


def test_two_times_and_two_places_of_one_body_are_two_series() -> None:
    rows = [row(D(2025, 1, 15), "Udvalg"), row(D(2025, 2, 12), "Udvalg", "16:00", "17:00"),
            row(D(2025, 3, 12), "Udvalg", location="Lokale 2"),
            row(D(2025, 3, 13), "Udvalg", title="Dialogmøde med \"Ældrerådet\"")]
    text, missed = reproduced(rows)
    assert missed == []
    assert text.count("[[series]]") == 4
    assert 'title = "Dialogmøde med \\"Ældrerådet\\""' in text


def test_a_meeting_without_an_end_lasts_an_hour_and_is_said_to() -> None:
    rows = [row(D(2025, 1, 15), "Udvalg", "18:15", None)]
    text, missed = reproduced(rows)
    assert missed == []
    assert "minutes = 60" in text
    _, report = plan_text(rows, title="x", timezone="Europe/Copenhagen")
    assert report[0].without_end == 1


def test_the_differences_are_found_where_a_plan_gives_other_meetings() -> None:
    rows = [row(D(2025, 1, 15), "Udvalg"), row(D(2025, 1, 29), "Udvalg")]
    text, _ = plan_text(rows, title="x", timezone="Europe/Copenhagen")
    plan = parse_plan(text.replace("2025-01-15,", "2025-01-22,"), source="x.toml")
    found = differences(rows, schedule(plan).meetings, {"udvalg": "Udvalg"})
    assert found == ["- 2025-01-15 2025-01-15 Udvalg 18:15 19:45 Udvalg",
                     "+ 2025-01-22 2025-01-22 Udvalg 18:15 19:45 Udvalg"]


def test_a_day_with_a_seminar_keeps_the_body_s_timed_meeting_too() -> None:
    rows = [row(D(2025, 8, 28), "Byrådet", "17:00", "19:00"),
            row(D(2025, 8, 28), "Byrådet", None, None, title="Budgetseminar",
                last_day=D(2025, 8, 29)),
            row(D(2025, 9, 25), "Byrådet", "17:00", "19:00")]
    text, missed = reproduced(rows)
    assert missed == []
    assert text.count("[[meeting]]") == 2


NAMES = st.sampled_from(["Byrådet", "Økonomiudvalget", "Børne- og Skoleudvalget",
                         "Udvalg \"A\"", "Rådmandsmøde"])


@st.composite
def rows_of_a_year(draw: st.DrawFn) -> list[Row]:
    found = []
    for number in range(draw(st.integers(1, 40))):
        day = D(2025, 1, 1) + dt.timedelta(days=draw(st.integers(0, 364)))
        start = draw(st.integers(6 * 60, 20 * 60))
        length = draw(st.integers(15, 180))
        kind = draw(st.sampled_from(["timed", "timed", "timed", "all day", "days"]))
        body = draw(NAMES)
        title = draw(st.sampled_from([body, "Temamøde", "Budgetseminar"]))
        location = draw(st.sampled_from(["", "Rådhuset", "Byrådssalen, 1. sal"]))
        if kind == "timed":
            found.append(Row("f.ics", number + 2, day, ClockTime.at(start),
                             ClockTime.at(start + length), title, body, location))
        else:
            last = day + dt.timedelta(days=draw(st.integers(0 if kind == "all day" else 1, 3)))
            found.append(Row("f.ics", number + 2, day, None, None, title, body, location,
                             last))
    return found


@settings(max_examples=60, deadline=None)
@given(rows_of_a_year())
def test_any_year_of_meetings_is_given_back_exactly(rows: list[Row]) -> None:
    _, missed = reproduced(rows)
    assert missed == []


def test_two_meetings_on_a_day_of_the_rule_neither_at_its_time_are_both_listed() -> None:
    """A [[meeting]] on that day would name two meetings (the rule's, and
    the list's): the rule leaves the day out, and the rule stays."""
    tuesdays = [D(2025, 1, 7) + dt.timedelta(weeks=n) for n in range(20)]
    rows = [row(day, "RM", "10:00", "11:00", title="Rådmandsmøde") for day in tuesdays
            if day != D(2025, 3, 4)]
    rows += [row(D(2025, 3, 4), "RM", "13:00", "14:00", title="Rådmandsmøde", location="B"),
             row(D(2025, 3, 4), "RM", "15:00", "16:00", title="Ekstra")]
    text, missed = reproduced(rows)
    assert missed == []
    _, report = plan_text(rows, title="Årshjul", timezone="Europe/Copenhagen")
    (body,) = report
    assert [ruled.found.phrase for ruled in body.rules] == ["hver tirsdag"]
    assert body.rules[0].left_out == (D(2025, 3, 4),)
    assert body.series == 2
    assert "[[meeting]]" not in text


def test_a_late_meeting_without_an_end_ends_at_the_day_s_last_minute() -> None:
    """An hour from 23:30 would run past midnight, which no meeting may."""
    rows = [row(D(2025, 1, 8), "NU", "23:30", None), row(D(2025, 2, 12), "NU", "23:30", None)]
    text, missed = reproduced(rows)
    assert missed == []
    assert 'end = "23:59"' in text
    assert "minutes" not in text.split("[[series]]")[1]


def test_rules_that_would_not_give_the_meetings_are_listed_instead_and_said(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The safety net under the search: a rule written wrong (here made so,
    its last meeting cut off) is caught by scheduling the body, which is
    then listed."""
    def cut_short(*args: object, **kwargs: object) -> Explained:
        told = explain(*args, **kwargs)  # type: ignore[arg-type]
        ruled = told.rules[0]
        found = attrs.evolve(ruled.found, last=ruled.found.last - dt.timedelta(days=14))
        return attrs.evolve(told, rules=(attrs.evolve(ruled, found=found),))

    monkeypatch.setattr(writing, "explain", cut_short)
    tuesdays = [D(2025, 1, 7) + dt.timedelta(weeks=n) for n in range(10)]
    rows = [row(day, "RM", "10:00", "11:00") for day in tuesdays]
    text, missed = reproduced(rows)
    assert missed == []
    _, (body,) = plan_text(rows, title="Årshjul", timezone="Europe/Copenhagen")
    assert (body.unruled, body.rules, body.series) == (True, (), 1)
    assert "dates = [" in text


def phrases(rows: list[Row]) -> list[str]:
    """The rules found behind the rows' one body, once the plan is seen to
    give the rows back."""
    _, missed = reproduced(rows)
    assert missed == []
    _, (body,) = plan_text(rows, title="Årshjul", timezone="Europe/Copenhagen")
    assert not body.unruled
    return [ruled.found.phrase for ruled in body.rules]


def wednesdays(*positions: int) -> list[dt.date]:
    return [day for month in range(1, 13)
            for n, day in enumerate(d for d in (D(2025, month, 1) + dt.timedelta(days=k)
                                                for k in range(31))
                                    if d.month == month and d.weekday() == 2)
            if n + 1 in positions]


def test_meetings_that_look_alike_are_ruled_apart_from_others() -> None:
    """The 09:00 meetings on the first and third Wednesday, the 17:00 ones
    on the second and fourth: two rules, not every Wednesday with changes."""
    rows = sorted([row(day, "Plan", "09:00", "10:00") for day in wednesdays(1, 3)]
                  + [row(day, "Plan", "17:00", "18:00") for day in wednesdays(2, 4)],
                  key=lambda r: r.date)
    assert phrases(rows) == ["1. og 3. onsdag i måneden", "2. og 4. onsdag i måneden"]


def test_a_holiday_s_move_does_not_claim_another_rule_s_meeting() -> None:
    """Good Friday moved to the workday before lands on the first Wednesday
    of April, the dialogue meeting's: Fridays are skipped on a holiday."""
    fridays = [D(2026, 1, 2) + dt.timedelta(weeks=n) for n in range(26)]
    rows = [row(day, "U", "13:00", "14:00") for day in fridays if day != D(2026, 4, 3)]
    rows += [row(day, "U", "16:30", "17:30", title="Dialogmøde")
             for day in (D(2026, 1, 7), D(2026, 2, 4), D(2026, 3, 4), D(2026, 4, 1),
                         D(2026, 5, 6), D(2026, 6, 3))]
    assert phrases(sorted(rows, key=lambda r: r.date)) == [
        "hver fredag", "første onsdag i måneden"]


def test_a_week_move_may_land_on_a_date_left_out_but_not_on_another_series_day() -> None:
    """As scheduling has it: a date in except is free to land on; a day
    another series of the body meets is not."""
    fridays = [D(2026, 1, 9) + dt.timedelta(weeks=2 * n) for n in range(26)]
    rows = [row(day, "F", "16:00", "18:00") for day in fridays
            if day not in (D(2026, 12, 25), D(2027, 1, 8))]
    assert phrases(rows) == ["hver anden fredag"]
    thursdays = [D(2026, 1, 8), D(2026, 2, 5), D(2026, 3, 5), D(2026, 4, 9), D(2026, 5, 7),
                 D(2026, 6, 4)]
    rows = [row(day, "K", "17:00", "19:00") for day in thursdays]
    rows.insert(1, row(D(2026, 1, 8), "K", "20:00", "21:00", title="Temamøde"))
    assert phrases(rows) == ["første torsdag i måneden"]
