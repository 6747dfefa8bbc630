"""iCal feeds (SPEC §6): ``<body>.ics`` for each body, ``all.ics``, ``deadlines.ics``.

Staff subscribe to these from Outlook, Google, Apple and Thunderbird, which
poll them for years. What makes a feed behave:

- one VEVENT per meeting, with a UID that never changes (the meeting's,
  from :mod:`aarshjul.scheduling.meetings`), so an update moves an event instead of
  adding a second one; a cancelled meeting stays, ``STATUS:CANCELLED``;
- one VTIMEZONE per feed, with yearly rules that hold after the feed's last
  meeting too (:mod:`aarshjul.ical.vtimezone`);
- DTSTAMP and LAST-MODIFIED say when the event's information last changed
  (RFC 5545 §3.8.7.2 for a feed without METHOD): an event that is the same
  as in the previous build keeps its stamps and SEQUENCE; a changed one gets
  the build's time, and its SEQUENCE grows when its time, place or status
  changed. So two builds of one plan are byte-identical, and a rebuild that
  changes nothing rewrites nothing (:func:`write_feeds`).

Building the texts is pure (:func:`build_feeds`): the build's time and the
previous build's events come in as arguments.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path

import attrs

from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.items import Agenda
from aarshjul.files import listed
from aarshjul.ical import lines as ics_text
from aarshjul.ical.colors import css_name
from aarshjul.ical.vtimezone import vtimezone
from aarshjul.model import Language, Meeting, Plan, Status
from aarshjul.reproducible import build_time
from aarshjul.scheduling.calendar import WorkCalendar, work_calendar
from aarshjul.uids import uid5

PRODID = "-//aarshjul//aarshjul//DA"
"""Without a version: an upgrade of aarshjul alone should not rewrite feeds."""
REFRESH = "PT6H"
"""How often clients are asked to poll (REFRESH-INTERVAL, X-PUBLISHED-TTL)."""
ALL = "all.ics"
SOURCE = "X-AARSHJUL-SOURCE"
"""The property that names an event's plan and body (``aarhus-msb-2025/sbu``):
how a publish knows the events of its plan among others in a calendar."""
DEADLINES = "deadlines.ics"
_STAMPED = ("DTSTAMP", "LAST-MODIFIED", "SEQUENCE")
_STAMPED_LINES = tuple(f"{name}{sep}" for name in _STAMPED for sep in ":;")
_READ_LINES = ("UID:", "DTSTAMP:", "SEQUENCE:")
_SIGNIFICANT = ("DTSTART", "DTEND", "LOCATION", "STATUS")
_WORDS = {
    Language.DA: {"cancelled": "AFLYST", "agenda": "Dagsorden", "note": "Bemærkning",
                  "deadline": "Frist for dagsorden", "all": "alle møder",
                  "deadlines": "frister for dagsordener", "page": "Dagsordenen"},
    Language.EN: {"cancelled": "CANCELLED", "agenda": "Agenda", "note": "Note",
                  "deadline": "Agenda deadline", "all": "all meetings",
                  "deadlines": "agenda deadlines", "page": "The agenda"},
}


@attrs.frozen
class Previous:
    """An event as the previous build wrote it: its lines but the stamps, as
    one text (LF between them), its stamp and its sequence."""

    text: str
    stamp: str
    sequence: int

    @property
    def content(self) -> tuple[str, ...]:
        return tuple(self.text.split("\n"))

    @property
    def significant(self) -> tuple[str, ...]:
        return _significant(self.content)


def _significant(content: Iterable[str]) -> tuple[str, ...]:
    return tuple(line for line in content if line.split(":", 1)[0].split(";", 1)[0]
                 in _SIGNIFICANT)


@attrs.frozen
class Stamper:
    """Decides each event's DTSTAMP and SEQUENCE from the previous build."""

    now: dt.datetime
    previous: Mapping[str, Previous] = attrs.field(factory=dict)
    _stamp: str = attrs.field(init=False, eq=False, repr=False)

    @_stamp.default
    def _now_stamp(self) -> str:  # the same for every event: written once
        return ics_text.utc_stamp(self.now)

    def __call__(self, uid: str, content: tuple[str, ...]) -> tuple[str, int]:
        before = self.previous.get(uid)
        if before is None:
            return self._stamp, 0
        if before.text == "\n".join(content):
            return before.stamp, before.sequence
        # In any order: a CalDAV server may store an event's lines in its own.
        grows = sorted(before.significant) != sorted(_significant(content))
        return self._stamp, before.sequence + grows


