"""The preview server (``make_server``, ``serve``): a real server on a free
loopback port, real HTTP.

Requests that must not be normalised on the way (``..``, encoded forms,
backslashes, NUL) go out as raw bytes on a socket, so the server sees exactly
what an attacker would send.
"""

from __future__ import annotations

import email.utils
import http.client
import mimetypes
import os
import re
import signal
import socket
import struct
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import attrs
import pytest

from aarshjul.errors import SourceError
from aarshjul.site.serve import make_server, serve

SECRET = b"BEGIN:VCALENDAR\r\nSUMMARY:hemmeligt m\xc3\xb8de\r\n"
FEED = "BEGIN:VCALENDAR\r\nSUMMARY:Byrådsmøde\r\nEND:VCALENDAR\r\n".encode()
INDEX = "<!doctype html><title>Årshjul</title>".encode()


@attrs.frozen
class Reply:
    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


@attrs.frozen
class Site:
    folder: Path
    secret: Path
    port: int

    def request(self, target: str | bytes, *, method: str = "GET",
                headers: dict[str, str] | None = None) -> Reply:
        """Send the request line exactly as given, with no client in between."""
        raw = target if isinstance(target, bytes) else target.encode()
        lines = [method.encode() + b" " + raw + b" HTTP/1.0"]
        lines += [f"{name}: {value}".encode() for name, value in (headers or {}).items()]
        with socket.create_connection(("127.0.0.1", self.port), timeout=5) as sock:
            sock.sendall(b"\r\n".join(lines) + b"\r\n\r\n")
            response = http.client.HTTPResponse(sock, method=method)
            try:
                response.begin()
                body = response.read()
            finally:
                response.close()
        return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, body)

    def get(self, path: str, **headers: str) -> Reply:
        """A request through http.client, as a browser or calendar app sends it."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            body = response.read()
            return Reply(response.status, {k.lower(): v for k, v in response.getheaders()}, body)
        finally:
            connection.close()


def _build_site(root: Path) -> tuple[Path, Path]:
    """A built site as ``aarshjul build`` writes it, next to a secret outside it."""
    secret = root / "secret.ics"
    secret.write_bytes(SECRET)
    folder = root / "site"
    (folder / "feeds").mkdir(parents=True)
    (folder / "agendas" / "sbu").mkdir(parents=True)
    (folder / "agendas" / "byraad").mkdir(parents=True)
    (folder / "index.html").write_bytes(INDEX)
    (folder / "feeds" / "all.ics").write_bytes(FEED)
    (folder / "agendas" / "sbu" / "2025-01-15.html").write_bytes(b"<p>dagsorden</p>")
    (folder / "agendas" / "sbu" / "index.html").write_bytes(b"<p>sbu</p>")
    (folder / "plan.json").write_bytes(b'{"id": "aarhus-2025"}')
    (folder / "wheel.svg").write_bytes(b"<svg xmlns='http://www.w3.org/2000/svg'/>")
    (folder / "style.css").write_bytes(b"body{}")
    (folder / "wheel.js").write_bytes(b"0;")
    (folder / "notes.xyz").write_bytes(b"?")
    # Symlinks inside the folder that lead out of it: one to the secret
    # file, one to the folder holding it, and a loop.
    (folder / "feeds" / "leak.ics").symlink_to(secret)
    (folder / "outside").symlink_to(root, target_is_directory=True)
    (folder / "agendas" / "byraad" / "index.html").symlink_to(secret)
    (folder / "loop").symlink_to(folder / "loop")
    # A symlink that stays inside is an ordinary file of the site.
    (folder / "feeds" / "alle.ics").symlink_to(folder / "feeds" / "all.ics")
    return folder, secret


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    folder, secret = _build_site(tmp_path_factory.mktemp("serve"))
    server = make_server(folder, port=0)
    # A short poll interval keeps shutdown, and so the tests, fast.
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield Site(folder, secret, server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


# --- files and their types ---------------------------------------------------

@pytest.mark.parametrize(("path", "content_type"), [
    ("/feeds/all.ics", "text/calendar; charset=utf-8"),
    ("/index.html", "text/html; charset=utf-8"),
    ("/agendas/sbu/2025-01-15.html", "text/html; charset=utf-8"),
    ("/plan.json", "application/json"),
    ("/wheel.svg", "image/svg+xml"),
    ("/style.css", "text/css; charset=utf-8"),
    ("/wheel.js", "text/javascript; charset=utf-8"),
])
def test_files_are_served_with_their_type(site: Site, path: str, content_type: str) -> None:
    reply = site.get(path)
    assert reply.status == 200
    assert reply.header("Content-Type") == content_type
    assert reply.body == (site.folder / path.lstrip("/")).read_bytes()
    assert reply.header("Content-Length") == str(len(reply.body))


def test_a_feed_is_a_calendar_whatever_the_machine_says(site: Site,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    # A machine whose mime.types knows nothing useful: the site's own types
    # still hold, and only other files fall through to mimetypes.
    monkeypatch.setattr(mimetypes, "guess_type", lambda *_a, **_k: ("x-machine/guess", None))
    assert site.get("/feeds/all.ics").header("Content-Type") == "text/calendar; charset=utf-8"
    assert site.get("/notes.xyz").header("Content-Type") == "x-machine/guess"


def test_query_string_is_not_part_of_the_name(site: Site) -> None:
    reply = site.get("/feeds/all.ics?v=2")
    assert (reply.status, reply.body) == (200, FEED)


def test_a_symlink_inside_the_folder_is_served(site: Site) -> None:
    reply = site.get("/feeds/alle.ics")
    assert (reply.status, reply.body) == (200, FEED)
    assert reply.header("Content-Type") == "text/calendar; charset=utf-8"


def test_head_sends_the_headers_without_the_body(site: Site) -> None:
    get = site.get("/feeds/all.ics")
    head = site.request("/feeds/all.ics", method="HEAD")
    assert head.status == 200
    assert head.body == b""
    for name in ("Content-Type", "Content-Length", "ETag", "Last-Modified", "Cache-Control"):
        assert head.header(name) == get.header(name)


def test_missing_file_is_404(site: Site) -> None:
    assert site.get("/feeds/none.ics").status == 404
    assert site.request("/feeds/none.ics", method="HEAD").status == 404


def test_a_folder_serves_its_index(site: Site) -> None:
    assert site.get("/").body == INDEX
    reply = site.get("/agendas/sbu/")
    assert (reply.status, reply.body) == (200, b"<p>sbu</p>")
    assert reply.header("Content-Type") == "text/html; charset=utf-8"


def test_a_folder_name_without_slash_is_redirected(site: Site) -> None:
    reply = site.get("/agendas/sbu?x=1")
    assert reply.status == 301
    assert reply.header("Location") == "/agendas/sbu/?x=1"


def test_a_folder_without_index_is_not_listed(site: Site) -> None:
    reply = site.get("/feeds/")
    assert reply.status == 404
    assert b"all.ics" not in reply.body


# --- caching -------------------------------------------------------------------

def test_validators_let_clients_revalidate(site: Site) -> None:
    reply = site.get("/feeds/all.ics")
    etag = reply.header("ETag")
    assert etag is not None
    assert re.fullmatch(r'"[^"]+"', etag)  # quoted and strong, no W/
    mtime = (site.folder / "feeds" / "all.ics").stat().st_mtime
    assert reply.header("Last-Modified") == email.utils.formatdate(mtime, usegmt=True)
    assert reply.header("Cache-Control") == "no-cache"


@pytest.mark.parametrize("if_none_match", [
    "{etag}",
    '"other", {etag}',
    "W/{etag}",
    "*",
])
def test_if_none_match_answers_304(site: Site, if_none_match: str) -> None:
    etag = site.get("/feeds/all.ics").header("ETag")
    assert etag is not None
    for method in ("GET", "HEAD"):
        reply = site.request("/feeds/all.ics", method=method,
                             headers={"If-None-Match": if_none_match.format(etag=etag)})
        assert reply.status == 304
        assert reply.body == b""
        assert reply.header("ETag") == etag
        assert reply.header("Cache-Control") == "no-cache"


def test_if_none_match_takes_precedence_over_if_modified_since(site: Site) -> None:
    last_modified = site.get("/feeds/all.ics").header("Last-Modified")
    assert last_modified is not None
    reply = site.get("/feeds/all.ics", **{"If-None-Match": '"stale"',
                                          "If-Modified-Since": last_modified})
    assert (reply.status, reply.body) == (200, FEED)


@pytest.mark.parametrize("form", ["as sent", "-0000", "later"])
def test_if_modified_since_answers_304(site: Site, form: str) -> None:
    last_modified = site.get("/feeds/all.ics").header("Last-Modified")
    assert last_modified is not None
    since = {
        "as sent": last_modified,
        "-0000": last_modified.replace("GMT", "-0000"),  # a date with no zone: still GMT
        "later": email.utils.formatdate(time.time() + 3600, usegmt=True),
    }[form]
    reply = site.get("/feeds/all.ics", **{"If-Modified-Since": since})
    assert (reply.status, reply.body) == (304, b"")


@pytest.mark.parametrize("since", ["Mon, 01 Jan 2001 00:00:00 GMT", "yesterday", ""])
def test_an_older_or_unreadable_date_gets_the_file(site: Site, since: str) -> None:
    reply = site.get("/feeds/all.ics", **{"If-Modified-Since": since})
    assert (reply.status, reply.body) == (200, FEED)


def test_the_etag_changes_with_the_file(site: Site) -> None:
    path = site.folder / "changing.ics"
    path.write_bytes(b"one")
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    first = site.get("/changing.ics").header("ETag")
    # Same size, same second, 1 ns later: If-Modified-Since cannot tell, the ETag can.
    path.write_bytes(b"two")
    os.utime(path, ns=(1_700_000_000_000_000_001, 1_700_000_000_000_000_001))
    reply = site.get("/changing.ics", **{"If-None-Match": str(first)})
    assert (reply.status, reply.body) == (200, b"two")
    assert reply.header("ETag") != first


# --- never a file outside the folder ------------------------------------------------------

TRAVERSALS = [
    b"/../secret.ics",
    b"/../../secret.ics",
    b"/feeds/../../secret.ics",
    b"/feeds/../../../secret.ics",
    b"/%2e%2e/secret.ics",
    b"/%2E%2E/secret.ics",
    b"/.%2e/secret.ics",
    b"/feeds/%2e%2e/%2e%2e/secret.ics",
    b"/..%2fsecret.ics",
    b"/..%2Fsecret.ics",
    b"/%2e%2e%2fsecret.ics",
    b"/feeds%2f..%2f..%2fsecret.ics",
    b"/%252e%252e/secret.ics",
    b"/%252e%252e%252fsecret.ics",
    b"/..%252fsecret.ics",
    b"/..\\secret.ics",
    b"/feeds\\..\\..\\secret.ics",
    b"/..%5csecret.ics",
    b"/..%5Csecret.ics",
    b"/feeds/leak.ics",
    b"/outside/secret.ics",
    b"/outside/site/../secret.ics",
    b"/agendas/byraad/",
    b"/agendas/byraad/index.html",
    b"/loop",
    b"/secret.ics%00.html",
    b"/..%00/secret.ics",
    b"/feeds/all.ics\x00/../../../secret.ics",
    b"secret.ics",
    b"../secret.ics",
    b"http://127.0.0.1/../secret.ics",
    b"*",
]


@pytest.mark.parametrize("target", TRAVERSALS, ids=lambda t: t.decode("latin-1"))
def test_nothing_outside_the_folder(site: Site, target: bytes,
                                    capfd: pytest.CaptureFixture[str]) -> None:
    for method in ("GET", "HEAD"):
        reply = site.request(target, method=method)
        assert reply.status in (403, 404)
        assert b"hemmeligt" not in reply.body
    assert "Traceback" not in capfd.readouterr().err


def test_absolute_paths_stay_inside(site: Site) -> None:
    secret = site.secret.as_posix()
    for target in (secret, "/" + secret, "/%2F" + secret.lstrip("/").replace("/", "%2F"),
                   "/" + secret.replace("/", "%2f")):
        reply = site.request(target)
        assert reply.status in (403, 404), target
        assert b"hemmeligt" not in reply.body


def test_symlinks_out_are_forbidden_not_missing(site: Site) -> None:
    # 403 tells the planner previewing the site why the link does not work.
    assert site.get("/feeds/leak.ics").status == 403
    assert site.get("/outside/secret.ics").status == 403
    assert site.get("/agendas/byraad/").status == 403


def test_traversal_in_a_redirect_is_refused(site: Site) -> None:
    # A folder name without its slash is redirected; the redirect must not
    # be a way around the checks.
    for target in (b"/outside", b"/agendas/%2e%2e/%2e%2e/outside", b"/..%2f..%2fsite"):
        reply = site.request(target)
        assert reply.status in (403, 404), target


# --- logging and clients that go away -------------------------------------------------

def test_log_lines_are_one_line_each(site: Site, capfd: pytest.CaptureFixture[str]) -> None:
    site.request(b"/feeds/none%0d%0aFORGED.ics")
    site.request(b"/feeds/none\r\x1b[2J.ics")
    site.request(b"/%00")
    err = capfd.readouterr().err
    lines = err.splitlines()
    assert lines
    assert all(line.startswith("127.0.0.1 - - [") for line in lines), err


def test_a_client_that_goes_away_leaves_no_traceback(tmp_path: Path,
                                                     capfd: pytest.CaptureFixture[str]) -> None:
    # Bigger than the socket buffers, so the server is still writing when
    # the client resets the connection.
    (tmp_path / "big.ics").write_bytes(b"x" * 16_000_000)
    server = make_server(tmp_path, port=0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        with socket.create_connection(("127.0.0.1", server.server_address[1])) as sock:
            sock.sendall(b"GET /big.ics HTTP/1.0\r\n\r\n")
            assert sock.recv(12).startswith(b"HTTP/1.0 200")
            # Linger 0: close with a reset, as a killed client does.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    finally:
        server.shutdown()
        server.server_close()  # waits for the request's thread to finish
        thread.join()
    err = capfd.readouterr().err
    assert "Traceback" not in err
    assert "Exception" not in err


# --- the server itself -------------------------------------------------------------------

def test_binds_loopback_by_default(tmp_path: Path) -> None:
    with make_server(tmp_path, port=0) as server:
        assert server.server_address[0] == "127.0.0.1"
        assert server.server_address[1] != 0


def test_a_missing_folder_is_a_source_error(tmp_path: Path) -> None:
    with pytest.raises(SourceError, match="no such folder"):
        make_server(tmp_path / "none", port=0)
    (tmp_path / "file.html").write_bytes(b"")
    with pytest.raises(SourceError, match="not a folder"):
        make_server(tmp_path / "file.html", port=0)


@pytest.mark.skipif(sys.platform == "win32", reason="Ctrl-C is a POSIX signal here")
def test_ctrl_c_ends_serve_quietly(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    def interrupt_when_up() -> None:
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except OSError:
                time.sleep(0.01)
                continue
            os.kill(os.getpid(), signal.SIGINT)
            return

    interrupter = threading.Thread(target=interrupt_when_up)
    interrupter.start()
    try:
        serve(tmp_path, port=port)
    finally:
        interrupter.join()
    err = capfd.readouterr().err
    assert f"http://127.0.0.1:{port}/" in err
    assert "Traceback" not in err
