"""The choices a plan makes by word: a meeting's status, what a date on a
holiday or in a closed period does, where a template item stands.

Each value is the word the plan file writes (``on_holiday = "week-before"``);
the plan reader and the schema take them from here.
"""

from __future__ import annotations

import enum

__all__ = ["OnClosed", "OnHoliday", "Placement", "Status"]


class Status(enum.Enum):
    """Whether a meeting takes place."""

    PLANNED = "planned"
    CANCELLED = "cancelled"


class OnHoliday(enum.Enum):
    """What a generated date that falls on a holiday does."""

    SKIP = "skip"
    NEXT_WORKDAY = "next-workday"
    PREVIOUS_WORKDAY = "previous-workday"
    KEEP = "keep"
    WEEK_BEFORE = "week-before"
    WEEK_AFTER = "week-after"


class OnClosed(enum.Enum):
    """What a generated date inside a closed period does."""

    SKIP = "skip"
    WEEK_BEFORE = "week-before"
    WEEK_AFTER = "week-after"
    NEXT_WORKDAY = "next-workday"
    PREVIOUS_WORKDAY = "previous-workday"


class Placement(enum.Enum):
    """Where a template item stands: before the cases, or after them."""

    START = "start"
    END = "end"
