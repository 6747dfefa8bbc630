"""How long `aarshjul publish` takes: about 1,000 meetings into an empty
calendar of a local Radicale, then the same plan again (nothing to change).

    python3 bench/caldav.py [--bodies 20] [--runs 3]

Each run makes a new calendar, publishes into it (every event created: one
request each), publishes again (two requests for the calendar's events, then
the comparison) and, for scale, once more after a change of every meeting's
place in one body. Cold processes, median wall seconds.
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

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.radicale import PASSWORD, USER, Radicale  # after the path is set


def timed(command: list[str]) -> tuple[float, str]:
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
    return time.perf_counter() - began, done.stdout.strip().splitlines()[-1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    os.environ["AARSHJUL_CALDAV_PASSWORD"] = PASSWORD
    cli = aarshjul_command()
    rows: dict[str, list[float]] = {"first publish (all created)": [],
                                    "second publish (no change)": [],
                                    "one body's places changed": []}
    last: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        plan = folder / "plan.toml"
        text = synthetic_plan(options.bodies)
        plan.write_text(text, encoding="utf-8")
        moved = folder / "moved.toml"
        moved.write_text(text.replace('location = "Rådhuset, lokale 100"',
                                      'location = "Borgerservice, mødelokale 2"'),
                         encoding="utf-8")
        (folder / "radicale").mkdir()
        server = Radicale(folder / "radicale").start()
        try:
            for run in range(options.runs):
                url = server.make_calendar(f"run-{run}")
                for name, plan_file in zip(rows, (plan, plan, moved), strict=True):
                    seconds, summary = timed([*cli, "publish", str(plan_file), "--url", url,
                                              "--user", USER])
                    rows[name].append(seconds)
                    last[name] = summary
        finally:
            server.stop()
    print(f"{'publish':30} {'median s':>9}  summary of the last run")
    for name, seconds in rows.items():
        print(f"{name:30} {statistics.median(seconds):9.2f}  {last[name]}")
    print(f"(python {sys.version.split()[0]}; {options.bodies} bodies; "
          f"medians of {options.runs} runs)")


if __name__ == "__main__":
    main()
