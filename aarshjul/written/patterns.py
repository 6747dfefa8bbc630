"""What the lines of a written agenda look like: the patterns and label tables.

Only data, in one place: the forms of times (``18.15 – 18.18``,
``kl. 8.30-8.45``, ``(10 minutter)``), of headings (``3. …``, ``Punkt 3: …``),
of labelled fields (their labels in Danish and English are the vocabulary's,
:data:`~aarshjul.vocabulary.AGENDA_LABELS`), of dates and of page noise.
:mod:`~aarshjul.written.times` reads the times, :mod:`~aarshjul.written.lines`
one line's kind, and :mod:`~aarshjul.written.structure` the document.
"""

from __future__ import annotations

import enum
import re

from aarshjul.vocabulary import AGENDA_LABELS, MONTH_WORDS, WORDS

_TIME = r"(\d{1,2})\s*[.:]\s*(\d{2})"
RANGE = re.compile(rf"(?:kl\.?\s*)?{_TIME}\s*(?:[-–—‒]|til|to)\s*(?:kl\.?\s*)?(?:ca\.?\s*)?"
                   rf"{_TIME}", re.IGNORECASE)
# "kl. 16-18": a meeting's time in whole hours.
HOUR_RANGE = re.compile(r"kl\.?\s*(\d{1,2})\s*[-–—]\s*(?:ca\.?\s*)?(\d{1,2})\b", re.IGNORECASE)
ONE_TIME = re.compile(rf"(?:kl\.?\s*)?{_TIME}(?!\s*[.:]?\d)", re.IGNORECASE)
DURATION = re.compile(r"\(?\s*(\d{1,4})\s*(?:minutter|minutes|minute|min)\b\.?\s*\)?",
                      re.IGNORECASE)
TRAILING_DURATION = re.compile(
    r"\s*(?:[-–—]\s*)?\(?\s*(\d{1,4})\s*(?:minutter|minutes|minute|min)\b\.?\s*\)?\s*$",
    re.IGNORECASE)
# A line that is only a time: "19.30–19.32", "kl. 8.30-8.45", "16.05 – 16.45 (40 min)".
TIME_LINE = re.compile(rf"\(?\s*{RANGE.pattern}\s*\)?\s*(?:[-–—,/]?\s*{DURATION.pattern})?",
                       re.IGNORECASE)
# A line that is only a start time: "16.00", "kl. 16.00" (the item runs to the next).
START_LINE = re.compile(rf"(?:kl\.?\s*)?{_TIME}", re.IGNORECASE)
# A time at the end of a heading: "3. Sag (18.20-18.40)", "Sag, kl. 15.05 – 15.25";
# a bare range after a colon ("Åbent: 8.00-22.00") is part of the title.
HEADING_TIME = re.compile(
    rf"(?:\s*(?:\(\s*{RANGE.pattern}\s*(?:[,;]?\s*{DURATION.pattern})?\s*\)"
    rf"|(?:[,;]\s*|[-–—]\s*)?kl\.\s*{RANGE.pattern})"
    rf"|(?:\s*[,;]\s*|\s+[-–—]\s*|(?<!:)\s+){RANGE.pattern})\s*$",
    re.IGNORECASE)
# A time before a heading's title: "2. Kl. 15.00-16.00: Title", "kl. 15:00–16:00 Title",
# "Kl. 9.00: Velkomst"; only with "kl.", so that a title starting with numbers stays one.
LEADING_TIME = re.compile(
    rf"(kl\.?\s*(?:{RANGE.pattern}|{_TIME}(?!\s*[.:]?\d|\s*[-–—‒]\s*\d)))\s*(?:[:,]|[-–—](?=\s))?\s*(?=\S)",
    re.IGNORECASE)
PUNKT = re.compile(r"(?:agenda\s+item|dagsordenspunkt|punkt|pkt\.?|item)\s*(\d{1,3})\s*"
                   r"(?:[:.)–—-]\s*|\s+)(?![,\d])(\S.*)", re.IGNORECASE)
NUMBERED = re.compile(r"(\d{1,3})\s*[.)]\s*(?!\d)(\S.*)")
SUB_ITEM = re.compile(r"[A-ZÆØÅa-zæøå][).]\s")
LABEL = re.compile(r"([^\W\d][\w/ ]{1,30}?)\s*:\s*(.*)")
LEADER = re.compile(r"\s*\.{3,}\s*\d*\s*$")  # "Godkendelse ....... 2" in a table of contents
NOISE = re.compile(
    r"(side|page)\s+\d+\s+(af|of)\s+\d+|.*\.(docx?|pdf|odt)|punkt\s+\d+\s*,\s*bilag\b.*",
    re.IGNORECASE)
# Longest first, so that "januar" is not read as "jan" and a rest.
MONTHS = dict(sorted(MONTH_WORDS.items(), key=lambda pair: -len(pair[0])))
DATE_TITLE = re.compile(rf"({'|'.join(MONTHS)})\.?(\s+\d{{2,4}}\b|\s*$)", re.IGNORECASE)
DATE = re.compile(rf"(\d{{1,2}})\.?\s*({'|'.join(MONTHS)})\.?\s+(\d{{4}})", re.IGNORECASE)
# What the text form of an agenda with no items says, in any language.
EMPTY = re.compile("|".join(re.escape(w.no_items.rstrip(".")) + r"\.?" for w in WORDS.values()),
                   re.IGNORECASE)


class Field(enum.Enum):
    """What a labelled line (``Tid: …``, ``Ansvarlig: …``) gives."""

    DATE = "date"
    MEETING_TIME = "meeting time"
    PLACE = "place"
    BRIEF = "brief"
    SUBJECT = "subject"
    TIME = "time"
    RESPONSIBLE = "responsible"
    NEXT_STEPS = "next steps"
    METHOD = "method"
    PURPOSE = "purpose"
    ATTACHMENTS = "attachments"


LABELS = {field: AGENDA_LABELS[field.value] for field in Field}
FIELD_OF = {label: field for field, labels in LABELS.items() for label in labels}
