"""Line numbers for the keys of a TOML document.

``tomllib`` turns a plan file into plain dicts and lists and forgets where
anything was written, yet every problem aarshjul reports must name a line
(``FILE:LINE: error[CODE]: message``). This module reads the same text a second
time, after ``tomllib`` has accepted it, and records the line of every table
header, array-of-tables element, key and array element under the key path that
``tomllib``'s result uses for it. A check that finds a bad value at
``("series", 1, "rule")`` can then say where that value was written.

It is a scanner, not a parser: it trusts that the text is valid TOML and follows
only what moves line numbers or key paths (strings, comments, brackets, headers
and keys); values are stepped over, never converted. On text that is not TOML
it still returns, with whatever it found, and it never raises.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TypeAlias

__all__ = ["KeyPath", "key_lines", "line_of"]

KeyPath: TypeAlias = tuple[str | int, ...]
"""Where a value sits in ``tomllib.loads``'s result: keys and array indices."""

# The scan takes one regex match per token, chosen by what may come next: a key
# (a statement, or inside an inline table) or a value (inside an array). The
# patterns never backtrack far (possessive quantifiers, *+ and ++) and accept
# what TOML would reject where that saves a late failure (a missing closing
# quote, a key without "="), so whatever they look at they also consume. With
# the scan always moving forward, the time stays linear in the length of the
# text, even for text that is not TOML. All are compiled with DOTALL, for the
# one "." they use: a backslash escapes any character, a line break included.

# What may stand between two tokens: blanks, newlines and comments.
_GAP = r"[ \t\r\n]*+(?:#[^\n]*+[ \t\r\n]*+)*+"
# One part of a dotted key: basic-quoted, literal-quoted or bare. Only
# _KEY_PART captures; its groups hold the text between the quotes.
_KEY = r"""(?:[A-Za-z0-9_-]++|"(?:[^"\\\n]++|\\.)*+"?|'[^'\n]*+'?)"""
_KEY_PART = re.compile(r""""((?:[^"\\\n]++|\\.)*+)"?|'([^'\n]*+)'?|([A-Za-z0-9_-]++)""", re.DOTALL)
_DOTTED = rf"{_KEY}(?:[ \t]*+\.[ \t]*+{_KEY})*+"
# "[a.b]" or "[[a.b]]", with blanks allowed inside the brackets.
_HEADER = re.compile(rf"\[(\[?+)[ \t]*+({_DOTTED})?[ \t]*+\]?+\]?+", re.DOTALL)
# A value, or the bracket that opens an array or inline table, and a comma
# after it. Numbers, booleans, dates and times run to the next delimiter.
_VALUE = (
    # A basic string. A multi-line one ends at the first run of three quotes
    # that is not escaped, but TOML lets up to two more quotes of that run
    # belong to the content ("""a""""" is 'a""'): hence a closing run of 3-5.
    r'(?P<value>"(?:""(?:[^"\\]++|\\.|""?+(?!"))*+(?:"{3,5})?|(?:[^"\\\n]++|\\.)*+"?)'
    # A literal string, likewise but without escapes.
    r"|'(?:''(?:[^']++|''?+(?!'))*+(?:'{3,5})?|[^'\n]*+'?)"
    # A date-time may have one space between the date and the time.
    r"|\d{4}-\d\d-\d\d[ Tt]\d[^\s,\]}#]*+"
    r"|[^\s,\[\]{}#=\"']++"
    r"|[\[{])(?:[ \t]*+,)?"
)
# The next token where a key may stand (a statement, or inside an inline
# table): "a.b = value" in one match, unless the value is an array or inline
# table. The "=" is optional so that a stray word (not TOML) goes in one step.
_ENTRY = re.compile(rf"{_GAP}(?:(?P<key>{_DOTTED})[ \t]*+(?:=[ \t]*+(?:{_VALUE})?)?)?", re.DOTALL)
# The next token inside an array: an element.
_ELEMENT = re.compile(rf"{_GAP}(?:{_VALUE})?", re.DOTALL)
_ESCAPE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|x([0-9A-Fa-f]{2})|(.))", re.DOTALL)
# \e and \xHH are TOML 1.1; TOML 1.0 text never has them, so knowing them too
# costs nothing.
_SIMPLE_ESCAPES = {
    "b": "\b",
    "t": "\t",
    "n": "\n",
    "f": "\f",
    "r": "\r",
    "e": "\x1b",
    '"': '"',
    "\\": "\\",
}
_CLOSERS = {"[": "]", "{": "}"}
# Paths are recorded to this depth only, far below what a plan needs (six or
# so levels): each path is a tuple of its own, so a path of depth d costs d,
# and deeper nesting in hostile text would make the result grow quadratically.
# Anything below that depth has the path _TOO_DEEP, which is never recorded
# and never equals a real path (no index is negative).
_MAX_DEPTH = 32
_TOO_DEEP: KeyPath = (-1,) * (_MAX_DEPTH + 1)


def key_lines(text: str) -> dict[KeyPath, int]:
    """1-based line of every table header, array-of-tables element and key.

    Array elements are included too (``("dates", 1)``), on the line where each
    element starts. A table that exists only because a deeper header or a
    dotted key names it gets the line of the first such mention, unless a
    header of its own comes later. Paths are recorded 32 levels deep, far
    deeper than a plan goes; below that, ``line_of`` gives the deepest line
    known. ``text`` should be what ``tomllib`` accepted (a leading byte-order
    mark is skipped); other text gives a partial answer.
    """
    return _Scanner(text).scan()


