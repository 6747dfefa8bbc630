"""``aarshjul check``'s core: one report per file, plans and written agendas
alike, and the report as text and as JSON."""

from __future__ import annotations

from pathlib import Path

import pytest

from aarshjul.agenda.items import AgendaItem, unplanned
from aarshjul.check import (
    CHECKABLE,
    Report,
    check_agenda_text,
    check_path,
    check_plan_text,
    report_record,
    reports_as_text,
    shown,
)
from aarshjul.clock import ClockTime, Minutes
from aarshjul.errors import AarshjulError, Problem, Severity
from aarshjul.messages import _, led, verbatim

from .plans import plan_text

OVERLAP = '''
[[series]]
body = "sbu"
dates = [2025-01-08]
start = "18:00"
end = "19:00"

[[series]]
id = "b"
body = "sbu"
dates = [2025-01-08]
start = "18:30"
end = "19:30"
'''

# A warning from reading the plan, below the overlap that scheduling finds.
IGNORED_AT = '''
[[meeting]]
body = "rm"
date = 2025-03-04
start = "10:00"
end = "11:00"

[[meeting.item]]
title = "Ekstra"
at = "end"
'''

AGENDA = "Dagsorden\n\n1. Godkendelse\nTid: 18.15 – 18.18 (3 min.)\n"


def codes(report: Report) -> list[tuple[int | None, str, str]]:
    return [(p.line, p.severity.value, p.code) for p in report.problems]


def test_a_clean_plan() -> None:
    report = check_plan_text(plan_text('[[series]]\nbody = "sbu"\ndates = [2025-01-08]\n'
                                       'start = "18:00"\nend = "19:00"\n'), source="p.toml")
    assert (report.file, report.kind, report.problems, report.items) == ("p.toml", "plan", (), ())
    assert report.ok


def test_a_plan_is_checked_through_its_meetings_and_reported_by_line() -> None:
    report = check_plan_text(plan_text(OVERLAP + IGNORED_AT), source="p.toml")
    # Reading finds the warning first; scheduling and assembly find the rest.
    assert codes(report) == [(24, "error", "overlap"), (31, "info", "slack"),
                             (39, "warning", "ignored-key")]
    assert not report.ok
    assert all(p.file == "p.toml" for p in report.problems)


def test_a_plan_that_cannot_be_read_is_not_scheduled() -> None:
    report = check_plan_text("[plan\n", source="x.toml")
    assert codes(report) == [(1, "error", "toml-syntax")]


def test_a_check_assembles_the_agendas_too() -> None:
    report = check_plan_text(plan_text(
        '[[series]]\nbody = "sbu"\ndates = [2025-01-08]\nstart = "18:00"\nend = "18:10"\n'
        'template = "t"\n\n[[template]]\nid = "t"\n\n[[template.item]]\n'
        'title = "Møde {date}"\nminutes = 20\n'), source="p.toml")
    (over,) = report.problems
    assert over.code == "over-time"


def test_a_written_agenda_given_as_text() -> None:
    report = check_agenda_text(AGENDA, source="a.txt")
    assert (report.file, report.kind, report.problems) == ("a.txt", "agenda", ())
    assert [(i.number, i.title, str(i.start), i.minutes) for i in report.items] == [
        (1, "Godkendelse", "18:15", 3)]


def test_files_are_checked_by_their_suffix(tmp_path: Path) -> None:
    plan = tmp_path / "PLAN.TOML"
    plan.write_text(plan_text(OVERLAP), encoding="utf-8")
    agenda = tmp_path / "dagsorden.txt"
    agenda.write_text(AGENDA, encoding="utf-8")
    plan_report = check_path(plan)
    assert (plan_report.file, plan_report.kind) == (str(plan), "plan")
    assert codes(plan_report) == [(24, "error", "overlap")]
    agenda_report = check_path(str(agenda))
    assert (agenda_report.kind, agenda_report.ok, len(agenda_report.items)) == (
        "agenda", True, 1)


