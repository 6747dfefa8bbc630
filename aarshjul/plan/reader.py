"""Plan files: TOML text -> raw mapping -> validated :class:`~aarshjul.model.Plan`.

Reading happens in two stages, as in a compiler: ``tomllib`` turns the text
into plain mappings with no meaning, then this module checks every table
against the plan format (SPEC §3) and builds the frozen model. It reports
every problem it finds, not the first, each with the line of the key that
is wrong (``toml_positions`` finds lines, which tomllib does not give).
"""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
import tomllib
import unicodedata
from collections.abc import Callable
from typing import Any, TypeVar, cast

import attrs

from aarshjul.clock import ClockTime, Minutes
from aarshjul.errors import PlanError, Problem, Severity, has_errors
from aarshjul.files import read_text
from aarshjul.model import (
    Body,
    Case,
    Closed,
    Item,
    MeetingChange,
    OnHoliday,
    Placement,
    Plan,
    Recurrence,
    Series,
    Status,
    Template,
    Theme,
)
from aarshjul.plan.tables import Reader, Table
from aarshjul.plan.toml_positions import KeyPath, line_of
from aarshjul.recurrence.rule import Rule, RuleError
from aarshjul.vocabulary import Language

__all__ = ["load_plan", "parse_plan", "read_plan"]

_SYNTAX_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")
_LONGEST_PLAN_YEARS = 50

_TABLES = ("plan", "closed", "body", "series", "meeting", "template", "theme", "case")
_PLAN_KEYS = ("title", "start", "end", "timezone", "language", "holidays",
              "holiday_categories", "id")
_CLOSED_KEYS = ("name", "from", "to", "weeks", "bodies")
RESERVED_BODY_IDS = {"all": "all meetings", "deadlines": "the agenda deadlines"}
_BODY_KEYS = ("id", "name", "kind", "location", "color", "agenda_deadline")
_SERIES_KEYS = ("id", "body", "rule", "every", "dates", "except", "from", "to", "start",
                "end", "minutes", "title", "template", "location", "on_holiday")
_ITEM_KEYS = ("title", "minutes", "method", "responsible", "purpose", "attachments", "at",
              "time")
_MEETING_KEYS = ("body", "date", "start", "end", "minutes", "title", "location", "template",
                 "status", "moved_to", "note", "item")
