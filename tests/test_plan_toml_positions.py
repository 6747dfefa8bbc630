"""The line of every key in a TOML text, as ``toml_positions`` finds it.

Table-driven cases pin down each construct; a property test renders random
documents itself, so it knows the line of every key it wrote, and compares;
the rest checks that no text makes the scanner raise or slow down.
"""

from __future__ import annotations

import string
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, TypeAlias

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aarshjul.plan.toml_positions import _MAX_DEPTH, KeyPath, key_lines, line_of

# ---------------------------------------------------------------------------
# Table-driven cases: (id, the text's lines, every path the scanner must
# report). Row N of the text is line N, so the numbers can be checked by eye.

CASES: list[tuple[str, list[str], dict[KeyPath, int]]] = [
    (
        "top-level keys and a table",
        [
            'title = "Årshjul"',
            "[plan]",
            'title = "x"',
            "year = 2025",
        ],
        {("title",): 1, ("plan",): 2, ("plan", "title"): 3, ("plan", "year"): 4},
    ),
    (
        "arrays of tables",
        [
            "[[series]]",
            'rule = "a"',
            "",
            "[[series]]",
            'rule = "b"',
            "start = 09:00:00",
        ],
        {
            ("series",): 1,
            ("series", 0): 1,
            ("series", 0, "rule"): 2,
            ("series", 1): 4,
            ("series", 1, "rule"): 5,
            ("series", 1, "start"): 6,
        },
    ),
    (
        "nested arrays of tables count per parent element",
        [
            "[[meeting]]",
            "[[meeting.item]]",
            "[[meeting.item]]",
            "[[meeting]]",
            "[[meeting]]",
            "[[meeting]]",
            "[[meeting.item]]",
            "title = 'x'",
        ],
        {
            ("meeting",): 1,
            ("meeting", 0): 1,
            ("meeting", 0, "item"): 2,
            ("meeting", 0, "item", 0): 2,
            ("meeting", 0, "item", 1): 3,
            ("meeting", 1): 4,
            ("meeting", 2): 5,
            ("meeting", 3): 6,
            ("meeting", 3, "item"): 7,
            ("meeting", 3, "item", 0): 7,
            ("meeting", 3, "item", 0, "title"): 8,
        },
    ),
    (
        "tables and arrays of tables below array elements",
        [
            "[[fruit]]",
            "name = 'apple'",
            "[fruit.physical]",
            "color = 'red'",
            "[[fruit.variety]]",
            "name = 'red delicious'",
            "[[fruit]]",
            "[[fruit.variety]]",
        ],
        {
            ("fruit",): 1,
            ("fruit", 0): 1,
            ("fruit", 0, "name"): 2,
            ("fruit", 0, "physical"): 3,
            ("fruit", 0, "physical", "color"): 4,
            ("fruit", 0, "variety"): 5,
            ("fruit", 0, "variety", 0): 5,
            ("fruit", 0, "variety", 0, "name"): 6,
            ("fruit", 1): 7,
            ("fruit", 1, "variety"): 8,
            ("fruit", 1, "variety", 0): 8,
        },
    ),
    (
        "dotted keys imply their tables",
        [
            "a.b = 1",
            "a.c = 2",
            "[t]",
            "x . \"y z\" . 'w' = 3",
        ],
        {
            ("a",): 1,
            ("a", "b"): 1,
            ("a", "c"): 2,
            ("t",): 3,
            ("t", "x"): 4,
            ("t", "x", "y z"): 4,
            ("t", "x", "y z", "w"): 4,
        },
    ),
    (
        "a header below a table made by dotted keys",
        [
            "[fruit]",
            "apple.color = 'red'",
            "[fruit.apple.texture]",
            "smooth = true",
        ],
        {
            ("fruit",): 1,
            ("fruit", "apple"): 2,
            ("fruit", "apple", "color"): 2,
            ("fruit", "apple", "texture"): 3,
            ("fruit", "apple", "texture", "smooth"): 4,
        },
    ),
    (
        "super-tables: the first header that implies them, unless their own comes",
        [
            "[a.b.c]",
            "[x.y]",
            "[x.z]",
            "[a]",
            "k = 1",
        ],
        {
            ("a",): 4,
            ("a", "b"): 1,
            ("a", "b", "c"): 1,
            ("x",): 2,
            ("x", "y"): 2,
            ("x", "z"): 3,
            ("a", "k"): 5,
        },
    ),
    (
        "inline tables",
        [
            "x = {a = 1, b = 2}",
            "y = { n = { m = 'v' }, e = {} }",
            "z = {k.j = 1}",
        ],
        {
            ("x",): 1,
            ("x", "a"): 1,
            ("x", "b"): 1,
            ("y",): 2,
            ("y", "n"): 2,
            ("y", "n", "m"): 2,
            ("y", "e"): 2,
            ("z",): 3,
            ("z", "k"): 3,
            ("z", "k", "j"): 3,
        },
    ),
    (
        "array elements each on their own line",
        [
            "dates = [",
            "  2025-01-01,",
            "  2025-02-01, # february ]",
            "  # 2025-03-01,",
            "  2025-04-01",
            "]",
            "after = 1",
        ],
        {("dates",): 1, ("dates", 0): 2, ("dates", 1): 3, ("dates", 2): 5, ("after",): 7},
    ),
    (
        "arrays of inline tables and nested arrays",
        [
            "item = [",
            "  { title = 'a', n = [1,",
            " 2] },",
            '  {title = "b"},',
            "]",
            "grid = [[1, 2], [",
            "3]]",
        ],
        {
            ("item",): 1,
            ("item", 0): 2,
            ("item", 0, "title"): 2,
            ("item", 0, "n"): 2,
            ("item", 0, "n", 0): 2,
            ("item", 0, "n", 1): 3,
            ("item", 1): 4,
            ("item", 1, "title"): 4,
            ("grid",): 6,
            ("grid", 0): 6,
            ("grid", 0, 0): 6,
            ("grid", 0, 1): 6,
            ("grid", 1): 6,
            ("grid", 1, 0): 7,
        },
    ),
    (
        "empty arrays and inline tables",
        [
            "a = []",
            "b = [",
            "]",
            "c = {}",
            "d = [{}, []]",
        ],
        {("a",): 1, ("b",): 2, ("c",): 4, ("d",): 5, ("d", 0): 5, ("d", 1): 5},
    ),
    (
        "quoted keys are unquoted and unescaped",
        [
            '"a b" = 1',
            "'x' = 2",
            r'"\u00e6\"\\\t" = 3',
            '"" = 4',
            '"a.b" = 5',
            r"'c:\d' = 6",
            r'"\U0001F600" = 7',
        ],
        {
            ("a b",): 1,
            ("x",): 2,
            ('æ"\\\t',): 3,
            ("",): 4,
            ("a.b",): 5,
            ("c:\\d",): 6,
            ("\U0001f600",): 7,
        },
    ),
    (
        "bare keys that look like other things",
        [
            "true = 1",
            "1234 = 2",
            "3.14 = 3",
            "-_- = 4",
            "inf = 5",
        ],
        {("true",): 1, ("1234",): 2, ("3",): 3, ("3", "14"): 3, ("-_-",): 4, ("inf",): 5},
    ),
    (
        "comments anywhere outside strings",
        [
            "# [not] = 'a header'",
            "a = 1 # b = 2",
            "[t] # [u]",
            "# c = 3",
            "d = [ # ]",
            "  4, # ,5",
            "]",
        ],
        {("a",): 2, ("t",): 3, ("t", "d"): 5, ("t", "d", 0): 6},
    ),
    (
        "one-line strings holding # = [ ] quotes and escapes",
        [
            r"""a = "# = [ ] { } \" ' , \\" """,
            r"""b = 'lit # = [ " \'""",
            r'c = "\\"',
            r"""d = ["]", '}', "#", '"']""",
            r"""e = {f = "}", g = ']'}""",
            "h = 1",
        ],
        {
            ("a",): 1,
            ("b",): 2,
            ("c",): 3,
            ("d",): 4,
            ("d", 0): 4,
            ("d", 1): 4,
            ("d", 2): 4,
            ("d", 3): 4,
            ("e",): 5,
            ("e", "f"): 5,
            ("e", "g"): 5,
            ("h",): 6,
        },
    ),
    (
        "multi-line basic strings",
        [
            'a = """',
            "x = 1",
            "[fake]",
            r'\"""still in',
            '""" # end',
            r'b = """one ""two"" \ ',  # a backslash ending a line goes on
            '  three"""""',  # two quotes of the content, then the closing three
            'c = """"x"""',
            "d = 1",
        ],
        {("a",): 1, ("b",): 6, ("c",): 8, ("d",): 9},
    ),
    (
        "multi-line literal strings",
        [
            "a = '''",
            "x = 1",
            '"""',
            r"[fake]\'''",
            "b = '''two '' quotes'''''",
            "c = ''''x'''",
            "d = 1",
        ],
        {("a",): 1, ("b",): 5, ("c",): 6, ("d",): 7},
    ),
    (
        "multi-line strings as array elements",
        [
            'a = ["""x',
            "y\"\"\", '''",
            "''', 'z']",
            "b = 1",
        ],
        {("a",): 1, ("a", 0): 1, ("a", 1): 2, ("a", 2): 3, ("b",): 4},
    ),
    (
        "date-times with a space are one value",
        [
            "d = [1979-05-27 07:32:00, 1979-05-28,",
            "  1979-05-27 00:32:00.999-07:00]",
            "t = 1979-05-27 07:32:00Z",
            "u = 1",
        ],
        {("d",): 1, ("d", 0): 1, ("d", 1): 1, ("d", 2): 2, ("t",): 3, ("u",): 4},
    ),
    (
        "blank lines, indentation and blanks inside brackets",
        [
            "",
            "",
            "  a = 1",
            "\t[ table ]",
            "    b=2",
            "  [[ array . 'of' ]]  # c",
            "\tc\t=\t3",
            "",
        ],
        {
            ("a",): 3,
            ("table",): 4,
            ("table", "b"): 5,
            ("array",): 6,
            ("array", "of"): 6,
            ("array", "of", 0): 6,
            ("array", "of", 0, "c"): 7,
        },
    ),
    (
        "quoted header keys",
        [
            "[ \"a b\" . 'c.d' ]",
            "x = 1",
            '[["x.y"]]',
            '[""]',
        ],
        {
            ("a b",): 1,
            ("a b", "c.d"): 1,
            ("a b", "c.d", "x"): 2,
            ("x.y",): 3,
            ("x.y", 0): 3,
            ("",): 4,
        },
    ),
]
CASE_IDS = [case[0] for case in CASES]


