"""What a publish must change (``plan_sync``), with no server: the calendar's
events go in as text, the changes come out."""

from __future__ import annotations

import datetime as dt
import re

import icalendar
import pytest

from aarshjul import load_plan, parse_plan
from aarshjul.ical.decode import decode
from aarshjul.ical.encode import SOURCE
from aarshjul.ical.feeds import build_feeds
from aarshjul.ical.stamps import Stamper
from aarshjul.publishing.sync import Action, Change, Held, plan_sync

from .feed_parsers import unfold
from .plans import EXAMPLE, agendas_of, make_plan
from .publish_plans import FOREIGN, NOW, PLAN, without_rm

SBU = "Social- og Beskæftigelsesudvalget"


def held_as_published(plan_text: str = PLAN) -> list[Held]:
    """What a calendar holds after ``plan_text`` (with the standard header)
    was published into it, each event at ``/cal/UID.ics``."""
    plan = make_plan(plan_text)
    return [Held(f"/cal/{c.uid}.ics", c.text or "")
            for c in plan_sync(plan, agendas_of(plan), [], now=NOW).changes]


def test_an_empty_calendar_gets_every_meeting_as_in_the_feeds() -> None:
    plan = make_plan(PLAN)
    result = agendas_of(plan)
    sync = plan_sync(plan, result, [], now=NOW)
    assert [(c.action, c.label, c.href) for c in sync.changes] == [
        (Action.CREATE, "rm 2025-01-14 10:00 Rådmandsmøde", None),
        (Action.CREATE, f"sbu 2025-01-15 18:15 {SBU}", None),
        (Action.CREATE, "rm 2025-01-21 10:00 Rådmandsmøde", None),
        (Action.CREATE, f"sbu 2025-02-12 18:15 {SBU}", None),
        (Action.CREATE, f"sbu 2025-03-12 18:15 {SBU} (cancelled)", None)]
    assert [c.uid for c in sync.changes] == [m.uid for m in result.meetings]
    assert (sync.created, sync.updated, sync.unchanged) == (5, 0, 0)
    in_feed = {d.uid: d for d in decode(
        build_feeds(plan, result, stamper=Stamper(NOW))["all.ics"])}
    for change in sync.changes:
        (event,) = decode(change.text or "")
        assert event == in_feed[change.uid]


def test_the_sync_is_pure_and_reads_lines_in_any_order() -> None:
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    first = plan_sync(plan, result, [], now=NOW)
    assert first.created == len(result.meetings)
    assert first.unchanged == 0
    # What a server gives back: the same lines, in its own order.
    held = [Held(f"/cal/{c.uid}.ics", _reversed_lines(c.text or "")) for c in first.changes]
    again = plan_sync(plan, result, held, now=NOW + dt.timedelta(days=1))
    assert again.changes == ()
    assert again.unchanged == len(result.meetings)


def test_events_are_compared_as_events_not_as_text() -> None:
    """A server that writes the events out anew (another folding, its own
    parameters, its own layout) holds the same events: nothing to change."""
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    rewritten = [Held(f"/cal/{c.uid}.ics",
                      icalendar.Calendar.from_ical(c.text or "").to_ical().decode("utf-8"))
                 for c in plan_sync(plan, result, [], now=NOW).changes]
    assert any(held.text.count("\r\n ") > 0 for held in rewritten)
    again = plan_sync(plan, result, rewritten, now=NOW + dt.timedelta(days=1))
    assert (again.changes, again.unchanged) == ((), len(result.meetings))


def test_a_server_s_line_order_does_not_count_as_a_new_time() -> None:
    held = [Held(h.href, _reversed_lines(h.text)) for h in held_as_published()]
    retitled = make_plan(
        PLAN + '\n[[meeting]]\nbody = "sbu"\ndate = 2025-01-15\ntitle = "Temamøde"\n')
    (change,) = plan_sync(retitled, agendas_of(retitled), held, now=NOW).changes
    assert change.action is Action.UPDATE
    assert "SEQUENCE:0\r\n" in (change.text or "")
    later = make_plan(
        PLAN + '\n[[meeting]]\nbody = "sbu"\ndate = 2025-01-15\nstart = "19:00"\n')
    (change,) = plan_sync(later, agendas_of(later), held, now=NOW).changes
    assert change.action is Action.UPDATE
    assert "SEQUENCE:1\r\n" in (change.text or "")