_TEMPLATE_KEYS = ("id", "item")
_THEME_KEYS = ("id", "name", "color", "from", "to", "months")
_CASE_KEYS = ("title", "body", "date", "window", "month", "minutes", "method", "responsible",
              "purpose", "attachments", "theme")


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Read and validate a plan file.

    Raises :class:`SourceError` if the file cannot be read and
    :class:`PlanError` (with every problem) if the plan is not valid.
    """
    name = os.fspath(path)
    return parse_plan(read_text(name), source=name)


def parse_plan(text: str, *, source: str = "<string>") -> Plan:
    """Validate a plan given as TOML text; ``source`` names it in messages."""
    plan, problems = read_plan(text, source=source)
    if plan is None or has_errors(problems):
        raise PlanError([p for p in problems if p.is_error])
    return plan


def read_plan(text: str, *, source: str) -> tuple[Plan | None, tuple[Problem, ...]]:
    """The plan (None when it has errors) and every problem found in it."""
    try:
        raw = tomllib.loads(text.removeprefix("\ufeff"))
    except tomllib.TOMLDecodeError as error:
        return None, (_syntax_problem(error, text, source),)
    except RecursionError:  # tomllib recurses into nested arrays and tables
        return None, (Problem(Severity.ERROR, "toml-syntax", "TOML nests arrays or tables "
                              "too deeply to read", source, 1),)
    reader = Reader(source, text)
    plan = _build_plan(reader, raw)
    problems = tuple(sorted(reader.problems, key=lambda p: p.line or 0))
    return (None if has_errors(problems) else plan), problems


def _syntax_problem(error: tomllib.TOMLDecodeError, text: str, source: str) -> Problem:
    message = str(error)
    match = _SYNTAX_LINE.search(message)
    if match is not None:
        line = int(match[1])
        message = f"{message[: match.start()].rstrip()} (column {match[2]})"
    else:  # "(at end of document)"
        line = max(text.count("\n") + (0 if text.endswith("\n") else 1), 1)
        message = message.replace(" (at end of document)", " (at the end of the file)")
    return Problem(Severity.ERROR, "toml-syntax", f"TOML syntax: {message}", source, line)


def slug(text: str) -> str:
    """A plan id from a title: lower case ASCII, words joined by ``-``.

    >>> slug("Årshjul for Sociale Forhold og Beskæftigelse 2025")
    'aarshjul-for-sociale-forhold-og-beskaeftigelse-2025'
    """
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "plan"


T = TypeVar("T")


def _each(top: Table, kind: str, read: Callable[[dict[str, Any], KeyPath], T | None]
          ) -> tuple[T, ...]:
    """Every ``[[kind]]`` table that reads without errors."""
    return tuple(thing for raw, path in top.tables(kind) if (thing := read(raw, path)))


def _build_plan(reader: Reader, raw: dict[str, Any]) -> Plan | None:
    top = Table(reader, raw, (), "", _TABLES)
    header = raw.get("plan")
    info: _Header | None = None
    if header is None:
        reader.report("missing-key", ("plan",), "[plan] is required: it gives at least "
                      "title, start and end")
    elif not isinstance(header, dict):
        reader.report("bad-type", ("plan",), "plan must be a [plan] table")
    else:
        info = _read_header(Table(reader, header, ("plan",), "[plan]", _PLAN_KEYS))
    for kind in ("body", "template", "theme", "series"):
        _check_unique(reader, top, kind)
    refs = _References(reader, *(_raw_ids(top, kind) for kind in ("body", "template", "theme")))
    closed = _each(top, "closed", lambda raw, path: _read_closed(reader, raw, path, refs))
    bodies = _each(top, "body", lambda raw, path: _read_body(reader, raw, path))
    templates = _each(top, "template", lambda raw, path: _read_template(reader, raw, path))
    themes = _each(top, "theme", lambda raw, path: _read_theme(reader, raw, path))
    series = _each(top, "series", lambda raw, path: _read_series(reader, raw, path, refs))
    changes = _each(top, "meeting", lambda raw, path: _read_meeting(reader, raw, path, refs))
    cases = _each(top, "case", lambda raw, path: _read_case(reader, raw, path, refs))
    if info is None:
        return None
    title, plan_id, start, end, extra = info
    return Plan(title=title, id=plan_id, start=start, end=end, closed=closed, bodies=bodies,
                series=series, meetings=changes, templates=templates, themes=themes,
                cases=cases,
                source=reader.source, **extra)


_Header = tuple[str, str, dt.date, dt.date, dict[str, Any]]


def _read_header(table: Table) -> _Header | None:
    title = table.text("title", required=True, what="the name of the årshjul")
    start = table.date("start", required=True)
    end = table.date("end", required=True)
    if start and end and end < start:
        table.error("end", "end-before-start", f"the plan ends ({end}) before it starts "
                    f"({start})")
    elif start and end and end.year - start.year >= _LONGEST_PLAN_YEARS:
        table.error("end", "bad-value", f"the plan spans {end.year - start.year} years; "
                    f"at most {_LONGEST_PLAN_YEARS} are allowed")
    plan_id = table.ident("id", required=False)
    language = table.choice("language", Language, Language.DA)
    timezone = _timezone(table)
    country, categories = _holidays(table)
    if None in (title, start, end, language, timezone, country, categories) or has_errors(
            [p for p in table.reader.problems if p.key and p.key.startswith("plan")]):
        return None
    assert title is not None
    assert start is not None
    assert end is not None
    extra = {"timezone": timezone, "language": language, "holidays": country,
             "holiday_categories": categories}
    return title, plan_id or slug(title), start, end, extra


def _timezone(table: Table) -> str | None:
    name = table.text("timezone")
    if name is None:
        return None if table.has("timezone") else "Europe/Copenhagen"
    import zoneinfo  # noqa: PLC0415 - only needed here

    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        close = difflib.get_close_matches(name, sorted(zoneinfo.available_timezones()), n=1)
        hint = f'; did you mean "{close[0]}"?' if close else ""
        table.error("timezone", "unknown-timezone", f'"{name}" is not an IANA time zone '
                    f'like "Europe/Copenhagen"{hint}')
        return None
    return name


def _holidays(table: Table) -> tuple[str | None, tuple[str, ...] | None]:
    country = table.text("holidays")
    if country is None:
        country = None if table.has("holidays") else "DK"
    categories = table.strings("holiday_categories", example='["public", "optional"]')
    if categories == () and table.has("holiday_categories"):
        table.error("holiday_categories", "bad-value", 'the list is empty; for no holidays '
                    'at all, write holidays = ""')
        categories = None
    elif categories == ():
        categories = ("public",)
    if not country or categories is None:
        return country, categories
    import holidays  # noqa: PLC0415 - slow to import; only plans need it

    code = country.upper()
    try:
        entity = holidays.country_holidays(code)
    except NotImplementedError:
        # Listing the countries imports every country's module: only on error.
        close = difflib.get_close_matches(code, sorted(holidays.list_supported_countries()), n=1)
        hint = f'; did you mean "{close[0]}"?' if close else ""
        table.error("holidays", "unknown-country", f'"{country}" is not a country code the '
                    f'holidays package knows (like "DK"){hint}')
        return None, categories
    known = entity.supported_categories
    wrong = [c for c in categories if c not in known]
    if wrong:
        table.error("holiday_categories", "bad-value", f"{', '.join(map(repr, wrong))} "
                    f"is not a holiday category of {code} ({', '.join(map(repr, known))})")
        return code, None
    return code, tuple(dict.fromkeys(categories))


def _label(kind: str, path: KeyPath, detail: object = None) -> str:
    """``[[series]] #2 (body "sbu")``: a table as a planner finds it in the file."""
    number = path[-1] + 1 if isinstance(path[-1], int) else 1
    return f"[[{kind}]] #{number}" + (f" ({detail})" if detail else "")


