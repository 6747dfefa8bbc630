"""A real Radicale server for the tests: on a free loopback port, with its own
storage folder and one user in a htpasswd file; and plain CalDAV requests
(http.client, no caldav library) to see what it holds."""

from __future__ import annotations

import base64
import http.client
import socket
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import icalendar

USER = "anne"
PASSWORD = "h3mm3lig-kodeord"
READ_ONLY = "kun-laesning"
_CALDAV = "urn:ietf:params:xml:ns:caldav"


class Radicale:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        (folder / "users").write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Radicale:
        # The user's own calendars, as owner_only gives them, except
        # READ_ONLY, which the user may read and not write.
        (self.folder / "rights").write_text(f"""\
[read-only]
user: .+
collection: {{user}}/{READ_ONLY}
permissions: r
[root]
user: .+
collection:
permissions: R
[principal]
user: .+
collection: {{user}}
permissions: RW
[calendars]
user: .+
collection: {{user}}/[^/]+
permissions: rw
""", encoding="utf-8")
        config = self.folder / "config"
        config.write_text(f"""\
[server]
hosts = 127.0.0.1:{self.port}
[auth]
type = htpasswd
htpasswd_filename = {self.folder / "users"}
htpasswd_encryption = plain
delay = 0
[storage]
filesystem_folder = {self.folder / "collections"}
[rights]
type = from_file
file = {self.folder / "rights"}
[logging]
level = warning
""", encoding="utf-8")
        with (self.folder / "log").open("ab") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "radicale", "--config", str(config)],
                stdout=log, stderr=log, stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("Radicale stopped: "
                                   + (self.folder / "log").read_text(errors="replace"))
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("Radicale did not start in 30 s")

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)
            self.process = None

    def request(self, method: str, path: str, body: str = "", headers: dict[str, str] | None = None,
                *, password: str = PASSWORD) -> tuple[int, bytes]:
        auth = base64.b64encode(f"{USER}:{password}".encode()).decode()
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request(method, urllib.parse.urlsplit(path).path or path,
                               body.encode("utf-8"),
                               {"Authorization": f"Basic {auth}", **(headers or {})})
            answer = connection.getresponse()
            return answer.status, answer.read()
        finally:
            connection.close()

    def make_calendar(self, name: str) -> str:
        """A new, empty calendar; its address."""
        path = f"/{USER}/{name}/"
        status, _ = self.request("MKCALENDAR", path)
        assert status == 201, status
        return self.base + path

    def read_only_calendar(self) -> str:
        """A calendar the user may read but not write (made in the storage
        folder, as the user may not make it either); its address."""
        folder = self.folder / "collections" / "collection-root" / USER / READ_ONLY
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".Radicale.props").write_text('{"tag": "VCALENDAR"}', encoding="utf-8")
        return f"{self.base}/{USER}/{READ_ONLY}/"

    def put(self, url: str, text: str) -> None:
        status, _ = self.request("PUT", url, text, {"Content-Type": "text/calendar"})
        assert status in (201, 204), status

    def events(self, url: str) -> dict[str, tuple[str, str]]:
        """Every object in the calendar by its address: (ETag, iCalendar text),
        from one calendar-query REPORT."""
        query = (f'<?xml version="1.0"?><C:calendar-query xmlns:D="DAV:" xmlns:C="{_CALDAV}">'
                 "<D:prop><D:getetag/><C:calendar-data/></D:prop>"
                 '<C:filter><C:comp-filter name="VCALENDAR"/></C:filter></C:calendar-query>')
        status, body = self.request("REPORT", url, query,
                                    {"Depth": "1", "Content-Type": "application/xml"})
        assert status == 207, status
        found = {}
        for response in ET.fromstring(body).iter("{DAV:}response"):
            href = response.findtext("{DAV:}href") or ""
            etag = response.findtext(".//{DAV:}getetag") or ""
            data = response.findtext(f".//{{{_CALDAV}}}calendar-data") or ""
            found[href] = (etag, data)
        return found

    def events_by_uid(self, url: str) -> dict[str, icalendar.Event]:
        """Every event in the calendar by its UID, read with icalendar."""
        found = {}
        for _, text in self.events(url).values():
            for event in icalendar.Calendar.from_ical(text).walk("VEVENT"):
                found[str(event["UID"])] = event
        return found


def free_port() -> int:
    """A loopback port nobody listens on (now)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port
