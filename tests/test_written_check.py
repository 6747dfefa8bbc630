"""Do a written agenda's times add up? Every finding of SPEC §4, located."""

from __future__ import annotations

import json

import pytest

from aarshjul import check_agenda_text
from aarshjul.agenda.items import Agenda
from aarshjul.errors import Severity
from aarshjul.written.check import check_written
from aarshjul.written.reader import WrittenAgenda

from .seed_agenda import SEED, findings

HEADER = "Mødetid: Kl. 18:15 – 19.45\n\nDagsorden kort:\n1. A\n2. B\n3. C\n\n"


def test_a_clean_agenda_has_no_findings() -> None:
    assert findings(HEADER + "1. A\nTid: 18.15 – 19.00 (45 min.)\n2. B\n\n"
                    "3. C\nTid: 19.00 – 19.45 (45 min.)\n") == []


# The header takes lines 1-7, so the first item's heading is line 8.
@pytest.mark.parametrize(("items", "expected"), [
    # The minutes in brackets are not end - start.
    ("1. A\nTid: 18.15 – 18.18 (5 min.)\n2. B\n3. C\n", [(9, "duration-mismatch", 1)]),
    # Item 2 starts before item 1 ends.
    ("1. A\nTid: 18.15 – 18.30\n2. B\nTid: 18.25 – 18.40\n3. C\n", [(11, "overlap", 2)]),
    # Five minutes nobody planned.
    ("1. A\nTid: 18.15 – 18.30\n2. B\nTid: 18.35 – 18.40\n3. C\n", [(11, "gap", 2)]),
    ("1. A\nTid: 18.00 – 18.30\n2. B\n3. C\n", [(9, "outside-meeting", 1)]),
    ("1. A\nTid: 19.30 – 19.50\n2. B\n3. C\n", [(9, "outside-meeting", 1)]),
    ("1. A (60 min)\n2. B (40 min)\n3. C\n", [(1, "over-time", None)]),
    ("1. A\n3. B\n4. C\n", [(9, "numbering", 3), (9, "title-mismatch", 3),
                            (10, "title-mismatch", 4), (5, "title-mismatch", 2)]),
    ("1. A\n2. B\n2. C\n", [(10, "numbering", 2), (6, "title-mismatch", 3)]),
    # Swapped: one finding, where the order breaks.
    ("1. A\n3. B\n2. C\n", [(10, "numbering", 2), (9, "title-mismatch", 3),
                            (10, "title-mismatch", 2)]),
    ("1. A\nTid: 18.75 – 19.00\n2. B\n3. C\n", [(9, "bad-time", 1)]),
    ("1. A\nTid: 25:00 – 26:00\n2. B\n3. C\n", [(9, "bad-time", 1)]),
    ("1. A\nTid: om lidt\n2. B\n3. C\n", [(9, "bad-time", 1)]),
    ("1. A\n2. Bee\n3. C\n", [(9, "title-mismatch", 2)]),
    ("1. A\n2. B\n", [(6, "title-mismatch", 3)]),
    ("1. A\nTid: 18.15 – 18.20 (5 min.)\n2. B\n3. C\n", [(1, "slack", None)]),
])
def test_every_finding_is_located(items: str, expected: list[tuple[object, ...]]) -> None:
    found = findings(HEADER + items)
    if all(code != "slack" for _, code, _ in expected):
        found = [f for f in found if f[1] != "slack"]
    assert sorted(found, key=str) == sorted(expected, key=str)


def test_a_reversed_time_with_minutes_is_a_duration_that_does_not_match() -> None:
    report = check_agenda_text(HEADER + "1. A\nTid: 18.45 – 18.15 (30 min.)\n2. B\n3. C\n",
                               source="x.txt")
    (problem,) = [p for p in report.problems if p.is_error]
    assert (problem.code, problem.line, problem.item) == ("duration-mismatch", 9, 1)
    assert problem.message == "item 1: 18.45–18.15 ends before it starts, but it says 30 minutes"


def test_severities() -> None:
    report = check_agenda_text(HEADER + "1. A\nTid: 18.15 – 18.30\n2. Bee\n"
                               "Tid: 18.35 – 18.40\n3. C\n", source="x.txt")
    assert {p.code: p.severity.value for p in report.problems} == {
        "gap": "warning", "title-mismatch": "warning", "slack": "info"}
    assert report.ok


def test_an_agenda_with_no_items() -> None:
    assert findings("Referat\n\nGodkendt.\n") == [(1, "no-items", None)]


def test_an_agenda_that_says_it_has_no_items_yet() -> None:
    written = WrittenAgenda(Agenda(title="Møde", date=None, start=None, end=None, items=()),
                            (), (), (), says_empty=True)
    (problem,) = check_written(written, source="tom.txt")
    assert (problem.code, problem.severity, problem.file) == ("no-items", Severity.INFO,
                                                              "tom.txt")


def test_check_json_has_the_items(run_cli) -> None:
    result = run_cli("check", "--format", "json", str(SEED))
    (report,) = json.loads(result.stdout)
    assert report["kind"] == "agenda"
    assert report["ok"] is True
    assert report["items"][0] == {"number": 1, "title": "Godkendelse af dagsorden",
                                  "start": "18:15", "end": "18:18", "minutes": 3}
    assert report["items"][6] == {"number": 7, "title": "Skriftlige orienteringer",
                                  "start": None, "end": None, "minutes": 0}
    assert {p["code"] for p in report["problems"]} == {"slack", "title-mismatch"}
