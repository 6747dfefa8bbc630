"""``aarshjul build PLAN -o DIR`` and ``aarshjul serve DIR``: the static site."""

from __future__ import annotations

import click

from aarshjul.cli.common import PLAN_FILE, base_url_option, user_errors
from aarshjul.cli.planned import exit_for, planned
from aarshjul.plan.reader import load_plan
from aarshjul.site.build import build_site
from aarshjul.site.serve import make_server, run


@click.command()
@click.argument("plan", type=PLAN_FILE)
@click.option("-o", "--output", "folder", required=True, type=click.Path(file_okay=False),
              help="The folder of the site (made if missing).")
@base_url_option
@user_errors
def build(plan: str, folder: str, base_url: str | None) -> None:
    """Build the static site: the wheel, coming meetings, agenda pages, feeds.

    The site works from any static host and from file://. An interrupted
    build leaves the old site whole; a build that changes nothing writes
    nothing. Set SOURCE_DATE_EPOCH for a reproducible build. A plan with
    errors builds nothing.
    """
    loaded = load_plan(plan)
    agendas = planned(loaded)
    exit_for(agendas)
    done = build_site(loaded, agendas, folder, base_url=base_url)
    if done.changed:
        files = "file" if len(done.written) == 1 else "files"
        click.echo(f"built {folder}: {len(done.written)} {files} written, "
                   f"{len(done.removed)} removed, {done.unchanged} unchanged")
    else:
        click.echo(f"{folder} is up to date ({done.unchanged} files unchanged)")


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port on 127.0.0.1 (0: any free port).")
@user_errors
def serve(folder: str, port: int) -> None:
    """Preview a built site on http://127.0.0.1:PORT/ until Ctrl-C.

    Feeds are served as text/calendar; charset=utf-8, with ETag and
    Last-Modified, so calendar programs on this machine can subscribe to
    the preview too. Nothing outside FOLDER is ever served.
    """
    try:
        server = make_server(folder, port=port)
    except OSError as error:  # only binding the port: errors while serving are others
        raise click.UsageError(f"cannot serve on port {port}: {error.strerror or error}"
                               ) from None
    run(server, folder)