@pytest.mark.parametrize(("rows", "expected"), [case[1:] for case in CASES], ids=CASE_IDS)
@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
def test_cases(rows: list[str], expected: dict[KeyPath, int], newline: str) -> None:
    text = newline.join(rows) + newline
    tomllib.loads(text)  # the case itself is valid TOML
    assert key_lines(text) == expected


def test_byte_order_mark_is_skipped() -> None:
    text = "a = 1\n[t]\nb = 2\n"
    assert key_lines("\ufeff" + text) == key_lines(text) == {("a",): 1, ("t",): 2, ("t", "b"): 3}


def test_nothing_to_find() -> None:
    assert key_lines("") == {}
    assert key_lines("\n\n# only a comment\n") == {}


def test_paths_match_what_tomllib_gives() -> None:
    text = "[[series]]\n[[series]]\nrule = 'x'\n[[meeting]]\n[[meeting.item]]\n"
    data = tomllib.loads(text)
    lines = key_lines(text)
    assert data["series"][1]["rule"] == "x"
    assert lines[("series", 1, "rule")] == 3
    assert data["meeting"][0]["item"][0] == {}
    assert lines[("meeting", 0, "item", 0)] == 5


# ---------------------------------------------------------------------------
# line_of

LINES: dict[KeyPath, int] = {("series",): 1, ("series", 0): 1, ("series", 0, "rule"): 2}


