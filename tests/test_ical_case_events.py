"""The days cases must be ready (SPEC §12): each placed step whose body has
a deadline is an all-day event in deadlines.ics, read back by every parser,
with a UID that stays when other cases come and go."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
import pytest

from aarshjul import Agendas, Plan, assemble, build_feeds, parse_plan, schedule, write_feeds
from aarshjul.ical.case_events import case_step_uid
from aarshjul.ical.manifest import DEADLINES, read_manifest
from aarshjul.ical.stamps import Stamper

from .feed_parsers import PARSERS
from .feed_plans import NOW
from .test_agenda_routes import CASE, PLAN

D = dt.date
LATER = dt.datetime(2025, 6, 1, 8, 30, tzinfo=dt.UTC)

# The committee's cases are due five workdays before its meeting, the
# byråd's agenda (and so its cases) four hverdage before; Økonomiudvalget
# has no deadline.
DEADLINES_PLAN = PLAN.replace(
    'name = "Social- og Beskæftigelsesudvalget"\n',
    'name = "Social- og Beskæftigelsesudvalget"\ncolor = "#008080"\n'
    'case_deadline = "5 arbejdsdage"\n').replace(
    'name = "Byrådet"\n', 'name = "Byrådet"\nagenda_deadline = "4 hverdage"\n')


def committee_case(title: str, day: str) -> str:
    return f'\n[[case]]\ntitle = "{title}"\nbody = "sbu"\ndate = {day}\nminutes = 10\n'


# A case of the committee's alone, the Wednesday after Easter.
AFTER_EASTER = committee_case("Orientering om ledighed", "2025-04-23")
# Another case for the committee in May, listed first: it takes the
# committee's first item on 14 May.
BEFORE = committee_case("Status på jobcentret", "2025-05-14")

BUDGET = "Budgetopfølgning pr. 31. marts"


def plan_of(text: str, language: str = "da") -> tuple[Plan, Agendas]:
    if language != "da":
        text = text.replace('end = 2025-12-31\n', f'end = 2025-12-31\nlanguage = "{language}"\n', 1)
    plan = parse_plan(text, source="plan.toml")
    agendas = assemble(plan, schedule(plan))
    assert agendas.ok, agendas.problems
    return plan, agendas


def deadlines_of(text: str, language: str = "da") -> str:
    plan, agendas = plan_of(text, language)
    return build_feeds(plan, agendas, stamper=Stamper(NOW))[DEADLINES]


def read(feed: str) -> set[tuple[str, object, object, str, str]]:
    """The feed's events, as every parser reads them (they must agree)."""
    answers = {name: PARSERS[name](feed) for name in PARSERS}
    first = answers.pop("icalendar")
    for name, answer in answers.items():
        assert answer == first, f"{name} reads the deadlines differently"
    return first


def case_days(feed: str, prefix: str = "Frist: ") -> dict[str, dt.date]:
    """Each case deadline's summary and day (and its end, the day after)."""
    found = {}
    for _, start, end, summary, status in read(feed):
        if summary.startswith(prefix):
            assert type(start) is dt.date  # all day
            assert (end, status) == (start + dt.timedelta(days=1), "CONFIRMED")
            found[summary] = start
    return found


