"""Do a written agenda's times add up? The findings of SPEC §4.

Pure: a :class:`~aarshjul.written.WrittenAgenda` in, located problems out.
Every finding names its line (for .docx: the paragraph) and, where it has
one, its item.
"""

from __future__ import annotations

import itertools

from aarshjul.agenda_items import AgendaItem
from aarshjul.errors import Problem, Severity
from aarshjul.written import Stated, WrittenAgenda, normalized_title


def _span(item: AgendaItem) -> str:
    assert item.start is not None
    assert item.end is not None
    return f"{item.start.dotted()}–{item.end.dotted()}"


class _Findings:
    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[Problem] = []

    def add(self, line: int | None, code: str, message: str, *, item: int | None = None,
            severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(severity, code, message, self.source, line, None, item))


def check_written(written: WrittenAgenda, *, source: str) -> tuple[Problem, ...]:
    """Every finding in a written agenda, reading problems first, in line order."""
    findings = _Findings(source)
    items = written.agenda.items
    if not items:
        findings.add(1, "no-items", "found no agenda items: expected numbered headings like "
                     '"1. Godkendelse af dagsorden" or "Punkt 1: Dagsorden (5 min)"')
    _numbering(findings, items)
    for item, stated in zip(items, written.stated, strict=True):
        _duration(findings, item, stated)
    _sequence(findings, items, written.stated)
    _meeting(findings, written)
    _short_list(findings, written)
    problems = [*written.problems, *findings.problems]
    return tuple(sorted(problems, key=lambda p: p.line or 0))


def _numbering(findings: _Findings, items: tuple[AgendaItem, ...]) -> None:
    expected = 1
    for index, item in enumerate(items):
        if item.number != expected:
            previous = items[index - 1].number if index else None
            if previous is None:
                why = f"the first item is numbered {item.number}, not 1"
            elif item.number == previous:
                why = f"item number {item.number} is used twice"
            elif item.number < previous:
                why = f"the numbers run backwards, from {previous} to {item.number}"
            else:
                missing = ", ".join(str(n) for n in range(expected, item.number))
                why = f"the numbers skip from {previous} to {item.number} (no item {missing})"
            findings.add(item.line, "numbering", why, item=item.number)
        expected = item.number + 1


def _duration(findings: _Findings, item: AgendaItem, stated: Stated) -> None:
    if stated.start is None or stated.end is None or stated.minutes is None:
        return
    actual = stated.start.until(stated.end)
    if actual != stated.minutes:
        findings.add(stated.time_line, "duration-mismatch",
                     f"item {item.number}: {stated.start.dotted()}–{stated.end.dotted()} is "
                     f"{actual} minutes, but it says {stated.minutes}", item=item.number)


def _sequence(findings: _Findings, items: tuple[AgendaItem, ...],
              stated: tuple[Stated, ...]) -> None:
    """Each timed item starts where the one before it ends."""
    timed = [(item, s) for item, s in zip(items, stated, strict=True) if item.timed]
    for (before, _), (after, after_stated) in itertools.pairwise(timed):
        assert before.end is not None
        assert after.start is not None
        if after.start < before.end:
            findings.add(after_stated.time_line, "overlap",
                         f"item {after.number} ({_span(after)}) starts before item "
                         f"{before.number} ({_span(before)}) ends", item=after.number)
        elif after.start > before.end:
            findings.add(after_stated.time_line, "gap",
                         f"{before.end.until(after.start)} minutes between item {before.number}"
                         f" (ends {before.end.dotted()}) and item {after.number} (starts "
                         f"{after.start.dotted()}) that nobody planned", item=after.number,
                         severity=Severity.WARNING)


def _meeting(findings: _Findings, written: WrittenAgenda) -> None:
    agenda = written.agenda
    if agenda.start is None or agenda.end is None or agenda.minutes is None:
        return
    meeting = f"{agenda.start.dotted()}–{agenda.end.dotted()}"
    for item, stated in zip(agenda.items, written.stated, strict=True):
        if item.start is not None and item.start < agenda.start:
            findings.add(stated.time_line, "outside-meeting",
                         f"item {item.number} starts at {item.start.dotted()}, before the "
                         f"meeting ({meeting})", item=item.number)
        elif item.end is not None and item.end > agenda.end:
            findings.add(stated.time_line, "outside-meeting",
                         f"item {item.number} ends at {item.end.dotted()}, after the meeting "
                         f"({meeting})", item=item.number)
    planned = agenda.planned_minutes
    line = written.meeting_line
    if planned > agenda.minutes:
        findings.add(line, "over-time", f"the items need {planned} minutes, the meeting has "
                     f"{agenda.minutes} ({meeting}): {planned - agenda.minutes} minutes over")
    elif planned < agenda.minutes and agenda.items:
        findings.add(line, "slack", f"{agenda.minutes - planned} of the meeting's "
                     f"{agenda.minutes} minutes ({meeting}) are not planned",
                     severity=Severity.INFO)


def _short_list(findings: _Findings, written: WrittenAgenda) -> None:
    if not written.short_list:
        return
    brief = {number: (title, line) for number, title, line in reversed(written.short_list)}
    items = {item.number: item for item in reversed(written.agenda.items)}
    for number, item in sorted(items.items()):
        if number not in brief:
            findings.add(item.line, "title-mismatch", f'item {number} ("{item.title}") is not '
                         "in the short list", item=number, severity=Severity.WARNING)
        elif normalized_title(brief[number][0]) != normalized_title(item.title):
            findings.add(item.line, "title-mismatch", f'item {number} is "{item.title}" here '
                         f'but "{brief[number][0]}" in the short list (line {brief[number][1]})',
                         item=number, severity=Severity.WARNING)
    for number, (title, line) in sorted(brief.items()):
        if number not in items:
            findings.add(line, "title-mismatch", f'the short list has {number}. "{title}", '
                         f"but the agenda has no item {number}", item=number,
                         severity=Severity.WARNING)