@pytest.mark.parametrize(
    ("path", "line"),
    [
        (("series", 0, "rule"), 2),
        (("series", 0), 1),
        (("series", 0, "missing"), 1),  # reported at its table
        (("series", 0, "rule", 3, "deeper"), 2),
        (("series", 5, "rule"), 1),
        (("other",), None),
        ((), None),
    ],
)
def test_line_of(path: KeyPath, line: int | None) -> None:
    assert line_of(LINES, path) == line


# ---------------------------------------------------------------------------
# Property: random documents, rendered here, so the line of each key is known.


@dataclass
class Scalar:
    toml: str  # the value as written


@dataclass
class Array:
    items: list[Value]


@dataclass
class Inline:
    entries: dict[str, Value]


Value: TypeAlias = Scalar | Array | Inline


@dataclass
class Table:
    entries: dict[str, Value | Table | Tables]


@dataclass
class Tables:
    """An array of tables."""

    tables: list[Table]


OTHER_SCALARS = [
    "42", "-17", "+3", "1_000", "0xDEAD_beef", "0o755", "0b1101", "3.14", "-0.0", "5e+22",
    "6.626e-34", "inf", "-inf", "nan", "+nan", "true", "false", "1979-05-27",
    "1979-05-27T07:32:00Z", "1979-05-27 07:32:00", "1979-05-27 00:32:00.999999-07:00",
    "1979-05-27t07:32:00z", "07:32:00", "00:32:00.999999",
]  # fmt: skip
# Characters that make strings and keys hard to scan: quotes, escapes,
# brackets, comment and key syntax, blanks, non-ASCII.
TRICKY = "#=[]{}.,\"'\\ \tæ😀\n"
text_chars = st.text(alphabet=string.ascii_letters[:6] + string.digits[:3] + TRICKY, max_size=10)
BARE = set(string.ascii_letters + string.digits + "_-")


