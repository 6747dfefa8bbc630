"""Written agendas (.txt, .md, .docx) -> an :class:`Agenda` and what is off in it.

People write agendas in Word, and the times in them are typed by hand. This
module reads such an agenda as it stands (SPEC §4): item headings
(``3. Byrådshenvist sag: …``, ``Punkt 3: … (10 min)``), time lines in the
forms people use (``Tid: 18.15 – 18.18 (3 min.)``, ``19.30–19.32``,
``kl. 8.30-8.45``), the meeting's own time and date, labelled fields, the
short list at the top (``Dagsorden kort:``), and page noise that must not
become items. The reader never raises on text: what it cannot read becomes a
located problem. :mod:`aarshjul.written.check` then checks the times.

Lines are numbered from 1; for a .docx file the number is the paragraph's.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import re
from collections.abc import Iterable

import attrs

from aarshjul.agenda.items import Agenda, AgendaItem
from aarshjul.clock import ClockTime, Minutes
from aarshjul.errors import AgendaError, Problem, Severity
from aarshjul.files import read_text
from aarshjul.vocabulary import MONTH_WORDS

Line = tuple[int, str]
"""A line of the agenda and its number (for .docx: the paragraph's)."""

_TIME = r"(\d{1,2})\s*[.:]\s*(\d{2})"
_RANGE = re.compile(rf"(?:kl\.?\s*)?{_TIME}\s*(?:[-–—‒]|til|to)\s*(?:kl\.?\s*)?(?:ca\.?\s*)?"
                    rf"{_TIME}", re.IGNORECASE)
# "kl. 16-18": a meeting's time in whole hours.
_HOUR_RANGE = re.compile(r"kl\.?\s*(\d{1,2})\s*[-–—]\s*(?:ca\.?\s*)?(\d{1,2})\b", re.IGNORECASE)
_ONE_TIME = re.compile(rf"(?:kl\.?\s*)?{_TIME}(?!\s*[.:]?\d)", re.IGNORECASE)
_DURATION = re.compile(r"\(?\s*(\d{1,4})\s*(?:minutter|minutes|minute|min)\b\.?\s*\)?",
                       re.IGNORECASE)
_TRAILING_DURATION = re.compile(
    r"\s*(?:[-–—]\s*)?\(?\s*(\d{1,4})\s*(?:minutter|minutes|minute|min)\b\.?\s*\)?\s*$",
    re.IGNORECASE)
# A line that is only a time: "19.30–19.32", "kl. 8.30-8.45", "16.05 – 16.45 (40 min)".
_TIME_LINE = re.compile(rf"\(?\s*{_RANGE.pattern}\s*\)?\s*(?:[-–—,/]?\s*{_DURATION.pattern})?",
                        re.IGNORECASE)
# A line that is only a start time: "16.00", "kl. 16.00" (the item runs to the next).
_START_LINE = re.compile(rf"(?:kl\.?\s*)?{_TIME}", re.IGNORECASE)
# A time at the end of a heading: "3. Sag (18.20-18.40)", "Sag, kl. 15.05 – 15.25";
# a bare range after a colon ("Åbent: 8.00-22.00") is part of the title.
_HEADING_TIME = re.compile(
    rf"(?:\s*(?:\(\s*{_RANGE.pattern}\s*(?:[,;]?\s*{_DURATION.pattern})?\s*\)"
    rf"|(?:[,;]\s*|[-–—]\s*)?kl\.\s*{_RANGE.pattern})"
    rf"|(?:\s*[,;]\s*|\s+[-–—]\s*|(?<!:)\s+){_RANGE.pattern})\s*$",
    re.IGNORECASE)
_PUNKT = re.compile(r"(?:agenda\s+item|dagsordenspunkt|punkt|pkt\.?|item)\s*(\d{1,3})\s*"
                    r"(?:[:.)–—-]\s*|\s+)(?![,\d])(\S.*)", re.IGNORECASE)
_NUMBERED = re.compile(r"(\d{1,3})\s*[.)]\s*(?!\d)(\S.*)")
_SUB_ITEM = re.compile(r"[A-ZÆØÅa-zæøå][).]\s")
_LABEL = re.compile(r"([^\W\d][\w/ ]{1,30}?)\s*:\s*(.*)")
_LEADER = re.compile(r"\s*\.{3,}\s*\d*\s*$")  # "Godkendelse ....... 2" in a table of contents
_NOISE = re.compile(
    r"(side|page)\s+\d+\s+(af|of)\s+\d+|.*\.(docx?|pdf|odt)|punkt\s+\d+\s*,\s*bilag\b.*",
    re.IGNORECASE)
# Longest first, so that "januar" is not read as "jan" and a rest.
_MONTHS = dict(sorted(MONTH_WORDS.items(), key=lambda pair: -len(pair[0])))
_DATE_TITLE = re.compile(rf"({'|'.join(_MONTHS)})\.?(\s+\d{{2,4}}\b|\s*$)", re.IGNORECASE)
_DATE = re.compile(rf"(\d{{1,2}})\.?\s*({'|'.join(_MONTHS)})\.?\s+(\d{{4}})", re.IGNORECASE)
_JOINING_WORDS = {"og", "eller", "samt", "til", "and", "or"}
_MAX_ITEMS = 999
_LONGEST_TITLE_WRAP = 3  # a heading broken over more lines than this is body text
# What the text form of an agenda with no items says (agenda_text.LABELS).
_EMPTY = re.compile(r"dagsordenen har endnu ingen punkter\.?|the agenda has no items yet\.?",
                    re.IGNORECASE)


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
    _Field.BRIEF: ("dagsorden kort", "kort dagsorden", "agenda in brief", "agenda",
                   "dagsorden", "indholdsfortegnelse", "indhold", "contents"),
    _Field.SUBJECT: ("emne", "subject"),
    _Field.TIME: ("tid", "time", "tidspunkt", "varighed", "duration", "tidsforbrug"),
    _Field.RESPONSIBLE: ("ansvarlig", "ansvarlige", "responsible"),
    _Field.METHOD: ("metode", "method", "behandling"),
    _Field.PURPOSE: ("baggrund/formål", "baggrund / formål", "baggrund", "formål", "purpose",
                     "background", "background/purpose"),
    _Field.ATTACHMENTS: ("bilag", "attachments", "attachment"),
}
_FIELD_OF = {label: field for field, labels in _LABELS.items() for label in labels}
# Headings that open the short list may stand without a colon ("## Dagsorden kort").
_BRIEF_HEADINGS = {"dagsorden kort", "kort dagsorden", "agenda in brief",
                   "indholdsfortegnelse", "contents"}


