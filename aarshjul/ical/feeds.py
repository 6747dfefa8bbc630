"""iCal feeds (SPEC §6): ``<body>.ics`` for each body, ``all.ics``, ``deadlines.ics``.

Staff subscribe to these from Outlook, Google, Apple and Thunderbird, which
poll them for years. What makes a feed behave:

- one VEVENT per meeting, with a UID that never changes, so an update moves
  an event instead of adding a second one (:mod:`aarshjul.ical.meeting_events`);
- one VTIMEZONE per feed, with yearly rules that hold after the feed's last
  meeting too (:mod:`aarshjul.ical.vtimezone`);
- stamps that say when each event last changed (:mod:`aarshjul.ical.stamps`),
  so two builds of one plan are byte-identical and a rebuild that changes
  nothing rewrites nothing (:func:`write_feeds`).

Building the texts is pure (:func:`build_feeds`): the build's time and the
previous build's records come in with the :class:`Stamper`.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

import attrs

from aarshjul.addresses import check_base_url
from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.paths import agenda_paths, agenda_url
from aarshjul.dates import in_words
from aarshjul.files import refuse_foreign, write_text_if_changed
from aarshjul.ical import encode
from aarshjul.ical.case_events import case_deadline_events
from aarshjul.ical.colors import css_name
from aarshjul.ical.event import Event
from aarshjul.ical.manifest import (
    ALL,
    DEADLINES,
    MANIFEST,
    manifest_text,
    previous_records,
    read_manifest,
)
from aarshjul.ical.meeting_events import deadline_event, meeting_event, zone_lines
from aarshjul.ical.stamps import Record, Stamper
from aarshjul.messages import _
from aarshjul.model import Meeting, Plan
from aarshjul.reproducible import build_time
from aarshjul.scheduling.calendar import WorkCalendar, work_calendar
from aarshjul.vocabulary import words

__all__ = ["Feeds", "Written", "build_feeds", "write_feeds"]

REFRESH = "PT6H"
"""How often clients are asked to poll (REFRESH-INTERVAL, X-PUBLISHED-TTL)."""


@attrs.frozen
class Feeds(Mapping[str, str]):
    """Every feed's text by its file name, and the record of each event
    written (for the manifest, from which the next build stamps its events)."""

    texts: Mapping[str, str]
    records: Mapping[str, Record]

    def __getitem__(self, name: str) -> str:
        return self.texts[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self.texts)

    def __len__(self) -> int:
        return len(self.texts)


def _calendar(plan: Plan, name: str, events: list[str], *, color: str | None,
              zone: Sequence[str]) -> str:
    title = encode.text_value(name)
    properties = [("NAME", title), ("X-WR-CALNAME", title), ("X-WR-TIMEZONE", plan.timezone),
                  ("REFRESH-INTERVAL;VALUE=DURATION", REFRESH), ("X-PUBLISHED-TTL", REFRESH)]
    if color:
        properties += [("COLOR", css_name(color)), ("X-APPLE-CALENDAR-COLOR", color.upper())]
    return encode.calendar_text(properties, zone, events)


def build_feeds(plan: Plan, agendas: Agendas, *, stamper: Stamper,
                base_url: str | None = None,
                date_words: Callable[[dt.date], str] | None = None) -> Feeds:
    """Every feed's file name and text. Pure: the build's time and the
    previous build are in ``stamper``. Raises ValueError for a ``base_url``
    that is no site's address (:func:`~aarshjul.addresses.check_base_url`)."""
    check_base_url(base_url)
    date_words = in_words(plan.language, date_words)
    records: dict[str, Record] = {}

    def stamped(event: Event) -> str:
        # Each event once: a meeting stands in its body's feed and in all.ics.
        encoded = encode.encode(event)
        record = records[event.uid] = stamper.record(event, encoded)
        return encoded.stamped(record.stamp)

    pages = agenda_paths(agendas)
    events = {m.uid: stamped(meeting_event(plan, m, agendas.agenda(m),
                                           url=agenda_url(base_url, pages[m.uid])))
              for m in agendas.meetings}
    # One VTIMEZONE, made for every meeting's times, serves every feed.
    zone = zone_lines(plan, agendas.meetings)
    said = words(plan.language)
    feeds = {}
    by_body: dict[str, list[Meeting]] = {body.id: [] for body in plan.bodies}
    for meeting in agendas.meetings:
        by_body[meeting.body].append(meeting)
    for body in plan.bodies:
        mine = by_body[body.id]
        feeds[f"{body.id}.ics"] = _calendar(
            plan, f"{plan.title} – {body.name}", [events[m.uid] for m in mine],
            color=body.color, zone=zone if mine else [])
    feeds[ALL] = _calendar(
        plan, f"{plan.title} – {said.all_meetings}", [events[m.uid] for m in agendas.meetings],
        color=None, zone=zone)
    feeds[DEADLINES] = _calendar(
        plan, f"{plan.title} – {said.deadlines}",
        [stamped(event) for event in _deadlines(plan, agendas, date_words)],
        color=None, zone=[])
    return Feeds(feeds, records)