def basic(content: str) -> str:
    """``content`` as a one-line basic string."""
    escaped = content.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + escaped.replace("\n", "\\n").replace("\t", "\\t") + '"'


def multi_line_basic(content: str) -> str:
    """``content`` as a multi-line basic string, quotes raw where TOML lets them be."""
    out, run = [], 0
    for char in content.replace("\\", "\\\\"):
        run = run + 1 if char == '"' else 0
        if run == 3:  # a third quote in a row would end the string
            out.append("\\")
            run = 0
        out.append(char)
    # The first line break becomes a line-ending backslash, which TOML drops
    # with the whitespace after it; the line count stays the same.
    return '"""' + "".join(out).replace("\n", "\\\n  ", 1) + '"""'


def multi_line_literal(content: str) -> str:
    """``content`` as a multi-line literal string, less any run of three quotes."""
    while "'''" in content:
        content = content.replace("'''", "''")
    return "'''" + content + "'''"


strings = st.one_of(
    text_chars.map(basic),
    text_chars.filter(lambda s: "'" not in s and "\n" not in s).map(lambda s: f"'{s}'"),
    text_chars.map(multi_line_basic),
    text_chars.map(multi_line_literal),
)
scalars = st.one_of(st.sampled_from(OTHER_SCALARS), strings).map(Scalar)
key_names = st.one_of(st.text(alphabet="abcxyz_-09", min_size=1, max_size=4), text_chars)


def inline_tables(values: st.SearchStrategy[Value]) -> st.SearchStrategy[Inline]:
    return st.dictionaries(key_names, values, max_size=3).map(Inline)


values: st.SearchStrategy[Value] = st.recursive(
    scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4).map(Array), inline_tables(inner)),
    max_leaves=8,
)


def tables(depth: int) -> st.SearchStrategy[Table]:
    nodes: st.SearchStrategy[Value | Table | Tables] = values
    if depth > 0:
        deeper = tables(depth - 1)
        nodes = st.one_of(values, deeper, st.lists(deeper, min_size=1, max_size=3).map(Tables))
    return st.dictionaries(key_names, nodes, max_size=4).map(Table)


