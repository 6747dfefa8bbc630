"""One reader for each kind of table: ``[[closed]]``, ``[[body]]``,
``[[series]]``, ``[[meeting]]``, ``[[template]]``, ``[[theme]]`` (cases and
routes: :mod:`aarshjul.plan.case_tables`).

The middle step of reading a plan (:mod:`aarshjul.plan.reader`): each reader
checks the form of its table's values (their types and syntax, the range of
each by its :class:`~aarshjul.forms.Bounds`, keys that are unknown, required,
or in conflict where the model holds one of them: ``rule``, ``every`` and
``dates``) and builds the model object. It always builds one: a value it
cannot read is reported, replaced by a stand-in and marked unread in the
object's ``where``, so that the validation pass (:mod:`aarshjul.plan.validate`)
still sees the object (a body whose name cannot be read can still be
referred to) and leaves the stand-in alone. Every rule a plan built in code
must meet too (ids and colours, references, spans, times, which keys go
together) is that pass's, stated once there.
"""

from __future__ import annotations

from typing import Any, cast

import attrs

from aarshjul.choices import OnClosed, OnHoliday, Placement, Status
from aarshjul.clock import ClockTime, Minutes
from aarshjul.errors import Severity
from aarshjul.following import (
    FOLLOW_DAYS,
    FOLLOW_WEEKS,
    WEEKDAY_NAMES,
    Following,
    weekday_number,
)
from aarshjul.forms import ISO_WEEKS, MONTHS
from aarshjul.messages import AND, _, listed, said_by
from aarshjul.model import (
    Body,
    Closed,
    Item,
    MeetingChange,
    Recurrence,
    Series,
    Template,
    Theme,
)
from aarshjul.plan import labels
from aarshjul.plan.tables import (
    A_CLOCK_TIME,
    AN_ID,
    STAND_IN_DAY,
    STAND_IN_TIME,
    Reader,
    Table,
    written,
)
from aarshjul.plan.toml_positions import KeyPath
from aarshjul.recurrence.phrases import PhraseError, phrase_to_rule
from aarshjul.recurrence.rule import Rule, RuleError

CLOSED_KEYS = ("name", "from", "to", "weeks", "bodies")
BODY_KEYS = ("id", "name", "kind", "location", "color", "agenda_deadline", "minutes",
             "case_deadline")
SERIES_KEYS = ("id", "body", "rule", "every", "dates", "except", "from", "to", "start",
               "end", "minutes", "title", "template", "location", "on_holiday", "on_closed",
               "months", "follows", "weeks", "weekday", "days")
ITEM_KEYS = ("title", "minutes", "method", "responsible", "purpose", "attachments", "at",
             "time")
MEETING_KEYS = ("body", "date", "start", "end", "minutes", "title", "location", "template",
                "status", "moved_to", "announced", "note", "item", "to")
TEMPLATE_KEYS = ("id", "item")
THEME_KEYS = ("id", "name", "color", "from", "to", "months")
RECURRENCE_KEYS = ("rule", "every", "dates")
"""The keys that say how a series recurs: one of them, or ``follows``."""
FOLLOWER_KEYS = ("weeks", "weekday", "days")
"""How far a follower's meetings are from those it follows."""



def table_index(path: KeyPath) -> int:
    return cast(int, path[-1])


def id_as_written(table: Table, *, required: bool = True) -> str | None:
    """The table's id as written, even if it is no id (the validation pass
    says so): a reference to it is then not also unknown, and a second table
    with it is still a duplicate."""
    return table.text("id", required=required, what=AN_ID)


def read_closed(reader: Reader, raw: dict[str, Any], path: KeyPath) -> Closed:
    table = Table(reader, raw, path, labels.closed(table_index(path), raw.get("name")),
                  CLOSED_KEYS)
    name = table.text("name", required=True, what=_('e.g. "{example}"', example="Vinterferie"))
    start, end = table.date("from"), table.date("to")
    weeks = table.integers("weeks", ISO_WEEKS)
    bodies = table.strings("bodies")
    return Closed(name=name or "", from_date=start, to_date=end, weeks=frozenset(weeks or ()),
                  bodies=frozenset(bodies or ()), where=table.where)


