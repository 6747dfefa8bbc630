"""Following a written agenda's structure, line by line.

Which line is an item's heading, which a field of the item or of the
meeting, which the short list at the top (``Dagsorden kort:``), which a
title broken over lines, and which page noise (running headers and footers,
``Side 1 af 5``) that must not become an item. What one line looks like is
:mod:`~aarshjul.written.lines`'s to say, what a time says
:mod:`~aarshjul.written.times`'; this module keeps the little state between
lines and collects the located problems. It never raises on text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from aarshjul.errors import Problem, Severity
from aarshjul.messages import _
from aarshjul.written.lines import (
    Line,
    clean,
    goes_on,
    heading,
    join_wrapped,
    label,
    looks_like_heading,
)
from aarshjul.written.patterns import DATE_TITLE, EMPTY, LEADER, NOISE, NUMBERED, SUB_ITEM, Field
from aarshjul.written.times import (
    Span,
    Stated,
    heading_time,
    is_start_line,
    is_time_line,
    item_time,
    meeting_date,
    meeting_time,
    only_minutes,
    states_minutes,
)

_LONGEST_TITLE_WRAP = 3  # a heading broken over more lines than this is body text


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
    next_steps: str = ""
    purpose: str = ""
    attachments: list[str] = attrs.Factory(list)


class StructureReader:
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
        self.meeting: Span = (None, None)
        self.meeting_line: int | None = None
        self.open: Field | None = None  # the field a following line continues
        self.in_title = False
        self.in_noise = False  # inside a running header or footer
        self.after_blank = True  # the line before was blank (or a heading)
        self.nested: int | None = None  # the last number of a list inside an item
        self.broken = ""  # a header line a hyphen broke ("Em-" + "ne:")
        self.says_empty = False  # "Dagsordenen har endnu ingen punkter."

    def report(self, problems: Iterable[Problem]) -> None:
        """Problems found in this file; those of a heading's time wait
        until a time line under it overrules it or does not."""
        current = self.items[-1] if self.items else None
        for problem in problems:
            located = attrs.evolve(problem, file=self.source)
            if current is not None and current.line == located.line and current.suffix:
                current.pending.append(located)
            else:
                self.problems.append(located)

    def finish(self) -> None:
        """The headings' times that no time line overruled stand, and so do
        their problems."""
        for item in self.items:
            self.problems.extend(item.pending)

    def read(self, lines: Iterable[Line]) -> None:
        for number, raw in lines:
            text = clean(raw)
            if not text:
                self.in_title = self.in_noise = False
                self.after_blank = True
                if self.open is not Field.ATTACHMENTS:
                    self.open = None
                continue
            if NOISE.fullmatch(text):
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
        numbered = heading(text)
        if numbered is not None and self.heading(number, *numbered):
            self.in_noise = False
            return True
        # A field may stand in a bulleted list: "- **Tid:** 18.15 – 18.18".
        labelled = label(text) or (label(text[2:]) if text.startswith("- ") else None)
        if labelled is not None:
            self.in_noise = False
            self.field(number, *labelled)
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
        if DATE_TITLE.match(title) and (title[0].islower() or number != expected) \
                and not self.in_brief:
            return False
        if self.in_brief:
            first = int(str(self.brief[0][0])) if self.brief else None
            if first is None or number > first:
                self.brief.append([number, LEADER.sub("", title), line])
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
        mid_text = not self.after_blank and self.open in (Field.PURPOSE, Field.ATTACHMENTS)
        # "2." after a list's "1.": the list goes on, unless a blank line ends
        # it and the number is the next item's.
        if (self.nested is not None and number == self.nested + 1
                and not (number == expected and self.after_blank)):
            self.nested = number
            return False
        if number == expected and not (mid_text and not looks_like_heading(title)):
            return True
        # The current item's number again, once that item has its time: a
        # heading written twice ("3. Skoler", its time, "3. Status"), where a
        # Word document or a tight text file has no blank line between.
        if (number == highest and self.items[-1].stated.time_line is not None
                and self.nested is None and not mid_text and looks_like_heading(title)
                and style == self.items[0].style):
            return True
        # Another number is a heading (a skip, a repeat, numbers out of order)
        # only where one would stand, written as the agenda's headings are; a
        # list starting again at 1 inside an item is that item's list.
        if (self.after_blank and not mid_text and looks_like_heading(title)
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
        cut = heading_time(item.title)
        item.title = cut.title
        if cut.minutes is not None:
            item.stated = attrs.evolve(item.stated, minutes=cut.minutes)
        if cut.leading and item.stated.time_line is None:
            # "Kl." before the title says it is a time: a time line under it is a second one.
            self._item_time(item, item.line, cut.span)
        elif cut.span and not cut.leading:
            item.suffix = cut.span + item.suffix
            self._item_time(item, item.line, cut.span)

    def _time_line(self, item: _Item, line: int, value: str) -> None:
        """A time line under an item: it outranks the heading's own words."""
        if item.suffix and item.stated.time_line == item.line:
            item.title, item.suffix = item.title + item.suffix, ""
            item.stated, item.pending = Stated(minutes=item.stated.minutes), []
        self._item_time(item, line, value)

    def _item_time(self, item: _Item, line: int, value: str) -> None:
        item.stated, problems = item_time(value, line=line, item=item.number,
                                          before=item.stated)
        self.report(problems)

    def brief_continues(self, text: str) -> None:
        if self.brief and goes_on(str(self.brief[-1][1]), text):
            self.brief[-1][1] = join_wrapped(str(self.brief[-1][1]), text)

    def field(self, line: int, field: Field, value: str) -> None:
        self.in_title = False
        self.open = None
        if field is Field.BRIEF:
            if not self.items and self.short_list_allowed and not value:
                self.in_brief = True
            return
        if field is Field.SUBJECT:
            self.subject = value
            self.awaiting_subject = not value
            return
        if not self.items or field in (Field.DATE, Field.MEETING_TIME, Field.PLACE):
            self.header_field(line, field, value)
            return
        item = self.items[-1]
        if field is Field.TIME:
            self._time_line(item, line, value)
        elif field is Field.RESPONSIBLE:
            item.responsible = value
        elif field is Field.NEXT_STEPS:
            item.next_steps = value
        elif field is Field.METHOD:
            item.method = value
        elif field is Field.PURPOSE:
            item.purpose, self.open = value, Field.PURPOSE
        elif field is Field.ATTACHMENTS:
            self.open = Field.ATTACHMENTS
            if value and value != "-":
                item.attachments.append(value)

    def header_field(self, line: int, field: Field, value: str) -> None:
        if field is Field.DATE:
            date, problems = meeting_date(value, line=line)
            self.report(problems)
            if date is not None:
                self.date = date
        elif field is Field.MEETING_TIME or (field is Field.TIME and self._meeting_time(value)):
            self.meeting_time(line, value)
        elif field is Field.TIME:
            self._stray_time(line, value)

    def _meeting_time(self, value: str) -> bool:
        """Is a time above the first item the meeting's own? Yes, unless the
        meeting's time is known already, or it states minutes like an item's."""
        return self.meeting == (None, None) and not self.in_brief and not states_minutes(value)

    def meeting_time(self, line: int, value: str) -> None:
        span, problems = meeting_time(value, line=line)
        self.report(problems)
        if span is not None:
            self.meeting, self.meeting_line = span, line

    def _stray_time(self, line: int, text: str) -> None:
        self.report([Problem(Severity.ERROR, "stray-time", _(
            'a time ("{text}") that belongs to no item: '
            "it stands before the first item's heading", text=text), self.source, line)])

    def header_line(self, line: int, text: str) -> None:
        if EMPTY.fullmatch(text):
            self.says_empty = True
        elif is_time_line(text) and self._meeting_time(text):
            self.meeting_time(line, text)  # a letterhead's "Kl. 16.00 – 18.00"
        elif is_time_line(text) or only_minutes(text) is not None:
            self._stray_time(line, text)

    def item_line(self, line: int, text: str) -> None:
        item = self.items[-1]
        if is_time_line(text) or (is_start_line(text) and item.stated.time_line is None):
            self.in_title = False
            self._time_line(item, line, text)
            return
        minutes = only_minutes(text.lstrip("-–— "))
        if minutes is not None and (text.startswith(("(", "-", "–", "—")) or self.in_title):
            if item.stated.minutes is None:
                item.stated = attrs.evolve(item.stated, minutes=minutes)
            return
        if SUB_ITEM.match(text):
            self.in_title, self.open = False, None
            return
        # A title goes on only where a narrow column broke it: after a hyphen,
        # or into a line that starts mid-sentence ("området 2024 – 2035").
        if self.in_title and goes_on(item.title, text) and item.wraps < _LONGEST_TITLE_WRAP:
            item.title, item.wraps = join_wrapped(item.title, text), item.wraps + 1
            self._title_times(item)
            return
        self.in_title = False
        if self.open is Field.ATTACHMENTS:
            numbered = NUMBERED.fullmatch(text)
            if text.startswith("- "):
                item.attachments.append(text[2:].strip())
            elif numbered:
                item.attachments.append(numbered[2].strip())
            elif item.attachments and goes_on(item.attachments[-1], text):
                item.attachments[-1] = join_wrapped(item.attachments[-1], text)
            else:
                self.open = None
        elif self.open is Field.PURPOSE:
            item.purpose = join_wrapped(item.purpose, text)
