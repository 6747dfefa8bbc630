"""The paragraphs of a Word document (.docx), numbered, for the agenda reader.

python-docx reads the document's body: paragraphs and the paragraphs inside
tables, in order. Word's automatic numbering is not part of a paragraph's
text, so the numbers of numbered lists are put back in front ("3. …"), as
the reader of a written agenda expects to see them. Running headers and
footers live in other parts of the file and are never read, which keeps page
noise out. A file that is no Word document, or that would unpack to more
than :data:`MAX_UNPACKED` bytes, is refused with a clear error; so is one
whose text would take long to read: a document part larger than
:data:`MAX_DOCUMENT` bytes, or more than :data:`MOST_PARAGRAPHS` paragraphs
(a written agenda is a few hundred; a file of 100 KB can unpack to millions,
each costing python-docx some 60 µs).
"""

from __future__ import annotations

import os
import re
import zipfile
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import docx

from aarshjul.errors import AgendaError
from aarshjul.files import regular_file
from aarshjul.messages import Message, _, verbatim

MAX_UNPACKED = 200 * 1024 * 1024
MAX_DOCUMENT = 10 * 1024 * 1024  # word/document.xml: a 50-page agenda has about 1 MB
MOST_PARAGRAPHS = 20_000
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_LONGEST_DAMAGE = 278  # "the file is damaged (…)" in at most 300 characters


def _refuse(name: str, why: Message) -> AgendaError:
    return AgendaError.single("not-docx", _("cannot read it as a Word document (.docx): {why}",
                                            why=why), file=name, line=1)


def _check_package(name: str) -> None:
    try:
        with zipfile.ZipFile(name) as package:
            members = package.infolist()
    except zipfile.BadZipFile:
        raise _refuse(name, _("it is not a .docx file (perhaps a PDF or an old .doc "
                              "renamed); save it from Word as .docx")) from None
    except OSError as error:
        raise _refuse(name, verbatim(error.strerror or str(error))) from None
    # The sizes are those the file declares: a part that unpacks to more
    # than its size is cut there, and fails its checksum (refused as damaged).
    document = [m for m in members if m.filename == "word/document.xml"]
    if not document:
        raise _refuse(name, _("the file has no Word document inside"))
    if sum(member.file_size for member in members) > MAX_UNPACKED:
        raise _refuse(name, _("it unpacks to more than {size} MB", size=MAX_UNPACKED // 2**20))
    if document[0].file_size > MAX_DOCUMENT:
        raise _refuse(name, _("its text (word/document.xml) unpacks to more than {size} MB, "
                              "far more than an agenda", size=MAX_DOCUMENT // 2**20))


class _Numbering:
    """Which paragraphs Word numbers, and how: read once per document.

    A paragraph is numbered by its own ``w:numPr`` or by its style's; the
    styles' numbering is read once (python-docx looks a style up anew for
    every paragraph, which is slow on long documents).
    """

    def __init__(self, document: Any) -> None:
        self.document = document
        self.by_style: dict[str, Any] = {}
        for style in document.styles.element.findall(f"{_W}style"):
            properties = style.pPr
            if properties is not None and properties.numPr is not None:
                self.by_style[style.get(f"{_W}styleId")] = properties.numPr
        self.counters: dict[tuple[str, int], int] = defaultdict(int)
        self.decimal: dict[tuple[str, int], bool] = {}

    def place(self, paragraph: Any) -> tuple[str, int] | None:
        """(list id, level) of a paragraph in a numbered list, if it is in one."""
        properties = paragraph._p.pPr
        num = properties.numPr if properties is not None else None
        if num is None and properties is not None and properties.pStyle is not None:
            num = self.by_style.get(properties.pStyle.val)
        if num is None or num.numId is None:
            return None
        level = num.ilvl.val if num.ilvl is not None else 0
        return str(num.numId.val), int(level)

    def text(self, paragraph: Any) -> str:
        """A paragraph's text, with its list number in front when Word numbers it."""
        text: str = paragraph.text
        place = self.place(paragraph)
        if place is None:
            return text
        if place not in self.decimal:
            self.decimal[place] = _is_decimal(self.document, *place)
        self.counters[place] += 1
        for deeper in [k for k in self.counters if k[0] == place[0] and k[1] > place[1]]:
            del self.counters[deeper]
        # Only the outer level numbers items; "2.1" and its like are points in one.
        top = place[1] == 0 and self.decimal[place]
        return f"{self.counters[place]}. {text}" if top and text.strip() else text


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


def _blocks(container: Any) -> Iterator[tuple[list[Any], bool]]:
    """The body's paragraphs in order, a list each; a table row's cells come
    as one list, so that "3 | Status på Ukraine-indsatsen | 18.40-19.05" can
    be read as item 3 with its time. True with a table row's list."""
    for block in container.iter_inner_content():
        if not hasattr(block, "rows"):
            yield [block], False
            continue
        for row in block.rows:
            cells: list[Any] = []
            for cell in row.cells:
                for inner, _row in _blocks(cell):
                    cells.extend(inner)
            yield cells, True


def docx_lines(path: str | os.PathLike[str]) -> list[tuple[int, str]]:
    """(paragraph number, line) for every line of a .docx body."""
    name = os.fspath(path)
    regular_file(name)  # a pipe or a device is not opened
    _check_package(name)
    try:
        document = docx.Document(name)
        numbering = _Numbering(document)
        lines: list[tuple[int, str]] = []
        number = 0
        for block, row in _blocks(document):
            if number > MOST_PARAGRAPHS:
                break
            texts = []
            for paragraph in block:
                number += 1
                texts.append((number, numbering.text(paragraph)))
            for at, text in _row_as_lines(texts):
                lines.extend((at, line) for line in text.splitlines() or [""])
            if row:
                # A row ends as a blank line does: the next row's heading
                # stands where a heading would, even with a repeated number.
                lines.append((number, ""))
    # python-docx expects a well-formed Word file and fails anywhere inside
    # on a damaged one (a foreign root element, a number that is no number):
    # whatever it raises means the same to the user.
    except Exception as error:
        # The library's words, cut so that the whole reason stays within 300 characters.
        said = f"{type(error).__name__}: {error}"[:_LONGEST_DAMAGE]
        raise _refuse(name, _("the file is damaged ({error})", error=verbatim(said))
                      ) from None
    if number > MOST_PARAGRAPHS:
        raise _refuse(name, _("it has more than {count:,} paragraphs, far more than an agenda",
                              count=MOST_PARAGRAPHS))
    return lines


_PUNKT_CELL = re.compile(r"\s*(?:punkt|pkt\.?)?\s*(\d{1,3})\s*[.):]?\s*", re.IGNORECASE)


def _row_as_lines(cells: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """A table row as the reader wants it: a cell that is only the item's
    number ("3", "3.", "Punkt 3") joins the next cell's title as "3. Title",
    and that heading comes first, then the row's other cells (its time)."""
    if len(cells) < 2:
        return cells
    for index, (at, text) in enumerate(cells[:-1]):
        bare = _PUNKT_CELL.fullmatch(text)
        title = cells[index + 1][1].strip()
        if bare and title:
            heading = (at, f"{bare[1]}. {title}")
            return [heading, *cells[:index], *cells[index + 2:]]
    return cells