def _named(kind: str, raw: dict[str, Any], path: KeyPath) -> str:
    """``[[body]] "sbu"``: a table with an id is known by it."""
    ident = raw.get("id")
    return f'[[{kind}]] "{ident}"' if isinstance(ident, str) else _label(kind, path)


def _quoted(value: object) -> str | None:
    return f'"{_short(value)}"' if isinstance(value, str) else None


def _period(table: Table, *, required: bool) -> tuple[dt.date | None, dt.date | None, bool]:
    """``from`` and ``to``: both or neither, in order; and whether they are fine."""
    start, end = table.date("from"), table.date("to")
    if table.has("from") != table.has("to"):
        table.error(None, "missing-key", 'give both "from" and "to"')
        return None, None, False
    if required and not table.has("from"):
        return None, None, True
    if start and end and end < start:
        table.error("to", "end-before-start", f"{end} is before from = {start}")
        return None, None, False
    return start, end, not table.failed("from", "to")


def _read_closed(reader: Reader, raw: dict[str, Any], path: KeyPath, refs: _References
                 ) -> Closed | None:
    table = Table(reader, raw, path, _label("closed", path, _quoted(raw.get("name"))),
                  _CLOSED_KEYS)
    name = table.text("name", required=True, what='e.g. "Vinterferie"')
    start, end, period_ok = _period(table, required=False)
    weeks = table.integers("weeks", low=1, high=53)
    if not table.has("from") and not table.has("to") and not table.has("weeks"):
        table.error(None, "missing-key", 'give "from" and "to" dates, or "weeks"')
        return None
    bodies = refs.check_all(table, "bodies", "body")
    if name is None or not period_ok or bodies is None or (
            table.has("weeks") and weeks is None):
        return None
    return Closed(name, start, end, frozenset(weeks or ()), frozenset(bodies), table.where)


def _raw_ids(top: Table, kind: str) -> set[str]:
    """Ids written for a kind, valid or not in other ways: a reference to a
    body whose colour is wrong is not also an unknown body."""
    return {raw["id"] for raw, _ in top.tables(kind) if isinstance(raw.get("id"), str)}


