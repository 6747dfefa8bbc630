"""Putting a site in place: whole or not at all, quiet when nothing changed,
and never over a folder of other things."""

from __future__ import annotations

import datetime as dt
import fcntl
import itertools
import os
from pathlib import Path

import pytest

from aarshjul.errors import SourceError
from aarshjul.site import staging
from aarshjul.site.staging import write_site

from .sites import NOW, build, files_in


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
    # No staging folder left; the lock's file stays.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".home.lock", "home"]


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
    assert sorted(p.name for p in tmp_path.iterdir()) == [".real.lock", "link", "real"]


def test_an_interrupted_build_leaves_the_old_site_whole(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "site"
    plan = '[[series]]\nbody = "sbu"\ndates = [2025-04-02]\nstart = "18:15"\nend = "19:45"\n'
    build(folder, plan)
    before = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}

    def interrupted(staging: Path, target: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(staging, "_swap", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(folder, plan.replace("2025-04-02", "2025-04-09"))
    after = {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == before
    # No staging left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


@pytest.mark.parametrize("failing", [1, 2, 40])
def test_a_write_that_fails_leaves_the_old_site_and_no_staging(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: int) -> None:
    """The disk fills up at the ``failing``-th file of the new site."""
    folder = tmp_path / "site"
    build(folder, '[[series]]\nbody = "sbu"\ndates = [2025-04-02]\nstart = "18:15"\n'
                  'end = "19:45"\n')
    before = files_in(folder)
    real, count = staging._write, itertools.count(1)

    def full(path: str, data: bytes) -> None:
        if next(count) == failing:
            raise OSError(28, "No space left on device")
        real(path, data)

    monkeypatch.setattr(staging, "_write", full)
    with pytest.raises(OSError, match="No space left"):
        build(folder)  # the example plan: seventy pages more to write
    assert files_in(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [".site.lock", "site"]


@pytest.mark.parametrize("name", ["../outside.html", "/etc/outside.html", "a/../../b"])
def test_no_file_is_written_outside_the_site(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="outside the site"):
        write_site({"index.html": b"x", name: b"x"}, tmp_path / "site")
    assert list(tmp_path.iterdir()) == []


def test_the_swap_is_one_step(tmp_path: Path) -> None:
    """Where renameat2 exists, the old and the new site trade places: at no
    moment is the folder missing."""
    old, new = tmp_path / "site", tmp_path / "staging"
    old.mkdir()
    (old / "a").write_text("old", encoding="utf-8")
    new.mkdir()
    (new / "a").write_text("new", encoding="utf-8")
    staging._swap(new, old)
    assert (old / "a").read_text(encoding="utf-8") == "new"
    assert (new / "a").read_text(encoding="utf-8") == "old"


def test_a_second_build_of_one_site_at_once_is_refused(tmp_path: Path) -> None:
    """Two builds into one folder at once left a mix of both."""
    site = tmp_path / "site"
    build(site)
    before = files_in(site)
    with (tmp_path / ".site.lock").open("w") as running:  # as a build holds it
        fcntl.flock(running, fcntl.LOCK_EX)
        with pytest.raises(SourceError) as refused:
            write_site({"index.html": b"another"}, site)
    (problem,) = refused.value.problems
    assert (problem.code, problem.file) == ("site-busy", str(site))
    assert "another build of this site is running" in problem.message
    assert files_in(site) == before
    assert write_site({"index.html": b"another"}, site).written == ("index.html",)


def test_a_killed_build_s_staging_is_removed_by_the_next(tmp_path: Path) -> None:
    """Only this site's, by the name a build gives them: nothing else beside it."""
    site = tmp_path / "site"
    build(site)
    dead = [tmp_path / ".site.0123456789ab", tmp_path / ".site.0123456789ab.old"]
    others = [tmp_path / name for name in (".other.0123456789ab", ".site.notes",
                                           ".site.0123456789abc", "site.0123456789ab")]
    for folder in dead + others:
        (folder / "agendas").mkdir(parents=True)
        (folder / "agendas" / "x.html").write_bytes(b"x")
    (tmp_path / ".site.fedcba987654").write_bytes(b"a file")
    with (tmp_path / ".site.lock").open("w") as running:  # a live build's are its own
        fcntl.flock(running, fcntl.LOCK_EX)
        with pytest.raises(SourceError):
            build(site)
    assert all(folder.is_dir() for folder in dead)
    assert not build(site).changed  # a build that changes nothing removes them too
    assert not any(folder.exists() for folder in dead)
    assert all((folder / "agendas" / "x.html").exists() for folder in others)
    assert (tmp_path / ".site.fedcba987654").read_bytes() == b"a file"


def test_a_rebuild_keeps_what_the_user_put_in_the_site(tmp_path: Path) -> None:
    """Empty folders, links (to a folder of the site too) and the modes and
    owners of folders stay as they were, though the site is made anew."""
    site = tmp_path / "site"
    plan = '[[series]]\nbody = "sbu"\ndates = [2025-04-02]\nstart = "18:15"\nend = "19:45"\n'
    build(site, plan)
    (site / "empty" / "inner").mkdir(parents=True)
    (site / "private").mkdir(mode=0o700)
    (site / "private" / "notes.txt").write_bytes(b"mine")
    (site / "private" / "deep").mkdir()
    (site / "private" / "deep" / "more.txt").write_bytes(b"more")
    (site / "private" / "deep").chmod(0o500)
    (site / "private").chmod(0o700)
    (site / "agendas").chmod(0o750)
    (site / "latest").symlink_to("agendas")
    (site / "newest.ics").symlink_to("feeds/all.ics")
    owner = (os.getuid() + 1, os.getgid() + 1) if os.geteuid() == 0 else None
    if owner:
        os.chown(site / "private", *owner)
    assert build(site, plan.replace("02]", "02, 2025-04-30]")).changed
    assert (site / "empty" / "inner").is_dir()
    assert (site / "latest").is_symlink()
    assert (site / "latest").readlink() == Path("agendas")
    assert (site / "newest.ics").readlink() == Path("feeds/all.ics")
    assert (site / "private" / "notes.txt").read_bytes() == b"mine"
    assert (site / "private").stat().st_mode & 0o7777 == 0o700
    assert (site / "private" / "deep").stat().st_mode & 0o7777 == 0o500
    assert (site / "agendas").stat().st_mode & 0o7777 == 0o750
    if owner:
        assert ((site / "private").stat().st_uid, (site / "private").stat().st_gid) == owner
    (site / "private" / "deep").chmod(0o700)  # for the temporary folder's removal
    (site / "feeds").rename(site / "old-feeds")
    (site / "feeds").symlink_to("old-feeds")  # where the site has a folder, it gives way
    assert build(site, plan).changed
    assert (site / "feeds").is_dir()
    assert not (site / "feeds").is_symlink()


def test_a_folder_only_the_old_site_had_goes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    plan = '[[series]]\nbody = "sbu"\ndates = [2025-04-02]\nstart = "18:15"\nend = "19:45"\n'
    build(site, plan + plan.replace("sbu", "rm"))
    assert (site / "agendas" / "rm").is_dir()
    build(site, plan)
    assert not (site / "agendas" / "rm").exists()