@pytest.mark.parametrize(("name", "kind"), [("nej.toml", "plan"), ("nej.md", "agenda")])
def test_a_file_that_cannot_be_read_is_a_report_with_that_problem(
        tmp_path: Path, name: str, kind: str) -> None:
    report = check_path(tmp_path / name)
    assert (report.kind, codes(report)) == (kind, [(None, "error", "missing-file")])


def test_a_file_of_another_kind_is_refused() -> None:
    with pytest.raises(AarshjulError) as error:
        check_path("referat.pdf")
    (problem,) = error.value.problems
    assert (problem.code, problem.file) == ("unknown-kind", "referat.pdf")
    assert problem.message == (
        "cannot check this kind of file (give .toml, .txt, .md, .markdown, .text, .docx)")
    assert CHECKABLE == (".toml", ".txt", ".md", ".markdown", ".text", ".docx")


def problem(severity: Severity, line: int) -> Problem:
    return Problem(severity, "c", verbatim("m"), "f.toml", line)


def test_a_report_counts_its_findings_and_is_ok_without_errors() -> None:
    report = Report("f.toml", "plan", (problem(Severity.WARNING, 1), problem(Severity.INFO, 2),
                                       problem(Severity.WARNING, 3)))
    assert [report.count(s) for s in Severity] == [0, 2, 1]
    assert report.ok
    assert not Report("f.toml", "plan", (problem(Severity.ERROR, 1),)).ok


def test_reports_as_text_end_in_a_summary() -> None:
    one = Report("a.toml", "plan", (problem(Severity.ERROR, 3), problem(Severity.INFO, 9)))
    two = Report("b.txt", "agenda", (problem(Severity.WARNING, 2),))
    assert reports_as_text([one, two]) == (
        "f.toml:3: error[c]: m\nf.toml:9: info[c]: m\nf.toml:2: warning[c]: m\n"
        "failed: 2 files checked, 1 error, 1 warning, 1 info")


def test_the_summary_counts_in_plural_and_says_ok() -> None:
    clean = Report("a.toml", "plan", ())
    assert reports_as_text([clean]) == "ok: 1 file checked, 0 errors, 0 warnings, 0 info"
    errors = Report("a.toml", "plan", (problem(Severity.ERROR, 1), problem(Severity.ERROR, 2),
                                       problem(Severity.WARNING, 3), problem(Severity.WARNING, 4)))
    assert reports_as_text([errors]).splitlines()[-1] == (
        "failed: 1 file checked, 2 errors, 2 warnings, 0 info")
    assert reports_as_text([]) == "ok: 0 files checked, 0 errors, 0 warnings, 0 info"


def test_a_report_as_json() -> None:
    item = AgendaItem(1, "Godkendelse", Minutes(3), ClockTime.parse("18:15"),
                      ClockTime.parse("18:18"))
    found = Problem(Severity.WARNING, "time-mismatch", verbatim("3 minutes"), "a.txt", 4, None, 1)
    assert report_record(Report("a.txt", "agenda", (found,), (item,))) == {
        "file": "a.txt", "kind": "agenda", "ok": True,
        "problems": [{"severity": "warning", "code": "time-mismatch", "line": 4, "item": 1,
                      "key": None, "message": "3 minutes"}],
        "items": [{"number": 1, "title": "Godkendelse", "start": "18:15", "end": "18:18",
                   "minutes": 3}]}


def slack(line: int, key: str, day: str, left: int) -> Problem:
    label = '[[series]] #1 (body "sbu")' if key == "series[1]" else "[[meeting]] #1"
    said = _("{body} {date}: {left}", body="sbu", date=day,
             left=unplanned(left, 90, "18:15–19:45"))
    return Problem(Severity.INFO, "slack", led(label, said), "p.toml", line, key)


