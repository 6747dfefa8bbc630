"""``aarshjul build`` and ``aarshjul serve``: the static site built into a
folder, and previewed from it."""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .feed_plans import PLAN
from .plans import EXAMPLE, OVERLAPPING, plan_file
from .sites import BASE, NOW, build


def test_the_build_command(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    folder = tmp_path / "out"
    first = run_cli("build", str(EXAMPLE), "-o", str(folder), "--base-url", BASE)
    assert first.exit_code == 0, first.output
    assert first.stdout.startswith(f"built {folder}: 79 files written")
    second = run_cli("build", str(EXAMPLE), "-o", str(folder), "--base-url", BASE)
    assert second.stdout.strip() == f"{folder} is up to date (79 files unchanged)"
    assert run_cli("build", str(EXAMPLE), "-o", str(folder), "--base-url",
                   "intra.example").exit_code == 2
    copy = tmp_path / "copy"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    run_cli("build", str(EXAMPLE), "-o", str(copy), "--base-url", BASE)
    for path in folder.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (copy / path.relative_to(folder)).read_bytes(), path


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


def test_what_a_build_did_is_one_line(run_cli, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(int(NOW.timestamp())))
    site = tmp_path / "site"
    plan = plan_file(tmp_path, PLAN)
    first = run_cli("build", str(plan), "-o", str(site))
    assert (first.exit_code, first.stderr) == (0, "")
    assert first.stdout == f"built {site}: 11 files written, 0 removed, 0 unchanged\n"
    (site / "plan.json").unlink()
    again = run_cli("build", str(plan), "-o", str(site))
    assert again.stdout == f"built {site}: 1 file written, 0 removed, 10 unchanged\n"
    fewer = plan_file(tmp_path, PLAN.replace("2025-01-15, ", ""), name="fewer.toml")
    less = run_cli("build", str(fewer), "-o", str(site))
    assert less.stdout == f"built {site}: 6 files written, 1 removed, 4 unchanged\n"
    assert not (site / "agendas" / "sbu" / "2025-01-15.html").exists()


def test_the_site_links_to_itself_at_the_base_url(run_cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert run_cli("build", str(EXAMPLE), "-o", str(site), "--base-url",
                   "https://x.dk/hjul").exit_code == 0
    assert 'href="webcal://x.dk/hjul/feeds/sbu.ics"' in (site / "index.html").read_text(
        encoding="utf-8")


def test_a_plan_with_errors_builds_nothing(run_cli, tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_cli("build", str(plan_file(tmp_path, OVERLAPPING)), "-o", str(site))
    assert (result.exit_code, result.stdout) == (1, "")
    assert "error[overlap]" in result.stderr
    assert not site.exists()


@pytest.mark.parametrize(("name", "said"), [("none", "does not exist"), ("p.toml", "is a file")])
def test_serve_wants_a_folder_that_is_there(run_cli, tmp_path: Path, name: str, said: str
                                            ) -> None:
    plan_file(tmp_path)
    result = run_cli("serve", str(tmp_path / name))
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"Error: Invalid value for 'FOLDER': Directory '{tmp_path / name}' {said}.")
