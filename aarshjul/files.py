"""Reading input files: text for plans and written agendas, with a clear
:class:`SourceError` for a file that is missing, a folder, binary or not UTF-8."""

from __future__ import annotations

import os
import pathlib

from aarshjul.errors import SourceError


def read_text(path: str | os.PathLike[str]) -> str:
    """A file's text, or :class:`SourceError` saying why it cannot be read."""
    name = os.fspath(path)
    try:
        data = pathlib.Path(name).read_bytes()
    except FileNotFoundError:
        raise SourceError.single("missing-file", "no such file", file=name) from None
    except IsADirectoryError:
        raise SourceError.single("not-a-file", "is a folder, not a file", file=name) from None
    except OSError as error:
        raise SourceError.single("unreadable", error.strerror or str(error), file=name) from None
    if b"\0" in data[:8192]:
        raise SourceError.single("not-text", "is a binary file, not text", file=name, line=1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise SourceError.single(
            "not-text", f"is not UTF-8 text (byte {error.start + 1} cannot be decoded); "
            "save it as UTF-8",
            file=name, line=line) from None
