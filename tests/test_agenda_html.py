"""An agenda as an HTML page (``as_html``): its markup, every text from the
plan escaped, the link back into a site, and each language's words."""

from __future__ import annotations

import html.parser

from aarshjul import Agenda, Language, render_agenda
from aarshjul.agenda.html import Stop, Timeline, _item_html, as_html

from .plans import HEADER, ONE_MEETING, agenda_of, agendas_of, make_plan

TWO_ITEMS = '''
[[template]]
id = "t"
[[template.item]]
title = "Godkendelse af dagsorden"
minutes = 5
responsible = "FAS"
[[template.item]]
title = "Orientering"
attachments = ["Notat"]

[[series]]
body = "sbu"
dates = [2025-04-02, 2025-04-30]
start = "18:15"
end = "19:45"
template = "t"

[[meeting]]
body = "sbu"
date = 2025-04-30
status = "cancelled"
'''


def pages(language: Language = Language.DA, **options: object) -> tuple[str, str]:
    """The pages of TWO_ITEMS' meetings: the one held, the one cancelled."""
    header = HEADER.replace('id = "test"', f'id = "test"\nlanguage = "{language.value}"')
    result = agendas_of(make_plan(TWO_ITEMS, header=header))
    held, cancelled = (as_html(result.agenda(m), language, **options)  # type: ignore[arg-type]
                       for m in result.meetings)
    return held, cancelled


def body_of(page: str) -> str:
    return page[page.index("<body>"):]


def test_the_page_of_a_meeting() -> None:
    held, _ = pages(back=("../../index.html", "Årshjulet"))
    assert held.startswith('<!DOCTYPE html>\n<html lang="da">\n<head>\n<meta charset="utf-8">')
    assert "<title>Social- og Beskæftigelsesudvalget – onsdag den 2. april 2025</title>" in held
    assert body_of(held) == '''\
<body>
<nav><a href="../../index.html">← Årshjulet</a></nav>
<main>
<h1>Social- og Beskæftigelsesudvalget</h1>
<dl class="meeting">
  <dt>Mødedato</dt><dd>onsdag den 2. april 2025</dd>
  <dt>Mødetid</dt><dd class="time">Kl. 18.15 – 19.45</dd>
  <dt>Mødested</dt><dd>Rådhuset, lokale 398</dd>
</dl>
<h2>Dagsorden kort</h2>
<ol class="brief">
  <li value="1"><a href="#item-1">Godkendelse af dagsorden</a> \
<span class="time">(18.15)</span></li>
  <li value="2"><a href="#item-2">Orientering</a></li>
</ol>
<section class="item" id="item-1">
<h2>1. Godkendelse af dagsorden</h2>
<dl>
  <dt>Ansvarlig:</dt> <dd>FAS</dd>
  <dt>Tid:</dt> <dd class="time">18.15 – 18.20 (5 min.)</dd>
</dl>
</section>
<section class="item" id="item-2">
<h2>2. Orientering</h2>
<dl>
</dl>
<p><strong>Bilag:</strong></p>
<ul>
  <li>Notat</li>
</ul>
</section>
</main>
</body>
</html>
'''


def test_a_page_on_its_own_has_no_link_back() -> None:
    held, _ = pages()
    assert "<nav>" not in held
    assert body_of(held).startswith("<body>\n<main>\n")


def test_the_link_back_is_escaped_too() -> None:
    held, _ = pages(back=('x" onclick="alert(1)', "<b>Hjem</b>"))
    assert '<nav><a href="x&#34; onclick=&#34;alert(1)">← &lt;b&gt;Hjem&lt;/b&gt;</a></nav>' \
        in held


def test_a_cancelled_meeting_s_page_keeps_no_times() -> None:
    held, cancelled = pages()
    assert "(18.15)" in held
    assert "18.15 – 18.20" in held
    assert '<p class="cancelled">AFLYST</p>' in cancelled
    assert "(18.15)" not in cancelled
    assert "18.15 – 18.20" not in cancelled
    assert "Godkendelse af dagsorden" in cancelled


def test_an_item_is_drawn_for_its_meeting_and_language_whichever_came_first() -> None:
    """Items are rendered once and kept: the same item on a cancelled and a
    held meeting, in Danish and in English, is drawn for each."""
    _item_html.cache_clear()  # this test's order, whatever ran before it
    _, cancelled = pages()
    held, _ = pages()
    assert "18.15 – 18.20" in held
    assert "18.15 – 18.20" not in cancelled
    english, _ = pages(Language.EN)
    assert "<dt>Responsible:</dt> <dd>FAS</dd>" in english
    assert "<dt>Time:</dt>" in english
    assert "Ansvarlig" not in english


