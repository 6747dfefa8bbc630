"""Meetings over several days (SPEC §11): a ``[[meeting]]`` with ``to``, its
last day. With ``start`` and ``end`` it runs from the start on its first day
to the end on its last; a one-off without times is all day. A single all-day
meeting is written with ``to`` = its date; without ``to`` a one-off still
needs its times."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from aarshjul import list_meetings, parse_plan
from aarshjul.agenda.assembly import assemble
from aarshjul.agenda.listing import meeting_record
from aarshjul.ical.decode import decode
from aarshjul.ical.feeds import build_feeds
from aarshjul.ical.stamps import Stamper
from aarshjul.publishing.sync import Held, plan_sync
from aarshjul.scheduling.meetings import schedule
from aarshjul.site.pages import site_files

from .feed_parsers import with_ical, with_icalendar, with_recurring_ical_events, with_vobject

D = dt.date
CPH = ZoneInfo("Europe/Copenhagen")

PLAN = """\
[plan]
title = "Byrådets mødeplan 2025"
id = "byraad-2025"
start = 2025-01-01
end = 2025-12-31

[[body]]
id = "byraad"
name = "Byrådet"

[[series]]
body = "byraad"
every = "sidste onsdag i måneden"
start = "17:00"
end = "20:00"

[[meeting]]
body = "byraad"
date = 2025-08-25
to = 2025-08-26
title = "Budgetseminar"