Draw: TypeAlias = Callable[[st.SearchStrategy[Any]], Any]


class Renderer:
    """Writes a document and, as it goes, the line of each path it writes.

    Layout choices (quoting, blanks, comments, line breaks, header order) are
    drawn as it goes, so one document tree gives many texts.
    """

    def __init__(self, draw: Draw) -> None:
        self.draw = draw
        self.chunks: list[str] = []
        self.line = 1
        self.expected: dict[KeyPath, int] = {}

    def write(self, *chunks: str) -> None:
        for chunk in chunks:
            self.chunks.append(chunk)
            self.line += chunk.count("\n")

    def pick(self, *options: str) -> str:
        return str(self.draw(st.sampled_from(options)))

    def flip(self) -> bool:
        return bool(self.draw(st.booleans()))

    def define(self, path: KeyPath) -> None:
        self.expected[path] = self.line

    def imply(self, path: KeyPath) -> None:
        self.expected.setdefault(path, self.line)

    def key(self, name: str) -> str:
        if name and set(name) <= BARE and self.flip():
            return name
        if "'" not in name and "\n" not in name and self.flip():
            return f"'{name}'"
        return basic(name)

    def dotted(self, names: list[str]) -> str:
        return self.pick(".", " . ", "\t.").join(self.key(name) for name in names)

    def gap(self) -> None:
        """What may come between statements: nothing, blank lines, comments."""
        self.write(self.pick("", "", "\n", "# [x] = 'y' \"\n", "\n  # ]\n"))

    def end_of_line(self) -> None:
        self.write(self.pick("\n", "  \n", " # a = [ \" '\n"))

    # -- values ---------------------------------------------------------

    def value(self, path: KeyPath, value: Value) -> None:
        if isinstance(value, Scalar):
            self.write(value.toml)
        elif isinstance(value, Array):
            self.write("[", self.pick("", " ", "\n  ", " # [\n  "))
            for index, item in enumerate(value.items):
                if index:
                    self.write(self.pick(", ", ",\n  ", ", # ,]\n  ", "\n  , "))
                self.define((*path, index))
                self.value((*path, index), item)
            self.write(self.pick("]", " ]", ",]" if value.items else "]", "\n]", "\n  # }\n]"))
        else:
            self.write("{", self.pick("", " "))
            for index, (keys, leaf) in enumerate(self.inline_entries(value)):
                if index:
                    self.write(self.pick(", ", " ,", ","))
                self.key_value(path, keys, leaf)
            self.write(self.pick("", " "), "}")

    def inline_entries(self, table: Inline) -> Iterator[tuple[list[str], Value]]:
        """The entries of an inline table, some nested ones as dotted keys."""
        for name, value in table.entries.items():
            if isinstance(value, Inline) and value.entries and self.flip():
                for keys, leaf in self.inline_entries(value):
                    yield [name, *keys], leaf
            else:
                yield [name], value

    def key_value(self, table: KeyPath, keys: list[str], value: Value) -> None:
        """``a.b = value``: the key's line is where it is written."""
        for end in range(1, len(keys)):
            self.imply((*table, *keys[:end]))
        path = (*table, *keys)
        self.define(path)
        self.write(self.dotted(keys), self.pick(" = ", "=", "\t=  "))
        self.value(path, value)

    # -- tables ---------------------------------------------------------

    def dotted_entries(self, table: Table) -> Iterator[tuple[list[str], Value]]:
        """Entries of a table written as dotted keys in its parent."""
        for name, node in table.entries.items():
            if isinstance(node, Table):
                for keys, value in self.dotted_entries(node):
                    yield [name, *keys], value
            elif not isinstance(node, Tables):
                yield [name], node

    def body(self, path: KeyPath, table: Table) -> list[tuple[str, Table | Tables]]:
        """Write the key/value lines of ``table``; return what needs a header."""
        later: list[tuple[str, Table | Tables]] = []
        for name, node in table.entries.items():
            # A table goes under its own header, or as dotted keys if it can.
            if isinstance(node, Tables) or (
                isinstance(node, Table) and not (_dottable(node) and self.flip())
            ):
                later.append((name, node))
            else:
                entries = self.dotted_entries(node) if isinstance(node, Table) else [([], node)]
                for keys, value in entries:
                    self.gap()
                    self.write(self.pick("", "  ", "\t"))
                    self.key_value(path, [name, *keys], value)
                    self.end_of_line()
        return later

    def header(self, names: list[str], path: KeyPath, *, array: bool) -> None:
        """``[a.b]`` or ``[[a.b]]``; it implies every table above it."""
        self.gap()
        for end in range(1, len(path)):
            self.imply(path[:end])
        inside = self.dotted(names)
        blank = self.pick("", " ", "  ")
        if array:
            self.write(self.pick("", " "), "[[", blank, inside, blank, "]]")
        else:
            self.write("[", blank, inside, blank, "]")
        self.define(path)
        self.end_of_line()

    def table(self, names: list[str], path: KeyPath, table: Table) -> None:
        """A table and everything below it, with or without its own header."""
        has_values = any(not isinstance(n, (Table, Tables)) for n in table.entries.values())
        if not has_values and table.entries and self.flip():
            # No header of its own: the headers below imply it.
            self.sections(names, path, list(table.entries.items()))
        elif self.flip():
            self.header(names, path, array=False)
            self.sections(names, path, self.body(path, table))
        else:
            # The sub-tables first, then the table's own header ([a.b] before [a]).
            own = Table({n: v for n, v in table.entries.items() if not _sub(v)})
            self.sections(names, path, [(n, v) for n, v in table.entries.items() if _sub(v)])
            self.header(names, path, array=False)
            self.body(path, own)

    def sections(self, names: list[str], path: KeyPath, nodes: list[tuple[str, Any]]) -> None:
        for name, node in nodes:
            if isinstance(node, Table):
                self.table([*names, name], (*path, name), node)
            else:
                for index, element in enumerate(node.tables):
                    element_path = (*path, name, index)
                    self.header([*names, name], element_path, array=True)
                    self.sections([*names, name], element_path, self.body(element_path, element))

    def document(self, root: Table) -> str:
        self.sections([], (), self.body((), root))
        self.gap()
        return "".join(self.chunks)


