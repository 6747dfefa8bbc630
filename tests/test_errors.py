"""Problems print where they are, and errors carry every problem behind them."""

from __future__ import annotations

import pytest

from aarshjul.errors import (
    AarshjulError,
    AgendaError,
    PlanError,
    Problem,
    PublishError,
    Severity,
    SourceError,
    has_errors,
)
from aarshjul.messages import verbatim

ERROR = Problem(Severity.ERROR, "overlap", verbatim("two meetings at once"), "plan.toml", 14,
                "series[2]")
WARNING = Problem(Severity.WARNING, "on-holiday", verbatim("on Langfredag"), "plan.toml", 20)
INFO = Problem(Severity.INFO, "slack", verbatim("5 minutes left"))


def test_a_problem_prints_as_a_compiler_s_message() -> None:
    assert ERROR.format() == "plan.toml:14: error[overlap]: two meetings at once"
    assert WARNING.format() == "plan.toml:20: warning[on-holiday]: on Langfredag"


def test_a_problem_prints_the_control_characters_it_quotes_by_their_number() -> None:
    """An unknown word of an escape sequence in a recurrence was quoted as
    it was, and coloured the terminal that printed the message."""
    problem = Problem(Severity.ERROR, "bad-phrase", verbatim('unknown word "\x1b[32m"\nforged'),
                      "a\x07.toml")
    assert problem.format() == 'a\\x07.toml: error[bad-phrase]: unknown word "\\x1b[32m"\\x0aforged'


def test_every_control_character_and_only_those_is_printed_by_its_number() -> None:
    # Unicode's control characters are U+0000 to U+001F and U+007F to U+009F.
    text = "".join(map(chr, range(0x1F, 0x22))) + "\x7e\x7f\x85\x9f\xa0ø\u2028"
    assert Problem(Severity.ERROR, "x", verbatim(text)).format() == (
        "<input>: error[x]: \\x1f !\x7e\\x7f\\x85\\x9f\xa0ø\u2028")


def test_a_mark_that_turns_the_text_s_direction_is_printed_by_its_number() -> None:
    """U+202E would show "txt.exe" as "exe.txt": a message quotes it by number."""
    said = verbatim('title "\u202etxt.exe" and \u2066x\u2069, \u200f')
    assert Problem(Severity.ERROR, "x", said).format() == (
        '<input>: error[x]: title "\\u202etxt.exe" and \\u2066x\\u2069, \\u200f')


def test_a_problem_without_a_line_or_a_file() -> None:
    assert Problem(Severity.ERROR, "x", verbatim("m"), "a.txt").format() == "a.txt: error[x]: m"
    assert INFO.format() == "<input>: info[slack]: 5 minutes left"
    assert Problem(Severity.ERROR, "x", verbatim("m"), line=3).format() == "<input>:3: error[x]: m"


def test_line_one_is_a_line() -> None:
    problem = Problem(Severity.ERROR, "x", verbatim("m"), "a.txt", 1)
    assert problem.format() == "a.txt:1: error[x]: m"


def test_only_errors_are_errors() -> None:
    assert [p.is_error for p in (ERROR, WARNING, INFO)] == [True, False, False]
    assert has_errors([WARNING, ERROR])
    assert not has_errors((WARNING, INFO))
    assert not has_errors([])


def test_an_error_carries_its_problems_and_says_them_all() -> None:
    error = PlanError([ERROR, WARNING])
    assert error.problems == (ERROR, WARNING)
    assert str(error) == ("plan.toml:14: error[overlap]: two meetings at once\n"
                          "plan.toml:20: warning[on-holiday]: on Langfredag")
    assert (error.file, error.line, error.key) == ("plan.toml", 14, "series[2]")


def test_an_error_needs_a_problem() -> None:
    with pytest.raises(ValueError, match="at least one problem"):
        AarshjulError([])


def test_a_single_problem_error_keeps_its_class() -> None:
    error = SourceError.single("missing-file", verbatim("no such file"), file="x.toml")
    assert type(error) is SourceError
    assert error.problems == (Problem(Severity.ERROR, "missing-file", verbatim("no such file"),
                                      "x.toml"),)
    assert str(error) == "x.toml: error[missing-file]: no such file"
    assert (error.line, error.key) == (None, None)
    located = AgendaError.single("bad", verbatim("broken"), file="a.docx", line=4, key="k")
    assert (located.file, located.line, located.key) == ("a.docx", 4, "k")


@pytest.mark.parametrize("kind", [SourceError, PlanError, PublishError, AgendaError])
def test_every_error_is_an_aarshjul_error(kind: type[AarshjulError]) -> None:
    with pytest.raises(AarshjulError):
        raise kind([ERROR])
