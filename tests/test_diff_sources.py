"""A version of a plan from a file, or from git as ``REV:PATH``, read by a
real git in a repository the test makes."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from aarshjul.diff.sources import plan_version
from aarshjul.errors import PlanError, SourceError

from .plans import EXAMPLE

MOVED = '[[meeting]]\nbody = "sbu"\ndate = 2025-10-22\nmoved_to = 2025-10-23\n\n'
ANCHOR = '[[template]]\nid = "udvalgsmoede"'


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=Sekretariatet",
                    "-c", "user.email=sekretariat@example.dk", *args], check=True,
                   capture_output=True)


@pytest.fixture
def repository(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with two commits of the example plan: as it is, and with
    a meeting moved; the working folder is the repository's."""
    git(tmp_path, "init", "-q")
    plan = tmp_path / "calendars" / "plan.toml"
    plan.parent.mkdir()
    text = EXAMPLE.read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "Årshjulet som vedtaget")
    plan.write_text(text.replace(ANCHOR, MOVED + ANCHOR, 1), encoding="utf-8")
    git(tmp_path, "commit", "-q", "-am", "Mødet 22. oktober flyttet")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_file_and_a_revision_of_it(repository: Path) -> None:
    now = plan_version("calendars/plan.toml")
    then = plan_version("HEAD~1:calendars/plan.toml")
    assert len(now.meetings) == len(then.meetings) + 1
    assert then.source == "HEAD~1:calendars/plan.toml"
    assert plan_version("HEAD:calendars/plan.toml") == now


def test_what_git_cannot_give_is_said_in_git_s_words_at_its_name(repository: Path) -> None:
    with pytest.raises(SourceError) as caught:
        plan_version("HEAD~5:calendars/plan.toml")
    assert caught.value.file == "HEAD~5:calendars/plan.toml"
    assert caught.value.problems[0].code == "not-in-git"
    assert "HEAD~5" in caught.value.problems[0].message
    with pytest.raises(SourceError) as missing:
        plan_version("HEAD:calendars/ingen.toml")
    assert "ingen.toml" in missing.value.problems[0].message
    with pytest.raises(SourceError) as folder:
        plan_version("HEAD:calendars")
    assert folder.value.problems[0].message == "is a folder in git, not a file"


def test_the_staged_version_is_git_s_own_spelling(repository: Path) -> None:
    assert plan_version(":calendars/plan.toml") == plan_version("HEAD:calendars/plan.toml")


def test_a_revision_that_git_would_take_for_an_option_is_refused(repository: Path) -> None:
    written = repository / "pwn"
    with pytest.raises(SourceError) as caught:
        plan_version(f"--output={written}:x")
    assert caught.value.problems[0].code == "not-in-git"
    assert not written.exists()


def test_a_binary_file_in_git_is_no_plan(repository: Path) -> None:
    (repository / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\0\0")
    git(repository, "add", "logo.png")
    git(repository, "commit", "-q", "-m", "Logo")
    with pytest.raises(SourceError) as caught:
        plan_version("HEAD:logo.png")
    assert (caught.value.problems[0].code, caught.value.line) == ("not-text", 1)


def test_a_revision_whose_plan_has_errors_is_located_in_it(repository: Path) -> None:
    plan = repository / "calendars" / "plan.toml"
    plan.write_text(plan.read_text(encoding="utf-8").replace('start = 2024-12-01',
                                                             'start = "i morgen"'),
                    encoding="utf-8")
    git(repository, "commit", "-q", "-am", "Fejl")
    with pytest.raises(PlanError) as caught:
        plan_version("HEAD:calendars/plan.toml")
    assert caught.value.file == "HEAD:calendars/plan.toml"
    assert caught.value.line is not None


def test_outside_a_repository_git_says_so(tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path.parent))
    with pytest.raises(SourceError) as caught:
        plan_version("HEAD:plan.toml")
    assert "git" in caught.value.problems[0].message.lower()