@attrs.frozen
class Stated:
    """What an item's text says about its time, before any check."""

    minutes: Minutes | None = None
    start: ClockTime | None = None
    end: ClockTime | None = None
    time_line: int | None = None
    reversed_span: tuple[ClockTime, ClockTime] | None = None  # "16.45 – 16.15"


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


@attrs.define
class _Item:
    number: int
    title: str
    line: int
    style: str
    suffix: str = ""  # a time range the heading ended in, taken off the title
    pending: list[Problem] = attrs.Factory(list)  # its problems, unless a time line follows
    wraps: int = 0  # lines the title ran on over
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
    """A title as compared with the short list: case, spaces, a trailing
    duration, time, page number or full stop do not matter."""
    title = _LEADER.sub("", title)
    title = _TRAILING_DURATION.sub("", title)
    title = re.sub(rf"\s*\(?\s*{_RANGE.pattern}\s*\)?\s*$", "", title, flags=re.IGNORECASE)
    return " ".join(title.casefold().replace("–", "-").replace("—", "-").split()).rstrip(" .:,")


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


def _heading(text: str) -> tuple[int, str, str] | None:
    """``3. Title``, ``Punkt 3: Title``, ``10.Evt.`` -> (3, "Title", style).

    The style (``punkt``, ``.`` or ``)``) tells an agenda's headings from a
    list inside an item written another way ("1) At udvalget godkender …").
    """
    match = _PUNKT.fullmatch(text)
    style = "punkt"
    if match is None:
        match = _NUMBERED.fullmatch(text)
        style = text[len(match[1]):].lstrip()[:1] if match else ""
    if match is None:
        return None
    number, title = int(match[1]), match[2].strip()
    if number == 0 or number > _MAX_ITEMS:
        return None
    return number, title, style


