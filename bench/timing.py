"""Timing whole commands side by side: the helper the benchmarks share.

Commands run interleaved (A B A B …) so that a shared machine's drift slows
each alike; the first round warms the file cache and is not counted.
"""

from __future__ import annotations

import compileall
import statistics
import subprocess
import sys
import time
from pathlib import Path


def aarshjul_command() -> list[str]:
    """The console script beside this interpreter, not a version manager's
    shim on PATH (a shell script that costs more than aarshjul itself), with
    the package compiled to bytecode as an installation has it.

    pip compiles a package's modules when it installs them. A development
    install where PYTHONDONTWRITEBYTECODE is set (as on the machine of the
    figures in this folder's README.md) would otherwise compile every module
    anew in every process: about 0.15 s that no installed aarshjul spends."""
    import aarshjul  # noqa: PLC0415 - the copy the command runs

    compileall.compile_dir(Path(aarshjul.__file__).parent, quiet=1)
    script = Path(sys.executable).parent / "aarshjul"
    return [str(script)] if script.exists() else [sys.executable, "-m", "aarshjul"]


def medians(commands: dict[str, list[str]], runs: int) -> dict[str, float]:
    """Median wall seconds of each command over ``runs`` interleaved runs."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    for _ in range(runs + 1):
        for name, command in commands.items():
            began = time.perf_counter()
            subprocess.run(command, stdout=subprocess.DEVNULL, check=False)
            times[name].append(time.perf_counter() - began)
    return {name: statistics.median(values[1:]) for name, values in times.items()}


def report(found: dict[str, float], base: str) -> None:
    print(f"{'command':44} {'median ms':>10} {'× ' + base:>22}")
    for name, median in found.items():
        print(f"{name:44} {median * 1000:10.1f} {median / found[base]:22.2f}")
