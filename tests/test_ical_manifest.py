"""The feeds' manifest: the feeds a run wrote and each event's record, read
back as written, and only beside the feeds it was written with; without
one, or with one that is not whole, the records come from the feeds, read
with icalendar, and no SEQUENCE goes below one a feed on disk has."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from aarshjul import load_plan, parse_plan
from aarshjul.ical.event import Stamp
from aarshjul.ical.feeds import write_feeds
from aarshjul.ical.manifest import (
    MANIFEST,
    Manifest,
    feed_digest,
    manifest_text,
    previous_records,
    read_manifest,
)
from aarshjul.ical.stamps import Record

from .plans import EXAMPLE, agendas_of, make_plan
from .publish_plans import PLAN, without_rm

NOW = dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC)
LATER = NOW + dt.timedelta(days=30)
RECORDS = {
    "e865d0e0-5128-5724-b29c-f0758cf09a16": Record("d" * 20, "s" * 20, Stamp(NOW, 3)),
    'odd "uid" ø': Record("a" * 20, "b" * 20, Stamp(NOW + dt.timedelta(hours=5), 0)),
}
FEEDS = {"sbu.ics": "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "all.ics": "ø\r\n"}


def _written(folder: Path, feeds: dict[str, str] = FEEDS) -> str:
    for name, text in feeds.items():
        (folder / name).write_text(text, encoding="utf-8", newline="")
    text = manifest_text(feeds, RECORDS)
    (folder / MANIFEST).write_text(text, encoding="utf-8")
    return text


def test_the_manifest_reads_back_as_written(tmp_path: Path) -> None:
    text = _written(tmp_path)
    json.loads(text)
    assert len(text.splitlines()) == 3 + len(FEEDS) + len(RECORDS)  # a feed, an event a line
    assert read_manifest(tmp_path) == Manifest(frozenset(FEEDS), RECORDS)


def test_a_feed_still_to_be_removed_is_listed_without_a_digest(tmp_path: Path) -> None:
    _written(tmp_path)
    text = manifest_text({**FEEDS, "old.ics": None}, RECORDS)
    assert '\n"old.ics":null,\n' in text
    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    assert read_manifest(tmp_path) == Manifest(frozenset({*FEEDS, "old.ics"}), RECORDS)


@pytest.mark.parametrize("change", ["edited", "gone", "written over"])
def test_beside_a_feed_that_is_not_as_written_the_records_are_none(tmp_path: Path,
                                                                  change: str) -> None:
    _written(tmp_path)
    if change == "edited":
        (tmp_path / "all.ics").write_text("ø \r\n", encoding="utf-8")
    elif change == "gone":
        (tmp_path / "sbu.ics").unlink()
    else:
        (tmp_path / "all.ics").write_text(FEEDS["sbu.ics"], encoding="utf-8")
    assert read_manifest(tmp_path) == Manifest(frozenset(FEEDS))


def test_an_older_aarshjul_s_list_of_names_has_no_records(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text("all.ics\nsbu.ics\n../x.ics\nnotes.txt\n",
                                     encoding="utf-8")
    assert read_manifest(tmp_path) == Manifest(frozenset({"all.ics", "sbu.ics"}))


def _signed(head: str) -> str:
    """A manifest as the writer ends one: with the digest of its lines."""
    return f'{head}\n"digest":"{feed_digest(head.encode("utf-8"))}"}}\n'


ENTRY = '"u":["dddddddddddddddddddd","ssssssssssssssssssss","20250101T120000Z",{}]'


@pytest.mark.parametrize("sequence", ["true", '"3"', "1.5", "-1", "null", "1e3"])
def test_a_sequence_that_is_no_whole_number_from_0_means_no_records(tmp_path: Path,
                                                                    sequence: str) -> None:
    """Even in a manifest that holds together (its digest made anew after
    the edit): a SEQUENCE of true or "3" would be written as it is."""
    _written(tmp_path)
    feeds = ",\n".join(f'"{n}":"{feed_digest(t.encode())}"' for n, t in sorted(FEEDS.items()))
    head = (f'{{"aarshjul-feeds":2,"feeds":{{\n{feeds}}},\n"events":{{\n'
            f'{ENTRY.format(sequence)}}},')
    (tmp_path / MANIFEST).write_text(_signed(head), encoding="utf-8")
    assert read_manifest(tmp_path) == Manifest(frozenset(FEEDS))
    (tmp_path / MANIFEST).write_text(_signed(head.replace(ENTRY.format(sequence),
                                                          ENTRY.format(3))), encoding="utf-8")
    assert read_manifest(tmp_path).records == {"u": Record("d" * 20, "s" * 20, Stamp(NOW, 3))}


@pytest.mark.parametrize("entry", [
    '"u":[1,"s","20250101T120000Z",0]', '"u":["d",null,"20250101T120000Z",0]',
    '"u":["d","s",20250101,0]', '"u":["d","s","yesterday",0]', '"u":["d","s"]',
    '"u":["d","s","20250101T120000Z",0,5]', '"u":{"d":"s"}', '"u":"d"'])
def test_any_entry_not_of_its_form_means_no_records(tmp_path: Path, entry: str) -> None:
    _written(tmp_path)
    feeds = ",\n".join(f'"{n}":"{feed_digest(t.encode())}"' for n, t in sorted(FEEDS.items()))
    head = f'{{"aarshjul-feeds":2,"feeds":{{\n{feeds}}},\n"events":{{\n{entry}}},'
    (tmp_path / MANIFEST).write_text(_signed(head), encoding="utf-8")
    assert read_manifest(tmp_path) == Manifest(frozenset(FEEDS))


@pytest.mark.parametrize("edit", [
    lambda text: text.replace('",3]', '",2]'),  # a SEQUENCE put back by hand
    lambda text: text.replace('"aarshjul-feeds":2', '"aarshjul-feeds":true'),
    lambda text: text.replace('"aarshjul-feeds":2', '"aarshjul-feeds":1'),
    lambda text: text.replace('"digest":"', '"digest":"0'),
    lambda text: json.dumps(json.loads(text), indent=1),  # the same, written otherwise
    lambda text: "[1, 2]", lambda text: "{}", lambda text: '{"feeds": 3}'])
def test_a_manifest_edited_by_hand_has_no_records(tmp_path: Path, edit) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / MANIFEST).write_text(edit(_written(tmp_path)), encoding="utf-8")
    assert read_manifest(tmp_path).records is None


@pytest.mark.parametrize("cut", [0.1, 0.3, 0.5, 0.9, -2])
def test_a_cut_off_manifest_keeps_the_feeds_it_lists_before_the_cut(tmp_path: Path,
                                                                   cut: float) -> None:
    text = _written(tmp_path, {f"{name}.ics": name for name in ("a", "b", "c", "d", "e")})
    (tmp_path / MANIFEST).write_text(text[:int(len(text) * cut)], encoding="utf-8")
    read = read_manifest(tmp_path)
    assert read.records is None
    lines = text[:int(len(text) * cut)].splitlines()
    whole = {line[1:6] for line in lines[:-1] if re.fullmatch(r'"[a-e]\.ics":.*', line)}
    assert whole <= read.feeds <= {"a.ics", "b.ics", "c.ics", "d.ics", "e.ics"}


def test_no_manifest_and_no_folder(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == Manifest()
    assert read_manifest(tmp_path / "missing") == Manifest()
    assert previous_records(tmp_path / "missing", Manifest()) == {}


def test_without_a_manifest_the_records_are_read_from_the_feeds(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLE)
    write_feeds(plan, agendas_of(plan), tmp_path, now=NOW)
    kept = read_manifest(tmp_path)
    assert kept.records is not None
    # 70 meetings, 70 agenda deadlines, 6 days cases must be ready
    assert len(kept.records) == 146
    (tmp_path / MANIFEST).unlink()
    assert previous_records(tmp_path, Manifest()) == kept.records
    (tmp_path / "all.ics").unlink()  # then every feed in the folder is read
    assert previous_records(tmp_path, Manifest()) == kept.records


MOVED = PLAN + '\n[[meeting]]\nbody = "rm"\ndate = 2025-01-14\nstart = "12:00"\nend = "13:00"\n'


def _sequences(folder: Path) -> dict[tuple[str, str], int]:
    """Every event's SEQUENCE in every feed of ``folder``, by feed and UID."""
    found = {}
    for path in sorted(folder.glob("*.ics")):
        events = path.read_text(encoding="utf-8").split("BEGIN:VEVENT")[1:]
        for event in events:
            uid = re.search(r"\nUID:(\S+)", event)
            sequence = re.search(r"\nSEQUENCE:(\S+)", event)
            assert uid
            assert sequence
            found[path.name, uid[1]] = int(sequence[1])
    return found


