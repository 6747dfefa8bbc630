"""Do a written agenda's times add up? The findings of SPEC §4.

Pure: a :class:`~aarshjul.written.reader.WrittenAgenda` in, located problems out.
Every finding names its line (for .docx: the paragraph) and, where it has
one, its item.
"""

from __future__ import annotations

from aarshjul.agenda.items import AgendaItem, unplanned
from aarshjul.errors import Problem, Severity
from aarshjul.messages import Message, _
from aarshjul.written.lines import normalized_title
from aarshjul.written.reader import WrittenAgenda
from aarshjul.written.times import Stated


def _span(item: AgendaItem) -> str:
    assert item.start is not None
    assert item.end is not None
    return f"{item.start.dotted()}–{item.end.dotted()}"


class _Findings:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, line: int | None, code: str, message: Message, *, item: int | None = None,
            severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(severity, code, message, self.source, line, None, item))


def check_written(written: WrittenAgenda, *, source: str) -> tuple[Problem, ...]:
    """Every finding in a written agenda, reading problems first, in line order."""
    findings = _Findings(source)
    items = written.agenda.items
    if not items and written.says_empty:
        findings.add(1, "no-items", _("the agenda says it has no items yet"),
                     severity=Severity.INFO)
    elif not items:
        findings.add(1, "no-items", _(
            "found no agenda items: expected numbered headings like "
            '"1. Godkendelse af dagsorden" or "Punkt 1: Dagsorden (5 min)"'))
    _numbering(findings, items)
    for item, stated in zip(items, written.stated, strict=True):
        _duration(findings, item, stated)
    _sequence(findings, items, written.stated)
    _meeting(findings, written)
    _short_list(findings, written)
    problems = [*written.problems, *findings.problems]
    return tuple(sorted(problems, key=lambda p: p.line or 0))


def _numbering(findings: _Findings, items: tuple[AgendaItem, ...]) -> None:
    """Numbers run 1, 2, 3 …: one finding for each place they do not."""
    numbers = {item.number for item in items}
    seen: set[int] = set()
    highest = 0
    stand_in = False  # a repeated number stood where the next one belonged
    for index, item in enumerate(items):
        number = item.number
        why: Message | None = None
        if index == 0 and number != 1:
            why = _("the first item is numbered {number}, not 1", number=number)
        elif number in seen:
            why = _("item number {number} is used twice", number=number)
            stand_in = number == highest
        elif number < highest:
            why = _("item {number} comes after item {highest}", number=number, highest=highest)
        elif number > highest + 1 and index:
            missing = [n for n in range(highest + 1, number) if n not in numbers]
            # After "3, 3" the "5" is where it should be: the second 3 was 4.
            if missing and not (stand_in and number == highest + 2):
                why = _("the numbers skip from {highest} to {number} (no item {missing})",
                        highest=highest, number=number, missing=", ".join(map(str, missing)))
        if number not in seen:
            stand_in = stand_in and number == highest + 2
        if why:
            findings.add(item.line, "numbering", why, item=number)
        seen.add(number)
        highest = max(highest, number)


def _duration(findings: _Findings, item: AgendaItem, stated: Stated) -> None:
    if stated.reversed_span is not None and stated.minutes is not None:
        start, end = stated.reversed_span
        findings.add(stated.time_line, "duration-mismatch", _(
            "item {number}: {start}–{end} ends before it starts, but it says {minutes} minutes",
            number=item.number, start=start.dotted(), end=end.dotted(),
            minutes=stated.minutes), item=item.number)
        return
    if stated.start is None or stated.end is None or stated.minutes is None:
        return
    actual = stated.start.until(stated.end)
    if actual != stated.minutes:
        findings.add(stated.time_line, "duration-mismatch", _(
            "item {number}: {start}–{end} is {actual} minutes, but it says {minutes}",
            number=item.number, start=stated.start.dotted(), end=stated.end.dotted(),
            actual=actual, minutes=stated.minutes), item=item.number)


