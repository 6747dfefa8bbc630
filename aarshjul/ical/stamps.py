"""When each event last changed: stamps kept from one build to the next.

RFC 5545 asks a feed without METHOD to say in DTSTAMP when an event's
information last changed. So an event that is the same as in the previous
build keeps its stamp and SEQUENCE; a changed one gets the build's time, and
its SEQUENCE grows when its time, place or status changed (calendar programs
then tell their users). Two builds of one plan are thus byte-identical, and
a rebuild that changes nothing rewrites nothing.

What the previous build wrote is remembered as a :class:`Record` per event
(a digest of its content, one of what counts as a change of the appointment,
and its stamp), kept in the feeds' manifest (:mod:`aarshjul.ical.manifest`)
or made from events read back (:func:`record_of`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

import attrs

from aarshjul.ical.encode import Encoded, encode
from aarshjul.ical.event import Event, Stamp

__all__ = ["Record", "Stamper"]


@attrs.frozen
class Record:
    """What a build wrote of one event, enough to stamp the next build's."""

    digest: str
    significant: str
    stamp: Stamp


def record_of(event: Event, stamp: Stamp) -> Record:
    """The record of an event read back (from a calendar or an old feed)."""
    encoded = encode(event)
    return Record(encoded.digest, encoded.significant, stamp)


def _aware(_: object, __: object, now: dt.datetime) -> None:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"the build's time is a moment, with a time zone (got {now})")


@attrs.frozen
class Stamper:
    """Decides each event's stamp from the previous build's records; ``now``
    is the build's time, given to every event that changed."""

    now: dt.datetime = attrs.field(validator=_aware)
    previous: Mapping[str, Record] = attrs.field(factory=dict)

    def record(self, event: Event, encoded: Encoded) -> Record:
        """The event's record in this build: its stamp kept if its content is
        the previous build's, else ``now`` (with SEQUENCE one higher if its
        time, place or status changed)."""
        digest, changed = encoded.digest, encoded.significant
        before = self.previous.get(event.uid)
        if before is None:
            return Record(digest, changed, Stamp(self.now, 0))
        if before.digest == digest:
            return Record(digest, changed, before.stamp)
        grows = before.significant != changed
        return Record(digest, changed, Stamp(self.now, before.stamp.sequence + grows))