SERIES_SLACK = (slack(5, "series[1]", "2025-01-08", 40), problem(Severity.WARNING, 6),
                slack(5, "series[1]", "2025-01-15", 5), slack(5, "series[1]", "2025-01-22", 22),
                slack(9, "meeting[1]", "2025-02-05", 10))


def test_a_series_spare_time_is_one_line_at_the_series() -> None:
    """A series of 40 meetings would print 40 lines on every check."""
    first, warning, one_off = shown(SERIES_SLACK)
    assert first.format() == (
        'p.toml:5: info[slack]: [[series]] #1 (body "sbu"): 3 meetings have 5–40 minutes '
        "not planned (--level info lists each)")
    assert (warning, one_off) == (SERIES_SLACK[1], SERIES_SLACK[4])


def test_one_meeting_with_spare_time_keeps_its_own_line() -> None:
    assert shown(SERIES_SLACK[:2]) == SERIES_SLACK[:2]


def test_a_level_shows_each_finding_at_it_and_above() -> None:
    assert shown(SERIES_SLACK, Severity.INFO) == SERIES_SLACK
    assert shown(SERIES_SLACK, Severity.WARNING) == (SERIES_SLACK[1],)
    assert shown(SERIES_SLACK, Severity.ERROR) == ()


def test_the_summary_counts_what_a_level_hides() -> None:
    report = Report("p.toml", "plan", SERIES_SLACK)
    assert reports_as_text([report], Severity.WARNING).splitlines() == [
        "f.toml:6: warning[c]: m", "ok: 1 file checked, 0 errors, 1 warning, 4 info"]
    assert len(reports_as_text([report]).splitlines()) == 4


def test_json_keeps_every_finding_unless_a_level_hides_some() -> None:
    report = Report("p.toml", "plan", SERIES_SLACK)
    every, warned = (report_record(report, level)["problems"]
                     for level in (None, Severity.WARNING))
    assert isinstance(every, list)
    assert isinstance(warned, list)
    assert len(every) == 5
    assert [p["code"] for p in warned] == ["c"]


SUMMER_TUESDAYS = '''
[[series]]
body = "rm"
every = "hver tirsdag"
start = "10:00"
minutes = 60
except = [2025-01-07]

[[closed]]
name = "Sommerferie"
from = 2025-06-28
to = 2025-08-10
'''


def test_a_series_dates_left_out_are_one_line_at_the_series() -> None:
    """Six summer Tuesdays: one line, naming the first five."""
    report = check_plan_text(plan_text(SUMMER_TUESDAYS), source="p.toml")
    left_out = [p for p in report.problems if p.code == "left-out"]
    assert len(left_out) == 6
    (line,) = [p for p in shown(report.problems) if p.code == "left-out"]
    assert line.format() == (
        'p.toml:18: info[left-out]: [[series]] #1 (body "rm"): 6 dates are left out on '
        "holidays or in closed periods: 2025-07-01, 2025-07-08, 2025-07-15, 2025-07-22, "
        "2025-07-29 and 1 more (--level info lists each and why)")
    assert [p for p in shown(report.problems, Severity.INFO) if p.code == "left-out"] == (
        left_out)


def test_one_date_left_out_keeps_its_own_line() -> None:
    one = SUMMER_TUESDAYS.replace("to = 2025-08-10", "to = 2025-07-04")
    (line,) = [p for p in shown(check_plan_text(plan_text(one), source="p.toml").problems)
               if p.code == "left-out"]
    assert line.message == ('[[series]] #1 (body "rm"): 2025-07-01 falls in "Sommerferie"; '
                            'it is left out (on_closed = "skip")')


def test_findings_of_other_codes_at_a_summed_tables_line_stay() -> None:
    """The series' warning is not one of its meetings' slack."""
    warning = Problem(Severity.WARNING, "unused-exception", verbatim("m"), "p.toml", 5,
                      "series[1]")
    found = shown((*SERIES_SLACK[:1], warning, *SERIES_SLACK[2:4]))
    assert [p.code for p in found] == ["slack", "unused-exception"]
