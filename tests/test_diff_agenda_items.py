"""What changed on one meeting's agenda: items matched by the longest run
of titles the two agendas share, so that one item moved is one line, a
second item of a title is new, and the items an item pushes along are one
line for the agenda."""

from __future__ import annotations

import datetime as dt

from aarshjul import parse_plan
from aarshjul.diff.changes import changes
from aarshjul.vocabulary import Language

from .plans import agendas_of
from .test_diff_changes import ANCHOR, ORIGINAL, lines, versions


def test_the_first_item_moved_last_is_one_item_moved() -> None:
    start = ORIGINAL.index('[[template.item]]\ntitle = "Godkendelse af dagsorden"')
    first = ORIGINAL[start:ORIGINAL.index("[[template.item]]", start + 5)]
    moved = ORIGINAL.replace(first, "", 1).replace('[[template.item]]\ntitle = "Evt."',
                                                    first + '[[template.item]]\ntitle = "Evt."')
    found = [c for c in versions(ORIGINAL, moved) if c.said.text_in(Language.DA).startswith(
        "Punkt flyttet")]
    meetings = {c.uid for c in found}
    # One line a meeting, not one an item. (The cases' items come after the
    # first two of the template, so the item moved last lands second, and
    # the minutes item is the one that changed place.)
    assert len(found) == len(meetings) > 20
    assert all(" er nu punkt 1 (var 2)" in c.said.text_in(Language.DA) for c in found)


def test_an_item_that_grows_is_told_and_those_it_pushes_are_one_line() -> None:
    longer = ORIGINAL.replace('title = "Godkendelse af dagsorden"\nminutes = 3',
                              'title = "Godkendelse af dagsorden"\nminutes = 5')
    found = versions(ORIGINAL, longer)
    first = [c.said.text_in(Language.DA) for c in found if c.date == dt.date(2025, 1, 15)]
    assert first[0] == (
        "Nyt tidspunkt for et punkt på dagsordenen for Social- og Beskæftigelsesudvalget, "
        "onsdag den 15. januar 2025: Godkendelse af dagsorden, 18.15 – 18.20 (5 min.) i "
        "stedet for 18.15 – 18.18 (3 min.)")
    assert first[1].startswith("Nye tider på dagsordenen for Social- og "
                               "Beskæftigelsesudvalget, onsdag den 15. januar 2025: ")
    assert len(first) == 2


def test_a_second_item_of_a_title_already_on_the_agenda_is_new() -> None:
    extra = ('[[meeting]]\nbody = "rm"\ndate = 2025-03-04\n\n[[meeting.item]]\n'
             'title = "Orientering fra udvalget"\nminutes = 5\n\n')
    found = versions(ORIGINAL, ORIGINAL.replace(ANCHOR, extra + ANCHOR, 1))
    said = lines(found)
    assert said[0].startswith("Nyt punkt på dagsordenen for Rådmandsmøde, tirsdag den 4. "
                              "marts 2025: ")
    assert not any("flyttet" in line for line in said)


def test_an_item_taken_out_of_the_template_and_nothing_said_of_the_others() -> None:
    """Items after it take its number: that is no move among them."""
    text = ORIGINAL
    start = text.index('[[template.item]]\ntitle = "Skriftlige orienteringer"')
    end = text.index("[[template.item]]", start + 5)
    old = parse_plan(ORIGINAL, source="old.toml")
    new = parse_plan(text[:start] + text[end:], source="new.toml")
    found = changes(old, agendas_of(old), new, agendas_of(new), language=Language.DA)
    said = lines(found)
    assert said
    assert all(line.startswith("Punkt fjernet fra dagsordenen for Social- og "
                               "Beskæftigelsesudvalget, ")
               and line.endswith(": Skriftlige orienteringer") for line in said)
