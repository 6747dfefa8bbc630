"""Reading a written agenda from a file or from numbered lines: the seed as it
stands, every file kind, and text that never makes the reader raise."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul import check_agenda_text, check_path
from aarshjul.errors import AgendaError
from aarshjul.vocabulary import Language
from aarshjul.written.reader import labels_language, read_agenda, read_agenda_lines, split_lines

from .seed_agenda import SEED, SEED_ITEMS, items_of


def test_the_seed_reads_as_it_stands() -> None:
    report = check_path(SEED)
    assert items_of(report) == SEED_ITEMS
    assert report.ok
    assert [(p.severity.value, p.code, p.line, p.item) for p in report.problems] == [
        ("info", "slack", 10, None),
        # A real finding: the heading adds "2025" that the short list lacks.
        ("warning", "title-mismatch", 128, 5),
    ]
    assert "5 of the meeting's 90 minutes" in report.problems[0].message


def test_lines_are_counted_as_an_editor_counts_them() -> None:
    """A form feed (a page break) does not end a line; a CR before LF goes."""
    assert split_lines("1. A\r\n\x0c2. B\n") == [(1, "1. A"), (2, "\x0c2. B"), (3, "")]
    written = read_agenda_lines(split_lines("1. A\n\x0c\n2. B (5 min)\r\n"), source="x.txt")
    assert [(i.number, i.line) for i in written.agenda.items] == [(1, 1), (2, 3)]


def test_what_follows_dagsorden_may_be_the_items_themselves() -> None:
    written = read_agenda_lines(split_lines("Dagsorden:\n1. A (5 min)\n2. B (5 min)\n"),
                                source="x.txt")
    assert [(i.number, i.title, i.minutes) for i in written.agenda.items] == [
        (1, "A", 5), (2, "B", 5)]
    assert written.short_list == ()


def test_an_item_with_a_start_alone_runs_until_the_next() -> None:
    written = read_agenda_lines(split_lines(
        "Mødetid: 16.00 – 17.00\n1. A\nkl. 16.00\n2. B\nkl. 16.20\n"), source="x.txt")
    assert [(str(i.start), str(i.end), i.minutes) for i in written.agenda.items] == [
        ("16:00", "16:20", 20), ("16:20", "17:00", 40)]
    assert [s.end for s in written.stated] == [i.end for i in written.agenda.items]


def test_the_agenda_is_named_after_its_subject_or_its_file() -> None:
    named = read_agenda_lines(split_lines("Emne: Budget\n1. A\n"), source="x.txt")
    unnamed = read_agenda_lines(split_lines("1. A\n"), source="x.txt")
    assert (named.agenda.title, unnamed.agenda.title) == ("Budget", "x.txt")


def test_a_kind_of_file_that_is_no_agenda(tmp_path: Path) -> None:
    path = tmp_path / "dagsorden.pdf"
    path.write_bytes(b"%PDF-1.7\n")
    with pytest.raises(AgendaError) as raised:
        read_agenda(path)
    assert [(p.code, p.file) for p in raised.value.problems] == [("unknown-kind", str(path))]
    assert ".txt, .md, .markdown, .text, .docx" in raised.value.problems[0].message


def test_garbage_is_no_items_not_a_crash() -> None:
    report = check_agenda_text("\x00\x01 ]]]] 18.75 ::::\n" * 50, source="x.txt")
    assert not report.ok


@pytest.mark.parametrize(("name", "content", "code"), [
    ("renamed.docx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nendobj\n", "not-docx"),
    ("empty.docx", b"", "not-docx"),
    ("binary.txt", bytes(range(256)) * 8, "not-text"),
    ("zip.docx", b"PK\x05\x06" + b"\0" * 18, "not-docx"),
])
def test_files_that_are_not_agendas(tmp_path: Path, name: str, content: bytes, code: str
                                    ) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    report = check_path(path)
    assert [(p.code, p.line) for p in report.problems] == [(code, 1)]
    assert not report.ok


def test_legacy_encodings(tmp_path: Path) -> None:
    text = "Mødetid: 9.00 – 10.00\n1. Godkendelse af dagsorden (5 min)\n2. Evt. (5 min)\n"
    for encoding in ("cp1252", "utf-16", "utf-8-sig"):
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(text.replace("–", "-").encode(encoding))
        report = check_path(path)
        assert [i.title for i in report.items] == ["Godkendelse af dagsorden", "Evt."]


def test_a_ten_megabyte_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "stor.txt"
    block = SEED.read_text(encoding="utf-8")
    with path.open("w", encoding="utf-8") as out:
        out.write(block)
        out.write(" " * 5_000_000 + "\n")
        out.write("1" * 5_000_000 + "\n")
    report = check_path(path)
    assert len(report.items) == 10


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789.:–-—()ABCæøå kl Tid Punkt min\n"
                                             "Dagsorden kort Mødetid Bilag - ")), max_size=400))
def test_no_exception_escapes_the_reader(text: str) -> None:
    report = check_agenda_text(text, source="fuzz.txt")
    assert all(p.file == "fuzz.txt" for p in report.problems)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_no_exception_escapes_the_reader_on_any_text(text: str) -> None:
    check_agenda_text(text, source="fuzz.txt")


BAD_AGENDAS: dict[str, bytes] = {
    "garbage.txt": bytes(range(32, 127)) * 40,
    "no-items.txt": b"Referat\n\nGodkendt.\n",
    "renamed-pdf.docx": b"%PDF-1.7\n" + bytes(range(256)) * 10,
    "empty.docx": b"",
    "bad-times.md": "Mødetid: 18.15 – 19.45\n## 1. A\nTid: 18.75 – 25:00\n".encode(),
    "stray-time.txt": "Dagsorden kort:\n1. A\nTid: 18.15 – 18.20 (5 min.)\n1. A\n".encode(),
}


@pytest.mark.parametrize("name", BAD_AGENDAS)
def test_bad_agendas_exit_1_without_a_traceback(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_AGENDAS[name])
    result = subprocess.run([sys.executable, "-m", "aarshjul", "check", str(path)],
                            capture_output=True, text=True, check=False, timeout=60)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert any(line.startswith(f"{path}:") and "error[" in line
               for line in result.stdout.splitlines())


def test_an_agenda_s_language_is_that_of_the_most_of_its_labels() -> None:
    assert labels_language(["Mødedato: 15. januar 2025", "Tid: 18.15", "Ansvarlig: FAS"]) is (
        Language.DA)
    assert labels_language(["Time: 18:15", "Responsible: FAS", "Tid: 18.15"]) is Language.EN
    assert labels_language(["Tid: 18.15", "Time: 18:15"]) is None
    assert labels_language(["1. Godkendelse", "Note: x"]) is None
