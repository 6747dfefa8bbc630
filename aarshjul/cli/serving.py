"""``aarshjul serve DIR``: a built site previewed on this machine.

A module of its own so that ``build``, which writes the site, does not load
the HTTP server that only the preview needs.
"""

from __future__ import annotations

import click

from aarshjul.site.serve import make_server, run


@click.command()
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port on 127.0.0.1 (0: any free port).")
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
