"""Holidays and closed periods behind one small interface.

The scheduler asks three questions of a day: is it a holiday (and which),
is it closed (school holidays, summer break), is it a workday. Holidays come
from the ``holidays`` package with the plan's country and categories; it is
imported only when a plan is scheduled, never for a written agenda.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs
import holidays

from aarshjul.model import Closed, Plan
from aarshjul.vocabulary import Language, words

__all__ = ["WorkCalendar"]


@attrs.frozen
class WorkCalendar:
    """The days of a plan: holidays by date, and closed periods.

    A workday is Monday to Friday, not a holiday and not closed.
    """

    holidays: Mapping[dt.date, str] = attrs.field(factory=dict)
    closed: tuple[Closed, ...] = ()

    def holiday(self, day: dt.date) -> str | None:
        """The holiday's name, or None."""
        return self.holidays.get(day)

    def closed_period(self, day: dt.date, body: str | None = None) -> Closed | None:
        """The closed period ``day`` is in (for ``body``, or for every body)."""
        for period in self.closed:
            if period.applies_to(body) and period.contains(day):
                return period
        return None

    def is_workday(self, day: dt.date, body: str | None = None) -> bool:
        return (
            day.weekday() < 5
            and day not in self.holidays
            and self.closed_period(day, body) is None
        )

    def step_to_workday(self, day: dt.date, *, forward: bool, limit: dt.date,
                        body: str | None = None) -> dt.date | None:
        """The nearest workday (of ``body``) after (``forward``) or before
        ``day``, not past ``limit``; steps over runs of holidays and closed
        days. None if there is none."""
        step = dt.timedelta(days=1 if forward else -1)
        candidate = day + step
        while (candidate <= limit) if forward else (candidate >= limit):
            if self.is_workday(candidate, body):
                return candidate
            candidate += step
        return None


def holidays_for(
    country: str, categories: Iterable[str], years: Iterable[int], language: Language
) -> dict[dt.date, str]:
    """Holidays of ``country`` in ``years``, named in the plan's language."""
    if not country:
        return {}
    entity = holidays.country_holidays(country, years=list(years),
                                       categories=tuple(categories))
    wanted = words(language).holiday_names
    if wanted in getattr(entity, "supported_languages", ()):
        entity = holidays.country_holidays(country, years=list(years),
                                           categories=tuple(categories), language=wanted)
    return dict(sorted(entity.items()))


def work_calendar(plan: Plan) -> WorkCalendar:
    """The calendar a plan is scheduled in.

    Covers a year either side of the plan, since moving a meeting to the
    next or previous workday may cross the plan's first or last day.
    """
    years = range(plan.start.year - 1, plan.end.year + 2)
    return WorkCalendar(
        holidays=holidays_for(plan.holidays, plan.holiday_categories, years, plan.language),
        closed=plan.closed,
    )
