"""Each kind of table is read into the model, and every mistake in the form
of its values is reported with its line."""

from __future__ import annotations

import datetime as dt

import pytest

from aarshjul import ClockTime, OnClosed, OnHoliday, Status, read_plan

from .plans import FRAGMENT_START, located, make_plan, plan_text

# Each case: a fragment appended to the standard header (so the fragment's
# first line is FRAGMENT_START), the line within it and the code.
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
    "end and minutes": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                        'start = "18:15"\nend = "19:00"\nminutes = 45\n', 5,
                        "conflicting-keys"),
    "time as a number": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = 1815\n'
                         'end = "19:00"\n', 3, "bad-type"),
    "30 February as text": ('[[meeting]]\nbody = "sbu"\ndate = "2025-02-30"\n', 2,
                            "bad-date"),
    "a date with a time": ('[[meeting]]\nbody = "sbu"\ndate = 2025-02-03T10:00:00\n', 2,
                           "bad-date"),
    "bad status": ('[[meeting]]\nbody = "sbu"\ndate = 2025-02-05\nstatus = "aflyst"\n', 3,
                   "bad-value"),
    "announced as text": ('[[meeting]]\nbody = "sbu"\ndate = 2025-02-05\n'
                          'announced = "nej"\n', 3, "bad-type"),
    "bad on_holiday": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = "18:15"\n'
                       'end = "19:00"\non_holiday = "move"\n', 5, "bad-value"),
    "on_holiday week-later": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                              'start = "18:15"\nend = "19:00"\non_holiday = "week-later"\n', 5,
                              "bad-value"),
    "on_closed keep": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = "18:15"\n'
                       'end = "19:00"\non_closed = "keep"\n', 5, "bad-value"),
    "on_closed a number": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                           'start = "18:15"\nend = "19:00"\non_closed = 7\n', 5, "bad-value"),
    **{f"months = {months}": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                              f'start = "18:15"\nend = "19:00"\nmonths = {months}\n', 5, code)
       for months, code in (("[0]", "bad-value"), ("[1, 13]", "bad-value"), ("[]", "bad-value"),
                            ("3", "bad-type"), ('"marts"', "bad-type"),
                            ('[3, "august"]', "bad-type"))},
    "bad body id": ('[[body]]\nid = "Social Udvalg"\nname = "x"\n', 1, "bad-value"),
    "bad colour": ('[[body]]\nid = "x"\nname = "x"\ncolor = "red"\n', 3, "bad-value"),
    "negative deadline": ('[[body]]\nid = "x"\nname = "x"\nagenda_deadline = -1\n', 3,
                          "bad-value"),
    "closed without dates": ('[[closed]]\nname = "Ferie"\n', 0, "missing-key"),
    "closed week 54": ('[[closed]]\nname = "Ferie"\nweeks = [54]\n', 2, "bad-value"),
    "except is not a list of dates": ('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                                      'start = "18:15"\nend = "19:00"\nexcept = ["soon"]\n', 5,
                                      "bad-type"),
    "case without when": ('[[case]]\ntitle = "x"\nbody = "sbu"\n', 0, "missing-key"),
    "case window of one date": ('[[case]]\ntitle = "x"\nbody = "sbu"\nwindow = [2025-01-01]\n',
                                3, "bad-value"),
    "case month 13": ('[[case]]\ntitle = "x"\nbody = "sbu"\nmonth = 13\n', 3, "bad-value"),
    "item without title": ('[[template]]\nid = "t"\n[[template.item]]\nminutes = 5\n', 2,
                           "missing-key"),
    "item minutes as text": ('[[template]]\nid = "t"\n[[template.item]]\ntitle = "x"\n'
                             'minutes = "5"\n', 4, "bad-type"),
    "minutes as true": ('[[template]]\nid = "t"\n[[template.item]]\ntitle = "x"\n'
                        "minutes = true\n", 4, "bad-type"),
    "bad at": ('[[template]]\nid = "t"\n[[template.item]]\ntitle = "x"\nat = "middle"\n', 4,
               "bad-value"),
}


@pytest.mark.parametrize(("fragment", "offset", "code"), BROKEN.values(), ids=BROKEN.keys())
def test_broken_fragments_are_located(fragment: str, offset: int, code: str) -> None:
    found = located(plan_text(fragment))
    assert (FRAGMENT_START + offset, code) in found, found


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
    assert (series.start, series.ends_at) == (ClockTime(18 * 60 + 15),
                                              ClockTime(19 * 60 + 45))
    assert series.on_holiday is OnHoliday.PREVIOUS_WORKDAY
    assert plan.meetings[0].status is Status.CANCELLED
    assert plan.meetings[1].items[0].title == "Ekstra punkt"
    item = plan.templates[0].items[0]
    assert item.attachments == ("Årshjul",)
    assert item.time == ClockTime.parse("19:40")
    assert plan.themes[0].color == "#e67e22"
    assert plan.cases[0].months == (4,)
    assert plan.cases[1].window == (dt.date(2025, 9, 1), dt.date(2025, 9, 30))


