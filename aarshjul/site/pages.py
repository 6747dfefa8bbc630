"""The static site (SPEC §7): the wheel, the coming meetings, an agenda page
for each meeting, the feeds and the plan as JSON, in one folder.

It works from any static host and from ``file://``: every link is relative,
and nothing is loaded from elsewhere (no CDN, no web fonts). With a base URL,
the page also gives the feeds' absolute ``https://`` and ``webcal://``
addresses to subscribe to.

:func:`site_files` computes every file's bytes (pure: the build's time and
the previous feeds come in as arguments). :func:`write_site` puts them in
place so that a reader of the folder sees the old site or the new one, never
a mix: the new one is assembled beside the old (unchanged files hard-linked,
so they keep their modification times) and the two folders are swapped in
one step. A build that changes nothing touches nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import secrets
import shutil
import stat
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

import attrs

from aarshjul.agenda.assembly import Agendas
from aarshjul.dates import full_date
from aarshjul.errors import SourceError
from aarshjul.files import listed
from aarshjul.model import Meeting, Plan, Status
from aarshjul.reproducible import build_time
from aarshjul.signals import uninterrupted
from aarshjul.site.forking import both
from aarshjul.templates import markup, render
from aarshjul.vocabulary import Words, capitalized, words

if TYPE_CHECKING:
    from aarshjul.ical.stamps import Record

# What only one half of a build needs (the feeds, the wheel, the agenda
# pages) is imported in that half, on its own processor: these imports are
# tens of milliseconds that would otherwise come before the halves start.

MANIFEST = ".aarshjul-site"
"""The list of files a build wrote: the next build removes those it no longer
writes, and leaves every other file in the folder alone."""
COMING = 12  # meetings listed on the front page

T = TypeVar("T")



def _feed_links(plan: Plan, base_url: str | None, said: Words
                ) -> list[dict[str, str | None]]:
    from aarshjul.ical.manifest import ALL, DEADLINES  # noqa: PLC0415

    feeds = [(f"{body.id}.ics", body.name) for body in plan.bodies]
    feeds += [(ALL, capitalized(said.all_meetings))]
    if any(body.agenda_deadline is not None for body in plan.bodies):
        feeds.append((DEADLINES, capitalized(said.deadlines)))
    links = []
    for name, label in feeds:
        url = f"{base_url.rstrip('/')}/feeds/{name}" if base_url else None
        webcal = ("webcal://" + url.split("://", 1)[1]) if url else None
        links.append({"name": label, "file": f"feeds/{name}", "url": url, "webcal": webcal})
    return links


def _coming(plan: Plan, agendas: Agendas, paths: Mapping[str, str], today: dt.date
            ) -> list[dict[str, object]]:
    body_names = {body.id: body.name for body in plan.bodies}
    upcoming = [m for m in agendas.meetings if m.date >= today][:COMING]
    # Times as the agenda pages write them (18.15 – 19.45).
    return [{"date": full_date(m.date, plan.language),
             "time": f"{m.start.dotted()} – {m.end.dotted()}",
             "body": body_names[m.body], "title": m.title, "location": m.location,
             "href": paths[m.uid], "cancelled": m.status is Status.CANCELLED}
            for m in upcoming]


def _years(plan: Plan) -> list[int]:
    return list(range(plan.start.year, plan.end.year + 1))


def plan_json(plan: Plan, agendas: Agendas) -> str:
    """The plan and its meetings, for programs (the meetings as ``aarshjul
    meetings --format json`` gives them)."""
    import json  # noqa: PLC0415

    from aarshjul.agenda.items import item_record  # noqa: PLC0415
    from aarshjul.agenda.listing import meeting_record  # noqa: PLC0415

    records: dict[object, dict[str, object]] = {}  # a series' meetings share their items

    def record(meeting: Meeting) -> dict[str, object]:
        found = meeting_record(meeting)
        agenda = agendas.by_uid.get(meeting.uid)
        if agenda is not None:
            found["items"] = [records.get(item) or records.setdefault(item, item_record(item))
                              for item in agenda.items]
        return found

    data = {
        "title": plan.title, "id": plan.id, "start": plan.start.isoformat(),
        "end": plan.end.isoformat(), "timezone": plan.timezone,
        "language": plan.language.value,
        "bodies": [{"id": b.id, "name": b.name, "kind": b.kind, "location": b.location,
                    "color": b.color} for b in plan.bodies],
        "themes": [{"id": t.id, "name": t.name, "color": t.color} for t in plan.themes],
        "meetings": [record(m) for m in agendas.meetings],
    }
    # Compact: json writes indented output with its slow pure-Python encoder.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def site_files(plan: Plan, agendas: Agendas, *, now: dt.datetime,
               previous: Mapping[str, Record] | None = None,
               base_url: str | None = None) -> dict[str, bytes]:
    """Every file of the site, by its path in the folder. ``now`` is the
    build's time: it stamps changed feed events and decides which meetings
    are coming."""
    pages, views = _halves(plan, agendas, now=now, base_url=base_url,
                             previous=lambda: previous or {}, then=lambda files: files)
    return dict(sorted({**pages, **views}.items()))


def _halves(plan: Plan, agendas: Agendas, *, now: dt.datetime, base_url: str | None,
            previous: Callable[[], Mapping[str, Record]],
            then: Callable[[dict[str, bytes]], T]) -> tuple[T, T]:
    """The agendas (pages and JSON), and the calendar's views (feeds, wheels,
    front page), each passed to ``then``. They are independent: on two
    processors, at once. The halves take about equally long (measured on a
    plan of 100 bodies, the files written included)."""
    return both(
        lambda: then(_agendas(plan, agendas)),
        lambda: then(_views(plan, agendas, now=now, base_url=base_url,
                            previous=previous())))


def _agendas(plan: Plan, agendas: Agendas) -> dict[str, bytes]:
    """A page for each meeting's agenda, and the plan as JSON."""
    from aarshjul.agenda.documents import as_html  # noqa: PLC0415
    from aarshjul.site.paths import agenda_paths  # noqa: PLC0415

    language = plan.language
    paths = agenda_paths(agendas)
    back = ("../../index.html", words(language).wheel)
    # As bytes at once: the text's memory then serves the next page.
    files = {paths[meeting.uid]: as_html(agendas.agenda(meeting), language,
                                         back=back).encode("utf-8")
             for meeting in agendas.meetings}
    files["plan.json"] = plan_json(plan, agendas).encode("utf-8")
    return files


