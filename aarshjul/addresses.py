"""Web addresses as aarshjul may print them: never with a password in them.

A calendar's address (``publish --url``) or a site's (``--base-url``) may
come with a login, ``https://anne:secret@host/``, which aarshjul refuses;
the message that says so must not show the password, nor may any other
message that names the address. A password may hold any character, and
one with ``/``, ``?``, ``#`` or ``@`` in it makes urllib read the address
otherwise than its writer meant: ``http://anne:p/w@host/`` is, to urllib,
the server ``anne`` on port ``p``. So the login is found on the text, not
through urllib.

A site's address (:func:`check_base_url`) is checked here too, in a
module that imports nothing but ``re`` and the messages (which the errors
import anyway): the commands' shared options use it, and every command
imports them, a written agenda's check too, which must start fast.
"""

from __future__ import annotations

import re

from aarshjul.messages import Refusal, _

__all__ = ["check_base_url", "without_login"]

# The scheme with the slashes after it, or the slashes alone: where the
# server part (and a login) would begin. An address without either begins
# with its login, if it has one (``anne:secret@host``).
_START = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:/+|/+|")

# http(s), a server (a name or an [IPv6 address]) and a port that can be,
# and a path with nothing a feed's line could be broken by: the address goes
# into every event's URL.
_BASE_URL = re.compile(r"https?://(?:\[[0-9A-Fa-f:.]+\]|[^/\s?#@\\:\[\]]+)(?::\d{1,5})?"
                       r"(?:/[^\s?#\\]*)?")


def without_login(url: str) -> str:
    """``url`` without a ``user:password@`` it may hold, to print.

    Wherever a ``:`` comes before an ``@``, all up to the last ``@`` may be a
    login with a password, and is left out; where that reaches past the
    server part as urllib reads it (the password held a ``/``, ``?`` or
    ``#``), a ``…@`` says that something was. An address with no ``:``
    before its last ``@`` (a Nextcloud path with ``anne@example.dk`` in it,
    or a user with no password) has no password, and is given as it is.
    One with a port and an ``@`` later in its path is given as ``…@`` and
    what follows that ``@``: its port cannot be told from a password.

    >>> without_login("https://anne:hemmelig@cloud.example.dk/dav/")
    'https://cloud.example.dk/dav/'
    >>> without_login("http://anne:p/w?x#y@host:99999/cal/")
    'http://…@host:99999/cal/'
    >>> without_login("https://cloud.example.dk/dav/calendars/anne@example.dk/moeder/")
    'https://cloud.example.dk/dav/calendars/anne@example.dk/moeder/'
    """
    start = _START.match(url)
    begins = start.end() if start else 0
    at = url.rfind("@")
    if at < begins or ":" not in url[begins:at]:
        return url
    elided = "…@" if re.search("[/?#]", url[begins:at]) else ""
    return url[:begins] + elided + url[at + 1:]


def check_base_url(base_url: str | None) -> str | None:
    """``base_url``, if it is where a site can be: an ``https://`` (or
    ``http://``) address with a server, a port that can be, no login and no
    spaces, like ``https://example.dk/aarshjul``. Raises
    :class:`~aarshjul.messages.Refusal` (a ValueError), which never shows a
    password the address may hold, for one that is not:
    every event links to an agenda page below it, for anyone to read."""
    if base_url is None:
        return None
    # A login is refused as one wherever it may be (see without_login),
    # before anything else: the message must not show its password.
    if without_login(base_url) != base_url or "@" in base_url.partition("//")[2].split("/")[0]:
        raise Refusal(_("the base URL is where the site is published, for anyone to read: "
                        "it has no user or password in it"))
    if _BASE_URL.fullmatch(base_url) and base_url.isprintable():
        return base_url
    raise Refusal(_('"{url}" is not an address like https://example.dk/aarshjul',
                    url=base_url))
