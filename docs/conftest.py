"""The doctests in docs/ run from the repository's root, as a reader would."""

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _from_the_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
