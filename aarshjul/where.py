"""Where a model object was written (file, line, the key of its table), so
that every problem found with it, by the reader, the validation pass or
scheduling, points at the line to change."""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from aarshjul.errors import Problem, Severity
from aarshjul.messages import Message, led

__all__ = ["NOWHERE", "Where"]


@attrs.frozen(kw_only=True)
class Where:
    """Where a model object was written: file, line, and a label for messages.

    ``lines`` holds the line of each key of its table, so that a check of the
    whole model (:mod:`aarshjul.plan.validate`) can point at the key that is
    wrong, as the reader does. ``unread`` names the keys whose values the
    reader could not take (missing, malformed, or in conflict with another):
    it has reported them, and the object holds stand-ins there, which the
    validation pass leaves alone. An object built in code has neither.
    """

    file: str
    line: int | None
    label: str
    key: str
    lines: Mapping[str, int] = attrs.field(factory=dict, eq=False, repr=False)
    unread: frozenset[str] = attrs.field(default=frozenset(), eq=False, repr=False)

    def at(self, key: str) -> Where:
        """The place of one key of this table: its line, and its key path
        (``series[2].to``)."""
        return Where(file=self.file, line=self.lines.get(key, self.line), label=self.label,
                     key=f"{self.key}.{key}" if self.key else key)

    def problem(self, code: str, message: Message, *, key: str | None = None,
                severity: Severity = Severity.ERROR, item: int | None = None) -> Problem:
        """A problem found here, or at ``key`` of this table; its message led
        by the table's label (and the key)."""
        if key is not None:
            return self.at(key).problem(code, led(key, message), severity=severity, item=item)
        return Problem(severity, code, led(self.label, message), self.file, self.line,
                       self.key or None, item)


NOWHERE = Where(file="<plan>", line=None, label="", key="")
