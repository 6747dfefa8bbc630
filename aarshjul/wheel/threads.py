"""A case's route on the wheel (SPEC §12): its steps as one thread, a thin
dashed line from the mark of each step's meeting to the next one's, with a
tooltip that names the case and every step.

Only cases on a route of more than one step have a thread (a case on one
meeting is its mark). A wheel shows twelve months: a route whose steps run
over the wheel's turn is drawn on each wheel through its steps there, and
its tooltip names them all; where only one step is on a wheel there is
nothing to join. The line runs through the marks' own points, so it meets them
wherever the marks are drawn.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from aarshjul.agenda.assembly import Agendas
from aarshjul.agenda.steps import routed, shown_title
from aarshjul.dates import long_date
from aarshjul.model import Plan
from aarshjul.vocabulary import Words
from aarshjul.wheel.geometry import number
from aarshjul.wheel.parts import Ring


@attrs.frozen
class Thread:
    points: tuple[tuple[float, float], ...]  # its steps' marks on this wheel, in order
    title: str  # the case, and the day and body of each step

    @property
    def path(self) -> str:
        return "M" + "L".join(f"{number(x)} {number(y)}" for x, y in self.points)


def threads(plan: Plan, agendas: Agendas, rings: Sequence[Ring], words: Words
            ) -> list[Thread]:
    """A thread for each placing of a case on a route that has two steps or
    more on this wheel (whose marks are ``rings``'), in the plan's order."""
    at = {mark.uid: (float(mark.x), float(mark.y)) for ring in rings for mark in ring.marks}
    names = {body.id: body.name for body in plan.bodies}
    drawn = []
    for placed in routed(agendas.cases):
        points = [at[step.meeting.uid] for step in placed.steps if step.meeting.uid in at]
        if len(points) < 2:
            continue
        case = shown_title(placed, agendas.by_uid)
        steps = " → ".join(f"{names[step.body]} {long_date(step.meeting.date, plan.language)}"
                           for step in placed.steps)
        drawn.append(Thread(tuple(points), f"{words.case_route}: {case} · {steps}"))
    return drawn
