"""Written agendas (.txt, .md, .docx) -> an :class:`Agenda` and what is off in it.

People write agendas in Word, and the times in them are typed by hand. This
module reads such an agenda as it stands (SPEC §4): item headings
(``3. Byrådshenvist sag: …``, ``Punkt 3: … (10 min)``), time lines in the
forms people use (``Tid: 18.15 – 18.18 (3 min.)``, ``19.30–19.32``,
``kl. 8.30-8.45``), the meeting's own time and date, labelled fields, the
short list at the top (``Dagsorden kort:``), and page noise that must not
become items. The reader never raises on text: what it cannot read becomes a
located problem. :mod:`aarshjul.written_check` then checks the times.

Lines are numbered from 1; for a .docx file the number is the paragraph's.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
from collections.abc import Iterable

import attrs

from aarshjul.agenda_items import Agenda, AgendaItem
from aarshjul.clock import ClockTime, Minutes
from aarshjul.errors import AgendaError, Problem, Severity
from aarshjul.files import read_text

Line = tuple[int, str]
"""A line of the agenda and its number (for .docx: the paragraph's)."""

_TIME = r"(\d{1,2})\s*[.:]\s*(\d{2})"
_RANGE = re.compile(rf"(?:kl\.?\s*)?{_TIME}\s*(?:[-–—‒]|til|to)\s*(?:kl\.?\s*)?{_TIME}",
                    re.IGNORECASE)
_ONE_TIME = re.compile(rf"(?:kl\.?\s*)?{_TIME}(?!\s*[.:]?\d)", re.IGNORECASE)
_DURATION = re.compile(r"\(?\s*(\d{1,4})\s*(?:minutter|minutes|minute|min)\b\.?\s*\)?",
                       re.IGNORECASE)
_TRAILING_DURATION = re.compile(
    r"\s*(?:[-–—]\s*)?\(?\s*(\d{1,4})\s*(?:minutter|minutes|minute|min)\b\.?\s*\)?\s*$",
    re.IGNORECASE)
# A line that is only a time: "19.30–19.32", "kl. 8.30-8.45", "16.05 – 16.45 (40 min)".
_TIME_LINE = re.compile(rf"\(?\s*{_RANGE.pattern}\s*\)?\s*(?:[-–—,/]?\s*{_DURATION.pattern})?",
                        re.IGNORECASE)
_TRAILING_RANGE = re.compile(rf"\s*\(?\s*{_RANGE.pattern}\s*\)?\s*$", re.IGNORECASE)
_PUNKT = re.compile(r"(?:punkt|pkt\.?|item)\s*(\d{1,3})\s*(?:[:.)–-]\s*|\s+)(?![,\d])(\S.*)",
                    re.IGNORECASE)
_NUMBERED = re.compile(r"(\d{1,3})\s*[.)]\s*(?!\d)(\S.*)")
_SUB_ITEM = re.compile(r"[A-ZÆØÅ][).]\s")
_LABEL = re.compile(r"([^\W\d][\w/ ]{1,30}?)\s*:\s*(.*)")
_NOISE = re.compile(
    r"(side|page)\s+\d+\s+(af|of)\s+\d+|.*\.(docx?|pdf|odt)|punkt\s+\d+\s*,\s*bilag\b.*",
    re.IGNORECASE)
_MONTHS = {name: number for number, names in enumerate((
    ("januar", "january", "jan"), ("februar", "february", "feb"), ("marts", "march", "mar"),
    ("april", "apr"), ("maj", "may"), ("juni", "june", "jun"), ("juli", "july", "jul"),
    ("august", "aug"), ("september", "sep", "sept"), ("oktober", "october", "okt", "oct"),
    ("november", "nov"), ("december", "dec")), start=1) for name in names}
_DATE_TITLE = re.compile(rf"({'|'.join(_MONTHS)})\.?(\s+\d{{2,4}}\b|\s*$)", re.IGNORECASE)
_DATE = re.compile(rf"(\d{{1,2}})\.?\s*({'|'.join(_MONTHS)})\.?\s+(\d{{4}})", re.IGNORECASE)
_JOINING_WORDS = {"og", "eller", "samt", "til", "and", "or"}
_MAX_ITEMS = 999


class _Field(enum.Enum):
    DATE = "date"
    MEETING_TIME = "meeting time"
    PLACE = "place"
    BRIEF = "brief"
    SUBJECT = "subject"
    TIME = "time"
    RESPONSIBLE = "responsible"
    METHOD = "method"
    PURPOSE = "purpose"
    ATTACHMENTS = "attachments"


_LABELS = {
    _Field.DATE: ("mødedato", "dato", "date", "meeting date"),
    _Field.MEETING_TIME: ("mødetid", "meeting time", "mødetidspunkt"),
    _Field.PLACE: ("mødested", "sted", "venue", "place", "location", "lokale"),
    _Field.BRIEF: ("dagsorden kort", "kort dagsorden", "agenda in brief", "agenda"),
    _Field.SUBJECT: ("emne", "subject"),
    _Field.TIME: ("tid", "time", "tidspunkt"),
    _Field.RESPONSIBLE: ("ansvarlig", "ansvarlige", "responsible"),
    _Field.METHOD: ("metode", "method", "behandling"),
    _Field.PURPOSE: ("baggrund/formål", "baggrund / formål", "baggrund", "formål", "purpose",
                     "background", "background/purpose"),
    _Field.ATTACHMENTS: ("bilag", "attachments", "attachment"),
}
_FIELD_OF = {label: field for field, labels in _LABELS.items() for label in labels}


@attrs.frozen
class Stated:
    """What an item's text says about its time, before any check."""

    minutes: Minutes | None = None
    start: ClockTime | None = None
    end: ClockTime | None = None
    time_line: int | None = None


@attrs.frozen
class WrittenAgenda:
    """A written agenda as read: the agenda, its short list, what each item
    states about its time (by number, in order), and the reading problems."""

    agenda: Agenda
    short_list: tuple[tuple[int, str, int], ...]
    stated: tuple[Stated, ...]
    problems: tuple[Problem, ...]
    meeting_line: int | None = None


@attrs.define
class _Item:
    number: int
    title: str
    line: int
    stated: Stated = attrs.Factory(Stated)
    method: str = ""
    responsible: str = ""
    purpose: str = ""
    attachments: list[str] = attrs.Factory(list)


def join_wrapped(before: str, after: str) -> str:
    """Join a line that a narrow column broke: ``Beskæf-`` + ``tigelsesudvalget``.

    A hyphen before ``og``/``eller`` is a real one (``Social- og …``).
    """
    after = after.strip()
    if not before:
        return after
    words = after.split()
    if (before.endswith("-") and len(before) > 1 and before[-2].isalpha() and after
            and after[0].islower() and words[0] not in _JOINING_WORDS):
        return before[:-1] + after
    return f"{before} {after}"


def normalized_title(title: str) -> str:
    """A title as compared with the short list: case, spaces and a trailing
    duration or full stop do not matter."""
    title = _TRAILING_DURATION.sub("", title)
    return " ".join(title.casefold().replace("–", "-").split()).rstrip(" .:")


def _clean(text: str) -> str:
    """Markdown and Word decorations off: ``## **Tid:**`` reads as ``Tid:``."""
    text = text.replace("\u00a0", " ").replace("\u200b", "").strip()
    text = re.sub(r"^(#{1,6}\s+|>\s*)", "", text)
    text = text.replace("**", "").replace("__", "")
    if text.startswith(("* ", "+ ", "• ", "– ")):
        text = "- " + text[2:]
    return text.strip()


def _time(hours: str, minutes: str) -> ClockTime | None:
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return ClockTime(int(hours) * 60 + int(minutes))


def _heading(text: str) -> tuple[int, str] | None:
    """``3. Title``, ``Punkt 3: Title``, ``10.Evt.`` -> (3, "Title")."""
    match = _PUNKT.fullmatch(text) or _NUMBERED.fullmatch(text)
    if match is None:
        return None
    number, title = int(match[1]), match[2].strip()
    # "9. januar 2025" at the top of a page is a date, not item 9.
    if number == 0 or number > _MAX_ITEMS or _DATE_TITLE.match(title):
        return None
    return number, title


def _label(text: str) -> tuple[_Field, str] | None:
    match = _LABEL.fullmatch(text)
    if match is None:
        return None
    field = _FIELD_OF.get(" ".join(match[1].casefold().split()))
    return (field, match[2].strip()) if field else None


class _Reader:
    """One pass over the lines, with a little state."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []
        self.items: list[_Item] = []
        self.brief: list[list[object]] = []  # [number, title, line]
        self.in_brief = False
        self.subject = ""
        self.awaiting_subject = False
        self.date: dt.date | None = None
        self.meeting: tuple[ClockTime | None, ClockTime | None] = (None, None)
        self.meeting_line: int | None = None
        self.open: _Field | None = None  # the field a following line continues
        self.in_title = False
        self.in_noise = False  # inside a running header or footer
        self.broken = ""  # a header line a hyphen broke ("Em-" + "ne:")

    def problem(self, line: int, code: str, message: str, item: int | None = None,
                severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(severity, code, message, self.source, line, None, item))

    def read(self, lines: Iterable[Line]) -> None:
        for number, raw in lines:
            text = _clean(raw)
            if not text:
                self.in_title = self.in_noise = False
                if self.open is not _Field.ATTACHMENTS:
                    self.open = None
                continue
            if _NOISE.fullmatch(text):
                # A footer ("Punkt 5, Bilag 1: Dagsorden til …") runs on over
                # a few lines; none of them continues the item before it.
                self.in_noise, self.in_title, self.open = True, False, None
                continue
            if not self.items and not self.in_brief and (self.broken or text.endswith("-")):
                text = join_wrapped(self.broken, text) if self.broken else text
                self.broken = text if text.endswith("-") else ""
                if self.broken:
                    continue
            self.line(number, text)

    def line(self, number: int, text: str) -> None:
        heading = _heading(text)
        if heading is not None:
            self.in_noise = False
            self.heading(number, *heading)
            return
        # A field may stand in a bulleted list: "- **Tid:** 18.15 – 18.18".
        label = _label(text) or (_label(text[2:]) if text.startswith("- ") else None)
        if label is not None:
            self.in_noise = False
            self.field(number, *label)
            return
        if self.in_noise:
            return
        if self.awaiting_subject:
            self.subject, self.awaiting_subject = text, False
            return
        if self.in_brief:
            self.brief_continues(text)
            return
        if not self.items:
            self.header_line(number, text)
            return
        self.item_line(number, text)

    def heading(self, line: int, number: int, title: str) -> None:
        """An entry of the short list, until its numbering restarts; else an item."""
        if self.in_brief:
            if not self.brief or number > int(str(self.brief[-1][0])):
                self.brief.append([number, title, line])
                return
            self.in_brief = False
        item = _Item(number, title, line)
        self.items.append(item)
        self.in_title, self.open = True, None
        self._title_times(item)

    def _title_times(self, item: _Item) -> None:
        """``Punkt 3: Mål … (10 min)`` and ``3. Sag (18.20-18.40)``."""
        duration = _TRAILING_DURATION.search(item.title)
        if duration:
            item.title = item.title[: duration.start()].rstrip()
            item.stated = attrs.evolve(item.stated, minutes=Minutes(int(duration[1])))
        span = _TRAILING_RANGE.search(item.title)
        if span:
            item.title = item.title[: span.start()].rstrip(" -–—")
            self.item_time(item, item.line, span[0])

    def brief_continues(self, text: str) -> None:
        if self.brief and (str(self.brief[-1][1]).endswith("-") or text[:1].islower()):
            self.brief[-1][1] = join_wrapped(str(self.brief[-1][1]), text)

    def field(self, line: int, field: _Field, value: str) -> None:
        self.in_title = False
        self.open = None
        if field is _Field.BRIEF and not self.items:
            self.in_brief = True
            return
        if field is _Field.SUBJECT:
            self.subject = value
            self.awaiting_subject = not value
            return
        if not self.items or field in (_Field.DATE, _Field.MEETING_TIME, _Field.PLACE):
            self.header_field(line, field, value)
            return
        item = self.items[-1]
        if field is _Field.TIME:
            self.item_time(item, line, value)
        elif field is _Field.RESPONSIBLE:
            item.responsible = value
        elif field is _Field.METHOD:
            item.method = value
        elif field is _Field.PURPOSE:
            item.purpose, self.open = value, _Field.PURPOSE
        elif field is _Field.ATTACHMENTS:
            self.open = _Field.ATTACHMENTS
            if value and value != "-":
                item.attachments.append(value)

    def header_field(self, line: int, field: _Field, value: str) -> None:
        if field is _Field.DATE:
            match = _DATE.search(value)
            if match:
                try:
                    self.date = dt.date(int(match[3]), _MONTHS[match[2].lower()],
                                        int(match[1]))
                except ValueError:
                    self.problem(line, "bad-date", f'"{value}" is not a date that exists')
        elif field is _Field.MEETING_TIME or (
                field is _Field.TIME and self.meeting == (None, None) and not self.in_brief):
            span = _RANGE.search(value)
            if span is None:
                self.problem(line, "bad-time", f'cannot read the meeting\'s time in "{value}" '
                             '(expected e.g. "Kl. 18.15 – 19.45")')
                return
            start, end = _time(span[1], span[2]), _time(span[3], span[4])
            if start is None or end is None:
                self.problem(line, "bad-time", f'"{span[0].strip()}" has a time that is no '
                             "time (hours 00-23, minutes 00-59)")
                return
            self.meeting, self.meeting_line = (start, end), line
        elif field is _Field.TIME:
            self.problem(line, "stray-time", f'a time ("{value}") that belongs to no item: '
                         "it stands before the first item's heading")

    def header_line(self, line: int, text: str) -> None:
        if _TIME_LINE.fullmatch(text) or _DURATION.fullmatch(text):
            self.problem(line, "stray-time", f'a time ("{text}") that belongs to no item: it '
                         "stands before the first item's heading")

    def item_line(self, line: int, text: str) -> None:
        item = self.items[-1]
        if _TIME_LINE.fullmatch(text):
            self.in_title = False
            self.item_time(item, line, text)
            return
        duration = _DURATION.fullmatch(text.lstrip("-–— "))
        if duration and (text.startswith(("(", "-", "–", "—")) or self.in_title):
            if item.stated.minutes is None:
                item.stated = attrs.evolve(item.stated, minutes=Minutes(int(duration[1])))
            return
        if _SUB_ITEM.match(text):
            self.in_title, self.open = False, None
            return
        if self.in_title:
            item.title = join_wrapped(item.title, text)
            self._title_times(item)
        elif self.open is _Field.ATTACHMENTS:
            if text.startswith("- "):
                item.attachments.append(text[2:].strip())
            elif item.attachments and (item.attachments[-1].endswith("-")
                                       or text[:1].islower() or text[:1].isdigit()):
                item.attachments[-1] = join_wrapped(item.attachments[-1], text)
            else:
                self.open = None
        elif self.open is _Field.PURPOSE:
            item.purpose = join_wrapped(item.purpose, text)

    def item_time(self, item: _Item, line: int, value: str) -> None:
        stated = item.stated
        span = _RANGE.search(value)
        duration = _DURATION.search(value[span.end():] if span else value)
        minutes = Minutes(int(duration[1])) if duration else stated.minutes
        if stated.time_line is not None and span:
            self.problem(line, "bad-time", f"item {item.number} has a second time "
                         f"(the first on line {stated.time_line})", item.number)
            return
        if span is None:
            single = _ONE_TIME.search(value)
            if single is None and duration is None:
                self.problem(line, "bad-time", f'item {item.number}: cannot read a time in '
                             f'"{value}" (expected e.g. "18.15 – 18.18 (3 min.)")', item.number)
                return
            start = _time(single[1], single[2]) if single else None
            if single and start is None:
                self._no_time(line, item, single[0])
                return
            end = start.plus(minutes) if start is not None and minutes is not None and (
                start.minutes + minutes < 24 * 60) else None
            item.stated = Stated(minutes, start, end, line)
            return
        start, end = _time(span[1], span[2]), _time(span[3], span[4])
        if start is None or end is None:
            self._no_time(line, item, span[0])
            item.stated = Stated(minutes, None, None, line)
            return
        item.stated = Stated(minutes, start, end, line)

    def _no_time(self, line: int, item: _Item, text: str) -> None:
        self.problem(line, "bad-time", f'item {item.number}: "{text.strip()}" has a time that '
                     "is no time (hours 00-23, minutes 00-59)", item.number)


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
DOCX_SUFFIXES = (".docx",)
_LONGEST_LINE = 2000  # agenda lines are short; a cap keeps odd files linear


def read_agenda(path: str | os.PathLike[str]) -> WrittenAgenda:
    """Read a written agenda from a .txt, .md or .docx file.

    Raises :class:`~aarshjul.errors.SourceError` or
    :class:`~aarshjul.errors.AgendaError` for a file that cannot be read.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()  # noqa: PTH122 - str in, str out
    if suffix in DOCX_SUFFIXES:
        from aarshjul.docx_text import docx_lines  # noqa: PLC0415

        lines = docx_lines(name)
    elif suffix in TEXT_SUFFIXES:
        lines = list(enumerate(read_text(name, legacy="cp1252").splitlines(), start=1))
    else:
        raise AgendaError.single("unknown-kind", "cannot read this kind of file as an agenda "
                                 f"(give {', '.join((*TEXT_SUFFIXES, *DOCX_SUFFIXES))})",
                                 file=name)
    return read_agenda_lines(lines, source=name)


def read_agenda_lines(lines: Iterable[Line], *, source: str) -> WrittenAgenda:
    """Read a written agenda given as numbered lines."""
    reader = _Reader(source)
    reader.read((number, text[:_LONGEST_LINE]) for number, text in lines)
    items = []
    for item in reader.items:
        stated = item.stated
        minutes = stated.minutes
        if minutes is None and stated.start and stated.end:
            minutes = stated.start.until(stated.end)
        items.append(AgendaItem(
            number=item.number, title=" ".join(item.title.split()),
            minutes=Minutes(max(minutes or 0, 0)), start=stated.start, end=stated.end,
            method=item.method, responsible=item.responsible, purpose=item.purpose,
            attachments=tuple(item.attachments), line=item.line))
    start, end = reader.meeting
    agenda = Agenda(title=reader.subject or source, date=reader.date, start=start, end=end,
                    items=tuple(items))
    brief = tuple((int(str(n)), " ".join(str(t).split()), int(str(line)))
                  for n, t, line in reader.brief)
    return WrittenAgenda(agenda, brief, tuple(i.stated for i in reader.items),
                         tuple(reader.problems), reader.meeting_line)
