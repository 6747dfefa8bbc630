"""Written agendas (.txt, .md, .docx) -> a :class:`WrittenAgenda`.

People write agendas in Word, and the times in them are typed by hand. This
module is where reading one begins (SPEC §4): a file by its suffix, or lines
already numbered. :mod:`~aarshjul.written.structure` follows the document
(headings, fields, the short list, page noise), :mod:`~aarshjul.written.times`
reads its times, and what comes out is an :class:`Agenda` with what each item
states and the problems met on the way. The reader never raises on text: what
it cannot read becomes a located problem. :mod:`aarshjul.written.check` then
checks the times.

Lines are numbered from 1; for a .docx file the number is the paragraph's.
"""

from __future__ import annotations

import os
from collections.abc import Iterable

import attrs

from aarshjul.agenda.items import Agenda, AgendaItem
from aarshjul.clock import Minutes
from aarshjul.errors import AgendaError, Problem
from aarshjul.files import read_text
from aarshjul.messages import _
from aarshjul.vocabulary import WORDS, Language
from aarshjul.written.lines import Line, title_text
from aarshjul.written.patterns import LABEL
from aarshjul.written.structure import StructureReader
from aarshjul.written.times import Stated, until_the_next

__all__ = ["WrittenAgenda", "read_agenda"]

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
DOCX_SUFFIXES = (".docx",)
AGENDA_SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES
_LONGEST_LINE = 2000  # agenda lines are short; a cap keeps odd files linear


@attrs.frozen
class WrittenAgenda:
    """A written agenda as read: the agenda, its short list, what each item
    states about its time (by number, in order), and the reading problems."""

    agenda: Agenda
    short_list: tuple[tuple[int, str, int], ...]
    stated: tuple[Stated, ...]
    problems: tuple[Problem, ...]
    meeting_line: int | None = None
    says_empty: bool = False
    language: Language | None = None
    """The language of its labels ("Mødedato:", "Tid:" or "Meeting date:",
    "Time:"), where they say one: ``check`` speaks it."""


def read_agenda(path: str | os.PathLike[str]) -> WrittenAgenda:
    """Read a written agenda from a .txt, .md or .docx file.

    Raises :class:`~aarshjul.errors.SourceError` or
    :class:`~aarshjul.errors.AgendaError` for a file that cannot be read.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()  # noqa: PTH122 - str in, str out
    if suffix in DOCX_SUFFIXES:
        from aarshjul.written.docx import docx_lines

        lines = docx_lines(name)
    elif suffix in TEXT_SUFFIXES:
        lines = split_lines(read_text(name, legacy="cp1252"))
    else:
        raise AgendaError.single("unknown-kind", _(
            "cannot read this kind of file as an agenda (give {suffixes})",
            suffixes=", ".join(AGENDA_SUFFIXES)), file=name)
    return read_agenda_lines(lines, source=name)


def split_lines(text: str) -> list[Line]:
    """Numbered lines as an editor counts them: only a line feed ends a line
    (``str.splitlines`` would also break at the form feeds of page breaks)."""
    return [(number, line.rstrip("\r")) for number, line in
            enumerate(text.split("\n"), start=1)]


def read_agenda_lines(lines: Iterable[Line], *, source: str) -> WrittenAgenda:
    """Read a written agenda given as numbered lines."""
    kept = [(number, text[:_LONGEST_LINE]) for number, text in lines]
    reader = StructureReader(source)
    reader.read(kept)
    if not reader.items and reader.brief:
        # What followed "Dagsorden:" was the items themselves, not a short list.
        reader = StructureReader(source, short_list=False)
        reader.read(kept)
    reader.finish()
    start, end = reader.meeting
    stated = until_the_next([item.stated for item in reader.items], end)
    items = []
    for item, said in zip(reader.items, stated, strict=True):
        minutes = said.minutes
        if minutes is None and said.start and said.end:
            minutes = said.start.until(said.end)
        items.append(AgendaItem(
            number=item.number, title=title_text(item.title),
            minutes=Minutes(max(minutes or 0, 0)), start=said.start, end=said.end,
            method=item.method, responsible=item.responsible, purpose=item.purpose,
            next_steps=item.next_steps,
            attachments=tuple(item.attachments), line=item.line))
    agenda = Agenda(title=reader.subject or source, date=reader.date, start=start, end=end,
                    items=tuple(items))
    brief = tuple((int(str(n)), title_text(str(t)), int(str(line)))
                  for n, t, line in reader.brief)
    return WrittenAgenda(agenda, brief, stated, tuple(reader.problems), reader.meeting_line,
                         reader.says_empty, labels_language(text for _number, text in kept))


def labels_language(lines: Iterable[str]) -> Language | None:
    """The language whose field labels the lines use more ("Tid: …" or
    "Time: …"); None if neither, or as many of each."""
    counts = dict.fromkeys(Language, 0)
    for text in lines:
        found = LABEL.match(text.strip())
        language = _LABEL_LANGUAGE.get(found[1].strip().lower()) if found else None
        if language is not None:
            counts[language] += 1
    (first, most), (_other, second) = sorted(counts.items(), key=lambda pair: -pair[1])[:2]
    return first if most > second else None


# Each language's own labels of an agenda's fields (words both share, none).
_LABELS = {language: {label.lower() for label in (
    w.meeting_date, w.meeting_time, w.meeting_place, w.brief, w.purpose, w.method,
    w.responsible, w.next_steps, w.time, w.attachments)} for language, w in WORDS.items()}
_LABEL_LANGUAGE = {label: language for language, labels in _LABELS.items()
                   for label in labels
                   if sum(label in others for others in _LABELS.values()) == 1}