def _deadlines(plan: Plan, agendas: Agendas, date_words: Callable[[dt.date], str]
               ) -> Iterator[Event]:
    """The deadlines before each meeting, in the meetings' order: its
    agenda's, then its cases' in the order of their items."""
    workdays = WorkCalendar(holidays=work_calendar(plan).holidays)
    cases = case_deadline_events(plan, agendas.cases, workdays, date_words)
    sent = {body.id for body in plan.bodies if body.agenda_deadline is not None}
    for meeting in agendas.meetings:
        if meeting.body in sent:
            yield deadline_event(plan, meeting, workdays, date_words)
        yield from cases.get(meeting.uid, ())


@attrs.frozen
class Written:
    """What :func:`write_feeds` did: feeds written, feeds left as they were,
    and feeds an earlier run wrote that the plan no longer has (removed)."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...] = ()


_OURS = f"\r\nPRODID:{encode.PRODID}\r\n".encode("ascii")


def _not_ours(path: Path) -> bool:
    """An .ics file aarshjul did not write: its head names another program.
    (An older aarshjul wrote its feeds without a manifest.)"""
    if not path.name.endswith(".ics"):
        return False
    if not path.is_file():  # a folder, a pipe
        return True
    try:
        with path.open("rb") as feed:
            return _OURS not in feed.read(256)
    except OSError:
        return True


def write_feeds(plan: Plan, agendas: Agendas, folder: str | os.PathLike[str], *,
                now: dt.datetime | None = None, base_url: str | None = None) -> Written:
    """Write the feeds into ``folder``, keeping the stamps of events that did
    not change since the last run, and remove the feeds of bodies that an
    earlier run wrote and the plan no longer has (its manifest says which).

    A folder without the manifest that holds .ics files aarshjul did not
    write is refused (:class:`~aarshjul.errors.SourceError`
    ``not-a-feed-folder``), nothing in it written."""
    check_base_url(base_url)  # before the folder is made
    out = Path(folder)
    refuse_foreign(out, MANIFEST, code="not-a-feed-folder", holds=_(".ics files"),
                   advice=_("write the feeds into a new folder, or into one of aarshjul's "
                            "feeds (they would replace files of the same names)"),
                   theirs=_not_ours)
    out.mkdir(parents=True, exist_ok=True)
    manifest = read_manifest(out)
    stamper = Stamper(now or build_time(), previous_records(out, manifest))
    feeds = build_feeds(plan, agendas, stamper=stamper, base_url=base_url)
    removed = tuple(sorted(manifest.feeds - set(feeds)))
    # The manifest first: it names the feeds still to be removed until they
    # are. A run stopped before every feed is written leaves it with digests
    # the feeds on disk do not have, and the next run reads the feeds for
    # their stamps instead: no stamp or SEQUENCE goes back.
    write_text_if_changed(out / MANIFEST, manifest_text(
        {**feeds, **dict.fromkeys(removed)}, feeds.records))
    changed = {name for name in feeds if write_text_if_changed(out / name, feeds[name])}
    for name in removed:
        (out / name).unlink(missing_ok=True)
    if removed:
        write_text_if_changed(out / MANIFEST, manifest_text(feeds, feeds.records))
    return Written(tuple(name for name in feeds if name in changed),
                   tuple(name for name in feeds if name not in changed), removed)
