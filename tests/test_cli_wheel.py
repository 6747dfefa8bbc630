"""``aarshjul wheel PLAN -o FILE``: exactly FILE, the wheel of the busiest
twelve months or of the year asked for, from the month asked for, and
nothing drawn for a plan with errors."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from aarshjul import load_plan
from aarshjul.wheel.drawing import wheel_svg

from .plans import EXAMPLE, OVERLAPPING, agendas_of, plan_file


def test_the_command_writes_the_file_it_is_given_and_no_other(run_cli, tmp_path: Path) -> None:
    result = run_cli("wheel", str(EXAMPLE), "-o", str(tmp_path / "hjul.svg"))
    assert result.exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["hjul.svg"]
    # The plan has December 2024 and all of 2025: the busiest year is drawn.
    assert '<text class="year" x="500" y="508" font-size="56">2025</text>' in (
        tmp_path / "hjul.svg").read_text(encoding="utf-8")
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
    assert result.stdout == f"wrote {out}\n"
    one = run_cli("wheel", str(EXAMPLE), "-o", str(out), "--year", "2025",
                  "--today", "2025-06-01")
    assert one.stdout == f"wrote {out}\n"  # a mark of today: a change
    plan = load_plan(EXAMPLE)
    assert out.read_text(encoding="utf-8") == wheel_svg(
        plan, agendas_of(plan), year=2025, today=dt.date(2025, 6, 1))


def test_a_wheel_is_written_whole_or_not_at_all(run_cli, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "hjul.svg"
    out.write_text("<svg>the old wheel</svg>", encoding="utf-8")
    # A wheel that cannot be written out: it fails half-way, as a full disk would.
    monkeypatch.setattr("aarshjul.cli.wheel.svg_of", lambda *a, **k: "<svg>\ud800</svg>")
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
        "Error: Invalid value for --year: the plan's wheels start in 2024–2025")
    assert list(tmp_path.iterdir()) == []


def test_a_school_year_wheel_starts_with_august(run_cli, tmp_path: Path) -> None:
    out = tmp_path / "skoleaar.svg"
    result = run_cli("wheel", str(EXAMPLE), "-o", str(out), "--start-month", "8")
    assert (result.exit_code, result.stdout) == (0, f"wrote {out}\n")
    svg = out.read_text(encoding="utf-8")
    # December 2024 to December 2025 in spans from August: 2024/25 holds the most.
    assert ">2024/25</text>" in svg
    months = re.findall(r'<text class="month"[^>]*>([^<]+)</text>', svg)
    assert months[0] == "August"
    assert months[-1] == "Juli"
    later = run_cli("wheel", str(EXAMPLE), "-o", str(out), "--start-month", "8", "--year",
                    "2025")
    assert later.exit_code == 0
    assert ">2025/26</text>" in out.read_text(encoding="utf-8")
    assert run_cli("wheel", str(EXAMPLE), "-o", str(out), "--start-month", "13").exit_code == 2


def test_the_plan_s_wheel_start_is_the_default_month(run_cli, tmp_path: Path) -> None:
    plan = tmp_path / "skoleaar.toml"
    plan.write_text(EXAMPLE.read_text(encoding="utf-8").replace(
        '[plan]\n', '[plan]\nwheel_start = 8\n'), encoding="utf-8")
    out = tmp_path / "hjul.svg"
    assert run_cli("wheel", str(plan), "-o", str(out)).exit_code == 0
    assert ">2024/25</text>" in out.read_text(encoding="utf-8")
    assert run_cli("wheel", str(plan), "-o", str(out), "--start-month", "1").exit_code == 0
    assert ">2025</text>" in out.read_text(encoding="utf-8")


def test_a_file_of_another_kind_is_refused_before_anything_is_drawn(run_cli,
                                                                    tmp_path: Path) -> None:
    result = run_cli("wheel", str(EXAMPLE), "-o", str(tmp_path / "hjul.jpg"))
    assert result.exit_code == 2
    assert "hjul.jpg" in result.stderr
    assert ".svg" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("name", "magic"), [("hjul.pdf", b"%PDF-"),
                                             ("Hjul.PNG", b"\x89PNG\r\n\x1a\n")])
def test_a_pdf_and_a_png_under_the_names_given(run_cli, tmp_path: Path, name: str,
                                               magic: bytes) -> None:
    out = tmp_path / "trykt" / name
    result = run_cli("wheel", str(EXAMPLE), "-o", str(out), "--year", "2025")
    assert (result.exit_code, result.stdout) == (0, f"wrote {out}\n")
    assert [p.name for p in out.parent.iterdir()] == [name]
    assert out.read_bytes().startswith(magic)
    again = run_cli("wheel", str(EXAMPLE), "-o", str(out), "--year", "2025")
    assert again.stdout == f"{out} is unchanged\n"


def test_the_pdf_is_the_library_s(run_cli, tmp_path: Path) -> None:
    from aarshjul import wheel_pdf  # noqa: PLC0415 - the verb beside the command

    out = tmp_path / "hjul.pdf"
    assert run_cli("wheel", str(EXAMPLE), "-o", str(out), "--start-month", "8").exit_code == 0
    plan = load_plan(EXAMPLE)
    assert out.read_bytes() == wheel_pdf(plan, agendas_of(plan), start_month=8)
