"""Meetings + templates + cases -> agendas with clock times (pure).

SPEC §3, "Agenda assembly": the template's items ``at = "start"``, then the
cases placed on the meeting (those pinned to its date first, then in file
order), then the meeting's own items, then the template's items ``at =
"end"``; numbered 1…n and timed from the meeting's start. Cases with a
``window`` or ``month`` go to the first meeting there that still has room.
Problems (an agenda longer than its meeting, a case no meeting can take, a
fixed-time item pushed past its time) are reported where the plan says what
caused them; the minutes left over are reported as information.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import attrs

from aarshjul.agenda.drafts import Draft, run_clock
from aarshjul.agenda.items import Agenda, AgendaItem, unplanned
from aarshjul.agenda.placement import place_cases
from aarshjul.agenda.routes import CaseStep, then_words
from aarshjul.agenda.steps import PlacedCase, placed_case
from aarshjul.choices import Placement, Status
from aarshjul.clock import MINUTES_PER_DAY, ClockTime, Minutes
from aarshjul.dates import DateWords, in_words
from aarshjul.errors import Problem, Severity, has_errors
from aarshjul.messages import Message, _
from aarshjul.model import Case, Item, Meeting, Plan
from aarshjul.plan.labels import locate
from aarshjul.scheduling.meetings import Schedule
from aarshjul.vocabulary import Language

__all__ = ["Agendas", "assemble"]

@attrs.frozen
class Agendas:
    """The meetings of a schedule with their timed agendas: what every
    writer (list, feeds, wheel, site, publishing) is made from.

    ``problems`` are all that were found on the way: the schedule's, then
    the assembly's."""

    schedule: Schedule
    by_uid: Mapping[str, Agenda]
    problems: tuple[Problem, ...]
    cases: tuple[PlacedCase, ...] = ()
    """Where each case went: the meeting and item of each of its steps."""

    @property
    def meetings(self) -> tuple[Meeting, ...]:
        return self.schedule.meetings

    @property
    def ok(self) -> bool:
        return not has_errors(self.problems)

    def agenda(self, meeting: Meeting) -> Agenda:
        return self.by_uid[meeting.uid]

    def meetings_on(self, body: str, day: dt.date) -> tuple[Meeting, ...]:
        return self.schedule.meetings_on(body, day)


def assemble(plan: Plan, schedule: Schedule, *, date_words: DateWords | None = None
             ) -> Agendas:
    """The agenda of every meeting of the schedule. ``date_words`` writes
    ``{date}`` and ``{previous}`` in item texts (default: the plan's language,
    via babel).

    Raises ValueError if the schedule is not of this plan: a meeting of a
    body or with a template that the plan does not have.
    """
    _check_of(plan, schedule)
    plan = locate(plan)  # a case built in code is named in its problems too
    date_words = in_words(plan.language, date_words)
    meetings = schedule.meetings
    ends = {t.id: _template_ends(t.items) for t in plan.templates}
    drafts = {m.uid: _draft(m, ends) for m in meetings}
    problems, placings = place_cases(plan, drafts)
    previous = _previous_meetings(meetings)
    agendas = {}
    made: dict[tuple[int, Item | Case, int | None], AgendaItem] = {}
    names = {body.id: body.name for body in plan.bodies}
    for uid, draft in drafts.items():
        agenda, found = _timed(draft, previous.get(uid), date_words, made,
                               (plan.language, names))
        agendas[uid] = agenda
        problems.extend(found)
    return Agendas(schedule, agendas, (*schedule.problems, *problems),
                   tuple(placed_case(placing) for placing in placings))


def _check_of(plan: Plan, schedule: Schedule) -> None:
    """The schedule's meetings are the plan's: their bodies and templates are
    in it (the agendas, and every writer after them, look them up there)."""
    bodies = {body.id for body in plan.bodies}
    templates = {template.id for template in plan.templates}
    for meeting in schedule.meetings:
        if meeting.body not in bodies:
            wrong = "is of a body the plan does not have"
        elif meeting.template is not None and meeting.template not in templates:
            wrong = f'has the template "{meeting.template}", which the plan does not have'
        else:
            continue
        raise ValueError(f'the schedule is not of this plan: its meeting of "{meeting.body}" '
                         f"on {meeting.date} {wrong}; assemble a plan with its own schedule: "
                         "assemble(plan, schedule(plan))")


def _template_ends(items: Sequence[Item]) -> tuple[tuple[Item, ...], tuple[Item, ...]]:
    """A template's items before the cases and after them."""
    return (tuple(i for i in items if i.at is Placement.START),
            tuple(i for i in items if i.at is Placement.END))


def _draft(meeting: Meeting, ends: Mapping[str, tuple[tuple[Item, ...], tuple[Item, ...]]]
           ) -> Draft:
    start, end = ends[meeting.template] if meeting.template else ((), ())
    return Draft(meeting, list(start), list(meeting.items), list(end))


def _previous_meetings(meetings: Sequence[Meeting]) -> dict[str, dt.date]:
    """For each meeting, the date of its body's planned meeting before it."""
    last: dict[str, dt.date] = {}
    previous = {}
    for meeting in sorted(meetings, key=lambda m: (m.date, m.start.minutes)):
        if meeting.body in last:
            previous[meeting.uid] = last[meeting.body]
        if meeting.status is Status.PLANNED:
            last[meeting.body] = meeting.date
    return previous