def line_of(lines: Mapping[KeyPath, int], path: KeyPath) -> int | None:
    """Line of ``path``, else of its longest prefix that has one, else None.

    A missing key is best reported at the table that should have held it.
    """
    for end in range(len(path), 0, -1):
        line = lines.get(path[:end])
        if line is not None:
            return line
    return None


@dataclass(slots=True)
class _Open:
    """An array or inline table whose closing bracket is still ahead."""

    path: KeyPath
    closer: str
    count: int = 0  # elements so far, for an array


class _Scanner:
    """One pass over the text, knowing at each point which path a key gets.

    The state is the current table (set by the last header), the arrays and
    inline tables open at this point (a stack, so that deep nesting never
    recurses) and how many elements each array of tables has had so far.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines: dict[KeyPath, int] = {}
        self.table: KeyPath = ()
        self.open: list[_Open] = []
        # Keyed by the array's path including its parents' indices, so that
        # [[meeting.item]] counts from 0 again under each [[meeting]].
        self.tables_seen: dict[KeyPath, int] = {}

    def scan(self) -> dict[KeyPath, int]:
        text, lines, open_ = self.text, self.lines, self.open
        entry, element = _ENTRY.match, _ELEMENT.match
        pos = 1 if text.startswith("\ufeff") else 0
        # The line of `line_pos`, counted lazily: the positions asked about
        # only grow, so counting costs one pass over the text in all. (Locals,
        # not a method, because this loop runs once per token.)
        line_pos, line_no = 0, 1
        inner: _Open | None = None  # open_[-1], if any
        while True:
            # A key may come next, unless we are inside an array.
            keyed = inner is None or inner.closer == "}"
            token = "key" if keyed else "value"
            match = entry(text, pos) if keyed else element(text, pos)
            assert match is not None  # both patterns accept the empty string
            found = match[token]
            pos = match.end()
            if found is not None:
                at = match.start(token)
                line_no += text.count("\n", line_pos, at)
                line_pos = at
                table = self.table if inner is None else inner.path
                if len(table) >= _MAX_DEPTH:
                    path = _TOO_DEEP
                elif inner is not None and not keyed:  # an array element
                    path = (*table, inner.count)
                    inner.count += 1
                    lines[path] = line_no
                elif '"' in found or "'" in found or "." in found:
                    path = self._dotted_key(table, found, line_no)
                else:  # the common case: one bare key
                    path = (*table, found)
                    lines[path] = line_no
                value = match["value"]
                if value in _CLOSERS:
                    inner = _Open(path, _CLOSERS[value])
                    open_.append(inner)
                continue
            # Neither key nor value: a bracket, a comma, the end, or not TOML.
            if pos >= len(text):
                return lines
            char = text[pos]
            if inner is None and char == "[":
                line_no += text.count("\n", line_pos, pos)
                line_pos = pos
                pos = self._header(pos, line_no)
                continue
            if inner is not None and char == inner.closer:
                open_.pop()
                inner = open_[-1] if open_ else None
            # Step past the closer or comma, or past what is not TOML.
            pos += 1

    def _header(self, pos: int, line: int) -> int:
        """Record ``[a.b]`` or ``[[a.b]]``, make it the current table, return its end."""
        match = _HEADER.match(self.text, pos)
        if match is None or match[2] is None:
            return match.end() if match else pos + 1
        *parents, last = _split(match[2])
        path: KeyPath = ()
        for key in parents:
            path = _child(path, key)
            if path is _TOO_DEEP:
                break
            self.lines.setdefault(path, line)
            # Below an array of tables, a header continues its last element.
            seen = self.tables_seen.get(path)
            if seen:
                path = _child(path, seen - 1)
        path = _child(path, last)
        if match[1]:  # an array of tables
            index = self.tables_seen.get(path, 0)
            self.tables_seen[path] = index + 1
            if path is not _TOO_DEEP:
                self.lines.setdefault(path, line)
            path = _child(path, index)
        if path is not _TOO_DEEP:
            # Assigned, not defaulted: a table's own header wins over a deeper
            # header before it ([a.b] before [a]), which only implied it.
            self.lines[path] = line
        self.table = path
        return match.end()

    def _dotted_key(self, table: KeyPath, dotted: str, line: int) -> KeyPath:
        """Record ``a."b c"`` and the tables it implies in ``table``; return its path."""
        *parents, last = _split(dotted)
        path = table
        for key in parents:
            path = _child(path, key)
            if path is _TOO_DEEP:
                return path
            self.lines.setdefault(path, line)
        path = _child(path, last)
        if path is not _TOO_DEEP:
            self.lines[path] = line
        return path


def _child(path: KeyPath, part: str | int) -> KeyPath:
    """``path`` one level down, unless that is deeper than paths are recorded."""
    return (*path, part) if len(path) < _MAX_DEPTH else _TOO_DEEP


def _split(dotted: str) -> list[str]:
    """The parts of a dotted key, unquoted; blanks and dots fall between matches."""
    keys = []
    for match in _KEY_PART.finditer(dotted):
        basic, literal, bare = match.groups()
        keys.append(_unescape(basic) if basic is not None else literal or bare or "")
    return keys


def _unescape(body: str) -> str:
    """Decode the escapes of a basic-string key; leave malformed ones as written."""
    if "\\" not in body:
        return body

    def decode(match: re.Match[str]) -> str:
        code = match.group(1) or match.group(2) or match.group(3)
        if code is None:
            return _SIMPLE_ESCAPES.get(match.group(4), match.group())
        number = int(code, 16)
        return chr(number) if number <= 0x10FFFF else match.group()

    return _ESCAPE.sub(decode, body)
