"""The static site: built whole or not at all, quiet when nothing changed,
and right in a real browser (Debian's Chromium, headless, off the network)."""

from __future__ import annotations

import datetime as dt
import html.parser
import http.client
import json
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aarshjul import load_plan
from aarshjul.agenda.listing import as_json
from aarshjul.errors import SourceError
from aarshjul.ical.feeds import agenda_paths
from aarshjul.site import forking
from aarshjul.site import pages as site_module
from aarshjul.site.pages import MANIFEST, site_files, write_site

from .browser import dom, png_pixels, screenshot
from .plans import EXAMPLE, ROOT, agendas_of, make_plan

NOW = dt.datetime(2025, 3, 14, 9, 0, tzinfo=dt.UTC)
BASE = "https://intra.aarhus.example/aarshjul"


def build(folder: Path, plan_text: str | None = None, *, now: dt.datetime = NOW,
          base_url: str | None = BASE) -> site_module.Built:
    plan = load_plan(EXAMPLE) if plan_text is None else make_plan(plan_text)
    result = agendas_of(plan)
    files = site_files(plan, result, now=now, base_url=base_url,
                       previous=site_module.previous_records(folder))
    return write_site(files, folder)


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site") / "public"
    build(folder)
    return folder


class _Page(html.parser.HTMLParser):
    """What a test wants of a page's DOM: elements by tag and class, links,
    resources it would load."""

    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self._in: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {k: v or "" for k, v in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def having(self, tag: str, css_class: str | None = None) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == tag and (
            css_class is None or css_class in a.get("class", "").split())]


def page(url: str) -> _Page:
    parsed = _Page()
    parsed.feed(dom(url))
    return parsed


def test_the_front_page_in_a_browser(example_site: Path) -> None:
    shown = page((example_site / "index.html").as_uri())
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    # A wheel per year of the plan, each with its twelve months.
    assert len(shown.having("svg")) == 2
    assert len(shown.having("text", "month")) == 24
    # One mark per meeting (and three symbols in each wheel's key).
    marks = list(shown.having("circle", "mark"))
    assert len(marks) == len(result.meetings) + 2 * 3
    # Every mark of a meeting is a link, and every link leads to a page there is.
    hrefs = [a["href"] for a in shown.having("a") if a.get("href", "").startswith("agendas/")]
    assert len(set(hrefs)) == len(result.meetings)
    assert all((example_site / href).is_file() for href in hrefs)
    # Subscribe links in both forms, and a copy button for each feed.
    links = {a["href"] for a in shown.having("a")}
    assert f"webcal://{BASE.split('://')[1]}/feeds/sbu.ics" in links
    assert len(shown.having("button", "copy")) == 4
    source = (example_site / "index.html").read_text(encoding="utf-8")
    assert source.count(">Kopiér</button>") == 4
    assert " object at 0x" not in source  # a template that found a method, not a word
    # Nothing is loaded from elsewhere: no scripts, styles, images or fonts by URL.
    for tag, attrs in shown.elements:
        for name in ("src", "srcset"):
            assert name not in attrs or not attrs[name].startswith(("http", "//")), (tag, attrs)
        if tag == "link":
            assert not attrs.get("href", "").startswith(("http", "//")), attrs
    html_tag = shown.having("html")[0]
    assert html_tag["lang"] == "da"


def test_the_front_page_lists_the_coming_meetings_and_marks_today() -> None:
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    files = site_files(plan, result, now=NOW)
    front = _Page()
    front.feed(files["index.html"].decode("utf-8"))
    coming = [m for m in result.meetings if m.date >= NOW.date()][:12]
    paths = agenda_paths(result)
    listed = [a["href"] for tag, a in front.elements  # the wheel's links have labels
              if tag == "a" and a.get("href", "").startswith("agendas/")
              and "aria-label" not in a]
    assert listed[:12] == [paths[m.uid] for m in coming]
    text = "".join(front.text)
    assert "fredag den 14. marts 2025" in text
    assert "18.15 – 19.45" in text  # times as on the agenda pages
    # Today is marked on this year's wheel on the page, and on no wheel file.
    assert files["index.html"].count(b'class="today-marker"') == 1
    assert b"I dag: fredag den 14. marts 2025" in files["index.html"]
    assert not any(b"today-marker" in data for name, data in files.items()
                   if name.endswith(".svg"))


