"""``aarshjul check``: one report per file, for plans and written agendas.

A plan is checked as deeply as it can be: if it loads, its meetings are
scheduled and its agendas assembled, so one run reports every problem. A
written agenda is read and its times checked. Only what a file's kind needs
is imported: checking a written agenda never loads the plan machinery,
holidays or babel.
"""

from __future__ import annotations

import datetime as dt
import os
from typing import Literal

import attrs

from aarshjul.agenda.items import (
    AgendaItem,
    item_record,
    unplanned_in_meetings,
)
from aarshjul.errors import AarshjulError, Problem, Severity, SourceError, has_errors
from aarshjul.files import read_text
from aarshjul.messages import Message, _, lead_of, led
from aarshjul.vocabulary import Language, counted, words
from aarshjul.written.check import check_written
from aarshjul.written.reader import AGENDA_SUFFIXES, read_agenda, read_agenda_lines, split_lines

__all__ = ["Report", "check_agenda_text", "check_path", "check_plan_text"]

PLAN_SUFFIXES = (".toml",)
CHECKABLE = PLAN_SUFFIXES + AGENDA_SUFFIXES
"""The file kinds ``check`` reads, by suffix."""


@attrs.frozen
class Report:
    """What ``check`` found in one file; ``items`` are a written agenda's."""

    file: str
    kind: Literal["plan", "agenda"]
    problems: tuple[Problem, ...]
    items: tuple[AgendaItem, ...] = ()
    language: Language | None = None
    """The file's language, where it says one: a plan's ``language``, a
    written agenda's labels."""

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    def count(self, severity: Severity) -> int:
        return sum(1 for p in self.problems if p.severity is severity)


def check_plan_text(text: str, *, source: str = "<string>") -> Report:
    """Every problem of a plan given as text: its format, then its meetings
    and agendas."""
    # The plan's machinery (holidays, rules) is imported here, where a plan is
    # checked: checking a written agenda never loads it.
    from aarshjul.agenda.assembly import assemble
    from aarshjul.plan.reader import language_of, read_model
    from aarshjul.scheduling.meetings import schedule

    # With errors, the plan as read still tells the language to say them in.
    plan, problems = read_model(text, source=source)
    language = language_of(plan, text)
    if has_errors(problems):
        plan = None
    if plan is not None:
        # Dates in item texts ("{previous}") do not change what is wrong with
        # a plan; ISO dates spare the check from loading babel.
        problems += assemble(plan, schedule(plan), date_words=dt.date.isoformat).problems
    return Report(source, "plan", _in_order(problems), language=language)


def check_agenda_text(text: str, *, source: str = "<string>") -> Report:
    """Every finding in a written agenda given as text."""
    written = read_agenda_lines(split_lines(text), source=source)
    return Report(source, "agenda", check_written(written, source=source),
                  written.agenda.items, written.language)


def check_path(path: str | os.PathLike[str]) -> Report:
    """Check one file by its suffix: a plan (``.toml``) or a written agenda
    (``.txt``, ``.md``, ``.docx``).

    A file that cannot be read gives a report with that one problem; a file
    of a kind aarshjul cannot check raises :class:`AarshjulError`.
    """
    name = os.fspath(path)
    suffix = os.path.splitext(name)[1].lower()  # noqa: PTH122 - str in, str out
    if suffix not in CHECKABLE:
        raise AarshjulError.single(
            "unknown-kind", _("cannot check this kind of file (give {kinds})",
                              kinds=", ".join(CHECKABLE)), file=name)
    if suffix in PLAN_SUFFIXES:
        try:
            text = read_text(name)
        except SourceError as error:
            return Report(name, "plan", error.problems)
        return check_plan_text(text, source=name)
    try:
        written = read_agenda(name)
    except AarshjulError as error:
        return Report(name, "agenda", error.problems)
    return Report(name, "agenda", check_written(written, source=name), written.agenda.items,
                  written.language)


def _in_order(problems: tuple[Problem, ...]) -> tuple[Problem, ...]:
    """By line, so a planner can work down the file; stable otherwise."""
    return tuple(sorted(problems, key=lambda p: p.line or 0))


