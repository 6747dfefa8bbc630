"""Where each meeting's agenda page stands in the site, and on the web.

The feeds and published events link to these pages, and the wheel's marks
do, so the site, the feeds and publishing share this one naming. It stands
here, with the agendas, rather than with the site: the feeds and publishing
come before the site in the flow and must not import it.
"""

from __future__ import annotations

from aarshjul.agenda.assembly import Agendas

__all__ = ["agenda_paths", "agenda_url"]


def agenda_paths(agendas: Agendas) -> dict[str, str]:
    """Each meeting's page, ``agendas/<body>/<date>.html`` (a second meeting of
    a body on one day gets ``<date>-2.html``), by meeting UID."""
    paths: dict[str, str] = {}
    taken: set[str] = set()
    for meeting in agendas.meetings:  # in date and time order
        base = f"agendas/{meeting.body}/{meeting.date.isoformat()}"
        path, number = f"{base}.html", 1
        while path in taken:
            number += 1
            path = f"{base}-{number}.html"
        taken.add(path)
        paths[meeting.uid] = path
    return paths


def agenda_url(base_url: str | None, page: str) -> str | None:
    """Where a meeting's agenda page is on the published site."""
    return f"{base_url.rstrip('/')}/{page}" if base_url else None
