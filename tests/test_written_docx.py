"""Word documents (.docx) as numbered paragraphs: numbering, tables, damaged files."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import docx

from aarshjul import Report, check_path

from .seed_agenda import SEED, SEED_ITEMS, items_of


def write_docx(path: Path, paragraphs: list[str], *, numbered: bool = False) -> None:
    document = docx.Document()
    for text in paragraphs:
        if numbered and text.startswith("#"):
            document.add_paragraph(text[1:], style="List Number")
        else:
            document.add_paragraph(text)
    document.save(str(path))


def write_table(path: Path, meeting: str, rows: list[tuple[str, ...]]) -> None:
    """A Word file: the meeting's time, then a table of the rows."""
    document = docx.Document()
    document.add_paragraph(meeting)
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for row, cells in zip(table.rows, rows, strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    document.save(str(path))


def as_text_and_word(tmp_path: Path, lines: list[str]) -> list[Report]:
    """The same lines checked as a text file and as a Word file."""
    text = tmp_path / "dagsorden.txt"
    text.write_text("\n".join(lines), encoding="utf-8")
    word = tmp_path / "dagsorden.docx"
    write_docx(word, lines)
    return [check_path(text), check_path(word)]


def test_the_seed_as_a_word_document(tmp_path: Path) -> None:
    path = tmp_path / "dagsorden.docx"
    write_docx(path, SEED.read_text(encoding="utf-8").splitlines())
    report = check_path(path)
    assert items_of(report) == SEED_ITEMS
    assert [(p.code, p.line) for p in report.problems] == [("slack", 10),
                                                           ("title-mismatch", 128)]


def test_word_numbering_is_read(tmp_path: Path) -> None:
    path = tmp_path / "nummereret.docx"
    write_docx(path, ["Mødetid: Kl. 9.00 – 10.00", "#Godkendelse af dagsorden",
                      "Tid: 9.00 – 9.05 (5 min.)", "#Referat", "Tid: 9.05 – 9.15 (10 min.)",
                      "#Evt.", "Tid: 9.15 – 9.20 (5 min.)"], numbered=True)
    report = check_path(path)
    assert items_of(report) == [(1, "Godkendelse af dagsorden", "09:00", "09:05", 5),
                                (2, "Referat", "09:05", "09:15", 10),
                                (3, "Evt.", "09:15", "09:20", 5)]
    assert [p.code for p in report.problems] == ["slack"]


def test_paragraphs_in_tables_are_read(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Mødetid: 9.00 – 10.00")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "1. Godkendelse"
    table.cell(0, 1).text = "Tid: 9.00 – 9.05 (5 min.)"
    table.cell(1, 0).text = "2. Evt."
    table.cell(1, 1).text = "Tid: 9.05 – 9.10 (10 min.)"
    path = tmp_path / "tabel.docx"
    document.save(str(path))
    report = check_path(path)
    assert [(i.number, i.title) for i in report.items] == [(1, "Godkendelse"), (2, "Evt.")]
    assert [(p.code, p.line, p.item) for p in report.problems if p.is_error] == [
        ("duration-mismatch", 5, 2)]


def test_an_empty_word_document(tmp_path: Path) -> None:
    path = tmp_path / "tom.docx"
    docx.Document().save(str(path))
    assert [p.code for p in check_path(path).problems] == ["no-items"]


def test_a_table_of_items_with_a_number_column(tmp_path: Path) -> None:
    path = tmp_path / "tabel.docx"
    write_table(path, "Mødetid: Kl. 16.00 – 17.00", [
        ("Pkt.", "Emne", "Tid", "Ansvarlig"),
        ("1", "Godkendelse af dagsorden", "16.00-16.05", "Formand"),
        ("2.", "Budget 2026", "16.05 – 16.45 (40 min)", "Direktør")])
    report = check_path(path)
    assert items_of(report) == [(1, "Godkendelse af dagsorden", "16:00", "16:05", 5),
                                (2, "Budget 2026", "16:05", "16:45", 40)]
    assert [p.code for p in report.problems] == ["slack"]


REPEATED = [("1", "Godkendelse af dagsorden", "16.00-16.05"), ("2", "Budget", "16.05-16.30"),
            ("3", "Skoler", "16.30-16.45"), ("3", "Status", "16.45-17.05")]
REPEATED_FINDINGS = [("over-time", None), ("numbering", 3), ("outside-meeting", 3)]


def test_a_repeated_number_in_a_table_is_a_numbering_finding_and_its_times_count(
        tmp_path: Path) -> None:
    """Each row is an item; "3" twice is reported as the text reader reports it,
    and the second 3's time runs past the meeting's end: an error, not slack."""
    path = tmp_path / "tabel.docx"
    write_table(path, "Mødetid: Kl. 16.00 – 17.00", REPEATED)
    report = check_path(path)
    assert [(i.number, i.title) for i in report.items] == [(int(n), t) for n, t, _ in REPEATED]
    assert [(p.code, p.item) for p in report.problems] == REPEATED_FINDINGS
    assert [p.line for p in report.problems] == [1, 11, 13]  # the second 3: its number, its time
    text = tmp_path / "tabel.txt"
    text.write_text("Mødetid: Kl. 16.00 – 17.00\n\n" + "\n\n".join(
        f"{n}. {title}\n{time}" for n, title, time in REPEATED), encoding="utf-8")
    assert [(p.code, p.item) for p in check_path(text).problems] == REPEATED_FINDINGS


def test_a_repeated_number_with_no_blank_paragraph_before_it(tmp_path: Path) -> None:
    """Word paragraphs (and a tight text file) have no blank line between
    items: the current item's number again, after its time, is a heading."""
    lines = ["Mødetid: Kl. 16.00 – 17.00"]
    for number, title, time in REPEATED:
        lines += [f"{number}. {title}", time]
    path = tmp_path / "afsnit.docx"
    write_docx(path, lines)
    assert [(p.code, p.item) for p in check_path(path).problems] == REPEATED_FINDINGS


TIME_FIRST = ["Mødetid: Kl. 15.00 – 17.00", "Dagsorden kort:", "1. Godkendelse", "2. Budget",
              "3. Evt.", "", "1. Kl. 15.00-16.00: Godkendelse", "2. kl. 16:00–16:30 Budget",
              "3. Kl. 16.30 - 17.05 Evt."]
TIME_FIRST_ITEMS = [(1, "Godkendelse", "15:00", "16:00", 60), (2, "Budget", "16:00", "16:30", 30),
                    (3, "Evt.", "16:30", "17:05", 35)]


def test_a_time_before_the_title_in_text_and_word(tmp_path: Path) -> None:
    """``2. Kl. 15.00-16.00: Title``: the time is read, the title is the rest."""
    for report in as_text_and_word(tmp_path, TIME_FIRST):
        assert items_of(report) == TIME_FIRST_ITEMS
        assert [(p.code, p.item) for p in report.problems] == [
            ("over-time", None), ("outside-meeting", 3)]


def test_a_time_before_the_title_in_a_table_and_a_second_time(tmp_path: Path) -> None:
    path = tmp_path / "tabel.docx"
    write_table(path, "Mødetid: Kl. 15.00 – 16.00", [
        ("1", "Kl. 15.00-15.30: Godkendelse"), ("2", "kl. 15:30 Budget\nTid: 15.30 – 16.00")])
    report = check_path(path)
    assert items_of(report) == [(1, "Godkendelse", "15:00", "15:30", 30),
                                (2, "Budget", "15:30", "16:00", 30)]
    # "kl. 15:30" before the title is item 2's time: the time line is a second one.
    assert [(p.code, p.item, p.message) for p in report.problems] == [
        ("bad-time", 2, "item 2 has a second time (the first on line 4)")]


def test_empty_brackets_are_no_part_of_a_title(tmp_path: Path) -> None:
    lines = ["Mødetid: Kl. 15.00 – 16.00", "Dagsorden kort:", "1. Godkendelse", "2. Evt.", "",
             "1. Godkendelse ( )", "Tid: 15.00-15.30", "", "2. Evt. ( )", "Tid: 15.30-16.00"]
    for report in as_text_and_word(tmp_path, lines):
        assert [(i.number, i.title) for i in report.items] == [(1, "Godkendelse"), (2, "Evt.")]
        assert report.problems == ()  # and the short list agrees


def damaged_variants(tmp_path: Path) -> dict[str, Path]:
    """A good Word file, and copies with one part of it broken."""
    good = tmp_path / "good.docx"
    write_docx(good, ["Mødetid: Kl. 18:15 – 19.45", "1. Godkendelse", "Tid: 18.15 – 18.18"])
    document_xml = zipfile.ZipFile(good).read("word/document.xml").decode()
    number_x = document_xml.replace(
        "<w:p>", '<w:p><w:pPr><w:numPr><w:ilvl w:val="x"/><w:numId w:val="7"/></w:numPr>'
        "</w:pPr>", 1).encode()
    broken = {
        "bad-xml": {"word/document.xml": b"<w:document"},
        "empty-xml": {"word/document.xml": b""},
        "foreign-root": {"word/document.xml": b"<?xml version='1.0'?><foo/>"},
        "no-rels": {"_rels/.rels": None},
        "bad-rels": {"_rels/.rels": b"<x"},
        "bad-content-types": {"[Content_Types].xml": b"<x/>"},
        "bad-styles": {"word/styles.xml": b"<x"},
        "bad-document-rels": {"word/_rels/document.xml.rels": b"garbage"},
        "number-level-x": {"word/document.xml": number_x},
    }
    variants = {}
    with zipfile.ZipFile(good) as source:
        for name, replace in broken.items():
            path = tmp_path / f"{name}.docx"
            with zipfile.ZipFile(path, "w") as out:
                for info in source.infolist():
                    data = replace.get(info.filename, source.read(info.filename))
                    if data is not None:
                        out.writestr(info.filename, data)
            variants[name] = path
    return variants


def test_damaged_word_files_are_refused_cleanly(tmp_path: Path) -> None:
    for name, path in damaged_variants(tmp_path).items():
        result = subprocess.run([sys.executable, "-m", "aarshjul", "check", str(path)],
                                capture_output=True, text=True, check=False, timeout=60)
        assert "Traceback" not in result.stderr, name
        assert result.returncode == 1, name
        assert f"{path}:1: error[not-docx]" in result.stdout, (name, result.stdout)


def _bomb(tmp_path: Path, paragraph: str, times: int) -> Path:
    """A real Word file whose body is ``paragraph`` ``times`` over, deflated:
    a few hundred KB that unpack to many MB."""
    good = tmp_path / "good.docx"
    write_docx(good, ["x"])
    path = tmp_path / "bomb.docx"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(
            path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as out:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == "word/document.xml":
                head, tail = data.split(b"<w:p><w:r><w:t>x</w:t></w:r></w:p>")
                data = head + paragraph.encode() * times + tail
            out.writestr(info.filename, data)
    return path


def _refused(path: Path) -> str:
    (problem,) = check_path(path).problems
    assert (problem.code, problem.line) == ("not-docx", 1)
    return problem.message


def test_a_word_file_whose_text_unpacks_to_many_mb_is_refused_before_reading(
        tmp_path: Path) -> None:
    # One paragraph of 11 MB: 45 KB in the file.
    path = _bomb(tmp_path, "<w:p><w:r><w:t>" + "a" * 11 * 2**20 + "</w:t></w:r></w:p>", 1)
    assert path.stat().st_size < 50_000
    assert _refused(path).endswith("its text (word/document.xml) unpacks to more than "
                                   "10 MB, far more than an agenda")


def test_a_word_file_of_more_paragraphs_than_an_agenda_stops_being_read(
        tmp_path: Path) -> None:
    # 100,000 paragraphs (3.4 MB unpacked, 44 KB in the file): read whole,
    # they took python-docx some 8 s; it stops after 20,000.
    path = _bomb(tmp_path, "<w:p><w:r><w:t>a</w:t></w:r></w:p>", 100_000)
    assert _refused(path).endswith("it has more than 20,000 paragraphs, far more than an "
                                   "agenda")


def test_a_word_file_that_unpacks_past_the_whole_limit_is_refused(tmp_path: Path) -> None:
    path = _bomb(tmp_path, "<w:p/>", 1)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        package.writestr("word/media/image1.png", b"\0" * (201 * 2**20))
    assert _refused(path).endswith("it unpacks to more than 200 MB")