def _build(folder: Path, plan_text: str, now: dt.datetime) -> None:
    plan = make_plan(plan_text)
    write_feeds(plan, agendas_of(plan), folder, now=now)


def test_an_older_manifest_put_back_sends_no_sequence_back(tmp_path: Path) -> None:
    """The folder restored from a backup but for its feeds, say: the meeting
    moved and moved back must not go back to the SEQUENCE it had first."""
    _build(tmp_path, PLAN, NOW)
    first = (tmp_path / MANIFEST).read_text(encoding="utf-8")
    _build(tmp_path, MOVED, LATER)
    moved = _sequences(tmp_path)
    assert max(moved.values()) == 1
    (tmp_path / MANIFEST).write_text(first, encoding="utf-8")
    _build(tmp_path, PLAN, LATER + dt.timedelta(days=1))
    after = _sequences(tmp_path)
    assert all(after[key] >= sequence for key, sequence in moved.items())
    assert max(after.values()) == 2  # moved back: a change of time again


def test_feeds_edited_by_hand_keep_their_higher_sequence(tmp_path: Path) -> None:
    _build(tmp_path, PLAN, NOW)
    for name in ("rm.ics", "all.ics"):
        path = tmp_path / name
        path.write_text(path.read_text(encoding="utf-8").replace("SEQUENCE:0", "SEQUENCE:7", 1),
                        encoding="utf-8", newline="")
    edited = _sequences(tmp_path)
    _build(tmp_path, PLAN, LATER)
    assert _sequences(tmp_path) == edited


