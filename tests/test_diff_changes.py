"""What a subscriber would notice between two versions of a plan, matched by
UID: the example plan and versions of it with one change each, as a
secretariat makes them."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul import parse_plan
from aarshjul.diff.changes import KINDS, Change, changes
from aarshjul.vocabulary import Language

from .plans import EXAMPLE, agendas_of

ORIGINAL = EXAMPLE.read_text(encoding="utf-8")
ANCHOR = '[[template]]\nid = "udvalgsmoede"'


def changed(extra: str = "", *, replace: tuple[str, str] | None = None,
            language: Language = Language.DA) -> list[Change]:
    """The changes from the example plan to the example with ``extra``
    tables before its first template (and ``replace`` done)."""
    text = ORIGINAL.replace(ANCHOR, extra + ANCHOR, 1)
    if replace:
        text = text.replace(*replace)
    old = parse_plan(ORIGINAL, source="old.toml")
    new = parse_plan(text, source="new.toml")
    return changes(old, agendas_of(old), new, agendas_of(new), language=language)


def lines(found: list[Change], language: Language = Language.DA) -> list[str]:
    return [change.said.text_in(language) for change in found]


def test_the_same_plan_has_no_changes() -> None:
    assert changed() == []


def test_a_moved_meeting_is_one_change_and_the_next_agenda_s_minutes_item() -> None:
    found = changed('[[meeting]]\nbody = "sbu"\ndate = 2025-10-22\nmoved_to = 2025-10-23\n\n')
    assert [(c.kind, c.date, c.new_date) for c in found] == [
        ("moved", dt.date(2025, 10, 22), dt.date(2025, 10, 23)),
        ("item", dt.date(2025, 11, 5), None)]
    assert lines(found) == [
        "Møde flyttet: Social- og Beskæftigelsesudvalget, fra onsdag den 22. oktober 2025, "
        "18.15 – 19.45 til torsdag den 23. oktober 2025, 18.15 – 19.45",
        "Punkt 2 på dagsordenen for Social- og Beskæftigelsesudvalget, onsdag den 5. november "
        "2025 hedder nu: Referat fra udvalgets møde den 23. oktober 2025 (før: Referat fra "
        "udvalgets møde den 22. oktober 2025)"]
    moved = found[0]
    assert moved.uid == next(c.uid for c in found if c.kind == "moved")
    assert (moved.before, moved.after) == ("onsdag den 22. oktober 2025, 18.15 – 19.45",
                                           "torsdag den 23. oktober 2025, 18.15 – 19.45")


def test_a_cancelled_meeting_and_what_follows_from_it() -> None:
    found = changed('[[meeting]]\nbody = "sbu"\ndate = 2025-03-12\nstatus = "cancelled"\n\n')
    kinds = [(c.kind, c.date) for c in found]
    assert kinds[0] == ("cancelled", dt.date(2025, 3, 12))
    # Its case goes to the next meeting: one change, not an item gone and one come.
    (case,) = [c for c in found if c.kind == "case"]
    assert case.said.text_in(Language.DA) == (
        "Sag flyttet: Mål i politisk retning for budget 2026, Social- og "
        "Beskæftigelsesudvalget: onsdag den 26. marts 2025 i stedet for onsdag den 12. marts "
        "2025")
    assert (case.date, case.new_date) == (dt.date(2025, 3, 12), dt.date(2025, 3, 26))
    assert not any(c.kind == "item" and "Mål i politisk retning" in (c.before or c.after or "")
                   for c in found)
    # The items after the case's take new times: one line for the agenda.
    assert ("Nye tider på dagsordenen for Social- og Beskæftigelsesudvalget, onsdag den 26. "
            "marts 2025: 4 punkter, fra punkt 4") in lines(found)


def test_a_new_time_and_a_new_place_on_the_same_day() -> None:
    found = changed('[[meeting]]\nbody = "sbu"\ndate = 2025-04-09\nstart = "16:00"\n'
                    'end = "17:30"\nlocation = "Rådhuset, lokale 101"\n\n')
    assert [(c.kind, c.before, c.after) for c in found] == [
        ("time", "18.15 – 19.45", "16.00 – 17.30"),
        ("location", "Rådhuset, lokale 398", "Rådhuset, lokale 101")]
    assert lines(found) == [
        "Nyt tidspunkt: Social- og Beskæftigelsesudvalget, onsdag den 9. april 2025: "
        "16.00 – 17.30 i stedet for 18.15 – 19.45",
        "Nyt sted: Social- og Beskæftigelsesudvalget, onsdag den 9. april 2025: Rådhuset, "
        "lokale 101 i stedet for Rådhuset, lokale 398"]


def test_a_meeting_added_and_one_removed() -> None:
    extra = ('[[meeting]]\nbody = "rm"\ndate = 2025-08-20\nstart = "13:00"\nend = "14:00"\n'
             'title = "Ekstra rådmandsmøde"\n\n')
    found = changed(extra)
    assert [(c.kind, c.body, c.date) for c in found] == [("added", "rm", dt.date(2025, 8, 20))]
    assert lines(found) == ["Nyt møde: Rådmandsmøde (Ekstra rådmandsmøde), onsdag den 20. "
                            "august 2025, 13.00 – 14.00"]
    text = ORIGINAL.replace(ANCHOR, extra + ANCHOR, 1)
    old, new = parse_plan(text, source="old.toml"), parse_plan(ORIGINAL, source="new.toml")
    (gone,) = changes(old, agendas_of(old), new, agendas_of(new), language=Language.EN)
    assert gone.kind == "removed"
    assert gone.said.text_in(Language.EN) == (
        "Meeting removed: Rådmandsmøde (Ekstra rådmandsmøde), Wednesday 20 August 2025, "
        "13.00 – 14.00")


def test_an_item_added_moved_and_re_timed_in_a_template() -> None:
    # Evt. grows from 5 to 10 minutes at every meeting of the committee.
    found = changed(replace=('title = "Evt."\nat = "end"\nminutes = 5',
                             'title = "Evt."\nat = "end"\nminutes = 10'))
    assert {c.kind for c in found} == {"item"}
    assert len(found) == 23  # every meeting of the committee, one line each
    assert found[0].said.text_in(Language.DA) == (
        "Nyt tidspunkt for et punkt på dagsordenen for Social- og Beskæftigelsesudvalget, "
        "onsdag den 11. december 2024: Evt., 18.30 – 18.40 (10 min.) i stedet for 18.30 – "
        "18.35 (5 min.)")
    # Kommende møder moves before Kurser og konferencer: one item moved.
    swapped = ORIGINAL.replace('title = "Kurser og konferencer samt sager på vej til byrådet"',
                               'title = "TMP"').replace('title = "Kommende møder"',
                                                        'title = "Kurser og konferencer samt '
                                                        'sager på vej til byrådet"').replace(
        'title = "TMP"', 'title = "Kommende møder"')
    old, new = parse_plan(ORIGINAL, source="old.toml"), parse_plan(swapped, source="new.toml")
    moved = [c for c in changes(old, agendas_of(old), new, agendas_of(new),
                                language=Language.DA) if "flyttet" in c.said.text_in(Language.DA)]
    assert moved
    assert moved[0].said.text_in(Language.DA).startswith(
        "Punkt flyttet på dagsordenen for Social- og Beskæftigelsesudvalget, ")


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_is_in_the_json_as_the_spec_names_it(kind: str) -> None:
    change = Change(kind, "sbu", "u", dt.date(2025, 1, 15), said=_said(), new_date=None)
    assert change.as_json(Language.DA) == {
        "kind": kind, "body": "sbu", "uid": "u", "date": "2025-01-15", "new_date": None,
        "before": None, "after": None, "text": "Ingen ændringer."}


def _said():  # type: ignore[no-untyped-def]
    from aarshjul.messages import _  # noqa: PLC0415 - a message that has a translation

    return _("No changes.")


def test_a_case_that_goes_and_one_that_comes() -> None:
    title = 'title = "Arbejdspligt"'
    assert title in ORIGINAL
    found = changed(replace=(title, 'title = "Arbejdspligt og jobparathed"'))
    kinds = sorted((c.kind, c.said.text_in(Language.DA).split(":")[0]) for c in found)
    assert kinds == [("case", "Ny sag"), ("case", "Sag taget af dagsordenen")]


def test_a_meeting_cancelled_then_held_after_all() -> None:
    cancelled = ORIGINAL.replace(ANCHOR, '[[meeting]]\nbody = "rm"\ndate = 2025-01-07\n'
                                         'status = "cancelled"\n\n' + ANCHOR, 1)
    old = parse_plan(cancelled, source="old.toml")
    new = parse_plan(ORIGINAL, source="new.toml")
    found = changes(old, agendas_of(old), new, agendas_of(new), language=Language.DA)
    assert [(c.kind, c.body, c.date) for c in found][:1] == [("added", "rm",
                                                              dt.date(2025, 1, 7))]
    assert lines(found)[0].startswith("Mødet holdes alligevel: Rådmandsmøde, tirsdag den 7. "
                                      "januar 2025")


def versions(old_text: str, new_text: str) -> list[Change]:
    old = parse_plan(old_text, source="old.toml")
    new = parse_plan(new_text, source="new.toml")
    return changes(old, agendas_of(old), new, agendas_of(new), language=Language.DA)


def test_a_case_taken_off_leaves_a_case_of_the_same_title_where_it_was() -> None:
    """Two cases share a title, one for the rådmandsmøde and one for the
    committee: taking off the first says that, and nothing of the second."""
    start = ORIGINAL.index('[[case]]\ntitle = "Mål i politisk retning for budget 2026"\n'
                           'body = "rm"')
    end = ORIGINAL.index("[[case]]", start + 5)
    found = versions(ORIGINAL, ORIGINAL[:start] + ORIGINAL[end:])
    cases = [c for c in found if c.kind == "case"]
    assert [(c.body, c.date) for c in cases] == [("rm", dt.date(2025, 1, 14))]
    assert cases[0].said.text_in(Language.DA) == (
        "Sag taget af dagsordenen: Mål i politisk retning for budget 2026, Rådmandsmøde "
        "tirsdag den 14. januar 2025")


def test_a_series_given_an_id_is_the_same_meetings() -> None:
    """The id changes the meetings' UIDs (a new event to a subscribed
    calendar), but nothing a reader sees."""
    assert versions(ORIGINAL, ORIGINAL.replace('[[series]]\nbody = "sbu"',
                                               '[[series]]\nid = "udvalg"\nbody = "sbu"')) == []


def test_a_seminar_a_day_longer_is_a_new_time_with_its_days() -> None:
    seminar = ('[[meeting]]\nbody = "sbu"\ndate = 2025-09-01\nto = 2025-09-02\n'
               'title = "Budgetseminar"\n\n')
    old = ORIGINAL.replace(ANCHOR, seminar + ANCHOR, 1)
    (change,) = versions(old, old.replace("to = 2025-09-02", "to = 2025-09-03"))
    assert (change.kind, change.before, change.after) == (
        "time", "1.–2. september 2025, hele dagen", "1.–3. september 2025, hele dagen")


def test_a_new_case_on_a_route_names_every_step() -> None:
    fredensborg = (EXAMPLE.parent / "fredensborg-2017.toml").read_text(encoding="utf-8")
    added = fredensborg + ('\n[[case]]\ntitle = "Skolestruktur 2018"\nroute = "bsu-sag"\n'
                           'month = 10\nminutes = [30, 10, 20]\nmethod = "Beslutning"\n')
    (change,) = versions(fredensborg, added)
    assert change.said.text_in(Language.DA) == (
        "Ny sag: Skolestruktur 2018, Børne- og Skoleudvalget mandag den 9. oktober 2017, "
        "Økonomiudvalget mandag den 23. oktober 2017, Byrådet mandag den 30. oktober 2017")
