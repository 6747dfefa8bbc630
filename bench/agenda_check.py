"""`aarshjul check` of the seed's written agenda as a cold process, beside
`python3 -c pass` in one run. The target (SPEC §9): within 5× of the bare
interpreter, with no calendar, holiday or date library imported.

    python3 bench/agenda_check.py [--runs 21] [--peer PATH/TO/OTHER/aarshjul]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

from timing import aarshjul_command, medians, report

SEED = str(Path(__file__).resolve().parent.parent / "tests" / "agendas"
           / "seed-sbu-2025-01-15.txt")
HEAVY = ("icalendar", "holidays", "babel", "dateutil", "jinja2", "docx")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--peer", default=None,
                        help="another installation's aarshjul to run in turn with this one")
    options = parser.parse_args()
    runs = options.runs
    commands = {"python3 -c pass": [sys.executable, "-c", "pass"],
                "aarshjul check SEED.txt": [*aarshjul_command(), "check", SEED]}
    if options.peer:
        commands["peer: aarshjul check SEED.txt"] = [options.peer, "check", SEED]
    report(medians(commands, runs), "python3 -c pass")
    imports = subprocess.run([sys.executable, "-X", "importtime", "-m", "aarshjul", "check",
                              SEED], capture_output=True, text=True, check=False).stderr
    loaded = {line.split("|")[-1].strip().split(".")[0] for line in imports.splitlines()}
    print("heavy libraries imported:", ", ".join(sorted(loaded & set(HEAVY))) or "none")


if __name__ == "__main__":
    main()
