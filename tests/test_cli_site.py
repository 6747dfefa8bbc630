"""``aarshjul build``: the static site built into a folder."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from .feed_plans import PLAN
from .plans import EXAMPLE, OVERLAPPING, plan_file
from .processes import modules_after
from .sites import BASE, NOW


def test_the_build_command(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    folder = tmp_path / "out"
    first = run_cli("build", str(EXAMPLE), "-o", str(folder), "--base-url", BASE)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(f"built {folder}: 82 files written")
    second = run_cli("build", str(EXAMPLE), "-o", str(folder), "--base-url", BASE)
    assert second.stdout.strip() == f"{folder} is up to date (82 files unchanged)"
    assert run_cli("build", str(EXAMPLE), "-o", str(folder), "--base-url",
                   "intra.example").exit_code == 2
    copy = tmp_path / "copy"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    run_cli("build", str(EXAMPLE), "-o", str(copy), "--base-url", BASE)
    for path in folder.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (copy / path.relative_to(folder)).read_bytes(), path


def test_what_a_build_did_is_one_line(run_cli, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    site = tmp_path / "site"
    plan = plan_file(tmp_path, PLAN)
    first = run_cli("build", str(plan), "-o", str(site))
    assert (first.exit_code, first.stderr) == (0, "")
    assert first.stdout == f"built {site}: 14 files written, 0 removed, 0 unchanged\n"
    (site / "plan.json").unlink()
    again = run_cli("build", str(plan), "-o", str(site))
    assert again.stdout == f"built {site}: 1 file written, 0 removed, 13 unchanged\n"
    fewer = plan_file(tmp_path, PLAN.replace("2025-01-15, ", ""), name="fewer.toml")
    less = run_cli("build", str(fewer), "-o", str(site))
    # The mødeplan's three pages change too: their filter counts the meetings.
    assert less.stdout == f"built {site}: 9 files written, 1 removed, 4 unchanged\n"
    assert not (site / "agendas" / "sbu" / "2025-01-15.html").exists()


def test_the_site_links_to_itself_at_the_base_url(run_cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_cli("build", str(EXAMPLE), "-o", str(site), "--base-url",
                   "https://x.dk/hjul").exit_code == 0
    assert 'href="webcal://x.dk/hjul/feeds/sbu.ics"' in (site / "index.html").read_text(
        encoding="utf-8")


def test_a_plan_with_errors_builds_nothing(run_cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_cli("build", str(plan_file(tmp_path, OVERLAPPING)), "-o", str(site))
    assert (result.exit_code, result.stdout) == (1, "")
    assert "error[overlap]" in result.stderr
    assert not site.exists()


def test_building_loads_no_http_server(tmp_path: Path) -> None:
    """The preview's server is ``serve``'s alone (aarshjul/cli/serving.py)."""
    _, loaded = modules_after(["build", str(EXAMPLE), "-o", str(tmp_path / "site")],
                              "http.server", "socketserver", "aarshjul.site.serve",
                              "aarshjul.cli.serving")
    assert (tmp_path / "site" / "index.html").exists()
    assert loaded == []


def test_a_build_while_another_runs_is_site_busy(run_cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    with (tmp_path / ".site.lock").open("w") as running:
        fcntl.flock(running, fcntl.LOCK_EX)
        result = run_cli("build", str(EXAMPLE), "-o", str(site))
    assert (result.exit_code, result.stdout) == (1, "")
    # Said in the example plan's language, Danish.
    assert result.stderr == (f"{site}: error[site-busy]: en anden bygning af dette websted er "
                             "i gang: byg igen, når den er færdig\n")
    assert not site.exists()


def test_a_site_where_a_pipe_is_is_not_a_folder_and_leaves_no_lock(
        run_cli, tmp_path: Path) -> None:
    """It said "[Errno None] None", and left a lock file beside the pipe."""
    pipe = tmp_path / "site"
    os.mkfifo(pipe)
    result = run_cli("build", str(EXAMPLE), "-o", str(pipe))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == f"{pipe}: error[not-a-folder]: er en fil, ikke en mappe\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]
