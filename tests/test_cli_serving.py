"""``aarshjul serve``: a built site previewed from its folder."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .plans import plan_file
from .sites import build


def test_a_port_in_use_is_a_usage_error(run_cli, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_cli("serve", str(tmp_path), "--port", str(port))
    assert result.exit_code == 2
    assert f"cannot serve on port {port}" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_serve_command_previews_a_built_site(tmp_path: Path) -> None:
    example_site = tmp_path / "site"
    build(example_site)
    process = subprocess.Popen([sys.executable, "-m", "aarshjul", "serve", str(example_site),
                                "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        assert process.stderr is not None
        line = process.stderr.readline()
        port = int(line.rsplit(":", 1)[1].split("/")[0])
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/feeds/sbu.ics")
        response = connection.getresponse()
        assert response.status == 200
        assert response.getheader("Content-Type") == "text/calendar; charset=utf-8"
        etag = response.getheader("ETag")
        response.read()
        connection.request("GET", "/feeds/sbu.ics", headers={"If-None-Match": etag or ""})
        again = connection.getresponse()
        assert again.status == 304
        again.read()
        connection.close()
        with socket.create_connection(("127.0.0.1", port), timeout=10) as raw:
            raw.sendall(b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.0\r\n\r\n")
            answer = raw.recv(4096)
        assert answer.split(b" ")[1] in (b"403", b"404")
        assert b"root:" not in answer
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stderr:
            process.stderr.close()


@pytest.mark.parametrize(("name", "said"), [("none", "does not exist"), ("p.toml", "is a file")])
def test_serve_wants_a_folder_that_is_there(run_cli, tmp_path: Path, name: str, said: str
                                            ) -> None:
    plan_file(tmp_path)
    result = run_cli("serve", str(tmp_path / name))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for 'FOLDER': Directory '{tmp_path / name}' {said}.")