def test_english_words() -> None:
    held, _ = pages(Language.EN, back=("../../index.html", "The wheel"))
    assert held.startswith('<!DOCTYPE html>\n<html lang="en">')
    for shown in ("<dt>Meeting date</dt><dd>Wednesday 2 April 2025</dd>",
                  '<dt>Meeting time</dt><dd class="time">18.15 – 19.45</dd>',
                  "<h2>Agenda in brief</h2>", "<p><strong>Attachments:</strong></p>"):
        assert shown in held


def test_an_item_on_a_route_shows_the_route_with_its_own_step_marked() -> None:
    route = Timeline("Orientering", (
        Stop("Udvalget", "onsdag den 2. april 2025", 2, "#item-2", current=True),
        Stop("Byrådet & co", "onsdag den 9. april 2025", 4, "../byraad/2025-04-09.html#item-4")))
    held, _ = pages(routes={2: route})
    section = held[held.index('<section class="item" id="item-2">'):]
    # After the item's fields and attachments, at the end of its section.
    assert section[section.index("</ul>\n") + 6:section.index("</main>")] == '''\
<p><strong>Sagsforløb:</strong></p>
<ol class="route">
  <li aria-current="step"><strong>onsdag den 2. april 2025 – Udvalget, punkt 2</strong> \
(dette møde)</li>
  <li><a href="../byraad/2025-04-09.html#item-4">onsdag den 9. april 2025 – Byrådet &amp; co, \
punkt 4</a></li>
</ol>
</section>
'''
    # The other item, and a page without routes, show none.
    assert held.count('class="route"') == 1
    assert 'class="route"' not in pages()[0]
    english, _ = pages(Language.EN, routes={2: route})
    assert "<p><strong>Route of the case:</strong></p>" in english
    assert "Udvalget, item 2</strong> (this meeting)</li>" in english


def test_an_agenda_with_no_items_says_so() -> None:
    page = as_html(agenda_of('[[series]]\nbody = "sbu"\ndates = [2025-03-12]\n'
                             'start = "18:15"\nend = "19:45"\n'), Language.DA)
    assert "</dl>\n<p>Dagsordenen har endnu ingen punkter.</p>\n</main>" in page
    assert "<ol" not in page


class _TextOnly(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts = 0
        self.text: list[str] = []
        self.loads: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.scripts += tag == "script"
        self.loads += [f"{tag} {name}" for name, _ in attrs if name in ("src", "srcset")]
        self.loads += [tag for name, _ in attrs if tag == "link" and name == "href"]

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_shows_markup_from_the_plan_as_text() -> None:
    agenda = agenda_of(ONE_MEETING.format(
        title="<script>alert(1)</script> & co", purpose="<b>fed</b>",
        attachment='<img src=x onerror="alert(2)">'))
    page = render_agenda(agenda, form="html", language=Language.DA)
    assert page == as_html(agenda, Language.DA)
    parser = _TextOnly()
    parser.feed(page)
    assert parser.scripts == 0
    assert parser.loads == []  # nothing is loaded from elsewhere
    assert "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in page
    assert "<script>alert(1)</script> & co" in "".join(parser.text)
    assert page.startswith("<!DOCTYPE html>\n<html lang=\"da\">")


MOVED_AND_TITLED = '''
[[series]]
body = "sbu"
dates = [2025-02-12]
start = "18:15"
end = "19:45"

[[meeting]]
body = "sbu"
date = 2025-02-12
moved_to = 2025-02-19

[[meeting]]
body = "sbu"
date = 2025-08-25
to = 2025-08-26
title = "Budgetseminar"
'''


def test_a_moved_meeting_says_from_where_and_a_titled_one_whose_it_is() -> None:
    for language, moved, body in [
            (Language.DA, "onsdag den 19. februar 2025 <span class=\"moved\">(flyttet fra 12. "
                          "februar 2025)</span>", "Social- og Beskæftigelsesudvalget"),
            (Language.EN, "Wednesday 19 February 2025 <span class=\"moved\">(moved from 12 "
                          "February 2025)</span>", "Social- og Beskæftigelsesudvalget")]:
        header = HEADER.replace('id = "test"', f'id = "test"\nlanguage = "{language.value}"')
        result = agendas_of(make_plan(MOVED_AND_TITLED, header=header))
        held, seminar = (as_html(result.agenda(m), language) for m in result.meetings)
        assert f"<dd>{moved}</dd>" in held
        assert '<p class="body">' not in held  # its title is its body's name
        assert f'<h1>Budgetseminar</h1>\n<p class="body">{body}</p>\n' in seminar
        assert f"<title>Budgetseminar, {body} – " in seminar
        assert "moved" not in seminar


def test_an_agenda_that_knows_no_body_name_shows_none() -> None:
    """A written agenda read back knows its title, not its body's name."""
    page = as_html(Agenda("Udvalgsmøde", None, None, None), Language.DA)
    assert '<p class="body">' not in page
    assert "moved" not in page