def _views(plan: Plan, agendas: Agendas, *, now: dt.datetime, base_url: str | None,
           previous: Mapping[str, Record]) -> dict[str, bytes]:
    """The feeds, the wheels and the front page."""
    from aarshjul.ical.feeds import build_feeds  # noqa: PLC0415
    from aarshjul.ical.manifest import MANIFEST, manifest_text  # noqa: PLC0415
    from aarshjul.ical.stamps import Stamper  # noqa: PLC0415
    from aarshjul.site.paths import agenda_paths  # noqa: PLC0415
    from aarshjul.wheel.drawing import mark_today, wheel_svg  # noqa: PLC0415

    feeds = build_feeds(plan, agendas, stamper=Stamper(now, previous), base_url=base_url)
    files = {f"feeds/{name}": text for name, text in feeds.items()}
    files[f"feeds/{MANIFEST}"] = manifest_text(feeds, feeds.records)
    language = plan.language
    said = words(language)
    paths = agenda_paths(agendas)
    today = now.astimezone(_zone(plan)).date()
    wheels = []
    for year in _years(plan):
        svg = wheel_svg(plan, agendas, year=year, link=lambda m: paths[m.uid])
        files[f"wheel-{year}.svg"] = svg
        marked = mark_today(svg, year=year, today=today, language=language)
        wheels.append({"year": year, "svg": markup(marked),
                       "file": f"wheel-{year}.svg"})
    files["index.html"] = render(
        "site_index.html.j2", plan=plan, words=said, language=language.value,
        wheels=wheels, coming=_coming(plan, agendas, paths, today),
        feeds=_feed_links(plan, base_url, said),
        today=full_date(today, language))
    return {path: text.encode("utf-8") for path, text in files.items()}


