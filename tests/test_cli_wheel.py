"""``aarshjul wheel PLAN -o FILE.svg``: a wheel for each year, or the one
asked for, and nothing drawn for a plan with errors."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from aarshjul import load_plan
from aarshjul.wheel.drawing import wheel_svg

from .plans import EXAMPLE, OVERLAPPING, agendas_of, plan_file


def test_the_command_writes_one_wheel_per_year(run_cli, tmp_path: Path) -> None:
    result = run_cli("wheel", str(EXAMPLE), "-o", str(tmp_path / "hjul.svg"))
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hjul-2024.svg", "hjul-2025.svg"]
    one = run_cli("wheel", str(EXAMPLE), "-o", str(tmp_path / "x.svg"), "--year", "2025",
                  "--today", "2025-06-01")
    assert one.exit_code == 0
    assert "today-marker" in (tmp_path / "x.svg").read_text(encoding="utf-8")
    assert run_cli("wheel", str(EXAMPLE), "-o", str(tmp_path / "y.svg"), "--year",
                   "2030").exit_code == 2


def test_a_plan_with_errors_draws_nothing(run_cli, tmp_path: Path) -> None:
    plan = plan_file(tmp_path, OVERLAPPING)
    result = run_cli("wheel", str(plan), "-o", str(tmp_path / "hjul.svg"))
    assert result.exit_code == 1
    assert "error[overlap]" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.toml"]


def test_each_wheel_written_is_a_line_and_the_file_is_the_library_s(run_cli, tmp_path: Path
                                                                    ) -> None:
    out = tmp_path / "made" / "here" / "hjul.svg"
    result = run_cli("wheel", str(EXAMPLE), "-o", str(out))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout == (f"wrote {out.with_name('hjul-2024.svg')}\n"
                             f"wrote {out.with_name('hjul-2025.svg')}\n")
    one = run_cli("wheel", str(EXAMPLE), "-o", str(out), "--year", "2025",
                  "--today", "2025-06-01")
    assert one.stdout == f"wrote {out}\n"
    plan = load_plan(EXAMPLE)
    assert out.read_text(encoding="utf-8") == wheel_svg(
        plan, agendas_of(plan), year=2025, today=dt.date(2025, 6, 1))


def test_a_wheel_is_written_whole_or_not_at_all(run_cli, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "hjul.svg"
    out.write_text("<svg>the old wheel</svg>", encoding="utf-8")
    # A wheel that cannot be written out: it fails half-way, as a full disk would.
    monkeypatch.setattr("aarshjul.cli.wheel.wheel_svg", lambda *a, **k: "<svg>\ud800</svg>")
    with pytest.raises(UnicodeEncodeError):
        run_cli("wheel", str(EXAMPLE), "-o", str(out), "--year", "2025")
    assert out.read_text(encoding="utf-8") == "<svg>the old wheel</svg>"
    assert [p.name for p in tmp_path.iterdir()] == ["hjul.svg"]  # nothing left beside it


def test_a_wheel_that_did_not_change_is_not_written_again(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "hjul.svg"
    assert run_cli("wheel", str(EXAMPLE), "-o", str(out), "--year", "2025").exit_code == 0
    before = out.stat().st_mtime_ns
    again = run_cli("wheel", str(EXAMPLE), "-o", str(out), "--year", "2025")
    assert again.stdout == f"{out} is unchanged\n"
    assert out.stat().st_mtime_ns == before


def test_a_year_the_plan_does_not_cover_is_misuse(run_cli, tmp_path: Path) -> None:
    result = run_cli("wheel", str(EXAMPLE), "-o", str(tmp_path / "hjul.svg"), "--year", "2026")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        "Error: Invalid value for --year: the plan covers 2024–2025")
    assert list(tmp_path.iterdir()) == []
