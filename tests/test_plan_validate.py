"""The rules that relate a plan's values, each checked once, in one pass:
for a plan read from a file, and for one built in code."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs
import pytest

from aarshjul import (
    Body,
    ClockTime,
    Item,
    Minutes,
    Plan,
    Problem,
    Recurrence,
    Series,
    Template,
    check_plan_text,
    parse_plan,
    read_plan,
)
from aarshjul.plan.validate import validate

from .counting import CountedDate, counted
from .plans import FRAGMENT_START, located, plan_text

# Each case: a fragment appended to the standard header, the line within it
# and the code.
BROKEN = {
    "end before start": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                         'start = "18:15"\nend = "17:00"\n', 4, "end-before-start"),
    "past midnight": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                      'start = "23:00"\nminutes = 120\n', 4, "bad-value"),
    "unknown body": ('[[series]]\nbody = "sbv"\nevery = "hver onsdag"\nstart = "18:15"\n'
                     'end = "19:00"\n', 1, "unknown-reference"),
    "unknown template": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                         'start = "18:15"\nend = "19:00"\ntemplate = "x"\n', 5,
                         "unknown-reference"),
    "duplicate body": ('[[body]]\nid = "sbu"\nname = "Igen"\n', 1, "duplicate-id"),
    "closed for an unknown body": ('[[closed]]\nname = "Ferie"\nweeks = [7]\nbodies = ["x"]\n',
                                   3, "unknown-reference"),
    "closed backwards": ('[[closed]]\nname = "Ferie"\nfrom = 2025-07-10\nto = 2025-07-01\n',
                         3, "end-before-start"),
    "unknown theme": ('[[case]]\ntitle = "x"\nbody = "sbu"\nmonth = 1\ntheme = "b"\n', 4,
                      "unknown-reference"),
}


@pytest.mark.parametrize(("fragment", "offset", "code"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_fragments_are_located(fragment: str, offset: int, code: str) -> None:
    found = located(plan_text(fragment))
    assert (FRAGMENT_START + offset, code) in found, found


PLAN_HEADERS = {
    "ends before it starts": ('[plan]\ntitle = "x"\nstart = 2025-12-31\nend = 2025-01-01\n',
                              4, "end-before-start"),
    "a century": ('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2125-12-31\n', 4,
                  "bad-value"),
}


@pytest.mark.parametrize(("text", "line", "code"), PLAN_HEADERS.values(), ids=PLAN_HEADERS.keys())
def test_broken_periods_are_located(text: str, line: int, code: str) -> None:
    assert (line, code) in located(text)


@pytest.mark.parametrize(("end", "problems"), [
    ("2074-12-31", []),
    ("2075-01-01", ["x.toml:4: error[bad-value]: [plan]: end: the plan spans 51 calendar "
                    "years (2025 to 2075); at most 50 are allowed"]),
])
def test_a_plan_spans_at_most_50_calendar_years_and_says_how_many(
        end: str, problems: list[str]) -> None:
    """The message counts the years as the limit does: 2025 to 2074 is 50."""
    _, found = read_plan(f'[plan]\ntitle = "x"\nstart = 2025-01-01\nend = {end}\n',
                         source="x.toml")
    assert [p.format() for p in found] == problems


@pytest.mark.parametrize(("start", "end"), [("0001-01-01", "0001-12-31"),
                                            ("9999-01-01", "9999-12-31")])
def test_a_plan_is_in_the_years_its_feeds_wheel_and_site_can_be_written_for(
        start: str, end: str) -> None:
    """Feeds, the wheel and holidays reach a year past the plan on each
    side: year 1 and year 9999 passed the check, then the writers crashed."""
    _, found = read_plan(f'[plan]\ntitle = "x"\nstart = {start}\nend = {end}\n',
                         source="x.toml")
    assert [p.format() for p in found] == [
        f"x.toml:{line}: error[bad-value]: [plan]: {key}: {day} is not in the years "
        "aarshjul plans for (1900 to 2999)" for line, key, day in ((3, "start", start),
                                                                  (4, "end", end))]


@pytest.mark.parametrize(("key", "value"), [
    ("from", "9999-12-30"), ("to", "1000-01-01"), ("dates", "[2025-01-08, 3000-01-01]"),
    ("except", "[1899-12-31]")])
def test_every_date_of_a_series_is_in_the_supported_years(key: str, value: str) -> None:
    """A series from 9999-12-30 made check crash while counting its dates."""
    recurs = "" if key == "dates" else 'every = "hver onsdag"\n'
    fragment = f'[[series]]\nbody = "sbu"\n{recurs}start = "18:15"\nend = "19:00"\n' \
               f"{key} = {value}\n"
    report = check_plan_text(plan_text(fragment), source="x.toml")
    assert [(p.line, p.code, p.key) for p in report.problems] == [
        (FRAGMENT_START + 5 - (key == "dates"), "bad-value", f"series[1].{key}")]


def test_a_plan_built_in_code_is_held_to_the_same_years() -> None:
    plan = attrs.evolve(parse_plan(plan_text(TABLES), source="x.toml"),
                        end=dt.date(3000, 1, 1))
    plan = _evolved(plan, "themes", 0, from_date=dt.date(1, 1, 1), to_date=dt.date(2025, 3, 1))
    assert [(p.key, p.message) for p in validate(plan) if "not in the years" in p.message] == [
        ("plan.end", "[plan]: end: 3000-01-01 is not in the years aarshjul plans for "
         "(1900 to 2999)"),
        ("theme[1].from", '[[theme]] "budget": from: 0001-01-01 is not in the years aarshjul '
         "plans for (1900 to 2999)")]


CONTROL_TEXTS = {
    "a title that colours the terminal": ('[[body]]\nid = "x"\nname = "Rød\\u001b[31m"\n', 2,
                                          "body[3].name"),
    "a NUL in a place": ('[[body]]\nid = "x"\nname = "X"\nlocation = "A\\u0000"\n', 3,
                         "body[3].location"),
    "a line break in a title": ('[[series]]\nbody = "sbu"\ndates = [2025-01-08]\n'
                                'start = "18:15"\nend = "19:00"\ntitle = "a\\nb"\n', 5,
                                "series[1].title"),
    "a bell in a note": ('[[meeting]]\nbody = "sbu"\ndate = 2025-01-08\nnote = "a\\u0007"\n', 3,
                         "meeting[1].note"),
    "a C1 control in an item's purpose": (
        '[[template]]\nid = "t"\n[[template.item]]\ntitle = "A"\npurpose = "\\u009b"\n', 4,
        "template[1].item[1].purpose"),
    "a tab in an attachment": ('[[case]]\ntitle = "A"\nbody = "sbu"\nmonth = 3\n'
                               'attachments = ["a\\tb"]\n', 4, "case[1].attachments"),
}


@pytest.mark.parametrize(("fragment", "offset", "key"), CONTROL_TEXTS.values(),
                         ids=CONTROL_TEXTS.keys())
def test_a_text_with_a_control_character_is_refused_at_its_line(
        fragment: str, offset: int, key: str) -> None:
    """Escapes in a title passed check and went to the terminal, the page
    and the feed as they were."""
    report = check_plan_text(plan_text(fragment), source="x.toml")
    assert [(p.line, p.code, p.key) for p in report.problems] == [
        (FRAGMENT_START + offset, "bad-value", key)]
    assert "holds the control character" in report.problems[0].message


def test_a_note_and_a_purpose_may_run_over_lines() -> None:
    fragment = ('[[series]]\nbody = "sbu"\ndates = [2025-01-08]\nstart = "18:15"\n'
                'end = "19:00"\n\n[[meeting]]\nbody = "sbu"\ndate = 2025-01-08\n'
                'note = """Første linje\r\n\tanden"""\n\n[[case]]\ntitle = "A"\n'
                'body = "sbu"\ndate = 2025-01-08\npurpose = "a\\nb\\tc"\n')
    assert located(plan_text(fragment)) == []


def test_a_plan_built_in_code_is_held_to_the_same_texts() -> None:
    plan = _evolved(parse_plan(plan_text(TABLES), source="x.toml"), "themes", 0,
                    name="Budget\x1b]0;title\x07")
    (problem,) = validate(plan)
    assert (problem.key, problem.message) == (
        "theme[1].name", '[[theme]] "budget": name: holds the control character U+001B '
        "(character 7); write the text without it")


def test_a_meeting_of_zero_minutes_is_an_error_not_a_silent_drop() -> None:
    found = located(plan_text('[[meeting]]\nbody = "sbu"\ndate = 2025-01-08\n'
                                  "minutes = 0\n"))
    assert (FRAGMENT_START + 3, "bad-value") in found


def test_series_ids_are_unique() -> None:
    series = '[[series]]\nid = "aften"\nbody = "sbu"\nevery = "hver onsdag"\n' \
             'start = "18:15"\nend = "19:00"\n\n'
    found = located(plan_text(series + series.replace("18:15", "12:00")))
    assert (FRAGMENT_START + 8, "duplicate-id") in found


@pytest.mark.parametrize("ident", ["all", "deadlines"])
def test_a_body_cannot_take_the_name_of_a_feed_of_its_own(ident: str) -> None:
    text = f'[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\n\n' \
           f'[[body]]\nid = "{ident}"\nname = "Alle"\n'
    _, problems = read_plan(text, source="bad.toml")
    assert [(p.line, p.code) for p in problems] == [(7, "bad-value")]
    assert f"overwrite {ident}.ics" in problems[0].message


ID_RULE = 'is not an id: use a-z, 0-9 and "-", starting with a letter or digit'


def test_a_long_id_is_refused_where_it_is_written() -> None:
    """A body id of 300 characters passed check, then build could not name
    its staging files."""
    fragment = '[[body]]\nid = "' + "s" * 65 + '"\nname = "Lang"\n'
    assert located(plan_text(fragment)) == [(FRAGMENT_START + 1, "bad-value")]
    assert located(plan_text(fragment.replace("s" * 65, "s" * 64))) == []


@pytest.mark.parametrize(("ident", "says"), [
    ("../x", ID_RULE), ("a/b", ID_RULE), ("", ID_RULE), ("ALL", ID_RULE),
    ("Deadlines", ID_RULE), ("deadlines", "cannot be a body's id"),
    ("s" * 65, "the id is 65 characters long: at most 64 are allowed"),
])
def test_a_body_built_in_code_has_an_id_fit_to_name_its_files(ident: str, says: str) -> None:
    """A body's id names its feed and its pages: ../x would be written
    outside the folder, ALL would overwrite all.ics where case is ignored."""
    plan = Plan(title="x", id="x", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31),
                bodies=(Body(id=ident, name="Udvalget"),))
    (problem,) = validate(plan)
    assert (problem.code, problem.key) == ("bad-value", "body[1].id")
    assert says in problem.message


@pytest.mark.parametrize("where", ["plan", "template", "theme", "series"])
def test_every_id_built_in_code_has_the_form_of_an_id(where: str) -> None:
    plan = parse_plan(plan_text(TABLES), source="x.toml")
    if where == "plan":
        plan = attrs.evolve(plan, id="../x")
    elif where == "series":
        plan = _evolved(plan, "series", 0, id="A B")
    else:
        plan = _evolved(plan, f"{where}s", 0, id="A B")
    key = "plan.id" if where == "plan" else f"{where}[1].id"
    (problem,) = [p for p in validate(plan) if p.key == key]  # references to it aside
    assert problem.code == "bad-value"
    assert ID_RULE in problem.message


@pytest.mark.parametrize(("fragment", "offset", "code"), BROKEN.values(), ids=BROKEN.keys())
def test_each_rule_is_reported_once(fragment: str, offset: int, code: str) -> None:
    """A rule checked both while reading and in the validation pass (or in
    scheduling) would show twice."""
    found = [(p.line, p.code) for p in check_plan_text(plan_text(fragment)).problems]
    assert found.count((FRAGMENT_START + offset, code)) == 1, found


def test_every_span_is_one_rule_worded_as_the_span_is_written() -> None:
    _, problems = read_plan(plan_text('''
        [[closed]]
        name = "Ferie"
        from = 2025-07-10
        to = 2025-07-01

        [[series]]
        body = "sbu"
        every = "hver onsdag"
        from = 2025-03-01
        to = 2025-02-01
        start = "18:15"
        end = "19:45"

        [[theme]]
        id = "budget"
        name = "Budget"
        from = 2025-09-01
        to = 2025-08-01

        [[case]]
        title = "Regnskab"
        body = "sbu"
        window = [2025-05-01, 2025-04-01]
        '''), source="x.toml")
    assert [(p.line, p.code, p.key, p.message) for p in problems] == [
        (FRAGMENT_START + 4, "end-before-start", "closed[1].to",
         '[[closed]] #1 ("Ferie"): to: 2025-07-01 is before from = 2025-07-10'),
        (FRAGMENT_START + 10, "end-before-start", "series[1].to",
         '[[series]] #1 (body "sbu"): to: 2025-02-01 is before from = 2025-03-01'),
        (FRAGMENT_START + 18, "end-before-start", "theme[1].to",
         '[[theme]] "budget": to: 2025-08-01 is before from = 2025-09-01'),
        (FRAGMENT_START + 23, "end-before-start", "case[1].window",
         '[[case]] #1 ("Regnskab"): window: 2025-04-01 is before 2025-05-01')]
    _, problems = read_plan('[plan]\ntitle = "x"\nstart = 2025-12-31\nend = 2025-01-01\n',
                            source="x.toml")
    assert [p.format() for p in problems] == [
        "x.toml:4: error[end-before-start]: [plan]: end: the plan ends (2025-01-01) before "
        "it starts (2025-12-31)"]


@pytest.mark.parametrize(("dates", "message"), [
    ("[]", "the list of dates is empty"),
    ("[2025-03-05, 2025-01-08, 2025-03-05]", "listed twice: 2025-03-05"),
])
def test_a_series_lists_some_dates_each_once(dates: str, message: str) -> None:
    _, problems = read_plan(plan_text(f'[[series]]\nbody = "sbu"\ndates = {dates}\n'
                                      'start = "18:15"\nend = "19:45"\n'), source="x.toml")
    assert [(p.line, p.code, p.message) for p in problems] == [
        (FRAGMENT_START + 2, "bad-value", f'[[series]] #1 (body "sbu"): dates: {message}')]


def test_an_item_with_a_fixed_time_and_no_minutes_warns() -> None:
    plan, problems = read_plan(plan_text('[[template]]\nid = "t"\n[[template.item]]\n'
                                         'title = "Spørgetid"\ntime = "19:00"\n'),
                               source="x.toml")
    assert plan is not None
    assert [(p.line, p.severity.value, p.code, p.key) for p in problems] == [
        (FRAGMENT_START + 4, "warning", "ignored-key", "template[1].item[1].time")]


TABLES = '''
[[closed]]
name = "Vinterferie"
weeks = [7]
bodies = ["sbu"]

[[series]]
body = "sbu"
every = "hver anden onsdag"
from = 2025-01-15
to = 2025-03-31
start = "18:15"
end = "19:45"
template = "t"

[[series]]
body = "rm"
dates = [2025-02-03, 2025-03-03]
start = "10:00"
minutes = 60

[[meeting]]
body = "sbu"
date = 2025-01-29
start = "17:00"
minutes = 60
template = "t"

[[template]]
id = "t"

[[theme]]
id = "budget"
name = "Budget"

[[case]]
title = "Regnskab"
body = "sbu"
window = [2025-02-01, 2025-02-28]
theme = "budget"
'''


def _evolved(plan: Plan, kind: str, index: int, **changes: Any) -> Plan:
    """The plan with one of its tables changed in code."""
    things = list(getattr(plan, kind))
    things[index] = attrs.evolve(things[index], **changes)
    return attrs.evolve(plan, **{kind: tuple(things)})


# Each case: the same mistake made in the file (old text -> new text, the
# first time it occurs after the header) and in code, on the loaded plan.
EDITS: dict[str, tuple[str, str, Callable[[Plan], Plan]]] = {
    "closed for an unknown body": ('bodies = ["sbu"]', 'bodies = ["sbv"]', lambda p: _evolved(
        p, "closed", 0, bodies=frozenset({"sbv"}))),
    "series of an unknown body": ('body = "sbu"\nevery', 'body = "sbv"\nevery',
                                  lambda p: _evolved(p, "series", 0, body="sbv")),
    "series with an unknown template": ('template = "t"\n\n[[series]]',
                                        'template = "u"\n\n[[series]]',
                                        lambda p: _evolved(p, "series", 0, template="u")),
    "series backwards": ("to = 2025-03-31", "to = 2025-01-01", lambda p: _evolved(
        p, "series", 0, to_date=dt.date(2025, 1, 1))),
    "series ends before it starts": ('end = "19:45"', 'end = "18:00"', lambda p: _evolved(
        p, "series", 0, end=ClockTime.parse("18:00"))),
    "a date twice": ("2025-03-03]", "2025-02-03]", lambda p: _evolved(
        p, "series", 1, recurrence=Recurrence(dates=(dt.date(2025, 2, 3),) * 2))),
    "series of no minutes": ("minutes = 60\n\n[[meeting]]", "minutes = 0\n\n[[meeting]]",
                             lambda p: _evolved(p, "series", 1, minutes=Minutes(0))),
    "meeting past midnight": ('start = "17:00"', 'start = "23:30"', lambda p: _evolved(
        p, "meetings", 0, start=ClockTime.parse("23:30"))),
    "meeting of an unknown body": ('body = "sbu"\ndate', 'body = "x"\ndate',
                                   lambda p: _evolved(p, "meetings", 0, body="x")),
    "case with an unknown theme": ('theme = "budget"', 'theme = "budge"', lambda p: _evolved(
        p, "cases", 0, theme="budge")),
    "case window backwards": ("[2025-02-01, 2025-02-28]", "[2025-02-28, 2025-02-01]",
                              lambda p: _evolved(p, "cases", 0, window=(
                                  dt.date(2025, 2, 28), dt.date(2025, 2, 1)))),
    "two bodies with one id": ('id = "rm"', 'id = "sbu"', lambda p: _evolved(
        p, "bodies", 1, id="sbu")),
    "a body called all": ('id = "rm"', 'id = "all"', lambda p: _evolved(
        p, "bodies", 1, id="all")),
    "a plan that ends before it starts": ("end = 2025-12-31", "end = 2024-12-31",
                                          lambda p: attrs.evolve(p, end=dt.date(2024, 12, 31))),
}


# Each case: a table built in code that says two things where a file may
# say one (or none where it must say one), and the key that says so.
CONFLICTS: dict[str, tuple[Callable[[Plan], Plan], str, str]] = {
    "a case with a date and a window": (lambda p: _evolved(
        p, "cases", 0, date=dt.date(2025, 2, 5)), "conflicting-keys", "case[1].window"),
    "a case with a window and months": (lambda p: _evolved(
        p, "cases", 0, months=(2,)), "conflicting-keys", "case[1].month"),
    "a case with no date, window or months": (lambda p: _evolved(
        p, "cases", 0, window=None), "missing-key", "case[1]"),
    "a change with an end and minutes": (lambda p: _evolved(
        p, "meetings", 0, end=ClockTime.parse("18:00")), "conflicting-keys",
        "meeting[1].minutes"),
    "a series with an end and minutes": (lambda p: _evolved(
        p, "series", 1, end=ClockTime.parse("11:00")), "conflicting-keys",
        "series[2].minutes"),
    "a closed period from a day to no day": (lambda p: _evolved(
        p, "closed", 0, from_date=dt.date(2025, 7, 1)), "missing-key", "closed[1]"),
    "a closed period with neither dates nor weeks": (lambda p: _evolved(
        p, "closed", 0, weeks=frozenset()), "missing-key", "closed[1]"),
    "a theme to a day from no day": (lambda p: _evolved(
        p, "themes", 0, to_date=dt.date(2025, 7, 1)), "missing-key", "theme[1]"),
}


@pytest.mark.parametrize("name", CONFLICTS)
def test_a_table_built_in_code_says_one_thing_where_its_file_may_say_one(name: str) -> None:
    """A case placed by its date and by its window would go on two
    meetings; one placed by neither, on none."""
    edit, code, key = CONFLICTS[name]
    plan = parse_plan(plan_text(TABLES), source="x.toml")
    assert [(p.code, p.key) for p in validate(edit(plan))] == [(code, key)]


def _located_style(problems: tuple[Problem, ...]) -> list[tuple[object, ...]]:
    """All of each problem but its label: a table changed in code keeps the
    label of the table as it is written (``[[series]] #1 (body "sbu")``)."""
    return [(p.severity, p.code, p.file, p.line, p.key, p.message.split(": ", 1)[1])
            for p in problems]


@pytest.mark.parametrize("name", EDITS)
def test_a_plan_changed_in_code_has_the_problems_its_file_would(name: str) -> None:
    old, new, edit = EDITS[name]
    text = plan_text(TABLES)
    assert old in text
    _, in_file = read_plan(text.replace(old, new, 1), source="x.toml")
    assert in_file
    plan = parse_plan(text, source="x.toml")
    assert validate(plan) == ()
    assert _located_style(validate(edit(plan))) == _located_style(in_file)


def test_a_plan_built_from_nothing_is_labelled_as_its_file_would_be() -> None:
    plan = Plan(title="x", id="x", start=dt.date(2025, 1, 1), end=dt.date(2025, 12, 31),
                bodies=(Body(id="sbu", name="Udvalget"), Body(id="sbu", name="Igen")),
                series=(Series(body="sbv", recurrence=Recurrence(dates=(dt.date(2025, 2, 5),)),
                               start=ClockTime.parse("18:15"), end=ClockTime.parse("17:00")),),
                templates=(Template(id="t", items=(Item(title="Spørgetid",
                                                        time=ClockTime.parse("19:00")),)),))
    assert [(p.format(), p.key) for p in validate(plan)] == [
        ('<plan>: error[duplicate-id]: [[body]] "sbu": the id "sbu" is used twice',
         "body[2].id"),
        ('<plan>: error[unknown-reference]: [[series]] #1 (body "sbv"): body: no body has id '
         '"sbv"; did you mean "sbu"?', "series[1].body"),
        ('<plan>: error[end-before-start]: [[series]] #1 (body "sbv"): end: the meeting ends '
         "(17:00) before or when it starts (18:15); meetings end on the day they start",
         "series[1].end"),
        ('<plan>: warning[ignored-key]: [[template]] "t" item #1 ("Spørgetid"): time: an item '
         "without minutes has no time slot, so its fixed time has no effect; give it minutes",
         "template[1].item[1].time")]


def test_many_dates_are_told_twice_without_comparing_each_with_each() -> None:
    # 1,000 days, each listed twice: a count per date (list.count) compares
    # some two million pairs, a count of all at once about one per date
    # (sorting them, which the model does, is counted apart: n log n).
    days = [counted(dt.date(2025, 1, 1) + dt.timedelta(days=i % 1000)) for i in range(2000)]
    plan = parse_plan(plan_text(), source="x.toml")
    series = Series(body="sbu", recurrence=Recurrence(dates=tuple(days)),
                    start=ClockTime(600), minutes=Minutes(60))
    CountedDate.compared = 0
    sorted(days)
    sorting = CountedDate.compared
    CountedDate.compared = 0
    problems = validate(attrs.evolve(plan, series=(series,)))
    assert CountedDate.compared < sorting + 10 * len(days)
    (problem,) = [p for p in problems if p.key == "series[1].dates"]
    assert problem.message.endswith("listed twice: " + ", ".join(
        str(dt.date(2025, 1, 1) + dt.timedelta(days=i)) for i in range(20)) + " and 980 more")