class _Words:
    """``{date}`` and ``{previous}`` for one meeting, written only if asked
    for (babel is slow to import, and most texts have no placeholder)."""

    def __init__(self, day: dt.date, previous: dt.date | None, words: DateWords) -> None:
        self.day, self.previous, self.words = day, previous, words

    def fill(self, text: str) -> str:
        if "{" not in text:
            return text
        if "{date}" in text:
            text = text.replace("{date}", self.words(self.day))
        if "{previous}" in text:
            text = text.replace("{previous}",
                                self.words(self.previous) if self.previous else "–")
        return text


def _timed(draft: Draft, previous: dt.date | None, date_words: DateWords,
           made: dict[tuple[int, Item | Case, int | None], AgendaItem],
           said: tuple[Language, Mapping[str, str]]) -> tuple[Agenda, list[Problem]]:
    """The meeting's agenda with clock times, and what is wrong with it.

    ``made`` holds the items already made in this assembly, by number, entry
    and start: the meetings of a series mostly share their items, and a
    large plan has tens of thousands of them. An entry is a frozen value, so
    equal entries make equal items and share one. Items whose texts name the
    meeting's date are made anew for each meeting."""
    meeting = draft.meeting
    language, names = said  # the plan's language, and its bodies' names
    words = _Words(meeting.date, previous, date_words)
    entries = draft.entries()
    walk = run_clock(meeting.start.minutes, entries)
    problems: list[Problem] = []
    for index, minutes_late in walk.late:
        entry = entries[index]
        assert isinstance(entry, Item)
        assert entry.time is not None
        problems.append(meeting.where.problem("fixed-time", _(
            '{body} {date}: item {number} ("{title}") should start at {time} but the items '
            "before it end at {end}: {late} minutes too late", body=meeting.body,
            date=meeting.date, number=index + 1, title=entry.title, time=entry.time,
            end=_clock(entry.time.minutes + minutes_late), late=minutes_late),
            item=index + 1))
    items = []
    for number, (entry, start) in enumerate(zip(entries, walk.starts, strict=True), start=1):
        key = (number, entry, start)
        item = made.get(key)
        if item is None:
            item = AgendaItem(
                number=number, title=words.fill(entry.title), minutes=entry.minutes,
                start=None if start is None else _at(start),
                end=None if start is None else _at(start + entry.minutes),
                method=entry.method, responsible=entry.responsible,
                purpose=words.fill(entry.purpose),
                attachments=tuple(words.fill(a) for a in entry.attachments),
                fixed=entry.time if isinstance(entry, Item) else None,
                theme=entry.theme if isinstance(entry, Case) else None,
                next_steps=then_words(entry.then, names, language, date_words)
                if isinstance(entry, CaseStep) else "")
            if not _names_a_date(entry):
                made[key] = item
        items.append(item)
    agenda = Agenda(title=meeting.title, date=meeting.date,
                    start=None if meeting.all_day else meeting.start,
                    end=None if meeting.all_day else meeting.end,
                    location=meeting.location, items=tuple(items),
                    body=meeting.body, cancelled=meeting.status is Status.CANCELLED,
                    note=meeting.note, language=language, to=meeting.to,
                    all_day=meeting.all_day, moved_from=meeting.moved_from,
                    body_name=names[meeting.body])
    if meeting.status is not Status.PLANNED:
        return agenda, []
    return agenda, [*problems, *_fit_problems(draft, walk.end)]


def _names_a_date(entry: Item | Case) -> bool:
    return any("{" in text for text in (entry.title, entry.purpose, *entry.attachments))


def _fit_problems(draft: Draft, clock: int) -> list[Problem]:
    meeting = draft.meeting
    # Over several days, its agenda is its first day's, to midnight.
    if clock > meeting.start.minutes + meeting.minutes:
        return [meeting.where.problem("over-time", _(
            "{body} {date}: the agenda runs to {end}, {over} minutes past the meeting's end "
            "at {meeting_end} ({used} minutes of items in {minutes})", body=meeting.body,
            date=meeting.date, end=_clock(clock),
            over=clock - meeting.start.minutes - meeting.minutes,
            meeting_end=_clock(meeting.start.minutes + meeting.minutes), used=draft.used,
            minutes=meeting.minutes))]
    # Slack is news only where someone planned this meeting's agenda; a
    # template alone is the skeleton of agendas not yet written.
    if (draft.pinned or draft.placed or draft.own) and meeting.minutes > draft.used:
        left = unplanned(meeting.minutes - draft.used, meeting.minutes,
                         f"{meeting.start}–{meeting.end}")
        return [meeting.where.problem("slack", _("{body} {date}: {left}", body=meeting.body,
                                                 date=meeting.date, left=left),
                                      severity=Severity.INFO)]
    return []


def _at(minutes: int) -> ClockTime | None:
    """A clock time, or None past midnight (over-time says so)."""
    return ClockTime.at(minutes) if minutes < MINUTES_PER_DAY else None


def _clock(minutes: int) -> str | Message:
    if minutes < MINUTES_PER_DAY:
        return str(ClockTime(minutes))
    return _("{minutes} min", minutes=Minutes(minutes))