def _reversed_lines(text: str) -> str:
    """The event's lines in another order, as some servers store them."""
    head, event = text.split("BEGIN:VEVENT\r\n", 1)
    body, tail = event.split("END:VEVENT\r\n", 1)
    lines = re.split(r"(?<=\r\n)(?! )", body)
    return f"{head}BEGIN:VEVENT\r\n{''.join(reversed(lines))}END:VEVENT\r\n{tail}"


def test_a_changed_meeting_is_written_over_its_event_at_its_address() -> None:
    held = [Held(f"/elsewhere/{n}.ics", h.text) for n, h in enumerate(held_as_published())]
    later = make_plan(PLAN + '\n[[meeting]]\nbody = "rm"\ndate = 2025-01-21\nstart = "12:00"\n'
                      'end = "13:00"\n')
    sync = plan_sync(later, agendas_of(later), held, now=NOW + dt.timedelta(days=1))
    (change,) = sync.changes
    assert (change.action, change.label, change.href) == (
        Action.UPDATE, "rm 2025-01-21 12:00 Rådmandsmøde", "/elsewhere/2.ics")
    assert (sync.updated, sync.unchanged) == (1, 4)
    lines = unfold(change.text or "")
    assert "DTSTART;TZID=Europe/Copenhagen:20250121T120000" in lines
    assert "DTSTAMP:20250102T120000Z" in lines
    assert "SEQUENCE:1" in lines


def test_a_second_copy_of_an_event_is_removed() -> None:
    plan = make_plan(PLAN)
    result = agendas_of(plan)
    (first, *_) = plan_sync(plan, result, [], now=NOW).changes
    copies = [Held("/cal/a.ics", first.text or ""), Held("/cal/b.ics", first.text or "")]
    sync = plan_sync(plan, result, copies, now=NOW)
    assert [(c.action, c.href) for c in sync.changes if c.uid == first.uid] == [
        (Action.REMOVE, "/cal/b.ics")]


def test_an_object_icalendar_cannot_read_is_left_alone() -> None:
    """icalendar fails on a parameter given twice with an AttributeError:
    the object is no one's to touch, and publishing goes on."""
    plan = make_plan(PLAN)
    broken = Held("/cal/broken.ics", FOREIGN.format(
        uid="broken", summary="x", extra="URL;VALUE=URI,TEXT:https://x.dk/\r\n"))
    sync = plan_sync(plan, agendas_of(plan), [*held_as_published(), broken], now=NOW)
    assert (sync.changes, sync.unchanged) == ((), 5)


def _with(held: Held, lines: str, before: str = "SUMMARY:") -> Held:
    """``held`` with ``lines`` put in its event, before its line ``before``."""
    assert held.text.count(before) == 1
    return Held(held.href, held.text.replace(before, lines + before))


@pytest.mark.parametrize("recurrence", [
    "RRULE:FREQ=WEEKLY;COUNT=4\r\n", "RDATE;VALUE=DATE:20250301\r\n",
    "EXDATE;TZID=Europe/Copenhagen:20250114T100000\r\n"])
def test_a_meeting_a_calendar_program_made_recurring_is_the_one_meeting_again(
        recurrence: str) -> None:
    held = held_as_published()
    recurring = _with(held[0], recurrence, "DTSTART;TZID")
    recurring = Held(recurring.href, recurring.text.replace("SEQUENCE:0", "SEQUENCE:3"))
    plan = make_plan(PLAN)
    sync = plan_sync(plan, agendas_of(plan), [recurring, *held[1:]], now=NOW)
    (change,) = sync.changes
    assert (change.action, change.href, sync.unchanged) == (Action.UPDATE, held[0].href, 4)
    (written,) = decode(change.text or "")
    assert written.event == decode(held[0].text)[0].event  # not recurring
    assert written.stamp.sequence == 4  # above the client's, which it may have shown


