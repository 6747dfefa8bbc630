"""Agendas written the ways Danish councils and committees write them.

``tests/agendas/councils/`` holds hand-written agendas: a clean agenda for
each of many councils' habits (Aarhus with PDF page noise, Odense's
"Pkt. N – …", Copenhagen's "Punkt N: … (N min)", Markdown, Windows-1252 with
CRLF, UTF-16, Word lists, Word tables, …), copies of them with one planted
defect each (an overlap, a wrong duration, a skipped number, …), and probes:
realistic forms that should read cleanly. Three are not hand-written:
``A23-seed`` is a copy of the project's seed agenda, ``A29-own-agenda-txt``
and ``P01-own-agenda-md`` are snapshots of ``aarshjul agenda`` output for
``calendars/aarhus-msb-2025.toml`` (sbu, 2025-01-15). ``expected.json`` says,
for each case, what ``aarshjul.check_path`` must find:

``findings``
    exactly the errors and warnings, as ``{"code", "line", "item"}``
    (``line`` is the 1-based line, or for a Word document the paragraph,
    counting every table cell paragraph; ``null`` where none applies);
``info``
    only where listed: exactly the info findings (slack), same form;
``items``
    only where listed: exactly the items read, in order, each compared on the
    keys given (``number``, ``title``, ``start``, ``end``, ``minutes``);
``why``
    what the case is about, for a reader;
``encoding``, ``newline``
    where the case is about them (default UTF-8; ``newline`` "\\r\\n"): the
    fixture must still be written that way, so a checkout or an editor that
    converted it fails here instead of silently testing something else
    (``.gitattributes`` there keeps git from converting line ends).

A Word case is stored as ``NAME.docx.json``, not as a binary, and built with
python-docx into a temporary folder (see :func:`build_docx`). Its spec has
``paragraphs`` (a string is a plain paragraph; an object has ``text`` and
optionally ``style`` ("List Number", "Heading 1") and ``numbering``:
"restart" = a List Number list restarted at 1, "style" = Heading 1 numbered
through its style, "multilevel" with a ``level`` = a 1. / 1.1. list), then
optionally ``table`` (rows of cells; a cell that is a list holds several
paragraphs), or only ``raw``: the file's bytes as Latin-1 text, for files that
are not Word documents.

To add a case: put the agenda in ``tests/agendas/councils/``, written the way
the council's tool writes it (encoding, line ends), named after the case: a
copy of clean agenda ``BASE`` with a defect ``DEFECT`` planted is case
``BASE/DEFECT`` in file ``BASE__DEFECT.txt`` (``.md``, ``.docx.json``).
Add its entry to ``expected.json`` with a ``why`` that says what it is about,
and run this module; a failure lists what was expected and what was found. A
new agenda form comes as a clean case (no findings, every item listed) plus
at least one planted defect.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NotRequired, TypedDict

import docx
import pytest
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

from aarshjul import check_path
from aarshjul.agenda.items import item_record

from .plans import ROOT

COUNCILS = ROOT / "tests" / "agendas" / "councils"

Finding = tuple[str, int | None, int | None]
"""(code, line, item)"""


class ExpectedFinding(TypedDict):
    code: str
    line: int | None
    item: int | None


class Case(TypedDict):
    name: str
    file: str
    why: str
    encoding: NotRequired[str]
    newline: NotRequired[str]
    findings: list[ExpectedFinding]
    info: NotRequired[list[ExpectedFinding]]
    items: NotRequired[list[dict[str, object]]]


def load_cases() -> list[Case]:
    with (COUNCILS / "expected.json").open(encoding="utf-8") as f:
        cases: list[Case] = json.load(f)["cases"]
    return cases


CASES = load_cases()


# ---- Word documents built from their specs ----------------------------------

MULTILEVEL_ID = "80"  # a 1. / 1.1. list
HEADING_NUMBERING_ID = "81"  # Heading 1 numbered through its style
RESTART_ID = "90"  # the List Number list, restarted at 1


def build_docx(spec: dict[str, Any], path: Path) -> None:
    """Write the Word document (or raw bytes) that ``spec`` describes."""
    if "raw" in spec:
        path.write_bytes(spec["raw"].encode("latin-1"))
        return
    document = docx.Document()
    body = document.element.body
    for child in list(body):
        if child.tag == qn("w:p"):
            body.remove(child)
    for paragraph in spec["paragraphs"]:
        add_paragraph(document, paragraph)
    if "table" in spec:
        add_table(document, spec["table"])
    document.save(str(path))


def add_paragraph(document: Any, paragraph: str | dict[str, Any]) -> None:
    if isinstance(paragraph, str):
        document.add_paragraph(paragraph)
        return
    numbering = paragraph.get("numbering")
    if numbering == "multilevel":
        add_abstract_num(document, MULTILEVEL_ID, [("decimal", "%1."), ("decimal", "%1.%2.")])
    elif numbering == "style":
        number_heading_style(document)
    added = document.add_paragraph(paragraph["text"], style=paragraph.get("style"))
    if numbering == "multilevel":
        set_numbering(added, MULTILEVEL_ID, paragraph["level"])
    elif numbering == "restart":
        set_numbering(added, restarted_list_number(document), 0)


def add_table(document: Any, rows: list[list[str | list[str]]]) -> None:
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            first, *more = [value] if isinstance(value, str) else value
            cell = table.cell(r, c)
            cell.text = first
            for text in more:
                cell.add_paragraph(text)


def set_numbering(paragraph: Any, num_id: str, level: int) -> None:
    numpr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl")
    ilvl.set(qn("w:val"), str(level))
    numid = OxmlElement("w:numId")
    numid.set(qn("w:val"), num_id)
    numpr.append(ilvl)
    numpr.append(numid)
    paragraph._p.get_or_add_pPr().append(numpr)


def num_element(document: Any, num_id: str) -> Any:
    numbering = document.part.numbering_part.element
    return numbering.find(f"{qn('w:num')}[@{qn('w:numId')}='{num_id}']")


def add_abstract_num(document: Any, ident: str, levels: list[tuple[str, str]]) -> None:
    """abstractNum and num ``ident``, levels of (numFmt, lvlText), once."""
    if num_element(document, ident) is not None:
        return
    numbering = document.part.numbering_part.element
    lvls = "".join(f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                   f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
                   for i, (fmt, text) in enumerate(levels))
    abstract = parse_xml(f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ident}">'
                         f'<w:multiLevelType w:val="multilevel"/>{lvls}</w:abstractNum>')
    num = parse_xml(f'<w:num {nsdecls("w")} w:numId="{ident}">'
                    f'<w:abstractNumId w:val="{ident}"/></w:num>')
    numbering.find(qn("w:num")).addprevious(abstract)  # abstractNums come before nums
    numbering.append(num)


def number_heading_style(document: Any) -> None:
    """Heading 1 numbered "1." through its style, as municipal templates do."""
    add_abstract_num(document, HEADING_NUMBERING_ID, [("decimal", "%1.")])
    ppr = document.styles["Heading 1"].element.get_or_add_pPr()
    if ppr.find(qn("w:numPr")) is None:
        numpr = OxmlElement("w:numPr")
        numid = OxmlElement("w:numId")
        numid.set(qn("w:val"), HEADING_NUMBERING_ID)
        numpr.append(numid)
        ppr.insert(0, numpr)


def restarted_list_number(document: Any) -> str:
    """A num of the List Number style's list that starts over at 1."""
    if num_element(document, RESTART_ID) is None:
        style_num = str(document.styles["List Number"].element.pPr.numPr.numId.val)
        abstract = num_element(document, style_num).find(qn("w:abstractNumId")).get(qn("w:val"))
        num = OxmlElement("w:num")
        num.set(qn("w:numId"), RESTART_ID)
        abstract_id = OxmlElement("w:abstractNumId")
        abstract_id.set(qn("w:val"), abstract)
        num.append(abstract_id)
        override = OxmlElement("w:lvlOverride")
        override.set(qn("w:ilvl"), "0")
        start = OxmlElement("w:startOverride")
        start.set(qn("w:val"), "1")
        override.append(start)
        num.append(override)
        document.part.numbering_part.element.append(num)
    return RESTART_ID


