"""Agendas assembled from templates, cases and meetings, and timed."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs
import pytest

from aarshjul import Agenda, Case, Item, Minutes, load_plan
from aarshjul.agenda import drafts
from aarshjul.agenda.assembly import assemble
from aarshjul.scheduling.meetings import schedule

from .counting import CountedDate, counted
from .plans import EXAMPLE, HEADER, agendas_of, built_in_code, make_plan

D = dt.date

COMMITTEE = '''
[[series]]
body = "sbu"
every = "hver anden onsdag"
from = 2025-01-15
to = 2025-03-31
start = "18:15"
end = "19:45"
template = "t"

[[template]]
id = "t"

[[template.item]]
title = "Godkendelse af dagsorden"
minutes = 3

[[template.item]]
title = "Referat fra mødet den {previous}"
minutes = 2

[[template.item]]
title = "Skriftlige orienteringer"
at = "end"

[[template.item]]
title = "Evt."
at = "end"
minutes = 5
'''


def agendas(body: str) -> dict[dt.date, Agenda]:
    result = agendas_of(make_plan(COMMITTEE + body))
    return {m.date: result.agenda(m) for m in result.meetings}


def codes(body: str) -> list[tuple[str, str]]:
    return [(p.severity.value, p.code) for p in agendas_of(make_plan(COMMITTEE + body)).problems]


def rows(agenda: Agenda) -> list[tuple[int, str, str | None, str | None]]:
    return [(i.number, i.title, i.start and i.start.dotted(), i.end and i.end.dotted())
            for i in agenda.items]


def test_the_seeds_committee_meeting_is_reproduced() -> None:
    result = agendas_of(load_plan(EXAMPLE))
    (meeting,) = result.meetings_on("sbu", D(2025, 1, 15))
    assert rows(result.agenda(meeting)) == [
        (1, "Godkendelse af dagsorden", "18.15", "18.18"),
        (2, "Referat fra udvalgets møde den 11. december 2024", "18.18", "18.20"),
        (3, "Byrådshenvist sag: Plan for 80% selvforsyning på socialområdet 2024 – 2035",
         "18.20", "18.40"),
        (4, "Status på Ukraine-indsatsen", "18.40", "19.05"),
        (5, "European Social Services Conference 22.-25. juni 2025", "19.05", "19.25"),
        (6, "Orienteringspunkter", "19.25", "19.30"),
        (7, "Skriftlige orienteringer", None, None),
        (8, "Kurser og konferencer samt sager på vej til byrådet", "19.30", "19.32"),
        (9, "Kommende møder", "19.32", "19.35"),
        (10, "Evt.", "19.35", "19.40"),
    ]


def test_the_seeds_raadmandsmoede_is_reproduced() -> None:
    result = agendas_of(load_plan(EXAMPLE))
    (meeting,) = result.meetings_on("rm", D(2025, 1, 14))
    assert [(n, t) for n, t, _, _ in rows(result.agenda(meeting))] == [
        (1, "Dagsorden"), (2, "Referat"), (3, "Mål i politisk retning for budget 2026"),
        (4, "Orientering fra magistraten"), (5, "Orientering fra udvalget"), (6, "Bordet rundt")]


def test_order_is_start_items_cases_own_items_end_items() -> None:
    agenda = agendas('''
        [[case]]
        title = "Sag i vinduet"
        body = "sbu"
        window = [2025-01-10, 2025-01-20]
        minutes = 10

        [[case]]
        title = "Sag på datoen"
        body = "sbu"
        date = 2025-01-15
        minutes = 20

        [[meeting]]
        body = "sbu"
        date = 2025-01-15

        [[meeting.item]]
        title = "Eget punkt"
        minutes = 15
        ''')[D(2025, 1, 15)]
    assert rows(agenda) == [
        (1, "Godkendelse af dagsorden", "18.15", "18.18"),
        (2, "Referat fra mødet den –", "18.18", "18.20"),
        (3, "Sag på datoen", "18.20", "18.40"),
        (4, "Sag i vinduet", "18.40", "18.50"),
        (5, "Eget punkt", "18.50", "19.05"),
        (6, "Skriftlige orienteringer", None, None),
        (7, "Evt.", "19.05", "19.10"),
    ]


def test_previous_and_date_placeholders() -> None:
    second = agendas('''
        [[template.item]]
        title = "Dagsorden for {date}"
        ''')[D(2025, 1, 29)]
    assert second.items[1].title == "Referat fra mødet den 15. januar 2025"
    assert second.items[2].title == "Dagsorden for 29. januar 2025"


def test_dates_in_item_texts_are_written_as_the_caller_asks() -> None:
    plan = make_plan(COMMITTEE)
    result = assemble(plan, schedule(plan), date_words=dt.date.isoformat)
    (second,) = result.meetings_on("sbu", D(2025, 1, 29))
    assert result.agenda(second).items[1].title == "Referat fra mødet den 2025-01-15"
    (first,) = result.meetings_on("sbu", D(2025, 1, 15))
    assert result.agenda(first).items[1].title == "Referat fra mødet den –"  # none before


def test_equal_items_are_made_once_and_items_naming_a_date_each_time() -> None:
    """Meetings share the items their equal entries give (a large plan has
    tens of thousands), wherever the entries were written: two templates'
    identical items are one item."""
    thursdays = (COMMITTEE.replace("onsdag", "torsdag").replace("2025-01-15", "2025-01-16")
                 .replace('"t"', '"u"'))
    result = agendas_of(make_plan(COMMITTEE + thursdays))
    wednesday, thursday = (result.agenda(m) for m in result.meetings[:2])
    assert (wednesday.date, thursday.date) == (D(2025, 1, 15), D(2025, 1, 16))
    assert wednesday.items[0] is thursday.items[0]
    assert wednesday.items[1] is not thursday.items[1]  # "{previous}": its own text


def test_the_agendas_know_their_meetings_and_whether_all_is_well() -> None:
    plan = make_plan(COMMITTEE)
    result = agendas_of(plan)
    assert result.meetings == schedule(plan).meetings
    assert set(result.by_uid) == {m.uid for m in result.meetings}
    assert result.ok
    assert not agendas_of(make_plan(COMMITTEE + """
        [[meeting]]
        body = "sbu"
        date = 2025-01-15
        end = "18:20"
        """)).ok


def test_a_window_case_goes_to_the_first_meeting_with_room() -> None:
    found = agendas('''
        [[case]]
        title = "Stor sag"
        body = "sbu"
        date = 2025-01-15
        minutes = 75

        [[case]]
        title = "Sag"
        body = "sbu"
        window = [2025-01-01, 2025-02-28]
        minutes = 20
        ''')
    assert "Sag" not in [i.title for i in found[D(2025, 1, 15)].items]
    assert "Sag" in [i.title for i in found[D(2025, 1, 29)].items]


def test_a_month_case_comes_every_year() -> None:
    plan = make_plan(COMMITTEE.replace("to = 2025-03-31", "to = 2026-03-31") + '''
        [[case]]
        title = "Budgetopfølgning"
        body = "sbu"
        month = [2]
        minutes = 10
        ''', header=make_header(end="2026-12-31"))
    result = agendas_of(plan)
    with_case = [m.date for m in result.meetings
                 if "Budgetopfølgning" in [i.title for i in result.agenda(m).items]]
    assert with_case == [D(2025, 2, 12), D(2026, 2, 11)]


def make_header(end: str) -> str:
    return (f'[plan]\ntitle = "Testplan"\nid = "test"\nstart = 2025-01-01\nend = {end}\n\n'
            '[[body]]\nid = "sbu"\nname = "Udvalget"\nlocation = "Rådhuset"\n')


def test_a_case_no_meeting_can_take_says_why() -> None:
    plan = make_plan(COMMITTEE + '''
        [[case]]
        title = "Ingen møder"
        body = "sbu"
        window = [2025-06-01, 2025-06-30]

        [[case]]
        title = "Forkert dag"
        body = "sbu"
        date = 2025-01-16

        [[case]]
        title = "For stor"
        body = "sbu"
        window = [2025-01-01, 2025-01-31]
        minutes = 200
        ''')
    problems = sorted((p for p in agendas_of(plan).problems if p.code == "unplaced-case"),
                      key=lambda p: p.line or 0)
    messages = [p.message for p in problems]
    assert '"sbu" has no meeting between 2025-06-01 and 2025-06-30' in messages[0]
    assert '"sbu" has no meeting on 2025-01-16 (nearest: 2025-01-15, 2025-01-29)' in messages[1]
    assert ("every meeting of \"sbu\" between 2025-01-01 and 2025-01-31 is full: the case needs "
            "200 minutes, the most room left is 80 minutes (2025-01-15; 2 meetings tried)"
            in messages[2])


def test_a_case_on_a_cancelled_meeting() -> None:
    found = codes('''
        [[meeting]]
        body = "sbu"
        date = 2025-01-15
        status = "cancelled"

        [[case]]
        title = "Sag"
        body = "sbu"
        date = 2025-01-15
        ''')
    assert ("error", "unplaced-case") in found


def test_a_case_follows_its_meeting_when_it_moves() -> None:
    found = agendas('''
        [[meeting]]
        body = "sbu"
        date = 2025-02-12
        moved_to = 2025-02-19

        [[case]]
        title = "Sag"
        body = "sbu"
        date = 2025-02-12
        minutes = 10
        ''')
    assert "Sag" in [i.title for i in found[D(2025, 2, 19)].items]


def test_over_time_says_by_how_much() -> None:
    problems = agendas_of(make_plan(COMMITTEE + '''
        [[case]]
        title = "Lang sag"
        body = "sbu"
        date = 2025-01-15
        minutes = 85
        ''')).problems
    (problem,) = [p for p in problems if p.code == "over-time"]
    assert problem.is_error
    assert "runs to 19:50, 5 minutes past the meeting's end at 19:45" in problem.message


def test_a_fixed_time_item_and_the_items_around_it() -> None:
    agenda = agendas('''
        [[template.item]]
        title = "Spørgetid"
        at = "end"
        minutes = 15
        time = "19:00"
        ''')[D(2025, 1, 29)]
    assert rows(agenda)[-2:] == [(4, "Evt.", "18.20", "18.25"),
                                 (5, "Spørgetid", "19.00", "19.15")]


def test_a_fixed_time_item_pushed_past_its_time() -> None:
    problems = agendas_of(make_plan(COMMITTEE + '''
        [[template.item]]
        title = "Spørgetid"
        at = "end"
        minutes = 15
        time = "18:40"

        [[case]]
        title = "Sag"
        body = "sbu"
        date = 2025-01-15
        minutes = 30
        ''')).problems
    (problem,) = [p for p in problems if p.code == "fixed-time"]
    assert problem.item == 6
    assert "should start at 18:40 but the items before it end at 18:55" in problem.message


def test_slack_is_information_for_planned_agendas_only() -> None:
    found = codes('''
        [[case]]
        title = "Sag"
        body = "sbu"
        date = 2025-01-15
        minutes = 10
        ''')
    assert found == [("info", "slack")]


def test_cancelled_meetings_have_no_agenda_problems() -> None:
    assert codes('''
        [[meeting]]
        body = "sbu"
        date = 2025-01-15
        status = "cancelled"

        [[meeting.item]]
        title = "For langt"
        minutes = 500
        ''') == []


def test_an_agenda_running_past_midnight_is_over_time_not_a_crash() -> None:
    problems = agendas_of(make_plan(COMMITTEE + '''
        [[case]]
        title = "Natmøde"
        body = "sbu"
        date = 2025-01-15
        minutes = 1440
        ''')).problems
    assert "over-time" in [p.code for p in problems]


def test_a_month_outside_the_plan_is_an_unplaced_case() -> None:
    problems = agendas_of(make_plan(COMMITTEE + '''
        [[case]]
        title = "Sommersag"
        body = "sbu"
        month = 7
        ''', header=make_header(end="2025-03-31"))).problems
    (problem,) = [p for p in problems if p.code == "unplaced-case"]
    assert "month 7 is not inside the plan (2025-01-01 to 2025-03-31)" in problem.message


def test_a_case_that_would_push_a_fixed_time_item_goes_to_the_next_meeting() -> None:
    found = agendas('''
        [[template.item]]
        title = "Spørgetid"
        at = "end"
        minutes = 15
        time = "19:00"

        [[case]]
        title = "Lang sag"
        body = "sbu"
        window = [2025-01-01, 2025-02-28]
        minutes = 30

        [[case]]
        title = "Tidlig sag"
        body = "sbu"
        date = 2025-01-15
        minutes = 20
        ''')
    # 18:15 + 3 + 2 + 20 + 30 + 5 = 19:15 on the 15th would push Spørgetid; the
    # 90 minutes of the meeting would hold it.
    assert "Lang sag" not in [i.title for i in found[D(2025, 1, 15)].items]
    assert "Lang sag" in [i.title for i in found[D(2025, 1, 29)].items]


def test_a_case_built_in_code_that_no_meeting_takes_is_named() -> None:
    plan = built_in_code(make_plan(COMMITTEE + '''
        [[case]]
        title = "Regnskab"
        body = "sbu"
        date = 2025-01-16
        '''))
    (problem,) = [p for p in agendas_of(plan).problems if p.is_error]
    assert (problem.file, problem.key) == ("<plan>", "case[1]")
    assert problem.message.startswith('[[case]] #1 ("Regnskab"): no meeting can take it')


def test_a_schedule_of_another_plan_is_refused_with_what_does_not_fit() -> None:
    plan = make_plan(COMMITTEE)
    other = make_plan("")  # the same bodies, but no template "t"
    with pytest.raises(ValueError, match=r'^the schedule is not of this plan: its meeting of '
                       r'"sbu" on 2025-01-15 has the template "t", which the plan does not '
                       r"have; assemble a plan with its own schedule: "
                       r"assemble\(plan, schedule\(plan\)\)$"):
        assemble(other, schedule(plan))
    nobody = attrs.evolve(plan, bodies=plan.bodies[1:])
    with pytest.raises(ValueError, match='its meeting of "sbu" on 2025-01-15 is of a body '
                       "the plan does not have"):
        assemble(nobody, schedule(plan))


def _placing_work(years: int, monkeypatch: pytest.MonkeyPatch) -> int:
    """Date comparisons and agenda entries walked to place the cases of a
    body meeting every Wednesday for ``years`` years: on each meeting one
    case pinned to its date and 19 with a window over the whole plan, which
    fill the meetings one by one."""
    header = HEADER.replace("end = 2025-12-31", f"end = {2024 + years}-12-31")
    plan = make_plan('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = "10:00"\n'
                     'minutes = 20\n', header=header)
    meetings = schedule(plan)
    first, last = counted(plan.start), counted(plan.end)
    cases = [Case(title=f"Sag {m.date}", body="sbu", date=counted(m.date), minutes=Minutes(1))
             for m in meetings.meetings]
    cases += [Case(title=f"Sag {n}", body="sbu", window=(first, last), minutes=Minutes(1))
              for n in range(19 * len(meetings.meetings))]
    walked = 0
    walk = drafts.run_clock

    def counting_walk(start: int, entries: Sequence[Item | Case]) -> object:
        nonlocal walked
        walked += len(entries) + 1
        return walk(start, entries)

    monkeypatch.setattr(drafts, "run_clock", counting_walk)
    CountedDate.compared = 0
    result = assemble(attrs.evolve(plan, cases=tuple(cases)), meetings)
    assert not [p for p in result.problems if p.is_error]
    return CountedDate.compared + walked


def test_placing_cases_grows_with_the_cases_not_with_cases_times_meetings(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Four times the meetings and the cases: about four times the work (a
    # bisection and a tree find each case's meeting), where looking at every
    # meeting for every case, or walking every case of a meeting to add one
    # more, made it about sixteen times (measured: 4.9 times now, 16 before).
    one, four = _placing_work(1, monkeypatch), _placing_work(4, monkeypatch)
    assert four < 8 * one


def test_an_agenda_knows_its_body_s_name_and_where_its_meeting_moved_from() -> None:
    result = agendas_of(make_plan('''
[[series]]
body = "sbu"
dates = [2025-02-12, 2025-03-12]
start = "18:15"
end = "19:45"
title = "Temamøde"

[[meeting]]
body = "sbu"
date = 2025-02-12
moved_to = 2025-02-19
'''))
    moved, held = (result.agenda(m) for m in result.meetings)
    assert (moved.title, moved.body, moved.body_name) == (
        "Temamøde", "sbu", "Social- og Beskæftigelsesudvalget")
    assert (moved.date, moved.moved_from) == (dt.date(2025, 2, 19), dt.date(2025, 2, 12))
    assert held.moved_from is None
