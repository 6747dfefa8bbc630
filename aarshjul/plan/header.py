"""The ``[plan]`` table: title, period, id, language, time zone and holidays.

The first step of reading a plan's tables (:mod:`aarshjul.plan.reader`): it
checks the form of each value, and that the time zone and the holidays exist,
the only checks that need a library (``zoneinfo``, ``holidays``, imported
here only when a plan is read). It gives a :class:`~aarshjul.model.Plan`
without tables, which the reader fills in. Whether the period ends before it
starts is for the validation pass (:mod:`aarshjul.plan.validate`).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
import zoneinfo
from typing import Any

import holidays

from aarshjul.model import Plan
from aarshjul.plan.labels import PLAN
from aarshjul.plan.tables import Reader, Table
from aarshjul.vocabulary import Language

PLAN_KEYS = ("title", "start", "end", "timezone", "language", "holidays",
             "holiday_categories", "id")
DEFAULT_TIMEZONE = "Europe/Copenhagen"
# The period of a plan whose dates cannot be read: it is never handed out.
_STAND_IN_DAY = dt.date(2000, 1, 1)


def read_header(reader: Reader, raw: dict[str, Any]) -> Plan:
    """The ``[plan]`` table of the raw plan, as a plan without tables.

    A value that cannot be read is reported and replaced by a stand-in (the
    default, or the other date of the period), so that the rest of the plan
    can still be read and checked.
    """
    header = raw.get("plan")
    if header is None:
        reader.report("missing-key", ("plan",), "[plan] is required: it gives at least "
                      "title, start and end")
    elif not isinstance(header, dict):
        reader.report("bad-type", ("plan",), "plan must be a [plan] table")
    table = Table(reader, header if isinstance(header, dict) else {}, ("plan",), PLAN,
                  PLAN_KEYS)
    if not isinstance(header, dict):
        table.mark_unread(*PLAN_KEYS)
    title = table.text("title", required=isinstance(header, dict),
                       what="the name of the årshjul")
    start = table.date("start", required=isinstance(header, dict))
    end = table.date("end", required=isinstance(header, dict))
    plan_id = table.text("id")
    language = table.choice("language", Language, Language.DA)
    timezone = _timezone(table)
    country, categories = _holidays(table)
    return Plan(title=title or "", id=plan_id if plan_id is not None else slug(title or ""),
                start=start or end or _STAND_IN_DAY, end=end or start or _STAND_IN_DAY,
                timezone=timezone or DEFAULT_TIMEZONE, language=language or Language.DA,
                holidays=country or "", holiday_categories=categories or ("public",),
                source=reader.source, where=table.where)


def slug(text: str) -> str:
    """A plan id from a title: lower case ASCII, words joined by ``-``.

    >>> slug("Årshjul for Sociale Forhold og Beskæftigelse 2025")
    'aarshjul-for-sociale-forhold-og-beskaeftigelse-2025'
    """
    text = text.lower().replace("æ", "ae").replace("ø", "oe").replace("å", "aa")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "plan"


def _timezone(table: Table) -> str | None:
    name = table.text("timezone")
    if name is None:
        return None if table.has("timezone") else DEFAULT_TIMEZONE
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
    """The country and its categories of holidays. That the categories are
    the country's is checked here, not in the validation pass: it takes the
    holidays package, which only reading a plan loads."""
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
