"""The toolkit for reading TOML tables: typed getters that report, with the
key's line and a "did you mean", and remember the keys they could not read."""

from __future__ import annotations

import tomllib

from aarshjul import ClockTime, read_plan
from aarshjul.messages import verbatim
from aarshjul.plan.tables import Reader, Table

from .plans import plan_text


def test_did_you_mean() -> None:
    _, problems = read_plan(plan_text('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                                      'start = "18:15"\nminuts = 90\n'), source="x.toml")
    messages = [p.message for p in problems]
    assert any('unknown key "minuts"; did you mean "minutes"?' in m for m in messages)


def test_a_list_of_the_wrong_things_names_the_element() -> None:
    _, problems = read_plan('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                            'holiday_categories = ["public", 7]\n', source="x.toml")
    (problem,) = problems
    assert problem.key == "plan.holiday_categories[2]"
    assert 'expected a list of texts like ["public", "optional"] (got a number 7)' in (
        problem.message)


TEXT = '[[series]]\nbody = "sbu"\nstart = "25:00"\nend = "19:00"\nminutes = 5\n'
KEYS = ("body", "start", "end", "minutes", "title")


def series_table(reader: Reader) -> Table:
    raw = tomllib.loads(TEXT)["series"][0]
    return Table(reader, raw, ("series", 0), '[[series]] #1 (body "sbu")', KEYS)


def test_where_knows_the_line_of_each_key_and_the_keys_that_could_not_be_read() -> None:
    reader = Reader("x.toml", TEXT)
    table = series_table(reader)
    assert table.clock("start") is None
    assert table.clock("end") == ClockTime.parse("19:00")
    assert table.text("title", required=True) is None
    table.error("minutes", "conflicting-keys", verbatim('give "end" or "minutes", not both'))
    where = table.where
    assert (where.file, where.line, where.key) == ("x.toml", 1, "series[1]")
    assert where.lines == {"body": 2, "start": 3, "end": 4, "minutes": 5}
    # A bad value and a missing one are unread; two keys in conflict may
    # both be good, and the reader says which one it leaves out.
    assert where.unread == {"start", "title"}
    assert [p.code for p in reader.problems] == ["bad-time", "missing-key", "conflicting-keys"]


def test_a_problem_at_a_key_is_where_the_reader_would_report_it() -> None:
    reader = Reader("x.toml", TEXT)
    table = series_table(reader)
    table.error("end", "end-before-start", verbatim("too early"))
    (reported,) = reader.problems
    assert table.where.problem("end-before-start", verbatim("too early"), key="end") == reported
    assert reported.format() == ('x.toml:4: error[end-before-start]: [[series]] #1 '
                                 '(body "sbu"): end: too early')
    # A key that is not written is found at its table.
    assert table.where.problem("x", verbatim("y"), key="title").line == 1