def test_a_cancelled_meeting_s_page_keeps_no_times() -> None:
    plan = make_plan('''
[[template]]
id = "t"
[[template.item]]
title = "Godkendelse af dagsorden"
minutes = 5

[[series]]
body = "sbu"
dates = [2025-04-02, 2025-04-30]
start = "18:15"
end = "19:45"
template = "t"

[[meeting]]
body = "sbu"
date = 2025-04-30
status = "cancelled"
''')
    files = site_files(plan, agendas_of(plan), now=NOW)
    held = files["agendas/sbu/2025-04-02.html"].decode("utf-8")
    cancelled = files["agendas/sbu/2025-04-30.html"].decode("utf-8")
    assert "(18.15)" in held
    assert "18.15 – 18.20" in held
    assert "(18.15)" not in cancelled
    assert "18.15 – 18.20" not in cancelled
    assert "Godkendelse af dagsorden" in cancelled


def test_an_agenda_page_in_a_browser(example_site: Path) -> None:
    shown = page((example_site / "agendas" / "sbu" / "2025-01-15.html").as_uri())
    text = "".join(shown.text)
    assert "onsdag den 15. januar 2025" in text
    assert "18.15 – 18.18 (3 min.)" in text
    assert next(a["href"] for a in shown.having("a")) == "../../index.html"
    assert shown.having("html")[0]["lang"] == "da"


def test_the_screenshot_is_a_picture_not_a_blank_page(example_site: Path,
                                                      tmp_path: Path) -> None:
    shot = screenshot((example_site / "index.html").as_uri(), tmp_path / "index.png",
                      width=800, height=800)
    width, height, rows = png_pixels(shot)
    assert (width, height) == (800, 800)
    step = len(rows[0]) // width
    colours = {rows[y][x * step:x * step + 3] for y in range(0, height, 4)
               for x in range(0, width, 4)}
    white = sum(1 for y in range(0, height, 4) for x in range(0, width, 4)
                if rows[y][x * step:x * step + 3] == b"\xff\xff\xff")
    assert len(colours) > 100
    assert white < 0.9 * (height // 4) * (width // 4)


def test_the_site_has_its_files(example_site: Path) -> None:
    names = {p.relative_to(example_site).as_posix() for p in example_site.rglob("*")
             if p.is_file()}
    assert {"index.html", "plan.json", "wheel-2024.svg", "wheel-2025.svg", "feeds/sbu.ics",
            "feeds/rm.ics", "feeds/all.ics", "feeds/deadlines.ics", MANIFEST} <= names
    data = json.loads((example_site / "plan.json").read_text(encoding="utf-8"))
    assert data["id"] == "aarhus-msb-2025"
    assert len(data["meetings"]) == 70
    assert data["meetings"][2]["items"][0]["title"] == "Godkendelse af dagsorden"
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)  # the meetings as `aarshjul meetings --format json` gives them
    assert data["meetings"] == json.loads(as_json(result.meetings, result.by_uid))
    feed = (example_site / "feeds" / "sbu.ics").read_bytes().decode("utf-8")
    assert f"URL;VALUE=URI:{BASE}/agendas/sbu/2025-01-15.html" in feed.replace("\r\n ", "")


def test_a_rebuild_that_changes_nothing_writes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    first = build(folder)
    assert first.changed
    times = {p: p.stat().st_mtime_ns for p in folder.rglob("*")}
    again = build(folder, now=NOW + dt.timedelta(hours=3))
    assert not again.changed
    assert {p: p.stat().st_mtime_ns for p in folder.rglob("*")} == times


def test_a_change_rewrites_only_what_changed_and_removes_what_went(tmp_path: Path) -> None:
    folder = tmp_path / "site"
    plan = '[[series]]\nbody = "sbu"\ndates = [2025-04-02, 2025-04-30]\nstart = "18:15"\n' \
           'end = "19:45"\n'
    build(folder, plan)
    (folder / ".htaccess").write_text("AddType text/calendar .ics\n", encoding="utf-8")
    kept = folder / "agendas" / "sbu" / "2025-04-02.html"
    kept_time = kept.stat().st_mtime_ns
    done = build(folder, plan.replace(", 2025-04-30", ""))
    assert "agendas/sbu/2025-04-30.html" in done.removed
    assert not (folder / "agendas" / "sbu" / "2025-04-30.html").exists()
    assert kept.stat().st_mtime_ns == kept_time  # the same file, not a copy
    assert (folder / ".htaccess").read_text(encoding="utf-8").startswith("AddType")


