"""A body that follows another: "Økonomiudvalget meets the Monday of the
week before each byråd meeting".

A ``[[series]]`` with ``follows`` has no rule of its own: it gives one
meeting for each meeting the followed body's series give, a number of ISO
weeks before or after it (on a weekday of that week) or a number of days.
This module holds the value (:class:`Following`), the day it gives
(:meth:`Following.day`), the weekday names it reads and the order in which
bodies are scheduled, followed bodies first (:func:`stages`), or the cycle
that makes an order impossible (:func:`cycle`). Scheduling the followers is
:mod:`aarshjul.scheduling.followers`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from aarshjul.forms import Bounds
from aarshjul.recurrence.phrase_words import WEEKDAY_WORDS, fold
from aarshjul.vocabulary import DANISH_DAYS, ENGLISH_DAYS

__all__ = ["Following"]

FOLLOW_WEEKS = Bounds(-8, 8)
"""ISO weeks between a followed meeting and its follower: two months either way."""
FOLLOW_DAYS = Bounds(-60, 60)
"""Days between a followed meeting and its follower."""
WEEKDAYS = Bounds(0, 6)
"""A weekday, Monday 0 to Sunday 6, as :meth:`datetime.date.weekday` counts."""


# The names a plan may write, as a recurrence phrase reads them: Danish
# ("mandag", "mandagen"; "om mandagen" is a phrase's, not this key's) and
# English, with or without æ, ø and å.
_NAMES: dict[str, int] = {fold(name): day for name, day in WEEKDAY_WORDS.items()}

WEEKDAY_NAMES = ", ".join((*DANISH_DAYS, *ENGLISH_DAYS))
"""The names a planner is shown when a weekday is not one."""


def weekday_number(name: str) -> int | None:
    """The weekday a name gives (Monday 0), or None if it names none.

    >>> weekday_number("mandag"), weekday_number("Lørdag"), weekday_number("friday")
    (0, 5, 4)
    >>> weekday_number("mandg") is None
    True
    """
    return _NAMES.get(fold(name.strip().lower()))


def _one_way(following: Following, _attribute: object, days: int | None) -> None:
    if days is not None and (following.weeks is not None or following.weekday is not None):
        raise ValueError("a follower gives weeks (and a weekday) or days, not both")


@attrs.frozen(kw_only=True)
class Following:
    """Whose meetings a series follows, and how far from each.

    ``weeks`` counts ISO weeks from the followed meeting's (0: the same
    week), on ``weekday`` of that week (default: the followed meeting's
    weekday); ``days`` counts days instead. Neither given is the same day.
    """

    body: str
    weeks: int | None = attrs.field(default=None, validator=FOLLOW_WEEKS)
    weekday: int | None = attrs.field(default=None, validator=WEEKDAYS)
    days: int | None = attrs.field(default=None, validator=[FOLLOW_DAYS, _one_way])

    def day(self, followed: dt.date) -> dt.date:
        """The follower's day for a meeting of the followed body on ``followed``.

        >>> oek = Following(body="byraad", weeks=-1, weekday=0)
        >>> oek.day(dt.date(2025, 12, 18)).isoformat()  # Thursday -> Monday the week before
        '2025-12-08'
        >>> Following(body="byraad", days=-7).day(dt.date(2025, 12, 18)).isoformat()
        '2025-12-11'
        """
        if self.days is not None:
            return followed + dt.timedelta(days=self.days)
        weekday = followed.weekday() if self.weekday is None else self.weekday
        monday = followed - dt.timedelta(days=followed.weekday())
        return monday + dt.timedelta(weeks=self.weeks or 0, days=weekday)


def _edges(follows: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    """Body -> the bodies its series follow."""
    edges: dict[str, set[str]] = {}
    for body, followed in follows:
        edges.setdefault(body, set()).add(followed)
    return edges


def cycle(follows: Iterable[tuple[str, str]]) -> list[str] | None:
    """A cycle of bodies that follow each other (``["a", "b", "a"]``), or
    None; ``follows`` are pairs of a follower's body and the body it follows.

    >>> cycle([("oek", "byraad"), ("byraad", "oek")])
    ['byraad', 'oek', 'byraad']
    >>> cycle([("oek", "oek")]), cycle([("oek", "byraad")])
    (['oek', 'oek'], None)
    """
    edges = _edges(follows)
    done: set[str] = set()

    def visit(body: str, path: list[str]) -> list[str] | None:
        if body in path:
            return [*path[path.index(body):], body]
        if body in done:
            return None
        for followed in sorted(edges.get(body, ())):
            found = visit(followed, [*path, body])
            if found is not None:
                return found
        done.add(body)
        return None

    for start in sorted(edges):
        found = visit(start, [])
        if found is not None:
            return found
    return None


def stages(follows: Iterable[tuple[str, str]]) -> Mapping[str, int]:
    """Each follower's body and the stage it is scheduled in: 1 for one that
    follows bodies that follow none, 2 for one that follows those … (a body
    not named is stage 0). The follows have no cycle (:func:`cycle`).

    >>> dict(stages([("oek", "byraad"), ("fu", "oek")]))
    {'fu': 2, 'oek': 1}
    """
    edges = _edges(follows)
    depth: dict[str, int] = {}

    def of(body: str) -> int:
        if body not in depth:
            depth[body] = 1 + max(of(one) for one in edges[body]) if body in edges else 0
        return depth[body]

    return {body: of(body) for body in sorted(edges)}