def read_body(reader: Reader, raw: dict[str, Any], path: KeyPath) -> Body:
    table = Table(reader, raw, path, labels.named("body", table_index(path), raw.get("id")),
                  BODY_KEYS)
    body_id = id_as_written(table)
    name = table.text("name", required=True,
                      what=_('e.g. "{example}"', example="Social- og Beskæftigelsesudvalget"))
    kind, location = table.text("kind"), table.text("location")
    color = table.text("color")
    deadline = table.deadline("agenda_deadline")
    return Body(id=body_id or "", name=name or "", kind=kind or "", location=location or "",
                color=color, agenda_deadline=deadline, minutes=table.minutes(),
                case_deadline=table.deadline("case_deadline"), where=table.where)


def _times(table: Table, *, required: bool
           ) -> tuple[ClockTime | None, ClockTime | None, Minutes | None]:
    """start, and end or minutes: their form; how they relate (one of end
    and minutes, or the body's or plan's minutes, and a time after the
    start) is validated."""
    start, end, minutes = table.clock("start"), table.clock("end"), table.minutes()
    if required and not table.has("start"):
        table.error(None, "missing-key", _('"{key}" is required ({what})', key="start",
                                           what=A_CLOCK_TIME))
        table.mark_unread("start")
    return start, end, minutes


def read_series(reader: Reader, raw: dict[str, Any], path: KeyPath) -> Series:
    table = Table(reader, raw, path, labels.series(table_index(path), raw.get("body")),
                  SERIES_KEYS)
    body = table.ident("body", required=True)
    recurrence = _recurrence(table)
    start_date, end_date = table.date("from"), table.date("to")
    start, end, minutes = _times(table, required=True)
    template = table.ident("template", required=False)
    on_holiday = table.choice("on_holiday", OnHoliday)
    on_closed = table.choice("on_closed", OnClosed)
    # A list even of one month ([3]): the months the series keeps.
    months = table.integers("months", MONTHS, what=_("a list of month numbers like [1, 2, 4]"))
    title, location = table.text("title"), table.text("location")
    series_id = id_as_written(table, required=False)
    follows = _following(table)
    return Series(body=body or "", recurrence=recurrence, start=start or STAND_IN_TIME,
                  end=end, minutes=minutes, from_date=start_date, to_date=end_date,
                  title=title, template=template, location=location,
                  id=series_id, follows=follows, where=table.where,
                  **written(on_holiday=on_holiday, on_closed=on_closed, months=months))


def _recurrence(table: Table) -> Recurrence:
    """How a series recurs, and the days it leaves out (``except``)."""
    recurrence = _how(table)
    exceptions = table.dates("except")
    if recurrence is None:
        table.mark_unread(*RECURRENCE_KEYS)
        recurrence = Recurrence()
    return attrs.evolve(recurrence, exceptions=frozenset(exceptions or ()))


def _how(table: Table) -> Recurrence | None:

    given = [key for key in RECURRENCE_KEYS if table.has(key)]
    if not given and table.has("follows"):
        return Recurrence()  # a follower's dates are its followed body's (_following)
    if not given:
        table.error(None, "missing-key", _('say how the meetings recur: "rule", "every" or '
                                           '"dates"'))
        return None
    if len(given) > 1:
        table.error(given[1], "conflicting-keys", _('give one of "rule", "every" or "dates" '
                                                    "(this series has {keys})",
                                                    keys=listed(given, last=AND)))
        return None
    if given == ["dates"]:
        dates = table.dates("dates")
        return None if dates is None else Recurrence(dates=tuple(sorted(dates)))
    key = given[0]
    text = table.text(key, required=True)
    if text is None:
        return None
    try:
        if key == "every":
            return Recurrence(rule=phrase_to_rule(text), phrase=text)
        return Recurrence(rule=Rule.parse(text))
    except PhraseError as error:
        table.error(key, "bad-phrase", said_by(error))
    except RuleError as error:
        table.error(key, "bad-rule", error.problems[0].said)
    return None


