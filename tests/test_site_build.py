"""Building a site into a folder (``build_site``): what the two steps would
do, stamps kept from the feeds already there, and a build stopped from
outside that leaves the old site."""

from __future__ import annotations

import datetime as dt
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aarshjul import load_plan
from aarshjul.site.build import build_site
from aarshjul.site.pages import site_files
from aarshjul.site.staging import Built, write_site

from .plans import EXAMPLE, agendas_of
from .sites import BASE, NOW, files_in


def test_build_site_writes_what_site_files_and_write_site_would(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    built = build_site(plan, result, tmp_path / "built", base_url=BASE, now=NOW)
    written = write_site(site_files(plan, result, now=NOW, base_url=BASE), tmp_path / "written")
    assert files_in(tmp_path / "built") == files_in(tmp_path / "written")
    assert built == written
    assert len(built.written) == 82  # 70 agendas, 9 files, the mødeplan and 2 bodies' pages
    assert built.written == tuple(sorted(built.written))
    times = {p: p.stat().st_mtime_ns for p in (tmp_path / "built").rglob("*")}
    again = build_site(plan, result, tmp_path / "built", base_url=BASE,
                                   now=NOW + dt.timedelta(hours=1))
    assert again == Built((), (), 82)
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "built").rglob("*")} == times
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".built.lock", ".written.lock", "built", "written"]


def test_a_build_stopped_from_outside_leaves_the_old_site_and_no_staging(
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    command = [sys.executable, "-m", "aarshjul", "build"]
    subprocess.run([*command, str(EXAMPLE), "-o", str(site)], check=True,
                   stdout=subprocess.DEVNULL)
    before = files_in(site)
    # The example plan over sixteen years: a build long enough to stop.
    plan = tmp_path / "large.toml"
    longer = EXAMPLE.read_text(encoding="utf-8").replace("\nend = 2025-12-31\n",
                                                          "\nend = 2040-12-31\n")
    assert longer != EXAMPLE.read_text(encoding="utf-8")
    plan.write_text(longer, encoding="utf-8")
    with subprocess.Popen([*command, str(plan), "-o", str(site)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as build:
        deadline = time.monotonic() + 60
        # Stop it once it has begun the new site beside the old.
        while not any(p.name.startswith(".site.") and p.name != ".site.lock"
                      for p in tmp_path.iterdir()):
            assert build.poll() is None, build.communicate()[1]
            assert time.monotonic() < deadline
            time.sleep(0.002)
        build.send_signal(signal.SIGTERM)
        _, errors = build.communicate(timeout=60)
    assert build.returncode == 128 + signal.SIGTERM, errors
    assert "Traceback" not in errors
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "large.toml", "site"]
    assert files_in(site) == before


def test_a_base_url_that_is_no_site_s_is_a_value_error(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLE)
    with pytest.raises(ValueError, match="is not an address like"):
        build_site(plan, agendas_of(plan), tmp_path / "site", now=NOW,
                   base_url="https://x.dk/hjul\r\nX-EVIL:1")
    assert not (tmp_path / "site").exists()