def agenda_paths(agendas: Agendas) -> dict[str, str]:
    """Each meeting's page, ``agendas/<body>/<date>.html`` (a second meeting of
    a body on one day gets ``<date>-2.html``), by meeting UID."""
    paths: dict[str, str] = {}
    taken: set[str] = set()
    for meeting in agendas.meetings:  # in date and time order
        base = f"agendas/{meeting.body}/{meeting.date.isoformat()}"
        path, number = f"{base}.html", 1
        while path in taken:
            number += 1
            path = f"{base}-{number}.html"
        taken.add(path)
        paths[meeting.uid] = path
    return paths


def agenda_url(base_url: str | None, page: str) -> str | None:
    """Where a meeting's agenda page is on the published site."""
    return f"{base_url.rstrip('/')}/{page}" if base_url else None


def _description(agenda: Agenda, meeting: Meeting, words: Mapping[str, str],
                 url: str | None) -> str:
    """The agenda with clock times, as plain lines a calendar shows."""
    lines = []
    if meeting.note:
        lines += [f"{words['note']}: {meeting.note}", ""]
    if agenda.items:
        lines.append(f"{words['agenda']}:")
        for item in agenda.items:
            time = (f"{item.start.dotted()}–{item.end.dotted()}"
                    if item.start and item.end and not agenda.cancelled else " " * 11)
            who = f" ({item.responsible})" if item.responsible else ""
            lines.append(f"{time}  {item.number}. {' '.join(item.title.split())}{who}")
    if url:
        lines += ["", f"{words['page']}: {url}"]
    return "\n".join(lines)


def meeting_event(plan: Plan, meeting: Meeting, agenda: Agenda, *, url: str | None,
                  stamper: Callable[[str, tuple[str, ...]], tuple[str, int]]) -> str:
    """A meeting's VEVENT, folded, as it stands in the feeds and in a CalDAV
    calendar (:mod:`aarshjul.publishing.sync`)."""
    words = _WORDS[plan.language]
    body = plan.body(meeting.body)
    cancelled = meeting.status is Status.CANCELLED
    summary = (f"{words['cancelled']}: " if cancelled else "") + (
        ics_text.visible(meeting.title).strip() or body.name)
    zone = plan.timezone
    categories = [body.kind] if body.kind else []
    if any(item.theme for item in agenda.items):
        themes = {t.id: t.name for t in plan.themes}
        categories += sorted({themes[i.theme] for i in agenda.items if i.theme in themes})
    content = [
        f"UID:{meeting.uid}",
        f"DTSTART;TZID={zone}:"
        + ics_text.local_time(meeting.date, meeting.start.hour, meeting.start.minute),
        f"DTEND;TZID={zone}:"
        + ics_text.local_time(meeting.date, meeting.end.hour, meeting.end.minute),
        f"SUMMARY:{ics_text.text(summary)}",
    ]
    location = ics_text.text(meeting.location)
    if location:
        content.append(f"LOCATION:{location}")
    description = _description(agenda, meeting, words, url)
    if description:
        content.append(f"DESCRIPTION:{ics_text.text(description)}")
    if categories:
        content.append("CATEGORIES:" + ",".join(ics_text.text(c) for c in categories))
    content.append(f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}")
    content.append("TRANSP:OPAQUE")
    if body.color:
        content.append(f"COLOR:{css_name(body.color)}")
    if url:
        content.append(f"URL;VALUE=URI:{url}")
    content.append(f"{SOURCE}:{plan.id}/{meeting.body}")
    return _stamped(content, stamper)


def _stamped(content: list[str], stamper: Callable[[str, tuple[str, ...]], tuple[str, int]]
             ) -> str:
    """The event, stamped and folded: ready to stand in any feed (a meeting
    is in its body's feed and in the feed of all, folded once)."""
    uid = content[0].removeprefix("UID:")
    stamp, sequence = stamper(uid, tuple(content))
    lines = ["BEGIN:VEVENT", content[0], f"DTSTAMP:{stamp}", f"LAST-MODIFIED:{stamp}",
             f"SEQUENCE:{sequence}", *content[1:], "END:VEVENT"]
    return ics_text.fold_lines(lines)


def deadline_day(meeting: Meeting, days: int, workdays: WorkCalendar) -> dt.date:
    """``days`` before the meeting, moved back to a workday (weekends and
    holidays; the staff work in school holidays)."""
    day = meeting.date - dt.timedelta(days=days)
    if workdays.is_workday(day):
        return day
    earlier = workdays.step_to_workday(day, forward=False, limit=day - dt.timedelta(days=60))
    return earlier or day


