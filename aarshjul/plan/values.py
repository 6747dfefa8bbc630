"""Single values of a plan checked in their context (pure): each text, year,
id, time zone, holiday country and colour, for :mod:`aarshjul.plan.validate`
to report with the rest, for plans read and plans built in code alike. The
forms themselves are :mod:`aarshjul.forms`'s.
"""

from __future__ import annotations

import datetime as dt
import difflib
import zoneinfo
from collections.abc import Iterator

import holidays

from aarshjul.errors import Problem
from aarshjul.forms import colour_problem, id_problem, text_problem, year_problem
from aarshjul.messages import Message, _
from aarshjul.model import (
    Body,
    Case,
    Closed,
    Item,
    MeetingChange,
    Plan,
    Series,
    Theme,
    Where,
)

RESERVED_BODY_IDS: dict[str, Message] = {"all": _("all meetings"),
                                          "deadlines": _("the agenda and case deadlines")}
"""Ids a body cannot have: its feed, ``<id>.ics``, would overwrite these."""
# The longest IANA names have three parts (America/Argentina/Buenos_Aires),
# four under a folder of the zone files (right/…), and some 30 characters.
# zoneinfo imports a package for each part of a name it looks for, so one of
# hundreds of parts would recurse until Python stops it: such a name is no
# zone, and is not looked up.
_ZONE_PARTS = 4
_ZONE_LENGTH = 64


__all__ = ["LINES_KEYS", "RESERVED_BODY_IDS", "TEXT_KEYS", "colour", "holiday_problem",
           "id_form", "reserved", "texts", "timezone", "years"]

TEXT_KEYS = ("title", "name", "kind", "location", "method", "responsible", "attachments")
"""The keys of texts of one line, in whichever table has them."""
LINES_KEYS = ("note", "purpose")
"""The keys of texts that may run over several lines."""


def texts(plan: Plan) -> Iterator[Problem]:
    """Each text of the plan, with no control character (a note and a
    purpose may break lines)."""
    items = [*(item for template in plan.templates for item in template.items),
             *(item for change in plan.meetings for item in change.items)]
    tables: list[Plan | Closed | Body | Series | MeetingChange | Item | Theme | Case] = [
        plan, *plan.closed, *plan.bodies, *plan.series, *plan.meetings, *items, *plan.themes,
        *plan.cases]
    for table in tables:
        where = table.where
        for key in (*TEXT_KEYS, *LINES_KEYS):
            value = getattr(table, key, None)
            texts = (value,) if isinstance(value, str) else value or ()
            if key in where.unread:
                continue
            problem = next((p for p in (text_problem(text, lines=key in LINES_KEYS)
                                        for text in texts) if p is not None), None)
            if problem is not None:
                yield where.problem("bad-value", problem, key=key)


def years(plan: Plan) -> Iterator[Problem]:
    """Each date is in a year the writers support, at its key (the first
    such date of a key). A rule's UNTIL is only a bound, which the plan's
    period bounds again: UNTIL=99991231 for "no end" places nothing there."""
    found: list[tuple[Where, str, tuple[dt.date | None, ...]]] = [
        (plan.where, "start", (plan.start,)), (plan.where, "end", (plan.end,))]
    for period in plan.closed:
        found += [(period.where, "from", (period.from_date,)),
                  (period.where, "to", (period.to_date,))]
    for one in plan.series:
        recurrence = one.recurrence
        found += [(one.where, "from", (one.from_date,)), (one.where, "to", (one.to_date,)),
                  (one.where, "dates", recurrence.dates),
                  (one.where, "except", tuple(sorted(recurrence.exceptions)))]
    for change in plan.meetings:
        found += [(change.where, "date", (change.date,)),
                  (change.where, "moved_to", (change.moved_to,)),
                  (change.where, "to", (change.to,))]
    for theme in plan.themes:
        found += [(theme.where, "from", (theme.from_date,)),
                  (theme.where, "to", (theme.to_date,))]
    for case in plan.cases:
        found += [(case.where, "date", (case.date,)), (case.where, "window", case.window or ())]
    for where, key, days in found:
        if key in where.unread:
            continue
        problems = [year_problem(day) for day in days if day is not None]
        problem = next((one for one in problems if one is not None), None)
        if problem is not None:
            yield where.problem("bad-value", problem, key=key)


def id_form(where: Where, ident: str | None) -> Problem | None:
    if ident is None or "id" in where.unread:
        return None
    problem = id_problem(ident)
    return None if problem is None else where.problem("bad-value", problem, key="id")


def reserved(where: Where, body_id: str) -> Problem | None:
    """A body's feed is feeds/<id>.ics, beside all.ics and deadlines.ics;
    compared without case, as a file system that ignores case compares them."""
    taken = RESERVED_BODY_IDS.get(body_id.casefold())
    if taken is None or "id" in where.unread:
        return None
    feed = body_id.casefold() + ".ics"
    return where.problem("bad-value", _('"{id}" cannot be a body\'s id: its feed would '
                                        "overwrite {file}, the feed of {taken}", id=body_id,
                                        file=feed, taken=taken), key="id")


def timezone(where: Where, name: str) -> Problem | None:
    """The plan's zone is one the writers can look up."""
    if "timezone" in where.unread:
        return None
    try:
        if len(name) > _ZONE_LENGTH or name.count("/") >= _ZONE_PARTS:
            raise ValueError(name)
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        close = difflib.get_close_matches(name, sorted(zoneinfo.available_timezones()), n=1)
        said = (_('"{name}" is not an IANA time zone like "Europe/Copenhagen"; did you mean '
                  '"{close}"?', name=name, close=close[0]) if close else
                _('"{name}" is not an IANA time zone like "Europe/Copenhagen"', name=name))
        return where.problem("unknown-timezone", said, key="timezone")
    return None


def holiday_problem(where: Where, country: str, categories: tuple[str, ...]) -> Problem | None:
    """The holidays package knows the country, and these categories of its
    holidays; some category is given (``holidays = ""`` is none at all)."""
    if not categories and "holiday_categories" not in where.unread:
        return where.problem("bad-value", _('the list is empty; for no holidays at all, write '
                                            'holidays = ""'), key="holiday_categories")
    if not country or "holidays" in where.unread:
        return None
    try:
        known = holidays.country_holidays(country).supported_categories
    except NotImplementedError:
        # Listing the countries imports every country's module: only on error.
        close = difflib.get_close_matches(country, sorted(holidays.list_supported_countries()),
                                          n=1)
        said = (_('"{country}" is not a country code the holidays package knows (like "DK"); '
                  'did you mean "{close}"?', country=country, close=close[0]) if close else
                _('"{country}" is not a country code the holidays package knows (like "DK")',
                  country=country))
        return where.problem("unknown-country", said, key="holidays")
    wrong = [c for c in categories if c not in known]
    if not wrong or "holiday_categories" in where.unread:
        return None
    return where.problem("bad-value", _("{wrong} is not a holiday category of {country} "
                                        "({known})", wrong=", ".join(map(repr, wrong)),
                                        country=country, known=", ".join(map(repr, known))),
                         key="holiday_categories")


def colour(where: Where, colour: str | None) -> Problem | None:
    problem = None if colour is None or "color" in where.unread else colour_problem(colour)
    return None if problem is None else where.problem("bad-value", problem, key="color")
