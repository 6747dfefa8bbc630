"""Invariants that hold for any plan, checked on generated plans."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aarshjul import OnClosed, OnHoliday, Status, parse_plan, schedule
from aarshjul.agenda.listing import as_json
from aarshjul.scheduling.calendar import work_calendar

PHRASES = ["hver tirsdag", "hver anden onsdag", "every friday", "første mandag i måneden",
           "sidste torsdag i måneden", "onsdag i lige uger", "hver 3. torsdag",
           "hverdage", "every monday and thursday", "2. og 4. onsdag i måneden",
           "3. uge om mandagen", "mandag i 4. uge"]
RULES = ["FREQ=WEEKLY;BYDAY=FR", "FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=DAILY;INTERVAL=5",
         "FREQ=YEARLY;BYMONTH=5;BYDAY=TH", "FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1"]
BODIES = ["a", "b", "c"]

settings.register_profile("aarshjul", deadline=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("aarshjul")

days = st.dates(min_value=dt.date(2023, 1, 1), max_value=dt.date(2027, 12, 31))


@st.composite
def series_tables(draw: st.DrawFn, body: str) -> str:
    how = draw(st.sampled_from(["every", "rule", "dates"]))
    if how == "every":
        recurrence = f'every = "{draw(st.sampled_from(PHRASES))}"'
    elif how == "rule":
        recurrence = f'rule = "{draw(st.sampled_from(RULES))}"'
    else:
        chosen = draw(st.lists(days, min_size=1, max_size=6, unique=True))
        recurrence = f"dates = [{', '.join(d.isoformat() for d in chosen)}]"
    start = draw(st.integers(6 * 60, 16 * 60))
    minutes = draw(st.integers(15, 240))
    on_holiday = draw(st.sampled_from([h.value for h in OnHoliday]))
    on_closed = draw(st.sampled_from([c.value for c in OnClosed]))
    months = draw(st.lists(st.integers(1, 12), max_size=4, unique=True))
    return (f'[[series]]\nbody = "{body}"\n{recurrence}\n'
            f'start = "{start // 60:02d}:{start % 60:02d}"\nminutes = {minutes}\n'
            f'on_holiday = "{on_holiday}"\non_closed = "{on_closed}"\n'
            + (f"months = {months}\n" if months else ""))


@st.composite
def plans(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A plan's header, and its other tables as separate texts."""
    start = draw(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2025, 12, 31)))
    end = start + dt.timedelta(days=draw(st.integers(30, 500)))
    categories = draw(st.sampled_from(['["public"]', '["public", "optional"]']))
    header = (f'[plan]\ntitle = "p"\nid = "p"\nstart = {start}\nend = {end}\n'
              f"holiday_categories = {categories}\n")
    tables = [f'[[body]]\nid = "{body}"\nname = "Organ {body}"\n' for body in BODIES]
    for index, body in enumerate(BODIES):
        if index == 0 or draw(st.booleans()):
            tables.append(draw(series_tables(body)))
    for weeks in draw(st.lists(st.integers(1, 53), max_size=3, unique=True)):
        tables.append(f'[[closed]]\nname = "Uge {weeks}"\nweeks = [{weeks}]\n')
    if draw(st.booleans()):
        first = draw(st.dates(min_value=start, max_value=end))
        last = first + dt.timedelta(days=draw(st.integers(0, 40)))
        tables.append(f'[[closed]]\nname = "Ferie"\nfrom = {first}\nto = {last}\n')
    return header, tables


def text_of(header: str, tables: list[str]) -> str:
    return header + "\n" + "\n".join(tables)


@given(plans())
def test_no_meeting_on_a_holiday_unless_keep_and_none_in_a_closed_period(
        generated: tuple[str, list[str]]) -> None:
    plan = parse_plan(text_of(*generated))
    calendar = work_calendar(plan)
    keep = {s.body for s in plan.series if s.on_holiday is OnHoliday.KEEP}
    for meeting in schedule(plan).meetings:
        assert calendar.closed_period(meeting.date) is None
        assert plan.start <= meeting.date <= plan.end
        if meeting.body not in keep:
            assert calendar.holiday(meeting.date) is None, meeting


@given(plans())
def test_reversing_the_order_of_tables_changes_nothing(generated: tuple[str, list[str]]
                                                       ) -> None:
    header, tables = generated
    forward = schedule(parse_plan(text_of(header, tables)))
    backward = schedule(parse_plan(text_of(header, tables[::-1])))
    assert as_json(forward.meetings) == as_json(backward.meetings)
    assert sorted(p.code for p in forward.problems) == sorted(p.code for p in backward.problems)


@given(plans(), st.data())
def test_a_move_never_changes_identity(generated: tuple[str, list[str]],
                                       data: st.DataObject) -> None:
    header, tables = generated
    plan = parse_plan(text_of(header, tables))
    before = schedule(plan).meetings
    planned = [m for m in before if m.status is Status.PLANNED and m.original_date is None]
    if not planned:
        return
    meeting = data.draw(st.sampled_from(planned))
    target = data.draw(st.dates(min_value=plan.start, max_value=plan.end))
    new_start = data.draw(st.integers(0, 22 * 60))
    change = (f'[[meeting]]\nbody = "{meeting.body}"\ndate = {meeting.date}\n'
              f"moved_to = {target}\n"
              f'start = "{new_start // 60:02d}:{new_start % 60:02d}"\nminutes = 30\n')
    after = schedule(parse_plan(text_of(header, [*tables, change]))).meetings
    assert {m.uid for m in after} == {m.uid for m in before}
    (moved,) = [m for m in after if m.uid == meeting.uid]
    assert moved.date == target
    assert moved.original_date == (meeting.date if target != meeting.date else None)


@given(plans())
def test_the_same_plan_gives_the_same_meetings(generated: tuple[str, list[str]]) -> None:
    text = text_of(*generated)
    assert as_json(schedule(parse_plan(text)).meetings) == as_json(
        schedule(parse_plan(text)).meetings)


@given(plans(), st.sampled_from(["week-before", "week-after"]))
def test_a_week_move_keeps_the_weekday_goes_at_most_four_weeks_and_meets_alone(
        generated: tuple[str, list[str]], how: str) -> None:
    header, tables = generated
    moved_by_weeks = [re.sub(r'on_(holiday|closed) = "[a-z-]+"', f'on_\\1 = "{how}"', table)
                      for table in tables]
    meetings = schedule(parse_plan(text_of(header, moved_by_weeks))).meetings
    for meeting in meetings:
        if meeting.original_date is None:
            continue
        assert meeting.date.weekday() == meeting.original_date.weekday()
        assert 7 <= abs((meeting.date - meeting.original_date).days) <= 28
        assert [m.date for m in meetings if m.body == meeting.body].count(meeting.date) == 1
