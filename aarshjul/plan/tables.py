"""Reading TOML tables with types and locations: the plan file's toolkit.

``tomllib`` gives plain values and no positions. A :class:`Table` wraps one
table of the raw mapping with its key path; its getters check a value's type
and range and, instead of raising, report a located problem and return None,
so that one pass over a file finds every mistake in it. The table remembers
which keys it could not read; its :attr:`Table.where` hands that, and the
line of each key, to the model object it becomes, for the validation pass.
"""

from __future__ import annotations

import datetime as dt
import difflib
import enum
import re
from collections.abc import Iterator
from typing import Any, TypeVar

from aarshjul.clock import ClockTime, Minutes
from aarshjul.deadlines import Deadline, read_deadline
from aarshjul.errors import Problem, Severity
from aarshjul.forms import MINUTES, Bounds, id_problem
from aarshjul.messages import Message, Refusal, _, led, said_by, verbatim
from aarshjul.model import Where
from aarshjul.plan.toml_positions import KeyPath, key_lines, line_of

E = TypeVar("E", bound=enum.Enum)

# Stand-ins for values that could not be read (reported, and their keys
# marked unread): they are never handed out, as the plan has errors.
STAND_IN_DAY = dt.date(2000, 1, 1)
STAND_IN_TIME = ClockTime.at(0)

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

AN_ID = _('an id like "sbu"')
A_CLOCK_TIME = _('a clock time like "18:15"')
_A_DATE = _("a date like 2025-01-15")


def written(**values: Any) -> dict[str, Any]:
    """The values read, for a model class's keywords: one not written (or
    not readable) is left out, so that the model's default stands, stated
    there alone."""
    return {key: value for key, value in values.items() if value is not None}


def key_text(path: KeyPath) -> str:
    out = ""
    for part in path:
        out += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out


class Reader:
    """Collects problems, each located by its key path."""

    def __init__(self, source: str, text: str) -> None:
        self.source = source
        self.lines = key_lines(text)
        self.problems: list[Problem] = []
        self._seen: set[Problem] = set()

    def report(self, code: str, path: KeyPath, message: Message,
               severity: Severity = Severity.ERROR) -> None:
        problem = Problem(severity, code, message, self.source,
                          line_of(self.lines, path) or 1, key_text(path))
        if problem not in self._seen:  # a table read twice reports once
            self._seen.add(problem)
            self.problems.append(problem)