def shown(problems: tuple[Problem, ...], level: Severity | None = None) -> tuple[Problem, ...]:
    """The findings ``check`` prints: those at ``level`` or above, and with
    no level all of them, but the ``slack`` of a table's meetings (a series
    gives dozens) and the dates a table leaves out (``left-out``: a weekly
    series loses a dozen to holidays and the summer) each as one finding at
    the table's line.

    The report keeps every problem; this is how the command line shows
    them, made from them.
    """
    if level is not None:
        return tuple(p for p in problems if _RANK[p.severity] <= _RANK[level])
    groups: dict[tuple[str, str | None, int | None, str], list[Problem]] = {}
    for problem in problems:
        if problem.code in _SUMMED and problem.key:
            groups.setdefault(_group_of(problem), []).append(problem)
    kept: list[Problem] = []
    for problem in problems:
        group = groups.get(_group_of(problem), [problem])
        if len(group) == 1:
            kept.append(problem)
        elif problem is group[0]:
            kept.append(_SUMMED[problem.code](group))
    return tuple(kept)


def _group_of(problem: Problem) -> tuple[str, str | None, int | None, str]:
    return problem.code, problem.file, problem.line, problem.key or ""


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def _slack_of_many(group: list[Problem]) -> Problem:
    """One line for a table's meetings with time to spare: how many, and
    how much (each finding's ``{left}`` minutes)."""
    minutes = [m for m in (p.said.found("left", int) for p in group) if m is not None]
    return _summed(group, unplanned_in_meetings(len(group), min(minutes, default=0),
                                                max(minutes, default=0)))


def _left_out_of_many(group: list[Problem]) -> Problem:
    """One line for a table's dates left out, naming the first of them."""
    days = [str(problem.said.found("day", dt.date)) for problem in group]
    named = ", ".join(days[:_NAMED_LEFT_OUT])
    more = len(days) - _NAMED_LEFT_OUT
    return _summed(group, _(
        "{count} dates are left out on holidays or in closed periods: {days} and {more} "
        "more (--level info lists each and why)", count=len(days), days=named, more=more)
        if more > 0 else _(
        "{count} dates are left out on holidays or in closed periods: {days} "
        "(--level info lists each and why)", count=len(days), days=named))


def _summed(group: list[Problem], said: Message) -> Problem:
    """The group's first finding, saying ``said`` after the label that leads
    every finding of a table (model.Where.problem)."""
    first = group[0]
    return attrs.evolve(first, said=led(lead_of(first.said), said))


_NAMED_LEFT_OUT = 5  # dates named on the one line; the rest are counted
_SUMMED = {"slack": _slack_of_many, "left-out": _left_out_of_many}


def reports_as_text(reports: list[Report], level: Severity | None = None,
                    languages: list[Language] | None = None) -> str:
    """One line a finding (see :func:`shown`), then a summary line that
    counts every finding, shown or not. Each file's findings are said in its
    language of ``languages`` (by default the language the file says, else
    English), the summary in the first file's."""
    said_in = languages or [report.language or Language.EN for report in reports]
    lines = [problem.format(language) for report, language in zip(reports, said_in, strict=True)
             for problem in shown(report.problems, level)]
    counts = {s: sum(r.count(s) for r in reports) for s in Severity}
    errors = counts[Severity.ERROR]
    said = words(said_in[0] if said_in else Language.EN)
    lines.append(said.checked.format(
        verdict=said.ok if errors == 0 else said.failed,
        files=counted(len(reports), said.one_file, said.many_files),
        errors=counted(errors, said.one_error, said.many_errors),
        warnings=counted(counts[Severity.WARNING], said.one_warning, said.many_warnings),
        info=counts[Severity.INFO]))
    return "\n".join(lines)


def report_record(report: Report, level: Severity | None = None,
                  language: Language | None = None) -> dict[str, object]:
    """One file's report as the JSON of ``aarshjul check --format json``:
    every finding, or those at ``level`` and above, each message in
    ``language`` (by default the language the file says, else English)."""
    problems = report.problems if level is None else shown(report.problems, level)
    said_in = language or report.language or Language.EN
    return {
        "file": report.file,
        "kind": report.kind,
        "ok": report.ok,
        "problems": [
            {"severity": p.severity.value, "code": p.code, "line": p.line, "item": p.item,
             "key": p.key, "message": p.said.text_in(said_in)}
            for p in problems
        ],
        "items": [item_record(item) for item in report.items],
    }
