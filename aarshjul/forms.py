"""The form of a plan's single values, each rule stated once.

The plan reader checks these forms in what a file says, with the line of
the key; the validation pass (:mod:`aarshjul.plan.validate`) checks them in
a plan built in code, where no reader has looked. Both take the rule from
here, so a plan is held to one rule, however it was made.
"""

from __future__ import annotations

import re

__all__ = ["colour_problem", "id_problem"]

_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def id_problem(value: str) -> str | None:
    """Why ``value`` cannot be an id, or None if it can.

    Ids name files (``feeds/<body>.ics``, ``agendas/<body>/``) and go into
    UIDs, so they hold no ``/`` or ``..`` and no capitals, which a file system
    that ignores case would take for another id's file.

    >>> id_problem("sbu") is None, id_problem("../x")
    (True, '"../x" is not an id: use a-z, 0-9 and "-", starting with a letter or digit')
    """
    if _ID.fullmatch(value):
        return None
    return f'"{value}" is not an id: use a-z, 0-9 and "-", starting with a letter or digit'


_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")


def colour_problem(value: str) -> str | None:
    """Why ``value`` is no ``#rrggbb`` colour (what the wheel draws and
    RFC 7986 names), or None if it is one."""
    if _COLOUR.fullmatch(value):
        return None
    return f'"{value}" is not a colour like "#1f77b4"'