def test_a_meeting_with_an_override_is_one_object_not_two_copies() -> None:
    """A calendar program that moves one repeat of an event writes the
    master and the override (RECURRENCE-ID) into one object: the meeting
    is written over there, never removed as a copy of itself."""
    held = held_as_published()
    (master,) = decode(held[0].text)
    override = held[0].text.split("BEGIN:VEVENT")[1].split("END:VEVENT")[0].replace(
        "SEQUENCE:0", "SEQUENCE:2\r\nRECURRENCE-ID;TZID=Europe/Copenhagen:20250121T100000")
    both = Held(held[0].href, held[0].text.replace(
        "END:VEVENT\r\n", f"END:VEVENT\r\nBEGIN:VEVENT{override}END:VEVENT\r\n", 1))
    assert [read.uid for read in decode(both.text)] == [master.uid, master.uid]
    plan = make_plan(PLAN)
    sync = plan_sync(plan, agendas_of(plan), [both, *held[1:]], now=NOW)
    assert [(c.action, c.href) for c in sync.changes] == [(Action.UPDATE, held[0].href)]
    assert "SEQUENCE:3" in unfold(sync.changes[0].text or "")
    (written,) = decode(sync.changes[0].text or "")
    assert written.event == master.event


def test_a_recurring_event_of_a_meeting_gone_is_removed_as_one_object() -> None:
    held = held_as_published()
    recurring = _with(held[0], "RRULE:FREQ=WEEKLY;COUNT=4\r\n", "DTSTART;TZID")
    plan = parse_plan(without_rm(), source="without-rm.toml")
    sync = plan_sync(plan, agendas_of(plan), [recurring, *held[1:]], now=NOW)
    removed = [c.href for c in sync.changes if c.action is Action.REMOVE]
    assert sorted(removed) == sorted(h.href for h in held if "test/rm" in h.text)


@pytest.mark.parametrize("added", [
    "CATEGORIES:\r\n", "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER:-PT15M\r\n"
    "DESCRIPTION:Snart\r\nEND:VALARM\r\n", "ATTENDEE:mailto:anne@example.dk\r\n"])
def test_what_the_plan_does_not_say_is_no_change(added: str) -> None:
    """A blank category, an alarm or an attendee a calendar program added to
    a meeting's event is not the plan's to put back (docs/caldav.md)."""
    held = held_as_published()
    plan = make_plan(PLAN)
    sync = plan_sync(plan, agendas_of(plan), [_with(held[0], added, "END:VEVENT"), *held[1:]],
                     now=NOW)
    assert (sync.changes, sync.unchanged) == ((), 5)


def test_meetings_the_plan_no_longer_has_are_removed_with_their_words() -> None:
    plan = parse_plan(without_rm(), source="without-rm.toml")
    sync = plan_sync(plan, agendas_of(plan), held_as_published(), now=NOW)
    removed = [c for c in held_as_published() if "X-AARSHJUL-SOURCE:test/rm" in c.text]
    assert sync.changes == tuple(
        Change(Action.REMOVE, uid, label, href=f"/cal/{uid}.ics") for uid, label in sorted([
            (_uid(removed[0]), "rm 2025-01-14 10:00 Rådmandsmøde"),
            (_uid(removed[1]), "rm 2025-01-21 10:00 Rådmandsmøde")]))
    assert (sync.removed, sync.unchanged) == (2, 3)


def _uid(held: Held) -> str:
    (event,) = decode(held.text)
    return event.uid


