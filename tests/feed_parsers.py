"""The calendar parsers that read our feeds, as clients would: each returns
the events as (uid, start instant, end instant, summary, status), so that
their answers can be compared.

Instants are UTC datetimes; all-day events give dates.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import datetime as dt
import functools
import json
import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import icalendar
import ics
import recurring_ical_events
import vobject
from ical.calendar_stream import IcsCalendarStream

# ics.py parses each line with tatsu, which calls colorama.init() on every
# parse; each call wraps sys.stdout and sys.stderr once more. After a few
# hundred lines the wrappers' nesting passes the recursion limit, a feed of
# 50 events crashes the interpreter ("lost sys.stderr"), and every write walks
# the whole nest (70 events took 30 s). The colours are of no use here.
try:
    import colorama
except ImportError:  # tatsu then colours nothing, and wraps nothing
    pass
else:
    colorama.init = lambda *args, **kwargs: None

Event = tuple[str, object, object, str, str]


def unfold(data: str) -> list[str]:
    """Content lines of an iCalendar text, unfolded, without empty lines: how
    a test reads the lines aarshjul wrote."""
    joined = data.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "")
    return [line for line in joined.split("\n") if line]


def _instant(value: Any) -> object:
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None, f"a floating time: {value}"
        return value.astimezone(dt.UTC)
    return value


def with_icalendar(text: str) -> set[Event]:
    calendar = icalendar.Calendar.from_ical(text)
    return {(str(e["UID"]), _instant(e.decoded("DTSTART")), _instant(e.decoded("DTEND")),
             str(e["SUMMARY"]), str(e.get("STATUS", "")).upper())
            for e in calendar.walk("VEVENT")}


def with_recurring_ical_events(text: str) -> set[Event]:
    calendar = icalendar.Calendar.from_ical(text)
    events = recurring_ical_events.of(calendar).between((1900, 1, 1), (2200, 1, 1))
    return {(str(e["UID"]), _instant(e["DTSTART"].dt), _instant(e["DTEND"].dt),
             str(e["SUMMARY"]), str(e.get("STATUS", "")).upper()) for e in events}


def with_ical(text: str) -> set[Event]:
    calendar = IcsCalendarStream.calendar_from_ics(text)
    return {(e.uid or "", _instant(e.dtstart), _instant(e.dtend), e.summary or "",
             e.status.value if e.status else "") for e in calendar.events}


def with_vobject(text: str) -> set[Event]:
    calendar = vobject.readOne(text)
    events = getattr(calendar, "vevent_list", [])
    return {(e.uid.value, _instant(e.dtstart.value), _instant(e.dtend.value), e.summary.value,
             e.status.value.upper() if hasattr(e, "status") else "") for e in events}


def with_ics(text: str) -> set[Event]:
    calendar = ics.Calendar(text)
    return {(e.uid, _instant(e.begin.datetime) if not e.all_day else e.begin.date(),
             _instant(e.end.datetime) if not e.all_day else e.end.date(), e.name,
             (e.status or "").upper()) for e in calendar.events}


ICALJS = Path(__file__).resolve().parent / "icaljs"


def _icaljs_installed() -> None:
    """ical.js, from the npm registry, beside its script (the README's test
    command installs it: npm install --prefix tests/icaljs)."""
    assert (ICALJS / "node_modules" / "ical.js" / "package.json").exists(), (
        "ical.js (Thunderbird's parser) is needed to read the feeds as Thunderbird does: "
        "npm install --prefix tests/icaljs (the README's test command does)")


def with_icaljs(text: str) -> set[Event]:
    """Thunderbird's parser, ical.js, run with node."""
    node = shutil.which("node")
    assert node, "node is needed to run ical.js (Thunderbird's parser) in the tests"
    _icaljs_installed()
    with tempfile.NamedTemporaryFile("w", suffix=".ics", encoding="utf-8", newline="",
                                     delete=False) as out:
        out.write(text)
    try:
        result = subprocess.run([node, str(ICALJS / "read.mjs"), out.name], check=True,
                                capture_output=True, text=True, timeout=120)
    finally:
        Path(out.name).unlink()

    def moment(value: str) -> object:
        if "T" not in value:
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC)

    return {(e["uid"], moment(e["start"]), moment(e["end"]), e["summary"], e["status"].upper())
            for e in json.loads(result.stdout)}


