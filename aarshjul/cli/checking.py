"""``aarshjul check FILE…``: plans and written agendas, one report a file."""

from __future__ import annotations

import json
import os

import click

from aarshjul.check import CHECKABLE, check_path, report_record, reports_as_text
from aarshjul.cli.common import PLAN_FILE
from aarshjul.errors import Severity
from aarshjul.messages import spoken
from aarshjul.vocabulary import Language


def _checkable(ctx: click.Context, param: click.Parameter, files: tuple[str, ...]
               ) -> tuple[str, ...]:
    for name in files:
        if os.path.splitext(name)[1].lower() not in CHECKABLE:  # noqa: PTH122 - str in, str out
            raise click.BadParameter(f"{name}: cannot check this kind of file "
                                     f"(give {', '.join(CHECKABLE)})", ctx, param)
    return files


@click.command()
@click.argument("files", nargs=-1, required=True, type=PLAN_FILE, callback=_checkable)
@click.option("--format", "output", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="One line a finding, or JSON for programs.")
@click.option("--level", type=click.Choice([s.value for s in Severity]), default=None,
              help="Show only findings of this severity and above, each on its own "
                   "line (info: every meeting's spare time too).  [default: all, a "
                   "series' spare time on one line]")
@click.option("--lang", type=click.Choice([language.value for language in Language]),
              default=None,
              help="The language of the messages.  [default: Danish if the plan (or a "
                   "written agenda's labels) or the locale (LANG) is; else English]")
def check(files: tuple[str, ...], output: str, level: str | None, lang: str | None) -> None:
    """Check plans (.toml) and written agendas (.txt, .md, .docx).

    Prints every problem with its file and line (for .docx: the paragraph):
    for a plan, mistakes in the file, its meetings and its agendas; for a
    written agenda, whether its times add up. Exit status 0 when no file has
    errors (warnings and information are allowed), 1 when one has.

    The messages are in Danish when the plan (or a written agenda's labels)
    is Danish, or the locale is Danish (LANG=da_DK.UTF-8), and in English
    otherwise; --lang chooses.
    """
    reports = [check_path(name) for name in files]
    least = None if level is None else Severity(level)
    # Each file's messages in the language asked for, or its own or the locale's.
    languages = [spoken(None if lang is None else Language(lang), report.language)
                 for report in reports]
    if output == "json":
        click.echo(json.dumps([report_record(r, least, language)
                               for r, language in zip(reports, languages, strict=True)],
                              ensure_ascii=False, indent=2))
    else:
        click.echo(reports_as_text(reports, least, languages))
    if not all(report.ok for report in reports):
        raise SystemExit(1)
