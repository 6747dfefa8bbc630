"""Names of days and months in Danish and English, and what they stand for.

Shared by the reader of recurrence phrases ("hver anden onsdag undtagen
juli") and the reader of written agendas ("Mødedato: 15. januar 2025"). Both
must start fast, so these are plain tables, not babel's locale data.
"""

from __future__ import annotations

WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
"""RFC 5545's weekday codes, Monday first (``date.weekday()`` order)."""

DANISH_DAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

DANISH_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

MONTH_WORDS: dict[str, int] = {
    spelling: number
    for names in (DANISH_MONTHS, ENGLISH_MONTHS)
    for number, name in enumerate(names, start=1)
    for spelling in (name, name[:3])
} | {"sept": 9}
"""Month names and their three-letter abbreviations, both languages, to 1-12."""

LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""The most days each month can have (February in a leap year)."""