def _deadline(plan: Plan, meeting: Meeting, workdays: WorkCalendar,
              stamper: Callable[[str, tuple[str, ...]], tuple[str, int]],
              date_words: Callable[[dt.date], str]) -> str:
    words = _WORDS[plan.language]
    body = plan.body(meeting.body)
    assert body.agenda_deadline is not None
    day = deadline_day(meeting, body.agenda_deadline, workdays)
    cancelled = meeting.status is Status.CANCELLED
    summary = (f"{words['cancelled']}: " if cancelled else "") + (
        f"{words['deadline']}: {body.name} {date_words(meeting.date)}")
    uid = uid5(meeting.uid, "agenda-deadline")
    content = [
        f"UID:{uid}",
        f"DTSTART;VALUE=DATE:{ics_text.date(day)}",
        f"DTEND;VALUE=DATE:{ics_text.date(day + dt.timedelta(days=1))}",
        f"SUMMARY:{ics_text.text(summary)}",
        f"STATUS:{'CANCELLED' if cancelled else 'CONFIRMED'}",
        "TRANSP:TRANSPARENT",
        f"RELATED-TO:{meeting.uid}",
    ]
    if body.color:
        content.append(f"COLOR:{css_name(body.color)}")
    return _stamped(content, stamper)


def zone_lines(plan: Plan, meetings: Sequence[Meeting]) -> list[str]:
    """The VTIMEZONE that holds for every one of ``meetings`` (none for none)."""
    # Each wall-clock time once: a large plan's meetings share their times.
    instants = list(dict.fromkeys(dt.datetime.combine(m.date, time.to_time())
                                  for m in meetings for time in (m.start, m.end)))
    return vtimezone(plan.timezone, instants) if instants else []


def calendar_object(event: str, zone: Sequence[str]) -> str:
    """One event as a calendar object of its own, as a CalDAV calendar holds
    it: the event and its time zone, none of a feed's own properties."""
    head = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN"]
    return "".join([ics_text.fold_lines([*head, *zone]), event,
                    ics_text.fold("END:VCALENDAR")])


def _calendar(plan: Plan, name: str, events: list[str], *, color: str | None,
              zone: Sequence[str]) -> str:
    head = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        f"NAME:{ics_text.text(name)}",
        f"X-WR-CALNAME:{ics_text.text(name)}",
        f"X-WR-TIMEZONE:{plan.timezone}",
        f"REFRESH-INTERVAL;VALUE=DURATION:{REFRESH}",
        f"X-PUBLISHED-TTL:{REFRESH}",
    ]
    if color:
        head += [f"COLOR:{css_name(color)}", f"X-APPLE-CALENDAR-COLOR:{color.upper()}"]
    return "".join([ics_text.fold_lines([*head, *zone]), *events,
                    ics_text.fold("END:VCALENDAR")])


def build_feeds(plan: Plan, agendas: Agendas, *, stamper: Stamper,
                base_url: str | None = None,
                date_words: Callable[[dt.date], str] | None = None) -> dict[str, str]:
    """Every feed's file name and text. Pure: the build's time and the
    previous build are in ``stamper``."""
    if date_words is None:
        from aarshjul.dates import long_date  # noqa: PLC0415

        language = plan.language
        date_words = lambda day: long_date(day, language)  # noqa: E731
    pages = agenda_paths(agendas)
    events = {m.uid: meeting_event(plan, m, agendas.agenda(m),
                                   url=agenda_url(base_url, pages[m.uid]), stamper=stamper)
              for m in agendas.meetings}
    # One VTIMEZONE, made for every meeting's times, serves every feed.
    zone = zone_lines(plan, agendas.meetings)
    words = _WORDS[plan.language]
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
        plan, f"{plan.title} – {words['all']}", [events[m.uid] for m in agendas.meetings],
        color=None, zone=zone)
    deadlines = [m for m in agendas.meetings
                 if plan.body(m.body).agenda_deadline is not None]
    workdays = WorkCalendar(holidays=work_calendar(plan).holidays)
    feeds[DEADLINES] = _calendar(
        plan, f"{plan.title} – {words['deadlines']}",
        [_deadline(plan, m, workdays, stamper, date_words) for m in deadlines],
        color=None, zone=[])
    return feeds


def read_previous(texts: Iterable[str]) -> dict[str, Previous]:
    """The events of earlier feeds, by UID (only what aarshjul wrote is read)."""
    found: dict[str, Previous] = {}
    for text in texts:
        # Whole lines only: an escaped value never holds a line break, so a
        # title that says "END:VEVENT" cannot end an event here.
        unfolded = f"\n{ics_text.unfolded(text)}\n"
        for chunk in unfolded.split("\nBEGIN:VEVENT\n")[1:]:
            event, end, after = chunk.partition("\nEND:VEVENT")
            # A meeting stands in its body's feed and in all.ics: read once
            # (aarshjul writes the UID first).
            if (not end or after[:1] not in ("", "\n")
                    or event.partition("\n")[0].removeprefix("UID:") in found):
                continue
            read = _as_written(event) or _in_any_order(event)
            if read is not None:
                found[read[0]] = read[1]
    return found