# ---- the test ------------------------------------------------------------------

def agenda_file(case: Case, tmp_path: Path) -> Path:
    """The case's agenda as a file: the fixture itself, or a built .docx."""
    fixture = COUNCILS / case["file"]
    assert fixture.is_file(), f"{fixture} is missing"
    if fixture.name.endswith(".docx.json"):
        path = tmp_path / fixture.name.removesuffix(".json")
        build_docx(json.loads(fixture.read_text(encoding="utf-8")), path)
        return path
    return fixture


def form_problems(case: Case, path: Path) -> list[str]:
    """How the fixture's bytes differ from the encoding and newlines the case
    is about."""
    encoding = case.get("encoding", "utf-8")
    newline = case.get("newline")
    raw = path.read_bytes()
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        return [f"{path.name} is not {encoding}: {error}"]
    problems = []
    if encoding != "utf-8":
        try:
            raw.decode("utf-8")
            problems.append(f"{path.name} should be {encoding} but reads as UTF-8 (converted?)")
        except UnicodeDecodeError:
            pass
    if newline == "\r\n" and text.count("\r\n") != text.count("\n"):
        problems.append(f"{path.name} should have CRLF line ends throughout")
    return problems


def show(findings: Iterable[Finding]) -> str:
    return ", ".join(f"{code}@{line}" + (f"#{item}" if item is not None else "")
                     for code, line, item in sorted(findings, key=lambda f: (f[1] or 0, f[0])))


