"""The readers of ``[[case]]`` and ``[[route]]`` tables (SPEC §3, §12).

Part of the middle step of reading a plan, as
:mod:`aarshjul.plan.table_kinds` is for the other tables: each value's form
is checked here, and how the values relate (a route's bodies exist, a case
gives one minutes for each step of its route) is the validation pass's.

A case's ``body`` may be a list: the case then goes to each of those bodies
on its own, so it is read as one case for each (:func:`read_case` gives
them all). A case on a ``route`` goes to the route's steps: its body is the route's
last step once the routes are read (:func:`on_routes`); it may name that
body itself.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from typing import Any

import attrs

from aarshjul.clock import Minutes
from aarshjul.forms import MINUTES, MONTHS, ROUTE_GAP, id_problem
from aarshjul.messages import _
from aarshjul.model import Case, Route
from aarshjul.plan import labels
from aarshjul.plan.table_kinds import id_as_written, table_index
from aarshjul.plan.tables import Reader, Table, written
from aarshjul.plan.toml_positions import KeyPath

CASE_KEYS = ("title", "body", "route", "date", "window", "month", "minutes", "method",
             "responsible", "purpose", "attachments", "theme")
ROUTE_KEYS = ("id", "steps", "gap")


def read_route(reader: Reader, raw: dict[str, Any], path: KeyPath) -> Route:
    table = Table(reader, raw, path, labels.named("route", table_index(path), raw.get("id")),
                  ROUTE_KEYS)
    route_id = id_as_written(table)
    steps = _ids(table, "steps", required=True, example='["sbu", "oek", "byraad"]')
    gap = table.integer("gap", ROUTE_GAP)
    return Route(id=route_id or "", steps=steps or (), where=table.where, **written(gap=gap))


def read_case(reader: Reader, raw: dict[str, Any], path: KeyPath) -> tuple[Case, ...]:
    """The case, once for each body its ``body`` names."""
    table = Table(reader, raw, path, labels.case(table_index(path), raw.get("title")),
                  CASE_KEYS)
    title = table.text("title", required=True, what=_("the case's heading"))
    route = table.ident("route", required=False)
    on_route = route is not None or "route" in table.unread
    bodies = _ids(table, "body", required=not on_route, example='["sbu", "kfu"]')
    if on_route and bodies is not None and len(bodies) > 1:
        table.error("body", "conflicting-keys", _(
            "a case on a route goes to the route's steps: give no body, or its last step"))
        bodies = None
    if on_route and not bodies:
        bodies = ("",)  # the route's last step, once the routes are read (on_routes)
    theme = table.ident("theme", required=False)
    date = table.date("date")
    window = _window(table)
    months = table.integers("month", MONTHS)
    minutes, step_minutes = _minutes(table, on_route=on_route)
    method, responsible = table.text("method"), table.text("responsible")
    purpose = table.text("purpose")
    attachments = table.strings("attachments")
    case = Case(title=title or "", body="", date=date, window=window, months=months or (),
                method=method or "", responsible=responsible or "", purpose=purpose or "",
                attachments=attachments or (), theme=theme, route=route,
                step_minutes=step_minutes, where=table.where, **written(minutes=minutes))
    return tuple(attrs.evolve(case, body=body) for body in bodies or ("",))


def on_routes(cases: Sequence[Case], routes: Sequence[Route]) -> tuple[Case, ...]:
    """The cases, each on a route going to the route's last step (one that
    names its body keeps it: the validation pass holds it to the last step).
    A case on a route the plan does not have keeps no body (the validation
    pass says that the route is unknown, and asks nothing of the body)."""
    last: dict[str, str] = {}
    for route in routes:  # a second route of one id is an error; the first counts
        if route.steps:
            last.setdefault(route.id, route.steps[-1])
    placed = []
    for case in cases:
        if case.body or (case.route is None and "route" not in case.where.unread):
            placed.append(case)
            continue
        body = last.get(case.route or "")
        placed.append(attrs.evolve(case, body=body) if body is not None else attrs.evolve(
            case, where=attrs.evolve(case.where, unread=case.where.unread | {"body"})))
    return tuple(placed)


def _ids(table: Table, key: str, *, required: bool, example: str) -> tuple[str, ...] | None:
    """An id, or a list of ids, none twice."""
    if not table.has(key):
        table.text(key, required=required, what=_("an id, or a list of ids like {example}",
                                                   example=example))
        return None
    value = table.raw[key]
    if isinstance(value, str):
        one = table.ident(key)
        return None if one is None else (one,)
    found = table.strings(key, example=example)
    if found is None:
        return None
    if not found:
        table.error(key, "bad-value", _("the list is empty"))
        return None
    for index, one in enumerate(found):
        problem = id_problem(one)
        if problem is not None:
            table.error((key, index), "bad-value", problem)
            return None
    twice = sorted(one for one, times in Counter(found).items() if times > 1)
    if twice:
        table.error(key, "bad-value", _('"{id}" is listed twice', id=twice[0]))
        return None
    return found


def _minutes(table: Table, *, on_route: bool
             ) -> tuple[Minutes | None, tuple[Minutes, ...]]:
    """A case's minutes: one number; on a route, or a list, one for each
    step (how many the route has is the validation pass's)."""
    value = table.raw.get("minutes")
    if not isinstance(value, list):
        return table.minutes(), ()
    if not on_route:
        table.error("minutes", "bad-type", _(
            "a list of minutes is for a case on a route, one for each step; give one "
            "number"))
        return None, ()
    steps = table.integers("minutes", MINUTES, ordered=True)
    return None, tuple(Minutes(one) for one in steps or ())


def _window(table: Table) -> tuple[dt.date, dt.date] | None:
    """``[from, to]``: two dates (their order is validated)."""
    dates = table.dates("window")
    if dates is None:
        return None
    if len(dates) != 2:
        table.error("window", "bad-value", _("expected [from, to], two dates (got {count})",
                                             count=len(dates)))
        return None
    return dates[0], dates[1]
