"""The feeds' manifest: what the last run wrote into a folder of feeds.

``.aarshjul-feeds`` beside the feeds lists the feeds written (the next run
removes those the plan no longer has, a body taken out of it, and no other
file) with a digest of each, and each event's
:class:`~aarshjul.ical.stamps.Record`, from which the next run stamps its
events. It is JSON, a feed and an event a line (its changes read well in a
diff), and ends with a digest of all before it::

    {"aarshjul-feeds":2,"feeds":{
    "all.ics":"<digest of the feed>",
    "rm.ics":null,                      (written, or to be removed)
    …},
    "events":{
    "<uid>":["<digest>","<significant>","20250101T120000Z",0],
    …},
    "digest":"<digest of the lines above>"}

Its records are used only where they say what the feeds in the folder say:
the manifest is whole (its digest holds), every entry is of its form, and
every feed it lists is on disk as it was written. A manifest restored from
a backup, one edited by hand, cut off, of an older aarshjul, or beside a
feed that was edited or written over, has none: the stamps are then read
from the feeds themselves, with icalendar (:func:`previous_records`), so
that no SEQUENCE goes below one a feed on disk has. The list of feeds is
kept from whatever of the manifest can be read, a cut-off one too: a feed
an earlier run wrote is removed once its body leaves the plan.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import attrs

from aarshjul.errors import SourceError
from aarshjul.files import regular_file
from aarshjul.ical.encode import utc_stamp
from aarshjul.ical.event import Stamp
from aarshjul.ical.stamps import Record, record_of

__all__ = ["MANIFEST", "Manifest", "manifest_text", "previous_records", "read_manifest"]

MANIFEST = ".aarshjul-feeds"
ALL = "all.ics"
DEADLINES = "deadlines.ics"
_FORMAT = 2
_STAMP = "%Y%m%dT%H%M%SZ"
_DIGEST = '\n"digest":'
_NAME = re.compile(r'"([^"\\/]+\.ics)"')  # a feed's name, as JSON writes it


@attrs.frozen
class Manifest:
    """The feeds a run wrote, and its records of their events (none where
    they may not say what the feeds in the folder say)."""

    feeds: frozenset[str] = frozenset()
    records: Mapping[str, Record] | None = None


def feed_digest(data: bytes) -> str:
    """What tells a feed's bytes from others'."""
    return hashlib.sha1(data).hexdigest()[:20]


def manifest_text(feeds: Mapping[str, str | None], records: Mapping[str, Record]) -> str:
    """The manifest of ``feeds`` (each name's text, or None for a feed still
    to be removed) and of the events' ``records``."""
    listed = ",\n".join(
        f"{json.dumps(name)}:"
        + (f'"{feed_digest(text.encode("utf-8"))}"' if text is not None else "null")
        for name, text in sorted(feeds.items()))
    events = ",\n".join(
        f'{json.dumps(uid)}:["{r.digest}","{r.significant}","{utc_stamp(r.stamp.at)}",'
        f"{r.stamp.sequence}]" for uid, r in records.items())
    head = (f'{{"aarshjul-feeds":{_FORMAT},"feeds":{{\n{listed}}},\n'
            f'"events":{{\n{events}}},')
    return f'{head}{_DIGEST}"{feed_digest(head.encode("utf-8"))}"}}\n'


def _plain_names(names: Iterable[object]) -> frozenset[str]:
    # Only plain feed names: a list that was edited never reaches elsewhere.
    return frozenset(name for name in names if isinstance(name, str)
                     and name.endswith(".ics") and name == Path(name).name)


def read_manifest(folder: Path) -> Manifest:
    """The manifest in ``folder``: the feeds it lists, and its records where
    they say what the feeds in ``folder`` say. An empty one where there is
    none."""
    try:
        text = (folder / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):  # none, or not one of ours
        return Manifest()
    if not text.startswith("{"):  # an older aarshjul's: the names, one a line
        return Manifest(_plain_names(text.splitlines()))
    try:
        data = json.loads(text)
    except ValueError:  # cut off: the names it had before the cut
        return Manifest(_plain_names(_NAME.findall(text.partition('"events"')[0])))
    if not isinstance(data, dict):
        return Manifest()
    listed = data.get("feeds")
    feeds = _plain_names(listed if isinstance(listed, dict | list) else ())
    return Manifest(feeds, _records(text, data, folder))


def _records(text: str, data: dict[str, Any], folder: Path) -> dict[str, Record] | None:
    """The records of a manifest whose every part is as written, beside the
    feeds it was written with; None for any other."""
    head, _, digest = text.rpartition(_DIGEST)
    if (data.get("aarshjul-feeds") != _FORMAT or type(data.get("aarshjul-feeds")) is not int
            or f'"{feed_digest(head.encode("utf-8"))}"}}\n' != digest):
        return None  # of another format, edited, or not whole
    feeds, events = data.get("feeds"), data.get("events")
    if not isinstance(feeds, dict) or not isinstance(events, dict):
        return None
    for name, written in feeds.items():
        if written is not None and _on_disk(folder, name) != written:
            return None  # a feed edited, written over, or gone since
    stamps: dict[tuple[str, int], Stamp] = {}  # a feed's events share a few stamps
    records = {}
    for uid, entry in events.items():
        if not _is_entry(entry):
            return None
        digest, significant, at, sequence = entry
        stamp = stamps.get((at, sequence))
        if stamp is None:
            try:
                moment = dt.datetime.strptime(at, _STAMP).replace(tzinfo=dt.UTC)
            except ValueError:
                return None
            stamp = stamps[at, sequence] = Stamp(moment, sequence)
        records[uid] = Record(digest, significant, stamp)
    return records


def _is_entry(entry: object) -> bool:
    """``["<digest>", "<significant>", "<stamp>", <sequence>]``: texts, and a
    SEQUENCE that is a whole number of at least 0 (not a bool, which JSON's
    true would give)."""
    return (isinstance(entry, list) and len(entry) == 4
            and all(isinstance(part, str) for part in entry[:3])
            and type(entry[3]) is int and entry[3] >= 0)


def _on_disk(folder: Path, name: object) -> str | None:
    if not isinstance(name, str) or name not in _plain_names([name]):
        return None
    try:
        regular_file(folder / name)  # a pipe in a feed's place is not waited on
        return feed_digest((folder / name).read_bytes())
    except (OSError, SourceError):
        return None


def previous_records(folder: Path, manifest: Manifest) -> dict[str, Record]:
    """The records of the events an earlier run left in ``folder``: from its
    ``manifest``, or else read from every feed in it with icalendar. An
    event in more than one feed (a body's feed and ``all.ics``; feeds that
    a run stopped half-way left of two builds) gets the record with the
    highest SEQUENCE, then the latest stamp: no feed a subscriber may have
    read is then sent an event older than its own."""
    if manifest.records is not None:
        return dict(manifest.records)
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
            before = records.get(read.uid)
            if read.event is not None and (before is None or _later(read.stamp, before.stamp)):
                records[read.uid] = record_of(read.event, read.stamp)
    return records


def _later(stamp: Stamp, than: Stamp) -> bool:
    return (stamp.sequence, stamp.at) > (than.sequence, than.at)