[[meeting]]
body = "byraad"
date = 2025-06-22
to = 2025-06-25
start = "09:00"
end = "15:00"
title = "KL's topmøde"
"""


def checked(run_cli, tmp_path: Path, tables: str) -> str:
    """What ``check`` says, in English, of the plan with ``tables`` added."""
    plan = tmp_path / "byraad.toml"
    plan.write_text(PLAN + tables, encoding="utf-8")
    return str(run_cli("check", "--lang", "en", str(plan)).stdout)


def meetings(text: str = PLAN) -> dict[str, dict[str, object]]:
    plan = parse_plan(text, source="byraad.toml")
    return {m.title: meeting_record(m) for m in list_meetings(plan)}


def test_a_budget_seminar_is_all_day_over_its_days() -> None:
    seminar = meetings()["Budgetseminar"]
    assert (seminar["date"], seminar["to"], seminar["start"], seminar["end"]) == (
        "2025-08-25", "2025-08-26", None, None)


def test_a_conference_runs_from_its_start_on_the_first_day_to_its_end_on_the_last() -> None:
    conference = meetings()["KL's topmøde"]
    assert (conference["date"], conference["to"], conference["start"], conference["end"]) == (
        "2025-06-22", "2025-06-25", "09:00", "15:00")


def test_a_meeting_of_one_day_has_no_last_day() -> None:
    assert meetings()["Byrådet"]["to"] is None


def test_a_change_of_a_series_meeting_may_last_several_days_with_the_series_times() -> None:
    text = PLAN + '\n[[meeting]]\nbody = "byraad"\ndate = 2025-09-24\nto = 2025-09-25\n'
    plan = parse_plan(text, source="byraad.toml")
    [changed] = [m for m in list_meetings(plan) if m.date == D(2025, 9, 24)]
    assert (changed.to, str(changed.start), str(changed.end), changed.all_day) == (
        D(2025, 9, 25), "17:00", "20:00", False)


def test_a_moved_meeting_lasts_from_where_it_is_moved_to() -> None:
    text = PLAN + ('\n[[meeting]]\nbody = "byraad"\ndate = 2025-09-24\nmoved_to = 2025-09-22\n'
                   'to = 2025-09-23\nstart = "10:00"\nend = "12:00"\n')
    plan = parse_plan(text, source="byraad.toml")
    [moved] = [m for m in list_meetings(plan) if m.original_date == D(2025, 9, 24)]
    assert (moved.date, moved.to, str(moved.start), str(moved.end)) == (
        D(2025, 9, 22), D(2025, 9, 23), "10:00", "12:00")


def test_a_single_all_day_meeting_gives_its_date_as_its_last_day() -> None:
    text = PLAN + '\n[[meeting]]\nbody = "byraad"\ndate = 2025-03-03\nto = 2025-03-03\n'
    plan = parse_plan(text, source="byraad.toml")
    [day] = [m for m in list_meetings(plan) if m.date == D(2025, 3, 3)]
    assert (day.to, day.all_day) == (None, True)


def test_json_and_text_show_the_days(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "byraad.toml"
    plan.write_text(PLAN, encoding="utf-8")
    listed = json.loads(run_cli("meetings", str(plan), "--format", "json").stdout)
    assert all("to" in meeting for meeting in listed)
    text = run_cli("meetings", str(plan)).stdout
    assert "2025-06-22–2025-06-25  søn  09:00–15:00" in text
    seminar = next(line for line in text.splitlines() if "Budgetseminar" in line)
    assert seminar.startswith("2025-08-25–2025-08-26  man  ")
    assert ":" not in seminar


BAD = {
    "before": ('date = 2025-03-10\nto = 2025-03-09\n', 34, "end-before-start",
               "to: 2025-03-09 is before date = 2025-03-10"),
    "too long": ('date = 2025-03-10\nto = 2025-03-25\n', 34, "bad-value",
                 "to: a meeting lasts at most 14 days (2025-03-10 to 2025-03-25 is 16)"),
    "moved before": ('date = 2025-09-24\nmoved_to = 2025-09-22\nto = 2025-09-21\n', 35,
                     "end-before-start", "to: 2025-09-21 is before moved_to = 2025-09-22"),
    "minutes": ('date = 2025-03-10\nto = 2025-03-11\nstart = "09:00"\nminutes = 60\n', 36,
                "conflicting-keys", 'gives "start" and "end", not "minutes"'),
    "start only": ('date = 2025-03-10\nto = 2025-03-11\nstart = "09:00"\n', 35, "missing-key",
                   'gives "start" (on its first day) and "end" (on its last), or neither'),
    "not a date": ('date = 2025-03-10\nto = "tirsdag"\n', 34, "bad-type", "to:"),
    "past the plan": ('date = 2025-12-30\nto = 2026-01-02\n', 34, "outside-plan",
                      "2026-01-02 is outside the plan"),
    "one day backwards": ('date = 2025-03-10\nto = 2025-03-10\nstart = "10:00"\n'
                          'end = "09:00"\n', 36, "end-before-start", "ends (09:00) before"),
    "all day with an item": ('date = 2025-03-10\nto = 2025-03-11\n[[meeting.item]]\n'
                             'title = "Budget"\n', 35, "bad-value",
                             'an all-day meeting has no agenda; give it "start" and "end"'),
    "all day without to": ('date = 2025-03-10\n', 31, "one-off-needs-time", "one-off"),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_span_is_a_located_error(run_cli, tmp_path: Path, case: str) -> None:
    table, line, code, said = BAD[case]
    plan = tmp_path / "byraad.toml"
    plan.write_text(PLAN + '\n[[meeting]]\nbody = "byraad"\n' + table, encoding="utf-8")
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1, result.stdout
    found = next(line for line in result.stdout.splitlines() if f"[{code}]" in line)
    assert found.startswith(f"{plan}:{line}: error[{code}]: "), result.stdout
    assert said in found


def test_feeds_carry_one_event_over_the_days(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "byraad.toml"
    plan.write_text(PLAN, encoding="utf-8")
    assert run_cli("ical", str(plan), "-o", str(tmp_path / "feeds")).exit_code == 0
    text = (tmp_path / "feeds" / "byraad.ics").read_text(encoding="utf-8")
    assert "DTSTART;VALUE=DATE:20250825\nDTEND;VALUE=DATE:20250827\n" in text
    conference = (dt.datetime(2025, 6, 22, 9, tzinfo=CPH).astimezone(dt.UTC),
                  dt.datetime(2025, 6, 25, 15, tzinfo=CPH).astimezone(dt.UTC))
    for parser in (with_icalendar, with_ical, with_vobject, with_recurring_ical_events):
        spans = {summary: (start, end) for _, start, end, summary, _ in parser(text)}
        assert spans["Budgetseminar"] == (D(2025, 8, 25), D(2025, 8, 27)), parser
        assert spans["KL's topmøde"] == conference, parser


def test_an_agenda_page_lists_the_days(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "byraad.toml"
    plan.write_text(PLAN, encoding="utf-8")
    text = run_cli("agenda", str(plan), "byraad", "2025-08-25").stdout
    assert "Mødedato: 25.–26. august 2025\nMødested: " in text  # all day: no time line
    written = tmp_path / "seminar.txt"
    written.write_text(text, encoding="utf-8")
    assert run_cli("check", str(written)).exit_code == 0  # it reads back
    html = run_cli("agenda", str(plan), "byraad", "2025-06-22", "--format", "html").stdout
    assert "<dd>22.–25. juni 2025</dd>" in html
    assert '<dd class="time">Kl. 09.00 – 15.00</dd>' in html
    html = run_cli("agenda", str(plan), "byraad", "2025-08-25", "--format", "html").stdout
    assert '<dd class="time">Hele dagen</dd>' in html  # not an empty time


def test_its_agenda_is_timed_from_its_start_on_the_first_day(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "byraad.toml"
    plan.write_text(PLAN + '\n[[meeting.item]]\ntitle = "Velkomst"\nminutes = 30\n',
                    encoding="utf-8")
    assert run_cli("check", str(plan)).exit_code == 0
    text = run_cli("agenda", str(plan), "byraad", "2025-06-22").stdout
    assert "Tid: 09.00 – 09.30 (30 min.)" in text


def test_a_long_agenda_runs_to_midnight_of_the_first_day(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "byraad.toml"
    plan.write_text(PLAN + '\n[[meeting.item]]\ntitle = "Arbejde"\nminutes = 600\n',
                    encoding="utf-8")
    result = run_cli("check", "--lang", "en", str(plan))
    assert "warning[over-time]" not in result.stdout  # 09:00 + 600 min = 19:00, past 15:00
    plan.write_text(PLAN + '\n[[meeting.item]]\ntitle = "Arbejde"\nminutes = 900\n',
                    encoding="utf-8")
    result = run_cli("check", "--lang", "en", str(plan))
    assert "[over-time]" in result.stdout


def test_the_wheel_draws_an_arc_over_its_days(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "byraad.toml"
    plan.write_text(PLAN, encoding="utf-8")
    assert run_cli("wheel", str(plan), "-o", str(tmp_path / "hjul.svg")).exit_code == 0
    svg = (tmp_path / "hjul.svg").read_text(encoding="utf-8")
    arcs = [line for line in svg.splitlines() if '<path class="mark planned"' in line]
    assert [line.split("<title>")[1].split("</title>")[0] for line in arcs] == [
        "22.–25. juni 2025, 09:00–15:00 · Byrådet: KL&#39;s topmøde",
        "25.–26. august 2025 · Byrådet: Budgetseminar"]
    assert svg.count('<circle class="mark planned"') == 12 + 1  # the series', the legend's


def test_the_site_lists_a_coming_meeting_with_its_days_until_its_last() -> None:
    plan = parse_plan(PLAN, source="byraad.toml")
    agendas = assemble(plan, schedule(plan))
    now = dt.datetime(2025, 8, 26, 12, tzinfo=dt.UTC)  # the seminar's second day
    page = site_files(plan, agendas, now=now)["index.html"].decode("utf-8")
    coming = page.split('<ol class="coming">')[1]
    assert coming.split("</li>")[0].split('<span class="when">')[1].startswith(
        "25.–26. august 2025, hele dagen</span> – ")
    assert '"to":"2025-08-26"' in site_files(plan, agendas, now=now)["plan.json"].decode()


def test_publishing_writes_the_feeds_events_and_reads_them_back_as_unchanged() -> None:
    plan = parse_plan(PLAN, source="byraad.toml")
    agendas = assemble(plan, schedule(plan))
    now = dt.datetime(2025, 1, 2, 12, tzinfo=dt.UTC)
    first = plan_sync(plan, agendas, [], now=now)
    assert {c.label for c in first.changes} >= {
        "byraad 2025-08-25 Budgetseminar", "byraad 2025-06-22 09:00 KL's topmøde"}
    in_feed = {event.uid: event for event in decode(
        build_feeds(plan, agendas, stamper=Stamper(now))["all.ics"])}
    for change in first.changes:
        (event,) = decode(change.text or "")
        assert event == in_feed[change.uid]
    # A server that writes the objects out anew holds the same events.
    held = [Held(f"/cal/{c.uid}.ics",
                 icalendar.Calendar.from_ical(c.text or "").to_ical().decode("utf-8"))
            for c in first.changes]
    again = plan_sync(plan, agendas, held, now=now + dt.timedelta(days=1))
    assert (again.changes, again.unchanged) == ((), len(agendas.meetings))


@pytest.mark.parametrize(("table", "clash"), [
    ('date = 2025-05-26\nto = 2025-05-28\nstart = "09:00"\nend = "18:00"\n',
     "2025-05-26 09:00–2025-05-28 18:00 overlaps 17:00–20:00"),
    ('date = 2025-08-26\nto = 2025-08-27\n',
     "2025-08-26–2025-08-27 overlaps 2025-08-25–2025-08-26"),
])
def test_a_meeting_over_several_days_clashes_on_each_of_them(run_cli, tmp_path: Path,
                                                             table: str, clash: str) -> None:
    said = checked(run_cli, tmp_path, '\n[[meeting]]\nbody = "byraad"\n' + table)
    assert "error[overlap]" in said
    assert clash in said


def test_an_all_day_meeting_gives_no_hours_to_clash_with_a_meeting_on_its_day(
        run_cli, tmp_path: Path) -> None:
    # Herning 2014: a budget conference on Monday and Tuesday 25–26 August,
    # and the byråd at 17.00 on the Tuesday.
    assert checked(run_cli, tmp_path, '\n[[meeting]]\nbody = "byraad"\ndate = 2025-05-27\n'
                   'to = 2025-05-28\ntitle = "Budgetkonference"\n').startswith("ok: ")


def test_a_meeting_ending_before_another_begins_on_its_last_day_is_no_clash(
        run_cli, tmp_path: Path) -> None:
    assert checked(run_cli, tmp_path, '\n[[meeting]]\nbody = "byraad"\ndate = 2025-05-26\n'
                   'to = 2025-05-28\nstart = "09:00"\nend = "16:00"\n').startswith("ok: ")


@pytest.mark.parametrize(("when", "said"), [
    ("date = 2025-08-25", "the meeting of 2025-08-25 is all day, and has no agenda"),
    ("window = [2025-08-25, 2025-08-26]", 'has no meeting between 2025-08-25 and 2025-08-26'),
])
def test_no_case_goes_on_an_all_day_meeting(run_cli, tmp_path: Path, when: str,
                                             said: str) -> None:
    found = checked(run_cli, tmp_path, f'\n[[case]]\ntitle = "Budget"\nbody = "byraad"\n{when}\n')
    assert "error[unplaced-case]" in found
    assert said in found


def test_a_case_fits_a_meeting_over_several_days_to_midnight_of_its_first(
        run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "byraad.toml"
    plan.write_text(PLAN + '\n[[case]]\ntitle = "Budget"\nbody = "byraad"\n'
                    'window = [2025-06-22, 2025-06-23]\nminutes = 600\n', encoding="utf-8")
    assert run_cli("check", str(plan)).exit_code == 0
    assert "Tid: 09.00 – 19.00 (600 min.)" in run_cli(
        "agenda", str(plan), "byraad", "2025-06-22").stdout


def test_a_meeting_over_new_year_is_drawn_on_both_years_wheels(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "byraad.toml"
    plan.write_text(PLAN.replace("end = 2025-12-31", "end = 2026-12-31").replace(
        "i måneden", "i måneden undtagen december") + '''
[[meeting]]
body = "byraad"
date = 2025-12-30
to = 2026-01-02
title = "Nytårsseminar"
''', encoding="utf-8")
    arcs = {}
    for year in (2025, 2026):
        out = tmp_path / f"hjul-{year}.svg"
        assert run_cli("wheel", str(plan), "-o", str(out), "--year", str(year)).exit_code == 0
        svg = out.read_text(encoding="utf-8")
        arcs[year] = [line.split('d="')[1].split('"')[0] for line in svg.splitlines()
                      if "Nytårsseminar" in line and '<path class="mark' in line]
    # One arc a year: to the top of the wheel in 2025, from it in 2026.
    assert len(arcs[2025]) == len(arcs[2026]) == 1
    assert arcs[2025][0].split("L")[0].endswith("500 241")  # it ends at midnight, the top
    assert arcs[2026][0].startswith("M500 241")  # it starts there
