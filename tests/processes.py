"""A command run in a fresh process, and the modules it imported: what a
command loads is part of how fast it starts."""

from __future__ import annotations

import json
import subprocess
import sys

from .plans import ROOT


def modules_after(args: list[str], *prefixes: str) -> tuple[str, list[str]]:
    """Run ``aarshjul ARGS…`` in a new interpreter; its standard output and
    the sorted names of the modules then loaded that start with a prefix."""
    code = ("import json, sys\nfrom aarshjul.cli import main\ntry:\n"
            f"    main({args!r})\nexcept SystemExit as stop:\n"
            "    assert stop.code in (0, None), stop.code\n"
            f"print(json.dumps(sorted(m for m in sys.modules if m.startswith({prefixes!r}))))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    printed, _, modules = result.stdout.rstrip("\n").rpartition("\n")
    return printed, json.loads(modules)