_NAMED_ONCE = ("UID", "DTSTAMP", "LAST-MODIFIED", "SEQUENCE")
_NAMED_ONCE_INSIDE = tuple(f"\n{name}" for name in _NAMED_ONCE)


def _as_written(event: str) -> tuple[str, Previous] | None:
    """An event laid out as :func:`_stamped` writes it (its UID, its stamps,
    then no blank line and none of those again), read without splitting it
    into lines: a rebuild reads ten thousand. None if it is laid out otherwise."""
    parts = event.split("\n", 4)
    if len(parts) < 5:
        return None
    uid, stamp, modified, sequence, rest = parts
    if not (uid.startswith("UID:") and stamp.startswith("DTSTAMP:")
            and modified.startswith("LAST-MODIFIED:") and sequence.startswith("SEQUENCE:")):
        return None
    if (not rest or "\n\n" in rest or rest.startswith("\n") or rest.endswith("\n")
            or rest.startswith(_NAMED_ONCE) or any(name in rest for name in _NAMED_ONCE_INSIDE)):
        return None
    stamp, sequence = stamp[8:], sequence[9:]
    if not (uid[4:] and stamp and sequence.isascii() and sequence.isdigit()):
        return None
    return uid[4:], Previous(f"{uid}\n{rest}", stamp, int(sequence))


def _in_any_order(event: str) -> tuple[str, Previous] | None:
    lines = event.split("\n")
    content = [ln for ln in lines if ln and not ln.startswith(_STAMPED_LINES)]
    fields = dict(ln.partition(":")[::2] for ln in lines if ln.startswith(_READ_LINES))
    stamp, sequence = fields.get("DTSTAMP"), fields.get("SEQUENCE", "0")
    if fields.get("UID") and stamp and sequence.isascii() and sequence.isdigit():
        return fields["UID"], Previous("\n".join(content), stamp, int(sequence))
    return None


def read_previous_folder(folder: str | os.PathLike[str]) -> dict[str, Previous]:
    """The events of the feeds an earlier build left in ``folder``.

    ``all.ics`` holds every meeting's event as its body's feed does, to the
    byte: with ``deadlines.ics`` it is all there is to read, half of what the
    feeds hold together. Without it, every feed in the folder is read."""
    out = Path(folder)
    if (out / ALL).is_file():
        paths = [out / ALL, out / DEADLINES]
    else:
        paths = sorted(out.glob("*.ics")) if out.is_dir() else []
    return read_previous(path.read_text(encoding="utf-8", errors="replace")
                         for path in paths if path.is_file())


@attrs.frozen
class Written:
    """What :func:`write_feeds` did: feeds written, feeds left as they were,
    and feeds an earlier run wrote that the plan no longer has (removed)."""

    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...] = ()


FEEDS_MANIFEST = ".aarshjul-feeds"
"""The feeds :func:`write_feeds` wrote into a folder: the next run removes
those the plan no longer has (a body taken out of it), and no other file."""


def _feeds_listed(folder: Path) -> set[str]:
    # Only plain feed names: a list that was edited never reaches elsewhere.
    return {name for name in listed(folder / FEEDS_MANIFEST)
            if name.endswith(".ics") and name == Path(name).name}


def write_text_if_changed(path: Path, text: str) -> bool:
    """Write atomically (a reader sees the old file or the new one, never half
    of one), and only if the content differs, so that the file's mtime (and
    a web server's ETag) stays when nothing changed."""
    data = text.encode("utf-8")
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        Path(temporary).chmod(0o644)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return True


def write_feeds(plan: Plan, agendas: Agendas, folder: str | os.PathLike[str], *,
                now: dt.datetime | None = None, base_url: str | None = None) -> Written:
    """Write the feeds into ``folder``, keeping the stamps of events that did
    not change since the feeds already there, and remove the feeds of bodies
    that an earlier run wrote and the plan no longer has (:data:`FEEDS_MANIFEST`)."""
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    stamper = Stamper(now or build_time(), read_previous_folder(out))
    feeds = build_feeds(plan, agendas, stamper=stamper, base_url=base_url)
    # all.ics first: the next run reads the stamps from it, so a run stopped
    # half-way must not leave it older than a body's feed (a stamp or a
    # SEQUENCE would then go back).
    changed = {name for name in sorted(feeds, key=lambda name: name != ALL)
               if write_text_if_changed(out / name, feeds[name])}
    removed = tuple(sorted(_feeds_listed(out) - set(feeds)))
    for name in removed:
        (out / name).unlink(missing_ok=True)
    write_text_if_changed(out / FEEDS_MANIFEST, "".join(f"{name}\n" for name in sorted(feeds)))
    return Written(tuple(name for name in feeds if name in changed),
                   tuple(name for name in feeds if name not in changed), removed)
