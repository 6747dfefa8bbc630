"""``aarshjul check``: plans and written agendas, a report for each file, as
text or JSON, and the exit status their errors call for."""

from __future__ import annotations

import json
from pathlib import Path

from .plans import EXAMPLE, plan_text


def test_check_the_example(run_cli) -> None:
    result = run_cli("check", str(EXAMPLE))
    assert result.exit_code == 0, result.output
    *findings, summary = result.stdout.splitlines()
    assert summary == "ok: 1 file checked, 0 errors, 0 warnings, 4 info"
    # The meetings whose agendas were planned tell how much time is left.
    assert [line.split(": ")[1] for line in findings] == ["info[slack]"] * 4
    assert ("sbu 2025-01-15: 5 of the meeting's 90 minutes (18:15–19:45) are not planned"
            in findings[0])


def test_check_json(run_cli, tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(plan_text('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                             'start = "25:00"\nend = "19:00"\n'), encoding="utf-8")
    result = run_cli("check", "--format", "json", str(EXAMPLE), str(bad))
    assert result.exit_code == 1
    good, broken = json.loads(result.stdout)
    assert (good["file"], good["kind"], good["ok"], good["items"]) == (
        str(EXAMPLE), "plan", True, [])
    assert {p["severity"] for p in good["problems"]} == {"info"}
    assert broken["ok"] is False
    (problem,) = broken["problems"]
    assert problem == {"severity": "error", "code": "bad-time", "line": 20, "item": None,
                       "key": "series[1].start",
                       "message": '[[series]] #1 (body "sbu"): start: "25:00" is not a '
                                  "clock time (hours 00-23, minutes 00-59)"}