def test_a_series_reads_on_closed_and_months() -> None:
    plan = make_plan('''
        [[series]]
        body = "sbu"
        every = "4. mandag i måneden"
        start = "17:00"
        end = "19:00"
        on_holiday = "week-after"
        on_closed = "week-before"
        months = [12, 1, 2, 1]
        ''')
    (series,) = plan.series
    assert (series.on_holiday, series.on_closed, series.months) == (
        OnHoliday.WEEK_AFTER, OnClosed.WEEK_BEFORE, (1, 2, 12))
    (default,) = make_plan('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                           'start = "18:15"\nend = "19:00"\n').series
    assert (default.on_closed, default.months) == (OnClosed.SKIP, ())


def test_messages_name_the_table() -> None:
    _, problems = read_plan(plan_text('[[series]]\nbody = "sbu"\nrule = "FREQ=WEEKLY;BYDAY=XX"\n'
                                      'start = "18:15"\nend = "19:00"\n'), source="x.toml")
    assert problems[0].format() == (
        f'x.toml:{FRAGMENT_START + 2}: error[bad-rule]: [[series]] #1 (body "sbu"): rule: '
        "BYDAY=XX is not a weekday (MO, TU, WE, TH, FR, SA, SU), optionally with a position "
        "like 2WE or -1TH")


def test_a_reference_to_a_body_with_other_errors_is_not_unknown() -> None:
    codes = [c for _, c in located(plan_text(
        '[[body]]\nid = "x"\nname = "x"\ncolor = "red"\n\n'
        '[[series]]\nbody = "x"\nevery = "hver onsdag"\nstart = "18:15"\nend = "19:00"\n'))]
    assert codes == ["bad-value"]


@pytest.mark.parametrize(("fragment", "codes"), [
    # A start that cannot be read stands in as 00:00; 00:00 is no end after it.
    ('every = "hver onsdag"\nstart = "25:00"\nend = "00:00"\n', ["bad-time"]),
    # An end that cannot be read leaves the series a stand-in length.
    ('every = "hver onsdag"\nstart = "23:59"\nend = "25:00"\n', ["bad-time"]),
    # A recurrence that cannot be read stands in as no dates at all.
    ('rule = "FREQ=WEEKLY;BYDAY=XX"\nstart = "18:15"\nend = "19:00"\n', ["bad-rule"]),
    ('every = "hver onsdag"\ndates = [2025-01-08]\nstart = "18:15"\nend = "19:00"\n',
     ["conflicting-keys"]),
    ('every = "hver onsdag"\n', ["missing-key", "missing-key"]),
    ('body = "SBU"\nevery = "hver onsdag"\nstart = "18:15"\nend = "19:00"\n', ["bad-value"]),
])
def test_a_stand_in_for_what_cannot_be_read_breaks_no_rule(fragment: str,
                                                           codes: list[str]) -> None:
    body = "" if "body =" in fragment else 'body = "sbu"\n'
    assert [code for _, code in located(plan_text(f"[[series]]\n{body}{fragment}"))] == codes


def test_a_table_with_errors_is_still_checked_against_the_rest_of_the_plan() -> None:
    found = located(plan_text('[[series]]\nbody = "sbu"\nevery = "hver onsdg"\n'
                              'from = 2025-03-01\nto = 2025-02-01\nstart = "18:15"\n'
                              'end = "17:00"\ntemplate = "nope"\n'))
    assert [(line - FRAGMENT_START, code) for line, code in found] == [
        (2, "bad-phrase"), (4, "end-before-start"), (6, "end-before-start"),
        (7, "unknown-reference")]


def test_a_date_that_conflicts_with_a_window_leaves_the_window_readable() -> None:
    found = located(plan_text('[[case]]\ntitle = "x"\nbody = "sbu"\ndate = 2025-01-01\n'
                              "window = [2025-03-01, 2025-02-01]\n"))
    assert found == [(FRAGMENT_START + 4, "conflicting-keys"),
                     (FRAGMENT_START + 4, "end-before-start")]


def test_the_model_keeps_how_a_series_ends_as_written() -> None:
    plan = make_plan('[[series]]\nbody = "sbu"\nevery = "hver onsdag"\nstart = "18:15"\n'
                     "minutes = 90\n")
    (series,) = plan.series
    assert (series.end, series.minutes, series.ends_at) == (None, 90, ClockTime.parse("19:45"))


def test_an_id_that_is_no_id_is_kept_as_written() -> None:
    """A second table with it is still a duplicate, and naming it is not
    also an unknown reference."""
    found = located(plan_text('[[body]]\nid = "Byraad"\nname = "x"\n\n'
                              '[[body]]\nid = "Byraad"\nname = "y"\n\n'
                              '[[closed]]\nname = "Ferie"\nweeks = [7]\nbodies = ["Byraad"]\n'))
    assert [(line - FRAGMENT_START, code) for line, code in found] == [
        (1, "bad-value"), (5, "bad-value"), (5, "duplicate-id")]


def test_a_change_is_announced_unless_it_says_not() -> None:
    plan = make_plan('''
        [[meeting]]
        body = "sbu"
        date = 2025-02-05
        moved_to = 2025-02-06
        announced = false

        [[meeting]]
        body = "sbu"
        date = 2025-02-12
        moved_to = 2025-02-13
        ''')
    assert [m.announced for m in plan.meetings] == [False, True]


def test_announced_must_be_true_or_false() -> None:
    _, problems = read_plan(plan_text('[[meeting]]\nbody = "sbu"\ndate = 2025-02-05\n'
                                      "announced = 0\n"), source="bad.toml")
    (problem,) = problems
    assert problem.format() == (
        f"bad.toml:{FRAGMENT_START + 3}: error[bad-type]: [[meeting]] #1 (sbu 2025-02-05): "
        "announced: expected true or false (without quotes) (got a number 0)")
    assert problem.key == "meeting[1].announced"
