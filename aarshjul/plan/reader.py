"""Plan files: TOML text -> raw mapping -> the model -> validated :class:`~aarshjul.model.Plan`.

Reading happens in stages, as in a compiler: ``tomllib`` turns the text
into plain mappings with no meaning; the header (:mod:`aarshjul.plan.header`)
and each kind of table (:mod:`aarshjul.plan.table_kinds`) check the form of
their values and build the model; then one pass over the model
(:mod:`aarshjul.plan.validate`) checks every rule that a plan built in code
must meet as well: how the values relate, and what ids, colours, the time
zone and the holidays must be. Every problem
found is reported, not the first, each with the line of the key that is
wrong (``toml_positions`` finds lines, which tomllib does not give).
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Callable
from typing import Any, TypeVar

import attrs

from aarshjul.errors import PlanError, Problem, Severity, has_errors
from aarshjul.files import read_text
from aarshjul.messages import _, verbatim
from aarshjul.model import Plan
from aarshjul.plan.case_tables import on_routes, read_case, read_route
from aarshjul.plan.header import read_header
from aarshjul.plan.table_kinds import (
    read_body,
    read_closed,
    read_meeting,
    read_series,
    read_template,
    read_theme,
)
from aarshjul.plan.tables import Reader, Table
from aarshjul.plan.toml_positions import KeyPath
from aarshjul.plan.validate import validate
from aarshjul.vocabulary import Language

__all__ = ["load_plan", "parse_plan", "read_plan"]

_SYNTAX_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_AT_END = " (at end of document)"

TABLES = ("plan", "closed", "body", "series", "meeting", "template", "theme", "case",
          "route")


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read and validate a plan file.

    Raises :class:`SourceError` if the file cannot be read and
    :class:`PlanError` (with every problem) if the plan is not valid.
    """
    name = os.fspath(path)
    return parse_plan(read_text(name), source=name)


def parse_plan(text: str, *, source: str = "<string>") -> Plan:
    """Validate a plan given as TOML text; ``source`` names it in messages."""
    plan, problems = read_model(text, source=source)
    if plan is None or has_errors(problems):
        error = PlanError([p for p in problems if p.is_error])
        # The problems are said in the plan's language (aarshjul.messages.spoken).
        error.language = language_of(plan, text)
        raise error
    return plan


def read_plan(text: str, *, source: str) -> tuple[Plan | None, tuple[Problem, ...]]:
    """The plan (None when it has errors) and every problem found in it, by line."""
    plan, problems = read_model(text, source=source)
    return (None if has_errors(problems) else plan), problems


def language_of(plan: Plan | None, text: str) -> Language:
    """The language a plan is written in: the model's, or, for text that is
    no TOML, its ``language = "…"`` line (Danish, as the model's default, where
    it has none)."""
    if plan is not None:
        return plan.language
    found = _LANGUAGE_LINE.search(text)
    return Language(found[1]) if found else Language.DA


_LANGUAGE_LINE = re.compile(r'(?m)^\s*language\s*=\s*["\'](da|en)["\']')


def read_model(text: str, *, source: str) -> tuple[Plan | None, tuple[Problem, ...]]:
    """The plan as read, even with errors (then with stand-ins for the values
    it could not read: what its language is, for one), and every problem
    found in it, by line; no plan for text that is no TOML."""
    try:
        raw = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        return None, (_syntax_problem(error, text, source),)
    except RecursionError:  # tomllib recurses into nested arrays and tables
        return None, (Problem(Severity.ERROR, "toml-syntax", _("TOML nests arrays or tables "
                                                               "too deeply to read"), source, 1),)
    except ValueError:  # a number of more digits than Python reads (4,300)
        return None, (Problem(Severity.ERROR, "toml-syntax", _(
            "a number is too long to read (more than 4,300 digits)"), source, 1),)
    reader = Reader(source, text)
    plan = _build_plan(reader, raw)
    problems = tuple(sorted((*reader.problems, *validate(plan)), key=lambda p: p.line or 0))
    return plan, problems


def _syntax_problem(error: tomllib.TOMLDecodeError, text: str, source: str) -> Problem:
    message = str(error)  # tomllib's words, in English
    match = _SYNTAX_LINE.search(message)
    if match is not None:
        line = int(match[1])
        said = _("TOML syntax: {reason} (column {column})",
                 reason=verbatim(message[: match.start()].rstrip()), column=match[2])
    else:  # "(at end of document)"
        line = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
        reason, at_end = message.removesuffix(_AT_END), message.endswith(_AT_END)
        said = (_("TOML syntax: {reason} (at the end of the file)", reason=verbatim(reason))
                if at_end else _("TOML syntax: {reason}", reason=verbatim(reason)))
    return Problem(Severity.ERROR, "toml-syntax", said, source, line)


T = TypeVar("T")


def _build_plan(reader: Reader, raw: dict[str, Any]) -> Plan:
    """The model of whatever the raw plan holds, its form checked; its
    values stand in where they could not be read (then it has errors)."""
    top = Table(reader, raw, (), "", TABLES)

    def each(kind: str, read: Callable[[Reader, dict[str, Any], KeyPath], T]) -> tuple[T, ...]:
        return tuple(read(reader, table, path) for table, path in top.tables(kind))

    header = read_header(reader, raw)
    routes = each("route", read_route)
    # A case whose body is a list is one case for each body.
    cases = tuple(case for cases in each("case", read_case) for case in cases)
    return attrs.evolve(header, closed=each("closed", read_closed),
                        bodies=each("body", read_body),
                        templates=each("template", read_template),
                        themes=each("theme", read_theme),
                        series=each("series", read_series),
                        meetings=each("meeting", read_meeting),
                        cases=on_routes(cases, routes), routes=routes)
