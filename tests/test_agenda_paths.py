"""Each meeting's agenda page: one name a meeting, in date order."""

from __future__ import annotations

from aarshjul.agenda.paths import agenda_paths, agenda_url

from .plans import agendas_of, make_plan

TWICE = '''
[[series]]
body = "sbu"
dates = [2025-01-15, 2025-01-29]
start = "09:00"
end = "10:00"

[[series]]
id = "aften"
body = "sbu"
dates = [2025-01-15]
start = "18:15"
end = "19:45"
'''


def test_a_page_a_meeting_and_a_second_one_on_a_day_is_numbered() -> None:
    agendas = agendas_of(make_plan(TWICE))
    paths = agenda_paths(agendas)
    assert [paths[m.uid] for m in agendas.meetings] == [
        "agendas/sbu/2025-01-15.html", "agendas/sbu/2025-01-15-2.html",
        "agendas/sbu/2025-01-29.html"]


def test_a_page_s_address_on_the_published_site() -> None:
    page = "agendas/sbu/2025-01-15.html"
    assert agenda_url("https://x.dk/hjul/", page) == f"https://x.dk/hjul/{page}"
    assert agenda_url("https://x.dk/hjul", page) == f"https://x.dk/hjul/{page}"
    assert agenda_url(None, page) is None

