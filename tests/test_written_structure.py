"""Following a written agenda's structure: headings, fields, the short list, page noise."""

from __future__ import annotations

import pytest

from aarshjul import check_agenda_text
from aarshjul.written.lines import Line
from aarshjul.written.reader import read_agenda_lines, split_lines
from aarshjul.written.structure import StructureReader

from .seed_agenda import SEED, findings, items_of


def structure(text: str) -> StructureReader:
    reader = StructureReader("x.txt")
    reader.read(split_lines(text))
    reader.finish()
    return reader


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


def test_a_time_line_with_no_item() -> None:
    assert findings("Mødetid: 18.15 – 19.45\nDagsorden kort:\n1. A\n\nTid: 18.15 – 18.20\n"
                    "1. A\n") == [(1, "slack", None), (5, "stray-time", None)]


def test_a_meeting_time_in_the_header_may_be_called_tid() -> None:
    report = check_agenda_text("Tid: 16.00 – 18.00\n\n1. A (30 min)\n", source="x.txt")
    assert [p.code for p in report.problems] == ["slack"]


# ---- the reader's state, line by line ---------------------------------------

def test_a_time_line_overrules_the_heading_s_time_and_its_problems() -> None:
    """The range goes back into the title: it was the title's."""
    overruled = structure("1. Sag (18.75-18.80)\nTid: 18.20 – 18.40\n")
    (item,) = overruled.items
    assert (item.title, str(item.stated.start), item.stated.time_line) == (
        "Sag (18.75-18.80)", "18:20", 2)
    assert overruled.problems == []
    standing = structure("1. Sag (18.75-18.80)\n")
    assert standing.items[0].title == "Sag"
    assert [(p.code, p.line, p.item, p.file) for p in standing.problems] == [
        ("bad-time", 1, 1, "x.txt")]


def test_minutes_in_the_heading_stay_beside_a_time_line() -> None:
    (item,) = structure("Pkt. 2 – Strategi (30 min.)\nTid: 18.20 – 18.40\n").items
    assert (item.title, item.stated.minutes, str(item.stated.end)) == ("Strategi", 30, "18:40")


def test_a_second_time_line_is_reported_where_it_stands() -> None:
    reader = structure("1. A\nTid: 18.15 – 18.20\nTid: 18.20 – 18.30\n")
    assert str(reader.items[0].stated.end) == "18:20"
    assert [(p.code, p.line, p.item) for p in reader.problems] == [("bad-time", 3, 1)]


def test_the_short_list_is_not_a_second_set_of_items() -> None:
    reader = structure("Dagsorden kort:\n1. Godkendelse af dag-\nsorden\n2. B\n\n"
                       "1. Godkendelse af dagsorden\n2. B\n")
    assert reader.brief == [[1, "Godkendelse af dagsorden", 2], [2, "B", 4]]
    assert [(i.number, i.title, i.line) for i in reader.items] == [
        (1, "Godkendelse af dagsorden", 6), (2, "B", 7)]


def test_a_numbered_list_inside_an_item_is_not_items() -> None:
    reader = structure("1. A\nBaggrund/formål: Udvalget\n1. godkender\n2. noterer\n\n"
                       "2. B\nBilag:\n1. Notat\n2. Tidsplan\n\n3. C\n")
    assert [(i.number, i.title) for i in reader.items] == [(1, "A"), (2, "B"), (3, "C")]
    assert reader.items[1].attachments == ["Notat", "Tidsplan"]


def test_a_numbered_list_goes_on_where_the_next_item_s_number_would_fit() -> None:
    """"2. At udvalget …" is the list's second point, not item 2."""
    reader = structure("1. A\nIndstilling:\n1. At udvalget godkender\n"
                       "2. At udvalget noterer\n\n2. B\n")
    assert [(i.number, i.title) for i in reader.items] == [(1, "A"), (2, "B")]


def test_a_date_at_the_top_of_a_page_is_not_an_item() -> None:
    reader = structure("1. A\n\n15. januar 2025\n\n2. B\n")
    assert [i.number for i in reader.items] == [1, 2]


def test_the_meeting_s_fields_above_the_items() -> None:
    reader = structure("Em-\nne: Budgetseminar\nMødedato: 3. marts 2025\n"
                       "Mødetid: kl. 16-18\n\n1. A\n")
    assert reader.subject == "Budgetseminar"
    assert str(reader.date) == "2025-03-03"
    assert (str(reader.meeting[0]), str(reader.meeting[1]), reader.meeting_line) == (
        "16:00", "18:00", 4)


def test_a_subject_on_the_line_after_its_label() -> None:
    assert structure("Emne:\nBudget 2026\n1. A\n").subject == "Budget 2026"


def test_problems_carry_the_file() -> None:
    reader = structure("Mødedato: 30. februar 2025\nMødetid: 25.00 – 26.00\n1. A\nTid: om lidt\n")
    assert [(p.code, p.line, p.item, p.file) for p in reader.problems] == [
        ("bad-date", 1, None, "x.txt"), ("bad-time", 2, None, "x.txt"),
        ("bad-time", 4, 1, "x.txt")]


def test_what_the_text_form_says_of_an_agenda_with_no_items() -> None:
    assert structure("Møde\n\nDagsordenen har endnu ingen punkter.\n").says_empty
    assert not structure("Møde\n\nIngen punkter endnu.\n").says_empty


def test_lines_are_read_as_numbered() -> None:
    reader = StructureReader("x.docx")
    lines: list[Line] = [(4, "1. A"), (9, "Tid: 9.00 – 9.10")]
    reader.read(lines)
    assert (reader.items[0].line, reader.items[0].stated.time_line) == (4, 9)
