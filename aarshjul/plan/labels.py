"""How a planner finds a table in the plan file: its label in messages.

Every problem's message starts with the label of the table it is about,
``[[series]] #2 (body "sbu")`` or ``[[body]] "sbu"``. The reader labels a
table from what is written in it, whatever its type; the validation pass
labels an object built in code, which was never written, the same way from
its values, so that its problems still say which one it is.
"""

from __future__ import annotations

import datetime as dt

PLAN = "[plan]"


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
