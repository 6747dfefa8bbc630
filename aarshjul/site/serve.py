"""Previewing a built site: ``aarshjul serve DIR`` (SPEC §5, §7).

The last stop of the flow, after ``build`` has written ``index.html``,
``agendas/…``, ``feeds/*.ics`` and ``plan.json``: a small HTTP server on the
loopback interface, so a planner can open the wheel and subscribe a calendar
to the feeds before publishing. It answers the way a static host should, so
the preview shows what subscribers will get: ``.ics`` as
``text/calendar; charset=utf-8``, a strong ``ETag`` and ``Last-Modified``
with 304 answers to conditional requests (a rebuild that changes nothing
keeps both), and never a file outside the folder.

The standard library's :mod:`http.server` does the HTTP; this module
replaces its mapping from request path to file, which normalises ``..``
away but follows symlinks out of the folder, lists directories, has no
``ETag`` and answers a ``NUL`` in the path with a traceback.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import email.utils
import functools
import http.server
import os
import pathlib
import socket
import socketserver
import stat
import sys
import urllib.parse
from http import HTTPStatus
from typing import BinaryIO

from aarshjul.errors import SourceError
from aarshjul.messages import _
from aarshjul.vocabulary import COMMAND_LINE as SAID

__all__ = ["serve"]

# Explicit, so a preview answers the same on every machine: mimetypes reads
# /etc/mime.types and the Windows registry, which disagree (.ics missing,
# .js as application/x-javascript, no charset anywhere). Text types carry
# charset=utf-8 because the site writes UTF-8 and Danish text must survive.
_CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
}

_FORBIDDEN = "path not allowed"


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """GET and HEAD for the files of one folder (``directory``, a real path)."""

    extensions_map = _CONTENT_TYPES

    def handle(self) -> None:
        try:
            super().handle()
        except ConnectionError:
            # The client went away (a closed tab, a cancelled feed poll):
            # nothing to answer, nothing wrong here, and no traceback to print.
            self.close_connection = True

    def send_head(self) -> BinaryIO | None:
        found = self._find()
        if found is None:
            return None
        real, name = found
        try:
            file = real.open("rb")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        try:
            status = os.fstat(file.fileno())
            # Checked on the open file, not the name, in case the name was
            # replaced after _find looked at it.
            if not stat.S_ISREG(status.st_mode):
                file.close()
                self.send_error(HTTPStatus.NOT_FOUND, "File not found")
                return None
            etag = f'"{status.st_size:x}-{status.st_mtime_ns:x}"'
            if self._not_modified(etag, status.st_mtime_ns):
                file.close()
                self.send_response(HTTPStatus.NOT_MODIFIED)
                self._send_validators(etag, status.st_mtime)
                self.end_headers()
                return None
            self.send_response(HTTPStatus.OK)
            # By the name asked for, as a static host does, not a symlink's target.
            self.send_header("Content-Type", self.guess_type(name))
            self.send_header("Content-Length", str(status.st_size))
            self._send_validators(etag, status.st_mtime)
            self.end_headers()
        except BaseException:
            file.close()
            raise
        return file

    def list_directory(self, path: str | os.PathLike[str]) -> None:
        # send_head never asks for a listing; should anything else, a
        # preview still shows no more than the published site would.
        self.send_error(HTTPStatus.NOT_FOUND, "File not found")

    def _send_validators(self, etag: str, mtime: float) -> None:
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", self.date_time_string(mtime))
        # Stored but revalidated every time: a preview must show the latest
        # build, and the 304 keeps that cheap.
        self.send_header("Cache-Control", "no-cache")

    def _not_modified(self, etag: str, mtime_ns: int) -> bool:
        """Whether the client's copy is current (RFC 9110 §13.1.2, §13.1.3)."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            # It takes precedence over If-Modified-Since, which it makes
            # the client ignore; weak comparison, as GET asks.
            tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
            return "*" in tags or etag in tags
        if_modified_since = self.headers.get("If-Modified-Since")
        if if_modified_since is None:
            return False
        try:
            since = email.utils.parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError, IndexError, OverflowError):
            return False  # not an HTTP date: ignored, as RFC 9110 asks
        if since.tzinfo is None:  # "-0000" or an obsolete form: HTTP dates are GMT
            since = since.replace(tzinfo=dt.UTC)
        # HTTP dates have whole seconds; compare the mtime truncated likewise.
        return mtime_ns // 1_000_000_000 <= since.timestamp()

    def _find(self) -> tuple[pathlib.Path, str] | None:
        """The real path of the file the request names, and the name to take
        its type from; or None once another answer has been sent (403 for a
        path that tries to leave the folder, 404 for no such file, 301 to add
        the slash to a folder's name)."""
        target = self.path
        # Only origin-form ("/feeds/all.ics"): anything else does not name a
        # file of this site.
        if not target.startswith("/"):
            self.send_error(HTTPStatus.FORBIDDEN, _FORBIDDEN)
            return None
        raw_path, _, query = target.partition("#")[0].partition("?")
        try:
            path = urllib.parse.unquote(raw_path, errors="strict")
        except UnicodeDecodeError:
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        # Decoded once, as a static host does: "%252e" stays the file name
        # "%2e" and is simply not found. An encoded "/" is a separator after
        # decoding, so "..%2f" is caught as "..".
        names = [name for name in path.split("/") if name not in ("", ".")]
        if not all(_plain_name(name) for name in names):
            self.send_error(HTTPStatus.FORBIDDEN, _FORBIDDEN)
            return None
        root = pathlib.Path(self.directory)
        real = self._inside(root.joinpath(*names))
        if real is None:
            return None
        name = names[-1] if names else ""
        if real.is_dir():
            if not raw_path.endswith("/"):
                # Relative links in an index.html need the slash; the
                # location is rebuilt from checked names, never echoed.
                location = "/" + "".join(urllib.parse.quote(part) + "/" for part in names)
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", location + (f"?{query}" if query else ""))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            # index.html may itself be a symlink: check it again.
            name = "index.html"
            real = self._inside(real / name)
            if real is None:
                return None
        if not real.is_file():
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        return real, name

    def _inside(self, path: pathlib.Path) -> pathlib.Path | None:
        """``path`` with every symlink resolved, if that is inside the folder;
        else None, with 403 (outside) or 404 (a name the OS refuses) sent."""
        # os.path.realpath, not Path.resolve: that raises on a symlink loop,
        # which should just be a file that is not found.
        try:
            real = pathlib.Path(os.path.realpath(path))
        except (OSError, ValueError):  # a name the OS refuses (NUL, too long)
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None
        if not real.is_relative_to(self.directory):
            self.send_error(HTTPStatus.FORBIDDEN, _FORBIDDEN)
            return None
        return real