def test_a_folder_of_other_things_is_never_replaced(tmp_path: Path) -> None:
    home = tmp_path / "home"
    (home / "private").mkdir(parents=True)
    (home / "private" / "letter.txt").write_text("kære", encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        build(home)
    assert refused.value.problems[0].code == "not-a-site"
    assert sorted(p.name for p in home.rglob("*")) == ["letter.txt", "private"]
    assert [p.name for p in tmp_path.iterdir()] == ["home"]  # no staging folder left


def test_a_linked_site_is_rebuilt_where_the_link_points_and_keeps_its_mode(
        tmp_path: Path) -> None:
    real, link = tmp_path / "real", tmp_path / "link"
    build(real)
    real.chmod(0o2750)
    link.symlink_to(real)
    plan = '[[series]]\nbody = "sbu"\ndates = [2025-04-02]\nstart = "18:15"\nend = "19:45"\n'
    assert build(link, plan).changed
    assert link.is_symlink()
    assert (real / "agendas" / "sbu" / "2025-04-02.html").is_file()
    assert real.stat().st_mode & 0o7777 == 0o2750
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def test_an_interrupted_build_leaves_the_old_site_whole(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "site"
    plan = '[[series]]\nbody = "sbu"\ndates = [2025-04-02]\nstart = "18:15"\nend = "19:45"\n'
    build(folder, plan)
    before = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    def interrupted(staging: Path, target: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(site_module, "_swap", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(folder, plan.replace("2025-04-02", "2025-04-09"))
    after = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]  # no staging left behind


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("fork", [True, False])
def test_build_site_stages_from_both_halves_what_write_site_writes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: fork)
    plan = load_plan(EXAMPLE)
    result = agendas_of(plan)
    built = site_module.build_site(plan, result, tmp_path / "built", base_url=BASE, now=NOW)
    written = write_site(site_files(plan, result, now=NOW, base_url=BASE), tmp_path / "written")
    assert _files(tmp_path / "built") == _files(tmp_path / "written")
    assert built == written
    assert len(built.written) == 79
    assert built.written == tuple(sorted(built.written))
    times = {p: p.stat().st_mtime_ns for p in (tmp_path / "built").rglob("*")}
    again = site_module.build_site(plan, result, tmp_path / "built", base_url=BASE,
                                   now=NOW + dt.timedelta(hours=1))
    assert again == site_module.Built((), (), 79)
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "built").rglob("*")} == times
    assert sorted(p.name for p in tmp_path.iterdir()) == ["built", "written"]


@pytest.mark.parametrize("fork", [True, False])
def test_a_half_that_fails_leaves_the_old_site_and_no_staging(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fork: bool) -> None:
    monkeypatch.setattr(forking, "_can_fork", lambda: fork)
    folder = tmp_path / "site"
    plan = '[[series]]\nbody = "sbu"\ndates = [2025-04-02]\nstart = "18:15"\nend = "19:45"\n'
    build(folder, plan)
    before = _files(folder)
    changed = make_plan(plan.replace("2025-04-02", "2025-04-09"))

    def fails(*args: object, **context: object) -> str:
        raise OSError(28, "No space left on device")

    # The front page, the last file of the second half, fails: by then the
    # first half has staged its pages (before it in one process; in the
    # worker, the quicker half on this small plan).
    monkeypatch.setattr(site_module, "render", fails)
    with pytest.raises(OSError, match="No space left"):
        site_module.build_site(changed, agendas_of(changed), folder, now=NOW)
    assert _files(folder) == before
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


@pytest.mark.parametrize("name", ["../outside.html", "/etc/outside.html", "a/../../b"])
def test_no_file_is_written_outside_the_site(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="outside the site"):
        write_site({"index.html": b"x", name: b"x"}, tmp_path / "site")
    assert list(tmp_path.iterdir()) == []


