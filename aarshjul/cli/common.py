"""What the commands share: argument types, options, and the one handler that
turns an error a user can make into its located messages and exit status 1
(the group runs every command inside it: aarshjul/cli/__init__.py)."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import click

from aarshjul.addresses import check_base_url
from aarshjul.errors import AarshjulError, Problem, Severity
from aarshjul.messages import _, spoken, verbatim
from aarshjul.vocabulary import Language

PLAN_FILE = click.Path(exists=True, dir_okay=False, readable=True)
"""A file that exists (click says so with exit status 2 if not)."""

if TYPE_CHECKING:
    _DateType = click.ParamType[dt.date]
else:  # click made ParamType generic only in 8.4; older ones cannot subscript it
    _DateType = click.ParamType


class _Date(_DateType):
    """A day as YYYY-MM-DD, with a message that says what is wrong with it."""

    name = "date"

    def convert(self, value: Any, param: click.Parameter | None,
                ctx: click.Context | None) -> dt.date:
        if isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            self.fail(f'"{text}" is not a date written YYYY-MM-DD (like 2025-01-15)', param,
                      ctx)
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            self.fail(f"{text} is not a date that exists", param, ctx)


DATE = _Date()


def _base_url(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """An https:// (or http://) address with a server, and nothing a feed
    line could be broken by (it goes into every event's URL)."""
    try:
        return check_base_url(value)
    except ValueError as error:
        raise click.BadParameter(str(error), ctx, param) from None


base_url_option = click.option(
    "--base-url", metavar="URL", callback=_base_url,
    help="Where the site is (or will be) published, like https://example.dk/aarshjul: "
         "events link to their agenda pages, and the site shows the feeds' https:// and "
         "webcal:// addresses to subscribe to.")


def print_problems(problems: Iterable[Problem], plan: Language | None = None) -> None:
    """Each problem on a line of its own, in the language of ``plan`` (by
    default the plan the command read) or of the locale
    (:func:`~aarshjul.messages.spoken`)."""
    language = spoken(None, plan or _plan_language())
    for problem in problems:
        click.echo(problem.format(language), err=True)


_LANGUAGE = "aarshjul.plan-language"


def speak_as(plan: Language) -> None:
    """The command has read a plan in ``plan``'s language: the errors it
    meets from now on (a folder it cannot write, a server that refuses) are
    said in it too. Kept in click's ``meta``, which every context of the
    command line shares."""
    context = click.get_current_context(silent=True)
    if context is not None:
        context.meta[_LANGUAGE] = plan


def _plan_language() -> Language | None:
    context = click.get_current_context(silent=True)
    found = context.meta.get(_LANGUAGE) if context is not None else None
    return found if isinstance(found, Language) else None


@contextlib.contextmanager
def user_errors() -> Iterator[None]:
    """Inside: an AarshjulError becomes its located messages and exit status 1."""
    try:
        yield
    except AarshjulError as error:
        print_problems(error.problems, error.language)
        raise SystemExit(1) from None
    except BrokenPipeError:
        raise  # the reader went away: main() ends quietly
    except OSError as error:  # a folder that cannot be made or written to
        where = os.fsdecode(error.filename) if error.filename is not None else None
        reason = verbatim(error.strerror or str(error))
        print_problems((Problem(Severity.ERROR, "cannot-write",
                                _("could not write: {reason}", reason=reason), where),))
        raise SystemExit(1) from None