def _plain_name(name: str) -> bool:
    """Whether one path segment names an entry of its folder and nothing more:
    not "..", no separator of any platform, no drive, no NUL."""
    return not (
        name == ".."
        or "\\" in name
        or "\0" in name
        or os.sep in name
        or (os.altsep is not None and os.altsep in name)
        or pathlib.PurePath(name).drive  # "C:" on Windows would leave the folder
    )


class _PreviewServer(http.server.ThreadingHTTPServer):
    def __init__(self, address: tuple[str, int],
                 handler: functools.partial[_SiteHandler]) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, handler)

    def server_bind(self) -> None:
        # HTTPServer looks up the host's fully qualified name here, which
        # can hang for seconds without DNS; only CGI scripts ever read it.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)


def make_server(folder: str | os.PathLike[str], *, port: int = 8000,
                host: str = "127.0.0.1") -> http.server.ThreadingHTTPServer:
    """A server for `folder` on host:port (port 0 = any free port); not yet serving.

    The default host is the loopback interface: this is a preview, not a
    public server. Raises :class:`SourceError` when `folder` is not a folder,
    and :class:`OSError` when the port cannot be bound.
    """
    name = os.fspath(folder)
    # The real path, once: every request's real path must lie under it.
    root = pathlib.Path(os.path.realpath(name))
    if not root.is_dir():
        if root.exists():
            raise SourceError.single("not-a-folder", _("is a file, not a folder"), file=name)
        raise SourceError.single("missing-file", _("no such folder"), file=name)
    return _PreviewServer((host, port), functools.partial(_SiteHandler, directory=root))


def serve(folder: str | os.PathLike[str], *, port: int = 8000,
          host: str = "127.0.0.1") -> None:
    """Serve until interrupted (Ctrl-C ends it quietly)."""
    run(make_server(folder, port=port, host=host), folder)


def run(server: http.server.ThreadingHTTPServer, folder: str | os.PathLike[str]) -> None:
    """Serve with ``server`` (from :func:`make_server`) until interrupted, then close it."""
    with server:
        host = server.server_name
        shown = f"[{host}]" if ":" in host else host
        print(SAID.serving.format(folder=os.fspath(folder),
                                  url=f"http://{shown}:{server.server_port}/"), file=sys.stderr)
        # Ctrl-C is how a preview ends, not an error: no traceback.
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()