class _Time(ctypes.Structure):
    """libical 3's ``struct icaltimetype``."""

    _fields_ = (("year", ctypes.c_int), ("month", ctypes.c_int), ("day", ctypes.c_int),
                ("hour", ctypes.c_int), ("minute", ctypes.c_int), ("second", ctypes.c_int),
                ("is_date", ctypes.c_int), ("is_daylight", ctypes.c_int),
                ("zone", ctypes.c_void_p))


_VEVENT = 4  # ICAL_VEVENT_COMPONENT


@functools.cache
def _libical() -> ctypes.CDLL:
    """Evolution's parser, libical (Debian's libical3, which the README's
    test command installs), through ctypes."""
    name = ctypes.util.find_library("ical") or "libical.so.3"
    try:
        lib = ctypes.CDLL(name)
    except OSError as error:
        raise AssertionError("libical is needed to read the feeds as Evolution does: "
                             "apt-get install libical3 (the README's test command does)"
                             ) from error
    pointer, text = ctypes.c_void_p, ctypes.c_char_p
    for function, result, arguments in (
            ("icalparser_parse_string", pointer, [text]),
            ("icalcomponent_get_first_component", pointer, [pointer, ctypes.c_int]),
            ("icalcomponent_get_next_component", pointer, [pointer, ctypes.c_int]),
            ("icalcomponent_get_dtstart", _Time, [pointer]),
            ("icalcomponent_get_dtend", _Time, [pointer]),
            ("icaltime_as_timet_with_zone", ctypes.c_longlong, [_Time, pointer]),
            ("icalcomponent_get_uid", text, [pointer]),
            ("icalcomponent_get_summary", text, [pointer]),
            ("icalcomponent_get_status", ctypes.c_int, [pointer]),
            ("icalproperty_status_to_string", text, [ctypes.c_int]),
            ("icalcomponent_free", None, [pointer])):
        getattr(lib, function).restype = result
        getattr(lib, function).argtypes = arguments
    return lib


def with_libical(text: str) -> set[Event]:
    lib = _libical()
    calendar = lib.icalparser_parse_string(text.encode("utf-8"))
    assert calendar, "libical could not parse the feed"

    def moment(value: _Time) -> object:
        if value.is_date:
            return dt.date(value.year, value.month, value.day)
        seconds = lib.icaltime_as_timet_with_zone(value, value.zone)
        return dt.datetime.fromtimestamp(seconds, dt.UTC)

    found = set()
    try:
        event = lib.icalcomponent_get_first_component(calendar, _VEVENT)
        while event:
            status = lib.icalproperty_status_to_string(lib.icalcomponent_get_status(event))
            found.add((lib.icalcomponent_get_uid(event).decode(),
                       moment(lib.icalcomponent_get_dtstart(event)),
                       moment(lib.icalcomponent_get_dtend(event)),
                       lib.icalcomponent_get_summary(event).decode(),
                       (status or b"").decode().upper()))
            event = lib.icalcomponent_get_next_component(calendar, _VEVENT)
    finally:
        lib.icalcomponent_free(calendar)
    return found


PARSERS: dict[str, Callable[[str], set[Event]]] = {
    "icalendar": with_icalendar,
    "recurring-ical-events": with_recurring_ical_events,
    "ical": with_ical,
    "vobject": with_vobject,
    "ics": with_ics,
    "ical.js": with_icaljs,
    "libical": with_libical,
}