class Table:
    """One TOML table being read: typed getters that report, never raise."""

    def __init__(self, reader: Reader, raw: dict[str, Any], path: KeyPath, label: str,
                 allowed: tuple[str, ...]) -> None:
        self.reader, self.raw, self.path, self.label = reader, raw, path, label
        self.unread: set[str] = set()
        for key in raw:
            if key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                self.error(key, "unknown-key",
                           _('unknown key "{key}"; did you mean "{close}"?', key=key,
                             close=close[0]) if close else
                           _('unknown key "{key}" (known keys: {known})', key=key,
                             known=", ".join(allowed)))

    @property
    def where(self) -> Where:
        """Where the table is, the line of each of its keys, and the keys it
        could not read (take it after reading them all)."""
        lines = self.reader.lines
        return Where(file=self.reader.source, line=line_of(lines, self.path), label=self.label,
                     key=key_text(self.path),
                     lines={key: lines[(*self.path, key)] for key in self.raw
                            if (*self.path, key) in lines},
                     unread=frozenset(self.unread))

    def mark_unread(self, *keys: str) -> None:
        """These keys hold no usable value (the problem is reported)."""
        self.unread.update(keys)

    def error(self, key: str | KeyPath | None, code: str, message: Message,
              severity: Severity = Severity.ERROR) -> None:
        """Report a problem at ``key`` (a key of this table, or a path below it
        like ``("dates", 0)``), or at the table itself. An error in a key's
        value makes the key unread; two keys in conflict may both hold good
        values (the caller marks the one it leaves out)."""
        below: KeyPath = () if key is None else (key,) if isinstance(key, str) else key
        if below and severity is Severity.ERROR and code != "conflicting-keys":
            self.unread.add(str(below[0]))
        path = (*self.path, *below)
        # Led as Where.problem leads it: the table's label, then the key.
        self.reader.report(code, path, led(self.label, led(key_text(below), message)), severity)

    def has(self, key: str) -> bool:
        return key in self.raw

    def _get(self, key: str, required: bool, what: Message | None) -> Any:
        if key not in self.raw:
            if required:
                self.error(None, "missing-key", _('"{key}" is required ({what})', key=key,
                                                  what=what or ""))
                self.unread.add(key)
            return None
        return self.raw[key]

    def _wrong(self, key: str | KeyPath, expected: Message, value: Any) -> None:
        self.error(key, "bad-type", _("expected {expected} (got {got})", expected=expected,
                                      got=_describe(value)))

    def text(self, key: str, *, required: bool = False, what: Message | None = None
             ) -> str | None:
        """A text; ``what`` says what a required one is, when it is missing."""
        value = self._get(key, required, what or _("text"))
        if value is None:
            return None
        if not isinstance(value, str):
            self._wrong(key, _("text in quotes"), value)
            return None
        if required and not value.strip():
            self.error(key, "bad-value", _("must not be empty"))
            return None
        return value

    def ident(self, key: str, *, required: bool = True) -> str | None:
        """A reference to a table by its id (the ids of the tables themselves
        are read as text; their form is the validation pass's)."""
        value = self.text(key, required=required, what=AN_ID)
        problem = None if value is None else id_problem(value)
        if problem is not None:
            self.error(key, "bad-value", problem)
            return None
        return value

    def integer(self, key: str, bounds: Bounds) -> int | None:
        value = self._get(key, False, None)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self._wrong(key, _("a whole number"), value)
            return None
        if value not in bounds:
            self.error(key, "bad-value", _("{value} is out of range ({bounds})", value=value,
                                           bounds=bounds.said()))
            return None
        return value

    def minutes(self, key: str = "minutes") -> Minutes | None:
        value = self.integer(key, MINUTES)
        return None if value is None else Minutes(value)

    def deadline(self, key: str) -> Deadline | None:
        """Days before a meeting: a whole number of calendar days, or a count
        like ``"4 hverdage"`` (:func:`~aarshjul.deadlines.read_deadline`)."""
        value = self._get(key, False, None)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | str):
            self._wrong(key, _('a number of days, or a text like "4 hverdage"'), value)
            return None
        try:
            return read_deadline(value)
        except Refusal as refusal:
            self.error(key, "bad-value", refusal.said)
            return None

    def integers(self, key: str, bounds: Bounds, *, what: Message | None = None,
                 ordered: bool = False) -> tuple[int, ...] | None:
        """Whole numbers in ``bounds``: a list of them, or one alone; with
        ``what`` (what the list is), a list only. A set of numbers (months,
        weeks) comes sorted, each once; an ``ordered`` list as written."""
        value = self._get(key, False, None)
        if value is None:
            return None
        if what is not None and not isinstance(value, list):
            self._wrong(key, what, value)
            return None
        values = value if isinstance(value, list) else [value]
        good = []
        for index, item in enumerate(values):
            if isinstance(item, bool) or not isinstance(item, int):
                self._wrong((key, index) if isinstance(value, list) else key,
                            _("a whole number"), item)
            elif item not in bounds:
                self.error(key, "bad-value", _("{value} is out of range ({bounds})",
                                               value=item, bounds=bounds.said()))
            else:
                good.append(item)
        if len(good) != len(values):
            return None
        if not good:
            self.error(key, "bad-value", _("the list is empty"))
            return None
        return tuple(good) if ordered else tuple(sorted(set(good)))

    def date(self, key: str, *, required: bool = False) -> dt.date | None:
        return self._as_date(key, self._get(key, required, _A_DATE))

    def dates(self, key: str) -> tuple[dt.date, ...] | None:
        value = self._get(key, False, None)
        if value is None:
            return None
        if not isinstance(value, list):
            self._wrong(key, _("a list of dates like [2025-01-15, 2025-02-12]"), value)
            return None
        found = [self._as_date((key, i), item) for i, item in enumerate(value)]
        if any(item is None for item in found):
            return None
        return tuple(item for item in found if item is not None)

    def clock(self, key: str) -> ClockTime | None:
        value = self._get(key, False, None)
        if value is None:
            return None
        if isinstance(value, dt.time):
            if value.second or value.microsecond or value.tzinfo:
                self.error(key, "bad-time", _('{value} has seconds or a zone; '
                                              'write "HH:MM" like "18:15"', value=value))
                return None
            return ClockTime.of(value)
        if not isinstance(value, str):
            self._wrong(key, A_CLOCK_TIME, value)
            return None
        try:
            return ClockTime.parse(value)
        except ValueError as error:
            self.error(key, "bad-time", said_by(error))
            return None

    def flag(self, key: str) -> bool | None:
        """``true`` or ``false``; None if the key is not written (the model's
        default stands) or holds something else (that is reported)."""
        value = self._get(key, False, None)
        if value is None:
            return None
        if not isinstance(value, bool):
            self._wrong(key, _("true or false (without quotes)"), value)
            return None
        return value

    def choice(self, key: str, kind: type[E]) -> E | None:
        """One of the values of ``kind``; None if the key is not written (the
        model's default stands) or holds none of them (that is reported)."""
        value = self._get(key, False, None)
        if value is None:
            return None
        allowed = [member.value for member in kind]
        if isinstance(value, str) and value in allowed:
            return kind(value)
        close = difflib.get_close_matches(str(value), allowed, n=1)
        shown = f'"{value}"' if isinstance(value, str) else _describe(value)
        known = ", ".join(repr(a) for a in allowed)
        self.error(key, "bad-value",
                   _('{shown} is not one of {known}; did you mean "{close}"?', shown=shown,
                     known=known, close=close[0]) if close else
                   _("{shown} is not one of {known}", shown=shown, known=known))
        return None

    def strings(self, key: str, *, example: str = '["Indstilling", "Bilag 1"]'
                ) -> tuple[str, ...] | None:
        """A list of texts (a single text is a list of one)."""
        value = self._get(key, False, None)
        if value is None:
            return ()
        values = value if isinstance(value, list) else [value]
        for index, item in enumerate(values):
            if not isinstance(item, str):
                where = (key, index) if isinstance(value, list) else key
                self._wrong(where, _("a list of texts like {example}", example=example), item)
                return None
        return tuple(values)

    def _as_date(self, key: str | KeyPath, value: Any) -> dt.date | None:
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            self.error(key, "bad-date", _("{value} has a time; write the date alone, like "
                                          "{day}", value=value, day=value.date().isoformat()))
            return None
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and _ISO_DATE.fullmatch(value.strip()):
            try:
                return dt.date.fromisoformat(value.strip())
            except ValueError as error:
                self.error(key, "bad-date", _('"{value}" is not a date that exists ({reason})',
                                              value=value, reason=verbatim(str(error))))
                return None
        self._wrong(key, _A_DATE, value)
        return None

    def tables(self, key: str) -> Iterator[tuple[dict[str, Any], KeyPath]]:
        """The elements of an array of tables (``[[key]]``)."""
        value = self.raw.get(key)
        if value is None:
            return
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            self.error(key, "bad-type", _("write each one as a [[{table}]] table",
                                          table=_dotted(self.path, key)))
            return
        for index, element in enumerate(value):
            yield element, (*self.path, key, index)


def _dotted(path: KeyPath, key: str) -> str:
    names = [part for part in path if isinstance(part, str)]
    return ".".join([*names[-1:], key]) if names else key


_KINDS: dict[type, Message] = {
    bool: _("true/false"), int: _("a number"), float: _("a decimal number"), str: _("a text"),
    list: _("a list"), dict: _("a table"), dt.datetime: _("a date with a time"),
    dt.date: _("a date"), dt.time: _("a time")}


def _describe(value: Any) -> Message:
    """What a value is, and the value itself where it is short: ``a number 7``."""
    shown = repr(value) if not isinstance(value, list | dict) else ""
    kind = _KINDS.get(type(value)) or verbatim(type(value).__name__)
    return _("{kind} {value}", kind=kind, value=shown) if shown and len(shown) < 40 else kind