def _zone(plan: Plan) -> dt.tzinfo:
    import zoneinfo  # noqa: PLC0415

    return zoneinfo.ZoneInfo(plan.timezone)


@attrs.frozen
class Built:
    """What :func:`write_site` did."""

    written: tuple[str, ...]
    removed: tuple[str, ...]
    unchanged: int

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)


def _same(path: str, data: bytes) -> bool:
    try:
        if os.stat(path).st_size != len(data):
            return False
        with open(path, "rb") as file:
            return file.read() == data
    except (FileNotFoundError, NotADirectoryError, IsADirectoryError):
        return False


def previous_records(folder: str | os.PathLike[str]) -> dict[str, Record]:
    """The records of the events an earlier build left in the site's feeds."""
    from aarshjul.ical import manifest  # noqa: PLC0415

    feeds = Path(folder) / "feeds"
    return manifest.previous_records(feeds, manifest.read_manifest(feeds))


def _foreign(target: str, ours: set[str]) -> list[str]:
    """Files in the folder that no build of aarshjul wrote (a .htaccess, a logo)."""
    found = []
    for top, _, names in os.walk(target):
        prefix = os.path.relpath(top, target).replace(os.sep, "/")
        for name in names:
            relative = name if prefix == "." else f"{prefix}/{name}"
            if relative not in ours and relative != MANIFEST:
                found.append(relative)
    return found


class _Stage:
    """A new site assembled beside the old one, then swapped in whole.

    Its folder is made only when a first file differs from the old site's,
    so a build that changes nothing touches nothing. Both halves of a build
    (:func:`aarshjul.site.forking.both`) may :meth:`put` files into it at once,
    each from its own process; :meth:`finish` then completes and swaps it."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        # Where a link points: the real folder is the one to replace.
        self.target = Path(os.path.realpath(folder))
        if self.target.exists() and not self.target.is_dir():
            raise NotADirectoryError(f"{folder} is not a folder")
        if (self.target.is_dir() and not (self.target / MANIFEST).exists()
                and any(self.target.iterdir())):
            raise SourceError.single(
                "not-a-site", f"the folder holds files but no {MANIFEST}, so aarshjul did "
                "not build it: build into a new or empty folder (a site's files replace "
                "the folder's whole content)", file=os.fspath(folder))
        # Plain strings and os calls from here: a site has thousands of files.
        self.root = os.fspath(self.target)
        # Named now, made when needed, by whichever process needs it first.
        self.path = f"{self.target.parent}/.{self.target.name}.{secrets.token_hex(6)}"
        self.old = listed(self.target / MANIFEST)
        self._made: set[str] = set()

    def put(self, files: Mapping[str, bytes]) -> list[str]:
        """Stage the files that differ from the old site's; their names."""
        for name in files:
            if name.startswith("/") or ".." in name.split("/"):
                raise ValueError(f"a site file outside the site: {name}")
        # A file the last build did not write is written, unread: the site's
        # own file takes the place of one of the same name that someone put
        # there (as it always did), and a first build stats nothing.
        written = [name for name, data in files.items()
                   if name not in self.old or not _same(f"{self.root}/{name}", data)]
        for name in written:
            self._folder(os.path.dirname(name))
            _write(f"{self.path}/{name}", files[name])
        return written

    def _folder(self, name: str) -> None:
        if name not in self._made:
            # exist_ok: the other half of the build may have just made it.
            os.makedirs(f"{self.path}/{name}" if name else self.path, exist_ok=True)
            self._made.add(name)

    def finish(self, names: Collection[str], written: Collection[str]) -> Built:
        """Complete the staged site (the files of ``names`` not written are
        the old ones, linked) and swap it in, unless nothing changed."""
        removed = tuple(sorted(self.old - set(names)))
        manifest = "".join(f"{name}\n" for name in sorted(names)).encode("utf-8")
        if not written and not removed and _same(f"{self.root}/{MANIFEST}", manifest):
            return Built((), (), len(names))
        changed = set(written)
        kept = [name for name in names if name not in changed]
        if self.target.is_dir():  # files that are not the site's stay
            kept += _foreign(self.root, self.old | set(names))
        # One after the other: threads only take turns on the interpreter
        # (and on ext4's inode allocator), measured several times slower.
        for name in kept:
            self._folder(os.path.dirname(name))
            _keep(f"{self.root}/{name}", f"{self.path}/{name}")
        self._folder("")
        with open(f"{self.path}/{MANIFEST}", "wb") as file:
            file.write(manifest)
        # The folder keeps its permissions (a site's group may read it).
        os.chmod(self.path, stat.S_IMODE(self.target.stat().st_mode)
                 if self.target.is_dir() else 0o755)
        with uninterrupted():  # where two renames are needed, both or neither
            _swap(Path(self.path), self.target)
        return Built(tuple(sorted(written)), removed, len(names) - len(written))

    def discard(self) -> None:
        """Remove the staging folder (after the swap, it holds the old site)."""
        with uninterrupted():  # a Ctrl-C now would leave the folder half removed
            shutil.rmtree(self.path, ignore_errors=True)


