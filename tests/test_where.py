"""Where a model object was written, and the problems found there."""

from __future__ import annotations

from aarshjul.errors import Severity
from aarshjul.messages import verbatim
from aarshjul.model import Body
from aarshjul.where import NOWHERE, Where


def test_where_points_at_a_key_of_its_table() -> None:
    where = Where(file="plan.toml", line=40, label='[[series]] #2 (body "sbu")', key="series[2]",
                  lines={"to": 47})
    problem = where.problem("end-before-start",
                            verbatim("2025-01-01 is before from = 2025-02-01"), key="to")
    assert problem.format() == ('plan.toml:47: error[end-before-start]: [[series]] #2 '
                                '(body "sbu"): to: 2025-01-01 is before from = 2025-02-01')
    assert problem.key == "series[2].to"
    # A key not written keeps the table's line.
    assert where.at("from").line == 40
    assert where.problem("x", verbatim("y"), severity=Severity.INFO).format() == (
        'plan.toml:40: info[x]: [[series]] #2 (body "sbu"): y')
    # Built in code: no file, no line.
    assert NOWHERE.problem("x", verbatim("y")).format() == "<plan>: error[x]: y"


def test_where_takes_no_part_in_equality() -> None:
    here = Where(file="a.toml", line=1, label="", key="")
    there = Where(file="b.toml", line=9, label="", key="")
    assert Body(id="sbu", name="U", where=here) == Body(id="sbu", name="U", where=there)
