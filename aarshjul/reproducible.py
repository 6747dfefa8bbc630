"""When a build happens: ``SOURCE_DATE_EPOCH`` for a reproducible build, or
the clock. A build reads it once, so that everything it makes (feed stamps,
the front page's coming meetings) agrees on one moment. A workbook of the
meetings has a moment of its own to fall back on, not the clock
(:func:`source_date`)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping

from aarshjul.errors import SourceError
from aarshjul.forms import YEARS
from aarshjul.messages import _


def build_time(environ: Mapping[str, str] | None = None) -> dt.datetime:
    """``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now.

    A value that is no number of seconds is an error, not a reason to use the
    clock: a build meant to be reproducible would quietly not be."""
    return source_date(environ) or dt.datetime.now(dt.UTC).replace(microsecond=0)


def source_date(environ: Mapping[str, str] | None = None) -> dt.datetime | None:
    """``SOURCE_DATE_EPOCH`` as a time in UTC, or None where it is not set: for
    what has a moment of its own to fall back on (a workbook's, the plan's
    first day), not the clock. A value that is no time is an error, as for
    :func:`build_time`."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch:
        return None
    try:
        if not (epoch.isascii() and epoch.isdigit()):
            raise ValueError(epoch)
        moment = dt.datetime.fromtimestamp(int(epoch), dt.UTC)
    except (ValueError, OverflowError, OSError):
        raise SourceError.single(
            "bad-source-date-epoch", _('"{epoch}" is not a time: SOURCE_DATE_EPOCH is '
                                       "whole seconds since 1970-01-01 UTC, like 1735732800",
                                       epoch=epoch),
            file="SOURCE_DATE_EPOCH") from None
    # A build reaches past its moment (the day in the plan's zone, the
    # coming meetings), as a plan reaches past its dates: the same years hold.
    if moment.year not in YEARS:
        raise SourceError.single(
            "bad-source-date-epoch", _('"{epoch}" is {moment} UTC, after the years aarshjul '
                                       "plans for ({years}); SOURCE_DATE_EPOCH is whole "
                                       "seconds since 1970-01-01 UTC, like 1735732800",
                                       epoch=epoch, moment=moment.strftime("%Y-%m-%d %H:%M:%S"),
                                       years=YEARS.said()),
            file="SOURCE_DATE_EPOCH")
    return moment