def vevents(feed: str) -> dict[str, icalendar.Event]:
    return {str(e["SUMMARY"]): e for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")}


def test_each_step_with_a_deadline_is_due_on_its_day() -> None:
    feed = deadlines_of(DEADLINES_PLAN + CASE + AFTER_EASTER)
    assert case_days(feed) == {
        # Wednesday 14 May, five workdays: Tuesday back to Wednesday 7 May.
        f"Frist: {BUDGET} → Social- og Beskæftigelsesudvalget (møde 14. maj 2025)": D(2025, 5, 7),
        # Wednesday 28 May, four hverdage, Saturday one of them: Friday 23 May.
        f"Frist: {BUDGET} → Byrådet (møde 28. maj 2025)": D(2025, 5, 23),
        # Wednesday 23 April: Tuesday, then over Easter Monday, Good Friday
        # and Maundy Thursday to Wednesday 16, Tuesday, Monday, Friday 11 April.
        "Frist: Orientering om ledighed → Social- og Beskæftigelsesudvalget (møde 23. april "
        "2025)": D(2025, 4, 11),
    }  # and none for Økonomiudvalget, which has no deadline
    # Beside them, the byråd's agenda deadlines, one a meeting, as before.
    _, agendas = plan_of(DEADLINES_PLAN)
    assert len(read(feed)) == 3 + len([m for m in agendas.meetings if m.body == "byraad"])


def test_a_step_s_event_is_a_deadline_of_its_meeting() -> None:
    plan, agendas = plan_of(DEADLINES_PLAN + CASE)
    (placed,) = agendas.cases
    committee, _, council = placed.steps
    events = vevents(build_feeds(plan, agendas, stamper=Stamper(NOW))[DEADLINES])
    mine = events[f"Frist: {BUDGET} → Social- og Beskæftigelsesudvalget (møde 14. maj 2025)"]
    assert str(mine["RELATED-TO"]) == committee.meeting.uid
    assert str(mine["UID"]) == case_step_uid(committee.meeting.uid, placed.case)
    assert str(mine["TRANSP"]) == "TRANSPARENT"
    assert str(mine["COLOR"]) == "teal"  # the body's colour
    assert mine.decoded("DTSTART") == D(2025, 5, 7)
    theirs = events[f"Frist: {BUDGET} → Byrådet (møde 28. maj 2025)"]
    assert str(theirs["RELATED-TO"]) == council.meeting.uid
    assert "COLOR" not in theirs
    # The byråd's agenda deadline is another event, on the same day.
    agenda = events["Frist for dagsorden: Byrådet 28. maj 2025"]
    assert agenda["UID"] != theirs["UID"]
    assert agenda.decoded("DTSTART") == theirs.decoded("DTSTART")


def test_the_feed_lists_a_meeting_s_deadlines_after_its_agenda_s() -> None:
    feed = deadlines_of(DEADLINES_PLAN + BEFORE + CASE)
    summaries = [str(e["SUMMARY"]) for e in icalendar.Calendar.from_ical(feed).walk("VEVENT")]
    may = [s for s in summaries if "maj" in s]
    assert may == [
        "Frist: Status på jobcentret → Social- og Beskæftigelsesudvalget (møde 14. maj 2025)",
        f"Frist: {BUDGET} → Social- og Beskæftigelsesudvalget (møde 14. maj 2025)",
        "Frist for dagsorden: Byrådet 28. maj 2025",
        f"Frist: {BUDGET} → Byrådet (møde 28. maj 2025)",
    ]


def test_in_english() -> None:
    feed = deadlines_of(DEADLINES_PLAN + CASE, language="en")
    assert case_days(feed, "Deadline: ") == {
        f"Deadline: {BUDGET} → Social- og Beskæftigelsesudvalget (meeting 14 May 2025)":
            D(2025, 5, 7),
        f"Deadline: {BUDGET} → Byrådet (meeting 28 May 2025)": D(2025, 5, 23),
    }


def uids(feed: str) -> dict[str, str]:
    return {summary: uid for uid, _, _, summary, _ in read(feed)}


def test_a_step_keeps_its_uid_when_another_case_comes_before_it() -> None:
    before = uids(deadlines_of(DEADLINES_PLAN + CASE))
    plan, agendas = plan_of(DEADLINES_PLAN + BEFORE + CASE)
    budget = next(p for p in agendas.cases if p.case.title == BUDGET)
    assert budget.steps[0].item == 2  # its item's number changed: its UID did not
    after = uids(build_feeds(plan, agendas, stamper=Stamper(NOW))[DEADLINES])
    assert before.items() <= after.items()
    assert len(after) == len(before) + 1


def test_a_body_without_a_deadline_gives_no_event() -> None:
    text = PLAN + CASE + AFTER_EASTER  # no body has a deadline
    assert read(deadlines_of(text)) == set()


def test_cases_alike_on_one_meeting_are_told_apart_and_keep_their_uids() -> None:
    # Økonomiudvalget meets once, on 13 May: a case for the byråd in May and
    # one alike in June both pass it (and the committee's 7 May).
    plan = (DEADLINES_PLAN.replace('every = "hver tirsdag"', "dates = [2025-05-13]")
            .replace('name = "Økonomiudvalget"\n',
                     'name = "Økonomiudvalget"\ncase_deadline = 3\n'))
    june, may = CASE.replace("month = 5", "month = 6"), CASE

    def on_the_committee(text: str) -> list[str]:
        found = plan_of(text)[1]
        meeting = found.cases[0].steps[1].meeting
        assert {placed.steps[1].meeting for placed in found.cases} == {meeting}
        feed = build_feeds(*plan_of(text), stamper=Stamper(NOW))[DEADLINES]
        return sorted(uid for uid, _, _, summary, _ in read(feed)
                      if summary.endswith("Økonomiudvalget (møde 13. maj 2025)"))

    meeting = plan_of(plan + may)[1].cases[0].steps[1].meeting.uid
    first, second = (case_step_uid(meeting, parse_plan(plan + may).cases[0], n) for n in (0, 1))
    assert on_the_committee(plan + may) == [first]
    # The event there keeps its UID when the other comes, listed before it
    # or after it, or as a second month of one case.
    assert on_the_committee(plan + june + may) == sorted([first, second])
    assert on_the_committee(plan + may + june) == sorted([first, second])
    assert on_the_committee(plan + may.replace("month = 5", "month = [5, 6]")) == sorted(
        [first, second])
    assert on_the_committee(plan + june) == [first]
    # The same case twice in the plan: every step twice, each its own UID,
    # the same in every build.
    twice = deadlines_of(DEADLINES_PLAN + CASE + CASE)
    events = read(twice)
    assert len({uid for uid, *_ in events}) == len(events)
    assert len(events) == len(read(deadlines_of(DEADLINES_PLAN + CASE))) + 2
    assert twice == deadlines_of(DEADLINES_PLAN + CASE + CASE)


@pytest.mark.parametrize("first", [CASE, BEFORE])
def test_a_rebuild_keeps_the_stamps_of_the_steps_that_did_not_change(tmp_path: Path,
                                                                     first: str) -> None:
    plan, agendas = plan_of(DEADLINES_PLAN + first)
    write_feeds(plan, agendas, tmp_path, now=NOW)
    again = write_feeds(plan, agendas, tmp_path, now=LATER)
    assert DEADLINES in again.unchanged
    plan, agendas = plan_of(DEADLINES_PLAN + BEFORE + CASE)
    write_feeds(plan, agendas, tmp_path, now=LATER)
    records = read_manifest(tmp_path).records
    assert records is not None
    events = vevents((tmp_path / DEADLINES).read_text(encoding="utf-8"))
    for summary, event in events.items():
        if summary.startswith("Frist: "):
            kept = summary.startswith(f"Frist: {'Status' if first == BEFORE else 'Budget'}")
            assert records[str(event["UID"])].stamp.at == (NOW if kept else LATER)
            assert event["DTSTAMP"].dt == (NOW if kept else LATER)


def test_a_case_s_title_stays_as_it_is_in_every_parser() -> None:
    written = "Æøå; a,b\\\\c: BEGIN:VEVENT " + "ø" * 80  # as TOML writes a backslash
    text = DEADLINES_PLAN + AFTER_EASTER.replace("Orientering om ledighed", written)
    title = written.replace("\\\\", "\\")
    assert "\\" in title
    (summary,) = case_days(deadlines_of(text))
    assert summary == (f"Frist: {title} → Social- og Beskæftigelsesudvalget (møde 23. april "
                       "2025)")