def _following(table: Table) -> Following | None:
    """Whose meetings a series follows (``follows``), and how far from
    each: ``weeks`` and ``weekday``, or ``days``."""
    if not table.has("follows"):
        for key in FOLLOWER_KEYS:
            if table.has(key):
                table.error(key, "missing-key", _('"{key}" counts from the meetings of the '
                                                  'body a series follows: give "follows" too',
                                                  key=key))
        return None
    rules = [key for key in RECURRENCE_KEYS if table.has(key)]
    if rules:
        table.error("follows", "conflicting-keys", _(
            'a series that follows another body takes its dates from it: give "follows" or '
            '{keys}, not both', keys=listed(rules, last=AND)))
        table.mark_unread("follows")
        return None
    body = table.ident("follows", required=True)
    weeks = table.integer("weeks", FOLLOW_WEEKS)
    days = table.integer("days", FOLLOW_DAYS)
    weekday = _weekday(table)
    if table.has("days") and (table.has("weeks") or table.has("weekday")):
        table.error("days", "conflicting-keys", _(
            'give "weeks" (and "weekday") or "days", not both'))
        table.mark_unread("days")
    if body is None or table.unread & {"follows", *FOLLOWER_KEYS}:
        table.mark_unread("follows")
        return None
    return Following(body=body, weeks=weeks, weekday=weekday, days=days)


def _weekday(table: Table) -> int | None:
    """The weekday of ``weekday``, by its Danish or English name."""
    name = table.text("weekday")
    if name is None:
        return None
    day = weekday_number(name)
    if day is None:
        table.error("weekday", "bad-value", _('"{value}" is not a weekday ({names})',
                                              value=name, names=WEEKDAY_NAMES))
    return day


def _read_items(reader: Reader, table: Table, owner: str, *, own: bool = False
                ) -> tuple[Item, ...]:
    """A template's items, or (``own``) a meeting's own, which always stand
    after the cases: ``at`` means nothing there."""
    items = []
    for raw, path in table.tables("item"):
        label = labels.item(owner, table_index(path), raw.get("title"))
        item_table = Table(reader, raw, path, label, ITEM_KEYS)
        items.append(_read_item(item_table))
        if own and item_table.has("at"):
            item_table.error("at", "ignored-key", _("a meeting's own items stand after the "
                                                    "cases and before the template's end "
                                                    "items; at has no effect here"),
                             Severity.WARNING)
    return tuple(items)


def _read_item(table: Table) -> Item:
    title = table.text("title", required=True, what=_("the item's heading"))
    minutes = table.minutes()
    at = table.choice("at", Placement)
    time = table.clock("time")
    method, responsible = table.text("method"), table.text("responsible")
    purpose = table.text("purpose")
    attachments = table.strings("attachments")
    return Item(title=title or "", method=method or "", responsible=responsible or "",
                purpose=purpose or "", attachments=attachments or (), time=time,
                where=table.where, **written(minutes=minutes, at=at))


def read_meeting(reader: Reader, raw: dict[str, Any], path: KeyPath) -> MeetingChange:
    label = labels.meeting(table_index(path), raw.get("body"), raw.get("date"))
    table = Table(reader, raw, path, label, MEETING_KEYS)
    body = table.ident("body", required=True)
    date = table.date("date", required=True)
    start, end, minutes = _times(table, required=False)
    template = table.ident("template", required=False)
    status = table.choice("status", Status)
    moved_to, to = table.date("moved_to"), table.date("to")
    announced = table.flag("announced")
    title, location, note = table.text("title"), table.text("location"), table.text("note")
    items = _read_items(reader, table, label, own=True)
    return MeetingChange(body=body or "", date=date or STAND_IN_DAY, start=start, end=end,
                         minutes=minutes, title=title, location=location, template=template,
                         status=status, moved_to=moved_to, to=to,
                         announced=True if announced is None else announced,
                         note=note or "", items=items,
                         where=table.where)


def read_template(reader: Reader, raw: dict[str, Any], path: KeyPath) -> Template:
    label = labels.named("template", table_index(path), raw.get("id"))
    table = Table(reader, raw, path, label, TEMPLATE_KEYS)
    template_id = id_as_written(table)
    items = _read_items(reader, table, label)
    return Template(id=template_id or "", items=items, where=table.where)


def read_theme(reader: Reader, raw: dict[str, Any], path: KeyPath) -> Theme:
    table = Table(reader, raw, path, labels.named("theme", table_index(path), raw.get("id")),
                  THEME_KEYS)
    theme_id = id_as_written(table)
    name = table.text("name", required=True, what=_('e.g. "{example}"', example="Budget 2026"))
    color = table.text("color")
    start, end = table.date("from"), table.date("to")
    months = table.integers("months", MONTHS)
    return Theme(id=theme_id or "", name=name or "", color=color, from_date=start,
                 to_date=end, months=months or (), where=table.where)