def _check_unique(reader: Reader, top: Table, kind: str) -> None:
    """Ids of one kind must be unique; checked on the raw tables, so a
    duplicate is found even when one of the two has other errors."""
    seen: dict[str, int | None] = {}
    for raw, path in top.tables(kind):
        ident = raw.get("id")
        if not isinstance(ident, str):
            continue
        line = line_of(reader.lines, (*path, "id"))
        if ident in seen:
            reader.report("duplicate-id", (*path, "id"), f'[[{kind}]] "{ident}": the id '
                          f'"{ident}" is used twice (first on line {seen[ident]})')
        else:
            seen[ident] = line


def _read_body(reader: Reader, raw: dict[str, Any], path: KeyPath) -> Body | None:
    table = Table(reader, raw, path, _named("body", raw, path), _BODY_KEYS)
    body_id = table.ident("id")
    if body_id in RESERVED_BODY_IDS:
        # A body's feed is feeds/<id>.ics, beside all.ics and deadlines.ics.
        table.error("id", "bad-value", f'"{body_id}" cannot be a body\'s id: its feed would '
                    f'overwrite {body_id}.ics, the feed of {RESERVED_BODY_IDS[body_id]}')
        body_id = None
    name = table.text("name", required=True, what='e.g. "Social- og Beskæftigelsesudvalget"')
    kind, location = table.text("kind"), table.text("location")
    color = table.color("color")
    deadline = table.integer("agenda_deadline", low=0, high=365)
    if body_id is None or name is None or table.failed("color", "agenda_deadline", "kind",
                                                  "location"):
        return None
    return Body(body_id, name, kind or "", location or "", color, deadline, table.where)


class _References:
    """Checks that ids named in the plan exist, with "did you mean"."""

    def __init__(self, reader: Reader, bodies: set[str], templates: set[str],
                 themes: set[str]) -> None:
        self.reader = reader
        self.known = {"body": bodies, "template": templates, "theme": themes}

    def check_all(self, table: Table, key: str, kind: str) -> tuple[str, ...] | None:
        """A list of ids, each of which must exist."""
        values = table.strings(key)
        if values is None:
            return None
        found = [self._known(table, key, kind, value) for value in values]
        return None if None in found else values

    def check(self, table: Table, key: str, kind: str, required: bool = False) -> str | None:
        value = table.ident(key, required=required)
        return None if value is None else self._known(table, key, kind, value)

    def _known(self, table: Table, key: str, kind: str, value: str) -> str | None:
        known = self.known[kind]
        if value not in known:
            close = difflib.get_close_matches(value, sorted(known), n=1)
            hint = f'; did you mean "{close[0]}"?' if close else (
                f" (the plan has {', '.join(sorted(known))})" if known else
                f" (the plan has no [[{kind}]])")
            table.error(key, "unknown-reference", f'no {kind} has id "{value}"{hint}')
            return None
        return value


def _times(table: Table, *, required: bool
           ) -> tuple[ClockTime | None, ClockTime | None, Minutes | None, bool]:
    """start, end, minutes, and whether they are consistent."""
    start, end, minutes = table.clock("start"), table.clock("end"), table.minutes()
    ok = not table.failed("start", "end", "minutes")
    if table.has("end") and table.has("minutes"):
        table.error("minutes", "conflicting-keys", 'give "end" or "minutes", not both')
        ok = False
    if required and not table.has("start"):
        table.error(None, "missing-key", '"start" is required (a clock time like "18:15")')
        ok = False
    if required and not (table.has("end") or table.has("minutes")):
        table.error(None, "missing-key", '"end" or "minutes" is required')
        ok = False
    if start is not None and end is not None and end <= start:
        table.error("end", "end-before-start", f"the meeting ends ({end}) before or when "
                    f"it starts ({start}); meetings end on the day they start")
        ok = False
    if minutes == 0:
        table.error("minutes", "bad-value", "a meeting lasts at least 1 minute")
        ok = False
    elif start is not None and minutes is not None and start.minutes + minutes >= 24 * 60:
        table.error("minutes", "bad-value", f"{start} + {minutes} minutes runs past "
                    "midnight; meetings end on the day they start")
        ok = False
    return start, end, minutes, ok


