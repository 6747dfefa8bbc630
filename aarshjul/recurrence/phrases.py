"""Words -> Rule: read how a series recurs, as a planner would say it.

A plan's ``[[series]]`` may say ``every = "hver anden onsdag"`` instead of an
RFC 5545 rule. This module only translates such a phrase, Danish or English,
into a :class:`~aarshjul.recurrence.rule.Rule` (``FREQ=WEEKLY;INTERVAL=2;
BYDAY=WE``). Expanding a rule into dates, and moving those dates around
holidays, lives elsewhere; nothing here knows a date.

Reading takes three steps, a module each: ``phrase_words`` (tables, spelling,
tokens), ``phrase_grammar`` (tokens -> slots) and ``phrase_rule`` (slots ->
Rule, checked together).
"""

from __future__ import annotations

from aarshjul.messages import Message, Refusal, _
from aarshjul.recurrence.phrase_grammar import read_slots
from aarshjul.recurrence.phrase_rule import slots_to_rule
from aarshjul.recurrence.phrase_words import TwoWays, Unreadable
from aarshjul.recurrence.rule import Rule

__all__ = ["KNOWN_FORMS", "PhraseError", "phrase_to_rule"]

KNOWN_FORMS: tuple[str, ...] = (
    "hver onsdag  /  every wednesday",
    "hver tirsdag og torsdag  /  every tuesday and thursday",
    "hver anden onsdag  /  every other wednesday",
    "hver 3. onsdag  /  every 3 weeks on wednesday",
    "hver 14. dag  /  fortnightly",
    "første mandag i måneden  /  first monday of the month",
    "3. uge om mandagen  /  third monday of the month",
    "2. og 4. onsdag i måneden  /  second and fourth wednesday of the month",
    "sidste fredag i måneden  /  last friday of the month",
    "næstsidste fredag i måneden  /  second to last friday of the month",
    "sidste hverdag i måneden  /  last weekday of the month",
    "den 15. i måneden  /  the 15th of the month",
    "onsdag i lige uger  /  wednesday in even weeks",
    "hverdage  /  weekdays",
    "hver måned  /  every month",
    "hver onsdag undtagen i juli og december  /  every wednesday except july and december",
)
"""What a planner can write, one idea a line, Danish and English.

Shown when a phrase cannot be read. Each side of a `` / `` is a phrase that
works, and can be read only one way; the tests read every line to keep it so.
"""


class PhraseError(Refusal):
    """An unknown phrase; str(error) is a message a planner can act on, which
    names the phrase and lists KNOWN_FORMS (``said`` is it in any language).

    ``phrase`` is the phrase as written and ``reason`` the part that was not
    understood, without the list of forms (for callers that show it elsewhere),
    in English (``because`` is it in any language).

    A phrase that can be read two ways (``two_ways``) is understood, twice:
    its message gives the two ways to write it, and no list.
    """

    def __init__(self, phrase: str, because: Message, *, two_ways: bool = False) -> None:
        self.phrase = phrase
        self.because = because
        self.reason = str(because)
        self.two_ways = two_ways
        if two_ways:
            super().__init__(_('cannot read "{phrase}" as one recurrence: {reason}',
                               phrase=phrase, reason=because))
            return
        # One line: a finding is one line of `aarshjul check` output.
        forms = "; ".join(form.replace("  /  ", " / ") for form in KNOWN_FORMS)
        super().__init__(_('cannot read "{phrase}" as a recurrence: {reason}. Known forms: '
                           "{forms}", phrase=phrase, reason=because, forms=forms))


def phrase_to_rule(phrase: str) -> Rule:
    """'hver anden onsdag' -> the Rule FREQ=WEEKLY;INTERVAL=2;BYDAY=WE. Pure, no I/O.

    >>> str(phrase_to_rule("hver anden onsdag"))
    'FREQ=WEEKLY;INTERVAL=2;BYDAY=WE'

    Raises PhraseError (and nothing else) for a phrase it cannot read, or
    can read two ways ("hver 4. uge om mandagen").
    """
    try:
        return slots_to_rule(read_slots(phrase))
    except TwoWays as problem:
        raise PhraseError(phrase, problem.said, two_ways=True) from None
    except Unreadable as problem:
        raise PhraseError(phrase, problem.said) from None
