"""How `aarshjul check` and `aarshjul meetings` grow with a plan's size: many
dates in `dates` lists, many `[[case]]` tables; cold processes, median wall
seconds at each size, so that the growth shows.

    python3 bench/scale.py [--kind dates repeats cases routes]
                           [--sizes 12500 25000 50000 100000]
                           [--runs 3] [--timeout 150] [--peer PATH/TO/OTHER/aarshjul]

Three plans, each over the 50 calendar years a plan may span (2025 to 2074):

- ``dates``: SIZE distinct dates, spread over series of several bodies (one
  series can hold at most the 18,262 days of the span);
- ``repeats``: one series whose `dates` list holds SIZE dates, each day
  about SIZE / 18,262 times (the file is refused: every repeated day is
  named once);
- ``cases``: SIZE / 5 `[[case]]` tables (with the default sizes 2,500 to
  20,000) for one body meeting daily (18,262 meetings): nearly half pinned
  to a date, as many with a window, one in twenty with a month;
- ``routes``: SIZE / 5 cases on a route of three bodies (committee on
  weekdays, economy committee on Tuesdays, council on Wednesdays), each
  earlier step back-scheduled from the last (SPEC §12).

Issue 12: a quadratic count of repeated dates took over 120 s for 100,000
dates, and placing 20,000 cases 80 s. Both must grow linearly (or n log n).
With ``--peer``, another installation's ``aarshjul`` runs each command in
turn with this one; a run past ``--timeout`` seconds is stopped and shown as
``>TIMEOUT``, as are the larger sizes after it (not run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from timing import aarshjul_command

START, END = dt.date(2025, 1, 1), dt.date(2074, 12, 31)
SPAN = (END - START).days + 1
HEADER = (f'[plan]\ntitle = "Skala"\nid = "skala"\nstart = {START}\nend = {END}\n'
          'holidays = ""\n')


def _body(number: int) -> str:
    return f'[[body]]\nid = "b{number}"\nname = "Udvalg {number}"\nkind = "udvalg"\n'


def _series(body: int, dates: list[dt.date], extra: str = "") -> str:
    listed = ", ".join(map(str, dates))
    return (f'[[series]]\nbody = "b{body}"\nid = "s{body}"\ndates = [{listed}]\n'
            f'start = "10:00"\nminutes = 60\n{extra}')


def dates_plan(size: int) -> str:
    """SIZE distinct dates: series of at most 16,000 days each, one a body."""
    parts, body = [HEADER], 0
    while size > 0:
        count = min(size, 16_000)
        step = SPAN // count
        parts += [_body(body), _series(body, [START + dt.timedelta(days=i * step)
                                              for i in range(count)])]
        size, body = size - count, body + 1
    return "\n".join(parts)


def repeats_plan(size: int) -> str:
    """One series listing SIZE dates, every day of the span in turn."""
    return "\n".join([HEADER, _body(0), _series(0, [START + dt.timedelta(days=i % SPAN)
                                                    for i in range(size)])])


def cases_plan(cases: int) -> str:
    """CASES cases of one body meeting every day for four hours (18,262
    meetings): nearly half pinned to a meeting's date, as many with a 90-day
    window, one in twenty with a month (a meeting in that month of each of
    the 50 years)."""
    parts = [HEADER, _body(0), '[[series]]\nbody = "b0"\nrule = "FREQ=DAILY"\n'
             'start = "08:00"\nminutes = 240\n']
    weeks = SPAN // 7 - 13
    for number in range(cases):
        kind = number % 20
        day = START + dt.timedelta(weeks=number * weeks // cases)  # spread over the span
        if kind == 0:
            where = f"month = {number % 12 + 1}"
        elif kind % 2:
            where = f"date = {day}"
        else:
            where = f"window = [{day}, {day + dt.timedelta(days=90)}]"
        parts.append(f'[[case]]\ntitle = "Sag {number}"\nbody = "b0"\n{where}\n'
                     f"minutes = {5 + number % 4 * 5}\n")
    return "\n".join(parts)


def routes_plan(cases: int) -> str:
    """CASES cases on a route of three bodies (a committee on weekdays, an
    economy committee on Tuesdays, a council on Wednesdays, over the 50
    years): each earlier step back-scheduled from the last, which goes to a
    90-day window spread over the span."""
    parts = [HEADER, *(_body(number) for number in range(3)),
             '[[series]]\nbody = "b0"\nrule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"\n'
             'start = "08:00"\nminutes = 240\n',
             '[[series]]\nbody = "b1"\nrule = "FREQ=WEEKLY;BYDAY=TU"\nstart = "08:00"\n'
             'minutes = 480\n',
             '[[series]]\nbody = "b2"\nrule = "FREQ=WEEKLY;BYDAY=WE"\nstart = "08:00"\n'
             'minutes = 480\n',
             '[[route]]\nid = "sag"\nsteps = ["b0", "b1", "b2"]\ngap = 2\n']
    weeks = SPAN // 7 - 17
    for number in range(cases):  # from the fourth week: the earlier steps need weeks before
        day = START + dt.timedelta(weeks=4 + number * weeks // cases)
        parts.append(f'[[case]]\ntitle = "Sag {number}"\nroute = "sag"\n'
                     f"window = [{day}, {day + dt.timedelta(days=90)}]\nminutes = [10, 5, 5]\n")
    return "\n".join(parts)


PLANS = {"dates": dates_plan, "repeats": repeats_plan,
         "cases": lambda size: cases_plan(size // 5),
         "routes": lambda size: routes_plan(size // 5)}


def timed(command: list[str], timeout: float) -> float | None:
    began = time.perf_counter()
    try:
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return None
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kind", nargs="+", choices=sorted(PLANS),
                        default=["dates", "repeats", "cases", "routes"])
    parser.add_argument("--sizes", type=int, nargs="+", default=[12_500, 25_000, 50_000, 100_000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=150.0)
    parser.add_argument("--peer", default=None,
                        help="another installation's aarshjul to run in turn with this one")
    options = parser.parse_args()
    clis = {"now": aarshjul_command()}
    if options.peer:
        clis["peer"] = [options.peer]
    names = " ".join(f"{name + ' s':>10}" for name in clis)
    print(f"{'plan':8} {'dates or cases':>14} {'command':9} {names}")
    gave_up: set[tuple[str, str, str]] = set()
    with tempfile.TemporaryDirectory() as scratch:
        for kind in options.kind:
            for size in options.sizes:
                plan = Path(scratch) / f"{kind}-{size}.toml"
                plan.write_text(PLANS[kind](size), encoding="utf-8")
                for command in ("check", "meetings"):
                    times: dict[str, list[float | None]] = {name: [] for name in clis}
                    for _ in range(options.runs):
                        for name, cli in clis.items():
                            if (kind, command, name) in gave_up:  # it only grows
                                times[name].append(None)
                                continue
                            times[name].append(timed([*cli, command, str(plan)],
                                                     options.timeout))
                            if times[name][-1] is None:
                                gave_up.add((kind, command, name))
                    over = f">{options.timeout:.0f}"
                    cells = [f"{over:>10}" if None in found
                             else f"{statistics.median(t for t in found if t is not None):10.2f}"
                             for found in times.values()]
                    count = size // 5 if kind in ("cases", "routes") else size
                    print(f"{kind:8} {count:14,} {command:9} " + " ".join(cells), flush=True)


if __name__ == "__main__":
    main()