def _read_series(reader: Reader, raw: dict[str, Any], path: KeyPath, refs: _References
                 ) -> Series | None:
    body_name = _quoted(raw.get("body"))
    table = Table(reader, raw, path, _label("series", path, body_name and f"body {body_name}"),
                  _SERIES_KEYS)
    body = refs.check(table, "body", "body", required=True)
    recurrence = _recurrence(table)
    start_date, end_date = table.date("from"), table.date("to")
    if start_date and end_date and end_date < start_date:
        table.error("to", "end-before-start", f"{end_date} is before from = {start_date}")
        return None
    start, end, minutes, times_ok = _times(table, required=True)
    template = refs.check(table, "template", "template")
    on_holiday = table.choice("on_holiday", OnHoliday, OnHoliday.SKIP)
    title, location = table.text("title"), table.text("location")
    series_id = table.ident("id", required=False)
    if (body is None or recurrence is None or not times_ok or start is None
            or on_holiday is None or table.failed("id", "from", "to", "template", "title",
                                                  "location")):
        return None
    end = end or start.plus(minutes or 0)
    return Series(body, recurrence, start, end, start_date, end_date, title, template,
                  location, on_holiday, series_id, table.where)


def _recurrence(table: Table) -> Recurrence | None:
    """How a series recurs, and the days it leaves out (``except``)."""
    recurrence = _how(table)
    exceptions = table.dates("except")
    if recurrence is None or (table.has("except") and exceptions is None):
        return None
    return attrs.evolve(recurrence, exceptions=frozenset(exceptions or ()))


def _how(table: Table) -> Recurrence | None:
    from aarshjul.recurrence.phrases import PhraseError, phrase_to_rule  # noqa: PLC0415

    given = [key for key in ("rule", "every", "dates") if table.has(key)]
    if not given:
        table.error(None, "missing-key", 'say how the meetings recur: "rule", "every" or '
                    '"dates"')
        return None
    if len(given) > 1:
        table.error(given[1], "conflicting-keys", f'give one of "rule", "every" or "dates" '
                    f"(this series has {' and '.join(given)})")
        return None
    if given == ["dates"]:
        dates = table.dates("dates")
        if dates is None:
            return None
        if not dates:
            table.error("dates", "bad-value", "the list of dates is empty")
            return None
        duplicates = sorted({d for d in dates if dates.count(d) > 1})
        if duplicates:
            table.error("dates", "bad-value", "listed twice: "
                        + ", ".join(d.isoformat() for d in duplicates))
            return None
        return Recurrence(dates=tuple(sorted(dates)))
    key = given[0]
    text = table.text(key, required=True)
    if text is None:
        return None
    try:
        if key == "every":
            return Recurrence(rule=phrase_to_rule(text), phrase=text)
        return Recurrence(rule=Rule.parse(text))
    except PhraseError as error:
        table.error(key, "bad-phrase", str(error))
    except RuleError as error:
        table.error(key, "bad-rule", str(error))
    return None


def _read_items(reader: Reader, table: Table, owner: str, *, own: bool = False
                ) -> tuple[Item, ...] | None:
    """A template's items, or (``own``) a meeting's own, which always stand
    after the cases: ``at`` means nothing there."""
    items: list[Item] = []
    ok = True
    for raw, path in table.tables("item"):
        title = raw.get("title")
        label = f"{owner} item #{cast(int, path[-1]) + 1}" + (
            f" ({_quoted(title)})" if isinstance(title, str) else "")
        item_table = Table(reader, raw, path, label, _ITEM_KEYS)
        item = _read_item(item_table)
        if own and item_table.has("at"):
            item_table.error("at", "ignored-key", "a meeting's own items stand after the "
                             "cases and before the template's end items; at has no effect "
                             "here", Severity.WARNING)
        if item is None:
            ok = False
        else:
            items.append(item)
    return tuple(items) if ok and not table.failed("item") else None


def _read_item(table: Table) -> Item | None:
    title = table.text("title", required=True, what="the item's heading")
    minutes = table.minutes()
    at = table.choice("at", Placement, Placement.START)
    time = table.clock("time")
    method, responsible = table.text("method"), table.text("responsible")
    purpose = table.text("purpose")
    attachments = table.strings("attachments")
    if title is None or at is None or attachments is None or table.failed(
            "minutes", "time", "method", "responsible", "purpose"):
        return None
    if time is not None and not minutes:
        table.error("time", "ignored-key", "an item without minutes has no time slot, so "
                    "its fixed time has no effect; give it minutes", Severity.WARNING)
    return Item(title, minutes or Minutes(0), method or "", responsible or "", purpose or "",
                attachments, at, time, table.where)


