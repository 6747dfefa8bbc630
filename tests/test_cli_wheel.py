"""``aarshjul wheel PLAN -o FILE.svg``: a wheel for each year, or the one
asked for, and nothing drawn for a plan with errors."""

from __future__ import annotations

from pathlib import Path

from .plans import EXAMPLE, OVERLAPPING, plan_file


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
