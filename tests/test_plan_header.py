"""The [plan] table: its defaults, its id, its time zone and its holidays."""

from __future__ import annotations

import pytest

from aarshjul import Language, parse_plan, read_plan
from aarshjul.plan.header import slug

from .plans import located, make_plan

PLAN_HEADERS = {
    "unknown time zone": ('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                          'timezone = "Europe/Copenhagn"\n', 5, "unknown-timezone"),
    "a time zone that is a path": ('[plan]\ntitle = "x"\nstart = 2025-01-01\n'
                                   'end = 2025-12-31\ntimezone = "../../etc/passwd"\n', 5,
                                   "unknown-timezone"),
    "a time zone of hundreds of parts": ('[plan]\ntitle = "x"\nstart = 2025-01-01\n'
                                         'end = 2025-12-31\ntimezone = "' + "A/" * 300
                                         + 'B"\n', 5, "unknown-timezone"),
    "unknown country": ('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                        'holidays = "XX"\n', 5, "unknown-country"),
    "unknown holiday category": ('[plan]\ntitle = "x"\nstart = 2025-01-01\n'
                                 'end = 2025-12-31\nholiday_categories = ["bank"]\n', 5,
                                 "bad-value"),
    "unknown language": ('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                         'language = "sv"\n', 5, "bad-value"),
    "a wheel that starts in month 13": ('[plan]\ntitle = "x"\nstart = 2025-01-01\n'
                                        'end = 2025-12-31\nwheel_start = 13\n', 5, "bad-value"),
    "a wheel that starts in a month's name": ('[plan]\ntitle = "x"\nstart = 2025-01-01\n'
                                              'end = 2025-12-31\nwheel_start = "august"\n', 5,
                                              "bad-type"),
    "missing title": ('[plan]\nstart = 2025-01-01\nend = 2025-12-31\n', 1, "missing-key"),
    "empty file": ("", 1, "missing-key"),
}


@pytest.mark.parametrize(("text", "line", "code"), PLAN_HEADERS.values(), ids=PLAN_HEADERS.keys())
def test_broken_headers_are_located(text: str, line: int, code: str) -> None:
    assert (line, code) in located(text)


def test_defaults() -> None:
    plan = make_plan()
    assert plan.timezone == "Europe/Copenhagen"
    assert plan.language is Language.DA
    assert plan.holidays == "DK"
    assert plan.holiday_categories == ("public",)


def test_the_wheel_starts_in_january_unless_the_plan_says_another_month() -> None:
    assert make_plan().wheel_start == 1
    school_year = parse_plan('[plan]\ntitle = "x"\nstart = 2025-08-01\nend = 2026-07-31\n'
                             'wheel_start = 8\n')
    assert school_year.wheel_start == 8


def test_the_id_defaults_to_a_slug_of_the_title() -> None:
    plan = parse_plan('[plan]\ntitle = "Årshjul for MSB 2025"\nstart = 2025-01-01\n'
                      "end = 2025-12-31\n")
    assert plan.id == "aarshjul-for-msb-2025"
    assert slug("Ældre- og Sundhedsudvalget") == "aeldre-og-sundhedsudvalget"
    assert slug("???") == "plan"


def test_a_long_title_gives_an_id_as_long_as_an_id_may_be() -> None:
    plan = parse_plan('[plan]\ntitle = "' + "Årshjul " * 20 + '"\nstart = 2025-01-01\n'
                      "end = 2025-12-31\n")
    assert plan.id == ("aarshjul-" * 8)[:64]


def test_no_holiday_categories_is_an_error() -> None:
    _, problems = read_plan('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                            "holiday_categories = []\n", source="x.toml")
    assert [(p.line, p.code) for p in problems] == [(5, "bad-value")]
    assert 'holidays = ""' in problems[0].message
