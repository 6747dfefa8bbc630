"""Files at the edge, read and written for real in a temporary folder."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

import pytest

from aarshjul.errors import SourceError
from aarshjul.files import (
    MAX_INPUT,
    listed,
    read_bytes,
    read_text,
    write_bytes_if_changed,
    write_text_if_changed,
)

DANISH = "Rådmandsmøde: æøå ÆØÅ\n"


def problem(error: pytest.ExceptionInfo[SourceError]) -> tuple[str, str, str | None, int | None]:
    (found,) = error.value.problems
    return found.code, found.message, found.file, found.line


def test_bytes_are_read_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(b"\x00\xffabc")
    assert read_bytes(path) == b"\x00\xffabc"
    assert read_bytes(str(path)) == b"\x00\xffabc"


def test_a_missing_file_and_a_folder_say_so(tmp_path: Path) -> None:
    missing = tmp_path / "nej.toml"
    with pytest.raises(SourceError) as error:
        read_bytes(missing)
    assert problem(error) == ("missing-file", "no such file", str(missing), None)
    with pytest.raises(SourceError) as error:
        read_text(tmp_path)
    assert problem(error) == ("not-a-file", "is a folder, not a file", str(tmp_path), None)


def test_a_file_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    """Any error of the system's, as it says it (here, even as root: a path
    through a file)."""
    (tmp_path / "plan.toml").write_text("x", encoding="utf-8")
    path = tmp_path / "plan.toml" / "inde.toml"
    with pytest.raises(SourceError) as error:
        read_text(path)
    assert problem(error) == ("unreadable", "Not a directory", str(path), None)


def test_a_link_to_a_device_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """/dev/zero, read whole, would fill the memory."""
    link = tmp_path / "plan.toml"
    link.symlink_to("/dev/zero")
    with pytest.raises(SourceError) as error:
        read_text(link)
    assert problem(error) == ("not-a-file", "is a device, not a file", str(link), None)


def test_a_file_larger_than_any_plan_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(b"#" * MAX_INPUT)
    assert len(read_bytes(path)) == MAX_INPUT
    with path.open("ab") as more:
        more.write(b"#")
    with pytest.raises(SourceError) as error:
        read_bytes(path)
    assert problem(error)[::2] == ("too-large", str(path))
    assert "10 MB" in problem(error)[1]


@pytest.mark.parametrize("data", [
    DANISH.encode("utf-8"), codecs.BOM_UTF8 + DANISH.encode("utf-8"),
    DANISH.encode("utf-16"), codecs.BOM_UTF16_BE + DANISH.encode("utf-16-be"),
], ids=["utf-8", "utf-8 with a BOM", "utf-16", "utf-16 big-endian"])
def test_text_in_unicode_with_or_without_a_bom(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "dagsorden.txt"
    path.write_bytes(data)
    assert read_text(path) == DANISH


def test_a_binary_file_is_no_text(tmp_path: Path) -> None:
    path = tmp_path / "dagsorden.docx.txt"
    path.write_bytes(b"PK\x03\x04\x00\x00 zip")
    with pytest.raises(SourceError) as error:
        read_text(path)
    assert problem(error) == ("not-text", "is a binary file, not text", str(path), 1)


def test_broken_utf_16_says_so(tmp_path: Path) -> None:
    path = tmp_path / "halv.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + b"a\x00b")  # an odd number of bytes
    with pytest.raises(SourceError) as error:
        read_text(path)
    assert problem(error) == ("not-text", "is not UTF-16 text, though it starts as if",
                              str(path), 1)


def test_text_in_another_encoding_says_where_and_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "word.txt"
    path.write_bytes("Dagsorden\nMødedato: 15. januar\n".encode("cp1252"))
    with pytest.raises(SourceError) as error:
        read_text(path)
    assert problem(error) == (
        "not-text", "is not UTF-8 text (byte 12 cannot be decoded); save it as UTF-8",
        str(path), 2)
    assert read_text(path, legacy="cp1252") == "Dagsorden\nMødedato: 15. januar\n"


def test_a_legacy_encoding_is_only_a_fallback(tmp_path: Path) -> None:
    path = tmp_path / "utf8.txt"
    path.write_bytes(DANISH.encode("utf-8"))
    assert read_text(path, legacy="cp1252") == DANISH  # not "RÃ¥dmandsmÃ¸de"
    broken = tmp_path / "broken.txt"
    broken.write_bytes(b"ok\n\x81")  # undefined in cp1252 too
    with pytest.raises(SourceError) as error:
        read_text(broken, legacy="cp1252")
    assert problem(error)[3] == 2


def test_a_list_an_earlier_run_wrote(tmp_path: Path) -> None:
    manifest = tmp_path / ".files"
    manifest.write_text("index.html\nfeeds/all.ics\nindex.html\n", encoding="utf-8")
    assert listed(manifest) == {"index.html", "feeds/all.ics"}
    assert listed(tmp_path / "none") == set()
    assert listed(manifest / "below a file") == set()


def test_a_new_file_is_written_readable_by_all(tmp_path: Path) -> None:
    path = tmp_path / "all.ics"
    assert write_text_if_changed(path, DANISH)
    assert path.read_bytes() == DANISH.encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.ics"]  # no temporary left


def test_the_same_text_leaves_the_file_and_its_time_alone(tmp_path: Path) -> None:
    path = tmp_path / "index.html"
    path.write_text("<p>x</p>", encoding="utf-8")
    os.utime(path, (1_000_000_000, 1_000_000_000))
    assert not write_text_if_changed(path, "<p>x</p>")
    assert path.stat().st_mtime == 1_000_000_000
    assert write_text_if_changed(path, "<p>y</p>")
    assert path.read_text(encoding="utf-8") == "<p>y</p>"
    assert path.stat().st_mtime != 1_000_000_000


def test_bytes_are_written_as_they_are_and_only_when_they_change(tmp_path: Path) -> None:
    """A workbook: bytes that are no text, even where they would decode."""
    path = tmp_path / "m.xlsx"
    data = b"PK\x03\x04\x00\xff\r\n" + "æ".encode("latin-1")
    assert write_bytes_if_changed(path, data)
    assert path.read_bytes() == data
    assert stat.S_IMODE(path.stat().st_mode) == 0o644
    os.utime(path, (1_000_000_000, 1_000_000_000))
    assert not write_bytes_if_changed(path, data)
    assert path.stat().st_mtime == 1_000_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.xlsx"]


def test_a_write_replaces_the_file_whole(tmp_path: Path) -> None:
    """Atomically: a new file takes the old one's name, so one who had the old
    one open still reads it whole."""
    path = tmp_path / "plan.json"
    path.write_text("old", encoding="utf-8")
    with path.open(encoding="utf-8") as reader:
        assert write_text_if_changed(path, "new")
        assert reader.read() == "old"
    assert path.read_text(encoding="utf-8") == "new"


def test_what_is_no_file_is_not_written_over(tmp_path: Path) -> None:
    target = tmp_path / "folder"
    target.mkdir()
    with pytest.raises(IsADirectoryError):
        write_text_if_changed(target, "text")
    assert target.is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["folder"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch
                                                             ) -> None:
    path = tmp_path / "all.ics"
    path.write_text("old", encoding="utf-8")

    def full(self: Path, target: Path) -> Path:
        raise OSError(28, "No space left on device")

    # The one step a real folder cannot be made to fail at without root's
    # help: the rename.
    monkeypatch.setattr(Path, "replace", full)
    with pytest.raises(OSError, match="No space left"):
        write_text_if_changed(path, "new")
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.ics"]


def test_a_full_disk_names_the_file_it_was_writing(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The system's "No space left on device" names no file."""

    class Full:
        def __init__(self, descriptor: int, mode: str) -> None:
            os.close(descriptor)

        def __enter__(self) -> Full:
            return self

        def __exit__(self, *_: object) -> None:
            pass

        def write(self, data: bytes) -> int:
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Full)
    path = tmp_path / "all.ics"
    with pytest.raises(OSError, match="No space left") as error:
        write_text_if_changed(path, "new")
    assert error.value.filename == str(path)
    assert list(tmp_path.iterdir()) == []


def test_a_folder_that_cannot_be_written_is_named(tmp_path: Path) -> None:
    """Not the temporary file, which no one asked for."""
    with pytest.raises(FileNotFoundError) as error:
        write_text_if_changed(tmp_path / "missing" / "all.ics", "new")
    assert error.value.filename == str(tmp_path / "missing")


def test_an_output_that_is_no_file_is_refused_not_waited_on(tmp_path: Path) -> None:
    """``wheel -o`` a pipe waited for ever, ``-o /dev/full`` read without end,
    and as root ``-o /dev/null`` replaced the device by a file."""
    pipe = tmp_path / "wheel.svg"
    os.mkfifo(pipe)
    with pytest.raises(SourceError) as refused:
        write_text_if_changed(pipe, "<svg/>")
    assert (refused.value.problems[0].code, refused.value.file) == ("not-a-file", str(pipe))
    assert stat.S_ISFIFO(pipe.stat().st_mode)  # left as it was
    with pytest.raises(SourceError):
        write_text_if_changed(Path("/dev/null"), "<svg/>")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)