def foreign(uid: str, source: str | None = None, extra: str = "") -> Held:
    """An event of another program, carrying ``source`` if given."""
    lines = extra + (f"{SOURCE}:{source}\r\n" if source else "")
    return Held(f"/cal/{uid}.ics", FOREIGN.format(uid=uid, summary="Frokost", extra=lines))


def test_only_the_plan_s_own_events_are_ever_removed() -> None:
    held = [foreign("someone-else"), foreign("another-plan", "another-plan/sbu"),
            foreign("ours", "test/sbu"), foreign("of-a-body-gone", "test/old"),
            Held("/cal/notes.txt", "no calendar at all")]
    # A plan with no meetings would remove all its id's events: asked to.
    sync = plan_sync(make_plan(""), agendas_of(make_plan("")), held, now=NOW, replace=True)
    # Written in UTC, these are events aarshjul could not have written: a
    # removal names them by body and UID.
    assert sync.changes == (
        Change(Action.REMOVE, "of-a-body-gone", "old of-a-body-gone",
               href="/cal/of-a-body-gone.ics"),
        Change(Action.REMOVE, "ours", "sbu ours", href="/cal/ours.ics"))


def test_for_one_body_only_its_meetings_and_its_events() -> None:
    fewer = make_plan(PLAN.replace("2025-02-12, ", "").replace(
        "dates = [2025-01-14, 2025-01-21]", "dates = [2025-01-14]"))
    held = [*held_as_published(), foreign("old-rm", "test/rm"), foreign("old-sbu", "test/sbu")]
    sync = plan_sync(fewer, agendas_of(fewer), held, now=NOW, body="rm")
    assert [(c.action, c.label) for c in sync.changes] == [
        (Action.REMOVE, "rm 2025-01-21 10:00 Rådmandsmøde"), (Action.REMOVE, "rm old-rm")]
    assert sync.unchanged == 1
    new = plan_sync(fewer, agendas_of(fewer), [], now=NOW, body="sbu")
    assert [c.label for c in new.changes] == [f"sbu 2025-01-15 18:15 {SBU}",
                                              f"sbu 2025-03-12 18:15 {SBU} (cancelled)"]


def test_a_body_the_plan_does_not_have_is_a_key_error() -> None:
    plan = make_plan(PLAN)
    with pytest.raises(KeyError):
        plan_sync(plan, agendas_of(plan), [], now=NOW, body="xyz")


def test_an_event_of_the_plan_in_another_form_is_written_over_with_a_higher_sequence(
        ) -> None:
    """An event of the plan that aarshjul could not have written (here in
    UTC) is replaced by the plan's, and its SEQUENCE goes on from the held one."""
    plan = make_plan(PLAN)
    result = agendas_of(plan)
    meeting = result.meetings[0]
    held = [foreign(meeting.uid, "test/rm", extra="SEQUENCE:4\r\n")]
    sync = plan_sync(plan, result, held, now=NOW)
    (update,) = [c for c in sync.changes if c.action is Action.UPDATE]
    assert (update.uid, update.href) == (meeting.uid, f"/cal/{meeting.uid}.ics")
    assert "SEQUENCE:5" in unfold(update.text or "")
    assert (sync.created, sync.removed) == (4, 0)


def test_events_link_to_their_agenda_pages() -> None:
    plan = make_plan(PLAN)
    sync = plan_sync(plan, agendas_of(plan), [], now=NOW, base_url="https://x.dk/hjul")
    links = [line for c in sync.changes for line in unfold(c.text or "")
             if line.startswith("URL")]
    assert links[:2] == ["URL;VALUE=URI:https://x.dk/hjul/agendas/rm/2025-01-14.html",
                         "URL;VALUE=URI:https://x.dk/hjul/agendas/sbu/2025-01-15.html"]
    assert len(links) == 5


def test_a_base_url_that_is_no_site_s_is_a_value_error() -> None:
    plan = make_plan(PLAN)
    with pytest.raises(ValueError, match="is not an address like"):
        plan_sync(plan, agendas_of(plan), [], now=NOW, base_url="https://x.dk/\r\nX-EVIL:1")
