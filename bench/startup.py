"""How long `aarshjul check` and `aarshjul meetings` take as cold processes.

Runs each command, side by side in one run with `python3 -c pass` as the
peer (interleaved, so drift of a shared machine hits all alike), and prints
the median wall time of each and its ratio to the bare interpreter.

    python3 bench/startup.py [--runs 21]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLAN = ROOT / "calendars" / "aarhus-msb-2025.toml"


def commands() -> dict[str, list[str]]:
    # The console script beside this interpreter, not a version manager's shim
    # on PATH (which is a shell script that costs more than aarshjul itself).
    script = Path(sys.executable).parent / "aarshjul"
    cli = [str(script)] if script.exists() else [sys.executable, "-m", "aarshjul"]
    return {
        "python3 -c pass": [sys.executable, "-c", "pass"],
        "aarshjul --version": [*cli, "--version"],
        "aarshjul check PLAN": [*cli, "check", str(PLAN)],
        "aarshjul meetings PLAN": [*cli, "meetings", str(PLAN)],
        "aarshjul meetings PLAN --format json": [*cli, "meetings", "--format", "json",
                                                 str(PLAN)],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    todo = commands()
    times: dict[str, list[float]] = {name: [] for name in todo}
    for _ in range(runs + 1):  # the first round warms the file cache
        for name, command in todo.items():
            began = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
            times[name].append(time.perf_counter() - began)
    base = statistics.median(times["python3 -c pass"][1:])
    print(f"{'command':40} {'median ms':>10} {'× python3 -c pass':>18}")
    for name, measured in times.items():
        median = statistics.median(measured[1:])
        print(f"{name:40} {median * 1000:10.1f} {median / base:18.2f}")


if __name__ == "__main__":
    main()
