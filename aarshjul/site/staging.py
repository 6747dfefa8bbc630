"""Putting a site's files in place, all at once or not at all (SPEC §7).

A reader of the folder sees the old site or the new one, never a mix: the
new one is assembled beside the old (unchanged files hard-linked, so they
keep their modification times and a web server's ETag) and the two folders
are swapped in one step. A build that changes nothing touches nothing, and
files that are not the site's (a .htaccess, a logo) stay.

One build at a time puts a site in place: it holds a lock on a file beside
the folder (:func:`site_lock`), and under it removes the staging folders a
build killed outright (``kill -9``, a power cut) left beside the site.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
import re
import secrets
import shutil
import stat
from collections.abc import Collection, Iterator, Mapping
from pathlib import Path

import attrs

from aarshjul.errors import SourceError
from aarshjul.files import listed, refuse_foreign
from aarshjul.messages import _
from aarshjul.signals import uninterrupted

__all__ = ["Built"]

_STAGING = 6
"""Random bytes in a staging folder's name, ``.<site>.<12 hex digits>``
beside the site (and ``.<site>.<hex>.old``, where two renames swap it)."""

MANIFEST = ".aarshjul-site"
"""The list of files a build wrote: the next build removes those it no longer
writes, and leaves every other file in the folder alone."""


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


def _foreign(target: str, ours: set[str]) -> tuple[list[str], dict[str, os.stat_result]]:
    """What in the folder no build of aarshjul wrote (a .htaccess, a logo, a
    link, to a folder too), and every folder in it with its status."""
    found, folders = [], {}
    for top, dirs, names in os.walk(target):
        prefix = os.path.relpath(top, target).replace(os.sep, "/")
        for name in list(dirs):
            relative = name if prefix == "." else f"{prefix}/{name}"
            status = os.lstat(f"{top}/{name}")
            if stat.S_ISLNK(status.st_mode):  # a link to a folder: a link it stays
                dirs.remove(name)
                if relative not in ours:
                    found.append(relative)
            else:
                folders[relative] = status
        for name in names:
            relative = name if prefix == "." else f"{prefix}/{name}"
            if relative not in ours and relative != MANIFEST:
                found.append(relative)
    return found, folders


def _parents(names: Collection[str]) -> set[str]:
    """The folders that hold ``names``, at every depth."""
    parents = set()
    for name in names:
        folder = name
        while "/" in folder:
            folder = folder.rpartition("/")[0]
            parents.add(folder)
    return parents


def _as_before(path: str, status: os.stat_result) -> None:
    """A folder made anew gets the owner and mode the old one had (a private
    folder stays private). Another owner only where the system lets it."""
    with contextlib.suppress(PermissionError):
        now = os.lstat(path)
        if (status.st_uid, status.st_gid) != (now.st_uid, now.st_gid):
            os.chown(path, status.st_uid, status.st_gid)
    os.chmod(path, stat.S_IMODE(status.st_mode))


class _Stage:
    """A new site assembled beside the old one, then swapped in whole.

    Its folder is made only when a first file differs from the old site's,
    so a build that changes nothing touches nothing."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        # Where a link points: the real folder is the one to replace.
        self.target = Path(os.path.realpath(folder))
        _a_folder(self.target, folder)
        refuse_foreign(self.target, MANIFEST, code="not-a-site", holds=_("files"),
                       advice=_("build into a new or empty folder (a site's files replace "
                                "the folder's whole content)"), theirs=lambda entry: True)
        # Plain strings and os calls from here: a site has thousands of files.
        self.root = os.fspath(self.target)
        # Named now, made when a first file needs it.
        self.path = f"{self.target.parent}/.{self.target.name}.{secrets.token_hex(_STAGING)}"
        self.old = listed(self.target / MANIFEST)
        self._made: set[str] = set()

    def put(self, files: Mapping[str, bytes]) -> list[str]:
        """Stage the files that differ from the old site's; their names."""
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
        folders: dict[str, os.stat_result] = {}
        if self.target.is_dir():  # what is not the site's stays
            found, folders = _foreign(self.root, self.old | set(names))
            # A link where the site now has a folder gives way, as a file does.
            folders_of_site = _parents(names)
            kept += [name for name in found if name not in folders_of_site]
        # One after the other: threads only take turns on the interpreter
        # (and on ext4's inode allocator), measured several times slower.
        for name in kept:
            self._folder(os.path.dirname(name))
            _keep(f"{self.root}/{name}", f"{self.path}/{name}")
        # A folder the last build did not make for its files is someone's,
        # kept though empty; one only the old site's files needed goes.
        theirs = set(folders) - _parents(self.old)
        for name in theirs:
            self._folder(name)
        self._folder("")
        # Last, and the deepest first: a folder of mode 500 is written into no more.
        made = self._made | _parents(self._made)
        for name in sorted(made & set(folders), reverse=True):
            _as_before(f"{self.path}/{name}", folders[name])
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
    of other things (a home, a web server's root) is not to be replaced.
    Another build of the folder running meanwhile is ``site-busy``
    (:func:`site_lock`)."""
    _inside(files)
    with site_lock(folder):
        return put_site(files, folder)


def put_site(files: Mapping[str, bytes], folder: str | os.PathLike[str]) -> Built:
    """:func:`write_site`, where the caller holds :func:`site_lock`."""
    _inside(files)
    stage = _Stage(folder)
    try:
        return stage.finish(list(files), stage.put(files))
    finally:
        stage.discard()


def _inside(files: Collection[str]) -> None:
    for name in files:
        if name.startswith("/") or ".." in name.split("/"):
            raise ValueError(f"a site file outside the site: {name}")


@contextlib.contextmanager
def site_lock(folder: str | os.PathLike[str]) -> Iterator[None]:
    """Inside, this process alone builds the site in ``folder``: it holds the
    lock on ``.<site>.lock`` beside it (the folder where a link to it points).
    Another build holding it is ``site-busy`` at ``folder``. Under the lock,
    the staging folders of builds that were killed outright are removed:
    those of this site alone (by their name), which no live build uses, as
    every live build holds the lock. The lock file stays, an empty file: a
    lock file removed while another process waits on it locks nothing."""
    target = Path(os.path.realpath(folder))
    _a_folder(target, folder)  # before a lock file is made beside it
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(target.parent / f".{target.name}.lock",
                             os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    except OSError as error:
        # The user named the site, not its lock: a folder that cannot be
        # written is said of the site.
        error.filename = os.fspath(folder)
        raise
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SourceError.single(
                "site-busy", _("another build of this site is running: build again when "
                               "it has finished"), file=os.fspath(folder)) from None
        _remove_stale(target)
        yield
    finally:
        os.close(descriptor)  # which lets the lock go


def _a_folder(target: Path, folder: str | os.PathLike[str]) -> None:
    """A site is a folder, or a place for one: a file, a pipe or a device
    where it should be is ``not-a-folder``."""
    if target.exists() and not target.is_dir():
        raise SourceError.single("not-a-folder", _("is a file, not a folder"),
                                 file=os.fspath(folder))


def _remove_stale(target: Path) -> None:
    """Remove the staging folders a killed build of ``target`` left beside it."""
    staging = re.compile(rf"\.{re.escape(target.name)}\.[0-9a-f]{{{2 * _STAGING}}}(\.old)?")
    with os.scandir(target.parent) as entries:
        stale = [entry.path for entry in entries
                 if staging.fullmatch(entry.name) and entry.is_dir(follow_symlinks=False)]
    for path in stale:
        with uninterrupted():
            shutil.rmtree(path, ignore_errors=True)


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
    """The same file in the new site (or link: it points where it pointed):
    its modification time stays."""
    try:
        os.link(old, new, follow_symlinks=False)  # a link stays a link
    except OSError:  # a file system without hard links
        shutil.copy2(old, new, follow_symlinks=False)


_RENAME_EXCHANGE = 2


def _swap(staging: Path, target: Path) -> None:
    """Make ``staging`` the site. Where the system can (Linux), the two
    folders trade places in one step; elsewhere the old one steps aside first.
    Afterwards ``staging`` holds the old site, to be removed."""
    if not target.exists():
        staging.rename(target)
        staging.mkdir()
        return
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
