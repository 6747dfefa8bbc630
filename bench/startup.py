"""How long `aarshjul check`, `meetings` and `agenda` take on the example plan
as cold processes, side by side with `python3 -c pass` in one run.

    python3 bench/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from timing import aarshjul_command, medians, report

PLAN = str(Path(__file__).resolve().parent.parent / "calendars" / "aarhus-msb-2025.toml")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    cli = aarshjul_command()
    commands = {
        "python3 -c pass": [sys.executable, "-c", "pass"],
        "aarshjul --version": [*cli, "--version"],
        "aarshjul check PLAN": [*cli, "check", PLAN],
        "aarshjul meetings PLAN": [*cli, "meetings", PLAN],
        "aarshjul meetings PLAN --format json": [*cli, "meetings", "--format", "json", PLAN],
        "aarshjul agenda PLAN sbu 2025-01-15": [*cli, "agenda", PLAN, "sbu", "2025-01-15"],
    }
    report(medians(commands, runs), "python3 -c pass")


if __name__ == "__main__":
    main()