def as_set(findings: list[ExpectedFinding]) -> set[Finding]:
    return {(f["code"], f["line"], f["item"]) for f in findings}


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_council_agenda(case: Case, tmp_path: Path) -> None:
    path = agenda_file(case, tmp_path)
    if path.parent == COUNCILS and (problems := form_problems(case, path)):
        pytest.fail("\n".join(problems), pytrace=False)

    report = check_path(path)

    differences: list[str] = []
    found = {(p.code, p.line, p.item): p for p in report.problems}
    want = as_set(case["findings"])
    got = {key for key, p in found.items() if p.severity.value != "info"}
    if want != got:
        differences.append(f"errors+warnings: expected {show(want) or '-'}, got {show(got) or '-'}")
    if "info" in case:
        want_info = as_set(case["info"])
        got_info = {key for key, p in found.items() if p.severity.value == "info"}
        if want_info != got_info:
            differences.append(f"info: expected {show(want_info) or '-'}, "
                               f"got {show(got_info) or '-'}")
        want |= want_info
    if "items" in case:
        expected_items = case["items"]
        read = [item_record(item) for item in report.items]
        for k in range(max(len(read), len(expected_items))):
            expected = expected_items[k] if k < len(expected_items) else None
            actual = read[k] if k < len(read) else None
            if expected is not None and actual is not None:
                differences += [f"item[{k}] {key}: expected {expected[key]!r}, got {actual[key]!r}"
                                for key in expected if expected[key] != actual[key]]
            elif expected != actual:
                differences.append(f"item[{k}]: expected {expected}, got {actual}")
    if differences:
        compared = {"error", "warning"} | ({"info"} if "info" in case else set())
        differences += [f"unexpected {p.severity.value}[{p.code}]@{p.line}: {p.message}"
                        for key, p in found.items()
                        if key not in want and p.severity.value in compared]
        pytest.fail(f"{case['file']}: {case['why']}\n" + "\n".join(differences), pytrace=False)
