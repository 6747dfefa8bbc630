"""The seed's written agenda, and what the written-agenda tests share."""

from __future__ import annotations

from aarshjul import check_agenda_text
from aarshjul.check import Report

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


def items_of(report: Report) -> list[tuple[int, str, str | None, str | None, int]]:
    return [(i.number, i.title, i.start and str(i.start), i.end and str(i.end), i.minutes)
            for i in report.items]


def findings(text: str) -> list[tuple[int | None, str, int | None]]:
    report = check_agenda_text(text, source="dagsorden.txt")
    return [(p.line, p.code, p.item) for p in report.problems]

