"""``aarshjul diff OLD NEW``: a line a change, for a mail; JSON; exit status
as git diff's."""

from __future__ import annotations

import json
from pathlib import Path

from .plans import EXAMPLE, OVERLAPPING, plan_file

ANCHOR = '[[template]]\nid = "udvalgsmoede"'
CHANGES = ('[[meeting]]\nbody = "sbu"\ndate = 2025-10-22\nmoved_to = 2025-10-23\n\n'
           '[[meeting]]\nbody = "sbu"\ndate = 2025-05-07\nlocation = "Rådhuset, lokale 101"\n\n')


def versions(folder: Path) -> tuple[Path, Path]:
    old, new = folder / "vedtaget.toml", folder / "rettet.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    old.write_text(text, encoding="utf-8")
    new.write_text(text.replace(ANCHOR, CHANGES + ANCHOR, 1), encoding="utf-8")
    return old, new


def test_a_line_a_change_in_the_plan_s_language(run_cli, tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    result = run_cli("diff", str(old), str(new))
    assert (result.exit_code, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        "Nyt sted: Social- og Beskæftigelsesudvalget, onsdag den 7. maj 2025: Rådhuset, "
        "lokale 101 i stedet for Rådhuset, lokale 398",
        "Møde flyttet: Social- og Beskæftigelsesudvalget, fra onsdag den 22. oktober 2025, "
        "18.15 – 19.45 til torsdag den 23. oktober 2025, 18.15 – 19.45",
        "Punkt 2 på dagsordenen for Social- og Beskæftigelsesudvalget, onsdag den 5. november "
        "2025 hedder nu: Referat fra udvalgets møde den 23. oktober 2025 (før: Referat fra "
        "udvalgets møde den 22. oktober 2025)"]


def test_json_lists_each_change_with_the_spec_s_keys(run_cli, tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    result = run_cli("diff", str(old), str(new), "--format", "json")
    found = json.loads(result.stdout)
    assert [c["kind"] for c in found] == ["location", "moved", "item"]
    moved = found[1]
    assert set(moved) == {"kind", "body", "uid", "date", "new_date", "before", "after", "text"}
    assert (moved["body"], moved["date"], moved["new_date"]) == ("sbu", "2025-10-22",
                                                                 "2025-10-23")
    assert moved["text"].startswith("Møde flyttet: ")
    assert run_cli("diff", str(old), str(old), "--format", "json").stdout == "[]\n"


def test_the_exit_status_is_git_diff_s(run_cli, tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    assert run_cli("diff", str(old), str(new)).exit_code == 0
    assert run_cli("diff", str(old), str(new), "--exit-code").exit_code == 1
    same = run_cli("diff", str(old), str(old), "--exit-code")
    assert (same.exit_code, same.stdout) == (0, "Ingen ændringer.\n")


def test_a_plan_with_errors_compares_nothing(run_cli, tmp_path: Path) -> None:
    old, _ = versions(tmp_path)
    broken = plan_file(tmp_path, OVERLAPPING)
    result = run_cli("diff", str(old), str(broken))
    assert result.exit_code == 1
    assert "error[overlap]" in result.stderr
    assert result.stdout == ""
    unreadable = tmp_path / "halv.toml"
    unreadable.write_text('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = "snart"\n',
                          encoding="utf-8")
    result = run_cli("diff", str(unreadable), str(old))
    assert result.exit_code == 1
    assert f"{unreadable}:4: error[" in result.stderr
    missing = run_cli("diff", str(tmp_path / "ingen.toml"), str(old))
    assert missing.exit_code == 1
    assert "error[missing-file]" in missing.stderr


def test_plans_of_different_ids_are_said_to_be_so(run_cli, tmp_path: Path) -> None:
    old, new = versions(tmp_path)
    new.write_text(old.read_text(encoding="utf-8").replace('id = "aarhus-msb-2025"',
                                                           'id = "aarhus-msb-2025-v2"'),
                   encoding="utf-8")
    result = run_cli("diff", str(old), str(new))
    assert result.exit_code == 0
    assert "aarhus-msb-2025-v2" in result.stderr
    assert "UID" in result.stderr
    # What a reader sees of the meetings is the same: no line for them.
    assert result.stdout == "Ingen ændringer.\n"