def _sequence(findings: _Findings, items: tuple[AgendaItem, ...],
              stated: tuple[Stated, ...]) -> None:
    """Each timed item starts where the items before it end. An item with
    minutes but no time uses its minutes between; one whose time could not be
    read leaves the clock unknown (its bad time is reported already)."""
    clock = None  # when the items so far end
    last: AgendaItem | None = None
    for item, said in zip(items, stated, strict=True):
        if item.timed:
            assert item.start is not None
            assert item.end is not None
            if clock is not None and last is not None:
                if item.start < clock:
                    findings.add(said.time_line, "overlap", _(
                        "item {number} ({span}) starts before item {last} ends ({end})",
                        number=item.number, span=_span(item), last=last.number,
                        end=clock.dotted()), item=item.number)
                elif item.start > clock:
                    findings.add(said.time_line, "gap", _(
                        "{minutes} minutes between item {last} (ends {end}) and item {number} "
                        "(starts {start}) that nobody planned",
                        minutes=clock.until(item.start), last=last.number, end=clock.dotted(),
                        number=item.number, start=item.start.dotted()),
                        item=item.number, severity=Severity.WARNING)
            clock, last = item.end, item
        elif said.time_line is not None:
            clock = None  # a time that is no time: where this item ends is unknown
        elif clock is not None and item.minutes:
            clock, last = clock.plus(item.minutes) if clock.minutes + item.minutes < 1440 \
                else None, item


def _meeting(findings: _Findings, written: WrittenAgenda) -> None:
    agenda = written.agenda
    if agenda.start is None or agenda.end is None or agenda.minutes is None:
        return
    meeting = f"{agenda.start.dotted()}–{agenda.end.dotted()}"
    for item, stated in zip(agenda.items, written.stated, strict=True):
        if item.start is not None and item.start < agenda.start:
            findings.add(stated.time_line, "outside-meeting", _(
                "item {number} starts at {start}, before the meeting ({meeting})",
                number=item.number, start=item.start.dotted(), meeting=meeting),
                item=item.number)
        elif item.end is not None and item.end > agenda.end:
            findings.add(stated.time_line, "outside-meeting", _(
                "item {number} ends at {end}, after the meeting ({meeting})",
                number=item.number, end=item.end.dotted(), meeting=meeting),
                item=item.number)
    planned = agenda.planned_minutes
    line = written.meeting_line
    if planned > agenda.minutes:
        findings.add(line, "over-time", _(
            "the items need {planned} minutes, the meeting has {minutes} ({meeting}): "
            "{over} minutes over", planned=planned, minutes=agenda.minutes, meeting=meeting,
            over=planned - agenda.minutes))
    elif planned < agenda.minutes and agenda.items:
        findings.add(line, "slack", unplanned(agenda.minutes - planned, agenda.minutes, meeting),
                     severity=Severity.INFO)


def _short_list(findings: _Findings, written: WrittenAgenda) -> None:
    if not written.short_list:
        return
    brief = {number: (title, line) for number, title, line in reversed(written.short_list)}
    items = {item.number: item for item in reversed(written.agenda.items)}
    for number, item in sorted(items.items()):
        if number not in brief:
            findings.add(item.line, "title-mismatch", _(
                'item {number} ("{title}") is not in the short list', number=number,
                title=item.title), item=number, severity=Severity.WARNING)
        elif normalized_title(brief[number][0]) != normalized_title(item.title):
            findings.add(item.line, "title-mismatch", _(
                'item {number} is "{title}" here but "{listed}" in the short list '
                "(line {line})", number=number, title=item.title, listed=brief[number][0],
                line=brief[number][1]), item=number, severity=Severity.WARNING)
    for number, (title, line) in sorted(brief.items()):
        if number not in items:
            findings.add(line, "title-mismatch", _(
                'the short list has {number}. "{title}", but the agenda has no item {number}',
                number=number, title=title), item=number, severity=Severity.WARNING)