def _label(text: str) -> tuple[_Field, str] | None:
    match = _LABEL.fullmatch(text)
    if match is None:
        bare = " ".join(text.casefold().rstrip(":").split())
        return (_Field.BRIEF, "") if bare in _BRIEF_HEADINGS else None
    field = _FIELD_OF.get(" ".join(match[1].casefold().split()))
    return (field, match[2].strip()) if field else None


def _looks_like_heading(title: str) -> bool:
    """A heading's title starts as a sentence does, not mid-sentence."""
    return bool(title) and (title[0].isupper() or title[0].isdigit() or title[0] in "\"'«»")


class _Reader:
    """One pass over the lines, with a little state.

    Deciding whether ``2. …`` is item 2 is the hard part: numbered lines
    also stand inside items (a recommendation's points, a numbered list of
    attachments, a sentence that a narrow column broke before "2.
    behandling"). The next number is taken as a heading; another number only
    where a heading would stand (after a blank line or another heading,
    starting like a sentence), so that a skipped or repeated number is still
    reported.
    """

    def __init__(self, source: str, *, short_list: bool = True) -> None:
        self.source = source
        self.short_list_allowed = short_list
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
        self.after_blank = True  # the line before was blank (or a heading)
        self.nested: int | None = None  # the last number of a list inside an item
        self.broken = ""  # a header line a hyphen broke ("Em-" + "ne:")
        self.says_empty = False  # "Dagsordenen har endnu ingen punkter."

    def problem(self, line: int, code: str, message: str, item: int | None = None,
                severity: Severity = Severity.ERROR) -> None:
        problem = Problem(severity, code, message, self.source, line, None, item)
        current = self.items[-1] if self.items else None
        if current is not None and current.line == line and current.suffix:
            current.pending.append(problem)  # the heading's time may yet be overruled
        else:
            self.problems.append(problem)

    def finish(self) -> None:
        """The headings' times that no time line overruled stand, and so do
        their problems."""
        for item in self.items:
            self.problems.extend(item.pending)

    def read(self, lines: Iterable[Line]) -> None:
        for number, raw in lines:
            text = _clean(raw)
            if not text:
                self.in_title = self.in_noise = False
                self.after_blank = True
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
            was_heading = self.line(number, text)
            self.after_blank = was_heading

    def line(self, number: int, text: str) -> bool:
        """Read one non-blank line; True if it was an item's heading."""
        heading = _heading(text)
        if heading is not None and self.heading(number, *heading):
            self.in_noise = False
            return True
        # A field may stand in a bulleted list: "- **Tid:** 18.15 – 18.18".
        label = _label(text) or (_label(text[2:]) if text.startswith("- ") else None)
        if label is not None:
            self.in_noise = False
            self.field(number, *label)
            return False
        if self.in_noise:
            return False
        if self.awaiting_subject:
            self.subject, self.awaiting_subject = text, False
        elif self.in_brief:
            self.brief_continues(text)
        elif not self.items:
            self.header_line(number, text)
        else:
            self.item_line(number, text)
        return False

    def heading(self, line: int, number: int, title: str, style: str) -> bool:
        """Take a numbered line as a short-list entry or an item, if it is one."""
        # "9. januar 2025" at the top of a page, or "15. januar 2025 …" where a
        # column broke a sentence, is a date (Danish writes months in lower
        # case); "3. Marts 2025: status" as the next item is a title.
        expected = max((item.number for item in self.items), default=0) + 1
        if _DATE_TITLE.match(title) and (title[0].islower() or number != expected) \
                and not self.in_brief:
            return False
        if self.in_brief:
            first = int(str(self.brief[0][0])) if self.brief else None
            if first is None or number > first:
                self.brief.append([number, _LEADER.sub("", title), line])
                return True
            self.in_brief = False  # numbering restarts: the items begin
        if self.items and not self._is_item(number, title, style):
            return False
        item = _Item(number, title, line, style)
        self.items.append(item)
        self.in_title, self.open, self.nested = True, None, None
        self._title_times(item)
        return True

    def _is_item(self, number: int, title: str, style: str) -> bool:
        highest = max(item.number for item in self.items)
        expected = highest + 1
        mid_text = not self.after_blank and self.open in (_Field.PURPOSE, _Field.ATTACHMENTS)
        # "2." after a list's "1.": the list goes on, unless a blank line ends
        # it and the number is the next item's.
        if (self.nested is not None and number == self.nested + 1
                and not (number == expected and self.after_blank)):
            self.nested = number
            return False
        if number == expected and not (mid_text and not _looks_like_heading(title)):
            return True
        # Another number is a heading (a skip, a repeat, numbers out of order)
        # only where one would stand, written as the agenda's headings are; a
        # list starting again at 1 inside an item is that item's list.
        if (self.after_blank and not mid_text and _looks_like_heading(title)
                and style == self.items[0].style and not (number == 1 and highest > 1)):
            return True
        if number == 1 or self.nested is not None:
            self.nested = number  # a numbered list inside the item
        return False

    def _title_times(self, item: _Item) -> None:
        """``Punkt 3: Mål … (10 min)`` and ``3. Sag (18.20-18.40)``.

        A time range in the heading holds until a time line under it says
        otherwise; then the range goes back into the title ("Sag 18.20-18.40"
        was the title's). Minutes in the heading stay the item's minutes, to be
        checked against the time line ("Pkt. 2 – Strategi (30 min.)").
        """
        duration = _TRAILING_DURATION.search(item.title)
        if duration:
            item.title = item.title[: duration.start()].rstrip()
            item.stated = attrs.evolve(item.stated, minutes=Minutes(int(duration[1])))
        span = _HEADING_TIME.search(item.title)
        if span:
            item.suffix = item.title[span.start():] + item.suffix
            item.title = item.title[: span.start()].rstrip(" -–—,;")
            self.item_time(item, item.line, span[0])

    def _time_line(self, item: _Item, line: int, value: str) -> None:
        """A time line under an item: it outranks the heading's own words."""
        if item.suffix and item.stated.time_line == item.line:
            item.title, item.suffix = item.title + item.suffix, ""
            item.stated, item.pending = Stated(minutes=item.stated.minutes), []
        self.item_time(item, line, value)

    def brief_continues(self, text: str) -> None:
        if self.brief and (str(self.brief[-1][1]).endswith("-") or text[:1].islower()
                           or text[:1].isdigit()):
            self.brief[-1][1] = join_wrapped(str(self.brief[-1][1]), text)

    def field(self, line: int, field: _Field, value: str) -> None:
        self.in_title = False
        self.open = None
        if field is _Field.BRIEF:
            if not self.items and self.short_list_allowed and not value:
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
            self._time_line(item, line, value)
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
        elif field is _Field.MEETING_TIME or (field is _Field.TIME and self._meeting_time(value)):
            self.meeting_time(line, value)
        elif field is _Field.TIME:
            self.problem(line, "stray-time", f'a time ("{value}") that belongs to no item: '
                         "it stands before the first item's heading")

    def _meeting_time(self, value: str) -> bool:
        """Is a time above the first item the meeting's own? Yes, unless the
        meeting's time is known already, or it states minutes like an item's."""
        return (self.meeting == (None, None) and not self.in_brief
                and _DURATION.search(_RANGE.sub("", value)) is None)

    def meeting_time(self, line: int, value: str) -> None:
        span = _RANGE.search(value)
        if span is not None:
            start, end = _time(span[1], span[2]), _time(span[3], span[4])
        elif hours := _HOUR_RANGE.search(value):
            start, end = _time(hours[1], "00"), _time(hours[2], "00")
        elif single := _ONE_TIME.search(value):
            start, end = _time(single[1], single[2]), None
            if start is not None:
                self.meeting, self.meeting_line = (start, None), line
                return
        else:
            self.problem(line, "bad-time", f'cannot read the meeting\'s time in "{value}" '
                         '(expected e.g. "Kl. 18.15 – 19.45")')
            return
        if start is None or end is None:
            self.problem(line, "bad-time", f'"{value}" has a time that is no time (hours '
                         "00-23, minutes 00-59)")
        elif end <= start:
            self.problem(line, "bad-time", f'the meeting ends before it starts ("{value}")')
        else:
            self.meeting, self.meeting_line = (start, end), line

    def header_line(self, line: int, text: str) -> None:
        if _EMPTY.fullmatch(text):
            self.says_empty = True
        elif _TIME_LINE.fullmatch(text) and self._meeting_time(text):
            self.meeting_time(line, text)  # a letterhead's "Kl. 16.00 – 18.00"
        elif _TIME_LINE.fullmatch(text) or _DURATION.fullmatch(text):
            self.problem(line, "stray-time", f'a time ("{text}") that belongs to no item: it '
                         "stands before the first item's heading")

    def item_line(self, line: int, text: str) -> None:
        item = self.items[-1]
        if _TIME_LINE.fullmatch(text) or (
                _START_LINE.fullmatch(text) and item.stated.time_line is None):
            self.in_title = False
            self._time_line(item, line, text)
            return
        duration = _DURATION.fullmatch(text.lstrip("-–— "))
        if duration and (text.startswith(("(", "-", "–", "—")) or self.in_title):
            if item.stated.minutes is None:
                item.stated = attrs.evolve(item.stated, minutes=Minutes(int(duration[1])))
            return
        if _SUB_ITEM.match(text):
            self.in_title, self.open = False, None
            return
        # A title goes on only where a narrow column broke it: after a hyphen,
        # or into a line that starts mid-sentence ("området 2024 – 2035").
        if self.in_title and (item.title.endswith("-") or text[:1].islower()
                              or text[:1].isdigit()) and item.wraps < _LONGEST_TITLE_WRAP:
            item.title, item.wraps = join_wrapped(item.title, text), item.wraps + 1
            self._title_times(item)
            return
        self.in_title = False
        if self.open is _Field.ATTACHMENTS:
            numbered = _NUMBERED.fullmatch(text)
            if text.startswith("- "):
                item.attachments.append(text[2:].strip())
            elif numbered:
                item.attachments.append(numbered[2].strip())
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
                item.stated = Stated(minutes, None, None, line)
                return
            start = _time(single[1], single[2]) if single else None
            if single and start is None:
                self._no_time(line, item, single[0])
                item.stated = Stated(minutes, None, None, line)
                return
            end = start.plus(minutes) if start is not None and minutes is not None and (
                start.minutes + minutes < 24 * 60) else None
            item.stated = Stated(minutes, start, end, line if start else stated.time_line)
            return
        start, end = _time(span[1], span[2]), _time(span[3], span[4])
        if start is None or end is None:
            self._no_time(line, item, span[0])
            item.stated = Stated(minutes, None, None, line)
            return
        if end <= start:
            # With minutes stated, written_check reports the duration that
            # does not match; without, there is nothing to match: a bad time.
            if minutes is None:
                self.problem(line, "bad-time", f'item {item.number}: "{span[0].strip()}" ends '
                             "before it starts", item.number)
            item.stated = Stated(minutes, None, None, line, reversed_span=(start, end))
            return
        item.stated = Stated(minutes, start, end, line)

    def _no_time(self, line: int, item: _Item, text: str) -> None:
        self.problem(line, "bad-time", f'item {item.number}: "{text.strip()}" has a time that '
                     "is no time (hours 00-23, minutes 00-59)", item.number)


TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
DOCX_SUFFIXES = (".docx",)
AGENDA_SUFFIXES = TEXT_SUFFIXES + DOCX_SUFFIXES
_LONGEST_LINE = 2000  # agenda lines are short; a cap keeps odd files linear


def read_agenda(path: str | os.PathLike[str]) -> WrittenAgenda:
    """Read a written agenda from a .txt, .md or .docx file.

    Raises :class:`~aarshjul.errors.SourceError` or
    :class:`~aarshjul.errors.AgendaError` for a file that cannot be read.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()  # noqa: PTH122 - str in, str out
    if suffix in DOCX_SUFFIXES:
        from aarshjul.written.docx import docx_lines  # noqa: PLC0415

        lines = docx_lines(name)
    elif suffix in TEXT_SUFFIXES:
        lines = split_lines(read_text(name, legacy="cp1252"))
    else:
        raise AgendaError.single("unknown-kind", "cannot read this kind of file as an agenda "
                                 f"(give {', '.join(AGENDA_SUFFIXES)})",
                                 file=name)
    return read_agenda_lines(lines, source=name)


def split_lines(text: str) -> list[Line]:
    """Numbered lines as an editor counts them: only a line feed ends a line
    (``str.splitlines`` would also break at the form feeds of page breaks)."""
    return [(number, line.rstrip("\r")) for number, line in
            enumerate(text.split("\n"), start=1)]


def read_agenda_lines(lines: Iterable[Line], *, source: str) -> WrittenAgenda:
    """Read a written agenda given as numbered lines."""
    kept = [(number, text[:_LONGEST_LINE]) for number, text in lines]
    reader = _Reader(source)
    reader.read(kept)
    if not reader.items and reader.brief:
        # What followed "Dagsorden:" was the items themselves, not a short list.
        reader = _Reader(source, short_list=False)
        reader.read(kept)
    reader.finish()
    stated = _until_the_next(reader)
    items = []
    for item, said in zip(reader.items, stated, strict=True):
        minutes = said.minutes
        if minutes is None and said.start and said.end:
            minutes = said.start.until(said.end)
        items.append(AgendaItem(
            number=item.number, title=" ".join(item.title.split()),
            minutes=Minutes(max(minutes or 0, 0)), start=said.start, end=said.end,
            method=item.method, responsible=item.responsible, purpose=item.purpose,
            attachments=tuple(item.attachments), line=item.line))
    start, end = reader.meeting
    agenda = Agenda(title=reader.subject or source, date=reader.date, start=start, end=end,
                    items=tuple(items))
    brief = tuple((int(str(n)), " ".join(str(t).split()), int(str(line)))
                  for n, t, line in reader.brief)
    return WrittenAgenda(agenda, brief, stated, tuple(reader.problems), reader.meeting_line,
                         reader.says_empty)


def _until_the_next(reader: _Reader) -> tuple[Stated, ...]:
    """Items that give only a start ("kl. 16.00 Velkomst") run until the next
    item's start, the last one until the meeting's end."""
    stated = [item.stated for item in reader.items]
    for index, said in enumerate(stated):
        if said.start is None or said.end is not None or said.minutes is not None:
            continue
        following = [s.start for s in stated[index + 1:] if s.start is not None][:1]
        end = following[0] if following else reader.meeting[1]
        if end is not None and end > said.start:
            stated[index] = attrs.evolve(said, end=end)
    return tuple(stated)
