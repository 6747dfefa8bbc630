"""The feeds' manifest: what the last run wrote into a folder of feeds.

``.aarshjul-feeds`` beside the feeds lists the feeds written (the next run
removes those the plan no longer has, a body taken out of it, and no other
file) and each event's :class:`~aarshjul.ical.stamps.Record`, from which the
next run stamps its events. It is JSON::

    {"aarshjul-feeds": 1, "feeds": ["all.ics", …],
     "events": {"<uid>": ["<digest>", "<significant>", "20250101T120000Z", 0], …}}

A folder without one (feeds of an older aarshjul, which wrote only the
names, one a line) has its stamps read from the feeds themselves, with
icalendar (:func:`previous_records`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from pathlib import Path

import attrs

from aarshjul.errors import SourceError
from aarshjul.ical.encode import utc_stamp
from aarshjul.ical.event import Stamp
from aarshjul.ical.stamps import Record, record_of

__all__ = ["MANIFEST", "Manifest", "manifest_text", "previous_records", "read_manifest"]

MANIFEST = ".aarshjul-feeds"
ALL = "all.ics"
DEADLINES = "deadlines.ics"
_FORMAT = 1
_STAMP = "%Y%m%dT%H%M%SZ"


@attrs.frozen
class Manifest:
    """The feeds a run wrote, and its records of their events (none if it
    kept none)."""

    feeds: frozenset[str] = frozenset()
    records: Mapping[str, Record] | None = None


def manifest_text(feeds: Iterable[str], records: Mapping[str, Record]) -> str:
    """The manifest as JSON, an event a line (its changes read well in a diff)."""
    events = ",\n".join(
        f'{json.dumps(uid)}:["{r.digest}","{r.significant}","{utc_stamp(r.stamp.at)}",'
        f"{r.stamp.sequence}]" for uid, r in records.items())
    return (f'{{"aarshjul-feeds":{_FORMAT},"feeds":{json.dumps(sorted(feeds))},\n'
            f'"events":{{\n{events}}}}}\n')


def _plain_names(names: Iterable[object]) -> frozenset[str]:
    # Only plain feed names: a list that was edited never reaches elsewhere.
    return frozenset(name for name in names if isinstance(name, str)
                     and name.endswith(".ics") and name == Path(name).name)


def read_manifest(folder: Path) -> Manifest:
    """The manifest in ``folder``; an empty one where there is none, and
    one without records where it is not of this format (or not whole)."""
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # none, or not one of ours
        return Manifest()
    if not text.startswith("{"):  # an older aarshjul's: the names, one a line
        return Manifest(_plain_names(text.splitlines()))
    try:
        data = json.loads(text)
        feeds = _plain_names(data["feeds"])
        stamps: dict[tuple[str, int], Stamp] = {}  # a feed's events share a few stamps
        records = {}
        for uid, (digest, significant, at, sequence) in data["events"].items():
            stamp = stamps.get((at, sequence))
            if stamp is None:
                moment = dt.datetime.strptime(at, _STAMP).replace(tzinfo=dt.UTC)
                stamp = stamps[at, sequence] = Stamp(moment, sequence)
            records[uid] = Record(digest, significant, stamp)
        if data["aarshjul-feeds"] != _FORMAT:
            raise ValueError(data["aarshjul-feeds"])
    except (ValueError, KeyError, TypeError, AttributeError):  # edited, or cut off
        return Manifest()
    return Manifest(feeds, records)


def previous_records(folder: Path, manifest: Manifest) -> dict[str, Record]:
    """The records of the events an earlier run left in ``folder``: from its
    ``manifest``, or else read from its feeds with icalendar. ``all.ics``
    holds every meeting's event as its body's feed does, to the byte: with
    ``deadlines.ics`` it is all there is to read."""
    if manifest.records is not None:
        return dict(manifest.records)
    if (folder / ALL).is_file():
        paths = [folder / ALL, folder / DEADLINES]
    else:
        paths = sorted(folder.glob("*.ics")) if folder.is_dir() else []
    paths = [path for path in paths if path.is_file()]
    if not paths:  # a new folder: nothing to read, and no icalendar to load
        return {}
    from aarshjul.ical.decode import decode

    records: dict[str, Record] = {}
    for path in paths:
        try:
            found = decode(path.read_bytes(), source=str(path))
        except (OSError, SourceError):  # unreadable, or not a feed: nothing to keep
            continue
        for read in found:
            if read.event is not None and read.uid not in records:
                records[read.uid] = record_of(read.event, read.stamp)
    return records
