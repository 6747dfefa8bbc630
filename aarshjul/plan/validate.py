"""The plan's rules, checked in one pass over the model, for plans read from
files and built in code alike.

The last step of reading a plan (:mod:`aarshjul.plan.reader` checks each
value's form and builds the model), and the first of scheduling one
(:func:`aarshjul.scheduling.meetings.schedule` runs it again, for a plan
built or changed in code). Each rule is stated once, here:

- ids (of the plan, bodies, templates, themes and series) have the form of
  an id (:func:`aarshjul.forms.id_problem`) and are unique; a body's id is
  not the name of a feed of its own;
- every id a table names exists (with "did you mean");
- the time zone and the holidays (country and categories) exist, and
  colours are ``#rrggbb``: what the calendar and the writers look up;
- texts (titles, names, places, notes …) hold no control characters
  (:func:`aarshjul.forms.text_problem`; a note and a purpose may hold tabs
  and line breaks);
- every date falls in the years the writers support (:data:`aarshjul.forms.YEARS`);
- no span of dates ends before it starts (:func:`~aarshjul.plan.spans.check_span`: the plan, a
  closed period, a series, a theme, a case's window), and a plan spans at
  most 50 calendar years;
- a case says when by one of date, window and month; a closed period by
  dates (from and to, both) or weeks, a theme by both dates or neither; a
  meeting ends at its end or after its minutes, not both; a series that
  gives neither lasts its body's or the plan's minutes, which one of them
  must give (:func:`~aarshjul.plan.spans.series_length`);
- a meeting lasts at least a minute and ends after it starts, on the same
  day (:func:`~aarshjul.plan.spans.check_times`, which scheduling also asks once a
  ``[[meeting]]`` change is applied to its series' meeting);
- a meeting over several days (``to``) ends on or after its first day, at
  most :data:`~aarshjul.plan.spans.LONGEST_DAYS` later, and gives both times or
  neither (:func:`~aarshjul.plan.spans.several_days`);
- a series' ``dates`` are not empty and list no day twice;
- an item with a fixed ``time`` has minutes;
- a route passes bodies the plan has, each once; a case on a route goes to
  its last step and gives one number of minutes, or one for each step.

A problem points at the key that is wrong, by the line the model's ``where``
remembers, or, for an object built in code, by its table's label and key
path (:func:`aarshjul.plan.labels.locate`). Values
the reader could not read (``where.unread``) are left alone: it has
reported them.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections import Counter
from collections.abc import Iterator

import attrs

from aarshjul.errors import Problem, Severity
from aarshjul.following import cycle
from aarshjul.messages import AND, Message, _, listed
from aarshjul.model import (
    Case,
    Item,
    Plan,
    Route,
    Series,
    Where,
)
from aarshjul.plan import labels
from aarshjul.plan.spans import (
    check_span,
    check_times,
    end_or_minutes,
    series_length,
    several_days,
)
from aarshjul.plan.values import (
    colour,
    holiday_problem,
    id_form,
    reserved,
    texts,
    timezone,
    years,
)

LONGEST_PLAN_YEARS = 50


def validate(plan: Plan) -> tuple[Problem, ...]:
    """Every problem with how the plan's values relate to each other,
    warnings included, table by table."""
    plan = labels.locate(plan)
    known = _Known(plan)
    found: list[Problem | None] = [
        *_ids(plan),
        *years(plan),
        *texts(plan),
        timezone(plan.where, plan.timezone),
        holiday_problem(plan.where, plan.holidays, plan.holiday_categories),
        *[colour(body.where, body.color) for body in plan.bodies],
        *[colour(theme.where, theme.color) for theme in plan.themes],
        check_times(plan.where, None, minutes=plan.minutes),
        *[check_times(body.where, None, minutes=body.minutes) for body in plan.bodies],
        *_unique_ids("body", [(body.id, body.where) for body in plan.bodies]),
        *_unique_ids("template", [(one.id, one.where) for one in plan.templates]),
        *_unique_ids("theme", [(theme.id, theme.where) for theme in plan.themes]),
        *_unique_ids("series", [(one.id, one.where) for one in plan.series]),
        *_unique_ids("route", [(route.id, route.where) for route in plan.routes]),
        check_span(plan.where, plan.start, plan.end, keys=("start", "end"),
                   longest_years=LONGEST_PLAN_YEARS),
    ]
    for period in plan.closed:
        found.append(_dates_or_weeks(period.where, period.from_date, period.to_date,
                                     period.weeks)
                     or check_span(period.where, period.from_date, period.to_date))
        found += [known.check(period.where, "bodies", "body", body)
                  for body in sorted(period.bodies)]
    for one in plan.series:
        where = one.where
        found += [known.check(where, "body", "body", one.body),
                  known.check(where, "template", "template", one.template),
                  check_span(where, one.from_date, one.to_date),
                  *end_or_minutes(where, one.start, one.end, one.minutes),
                  series_length(plan, one)]
        # A recurrence the reader could not read has all its keys unread.
        if one.follows is not None or "follows" in where.unread:
            found += _follower(known, one)
        elif one.recurrence.rule is None and "dates" not in where.unread:
            found.append(_dates(where, one.recurrence.dates))
    found.append(_follow_cycle(plan))
    for change in plan.meetings:
        where = change.where
        found += [known.check(where, "body", "body", change.body),
                  known.check(where, "template", "template", change.template),
                  *(several_days(change) if change.to is not None or "to" in where.unread else
                    end_or_minutes(where, change.start, change.end, change.minutes)),
                  *_items(change.items)]
    for template in plan.templates:
        found += _items(template.items)
    found += [_both_or_neither(theme.where, theme.from_date, theme.to_date)
              or check_span(theme.where, theme.from_date, theme.to_date)
              for theme in plan.themes]
    for route in plan.routes:
        found += _route(known, route)
    for case in plan.cases:
        where = case.where
        # A case on a route goes to the route's last step, which the route's
        # own check names if the plan has no such body.
        found += [known.check(where, "body", "body", case.body) if case.route is None else None,
                  known.check(where, "theme", "theme", case.theme),
                  known.check(where, "route", "route", case.route),
                  _on_route(plan, case),
                  _when(case)]
        if case.window is not None:
            found.append(check_span(where, *case.window, keys=("window", "window")))
    return tuple(problem for problem in found if problem is not None)


def _follower(known: _Known, series: Series) -> list[Problem | None]:
    """A follower names a body, and takes its dates from it alone."""
    if series.follows is None:  # the reader could not read it, and said so
        return []
    where = series.where
    rules = [key for key, given in (("rule", series.recurrence.rule),
                                    ("dates", series.recurrence.dates)) if given]
    return [known.check(where, "follows", "body", series.follows.body),
            where.problem("conflicting-keys", _(
                'a series that follows another body takes its dates from it: give "follows" '
                "or {keys}, not both", keys=listed(rules, last=AND)), key="follows")
            if rules else None]


def _follow_cycle(plan: Plan) -> Problem | None:
    """Bodies that follow each other in a circle have no meeting to start
    from: reported at the series that closes the circle."""
    pairs = [(one.body, one.follows.body) for one in plan.series if one.follows is not None]
    bodies = cycle(pairs)
    if bodies is None:
        return None
    closing = next(one for one in plan.series if one.follows is not None
                   and (one.body, one.follows.body) == (bodies[-2], bodies[-1]))
    return closing.where.problem("bad-reference", _(
        "the bodies follow each other in a circle ({bodies}), so none of them has a meeting "
        "to follow; give one of them a rule of its own", bodies=" → ".join(bodies)),
        key="follows")


def _both_or_neither(where: Where, first: dt.date | None, last: dt.date | None
                     ) -> Problem | None:
    """A closed period's or a theme's ``from`` and ``to``: a span has two
    ends, or it is not given (a key the reader could not read counts)."""
    given = [key for key, day in (("from", first), ("to", last))
             if day is not None or key in where.unread]
    if len(given) != 1:
        return None
    return where.problem("missing-key", _('give both "from" and "to"'))


def _dates_or_weeks(where: Where, first: dt.date | None, last: dt.date | None,
                    weeks: frozenset[int]) -> Problem | None:
    """A closed period is closed on its dates or in its weeks: without
    either it would close nothing."""
    if first is None and last is None and not weeks and not where.unread & {
            "from", "to", "weeks"}:
        return where.problem("missing-key", _('give "from" and "to" dates, or "weeks"'))
    return _both_or_neither(where, first, last)


def _route(known: _Known, route: Route) -> list[Problem | None]:
    """A route passes bodies the plan has, each once."""
    where = route.where
    if "steps" in where.unread:
        return []
    if not route.steps:
        return [where.problem("bad-value", _("the list is empty"), key="steps")]
    twice = sorted(step for step, times in Counter(route.steps).items() if times > 1)
    return [*(known.check(where, "steps", "body", step) for step in route.steps),
            where.problem("bad-value", _('"{id}" is listed twice: a route passes each body '
                                         "once", id=twice[0]), key="steps") if twice else None]


def _on_route(plan: Plan, case: Case) -> Problem | None:
    """A case on a route ends at its last step, and gives one number of
    minutes, or one for each step."""
    route = next((one for one in plan.routes if one.id == case.route), None)
    where = case.where
    if case.route is None:  # a route the reader could not read is reported as such
        return where.problem("bad-value", _(
            'a list of minutes is for a case on a route, one for each step; give one '
            "number"), key="minutes") if case.step_minutes and "route" not in where.unread \
            else None
    if route is None or not route.steps or "steps" in route.where.unread:
        return None  # an unknown route, or one without steps, is reported at its name
    if case.body != route.steps[-1] and "body" not in where.unread:
        return where.problem("bad-value", _(
            'a case on the route "{route}" goes to its last step, "{body}"', route=route.id,
            body=route.steps[-1]), key="body")
    if case.step_minutes and len(case.step_minutes) != len(route.steps):
        return where.problem("bad-value", _(
            'give one number of minutes, or one for each step of the route "{route}" '
            "({count}; got {given})", count=len(route.steps), route=route.id,
            given=len(case.step_minutes)), key="minutes")
    return None


def _when(case: Case) -> Problem | None:
    """A case goes on the meeting of its date, or the first with room in its
    window or its months: one of the three, or it would go on two meetings,
    or on none. A key the reader could not read still counts as given."""
    where = case.where
    given = [key for key, value in (("date", case.date), ("window", case.window),
                                    ("month", case.months)) if value or key in where.unread]
    if not given:
        return where.problem("missing-key", _('say when: "date", "window" = [from, to] or '
                                              '"month"'))
    if len(given) > 1:
        return where.problem("conflicting-keys", _('give one of "date", "window" or "month" '
                                                   "(this case has {keys})",
                                                   keys=listed(given, last=AND)), key=given[1])
    return None


class _Known:
    """The ids a table can name, for references, with "did you mean"."""

    def __init__(self, plan: Plan) -> None:
        self.ids = {"body": {body.id for body in plan.bodies if body.id},
                    "template": {template.id for template in plan.templates if template.id},
                    "theme": {theme.id for theme in plan.themes if theme.id},
                    "route": {route.id for route in plan.routes if route.id}}

    def check(self, where: Where, key: str, kind: str, value: str | None) -> Problem | None:
        """A reference at ``key`` to a ``kind`` by id: it must exist."""
        known = self.ids[kind]
        if value is None or value in known or key in where.unread:
            return None
        close = difflib.get_close_matches(value, sorted(known), n=1)
        noun = _KINDS[kind]
        if close:
            said = _('no {kind} has id "{id}"; did you mean "{close}"?', kind=noun, id=value,
                     close=close[0])
        elif known:
            said = _('no {kind} has id "{id}" (the plan has {known})', kind=noun, id=value,
                     known=", ".join(sorted(known)))
        else:
            said = _('no {kind} has id "{id}" (the plan has no [[{table}]])', kind=noun,
                     id=value, table=kind)
        return where.problem("unknown-reference", said, key=key)


_KINDS: dict[str, Message] = {"body": _("body"), "template": _("template"), "theme": _("theme"),
                              "route": _("route")}
"""The kinds of table a reference names, as a planner calls them."""


def _unique_ids(kind: str, ids: list[tuple[str | None, Where]]) -> Iterator[Problem]:
    """Two tables of one kind with one id: reported at the second. An id
    that is not given is not compared."""
    first: dict[str, Where] = {}
    for ident, where in ids:
        if not ident:
            continue
        if ident not in first:
            first[ident] = where
            continue
        line = first[ident].at("id").line
        said = (_('the id "{id}" is used twice', id=ident) if line is None else
                _('the id "{id}" is used twice (first on line {line})', id=ident, line=line))
        yield attrs.evolve(where.at("id"), label=f'[[{kind}]] "{ident}"').problem(
            "duplicate-id", said)


def _ids(plan: Plan) -> list[Problem | None]:
    """Each id has the form of one: ids name files and go into UIDs."""
    found = [id_form(plan.where, plan.id)]
    for body in plan.bodies:
        found.append(id_form(body.where, body.id) or reserved(body.where, body.id))
    for tables in (plan.templates, plan.themes, plan.series, plan.routes):
        found += [id_form(table.where, table.id) for table in tables]
    return found


def _dates(where: Where, dates: tuple[dt.date, ...]) -> Problem | None:
    """A series' own dates: some, and each once."""
    if not dates:
        return where.problem("bad-value", _("the list of dates is empty"), key="dates")
    twice = sorted(day for day, times in Counter(dates).items() if times > 1)
    if twice:
        more = len(twice) - _NAMED_TWICE
        days = ", ".join(day.isoformat() for day in twice[:_NAMED_TWICE])
        said = (_("listed twice: {days} and {more} more", days=days, more=more) if more > 0
                else _("listed twice: {days}", days=days))
        return where.problem("bad-value", said, key="dates")
    return None


_NAMED_TWICE = 20  # days named in the message; a long list is cut, with how many more


def _items(items: tuple[Item, ...]) -> list[Problem | None]:
    """An item with a fixed time needs minutes to have a time slot."""
    return [item.where.problem(
        "ignored-key", _("an item without minutes has no time slot, so its fixed time has no "
                         "effect; give it minutes"), key="time", severity=Severity.WARNING)
        for item in items
        if item.time is not None and not item.minutes
        and not item.where.unread & {"time", "minutes"}]
