"""Cases onto meetings: where each case went, as the placings say (the
rules themselves are tested through assemble() in test_agenda_assembly.py)."""

from __future__ import annotations

import datetime as dt

from aarshjul import assemble, parse_plan, schedule

from .test_agenda_routes import PLAN

D = dt.date


def test_each_case_is_placed_once_for_each_month_it_names() -> None:
    plan = parse_plan(PLAN + '\n[[case]]\ntitle = "Status"\nbody = "sbu"\nmonth = [2, 4]\n'
                      "minutes = 20\n")
    found = assemble(plan, schedule(plan))
    assert [(placed.case.title, placed.route, [(s.body, s.meeting.date, s.item)
                                               for s in placed.steps])
            for placed in found.cases] == [("Status", None, [("sbu", D(2025, 2, 5), 1)]),
                                           ("Status", None, [("sbu", D(2025, 4, 2), 1)])]


def test_a_pinned_case_is_placed_before_one_that_looks_for_room() -> None:
    plan = parse_plan(PLAN + '\n[[case]]\ntitle = "Fri"\nbody = "sbu"\nmonth = 2\n'
                      'minutes = 100\n\n[[case]]\ntitle = "Fast"\nbody = "sbu"\n'
                      "date = 2025-02-05\nminutes = 30\n")
    found = assemble(plan, schedule(plan))
    # The pinned case takes its 30 minutes first; 100 more do not fit on 5 February.
    assert [(placed.case.title, placed.steps[0].meeting.date) for placed in found.cases] == [
        ("Fast", D(2025, 2, 5)), ("Fri", D(2025, 2, 12))]
