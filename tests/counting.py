"""A date that counts how often it is compared: to tell linear work from
quadratic without a clock (timed tests are too noisy on a shared machine)."""

from __future__ import annotations

import datetime as dt


class CountedDate(dt.date):
    """A date whose every comparison adds one to ``CountedDate.compared``.

    Python asks the right operand first when it is a subclass of the left
    one's type, so ``date == counted`` is counted too."""

    compared = 0

    def _count(self) -> None:
        CountedDate.compared += 1

    def __eq__(self, other: object) -> bool:
        self._count()
        return super().__eq__(other)

    def __ne__(self, other: object) -> bool:
        self._count()
        return super().__ne__(other)

    def __lt__(self, other: dt.date) -> bool:
        self._count()
        return super().__lt__(other)

    def __le__(self, other: dt.date) -> bool:
        self._count()
        return super().__le__(other)

    def __gt__(self, other: dt.date) -> bool:
        self._count()
        return super().__gt__(other)

    def __ge__(self, other: dt.date) -> bool:
        self._count()
        return super().__ge__(other)

    __hash__ = dt.date.__hash__


def counted(day: dt.date) -> CountedDate:
    return CountedDate(day.year, day.month, day.day)
