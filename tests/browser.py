"""A real browser for the tests: Debian's Chromium, headless and off the
network (the flags below keep it from calling home; the machine's network is
closed, and without them it tries many times at every start)."""

from __future__ import annotations

import functools
import shutil
import struct
import subprocess
import tempfile
import zlib
from pathlib import Path

import pypdf

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--hide-scrollbars",
         "--mute-audio", "--no-default-browser-check"]


@functools.cache
def chromium() -> str:
    """The browser's path (the README's test command installs Debian's
    chromium)."""
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    assert found, ("Chromium is needed for the browser tests: apt-get install chromium "
                   "(the README's test command does)")
    return found


def _run(*arguments: str, timeout: int = 120) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory() as profile:
        return subprocess.run([chromium(), *FLAGS, f"--user-data-dir={profile}", *arguments],
                              capture_output=True, text=True, timeout=timeout, check=True)


def dom(url: str) -> str:
    """The page's DOM after its scripts ran."""
    return _run("--virtual-time-budget=2000", "--dump-dom", url).stdout


def screenshot(url: str, path: Path, *, width: int = 1400, height: int = 1000) -> Path:
    _run(f"--window-size={width},{height}", f"--screenshot={path}", url)
    return path


def print_pdf(url: str, path: Path) -> Path:
    """The page printed to ``path`` as Chromium prints it: on the paper its
    CSS asks for (``@page``), without the browser's header and footer."""
    _run("--no-pdf-header-footer", f"--print-to-pdf={path}", url)
    return path


def pdf_pages(path: Path) -> list[tuple[tuple[float, float], str]]:
    """Each page of a PDF: its size in points (width, height), and its text
    (pypdf reads it back; Chromium keeps text as text)."""
    return [((float(page.mediabox.width), float(page.mediabox.height)), page.extract_text())
            for page in pypdf.PdfReader(path).pages]


def png_pixels(path: Path) -> tuple[int, int, list[bytes]]:
    """(width, height, rows of RGB(A) bytes) of an 8-bit PNG, as Chromium
    writes them: enough decoding to tell a picture from a blank page."""
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    position, chunks, header = 8, [], b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position:position + 4])
        kind = data[position + 4:position + 8]
        body = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            chunks.append(body)
        position += 12 + length
    width, height, depth, color = struct.unpack(">IIBB", header[:10])
    assert depth == 8, "an 8-bit PNG"
    assert color in (2, 6), "an RGB or RGBA PNG"
    step = 3 if color == 2 else 4
    raw = zlib.decompress(b"".join(chunks))
    stride = width * step
    rows: list[bytes] = []
    previous = bytearray(stride)
    offset = 0
    for _ in range(height):
        kind, line = raw[offset], bytearray(raw[offset + 1:offset + 1 + stride])
        offset += 1 + stride
        for i in range(stride):
            left = line[i - step] if i >= step else 0
            up = previous[i]
            corner = previous[i - step] if i >= step else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                guess = left + up - corner
                near = min((abs(guess - left), 0, left), (abs(guess - up), 1, up),
                           (abs(guess - corner), 2, corner))
                line[i] = (line[i] + near[2]) & 0xFF
        rows.append(bytes(line))
        previous = line
    return width, height, rows
