"""Golden tests: a folder per case, plan in, expected output beside it.

Each ``tests/golden/<case>/plan.toml`` (and each real plan in ``calendars/``,
with its expectations in ``tests/golden/calendars/<name>/``) is run through
``aarshjul meetings --format json`` and ``aarshjul check``; the output must
equal ``meetings.json`` and ``check.txt``. A folder's ``agendas.list`` names
meetings (``BODY DATE FORMAT`` a line) whose ``aarshjul agenda`` output must
equal ``agenda-BODY-DATE.FORMAT``. A plan without errors also has its iCal
feeds in ``feeds/``, built as of ``SOURCE_DATE_EPOCH`` 1735732800
(2025-01-01 12:00 UTC). A new case is a new folder.
Regenerate with ``python -m pytest tests/test_golden.py --update-golden``
and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .plans import ROOT

GOLDEN = ROOT / "tests" / "golden"


def cases() -> dict[str, tuple[Path, Path]]:
    found = {case.name: (case / "plan.toml", case)
             for case in sorted(GOLDEN.iterdir()) if (case / "plan.toml").exists()}
    for plan in sorted((ROOT / "calendars").glob("*.toml")):
        found[f"calendars/{plan.stem}"] = (plan, GOLDEN / "calendars" / plan.stem)
    return found


CASES = cases()


def compare(actual: str, expected: Path, update: bool) -> None:
    """Byte for byte (feeds end their lines in CRLF, and that is part of it)."""
    if update:
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_bytes(actual.encode("utf-8"))
    assert expected.exists(), f"{expected} is missing: run with --update-golden"
    assert actual == expected.read_bytes().decode("utf-8")


@pytest.mark.parametrize("name", CASES)
def test_golden(name: str, run_cli, update_golden: bool, monkeypatch: pytest.MonkeyPatch,
                tmp_path: Path) -> None:
    plan, folder = CASES[name]
    monkeypatch.chdir(ROOT)
    relative = str(plan.relative_to(ROOT))
    check = run_cli("check", relative)
    compare(check.stdout, folder / "check.txt", update_golden)
    meetings = run_cli("meetings", "--format", "json", relative)
    assert meetings.exit_code == check.exit_code
    if meetings.exit_code == 0:
        compare(meetings.stdout, folder / "meetings.json", update_golden)
        out = tmp_path / "feeds"
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735732800")
        assert run_cli("ical", relative, "-o", str(out)).exit_code == 0
        for feed in sorted(out.iterdir()):
            compare(feed.read_bytes().decode("utf-8"), folder / "feeds" / feed.name,
                    update_golden)
        expected = folder / "feeds"
        assert sorted(p.name for p in expected.iterdir()) == sorted(
            p.name for p in out.iterdir())
    else:
        assert not (folder / "meetings.json").exists()


def agenda_cases() -> list[tuple[str, str, str, str]]:
    found = []
    for name, (_, folder) in CASES.items():
        listing = folder / "agendas.list"
        if listing.exists():
            for line in listing.read_text(encoding="utf-8").splitlines():
                body, day, form = line.split()
                found.append((name, body, day, form))
    return found


@pytest.mark.parametrize("case", agenda_cases(), ids="-".join)
def test_golden_agenda(case: tuple[str, str, str, str], run_cli, update_golden: bool) -> None:
    name, body, day, form = case
    plan, folder = CASES[name]
    result = run_cli("agenda", str(plan), body, day, "--format", form)
    assert result.exit_code == 0, result.output
    compare(result.stdout, folder / f"agenda-{body}-{day}.{form}", update_golden)
