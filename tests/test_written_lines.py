"""One line of a written agenda: its decorations, a heading, a field, a wrapped title."""

from __future__ import annotations

import pytest

from aarshjul.written.lines import (
    clean,
    goes_on,
    heading,
    join_wrapped,
    label,
    looks_like_heading,
    normalized_title,
    title_text,
)
from aarshjul.written.patterns import Field


@pytest.mark.parametrize(("raw", "text"), [
    ("## **Tid:** 18.15 – 18.18", "Tid: 18.15 – 18.18"),
    ("### Punkt 2: Referat", "Punkt 2: Referat"),
    ("> citeret", "citeret"),
    ("__Emne:__ Budget", "Emne: Budget"),
    ("\u00a0 * Bilag 1 ", "- Bilag 1"),
    ("+ Bilag 2", "- Bilag 2"),
    ("• Bilag 3", "- Bilag 3"),
    ("– Bilag 4", "- Bilag 4"),
    ("Beskæf\u200btigelse", "Beskæftigelse"),
    ("#hashtag", "#hashtag"),
    ("   \t", ""),
])
def test_decorations_come_off(raw: str, text: str) -> None:
    assert clean(raw) == text


@pytest.mark.parametrize(("text", "expected"), [
    ("3. Byrådshenvist sag: Plan", (3, "Byrådshenvist sag: Plan", ".")),
    ("10.Evt.", (10, "Evt.", ".")),
    ("1) At udvalget godkender", (1, "At udvalget godkender", ")")),
    ("Punkt 3: Mål i budgettet (10 min)", (3, "Mål i budgettet (10 min)", "punkt")),
    ("Pkt. 2 – Strategi", (2, "Strategi", "punkt")),
    ("PKT 4 Evaluering", (4, "Evaluering", "punkt")),
    ("Dagsordenspunkt 12. Evt.", (12, "Evt.", "punkt")),
    ("Item 1: Minutes", (1, "Minutes", "punkt")),
    ("Agenda item 2 - Budget", (2, "Budget", "punkt")),
    ("999. Sidste", (999, "Sidste", ".")),
])
def test_an_item_s_heading(text: str, expected: tuple[int, str, str]) -> None:
    assert heading(text) == expected


@pytest.mark.parametrize("text", [
    "0. Nul", "1000. For mange", "18.15 – 18.18", "Punkt 5, Bilag 1: Dagsorden",
    "3.", "Punkt 3:", "Godkendelse af dagsorden", "2.5 Underpunkt",
])
def test_not_a_heading(text: str) -> None:
    assert heading(text) is None


@pytest.mark.parametrize(("text", "expected"), [
    ("Tid: 18.15 – 18.18 (3 min.)", (Field.TIME, "18.15 – 18.18 (3 min.)")),
    ("Mødetid: Kl. 18:15 – 19.45", (Field.MEETING_TIME, "Kl. 18:15 – 19.45")),
    ("Mødedato: 15. januar 2025", (Field.DATE, "15. januar 2025")),
    ("Baggrund/formål: Dagsordenen godkendes.", (Field.PURPOSE, "Dagsordenen godkendes.")),
    ("Baggrund / formål:", (Field.PURPOSE, "")),
    ("ANSVARLIG : Eva", (Field.RESPONSIBLE, "Eva")),
    ("Metode: Beslutning", (Field.METHOD, "Beslutning")),
    ("Bilag:", (Field.ATTACHMENTS, "")),
    ("Emne: Budget", (Field.SUBJECT, "Budget")),
    ("Meeting time: 9:00 - 10:00", (Field.MEETING_TIME, "9:00 - 10:00")),
    ("Dagsorden kort:", (Field.BRIEF, "")),
    ("Dagsorden kort", (Field.BRIEF, "")),
    ("Indholdsfortegnelse", (Field.BRIEF, "")),
])
def test_a_labelled_field(text: str, expected: tuple[Field, str]) -> None:
    assert label(text) == expected


@pytest.mark.parametrize("text", [
    "Ukendt: noget", "Dagsorden", "Tid", "1. Tid: 18.15", "Byrådshenvist sag: Plan",
    "Side 1 af 5",
])
def test_not_a_labelled_field(text: str) -> None:
    assert label(text) is None


@pytest.mark.parametrize(("title", "expected"), [
    ("Godkendelse", True), ("2026-budgettet", True), ('"Citat"', True), ("«Citat»", True),
    ("behandling i byrådet", False), ("(parentes)", False), ("", False),
])
def test_a_heading_starts_as_a_sentence_does(title: str, expected: bool) -> None:
    assert looks_like_heading(title) is expected


@pytest.mark.parametrize(("before", "text", "expected"), [
    ("Beskæf-", "Tigelse", True),
    ("Plan for", "området 2024", True),
    ("Plan for", "2024 – 2035", True),
    ("Plan for", "Området", False),
    ("Plan for", "(bilag)", False),
])
def test_what_a_narrow_column_broke_goes_on(before: str, text: str, expected: bool) -> None:
    assert goes_on(before, text) is expected


@pytest.mark.parametrize(("before", "after", "joined"), [
    ("Beskæf-", "tigelsesudvalget", "Beskæftigelsesudvalget"),
    ("Social-", "og Beskæftigelsesudvalget", "Social- og Beskæftigelsesudvalget"),
    ("Ældre-", "eller handicapområdet", "Ældre- eller handicapområdet"),
    ("Plan for social-", "området 2024", "Plan for socialområdet 2024"),
    ("Plan 2024 -", "2035", "Plan 2024 - 2035"),
    ("Byråds-", "Sekretariatet", "Byråds- Sekretariatet"),
    ("-", "x", "- x"),
    ("Plan for", "  området  ", "Plan for området"),
    ("", "  første linje ", "første linje"),
])
def test_joining_what_a_narrow_column_broke(before: str, after: str, joined: str) -> None:
    assert join_wrapped(before, after) == joined


@pytest.mark.parametrize(("title", "normal"), [
    ("Godkendelse af dagsorden", "godkendelse af dagsorden"),
    ("Godkendelse af dagsorden ....... 2", "godkendelse af dagsorden"),
    ("Referat (10 min.)", "referat"),
    ("Referat - 10 minutter", "referat"),
    ("Sag (18.20-18.40)", "sag"),
    ("Sag kl. 18.20 – 18.40", "sag"),
    ("Plan 2024 – 2035.", "plan 2024 - 2035"),
    ("Plan 2024 — 2035", "plan 2024 - 2035"),
    ("  Evt.:  ", "evt"),
    ("Kommende   møder,", "kommende møder"),
    ("Kl. 15.00-16.00: Budget", "budget"),
])
def test_a_title_as_compared_with_the_short_list(title: str, normal: str) -> None:
    assert normalized_title(title) == normal


@pytest.mark.parametrize(("title", "kept"), [
    ("Evt. ( )", "Evt."), ("Evt. ()", "Evt."), ("Evt.(   )", "Evt."),
    ("Bilag [ ] til sag", "Bilag til sag"),
    ("Budget (drift)", "Budget (drift)"), ("Budget  2026 ", "Budget 2026"), ("( )", ""),
])
def test_empty_brackets_are_dropped_from_a_title(title: str, kept: str) -> None:
    assert title_text(title) == kept
