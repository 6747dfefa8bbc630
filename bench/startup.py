"""How long `aarshjul --help`, `check`, `meetings` and `agenda` take on the example plan
as cold processes, side by side with `python3 -c pass` in one run.

    python3 bench/startup.py [--runs 21] [--peer PATH/TO/OTHER/aarshjul]

With ``--peer``, another installation's ``aarshjul`` runs each command in turn
with this one.
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
    parser.add_argument("--peer", default=None,
                        help="another installation's aarshjul to run in turn with this one")
    options = parser.parse_args()
    runs = options.runs
    cli = aarshjul_command()
    commands = {
        "python3 -c pass": [sys.executable, "-c", "pass"],
        "aarshjul --version": [*cli, "--version"],
        "aarshjul --help": [*cli, "--help"],
        "aarshjul check PLAN": [*cli, "check", PLAN],
        "aarshjul meetings PLAN": [*cli, "meetings", PLAN],
        "aarshjul meetings PLAN --format json": [*cli, "meetings", "--format", "json", PLAN],
        "aarshjul agenda PLAN sbu 2025-01-15": [*cli, "agenda", PLAN, "sbu", "2025-01-15"],
    }
    if options.peer:
        commands |= {f"peer: {name}": [options.peer, *command[len(cli):]]
                     for name, command in commands.items() if name.startswith("aarshjul")}
    report(medians(commands, runs), "python3 -c pass")


if __name__ == "__main__":
    main()