def test_a_build_stopped_from_outside_leaves_the_old_site_and_no_staging(
        tmp_path: Path) -> None:
    site = tmp_path / "site"
    command = [sys.executable, "-m", "aarshjul", "build"]
    subprocess.run([*command, str(EXAMPLE), "-o", str(site)], check=True,
                   stdout=subprocess.DEVNULL)
    before = _files(site)
    # The example plan over sixteen years: a build long enough to stop.
    plan = tmp_path / "large.toml"
    longer = EXAMPLE.read_text(encoding="utf-8").replace("\nend = 2025-12-31\n",
                                                          "\nend = 2040-12-31\n")
    assert longer != EXAMPLE.read_text(encoding="utf-8")
    plan.write_text(longer, encoding="utf-8")
    with subprocess.Popen([*command, str(plan), "-o", str(site)],
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True) as build:
        deadline = time.monotonic() + 60
        # Stop it once it has begun the new site beside the old.
        while not any(p.name.startswith(".site.") for p in tmp_path.iterdir()):
            assert build.poll() is None, build.communicate()[1]
            assert time.monotonic() < deadline
            time.sleep(0.002)
        build.send_signal(signal.SIGTERM)
        _, errors = build.communicate(timeout=60)
    assert build.returncode == 128 + signal.SIGTERM, errors
    assert "Traceback" not in errors
    assert sorted(p.name for p in tmp_path.iterdir()) == ["large.toml", "site"]
    assert _files(site) == before


def test_the_swap_is_one_step(tmp_path: Path) -> None:
    """Where renameat2 exists, the old and the new site trade places: at no
    moment is the folder missing."""
    old, new = tmp_path / "site", tmp_path / "staging"
    old.mkdir()
    (old / "a").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "a").write_text("new", encoding="utf-8")
    site_module._swap(new, old)
    assert (old / "a").read_text(encoding="utf-8") == "new"
    assert (new / "a").read_text(encoding="utf-8") == "old"


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


def test_the_site_works_from_a_folder_with_spaces_and_danish_letters(tmp_path: Path) -> None:
    folder = tmp_path / "Årshjul 2025"
    build(folder, base_url=None)
    shown = page((folder / "index.html").as_uri())
    assert any(a.get("href") == "feeds/sbu.ics" for a in shown.having("a"))
    assert (folder / "agendas" / "sbu" / "2025-01-15.html").is_file()


def test_the_serve_command_previews_a_site(example_site: Path) -> None:
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


def _luminance(colour: str) -> float:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _over(colour: str, opacity: float, backdrop: str) -> str:
    mixed = [round(int(colour[i:i + 2], 16) * opacity + int(backdrop[i:i + 2], 16) * (1 - opacity))
             for i in (1, 3, 5)]
    return "#" + "".join(f"{c:02x}" for c in mixed)


def test_text_has_the_contrast_of_wcag_aa() -> None:
    """Every text colour of the pages against white, and of the wheel against
    the lightest and the darkest ground its labels stand on: 4.5:1 at least."""
    templates = ROOT / "aarshjul" / "templates"
    pages = "".join((templates / name).read_text(encoding="utf-8")
                    for name in ("site_index.html.j2", "agenda.html.j2"))
    colours = set(re.findall(r"(?<![-\w])color: (#[0-9a-f]{6})", pages))
    assert len(colours) >= 3
    for colour in colours:
        assert _contrast(colour, "#ffffff") >= 4.5, colour
    wheel = "".join((templates / name).read_text(encoding="utf-8")
                    for name in ("wheel.svg.j2", "wheel_today.svg.j2"))
    text_fills = set(re.findall(r"(?:text|\.week|\.month|\.year) \{[^}]*fill: (#[0-9a-f]{6})",
                                wheel))
    text_fills |= set(re.findall(r"<text[^>]*fill=\"(#[0-9a-f]{6})\"", wheel))
    assert len(text_fills) >= 3
    grounds = ["#ffffff", "#f7f7f5", _over("#6b7078", 0.2, "#f7f7f5"),
               _over("#b3261e", 0.18, "#f7f7f5")]
    for colour in text_fills:
        for ground in grounds:
            assert _contrast(colour, ground) >= 4.5, (colour, ground)
