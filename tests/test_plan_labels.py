"""A table's label in messages: what a planner looks for in the file."""

from __future__ import annotations

import datetime as dt

from aarshjul.plan import labels

from .plans import built_in_code, make_plan


def test_tables_by_number_and_what_is_written_in_them() -> None:
    assert labels.closed(0, "Vinterferie") == '[[closed]] #1 ("Vinterferie")'
    assert labels.closed(2, 7) == "[[closed]] #3"
    assert labels.series(1, "sbu") == '[[series]] #2 (body "sbu")'
    assert labels.series(0, None) == "[[series]] #1"
    assert labels.meeting(3, "sbu", dt.date(2025, 1, 15)) == "[[meeting]] #4 (sbu 2025-01-15)"
    assert labels.meeting(0, 5, None) == "[[meeting]] #1"
    assert labels.case(0, "Budget") == '[[case]] #1 ("Budget")'


def test_tables_with_an_id_are_known_by_it() -> None:
    assert labels.named("template", 0, "udvalg") == '[[template]] "udvalg"'
    assert labels.named("theme", 4, ["not", "an", "id"]) == "[[theme]] #5"


def test_long_texts_are_cut_with_an_ellipsis() -> None:
    title = "Orientering om status for handleplanen for socialområdet"
    assert labels.short(title) == title[:39] + "…"
    assert len(labels.short(title)) == 40
    assert labels.short("Kort") == "Kort"
    assert labels.item('[[meeting]] #1 (sbu 2025-01-15)', 2, title) == (
        f'[[meeting]] #1 (sbu 2025-01-15) item #3 ("{title[:39]}…")')
    assert labels.item('[[template]] "t"', 0, None) == '[[template]] "t" item #1'


def test_tables_built_in_code_are_located_as_their_file_would_be() -> None:
    plan = make_plan('[[template]]\nid = "t"\n[[template.item]]\ntitle = "Evt."\n')
    assert labels.locate(plan) is plan  # read from a file: every table knows its place
    located = labels.locate(built_in_code(plan))
    assert located == plan
    assert [(b.where.label, b.where.key, b.where.line, b.where.file)
            for b in located.bodies] == [('[[body]] "sbu"', "body[1]", None, "<plan>"),
                                         ('[[body]] "rm"', "body[2]", None, "<plan>")]
    (item,) = located.templates[0].items
    assert (item.where.label, item.where.key) == ('[[template]] "t" item #1 ("Evt.")',
                                                  "template[1].item[1]")
    assert (located.where.label, located.where.key) == ("[plan]", "plan")
