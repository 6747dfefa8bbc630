"""How a change names a meeting: its body (and own title), its day or days,
its hours; and a change as the JSON SPEC §14 gives."""

from __future__ import annotations

import datetime as dt

from aarshjul import parse_plan
from aarshjul.diff.wording import Change, Version, hours, when
from aarshjul.messages import verbatim
from aarshjul.model import Meeting
from aarshjul.vocabulary import Language

from .plans import EXAMPLE, agendas_of

PLAN = parse_plan(EXAMPLE.read_text(encoding="utf-8"), source="plan.toml")
VERSION = Version.of(PLAN, agendas_of(PLAN))


def meeting(**changed: object) -> Meeting:
    first = next(m for m in VERSION.agendas.meetings if m.body == "sbu")
    return first.__class__(**{**{f: getattr(first, f) for f in (
        "uid", "body", "title", "date", "start", "end", "status", "location", "to",
        "all_day")}, **changed})


def test_a_meeting_is_named_by_its_body_and_its_own_title() -> None:
    assert VERSION.who(meeting()) == "Social- og Beskæftigelsesudvalget"
    assert VERSION.who(meeting(title="Temamøde")) == (
        "Social- og Beskæftigelsesudvalget (Temamøde)")
    assert VERSION.who(meeting(body="gone", title="gone")) == "gone"  # a body no more


def test_its_day_or_days_and_its_hours() -> None:
    one = meeting(date=dt.date(2025, 1, 15))
    assert when(one, Language.DA) == "onsdag den 15. januar 2025, 18.15 – 19.45"
    assert hours(one, Language.EN) == "18.15 – 19.45"
    seminar = meeting(date=dt.date(2025, 8, 28), to=dt.date(2025, 8, 29), all_day=True)
    assert when(seminar, Language.DA) == "28.–29. august 2025, hele dagen"
    assert VERSION.day(seminar, Language.EN) == "28–29 August 2025"


def test_the_cases_items_are_known_by_meeting() -> None:
    placed = VERSION.agendas.cases[0]
    step = placed.steps[0]
    assert step.item in VERSION.case_items[step.meeting.uid]


def test_a_change_as_json() -> None:
    change = Change("moved", "sbu", "u", dt.date(2025, 10, 22), verbatim("Møde flyttet"),
                    new_date=dt.date(2025, 10, 23), before="a", after="b")
    assert change.as_json(Language.DA) == {
        "kind": "moved", "body": "sbu", "uid": "u", "date": "2025-10-22",
        "new_date": "2025-10-23", "before": "a", "after": "b", "text": "Møde flyttet"}
