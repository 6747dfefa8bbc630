"""A CalDAV server that misbehaves as no Radicale can be made to: a plain
HTTP server on a loopback port, in a thread, answering each method with
what a test gives it (the real protocol over a socket, not a mock)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager

CALENDAR = (b'<?xml version="1.0"?><d:multistatus xmlns:d="DAV:" '
            b'xmlns:c="urn:ietf:params:xml:ns:caldav"><d:response><d:href>/cal/</d:href>'
            b"<d:propstat><d:prop><d:resourcetype><d:collection/><c:calendar/></d:resourcetype>"
            b"</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
            b"</d:multistatus>")
"""The answer to PROPFIND of a calendar."""

NO_EVENTS = b'<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"/>'


def events_without_data(href: str) -> bytes:
    """An answer to REPORT with one event and no calendar data."""
    return (b'<?xml version="1.0"?><d:multistatus xmlns:d="DAV:"><d:response><d:href>'
            + href.encode() + b'</d:href><d:propstat><d:prop><d:getetag>"1"</d:getetag>'
            b"</d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>"
            b"</d:multistatus>")


TRICKLE = (207, b"")
"""An answer that never ends: a space every 50 ms, as long as it is read."""

DECLARED = (207, b"  ")  # not equal to the others: equal constants are one object
"""An answer that says it is a gigabyte long, and sends two spaces."""

FLOOD = (207, b" ")  # not equal to TRICKLE: equal constants are one object
"""An answer that never ends and says no length: 64 KB after 64 KB, as fast
as it is read."""


@contextmanager
def fake_dav(answers: dict[str, tuple[int, bytes]]) -> Iterator[str]:
    """A server that answers each method in ``answers`` with its status and
    body (and any other with 201, empty); its calendar's address."""
    stop = threading.Event()

    class Answer(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            answer = answers.get(self.command, (201, b""))
            status, body = answer
            self.send_response(status)
            self.send_header("Content-Type", "application/xml; charset=utf-8")
            if answer is DECLARED:
                self.send_header("Content-Length", str(10**9))
            elif answer is not TRICKLE and answer is not FLOOD:  # those: until it is closed
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            while answer is TRICKLE and not stop.wait(0.05):
                try:
                    self.wfile.write(b" ")
                    self.wfile.flush()
                except OSError:  # the client gave up
                    return
            while answer is FLOOD and not stop.is_set():
                try:
                    self.wfile.write(b" " * 2**16)
                except OSError:
                    return

        do_PROPFIND = do_REPORT = do_PUT = do_DELETE = _answer

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Answer)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/cal/"
    finally:
        stop.set()
        server.shutdown()
        server.server_close()
        thread.join()
