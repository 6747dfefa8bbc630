"""How a planner finds a table in the plan file: its label in messages.

Every problem's message starts with the label of the table it is about,
``[[series]] #2 (body "sbu")`` or ``[[body]] "sbu"``. The reader labels a
table from what is written in it, whatever its type; :func:`locate` labels
an object built in code, which was never written, the same way from its
values, so that its problems (from the validation pass, scheduling and
assembly alike) still say which one it is.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Protocol, TypeVar, cast

import attrs

from aarshjul.model import Item, Plan, Where

PLAN = "[plan]"


class _Written(Protocol):
    @property
    def where(self) -> Where: ...


W = TypeVar("W", bound=_Written)


def locate(plan: Plan) -> Plan:
    """The plan, each of its tables built in code given a ``where``: its
    label and key path (``series[2]``), in the plan's source, without a line.

    A table read from a file keeps its own, so a plan read from a file is
    handed back as it is (the same object).
    """
    changes: dict[str, Any] = {}
    if not plan.where.label:
        changes["where"] = Where(file=plan.source, line=None, label=PLAN, key="plan")
    for field, kind, label in _TABLES:
        things: tuple[Any, ...] = getattr(plan, field)
        located = tuple(_located(plan.source, kind, index, thing, label)
                        for index, thing in enumerate(things))
        if any(new is not old for new, old in zip(located, things, strict=True)):
            changes[field] = located
    return attrs.evolve(plan, **changes) if changes else plan


def _located(source: str, kind: str, index: int, thing: W, label: Callable[[int, Any], str]
             ) -> W:
    where = thing.where
    if not where.label:
        where = Where(file=source, line=None, label=label(index, thing),
                      key=f"{kind}[{index + 1}]")
        thing = _evolved(thing, where=where)
    items: tuple[Item, ...] | None = getattr(thing, "items", None)
    if items:
        owner = where.label

        def item_label(index: int, one: Item) -> str:
            return item(owner, index, one.title)

        owned = tuple(_located(source, f"{where.key}.item", number, one, item_label)
                      for number, one in enumerate(items))
        if any(new is not old for new, old in zip(owned, items, strict=True)):
            thing = _evolved(thing, items=owned)
    return thing


def _evolved(thing: W, **changes: object) -> W:
    # Any model class: mypy's attrs plugin cannot see that through a TypeVar.
    return cast(W, attrs.evolve(cast(Any, thing), **changes))


def numbered(kind: str, index: int, detail: object = None) -> str:
    """``[[series]] #2 (body "sbu")``: the table by its number (from 1).

    >>> numbered("closed", 0, '"Vinterferie"')
    '[[closed]] #1 ("Vinterferie")'
    """
    return f"[[{kind}]] #{index + 1}" + (f" ({detail})" if detail else "")


def named(kind: str, index: int, ident: object) -> str:
    """``[[body]] "sbu"``: a table with an id is known by it.

    >>> named("body", 1, "sbu"), named("body", 1, 7)
    ('[[body]] "sbu"', '[[body]] #2')
    """
    return f'[[{kind}]] "{ident}"' if isinstance(ident, str) else numbered(kind, index)


def quoted(value: object) -> str | None:
    """A text in quotes, shortened; None for anything else.

    >>> quoted("Godkendelse af dagsorden og referat fra sidste møde")
    '"Godkendelse af dagsorden og referat fra…"'
    """
    return f'"{short(value)}"' if isinstance(value, str) else None


def short(text: str, length: int = 40) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


def closed(index: int, name: object) -> str:
    return numbered("closed", index, quoted(name))


def series(index: int, body: object) -> str:
    """``[[series]] #2 (body "sbu")``: by number, and by the body it is of.

    >>> series(1, "sbu")
    '[[series]] #2 (body "sbu")'
    """
    body_name = quoted(body)
    return numbered("series", index, body_name and f"body {body_name}")


def meeting(index: int, body: object, day: object) -> str:
    """By body and date, as written (a date that does not exist included).

    >>> meeting(0, "sbv", "2025-02-30"), meeting(1, "sbu", dt.date(2025, 3, 5))
    ('[[meeting]] #1 (sbv 2025-02-30)', '[[meeting]] #2 (sbu 2025-03-05)')
    """
    return numbered("meeting", index,
                    " ".join(str(v) for v in (body, day) if isinstance(v, str | dt.date)))


def case(index: int, title: object) -> str:
    return numbered("case", index, quoted(title))


def item(owner: str, index: int, title: object) -> str:
    """An item of a template or a meeting, by number and title.

    >>> item('[[template]] "t"', 0, "Evt.")
    '[[template]] "t" item #1 ("Evt.")'
    """
    title_text = quoted(title)
    return f"{owner} item #{index + 1}" + (f" ({title_text})" if title_text else "")


# Each kind of table: the plan's field, its key in the file, and its label.
_TABLES: tuple[tuple[str, str, Callable[[int, Any], str]], ...] = (
    ("closed", "closed", lambda i, c: closed(i, c.name)),
    ("bodies", "body", lambda i, b: named("body", i, b.id)),
    ("series", "series", lambda i, s: series(i, s.body)),
    ("meetings", "meeting", lambda i, m: meeting(i, m.body, m.date)),
    ("templates", "template", lambda i, t: named("template", i, t.id)),
    ("themes", "theme", lambda i, t: named("theme", i, t.id)),
    ("cases", "case", lambda i, c: case(i, c.title)),
    ("routes", "route", lambda i, r: named("route", i, r.id)),
)
