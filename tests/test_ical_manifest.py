"""The feeds' manifest: the feeds a run wrote and each event's record, read
back as written; without one (an older aarshjul's feeds), the records come
from the feeds, read with icalendar."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from aarshjul import load_plan
from aarshjul.ical.event import Stamp
from aarshjul.ical.feeds import write_feeds
from aarshjul.ical.manifest import (
    MANIFEST,
    Manifest,
    manifest_text,
    previous_records,
    read_manifest,
)
from aarshjul.ical.stamps import Record

from .plans import EXAMPLE, agendas_of

NOW = dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC)
RECORDS = {
    "e865d0e0-5128-5724-b29c-f0758cf09a16": Record("d" * 20, "s" * 20, Stamp(NOW, 3)),
    'odd "uid" ø': Record("a" * 20, "b" * 20, Stamp(NOW + dt.timedelta(hours=5), 0)),
}


def test_the_manifest_reads_back_as_written(tmp_path: Path) -> None:
    text = manifest_text(["sbu.ics", "all.ics"], RECORDS)
    json.loads(text)
    assert len(text.splitlines()) == 2 + len(RECORDS)  # an event a line
    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    assert read_manifest(tmp_path) == Manifest(frozenset({"sbu.ics", "all.ics"}), RECORDS)


def test_an_older_aarshjul_s_list_of_names_has_no_records(tmp_path: Path) -> None:
    (tmp_path / MANIFEST).write_text("all.ics\nsbu.ics\n../x.ics\nnotes.txt\n",
                                     encoding="utf-8")
    assert read_manifest(tmp_path) == Manifest(frozenset({"all.ics", "sbu.ics"}))


@pytest.mark.parametrize("text", [
    "{", '{"aarshjul-feeds": 2, "feeds": [], "events": {}}', '{"feeds": []}',
    '{"aarshjul-feeds": 1, "feeds": [], "events": {"u": ["d", "s", "yesterday", 0]}}',
    '{"aarshjul-feeds": 1, "feeds": [], "events": {"u": ["d", "s"]}}', "[1, 2]"])
def test_a_manifest_that_is_cut_off_or_edited_counts_as_none(tmp_path: Path, text: str
                                                              ) -> None:
    (tmp_path / MANIFEST).write_text(text, encoding="utf-8")
    assert read_manifest(tmp_path) == Manifest()


def test_no_manifest_and_no_folder(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == Manifest()
    assert read_manifest(tmp_path / "missing") == Manifest()
    assert previous_records(tmp_path / "missing", Manifest()) == {}


def test_without_a_manifest_the_records_are_read_from_the_feeds(tmp_path: Path) -> None:
    plan = load_plan(EXAMPLE)
    write_feeds(plan, agendas_of(plan), tmp_path, now=NOW)
    kept = read_manifest(tmp_path)
    assert kept.records is not None
    assert len(kept.records) == 140  # 70 meetings, 70 agenda deadlines
    (tmp_path / MANIFEST).unlink()
    assert previous_records(tmp_path, Manifest()) == kept.records
    (tmp_path / "all.ics").unlink()  # then every feed in the folder is read
    assert previous_records(tmp_path, Manifest()) == kept.records
