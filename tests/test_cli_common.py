"""What the commands share: the date type, the --base-url check, and the
handler that turns a user's error into located lines and exit status 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from .plans import EXAMPLE


@pytest.mark.parametrize(("value", "message"), [
    ("2025-02-30", "2025-02-30 is not a date that exists"),
    ("15-01-2025", '"15-01-2025" is not a date written YYYY-MM-DD'),
])
def test_dates_on_the_command_line(run_cli, value: str, message: str) -> None:
    result = run_cli("agenda", str(EXAMPLE), "sbu", value)
    assert result.exit_code == 2
    assert message in result.stderr


def test_a_folder_that_cannot_be_written_is_a_located_error(run_cli, tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    result = run_cli("ical", str(EXAMPLE), "-o", str(tmp_path / "a-file" / "feeds"))
    assert result.exit_code == 1
    assert f"{tmp_path / 'a-file' / 'feeds'}: error[cannot-write]: could not write: " \
        "Not a directory" in result.output
    (tmp_path / "site" / "feeds" / "sbu.ics").mkdir(parents=True)  # a folder in a file's place
    result = run_cli("ical", str(EXAMPLE), "-o", str(tmp_path / "site" / "feeds"))
    assert result.exit_code == 1
    assert "sbu.ics: error[cannot-write]: could not write: Is a directory" in result.output


@pytest.mark.parametrize("command", ["ical", "build"])
@pytest.mark.parametrize("url", ["not a url", "https://x.dk/a\r\nX-EVIL:1", "ftp://x.dk/"])
def test_a_base_url_must_be_an_address(run_cli, tmp_path: Path, command: str, url: str) -> None:
    result = run_cli(command, str(EXAMPLE), "-o", str(tmp_path / "out"), "--base-url", url)
    assert result.exit_code == 2
    assert "is not an address like https://example.dk/aarshjul" in result.output
    assert not (tmp_path / "out").exists()
