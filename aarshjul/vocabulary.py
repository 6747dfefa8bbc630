"""Every word aarshjul writes for people to read, in each language it speaks;
and the names of days and months that its readers know.

A plan's ``language`` picks one :class:`Words`; every document, feed, page
and picture takes its words from it, and nowhere else spells them. The
fields are the messages' ids, ready for message catalogs (gettext) to take
over. Dates are written by babel (:mod:`aarshjul.dates`) in the patterns
given here.

The command line reports what it wrote or published in English
(:data:`COMMAND_LINE`), as click's messages are; ``check``'s summary is said
in the language of its messages (the problems' messages are gettext's:
:mod:`aarshjul.messages`, which picks the language). The words of every
report are here, in every language.

The names of days and months, and the labels of an agenda's fields, below
are what the readers of recurrence phrases ("hver anden onsdag undtagen
juli") and of written agendas ("Mødedato: 15. januar 2025") know. Both must
start fast, so these are plain tables, not babel's locale data.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs

__all__ = ["Language"]


class Language(enum.Enum):
    """A language aarshjul writes in (a plan's ``language``)."""

    DA = "da"
    EN = "en"


@attrs.frozen(kw_only=True)
class Words:
    """The words of one language. A word with ``{…}`` is filled in where it
    is used (``moved_from.format(date=…)``)."""

    # Meetings, in every output
    cancelled: str  # a meeting's status; "AFLYST" in capitals where it heads a text
    moved_from: str
    note: str
    agenda: str
    the_agenda: str
    # An agenda as a document
    meeting_date: str
    meeting_time: str
    all_day: str  # an all-day meeting's time, on the pages that show one
    meeting_place: str
    brief: str
    purpose: str
    method: str
    responsible: str
    next_steps: str  # a case's route after this meeting (SPEC §12)
    time: str
    attachments: str
    clock: str  # before a meeting's time ("Kl. 18.15 – 19.45"); empty where not said
    minutes: str
    no_items: str
    # The meetings as a table
    date: str
    weekday: str
    body: str
    title: str
    place: str
    remark: str
    # The cases as a table (SPEC §12)
    route: str
    step: str  # a step's number on its case's route
    item: str  # the number of a case's item on a meeting's agenda
    ready_by: str  # the day a case must be ready for a step's meeting
    # The feeds
    deadline: str
    case_deadline: str  # the day a case must be ready for a meeting (SPEC §12)
    all_meetings: str
    deadlines: str
    # The site
    wheel: str
    coming: str
    no_coming: str
    subscribe: str
    how_to_subscribe: str
    copy: str
    copied: str
    skip: str
    files: str
    plan_json: str
    made: str
    # The mødeplan: every meeting by month, and each body's (SPEC §13)
    meeting_plan: str  # its heading, and its link on the front page
    meeting_plan_about: str  # what the front page's link leads to
    show_body: str  # the filter by body: its links' label
    every_body: str  # the filter's link to every body's meetings
    none_planned: str  # a body with no meetings in the plan
    # A case's route, on the site and the wheel (SPEC §12)
    case_route: str  # the heading of one case's route
    case_routes: str  # the heading of the page of every case's route
    this_meeting: str  # the step of the page that shows the route
    item_number: str
    one_case: str
    many_cases: str
    # The wheel
    bodies: str
    themes: str
    key: str
    meeting: str
    moved: str
    closed_period: str
    holiday: str
    today: str
    week: str
    items: str
    meetings: str
    no_meetings: str
    # How dates are written (babel's patterns), and the holidays' names
    long_date: str
    full_date: str
    listed_date: str  # a day in a list of them (the mødeplan): shorter than full_date
    holiday_names: str  # the holidays package's language code
    # The command line's reports: what a command did, and how many of what
    # (a count's noun in the singular and the plural, for counted())
    wrote: str
    unchanged_file: str
    removed_feed: str
    feeds_written: str
    and_removed: str
    built: str
    up_to_date: str
    would: str
    create: str
    update: str
    remove: str
    created: str
    updated: str
    removed: str
    dry_run: str
    published: str
    publishing: str
    password_for: str
    serving: str
    checked: str
    ok: str
    failed: str
    one_file: str
    many_files: str
    one_feed: str
    many_feeds: str
    one_event: str
    many_events: str
    one_error: str
    many_errors: str
    one_warning: str
    many_warnings: str


DANISH = Words(
    cancelled="aflyst", moved_from="flyttet fra {date}", note="Bemærkning",
    agenda="Dagsorden", the_agenda="Dagsordenen",
    meeting_date="Mødedato", meeting_time="Mødetid", all_day="hele dagen",
    meeting_place="Mødested",
    brief="Dagsorden kort", purpose="Baggrund/formål", method="Metode",
    responsible="Ansvarlig", next_steps="Sagsgang", time="Tid", attachments="Bilag",
    clock="Kl.", minutes="min.",
    no_items="Dagsordenen har endnu ingen punkter.",
    date="Dato", weekday="Dag", body="Organ", title="Titel", place="Sted", remark="Bemærkning",
    route="Rute", step="Trin", item="Punkt", ready_by="Frist",
    deadline="Frist for dagsorden", case_deadline="Frist: {title} → {body} (møde {date})",
    all_meetings="alle møder",
    deadlines="frister for dagsordener og sager",
    wheel="Årshjulet", coming="Kommende møder", no_coming="Ingen kommende møder.",
    subscribe="Abonnér på kalenderen",
    how_to_subscribe="Kopiér adressen ind i kalenderprogrammet (Outlook: Tilføj kalender → "
                     "Abonner fra internettet), eller åbn webcal-linket.",
    copy="Kopiér", copied="Kopieret", skip="Spring til indhold", files="Filerne",
    plan_json="Planen som JSON", made="Lavet med aarshjul",
    meeting_plan="Mødeplan", meeting_plan_about="alle møder, måned for måned og for hvert organ",
    show_body="Vis møder for", every_body="Alle", none_planned="Ingen møder i planen.",
    case_route="Sagsforløb", case_routes="Sagernes forløb", this_meeting="dette møde",
    item_number="punkt {number}", one_case="sag", many_cases="sager",
    bodies="Organer", themes="Temaer", key="Tegnforklaring", meeting="Møde", moved="Flyttet",
    closed_period="Lukket periode", holiday="Helligdag", today="I dag", week="Uge",
    items="punkter", meetings="møder", no_meetings="Ingen møder i {year}",
    long_date="d. MMMM y", full_date="EEEE 'den' d. MMMM y",
    listed_date="EEEE d. MMMM y", holiday_names="da",
    wrote="skrev {path}", unchanged_file="{path} er uændret",
    removed_feed="fjernede {path} (dets organ er ikke længere i planen)",
    feeds_written="{feeds} skrevet, {unchanged} uændret", and_removed=", {count} fjernet",
    built="byggede {folder}: {files} skrevet, {removed} fjernet, {unchanged} uændret",
    up_to_date="{where} er ajour ({count} {things} uændret)",
    would="ville {action}: {label}", create="oprette", update="opdatere", remove="fjerne",
    created="oprettet", updated="opdateret", removed="fjernet",
    dry_run="prøvekørsel, intet skrevet: {create} at oprette, {update} at opdatere, "
            "{remove} at fjerne, {unchanged} uændret",
    published="udgivet til {url}: {created} oprettet, {updated} opdateret, {removed} fjernet, "
              "{unchanged} uændret",
    publishing="Udgiver", password_for="Adgangskode for {user}",
    serving="Viser {folder} på {url} (Ctrl-C for at stoppe)",
    checked="{verdict}: {files} tjekket, {errors}, {warnings}, {info} info",
    ok="ok", failed="fejl", one_file="fil", many_files="filer", one_feed="kalender",
    many_feeds="kalendere", one_event="begivenhed", many_events="begivenheder",
    one_error="fejl", many_errors="fejl", one_warning="advarsel", many_warnings="advarsler",
)

ENGLISH = Words(
    cancelled="cancelled", moved_from="moved from {date}", note="Note",
    agenda="Agenda", the_agenda="The agenda",
    meeting_date="Meeting date", meeting_time="Meeting time", all_day="all day",
    meeting_place="Venue",
    brief="Agenda in brief", purpose="Purpose", method="Method", responsible="Responsible",
    next_steps="Next steps", time="Time", attachments="Attachments", clock="", minutes="min.",
    no_items="The agenda has no items yet.",
    date="Date", weekday="Day", body="Body", title="Title", place="Location", remark="Remark",
    route="Route", step="Step", item="Item", ready_by="Deadline",
    deadline="Agenda deadline", case_deadline="Deadline: {title} → {body} (meeting {date})",
    all_meetings="all meetings", deadlines="agenda and case deadlines",
    wheel="The wheel", coming="Coming meetings", no_coming="No coming meetings.",
    subscribe="Subscribe to the calendar",
    how_to_subscribe="Paste the address into your calendar program (Outlook: Add calendar → "
                     "Subscribe from web), or open the webcal link.",
    copy="Copy", copied="Copied", skip="Skip to content", files="Files",
    plan_json="The plan as JSON", made="Made with aarshjul",
    meeting_plan="Meeting plan",
    meeting_plan_about="every meeting, month by month and for each body",
    show_body="Show the meetings of", every_body="All", none_planned="No meetings in the plan.",
    case_route="Route of the case", case_routes="Routes of the cases",
    this_meeting="this meeting", item_number="item {number}", one_case="case",
    many_cases="cases",
    bodies="Bodies", themes="Themes", key="Key", meeting="Meeting", moved="Moved",
    closed_period="Closed period", holiday="Holiday", today="Today", week="Week",
    items="items", meetings="meetings", no_meetings="No meetings in {year}",
    long_date="d MMMM y", full_date="EEEE d MMMM y", listed_date="EEEE d MMMM y",
    holiday_names="en_US",
    wrote="wrote {path}", unchanged_file="{path} is unchanged",
    removed_feed="removed {path} (its body is no longer in the plan)",
    feeds_written="{feeds} written, {unchanged} unchanged", and_removed=", {count} removed",
    built="built {folder}: {files} written, {removed} removed, {unchanged} unchanged",
    up_to_date="{where} is up to date ({count} {things} unchanged)",
    would="would {action}: {label}", create="create", update="update", remove="remove",
    created="created", updated="updated", removed="removed",
    dry_run="dry run, nothing written: {create} to create, {update} to update, "
            "{remove} to remove, {unchanged} unchanged",
    published="published to {url}: {created} created, {updated} updated, {removed} removed, "
              "{unchanged} unchanged",
    publishing="Publishing", password_for="Password for {user}",
    serving="Serving {folder} at {url} (Ctrl-C to stop)",
    checked="{verdict}: {files} checked, {errors}, {warnings}, {info} info",
    ok="ok", failed="failed", one_file="file", many_files="files", one_feed="feed",
    many_feeds="feeds", one_event="event", many_events="events",
    one_error="error", many_errors="errors", one_warning="warning", many_warnings="warnings",
)

WORDS = {Language.DA: DANISH, Language.EN: ENGLISH}
"""The words of each language."""


def words(language: Language) -> Words:
    return WORDS[language]


COMMAND_LINE = ENGLISH
"""The words the command line reports what it wrote in: English, as click's
messages are."""


def counted(count: int, one: str, many: str) -> str:
    """``1 file``, ``2 files``: a count and its noun (``one_file``, ``many_files``)."""
    return f"{count} {one if count == 1 else many}"


def danish_list(words: Sequence[str]) -> str:
    """``juli``, ``juli og august``, ``marts, juni og september``."""
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " og " + words[-1]


def capitalized(word: str) -> str:
    """``aflyst`` -> ``Aflyst`` (a word that starts a label or a line)."""
    return word[:1].upper() + word[1:]


DANISH_DAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")
ENGLISH_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

DANISH_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
ENGLISH_MONTHS = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip

AGENDA_LABELS: dict[str, tuple[str, ...]] = {
    "date": ("mødedato", "dato", "date", "meeting date"),
    "meeting time": ("mødetid", "meeting time", "mødetidspunkt"),
    "place": ("mødested", "sted", "venue", "place", "location", "lokale"),
    "brief": ("dagsorden kort", "kort dagsorden", "agenda in brief", "agenda", "dagsorden",
              "indholdsfortegnelse", "indhold", "contents"),
    "subject": ("emne", "subject"),
    "time": ("tid", "time", "tidspunkt", "varighed", "duration", "tidsforbrug"),
    "responsible": ("ansvarlig", "ansvarlige", "responsible"),
    "next steps": ("sagsgang", "next steps", "videre behandling"),
    "method": ("metode", "method", "behandling"),
    "purpose": ("baggrund/formål", "baggrund / formål", "baggrund", "formål", "purpose",
                "background", "background/purpose"),
    "attachments": ("bilag", "attachments", "attachment"),
}
"""The labels of a written agenda's fields (``Mødedato:``, ``Tid:``) that its
reader knows, by field, in lower case: those aarshjul writes (the ``Words``
above, in every language) and those people write."""

BRIEF_HEADINGS = frozenset({"dagsorden kort", "kort dagsorden", "agenda in brief",
                            "indholdsfortegnelse", "contents"})
"""Headings that open an agenda's short list, also without a colon
(``## Dagsorden kort``)."""

MONTH_WORDS: dict[str, int] = {
    spelling: number
    for names in (DANISH_MONTHS, ENGLISH_MONTHS)
    for number, name in enumerate(names, start=1)
    for spelling in (name, name[:3])
} | {"sept": 9}
"""Month names and their three-letter abbreviations, both languages, to 1-12."""

LONGEST_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
"""The most days each month can have (February in a leap year)."""
