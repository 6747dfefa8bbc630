"""Agenda documents: the seed's text form, Markdown, the forms' words, and the
round trip through the written-agenda reader."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from aarshjul import Language, check_agenda_text, render_agenda
from aarshjul.agenda.documents import meeting_span, one_line, time_span
from aarshjul.agenda.items import Agenda, AgendaItem
from aarshjul.clock import ClockTime, Minutes
from aarshjul.vocabulary import words

from .plans import HEADER, ONE_MEETING, ROOT, agenda_of, agendas_of, make_plan

GOLDEN = ROOT / "tests" / "golden" / "calendars" / "aarhus-msb-2025"

def test_our_own_text_checks_clean_with_the_seeds_slack(run_cli) -> None:
    golden = GOLDEN / "agenda-sbu-2025-01-15.text"
    result = run_cli("check", str(golden))
    assert result.exit_code == 0
    # Our own Danish text: its labels are Danish, and so is the check.
    assert result.stdout.splitlines()[-1] == "ok: 1 fil tjekket, 0 fejl, 0 advarsler, 1 info"
    report = check_agenda_text(golden.read_text(encoding="utf-8"), source="sbu.txt")
    assert [(p.code, p.severity.value) for p in report.problems] == [("slack", "info")]
    assert "5 of the meeting's 90 minutes" in report.problems[0].message
    assert [i.title for i in report.items][2] == (
        "Byrådshenvist sag: Plan for 80% selvforsyning på socialområdet 2024 – 2035")


def test_the_text_reads_like_the_seed() -> None:
    text = (GOLDEN / "agenda-sbu-2025-01-15.text").read_text(encoding="utf-8")
    assert "Mødedato: onsdag den 15. januar 2025\nMødetid: Kl. 18.15 – 19.45\n" in text
    assert "Tid: 18.15 – 18.18 (3 min.)" in text
    assert "Tid: 19.35 – 19.40 (5 min.)" in text
    assert "\n7. Skriftlige orienteringer\n\nBaggrund/formål:" in text


def test_markdown_escapes_what_would_be_markup() -> None:
    agenda = agenda_of(ONE_MEETING.format(title="*Vigtig* [link](x) <b>", purpose="a_b",
                                          attachment="#1"))
    text = render_agenda(agenda, form="md")
    assert "## 1. \\*Vigtig\\* \\[link\\](x) \\<b\\>" in text
    assert "- \\#1" in text


def test_english() -> None:
    agenda = agenda_of(ONE_MEETING.format(title="Minutes", purpose="", attachment="Draft"),
                       header=HEADER.replace('id = "test"', 'id = "test"\nlanguage = "en"'))
    text = render_agenda(agenda, form="text")  # the plan's language, unless told
    assert text == render_agenda(agenda, form="text", language=Language.EN)
    assert "Meeting date: Wednesday 12 March 2025\nMeeting time: 18.15 – 19.45\n" in text
    assert "Mødedato" in render_agenda(agenda, form="text", language=Language.DA)
    assert "Time: 18.15 – 18.25 (10 min.)" in text
    assert "Attachments:\n- Draft" in text
    assert check_agenda_text(text, source="en.txt").items[0].title == "Minutes"


def test_a_cancelled_meeting_says_so() -> None:
    plan = make_plan(ONE_MEETING.format(title="A", purpose="", attachment="B") + '''
        [[meeting]]
        body = "sbu"
        date = 2025-03-12
        status = "cancelled"
        note = "Aflyst pga. budgetseminar"
        ''')
    result = agendas_of(plan)
    text = render_agenda(result.agenda(result.meetings[0]))
    assert "\n\nAFLYST\n\n" in text
    assert "Bemærkning: Aflyst pga. budgetseminar" in text


# Titles a planner might write: Danish letters, digits, punctuation, dates
# and times inside them ("Marts 2025: status", "Mødet 18.20-18.40"). Left out:
# titles that end in a time box, like "Pause (5 min)", which any reader of
# agendas takes for the item's minutes.
TITLE = st.one_of(
    st.from_regex(r"[A-ZÆØÅ][A-Za-zÆØÅæøå0-9 ,.:;%/()&'!?–-]{0,60}", fullmatch=True),
    st.from_regex(r"(Januar|Marts|Maj|December) 20[0-9]{2}[A-Za-zæøå :,-]{0,20}",
                  fullmatch=True),
    st.from_regex(r"[A-ZÆØÅ][a-zæøå ]{1,20} 1[0-9]\.[0-5][0-9]-1[0-9]\.[0-5][0-9]",
                  fullmatch=True),
).map(lambda t: " ".join(t.split())).filter(
    lambda t: not re.search(r"\d\s*min", t, re.IGNORECASE))
ITEM = st.tuples(TITLE, st.integers(0, 30), st.sampled_from(["start", "end"]),
                 st.text(alphabet="abc æøå.,\n", max_size=40))


@settings(max_examples=80, deadline=None)
@given(st.lists(ITEM, min_size=1, max_size=12), st.integers(8 * 60, 16 * 60),
       st.integers(0, 120), st.sampled_from(["text", "md"]))
def test_plan_to_text_to_items_is_the_identity(items: list[tuple[str, int, str, str]],
                                               start: int, spare: int, form: str) -> None:
    # An item without a time slot whose title ends in a time range reads as
    # timed: no time line follows to say otherwise.
    assume(not any(minutes == 0 and re.search(r"\d\.\d\d$", title)
                   for title, minutes, _, _ in items))
    # Brackets with nothing in them are a form's blank to fill in ("Evt. ( )"),
    # which reading drops (aarshjul.written.lines.title_text).
    assume(not any(re.search(r"\(\s*\)", title) for title, _, _, _ in items))
    total = sum(minutes for _, minutes, _, _ in items)
    begin = dt.time(start // 60, start % 60).strftime("%H:%M")
    table = "".join(
        f'\n[[template.item]]\ntitle = """{title}"""\nminutes = {minutes}\nat = "{at}"\n'
        f'purpose = """{purpose}"""\nresponsible = "FAS"\n'
        for title, minutes, at, purpose in items)
    agenda = agenda_of(f'''
[[series]]
body = "sbu"
dates = [2025-03-12]
start = "{begin}"
minutes = {max(total + spare, 1)}
template = "t"

[[template]]
id = "t"
{table}''')
    report = check_agenda_text(render_agenda(agenda, form=form), source=f"rundtur.{form}")
    assert [(i.number, i.title, i.start, i.end, i.minutes) for i in report.items] == [
        (i.number, " ".join(i.title.split()), i.start, i.end, i.minutes)
        for i in agenda.items]
    assert report.ok, [p.format() for p in report.problems]


def test_the_text_of_an_empty_or_cancelled_agenda_checks_clean() -> None:
    empty = agenda_of('''
[[series]]
body = "sbu"
dates = [2025-03-12]
start = "18:15"
end = "19:45"
''')
    text = render_agenda(empty)
    assert "Dagsordenen har endnu ingen punkter." in text
    assert check_agenda_text(text, source="tom.txt").ok
    cancelled = agenda_of(ONE_MEETING.format(title="Lang sag", purpose="", attachment="B")
                          .replace("minutes = 10", "minutes = 500") + '''
[[meeting]]
body = "sbu"
date = 2025-03-12
status = "cancelled"
''')
    report = check_agenda_text(render_agenda(cancelled), source="aflyst.txt")
    assert report.ok, [p.format() for p in report.problems]


def test_an_item_s_time_the_seed_s_way() -> None:
    item = AgendaItem(1, "Godkendelse", Minutes(3), ClockTime.parse("18:15"),
                      ClockTime.parse("18:18"))
    assert time_span(item, words(Language.DA)) == "18.15 – 18.18 (3 min.)"


def test_a_meeting_s_time_with_the_language_s_word_for_o_clock() -> None:
    agenda = Agenda("Udvalg", dt.date(2025, 1, 15), ClockTime.parse("18:15"),
                    ClockTime.parse("19:45"))
    assert meeting_span(agenda, words(Language.DA)) == "Kl. 18.15 – 19.45"
    assert meeting_span(agenda, words(Language.EN)) == "18.15 – 19.45"
    assert meeting_span(Agenda("Skrevet", None, None, None), words(Language.DA)) == ""


def test_free_text_is_kept_to_one_line() -> None:
    assert one_line("  Baggrund:\n\n2. Ny sag\r\n  slut ") == "Baggrund: 2. Ny sag slut"


def test_an_unknown_form_is_refused_with_the_forms_there_are() -> None:
    agenda = Agenda("Udvalg", None, None, None)
    with pytest.raises(ValueError, match=r"form must be one of text, md, html \(got 'pdf'\)"):
        render_agenda(agenda, form="pdf")
