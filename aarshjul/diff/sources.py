"""Where a version of a plan comes from: a file, or ``REV:PATH``, a file as
a git revision has it (``HEAD~1:calendars/plan.toml``), read with ``git
show`` as git itself would.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from aarshjul.errors import SourceError
from aarshjul.files import read_text
from aarshjul.messages import _, verbatim
from aarshjul.model import Plan
from aarshjul.plan.reader import parse_plan

__all__ = ["plan_version"]


def plan_version(where: str) -> Plan:
    """The plan ``where`` names: a file if one is there, else ``REV:PATH``.

    Raises :class:`SourceError` when neither can be read (git's own words
    say why) and :class:`~aarshjul.errors.PlanError` when the plan has
    errors, each located in ``where``."""
    if Path(where).exists() or ":" not in where:
        return parse_plan(read_text(where), source=where)
    return parse_plan(_from_git(where), source=where)


def _from_git(where: str) -> str:
    revision, _colon, path = where.partition(":")
    if not revision or not path:
        raise SourceError.single("not-in-git", _("is no file, nor REV:PATH (like "
                                                 "HEAD~1:calendars/plan.toml)"), file=where)
    try:
        shown = subprocess.run(["git", "show", f"{revision}:{path}"], capture_output=True,
                               check=False, env={**os.environ, "GIT_PAGER": "cat"})
    except FileNotFoundError:
        raise SourceError.single("not-in-git", _("is no file, and git, which would read it "
                                                 "as REV:PATH, is not installed"),
                                 file=where) from None
    if shown.returncode:
        said = shown.stderr.decode("utf-8", "replace").strip().splitlines()
        raise SourceError.single("not-in-git", verbatim(said[-1] if said else "git show failed"),
                                 file=where)
    try:
        return shown.stdout.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise SourceError.single("not-text", _("is not UTF-8 text"), file=where) from None