def _sub(node: object) -> bool:
    return isinstance(node, (Table, Tables))


def _dottable(table: Table) -> bool:
    """Whether ``table`` can be written as dotted keys: values all the way down."""
    return bool(table.entries) and all(
        _dottable(node) if isinstance(node, Table) else not isinstance(node, Tables)
        for node in table.entries.values()
    )


def all_paths(data: object, path: KeyPath = ()) -> Iterator[KeyPath]:
    """Every key and index path in what tomllib returned."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield (*path, key)
            yield from all_paths(value, (*path, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield (*path, index)
            yield from all_paths(value, (*path, index))


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, dict[KeyPath, int]]:
    renderer = Renderer(draw)
    text = renderer.document(draw(tables(depth=3)))
    if draw(st.booleans()):
        text = text.replace("\n", "\r\n")
    return text, renderer.expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents())
def test_every_key_is_on_the_line_it_was_written(document: tuple[str, dict[KeyPath, int]]) -> None:
    text, expected = document
    data = tomllib.loads(text)
    paths = set(all_paths(data))
    assert paths == set(expected)  # the renderer wrote what it meant to
    lines = key_lines(text)
    keys = {path: line for path, line in expected.items() if isinstance(path[-1], str)}
    assert {path: lines.get(path) for path in keys} == keys
    assert lines == expected  # array elements too, and nothing else


# ---------------------------------------------------------------------------
# Robustness: never raises, always linear.


@settings(max_examples=500, deadline=None)
@given(st.text())
def test_never_raises_on_any_text(text: str) -> None:
    assert isinstance(key_lines(text), dict)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="[]{}\"'=.,#\\ \t\r\n\ufeffab1-:", max_size=80))
def test_never_raises_on_toml_like_text(text: str) -> None:
    lines = key_lines(text)
    assert all(line >= 1 for line in lines.values())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(documents(), st.data())
def test_never_raises_on_broken_documents(
    document: tuple[str, dict[KeyPath, int]], data: st.DataObject
) -> None:
    text = document[0]
    cut = data.draw(st.integers(0, len(text)))
    junk = data.draw(st.text(alphabet="[]{}\"'=#\\\n", max_size=3))
    key_lines(text[:cut] + junk + text[cut:])
    key_lines(text[:cut])


SIZE = 200_000
HOSTILE = {
    "quotes": '"' * SIZE,
    "apostrophes": "'" * SIZE,
    "open brackets": "[" * SIZE,
    "close brackets": "]" * SIZE,
    "nested arrays": "a = " + "[" * SIZE,
    "nested inline tables": "a = " + "{a = " * (SIZE // 5),
    "long dotted key": "a." * (SIZE // 2) + "a = 1",
    "long header": "[" + "a." * (SIZE // 2) + "a]\nb = 1",
    "dotted quoted keys": 'a."".' * (SIZE // 5),
    "unterminated keys": '"abc' * (SIZE // 4),
    "unterminated multi-line string": 'a = """' + "x" * SIZE,
    "escapes": "\\" * SIZE,
    "equals": "=" * SIZE,
    "one long line of junk": "\"'[{=.# " * (SIZE // 8),
    "many short keys": "a=1\n" * (SIZE // 4),
}


@pytest.mark.parametrize("text", HOSTILE.values(), ids=HOSTILE.keys())
def test_hostile_text_scans_in_linear_time(text: str) -> None:
    # Each takes well under a second; anything quadratic would take hours.
    start = time.perf_counter()
    lines = key_lines(text)
    assert time.perf_counter() - start < 5
    assert all(len(path) <= _MAX_DEPTH for path in lines)


def test_deep_paths_are_cut_off_not_wrong() -> None:
    deep = _MAX_DEPTH + 8
    text = f"x = {'[' * deep}{']' * deep}\n[{'.'.join(['a'] * deep)}]\nb = 1\n[c]\nd = 2\n"
    tomllib.loads(text)
    lines = key_lines(text)
    assert lines[("x",) + (0,) * (_MAX_DEPTH - 1)] == 1
    assert lines[("a",) * _MAX_DEPTH] == 2
    assert max(len(path) for path in lines) == _MAX_DEPTH
    assert line_of(lines, ("a",) * deep + ("b",)) == 2  # the deepest line known
    assert lines[("c", "d")] == 5  # and the scan goes on as before


def test_ten_megabytes_scan_quickly() -> None:
    chunk = (
        "[[series]]\n"
        'title = "Byrådsmøde {i} # [not a header]"  # the council\n'
        "rule = 'FREQ=MONTHLY;BYDAY=2TU'\n"
        "start = 2025-01-14 17:00:00\n"
        "dates = [\n  2025-01-01, 2025-02-01,  # winter\n  2025-03-01,\n]\n"
        'note = """Dagsorden:\n  "første" punkt\n"""\n'
        'place = {{ room = "Sal 1", floor = 2 }}\n'
        "[[series.item]]\n"
        'title = "Punkt {i}"\n'
        "minutes = 15\n\n"
    )
    count = 10_000_000 // len(chunk.format(i=0))
    text = "".join(chunk.format(i=i) for i in range(count))
    start = time.perf_counter()
    lines = key_lines(text)
    elapsed = time.perf_counter() - start
    per_chunk = chunk.count("\n")
    assert lines[("series", count - 1)] == (count - 1) * per_chunk + 1
    assert lines[("series", count - 1, "item", 0, "minutes")] == count * per_chunk - 1
    # About 1.5 s on a slow two-core machine; the bound only catches a
    # scanner that stopped being linear.
    assert elapsed < 10
