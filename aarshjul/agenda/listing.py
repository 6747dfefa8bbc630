"""The meetings list: as a table for people, JSON or CSV for programs.

JSON keys and meaning are fixed by SPEC §5; dates are ``YYYY-MM-DD`` and
times ``HH:MM`` in the plan's time zone.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Mapping, Sequence
from typing import Any

from aarshjul.agenda.items import Agenda, item_record
from aarshjul.choices import Status
from aarshjul.dates import short_weekday
from aarshjul.model import Meeting, Plan
from aarshjul.vocabulary import words

CSV_FIELDS = ("uid", "body", "title", "date", "start", "end", "status", "location",
              "original_date", "to")


def meeting_record(meeting: Meeting, agenda: Agenda | None = None) -> dict[str, Any]:
    """One meeting as the JSON of ``aarshjul meetings --format json``, with
    its agenda's items, numbered and timed, as ``"items"`` (SPEC §5): not
    ``meeting.items``, which are only the meeting's own ``[[meeting.item]]``s.
    ``"to"`` is the last day of a meeting over several days (None for one
    day); an all-day meeting has no ``"start"`` and ``"end"`` (None)."""
    return {
        "uid": meeting.uid,
        "body": meeting.body,
        "title": meeting.title,
        "date": meeting.date.isoformat(),
        "to": meeting.to.isoformat() if meeting.to else None,
        "start": None if meeting.all_day else str(meeting.start),
        "end": None if meeting.all_day else str(meeting.end),
        "status": meeting.status.value,
        "location": meeting.location,
        "original_date": meeting.original_date.isoformat() if meeting.original_date else None,
        "items": [item_record(item) for item in agenda.items] if agenda else [],
    }


def as_json(meetings: Sequence[Meeting], agendas: Mapping[str, Agenda] | None = None) -> str:
    agendas = agendas or {}
    return json.dumps([meeting_record(m, agendas.get(m.uid)) for m in meetings],
                      ensure_ascii=False, indent=2)


def as_csv(meetings: Sequence[Meeting]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for meeting in meetings:
        writer.writerow({k: "" if v is None else v for k, v in meeting_record(meeting).items()})
    return out.getvalue()


def as_table(plan: Plan, meetings: Sequence[Meeting]) -> str:
    """Aligned columns, in the plan's language, with weekday names from babel."""
    language = plan.language
    said = words(language)
    rows = [(said.date, said.weekday, said.time, said.body, said.title, said.place, said.remark)]
    for meeting in meetings:
        remark = []
        if meeting.status is Status.CANCELLED:
            remark.append(said.cancelled)
        if meeting.moved_from is not None:
            remark.append(said.moved_from.format(date=meeting.moved_from.isoformat()))
        if meeting.note:
            remark.append(" ".join(meeting.note.split()))
        rows.append((
            meeting.date.isoformat() + (f"–{meeting.to.isoformat()}" if meeting.to else ""),
            short_weekday(meeting.date, language),
            "" if meeting.all_day else f"{meeting.start}–{meeting.end}",
            meeting.body,
            meeting.title,
            meeting.location,
            ", ".join(remark),
        ))
    return aligned(rows)


def aligned(rows: Sequence[Sequence[str]]) -> str:
    """Rows of text as columns two spaces apart, each as wide as its widest
    cell (the first row the header), no space at a line's end."""
    widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True))
             .rstrip() for row in rows]
    return "\n".join(lines) + "\n"