@pytest.mark.parametrize("sequence", ["true", '"3"', "1.5", "-1"])
def test_a_manifest_of_the_last_format_edited_by_hand_gives_whole_feeds(
        tmp_path: Path, sequence: str) -> None:
    """A manifest as aarshjul wrote it before this format, with a SEQUENCE
    edited: the feeds are read instead, and their SEQUENCE is a number."""
    _build(tmp_path, PLAN, NOW)
    data = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    events = ",\n".join(f'{json.dumps(uid)}:["{d}","{s}","{at}",{sequence}]'
                        for uid, (d, s, at, _) in data["events"].items())
    (tmp_path / MANIFEST).write_text(
        f'{{"aarshjul-feeds":1,"feeds":{json.dumps(sorted(data["feeds"]))},\n'
        f'"events":{{\n{events}}}}}\n', encoding="utf-8")
    _build(tmp_path, MOVED, LATER)
    assert set(_sequences(tmp_path).values()) == {0, 1}


@pytest.mark.parametrize("cut", [0.2, 0.5, 0.95])
def test_a_body_s_feed_goes_even_when_the_manifest_was_cut_off(tmp_path: Path,
                                                              cut: float) -> None:
    _build(tmp_path, PLAN, NOW)
    text = (tmp_path / MANIFEST).read_text(encoding="utf-8")
    (tmp_path / MANIFEST).write_text(text[:int(len(text) * cut)], encoding="utf-8")
    plan = parse_plan(without_rm(), source="without-rm.toml")
    done = write_feeds(plan, agendas_of(plan), tmp_path, now=LATER)
    assert done.removed == ("rm.ics",)
    assert not (tmp_path / "rm.ics").exists()