def _short(title: str, length: int = 40) -> str:
    return title if len(title) <= length else title[: length - 1] + "…"


def _read_meeting(reader: Reader, raw: dict[str, Any], path: KeyPath, refs: _References
                  ) -> MeetingChange | None:
    body_name, day = raw.get("body"), raw.get("date")
    described = " ".join(str(v) for v in (body_name, day) if isinstance(v, str | dt.date))
    label = _label("meeting", path, described)
    table = Table(reader, raw, path, label, _MEETING_KEYS)
    body = refs.check(table, "body", "body", required=True)
    date = table.date("date", required=True)
    start, end, minutes, times_ok = _times(table, required=False)
    template = refs.check(table, "template", "template")
    status = table.choice("status", Status, Status.PLANNED) if table.has("status") else None
    moved_to = table.date("moved_to")
    title, location, note = table.text("title"), table.text("location"), table.text("note")
    items = _read_items(reader, table, label, own=True)
    if (body is None or date is None or not times_ok or items is None or table.failed(
            "template", "status", "moved_to", "title", "location", "note")):
        return None
    return MeetingChange(body, date, start, end, minutes, title, location, template, status,
                         moved_to, note or "", items, table.where)


def _read_template(reader: Reader, raw: dict[str, Any], path: KeyPath) -> Template | None:
    label = _named("template", raw, path)
    table = Table(reader, raw, path, label, _TEMPLATE_KEYS)
    template_id = table.ident("id")
    items = _read_items(reader, table, label)
    if template_id is None or items is None:
        return None
    return Template(template_id, items, table.where)


def _read_theme(reader: Reader, raw: dict[str, Any], path: KeyPath) -> Theme | None:
    table = Table(reader, raw, path, _named("theme", raw, path), _THEME_KEYS)
    theme_id = table.ident("id")
    name = table.text("name", required=True, what='e.g. "Budget 2026"')
    color = table.color("color")
    start, end, period_ok = _period(table, required=False)
    months = table.integers("months", low=1, high=12)
    if theme_id is None or name is None or not period_ok or table.failed("color", "months"):
        return None
    return Theme(theme_id, name, color, start, end, months or (), table.where)


def _read_case(reader: Reader, raw: dict[str, Any], path: KeyPath, refs: _References
               ) -> Case | None:
    table = Table(reader, raw, path, _label("case", path, _quoted(raw.get("title"))),
                  _CASE_KEYS)
    title = table.text("title", required=True, what="the case's heading")
    body = refs.check(table, "body", "body", required=True)
    theme = refs.check(table, "theme", "theme")
    when = [key for key in ("date", "window", "month") if table.has(key)]
    if not when:
        table.error(None, "missing-key", 'say when: "date", "window" = [from, to] or '
                    '"month"')
    elif len(when) > 1:
        table.error(when[1], "conflicting-keys", f'give one of "date", "window" or "month" '
                    f"(this case has {' and '.join(when)})")
    date = table.date("date")
    window = _window(table)
    months = table.integers("month", low=1, high=12)
    minutes = table.minutes()
    method, responsible = table.text("method"), table.text("responsible")
    purpose = table.text("purpose")
    attachments = table.strings("attachments")
    if (title is None or body is None or attachments is None or len(when) != 1
            or table.failed("theme", "date", "window", "month", "minutes", "method",
                       "responsible", "purpose")):
        return None
    return Case(title, body, date, window, months or (), minutes or Minutes(0), method or "",
                responsible or "", purpose or "", attachments, theme, table.where)


def _window(table: Table) -> tuple[dt.date, dt.date] | None:
    dates = table.dates("window")
    if dates is None:
        return None
    if len(dates) != 2:
        table.error("window", "bad-value", f"expected [from, to], two dates (got {len(dates)})")
        return None
    if dates[1] < dates[0]:
        table.error("window", "end-before-start", f"{dates[1]} is before {dates[0]}")
        return None
    return dates[0], dates[1]

