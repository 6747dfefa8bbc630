"""Recurrence phrases: the weeks of a month, as Danish plans write them.

"3. uge om mandagen" and "mandag i 3. uge" are the third Monday of the month
("4. uge om mandagen" is Fredensborg Byråd's own phrase). With "hver" before
it, "hver 4. uge om mandagen" is also every fourth week: such a phrase is
refused, and the planner is shown both readings in words that have one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from pathlib import Path

import pytest

from aarshjul.recurrence.phrases import KNOWN_FORMS, PhraseError, phrase_to_rule
from aarshjul.recurrence.rule import ByDay, Rule
from aarshjul.vocabulary import DANISH_DAYS

from .plans import FRAGMENT_START, plan_file

NOT_JULY = "1,2,3,4,5,6,8,9,10,11,12"

WEEK_OF_THE_MONTH = [
    ("3. uge om mandagen", "FREQ=MONTHLY;BYDAY=3MO"),
    ("4. uge om mandagen", "FREQ=MONTHLY;BYDAY=4MO"),  # Fredensborg Byråd
    ("tredje uge om mandagen", "FREQ=MONTHLY;BYDAY=3MO"),
    ("1. uge om tirsdagen", "FREQ=MONTHLY;BYDAY=1TU"),
    ("første uge om tirsdagen", "FREQ=MONTHLY;BYDAY=1TU"),
    ("5. uge om torsdagen", "FREQ=MONTHLY;BYDAY=5TH"),
    ("sidste uge om fredagen", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("næstsidste uge om fredagen", "FREQ=MONTHLY;BYDAY=-2FR"),
    ("2. og 4. uge om onsdagen", "FREQ=MONTHLY;BYDAY=2WE,4WE"),
    ("3. uge på mandage", "FREQ=MONTHLY;BYDAY=3MO"),
    ("3. uge, mandag", "FREQ=MONTHLY;BYDAY=3MO"),
    ("3. uge om mandagen og torsdagen", "FREQ=MONTHLY;BYDAY=3MO,3TH"),
    ("4. uge om mandagen i måneden", "FREQ=MONTHLY;BYDAY=4MO"),
    ("mandag i 3. uge", "FREQ=MONTHLY;BYDAY=3MO"),
    ("mandagen i 3. uge", "FREQ=MONTHLY;BYDAY=3MO"),
    ("mandag i den 3. uge", "FREQ=MONTHLY;BYDAY=3MO"),
    ("mandag i 3. uge i måneden", "FREQ=MONTHLY;BYDAY=3MO"),
    ("mandag i tredje uge i hver måned", "FREQ=MONTHLY;BYDAY=3MO"),
    ("hver mandag i 3. uge", "FREQ=MONTHLY;BYDAY=3MO"),
    ("onsdag i 2. og 4. uge", "FREQ=MONTHLY;BYDAY=2WE,4WE"),
    ("mandag og torsdag i 2. uge", "FREQ=MONTHLY;BYDAY=2MO,2TH"),
    ("fredag i sidste uge", "FREQ=MONTHLY;BYDAY=-1FR"),
    ("Mandag i 3. Uge.", "FREQ=MONTHLY;BYDAY=3MO"),
    ("4. uge om mandagen undtagen juli", f"FREQ=MONTHLY;BYMONTH={NOT_JULY};BYDAY=4MO"),
    ("mandag i 3. uge, dog ikke i juli", f"FREQ=MONTHLY;BYMONTH={NOT_JULY};BYDAY=3MO"),
    # "hver" with a number that cannot count weeks, or with "i måneden", has
    # one reading: the weekday of each month.
    ("hver første uge om mandagen", "FREQ=MONTHLY;BYDAY=1MO"),
    ("hver sidste uge om mandagen", "FREQ=MONTHLY;BYDAY=-1MO"),
    ("hver 2. og 4. uge om onsdagen", "FREQ=MONTHLY;BYDAY=2WE,4WE"),
    ("hver 4. uge om mandagen i måneden", "FREQ=MONTHLY;BYDAY=4MO"),
]


@pytest.mark.parametrize(("phrase", "rule"), WEEK_OF_THE_MONTH,
                         ids=[row[0] for row in WEEK_OF_THE_MONTH])
def test_a_week_of_the_month_on_a_weekday(phrase: str, rule: str) -> None:
    assert phrase_to_rule(phrase) == Rule.parse(rule)
    assert str(phrase_to_rule(phrase)) == rule


def nth_weekdays(year: int, weekday: int, nth: int) -> list[dt.date]:
    """The ``nth`` (1 to 5, or -1 for the last) ``weekday`` of each month that has it."""
    found = []
    for month in range(1, 13):
        days = [week[weekday] for week in calendar.monthcalendar(year, month) if week[weekday]]
        if nth == -1 or nth <= len(days):
            found.append(dt.date(year, month, days[nth if nth < 0 else nth - 1]))
    return found


@pytest.mark.parametrize("nth", [1, 2, 3, 4, 5, -1])
@pytest.mark.parametrize("weekday", range(7), ids=DANISH_DAYS)
def test_both_ways_to_say_it_give_that_weekday_of_each_month(nth: int, weekday: int) -> None:
    first, last = dt.date(2025, 1, 1), dt.date(2025, 12, 31)
    number = "sidste" if nth == -1 else f"{nth}."
    day = DANISH_DAYS[weekday]
    expected = nth_weekdays(2025, weekday, nth)
    for phrase in (f"{number} uge om {day}en", f"{day} i {number} uge"):
        assert phrase_to_rule(phrase).expand(anchor=first, first=first, last=last) == expected


def test_fredensborgs_fourth_monday_in_2017() -> None:
    first, last = dt.date(2017, 1, 1), dt.date(2017, 12, 31)
    mondays = phrase_to_rule("4. uge om mandagen").expand(anchor=first, first=first, last=last)
    assert mondays[:4] == [dt.date(2017, 1, 23), dt.date(2017, 2, 27), dt.date(2017, 3, 27),
                           dt.date(2017, 4, 24)]
    assert mondays == nth_weekdays(2017, calendar.MONDAY, 4)


# --- Two ways to read it ---------------------------------------------------------

def test_hver_anden_is_every_other_never_the_second() -> None:
    """The idiom has one reading: "hver anden uge om onsdagen" is every other
    week; written with a number it has two."""
    assert phrase_to_rule("hver anden uge om onsdagen") == phrase_to_rule("hver anden onsdag")
    with pytest.raises(PhraseError):
        phrase_to_rule("hver 2. uge om onsdagen")


# The phrase; the every-N-weeks form, the weekday-of-the-month form it offers.
TWO_WAYS = [
    ("hver 4. uge om mandagen", "hver 4. mandag", "4. mandag i måneden"),
    ("hver fjerde uge om mandagen", "hver fjerde mandag", "fjerde mandag i måneden"),
    ("hver 3. uge om onsdagen", "hver 3. onsdag", "3. onsdag i måneden"),
    ("hver 3. uge om torsdagen", "hver 3. torsdag", "3. torsdag i måneden"),
    ("hver 2. uge, onsdag", "hver 2. onsdag", "2. onsdag i måneden"),
    ("hver 5. uge på fredage", "hver 5. fredag", "5. fredag i måneden"),
    ("alle 2. uger om tirsdagen", "hver 2. tirsdag", "2. tirsdag i måneden"),
    ("Hver 4. Uge om Mandagen.", "hver 4. mandag", "4. mandag i måneden"),
    ("hver 4. uge om mandagen og mandagen", "hver 4. mandag", "4. mandag i måneden"),
    ("hver 2. uge om mandagen, onsdagen og fredagen", "hver 2. mandag, onsdag og fredag",
     "2. mandag, onsdag og fredag i måneden"),
    ("hver 4. uge om mandagen undtagen i juli og december",
     "hver 4. mandag undtagen i juli og december",
     "4. mandag i måneden undtagen i juli og december"),
]


@pytest.mark.parametrize(("phrase", "weekly", "monthly"), TWO_WAYS,
                         ids=[row[0] for row in TWO_WAYS])
def test_a_phrase_with_two_readings_is_refused_with_both(phrase: str, weekly: str,
                                                        monthly: str) -> None:
    with pytest.raises(PhraseError) as caught:
        phrase_to_rule(phrase)
    error = caught.value
    assert error.two_ways
    count = phrase_to_rule(weekly).interval
    assert str(error) == (
        f'cannot read "{phrase}" as one recurrence: it can be read two ways: "{weekly}" '
        f'(every {count} weeks) or "{monthly}" (a weekday of the month); write the one you mean')
    # Each form offered reads, one way, and they are not the same.
    every_n_weeks, of_the_month = phrase_to_rule(weekly), phrase_to_rule(monthly)
    assert (every_n_weeks.freq.value, every_n_weeks.interval) == ("WEEKLY", count)
    assert of_the_month.freq.value == "MONTHLY"
    assert of_the_month.by_day == tuple(
        ByDay(day.weekday, position=count) for day in every_n_weeks.by_day)
    assert of_the_month.by_month == every_n_weeks.by_month


@pytest.mark.parametrize(("phrase", "forms"), [
    ("3rd week on monday", ["3rd monday of the month", "every 3 weeks on monday"]),
    ("last week on fridays", ["last friday of the month"]),
])
def test_the_danish_idiom_in_english_words_is_shown_the_english_forms(
        phrase: str, forms: list[str]) -> None:
    with pytest.raises(PhraseError) as caught:
        phrase_to_rule(phrase)
    offered = re.findall(r'"([^"]+)"', str(caught.value).split(". Known forms")[0])[1:]
    assert offered == forms
    for form in forms:
        phrase_to_rule(form)  # each form offered reads


def test_the_known_forms_say_nothing_that_can_be_read_two_ways() -> None:
    forms = " / ".join(KNOWN_FORMS)
    assert "hver 3. uge om onsdagen" not in forms
    for line in KNOWN_FORMS:
        for phrase in line.split(" / "):
            phrase_to_rule(phrase.strip())  # raises for a phrase with two readings


# --- Through `aarshjul check` ----------------------------------------------------


def series(every: str) -> str:
    return f'[[series]]\nbody = "sbu"\nevery = "{every}"\nstart = "09:00"\nend = "10:00"\n'


def test_check_refuses_every_fourth_week_on_monday_at_its_line(run_cli, tmp_path: Path) -> None:
    plan = plan_file(tmp_path, series("hver 4. uge om mandagen"))
    line = FRAGMENT_START + 2
    english = run_cli("check", "--lang", "en", str(plan))
    assert english.exit_code == 1
    assert english.stdout.splitlines() == [
        f'{plan}:{line}: error[bad-phrase]: [[series]] #1 (body "sbu"): every: cannot read '
        '"hver 4. uge om mandagen" as one recurrence: it can be read two ways: '
        '"hver 4. mandag" (every 4 weeks) or "4. mandag i måneden" (a weekday of the month); '
        "write the one you mean",
        "failed: 1 file checked, 1 error, 0 warnings, 0 info"]
    danish = run_cli("check", "--lang", "da", str(plan))
    assert danish.exit_code == 1
    assert danish.stdout.splitlines()[0] == (
        f'{plan}:{line}: error[bad-phrase]: [[series]] #1 (body "sbu"): every: kan ikke læse '
        '"hver 4. uge om mandagen" som én gentagelse: den kan læses på to måder: '
        '"hver 4. mandag" (hver 4. uge) eller "4. mandag i måneden" (en ugedag i måneden); '
        "skriv den, du mener")
    assert danish.stderr == english.stderr == ""


@pytest.mark.parametrize(("every", "reason"), [
    ("6. uge om mandagen", 'the weekday of the month must be 1. to 5.'),
    ("første mandag i 3. uge", '"i 3. uge" goes after weekdays alone'),
    ("monday in the third week", "a week of the month is counted in more than one way"),
    ("mandag i uge 3", 'did not expect "uge" here'),
])
def test_check_locates_a_week_of_the_month_it_cannot_read(run_cli, tmp_path: Path, every: str,
                                                          reason: str) -> None:
    plan = plan_file(tmp_path, series(every))
    result = run_cli("check", "--lang", "en", str(plan))
    assert result.exit_code == 1
    finding = result.stdout.splitlines()[0]
    assert finding.startswith(f"{plan}:{FRAGMENT_START + 2}: error[bad-phrase]: ")
    assert reason in finding
    assert result.stderr == ""


def test_the_third_monday_plans_its_meetings(run_cli, tmp_path: Path) -> None:
    plan = plan_file(tmp_path, series("mandag i 3. uge") + "on_holiday = \"keep\"\n")
    assert run_cli("check", "--lang", "en", str(plan)).exit_code == 0
    result = run_cli("meetings", "--format", "json", str(plan))
    assert result.exit_code == 0, result.output
    dates = [meeting["date"] for meeting in json.loads(result.stdout)]
    assert dates == [day.isoformat() for day in nth_weekdays(2025, calendar.MONDAY, 3)]


# --- What the documentation shows ------------------------------------------------

PLAN_FORMAT = (Path(__file__).resolve().parent.parent / "docs" / "plan-format.md").read_text(
    encoding="utf-8")
IN_WORDS = PLAN_FORMAT.split("### Rules in words: `every`")[1].split("### ")[0]


def test_every_phrase_the_documentation_shows_reads_one_way() -> None:
    rows = [line for line in IN_WORDS.splitlines() if line.startswith("| `")]
    phrases = [phrase for row in rows for phrase in re.findall(r"`([^`]+)`", row.split(" | ")[0])]
    assert "3. uge om mandagen" in phrases
    assert "mandag i 3. uge" in phrases
    for phrase in phrases:
        if "…" not in phrase:
            phrase_to_rule(phrase)


def test_the_documentation_shows_the_error_two_readings_give(run_cli, tmp_path: Path) -> None:
    (shown,) = re.findall(r"error\[bad-phrase\]: .*?every: (.*)", IN_WORDS)
    plan = plan_file(tmp_path, series("hver 4. uge om mandagen"))
    result = run_cli("check", "--lang", "da", str(plan))
    assert result.stdout.splitlines()[0].endswith(f"every: {shown}")
    refused = re.findall(r'"(hver [^"]+ uge om \w+)" (?:and|are)', IN_WORDS)
    assert refused == ["hver 2. uge om onsdagen", "hver 3. uge om torsdagen"]
    for phrase in refused:
        with pytest.raises(PhraseError):
            phrase_to_rule(phrase)
