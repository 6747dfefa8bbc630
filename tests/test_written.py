"""Written agendas: the seed as it stands, the forms people write, every finding."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aarshjul import check_agenda_text, check_path, read_agenda_lines

from .plans import ROOT

SEED = ROOT / "tests" / "agendas" / "seed-sbu-2025-01-15.txt"
SEED_ITEMS = [
    (1, "Godkendelse af dagsorden", "18:15", "18:18", 3),
    (2, "Referat fra udvalgets møde den 11. december 2024", "18:18", "18:20", 2),
    (3, "Byrådshenvist sag: Plan for 80% selvforsyning på socialområdet 2024 – 2035",
     "18:20", "18:40", 20),
    (4, "Status på Ukraine-indsatsen", "18:40", "19:05", 25),
    (5, "European Social Services Conference 2025 22.-25. juni 2025", "19:05", "19:25", 20),
    (6, "Orienteringspunkter", "19:25", "19:30", 5),
    (7, "Skriftlige orienteringer", None, None, 0),
    (8, "Kurser og konferencer samt sager på vej til byrådet", "19:30", "19:32", 2),
    (9, "Kommende møder", "19:32", "19:35", 3),
    (10, "Evt.", "19:35", "19:40", 5),
]


def items_of(report) -> list[tuple[int, str, str | None, str | None, int]]:
    return [(i.number, i.title, i.start and str(i.start), i.end and str(i.end), i.minutes)
            for i in report.items]


def findings(text: str) -> list[tuple[int | None, str, int | None]]:
    report = check_agenda_text(text, source="dagsorden.txt")
    return [(p.line, p.code, p.item) for p in report.problems]


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


def test_the_seed_keeps_its_fields_and_leaves_page_noise_out() -> None:
    lines = enumerate(SEED.read_text(encoding="utf-8").splitlines(), start=1)
    written = read_agenda_lines(lines, source="seed.txt")
    first, *_, last = written.agenda.items
    assert written.agenda.title == "Social- og Beskæftigelsesudvalgsmøde"
    assert (str(written.agenda.start), str(written.agenda.end)) == ("18:15", "19:45")
    assert written.agenda.date is not None
    assert written.agenda.date.isoformat() == "2025-01-15"
    assert first.responsible == "Eva Borchorst Mejnertz"
    assert first.purpose == ("Dagsordenen for mødet i Social- og Beskæftigelsesudvalget "
                             "godkendes.")
    assert first.attachments == (
        "Dagsorden til mødet i Social- og Beskæftigelsesudvalget den 15. januar 2025",)
    assert last.attachments == ("Årshjul over sager til Social- og Beskæftigelsesudvalget",)
    assert [n for n, _, _ in written.short_list] == list(range(1, 11))


HEADER = "Mødetid: Kl. 18:15 – 19.45\n\nDagsorden kort:\n1. A\n2. B\n3. C\n\n"


@pytest.mark.parametrize(("text", "expected"), [
    ("Punkt 1: Dagsorden (5 min)\nPunkt 2: Referat (10 minutter)\n",
     [(1, "Dagsorden", None, None, 5), (2, "Referat", None, None, 10)]),
    ("1. A\nTid: 18:18 – 18.20 (2 min.)\n2. B\n19.30–19.32\n3. C\nkl. 8.30-8.45\n",
     [(1, "A", "18:18", "18:20", 2), (2, "B", "19:30", "19:32", 2),
      (3, "C", "08:30", "08:45", 15)]),
    ("1. A\nTid: 18.15—18.20\n2. B\nTid: 18.20 - 18.30\n3. C\nTid:18:30–18:45 (15 min)\n",
     [(1, "A", "18:15", "18:20", 5), (2, "B", "18:20", "18:30", 10),
      (3, "C", "18:30", "18:45", 15)]),
    ("1. A\n(5 min)\n2. B\n- 10 minutter\n3. C (18.20-18.40)\n",
     [(1, "A", None, None, 5), (2, "B", None, None, 10), (3, "C", "18:20", "18:40", 20)]),
    ("## 1. Godkendelse\n\n**Tid:** 18.15 – 18.18 (3 min.)  \n\n### Punkt 2: Referat\n"
     "- **Tid:** 18.18 – 18.20 (2 min.)\n",
     [(1, "Godkendelse", "18:15", "18:18", 3), (2, "Referat", "18:18", "18:20", 2)]),
    ("1. Byrådshenvist sag: Plan for selvforsyning på social-\nområdet 2024 – 2035\n\n"
     "Tid: 18.20 – 18.40 (20 min.)\n",
     [(1, "Byrådshenvist sag: Plan for selvforsyning på socialområdet 2024 – 2035", "18:20",
       "18:40", 20)]),
    ("Side 1 af 5\n 9. januar 2025\n1. A\nA) Under-punkt\nB) Andet\n2. B\n"
     "Punkt 5, Bilag 1: Dagsorden til\nmødet den 15.\njanuar 2025.docx\n3. C\n",
     [(1, "A", None, None, 0), (2, "B", None, None, 0), (3, "C", None, None, 0)]),
    ("Meeting time: 9:00 - 10:00\n\nItem 1: Minutes\nTime: 9.00 – 9.10 (10 min.)\n"
     "Item 2: Any other business\nTime: 9.10 – 9.15 (5 min.)\n",
     [(1, "Minutes", "09:00", "09:10", 10), (2, "Any other business", "09:10", "09:15", 5)]),
])
def test_the_forms_people_write(text: str, expected: list[tuple[object, ...]]) -> None:
    report = check_agenda_text(text, source="x.txt")
    assert items_of(report) == expected


def test_a_clean_agenda_has_no_findings() -> None:
    assert findings(HEADER + "1. A\nTid: 18.15 – 19.00 (45 min.)\n2. B\n\n"
                    "3. C\nTid: 19.00 – 19.45 (45 min.)\n") == []


# The header takes lines 1-7, so the first item's heading is line 8.
@pytest.mark.parametrize(("items", "expected"), [
    # The minutes in brackets are not end - start.
    ("1. A\nTid: 18.15 – 18.18 (5 min.)\n2. B\n3. C\n", [(9, "duration-mismatch", 1)]),
    # Item 2 starts before item 1 ends.
    ("1. A\nTid: 18.15 – 18.30\n2. B\nTid: 18.25 – 18.40\n3. C\n", [(11, "overlap", 2)]),
    # Five minutes nobody planned.
    ("1. A\nTid: 18.15 – 18.30\n2. B\nTid: 18.35 – 18.40\n3. C\n", [(11, "gap", 2)]),
    ("1. A\nTid: 18.00 – 18.30\n2. B\n3. C\n", [(9, "outside-meeting", 1)]),
    ("1. A\nTid: 19.30 – 19.50\n2. B\n3. C\n", [(9, "outside-meeting", 1)]),
    ("1. A (60 min)\n2. B (40 min)\n3. C\n", [(1, "over-time", None)]),
    ("1. A\n3. B\n4. C\n", [(9, "numbering", 3), (9, "title-mismatch", 3),
                            (10, "title-mismatch", 4), (5, "title-mismatch", 2)]),
    ("1. A\n2. B\n2. C\n", [(10, "numbering", 2), (6, "title-mismatch", 3)]),
    # Swapped: one finding, where the order breaks.
    ("1. A\n3. B\n2. C\n", [(10, "numbering", 2), (9, "title-mismatch", 3),
                            (10, "title-mismatch", 2)]),
    ("1. A\nTid: 18.75 – 19.00\n2. B\n3. C\n", [(9, "bad-time", 1)]),
    ("1. A\nTid: 25:00 – 26:00\n2. B\n3. C\n", [(9, "bad-time", 1)]),
    ("1. A\nTid: om lidt\n2. B\n3. C\n", [(9, "bad-time", 1)]),
    ("1. A\n2. Bee\n3. C\n", [(9, "title-mismatch", 2)]),
    ("1. A\n2. B\n", [(6, "title-mismatch", 3)]),
    ("1. A\nTid: 18.15 – 18.20 (5 min.)\n2. B\n3. C\n", [(1, "slack", None)]),
])
def test_every_finding_is_located(items: str, expected: list[tuple[object, ...]]) -> None:
    found = findings(HEADER + items)
    if all(code != "slack" for _, code, _ in expected):
        found = [f for f in found if f[1] != "slack"]
    assert sorted(found, key=str) == sorted(expected, key=str)


def test_severities() -> None:
    report = check_agenda_text(HEADER + "1. A\nTid: 18.15 – 18.30\n2. Bee\n"
                               "Tid: 18.35 – 18.40\n3. C\n", source="x.txt")
    assert {p.code: p.severity.value for p in report.problems} == {
        "gap": "warning", "title-mismatch": "warning", "slack": "info"}
    assert report.ok


def test_a_time_line_with_no_item() -> None:
    assert findings("Mødetid: 18.15 – 19.45\nDagsorden kort:\n1. A\n\nTid: 18.15 – 18.20\n"
                    "1. A\n") == [(1, "slack", None), (5, "stray-time", None)]


def test_a_meeting_time_in_the_header_may_be_called_tid() -> None:
    report = check_agenda_text("Tid: 16.00 – 18.00\n\n1. A (30 min)\n", source="x.txt")
    assert [p.code for p in report.problems] == ["slack"]


def test_an_agenda_with_no_items() -> None:
    assert findings("Referat\n\nGodkendt.\n") == [(1, "no-items", None)]


def test_garbage_is_no_items_not_a_crash() -> None:
    report = check_agenda_text("\x00\x01 ]]]] 18.75 ::::\n" * 50, source="x.txt")
    assert not report.ok


def write_docx(path: Path, paragraphs: list[str], *, numbered: bool = False) -> None:
    document = docx.Document()
    for text in paragraphs:
        if numbered and text.startswith("#"):
            document.add_paragraph(text[1:], style="List Number")
        else:
            document.add_paragraph(text)
    document.save(str(path))


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


def test_an_empty_word_document(tmp_path: Path) -> None:
    path = tmp_path / "tom.docx"
    docx.Document().save(str(path))
    assert [p.code for p in check_path(path).problems] == ["no-items"]


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


def test_check_json_has_the_items(run_cli) -> None:
    result = run_cli("check", "--format", "json", str(SEED))
    (report,) = json.loads(result.stdout)
    assert report["kind"] == "agenda"
    assert report["ok"] is True
    assert report["items"][0] == {"number": 1, "title": "Godkendelse af dagsorden",
                                  "start": "18:15", "end": "18:18", "minutes": 3}
    assert report["items"][6] == {"number": 7, "title": "Skriftlige orienteringer",
                                  "start": None, "end": None, "minutes": 0}
    assert {p["code"] for p in report["problems"]} == {"slack", "title-mismatch"}


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


def test_a_table_of_items_with_a_number_column(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Mødetid: Kl. 16.00 – 17.00")
    table = document.add_table(rows=3, cols=4)
    for row, cells in zip(table.rows, [("Pkt.", "Emne", "Tid", "Ansvarlig"),
                                       ("1", "Godkendelse af dagsorden", "16.00-16.05", "Formand"),
                                       ("2.", "Budget 2026", "16.05 – 16.45 (40 min)", "Direktør")],
                          strict=True):
        for cell, text in zip(row.cells, cells, strict=True):
            cell.text = text
    path = tmp_path / "tabel.docx"
    document.save(str(path))
    report = check_path(path)
    assert items_of(report) == [(1, "Godkendelse af dagsorden", "16:00", "16:05", 5),
                                (2, "Budget 2026", "16:05", "16:45", 40)]
    assert [p.code for p in report.problems] == ["slack"]


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
