"""Where a version of a plan comes from: a file, or ``REV:PATH``, a file as
a git revision has it (``HEAD~1:calendars/plan.toml``; ``:calendars/plan.toml``
for the one staged), read with ``git cat-file`` as git itself would.
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
    if not path or revision.startswith("-"):
        # ("-…" would be read by git as one of its options, not a revision.)
        raise SourceError.single("not-in-git", _("is no file, nor REV:PATH (like "
                                                 "HEAD~1:calendars/plan.toml)"), file=where)
    if _git("cat-file", "-t", where, where=where).strip() != b"blob":
        raise SourceError.single("not-in-git", _("is a folder in git, not a file"), file=where)
    data = _git("cat-file", "blob", where, where=where)
    if b"\0" in data[:8192]:
        raise SourceError.single("not-text", _("is a binary file, not text"), file=where,
                                 line=1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError.single("not-text", _("is not UTF-8 text"), file=where,
                                 line=line) from None


def _git(*arguments: str, where: str) -> bytes:
    """What ``git ARGUMENTS`` writes, or :class:`SourceError` in git's words."""
    try:
        done = subprocess.run(["git", *arguments], capture_output=True, check=False,
                              env={**os.environ, "GIT_PAGER": "cat", "LC_ALL": "C"})
    except FileNotFoundError:
        raise SourceError.single("not-in-git", _("is no file, and git, which would read it "
                                                 "as REV:PATH, is not installed"),
                                 file=where) from None
    if done.returncode:
        said = " ".join(done.stderr.decode("utf-8", "replace").split())
        raise SourceError.single("not-in-git", verbatim(said or "git failed"), file=where)
    return done.stdout
