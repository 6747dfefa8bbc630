"""The ``[plan]`` table: title, period, id, language, time zone, holidays,
how long a meeting lasts that gives only its start, and the month the wheel
starts at.

The first step of reading a plan's tables (:mod:`aarshjul.plan.reader`): it
reads the form of each value (a text, a date, a language, a list of texts)
and gives a :class:`~aarshjul.model.Plan` without tables, which the reader
fills in; a key that is not written takes the model's default. Whether the
time zone and the holidays exist, whether the id is one, and whether the
period ends before it starts are the validation pass's
(:mod:`aarshjul.plan.validate`), which a plan built in code goes through too.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from aarshjul.forms import ID_LENGTH, MONTHS
from aarshjul.messages import _
from aarshjul.model import Plan
from aarshjul.plan.labels import PLAN
from aarshjul.plan.tables import STAND_IN_DAY, Reader, Table, written
from aarshjul.vocabulary import Language

PLAN_KEYS = ("title", "start", "end", "timezone", "language", "holidays",
             "holiday_categories", "id", "minutes", "wheel_start")


def read_header(reader: Reader, raw: dict[str, Any]) -> Plan:
    """The ``[plan]`` table of the raw plan, as a plan without tables.

    A value that cannot be read is reported and replaced by a stand-in (the
    default, or the other date of the period), so that the rest of the plan
    can still be read and checked.
    """
    header = raw.get("plan")
    if header is None:
        reader.report("missing-key", ("plan",), _("[plan] is required: it gives at least "
                                                  "title, start and end"))
    elif not isinstance(header, dict):
        reader.report("bad-type", ("plan",), _("plan must be a [plan] table"))
    table = Table(reader, header if isinstance(header, dict) else {}, ("plan",), PLAN,
                  PLAN_KEYS)
    if not isinstance(header, dict):
        table.mark_unread(*PLAN_KEYS)
    title = table.text("title", required=isinstance(header, dict),
                       what=_("the name of the årshjul"))
    start = table.date("start", required=isinstance(header, dict))
    end = table.date("end", required=isinstance(header, dict))
    plan_id = table.text("id")
    categories = table.strings("holiday_categories", example='["public", "optional"]')
    minutes = table.minutes()  # before table.where, which then knows if it was read
    return Plan(title=title or "", id=plan_id if plan_id is not None else slug(title or ""),
                start=start or end or STAND_IN_DAY, end=end or start or STAND_IN_DAY,
                source=reader.source, where=table.where,
                **written(language=table.choice("language", Language),
                          timezone=table.text("timezone"), holidays=table.text("holidays"),
                          minutes=minutes, wheel_start=table.integer("wheel_start", MONTHS),
                          holiday_categories=categories if table.has("holiday_categories")
                          else None))


def slug(text: str) -> str:
    """A plan id from a title: lower case ASCII, words joined by ``-``.

    >>> slug("Årshjul for Sociale Forhold og Beskæftigelse 2025")
    'aarshjul-for-sociale-forhold-og-beskaeftigelse-2025'

    A long title gives an id as long as an id may be (:data:`~aarshjul.forms.ID_LENGTH`).
    """
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return words[:ID_LENGTH].rstrip("-") or "plan"
