"""The machine's time zone changes nothing: the suite's date-dependent parts
run again under three TZ values, and the CLI's output is compared byte for byte.

Meetings are wall-clock times in the plan's zone; nothing may read the
machine's zone (the local clock, ``time.localtime``) on the way.
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from .plans import EXAMPLE, ROOT

ZONES = ["UTC", "America/New_York", "Europe/Copenhagen", "Pacific/Kiritimati"]
# The modules that turn plans into meetings and print them.
MODULES = ["tests/test_golden.py", "tests/test_scheduling_slots.py",
           "tests/test_scheduling_changes.py", "tests/test_scheduling_identity.py",
           "tests/test_scheduling_clashes.py", "tests/test_scheduling_meetings.py",
           "tests/test_scheduling_calendar.py",
           "tests/test_cli_listing.py::test_meetings_table_in_danish",
           "docs/api.md"]


def in_zone(zone: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TZ": zone}
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, check=False, timeout=600)


@pytest.mark.parametrize("zone", ZONES)
def test_the_suite_passes_in(zone: str) -> None:
    result = in_zone(zone, "-m", "pytest", "-q", "-p", "no:cacheprovider", *MODULES)
    assert result.returncode == 0, result.stdout[-3000:]


def test_the_meetings_are_the_same_in_every_zone() -> None:
    outputs = {zone: in_zone(zone, "-m", "aarshjul", "meetings", "--format", "json",
                             str(EXAMPLE)).stdout for zone in ZONES}
    assert len(set(outputs.values())) == 1
    assert outputs["UTC"].startswith("[")
