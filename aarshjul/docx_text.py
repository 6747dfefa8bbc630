"""The paragraphs of a Word document (.docx), numbered, for the agenda reader.

python-docx reads the document's body: paragraphs and the paragraphs inside
tables, in order. Word's automatic numbering is not part of a paragraph's
text, so the numbers of numbered lists are put back in front ("3. …"), as
the reader of a written agenda expects to see them. Running headers and
footers live in other parts of the file and are never read, which keeps page
noise out. A file that is no Word document, or that would unpack to more
than :data:`MAX_UNPACKED` bytes, is refused with a clear error.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from aarshjul.errors import AgendaError

MAX_UNPACKED = 200 * 1024 * 1024
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _refuse(name: str, why: str) -> AgendaError:
    return AgendaError.single("not-docx", f"cannot read it as a Word document (.docx): {why}",
                              file=name, line=1)


def _check_package(name: str) -> None:
    try:
        with zipfile.ZipFile(name) as package:
            members = package.infolist()
    except zipfile.BadZipFile:
        raise _refuse(name, "it is not a .docx file (perhaps a PDF or an old .doc "
                            "renamed); save it from Word as .docx") from None
    except OSError as error:
        raise _refuse(name, error.strerror or str(error)) from None
    if "word/document.xml" not in {member.filename for member in members}:
        raise _refuse(name, "the file has no Word document inside")
    if sum(member.file_size for member in members) > MAX_UNPACKED:
        raise _refuse(name, f"it unpacks to more than {MAX_UNPACKED // 2**20} MB")


def _numbering(paragraph: Any) -> tuple[str, int] | None:
    """(list id, level) of a paragraph in a numbered list, if it is in one."""
    properties = paragraph._p.pPr
    num = properties.numPr if properties is not None else None
    if num is None and paragraph.style is not None:
        style_properties = paragraph.style.element.pPr
        num = style_properties.numPr if style_properties is not None else None
    if num is None or num.numId is None:
        return None
    level = num.ilvl.val if num.ilvl is not None else 0
    return str(num.numId.val), int(level)


def _is_decimal(document: Any, num_id: str, level: int) -> bool:
    """Is this list numbered 1, 2, 3 (not bullets, not letters)?"""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError, AttributeError):
        return False
    for num in numbering.findall(f"{_W}num"):
        if num.get(f"{_W}numId") != num_id:
            continue
        abstract = num.find(f"{_W}abstractNumId")
        if abstract is None:
            return False
        for definition in numbering.findall(f"{_W}abstractNum"):
            if definition.get(f"{_W}abstractNumId") != abstract.get(f"{_W}val"):
                continue
            for lvl in definition.findall(f"{_W}lvl"):
                if lvl.get(f"{_W}ilvl") == str(level):
                    fmt = lvl.find(f"{_W}numFmt")
                    return fmt is not None and fmt.get(f"{_W}val") == "decimal"
    return False


_BARE_NUMBER = re.compile(r"\s*(\d{1,3})\s*[.)]?\s*")


def _blocks(container: Any) -> Iterator[list[Any]]:
    """The body's paragraphs in order, a list each; a table row's cells come
    as one list, so that "3 | Status på Ukraine-indsatsen | 18.40-19.05" can
    be read as item 3 with its time."""
    for block in container.iter_inner_content():
        if not hasattr(block, "rows"):
            yield [block]
            continue
        for row in block.rows:
            cells: list[Any] = []
            for cell in row.cells:
                for inner in _blocks(cell):
                    cells.extend(inner)
            yield cells


def docx_lines(path: str | os.PathLike[str]) -> list[tuple[int, str]]:
    """(paragraph number, line) for every line of a .docx body."""
    name = os.fspath(path)
    _check_package(name)
    import docx  # noqa: PLC0415 - python-docx and lxml load only for .docx
    from docx.opc.exceptions import PackageNotFoundError  # noqa: PLC0415

    try:
        document = docx.Document(name)
    except (PackageNotFoundError, KeyError, ValueError, SyntaxError) as error:
        raise _refuse(name, str(error) or type(error).__name__) from None
    counters: dict[tuple[str, int], int] = defaultdict(int)
    decimal: dict[tuple[str, int], bool] = {}
    lines: list[tuple[int, str]] = []
    number = 0
    for block in _blocks(document):
        texts = []
        for paragraph in block:
            number += 1
            texts.append((number, _numbered_text(document, paragraph, counters, decimal)))
        # A table row whose first cell is only the item's number: "3" + title.
        if len(texts) > 1 and (bare := _BARE_NUMBER.fullmatch(texts[0][1])) and texts[1][1]:
            texts[:2] = [(texts[0][0], f"{bare[1]}. {texts[1][1]}")]
        for at, text in texts:
            lines.extend((at, line) for line in text.splitlines() or [""])
    return lines


def _numbered_text(document: Any, paragraph: Any, counters: dict[tuple[str, int], int],
                   decimal: dict[tuple[str, int], bool]) -> str:
    """A paragraph's text, with its list number in front when Word numbers it."""
    text: str = paragraph.text
    place = _numbering(paragraph)
    if place is None:
        return text
    if place not in decimal:
        decimal[place] = _is_decimal(document, *place)
    counters[place] += 1
    for deeper in [key for key in counters if key[0] == place[0] and key[1] > place[1]]:
        del counters[deeper]
    return f"{counters[place]}. {text}" if decimal[place] and text.strip() else text