def write_site(files: Mapping[str, bytes], folder: str | os.PathLike[str]) -> Built:
    """Put the site's files in ``folder``, all at once or not at all.

    The folder must be new, empty or a site built before (it holds
    :data:`MANIFEST`): the build replaces the folder as a whole, and a folder
    of other things (a home, a web server's root) is not to be replaced."""
    stage = _Stage(folder)
    try:
        return stage.finish(list(files), stage.put(files))
    finally:
        stage.discard()


def build_site(plan: Plan, agendas: Agendas, folder: str | os.PathLike[str], *,
               base_url: str | None = None, now: dt.datetime | None = None) -> Built:
    """Build the site into ``folder``, as :func:`site_files` and
    :func:`write_site` would, from the plan and the feeds already there.
    ``now`` defaults to ``SOURCE_DATE_EPOCH`` or the clock (:func:`build_time`).

    Each half of the work stages its own files as it makes them, so that the
    pages never travel between processes and the writing is shared too."""
    stage = _Stage(folder)
    try:
        pages, views = _halves(
            plan, agendas, now=now or build_time(), base_url=base_url,
            previous=lambda: previous_records(folder),
            then=lambda files: (list(files), stage.put(files)))
        return stage.finish([*pages[0], *views[0]], [*pages[1], *views[1]])
    finally:
        stage.discard()


def _write(path: str, data: bytes) -> None:
    # The system's calls: a file object costs as much as the writing, and
    # a site has thousands of small files.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_CLOEXEC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view):]
    finally:
        os.close(descriptor)


def _keep(old: str, new: str) -> None:
    """The same file in the new site: its modification time stays."""
    try:
        os.link(old, new)
    except OSError:  # a file system without hard links
        shutil.copy2(old, new)


_RENAME_EXCHANGE = 2


def _swap(staging: Path, target: Path) -> None:
    """Make ``staging`` the site. Where the system can (Linux), the two
    folders trade places in one step; elsewhere the old one steps aside first.
    Afterwards ``staging`` holds the old site, to be removed."""
    if not target.exists():
        staging.rename(target)
        staging.mkdir()
        return
    import ctypes  # noqa: PLC0415
    # The running program's own symbols include the C library's (and finding
    # the library by name would start a process).
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
    if renameat2 is not None:
        at_cwd = -100
        result = renameat2(at_cwd, os.fsencode(staging), at_cwd, os.fsencode(target),
                           _RENAME_EXCHANGE)
        if result == 0:
            return
    aside = staging.with_name(staging.name + ".old")
    target.rename(aside)
    staging.rename(target)
    aside.rename(staging)
