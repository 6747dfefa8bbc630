"""Feed export speed: events per second, side by side in one run.

Three writers make the same events from the same meetings of a synthetic
plan (100 bodies meeting weekly for a year, each meeting with a five-item
agenda): aarshjul's export (every feed it writes), a plain script that builds
each event with icalendar's ``Event.add``, and ics.py. Each takes its turn,
``--rounds`` times, and the median rate of each is printed.

    python3 bench/feeds.py [--bodies 100] [--rounds 5]

Target (issue 4): at least twice the icalendar script, and at least ics.py.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import time
import zoneinfo
from collections.abc import Callable

import icalendar
import ics

from aarshjul import Agendas, Meeting, Plan, Stamper, assemble, build_feeds, parse_plan, schedule

WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag")
NOW = dt.datetime(2025, 1, 1, 12, tzinfo=dt.UTC)


def synthetic_plan(bodies: int) -> str:
    parts = ['[plan]\ntitle = "Syntetisk årshjul"\nid = "syntetisk"\nstart = 2025-01-01\n'
             'end = 2025-12-31\n\n[[template]]\nid = "t"\n']
    for number, (title, minutes) in enumerate([("Godkendelse af dagsorden", 5),
                                               ("Referat fra mødet den {previous}", 5),
                                               ("Sager til drøftelse", 40),
                                               ("Orientering fra forvaltningen", 10),
                                               ("Eventuelt", 5)]):
        parts.append(f'[[template.item]]\ntitle = "{title}"\nminutes = {minutes}\n'
                     f'responsible = "Forvaltningen"\nat = "{"start" if number < 2 else "end"}"\n')
    for body in range(bodies):
        parts.append(f'[[body]]\nid = "b{body}"\nname = "Udvalg nr. {body}"\nkind = "udvalg"\n'
                     f'location = "Rådhuset, lokale {100 + body}"\nagenda_deadline = 5\n\n'
                     f'[[series]]\nbody = "b{body}"\nevery = "hver {WEEKDAYS[body % 5]}"\n'
                     f'start = "{8 + body % 9:02d}:00"\nminutes = 90\ntemplate = "t"\n')
    return "\n".join(parts)


def description(result: Agendas, meeting: Meeting) -> str:
    agenda = result.agenda(meeting)
    return "\n".join(f"{i.number}. {i.title}" for i in agenda.items)


def aarshjul_export(plan: Plan, result: Agendas) -> int:
    feeds = build_feeds(plan, result, stamper=Stamper(NOW))
    return sum(text.count("BEGIN:VEVENT") for text in feeds.values())


def icalendar_script(plan: Plan, result: Agendas) -> int:
    zone = zoneinfo.ZoneInfo(plan.timezone)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//bench//bench//DA")
    calendar.add("version", "2.0")
    for meeting in result.meetings:
        event = icalendar.Event()
        event.add("uid", meeting.uid)
        event.add("dtstamp", NOW)
        event.add("dtstart", dt.datetime.combine(meeting.date, meeting.start.to_time(), zone))
        event.add("dtend", dt.datetime.combine(meeting.date, meeting.end.to_time(), zone))
        event.add("summary", meeting.title)
        event.add("location", meeting.location)
        event.add("description", description(result, meeting))
        event.add("categories", ["udvalg"])
        event.add("status", "CONFIRMED")
        event.add("sequence", 0)
        calendar.add_component(event)
    calendar.to_ical()
    return len(result.meetings)


def ics_py(plan: Plan, result: Agendas) -> int:
    zone = zoneinfo.ZoneInfo(plan.timezone)
    calendar = ics.Calendar()
    for meeting in result.meetings:
        calendar.events.add(ics.Event(
            name=meeting.title, uid=meeting.uid, location=meeting.location,
            begin=dt.datetime.combine(meeting.date, meeting.start.to_time(), zone),
            end=dt.datetime.combine(meeting.date, meeting.end.to_time(), zone),
            description=description(result, meeting), status="CONFIRMED",
            categories={"udvalg"}, created=NOW))
    calendar.serialize()
    return len(result.meetings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    plan = parse_plan(synthetic_plan(options.bodies), source="synthetic.toml")
    result = assemble(plan, schedule(plan))
    writers: dict[str, Callable[[Plan, Agendas], int]] = {
        "aarshjul (all its feeds)": aarshjul_export,
        "icalendar Event.add script": icalendar_script,
        "ics.py": ics_py,
    }
    rates: dict[str, list[float]] = {name: [] for name in writers}
    for _ in range(options.rounds):
        for name, write in writers.items():
            began = time.perf_counter()
            events = write(plan, result)
            rates[name].append(events / (time.perf_counter() - began))
    print(f"{len(result.meetings)} meetings of {options.bodies} bodies; "
          f"median of {options.rounds} rounds")
    base = statistics.median(rates["icalendar Event.add script"])
    for name, values in rates.items():
        rate = statistics.median(values)
        print(f"{name:30} {rate:10.0f} events/s  {rate / base:5.2f} × icalendar")


if __name__ == "__main__":
    main()
