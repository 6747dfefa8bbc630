"""HTML and SVG from templates (jinja2), every value escaped.

Everything a template shows comes from a plan that people type: titles,
places, names. So autoescaping is on for every template, whatever its
suffix, and a value is markup only where the code says so (``Markup``).
"""

from __future__ import annotations

import functools
from typing import Any

import jinja2
import markupsafe


@functools.cache
def _environment() -> Any:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("aarshjul", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,  # the package's templates do not change while it runs
    )


def render(name: str, **context: Any) -> str:
    """Render ``aarshjul/templates/<name>``: its macro ``document``, called
    with ``context`` (each template names what it shows as the macro's
    parameters)."""
    return str(_document(name)(**context))


@functools.cache
def _document(name: str) -> Any:
    # A macro, not the template itself: Jinja makes a template's text with a
    # generator that yields each piece, a macro's in a list. On a site's
    # thousands of agenda pages, the macro took half the time (about 44
    # against 77 µs a page, in one run).
    return _environment().get_template(name).module.document


def markup(html: str) -> Any:
    """Text that is already safe HTML or SVG (made by another template)."""
    return markupsafe.Markup(html)
