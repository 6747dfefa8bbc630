"""Files at the edge: reading plans and written agendas (a clear
:class:`SourceError` for a file that is missing, a folder, binary or not
text), the lists of files an earlier build or export left behind, and
writing a file (text, or a workbook's bytes) atomically, only when its
content changed."""

from __future__ import annotations

import codecs
import contextlib
import errno
import itertools
import os
import pathlib
import stat
from collections.abc import Callable, Iterator

from aarshjul.errors import SourceError
from aarshjul.messages import Message, _, verbatim

_TEMPORARY = itertools.count()

MAX_INPUT = 10 * 2**20
"""The most bytes a plan or a text agenda may hold (10 MB): a year's plan is
some kilobytes, and a bigger file is a mistake, read whole it would fill the
memory."""

_KINDS = ((stat.S_ISFIFO, _("is a pipe, not a file")),
          (stat.S_ISCHR, _("is a device, not a file")),
          (stat.S_ISBLK, _("is a device, not a file")),
          (stat.S_ISSOCK, _("is a socket, not a file")))


def regular_file(path: str | os.PathLike[str]) -> os.stat_result:
    """The file's status, or :class:`SourceError` for a path that is no regular
    file (after its links): missing, a folder, a pipe, a device. Asked before
    the file is opened, which a pipe would wait in for ever."""
    name = os.fspath(path)
    try:
        status = pathlib.Path(name).stat()
    except FileNotFoundError:
        raise SourceError.single("missing-file", _("no such file"), file=name) from None
    except OSError as error:
        raise SourceError.single("unreadable", verbatim(error.strerror or str(error)),
                                 file=name) from None
    _regular(name, status)
    return status


def _regular(name: str, status: os.stat_result) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise SourceError.single("not-a-file", _("is a folder, not a file"), file=name)
    if not stat.S_ISREG(status.st_mode):
        said = next((said for test, said in _KINDS if test(status.st_mode)),
                    _("is no regular file, not a file"))
        raise SourceError.single("not-a-file", said, file=name)


def read_bytes(path: str | os.PathLike[str]) -> bytes:
    """A regular file's bytes, at most :data:`MAX_INPUT` of them, or
    :class:`SourceError` saying why it cannot be read."""
    name = os.fspath(path)
    regular_file(name)
    try:
        # Not blocking: a pipe put in the file's place since cannot hold it up.
        descriptor = os.open(name, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as file:
            status = os.fstat(file.fileno())
            _regular(name, status)
            data = file.read(MAX_INPUT + 1)
    except FileNotFoundError:
        raise SourceError.single("missing-file", _("no such file"), file=name) from None
    except OSError as error:
        raise SourceError.single("unreadable", verbatim(error.strerror or str(error)),
                                 file=name) from None
    if len(data) > MAX_INPUT:
        raise SourceError.single(
            "too-large", _("is larger than {size} MB, more than a plan or an agenda ever is",
                           size=MAX_INPUT // 2**20), file=name)
    return data


def read_text(path: str | os.PathLike[str], *, legacy: str | None = None) -> str:
    """A file's text: UTF-8 (with or without a BOM), UTF-16 with a BOM, or,
    when ``legacy`` names one, that older encoding (Word's "plain text" in
    Denmark is often Windows-1252)."""
    name = os.fspath(path)
    data = read_bytes(name)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise SourceError.single("not-text", _("is not UTF-16 text, though it starts as if"),
                                     file=name, line=1) from None
    if b"\0" in data[:8192]:
        raise SourceError.single("not-text", _("is a binary file, not text"), file=name, line=1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if legacy is not None:
            try:
                return data.decode(legacy)
            except UnicodeDecodeError:
                pass
        line = data[: error.start].count(b"\n") + 1
        raise SourceError.single(
            "not-text", _("is not UTF-8 text (byte {byte} cannot be decoded); save it as UTF-8",
                          byte=error.start + 1), file=name, line=line) from None


def refuse_foreign(folder: pathlib.Path, manifest: str, *, code: str, holds: Message,
                   advice: Message, theirs: Callable[[pathlib.Path], bool]) -> None:
    """The rule of every folder aarshjul writes many files into (a site, a
    folder of feeds), stated once: a folder that holds no ``manifest`` of an
    earlier run, and yet holds something ``theirs`` counts as another's, was
    not made by aarshjul. It is refused, with ``code`` at the folder, before
    anything in it is written: aarshjul's files would replace others' of the
    same names."""
    if (folder / manifest).exists() or not folder.is_dir():
        return
    if any(theirs(entry) for entry in folder.iterdir()):
        raise SourceError.single(
            code, _("the folder holds {holds} but no {manifest}, so aarshjul did not write "
                    "them: {advice}", holds=holds, manifest=manifest, advice=advice),
            file=os.fspath(folder))


def listed(path: pathlib.Path) -> set[str]:
    """The names in a list an earlier run wrote, one a line (the files a site
    build or a feed export wrote); none where there is no list."""
    try:
        return set(path.read_text(encoding="utf-8").splitlines())
    except (FileNotFoundError, NotADirectoryError):
        return set()


@contextlib.contextmanager
def writing(path: str | os.PathLike[str]) -> Iterator[None]:
    """Inside: an error of the system's that names no file (a full disk says
    only "No space left on device") names ``path``, where it was writing."""
    try:
        yield
    except OSError as error:
        if error.filename is None:
            error.filename = os.fspath(path)
        raise


def write_text_if_changed(path: pathlib.Path, text: str) -> bool:
    """Write ``text`` as UTF-8, as :func:`write_bytes_if_changed` does."""
    return write_bytes_if_changed(path, text.encode("utf-8"))


def write_bytes_if_changed(path: pathlib.Path, data: bytes) -> bool:
    """Write atomically (a reader sees the old file or the new one, never half
    of one), and only if the content differs, so that the file's mtime (and
    a web server's ETag) stays when nothing changed. True if it wrote."""
    try:
        status = path.stat()
    except FileNotFoundError:
        pass
    else:
        # Only a file is replaced: a pipe would be waited on for ever, a device
        # read without end (and, as root, replaced by a file). A folder is a
        # place that cannot be written (cannot-write), as the system says.
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), os.fspath(path))
        _regular(os.fspath(path), status)
        if status.st_size == len(data) and path.read_bytes() == data:
            return False
    # A name of this process's own beside the file (not the tempfile module,
    # which costs a written agenda's check its start-up).
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{next(_TEMPORARY)}")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC,
                             0o644)
    except OSError as error:  # the folder cannot be written: named, not our temporary
        error.filename = os.fspath(path.parent)
        raise
    try:
        with writing(path), os.fdopen(descriptor, "wb") as out:
            out.write(data)
        temporary.chmod(0o644)  # whatever the umask: a feed is for everyone to read
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return True
