"""How `aarshjul build` scales: a synthetic plan of many bodies over one year,
and over several, as cold processes; wall time and peak memory of each.

    python3 bench/site.py [--bodies 100] [--years 1 10] [--runs 3] [--scratch DIR]
                          [--peer PATH/TO/OTHER/aarshjul]

Targets (issue 5): 100 bodies over one year built in under 2 s and under
200 MB; cost growing linearly with bodies × years. Each run builds into an
empty folder (a first build, the most work: every file is written), then
once more into the same folder (nothing changed: nothing may be written).
With ``--peer``, another installation's ``aarshjul`` (an earlier version, in
a virtual environment of its own) builds the same plan in turn with this one,
run for run, so that both meet the same hour of a shared machine.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from feeds import synthetic_plan
from timing import aarshjul_command


def plan_over(bodies: int, years: int) -> str:
    text = synthetic_plan(bodies)
    return text.replace("end = 2025-12-31", f"end = {2024 + years}-12-31")


def measure(command: list[str]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one process (the largest of it
    and any children it has)."""
    began = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - began
    if status != 0:
        raise SystemExit(f"{' '.join(command)} failed")
    return wall, usage.ru_maxrss / 1024  # kilobytes on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=100)
    parser.add_argument("--years", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scratch", default=None,
                        help="where to build (default: the system's temporary folder)")
    parser.add_argument("--peer", default=None,
                        help="another installation's aarshjul to build in turn with this one")
    options = parser.parse_args()
    clis = {"": aarshjul_command()}
    if options.peer:
        clis["peer: "] = [options.peer]
    environment = {**os.environ, "SOURCE_DATE_EPOCH": "1735732800"}
    os.environ.update(environment)
    print(f"{'plan':30} {'meetings':>9} {'files':>7} {'first build s':>14} {'MB':>6} "
          f"{'rebuild s':>10} {'MB':>6}")
    with tempfile.TemporaryDirectory(dir=options.scratch) as scratch:
        for years in options.years:
            plan = Path(scratch) / f"plan-{years}.toml"
            plan.write_text(plan_over(options.bodies, years), encoding="utf-8")
            runs: dict[str, tuple[list[tuple[float, float]], list[tuple[float, float]]]] = {
                name: ([], []) for name in clis}
            for run in range(options.runs):
                for name, cli in clis.items():
                    site = Path(scratch) / f"site-{years}-{run}-{len(name)}"
                    firsts, rebuilds = runs[name]
                    firsts.append(measure([*cli, "build", str(plan), "-o", str(site)]))
                    rebuilds.append(measure([*cli, "build", str(plan), "-o", str(site)]))
            files = sum(1 for p in site.rglob("*") if p.is_file())
            meetings = sum(1 for p in (site / "agendas").rglob("*.html"))
            for name, (firsts, rebuilds) in runs.items():
                first = statistics.median(w for w, _ in firsts)
                again = statistics.median(w for w, _ in rebuilds)
                label = f"{name}{options.bodies} bodies, {years} year(s)"
                print(f"{label:30} {meetings:9} {files:7} {first:14.2f} "
                      f"{max(m for _, m in firsts):6.0f} {again:10.2f} "
                      f"{max(m for _, m in rebuilds):6.0f}")
    idle = statistics.median(measure([sys.executable, "-c", "pass"])[0] for _ in range(5))
    print(f"(python {sys.version.split()[0]}; medians of {options.runs} runs; this machine "
          f"counts to 10 million in a Python loop in {calibration():.2f} s, for comparing "
          f"runs on a shared machine; a Python that does nothing takes {idle:.3f} s)")


def calibration() -> float:
    """Seconds for a plain Python loop: how fast the processor is just now."""
    began = time.perf_counter()
    total = 0
    for number in range(10_000_000):
        total += number
    return time.perf_counter() - began


if __name__ == "__main__":
    main()
