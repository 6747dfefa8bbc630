"""Plan files load into the model, and every mistake is reported with its line."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul import (
    ClockTime,
    Language,
    OnHoliday,
    Placement,
    PlanError,
    Status,
    load_plan,
    parse_plan,
    read_plan,
)
from aarshjul.plan.reader import slug

from .plans import EXAMPLE, HEADER, make_plan, plan_text


def problems_of(text: str) -> list[tuple[int | None, str]]:
    _, problems = read_plan(text, source="bad.toml")
    return [(p.line, p.code) for p in problems]


def test_the_example_plan_loads() -> None:
    plan = load_plan(EXAMPLE)
    assert plan.id == "aarhus-msb-2025"
    assert plan.start == dt.date(2024, 12, 1)
    assert [b.id for b in plan.bodies] == ["sbu", "rm"]
    assert plan.body("sbu").location == "Rådhuset, lokale 398"
    assert plan.series[0].start == ClockTime.parse("18:15")
    assert plan.series[0].end == ClockTime.parse("19:45")
    assert str(plan.series[0].recurrence.rule) == "FREQ=WEEKLY;INTERVAL=2;BYDAY=WE"
    assert plan.series[1].end == ClockTime.parse("11:00")  # start + minutes
    assert plan.holiday_categories == ("public", "optional")
    assert plan.template("udvalgsmoede").items[2].at is Placement.END


def test_defaults() -> None:
    plan = make_plan()
    assert plan.timezone == "Europe/Copenhagen"
    assert plan.language is Language.DA
    assert plan.holidays == "DK"
    assert plan.holiday_categories == ("public",)


def test_the_id_defaults_to_a_slug_of_the_title() -> None:
    plan = parse_plan('[plan]\ntitle = "Årshjul for MSB 2025"\nstart = 2025-01-01\n'
                      "end = 2025-12-31\n")
    assert plan.id == "aarshjul-for-msb-2025"
    assert slug("Ældre- og Sundhedsudvalget") == "aeldre-og-sundhedsudvalget"
    assert slug("???") == "plan"


def test_every_table_loads() -> None:
    plan = make_plan('''
        [[closed]]
        name = "Vinterferie"
        weeks = [7, 8]

        [[closed]]
        name = "Sommerferie"
        from = 2025-06-28
        to = 2025-08-10

        [[series]]
        body = "sbu"
        rule = "RRULE:FREQ=MONTHLY;BYDAY=2WE"
        from = 2025-02-01
        to = 2025-11-30
        start = 18:15:00
        end = "19.45"
        title = "Udvalgsmøde"
        template = "t"
        location = "Byrådssalen"
        on_holiday = "previous-workday"

        [[meeting]]
        body = "sbu"
        date = 2025-03-12
        status = "cancelled"
        note = "Aflyst"

        [[meeting]]
        body = "rm"
        date = 2025-03-13
        start = "09:00"
        minutes = 30

        [[meeting.item]]
        title = "Ekstra punkt"
        minutes = 5

        [[template]]
        id = "t"

        [[template.item]]
        title = "Evt."
        minutes = 5
        at = "end"
        time = "19:40"
        attachments = "Årshjul"

        [[theme]]
        id = "budget"
        name = "Budget 2026"
        color = "#E67E22"
        months = [1, 2, 3]

        [[case]]
        title = "Regnskab"
        body = "sbu"
        month = 4
        minutes = 15
        theme = "budget"

        [[case]]
        title = "Budgetforlig"
        body = "sbu"
        window = [2025-09-01, 2025-09-30]
        ''')
    assert plan.closed[0].weeks == frozenset({7, 8})
    assert plan.closed[1].contains(dt.date(2025, 7, 1))
    series = plan.series[0]
    assert str(series.recurrence.rule) == "FREQ=MONTHLY;BYDAY=2WE"
    assert (series.start, series.end) == (ClockTime(18 * 60 + 15), ClockTime(19 * 60 + 45))
    assert series.on_holiday is OnHoliday.PREVIOUS_WORKDAY
    assert plan.meetings[0].status is Status.CANCELLED
    assert plan.meetings[1].items[0].title == "Ekstra punkt"
    item = plan.templates[0].items[0]
    assert item.attachments == ("Årshjul",)
    assert item.time == ClockTime.parse("19:40")
    assert plan.themes[0].color == "#e67e22"
    assert plan.cases[0].months == (4,)
    assert plan.cases[1].window == (dt.date(2025, 9, 1), dt.date(2025, 9, 30))


def test_a_bom_and_crlf_line_endings_are_fine() -> None:
    text = "\ufeff" + plan_text().replace("\n", "\r\n")
    assert parse_plan(text).id == "test"


# Each case: a fragment appended to the standard header (14 lines and a blank
# one, so the fragment's first line is line 16), the line and the code.
FRAGMENT_START = HEADER.count("\n") + 2
BROKEN = {
    "unknown key, did you mean": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                                  'start = "18:15"\nminuts = 90\n', 4, "unknown-key"),
    "series without a recurrence": ('[[series]]\nbody = "sbu"\nstart = "18:15"\n'
                                    'end = "19:00"\n', 0, "missing-key"),
    "two recurrences": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                        'dates = [2025-01-01]\nstart = "18:15"\nend = "19:00"\n', 3,
                        "conflicting-keys"),
    "bad rrule": ('[[series]]\nbody = "sbu"\nrule = "FREQ=WEEKLY;BYDAY=XX"\n'
                  'start = "18:15"\nend = "19:00"\n', 2, "bad-rule"),
    "hourly rrule": ('[[series]]\nbody = "sbu"\nrule = "FREQ=HOURLY"\n'
                     'start = "18:15"\nend = "19:00"\n', 2, "bad-rule"),
    "never-matching rrule": ('[[series]]\nbody = "sbu"\n'
                             'rule = "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"\n'
                             'start = "18:15"\nend = "19:00"\n', 2, "bad-rule"),
    "unknown phrase": ('[[series]]\nbody = "sbu"\nevery = "hver blå onsdag"\n'
                       'start = "18:15"\nend = "19:00"\n', 2, "bad-phrase"),
    "25:00": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = "25:00"\n'
              'end = "19:00"\n', 3, "bad-time"),
    "18:60": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = "18:60"\n'
              'end = "19:00"\n', 3, "bad-time"),
    "end before start": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                         'start = "18:15"\nend = "17:00"\n', 4, "end-before-start"),
    "past midnight": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                      'start = "23:00"\nminutes = 120\n', 4, "bad-value"),
    "end and minutes": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                        'start = "18:15"\nend = "19:00"\nminutes = 45\n', 5,
                        "conflicting-keys"),
    "time as a number": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = 1815\n'
                         'end = "19:00"\n', 3, "bad-type"),
    "unknown body": ('[[series]]\nbody = "sbv"\nevery = "hver onsdag"\nstart = "18:15"\n'
                     'end = "19:00"\n', 1, "unknown-reference"),
    "unknown template": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                         'start = "18:15"\nend = "19:00"\ntemplate = "x"\n', 5,
                         "unknown-reference"),
    "30 February as text": ('[[meeting]]\nbody = "sbu"\ndate = "2025-02-30"\n', 2,
                            "bad-date"),
    "a date with a time": ('[[meeting]]\nbody = "sbu"\ndate = 2025-02-03T10:00:00\n', 2,
                           "bad-date"),
    "bad status": ('[[meeting]]\nbody = "sbu"\ndate = 2025-02-05\nstatus = "aflyst"\n', 3,
                   "bad-value"),
    "bad on_holiday": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = "18:15"\n'
                       'end = "19:00"\non_holiday = "move"\n', 5, "bad-value"),
    "duplicate body": ('[[body]]\nid = "sbu"\nname = "Igen"\n', 1, "duplicate-id"),
    "bad body id": ('[[body]]\nid = "Social Udvalg"\nname = "x"\n', 1, "bad-value"),
    "bad colour": ('[[body]]\nid = "x"\nname = "x"\ncolor = "red"\n', 3, "bad-value"),
    "negative deadline": ('[[body]]\nid = "x"\nname = "x"\nagenda_deadline = -1\n', 3,
                          "bad-value"),
    "closed without dates": ('[[closed]]\nname = "Ferie"\n', 0, "missing-key"),
    "closed week 54": ('[[closed]]\nname = "Ferie"\nweeks = [54]\n', 2, "bad-value"),
    "closed for an unknown body": ('[[closed]]\nname = "Ferie"\nweeks = [7]\nbodies = ["x"]\n',
                                   3, "unknown-reference"),
    "except is not a list of dates": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                                      'start = "18:15"\nend = "19:00"\nexcept = ["soon"]\n', 5,
                                      "bad-type"),
    "closed backwards": ('[[closed]]\nname = "Ferie"\nfrom = 2025-07-10\nto = 2025-07-01\n',
                         3, "end-before-start"),
    "case without when": ('[[case]]\ntitle = "x"\nbody = "sbu"\n', 0, "missing-key"),
    "case window of one date": ('[[case]]\ntitle = "x"\nbody = "sbu"\nwindow = [2025-01-01]\n',
                                3, "bad-value"),
    "case month 13": ('[[case]]\ntitle = "x"\nbody = "sbu"\nmonth = 13\n', 3, "bad-value"),
    "unknown theme": ('[[case]]\ntitle = "x"\nbody = "sbu"\nmonth = 1\ntheme = "b"\n', 4,
                      "unknown-reference"),
    "item without title": ('[[template]]\nid = "t"\n[[template.item]]\nminutes = 5\n', 2,
                           "missing-key"),
    "item minutes as text": ('[[template]]\nid = "t"\n[[template.item]]\ntitle = "x"\n'
                             'minutes = "5"\n', 4, "bad-type"),
    "minutes as true": ('[[template]]\nid = "t"\n[[template.item]]\ntitle = "x"\n'
                        "minutes = true\n", 4, "bad-type"),
    "bad at": ('[[template]]\nid = "t"\n[[template.item]]\ntitle = "x"\nat = "middle"\n', 4,
               "bad-value"),
    "series as a table": ('[series]\nbody = "sbu"\n', 0, "bad-type"),
    "unknown table": ('[[serie]]\nbody = "sbu"\n', 0, "unknown-key"),
}


@pytest.mark.parametrize(("fragment", "offset", "code"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_fragments_are_located(fragment: str, offset: int, code: str) -> None:
    found = problems_of(plan_text(fragment))
    assert (FRAGMENT_START + offset, code) in found, found


PLAN_HEADERS = {
    "ends before it starts": ('[plan]\ntitle = "x"\nstart = 2025-12-31\nend = 2025-01-01\n',
                              4, "end-before-start"),
    "unknown time zone": ('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                          'timezone = "Europe/Copenhagn"\n', 5, "unknown-timezone"),
    "a time zone that is a path": ('[plan]\ntitle = "x"\nstart = 2025-01-01\n'
                                   'end = 2025-12-31\ntimezone = "../../etc/passwd"\n', 5,
                                   "unknown-timezone"),
    "unknown country": ('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                        'holidays = "XX"\n', 5, "unknown-country"),
    "unknown holiday category": ('[plan]\ntitle = "x"\nstart = 2025-01-01\n'
                                 'end = 2025-12-31\nholiday_categories = ["bank"]\n', 5,
                                 "bad-value"),
    "unknown language": ('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                         'language = "sv"\n', 5, "bad-value"),
    "missing title": ('[plan]\nstart = 2025-01-01\nend = 2025-12-31\n', 1, "missing-key"),
    "a century": ('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2125-12-31\n', 4,
                  "bad-value"),
    "empty file": ("", 1, "missing-key"),
    "syntax error": ('[plan\ntitle = "x"\n', 1, "toml-syntax"),
    "30 February": ('[plan]\ntitle = "x"\nstart = 2025-02-30\n', 3, "toml-syntax"),
    "duplicate key at the end": ('[plan]\ntitle = "x"\ntitle = "y"', 3, "toml-syntax"),
}


@pytest.mark.parametrize(("text", "line", "code"), PLAN_HEADERS.values(), ids=PLAN_HEADERS.keys())
def test_broken_headers_are_located(text: str, line: int, code: str) -> None:
    assert (line, code) in problems_of(text)


def test_did_you_mean() -> None:
    _, problems = read_plan(plan_text('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                                      'start = "18:15"\nminuts = 90\n'), source="x.toml")
    messages = [p.message for p in problems]
    assert any('unknown key "minuts"; did you mean "minutes"?' in m for m in messages)


def test_every_problem_is_reported_at_once() -> None:
    text = plan_text('[[body]]\nid = "x"\nname = "x"\ncolor = "red"\n\n'
                     '[[series]]\nbody = "nope"\nevery = "hver blå dag"\nstart = "25:00"\n'
                     'end = "19:00"\n')
    with pytest.raises(PlanError) as caught:
        parse_plan(text, source="x.toml")
    codes = [p.code for p in caught.value.problems]
    assert codes == ["bad-value", "unknown-reference", "bad-phrase", "bad-time"]
    assert caught.value.file == "x.toml"
    assert caught.value.line == FRAGMENT_START + 3
    assert caught.value.key == "body[3].color"


def test_a_reference_to_a_body_with_other_errors_is_not_unknown() -> None:
    codes = [c for _, c in problems_of(plan_text(
        '[[body]]\nid = "x"\nname = "x"\ncolor = "red"\n\n'
        '[[series]]\nbody = "x"\nevery = "hver onsdag"\nstart = "18:15"\nend = "19:00"\n'))]
    assert codes == ["bad-value"]


def test_messages_name_the_table() -> None:
    _, problems = read_plan(plan_text('[[series]]\nbody = "sbu"\nrule = "FREQ=WEEKLY;BYDAY=XX"\n'
                                      'start = "18:15"\nend = "19:00"\n'), source="x.toml")
    assert problems[0].format() == (
        f'x.toml:{FRAGMENT_START + 2}: error[bad-rule]: [[series]] #1 (body "sbu"): rule: '
        "BYDAY=XX is not a weekday (MO, TU, WE, TH, FR, SA, SU), optionally with a position "
        "like 2WE or -1TH")


def test_a_meeting_of_zero_minutes_is_an_error_not_a_silent_drop() -> None:
    found = problems_of(plan_text('[[meeting]]\nbody = "sbu"\ndate = 2025-01-08\n'
                                  "minutes = 0\n"))
    assert (FRAGMENT_START + 3, "bad-value") in found


def test_no_holiday_categories_is_an_error() -> None:
    _, problems = read_plan('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                            "holiday_categories = []\n", source="x.toml")
    assert [(p.line, p.code) for p in problems] == [(5, "bad-value")]
    assert 'holidays = ""' in problems[0].message


def test_a_list_of_the_wrong_things_names_the_element() -> None:
    _, problems = read_plan('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n'
                            'holiday_categories = ["public", 7]\n', source="x.toml")
    (problem,) = problems
    assert problem.key == "plan.holiday_categories[2]"
    assert 'expected a list of texts like ["public", "optional"] (got a number 7)' in (
        problem.message)


def test_series_ids_are_unique() -> None:
    series = '[[series]]\nid = "aften"\nbody = "sbu"\nevery = "hver onsdag"\n' \
             'start = "18:15"\nend = "19:00"\n\n'
    found = problems_of(plan_text(series + series.replace("18:15", "12:00")))
    assert (FRAGMENT_START + 8, "duplicate-id") in found


def test_keys_that_have_no_effect_warn() -> None:
    _, problems = read_plan(plan_text(
        '[[template]]\nid = "t"\n[[template.item]]\ntitle = "x"\ntime = "19:00"\n\n'
        '[[meeting]]\nbody = "sbu"\ndate = 2025-01-08\nstart = "10:00"\nminutes = 30\n'
        '[[meeting.item]]\ntitle = "Eget"\nat = "end"\nminutes = 5\n'), source="x.toml")
    assert [(p.severity.value, p.code, p.line) for p in problems] == [
        ("warning", "ignored-key", FRAGMENT_START + 4),
        ("warning", "ignored-key", FRAGMENT_START + 13)]


@pytest.mark.parametrize("ident", ["all", "deadlines"])
def test_a_body_cannot_take_the_name_of_a_feed_of_its_own(ident: str) -> None:
    text = f'[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n\n' \
           f'[[body]]\nid = "{ident}"\nname = "Alle"\n'
    _, problems = read_plan(text, source="bad.toml")
    assert [(p.line, p.code) for p in problems] == [(7, "bad-value")]
    assert f"overwrite {ident}.ics" in problems[0].message
