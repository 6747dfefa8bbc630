"""The documentation stays true: its examples load, its keys exist."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click
import jsonschema
import pytest

from aarshjul import forms, parse_plan
from aarshjul.cli import COMMANDS, cli
from aarshjul.following import FOLLOW_DAYS, FOLLOW_WEEKS
from aarshjul.plan import case_tables, table_kinds
from aarshjul.plan.header import PLAN_KEYS
from aarshjul.plan.reader import TABLES

from .plans import ROOT, agendas_of

PLAN_FORMAT = ROOT / "docs" / "plan-format.md"
SCHEMA = ROOT / "aarshjul" / "schema" / "plan.schema.json"
AGENDAS = ROOT / "docs" / "agendas.md"


def toml_blocks(path: Path) -> list[str]:
    return re.findall(r"```toml\n(.*?)```", path.read_text(encoding="utf-8"), re.DOTALL)


BLOCKS = toml_blocks(PLAN_FORMAT)


def test_the_first_example_is_a_whole_plan() -> None:
    plan = parse_plan(BLOCKS[0], source="plan-format.md")
    assert agendas_of(plan).ok


@pytest.mark.parametrize("index", range(1, len(BLOCKS)))
def test_every_example_loads_and_schedules(index: int) -> None:
    """Each example is added to the plan the examples before it made."""
    text = "\n".join(BLOCKS[: index + 1])
    result = agendas_of(parse_plan(text, source="plan-format.md"))
    assert [p for p in result.problems if p.is_error] == []


def test_every_key_has_an_example() -> None:
    written = "\n".join(BLOCKS)
    keys = {*PLAN_KEYS, *table_kinds.CLOSED_KEYS, *table_kinds.BODY_KEYS,
            *table_kinds.SERIES_KEYS, *table_kinds.ITEM_KEYS, *table_kinds.MEETING_KEYS,
            *table_kinds.THEME_KEYS, *case_tables.CASE_KEYS, *case_tables.ROUTE_KEYS,
            *table_kinds.TEMPLATE_KEYS} - {"item"}
    missing = {key for key in keys if not re.search(rf"^{key} =", written, re.MULTILINE)}
    assert missing == set()
    for table in TABLES:
        assert f"[{table}]" in written or f"[[{table}]]" in written


def test_every_code_is_documented() -> None:
    text = (PLAN_FORMAT.read_text(encoding="utf-8") + AGENDAS.read_text(encoding="utf-8")
            + (ROOT / "docs" / "commands.md").read_text(encoding="utf-8"))
    documented = set(re.findall(r"^\| `([a-z-]+)` \| (?:error|warning|info) \|", text,
                                re.MULTILINE))
    sources = "".join(p.read_text(encoding="utf-8")
                      for p in sorted((ROOT / "aarshjul").rglob("*.py")))
    code = r'\s*"([a-z]+(?:-[a-z]+)*)"'
    used = set()
    for call in (rf"\.report\({code}", rf"\.single\({code}", rf"\.add\([^,()]+,{code}",
                 rf'_report_pairs\([^"]*?,{code}', rf"\.problem\((?:[\w.]+,)?{code}",
                 rf'\.error\((?:None|"\w+"|\w+),{code}', rf"Problem\(\s*Severity\.\w+,{code}",
                 rf"_fail\([\w.]+,{code}", rf"\._error\({code}"):
        used |= set(re.findall(call, sources))
    assert len(used) > 20
    # Codes of files that cannot be read at all, listed in commands.md.
    unlisted = {"missing-file", "not-a-file", "not-a-folder", "unreadable", "unknown-kind",
                "cannot-write", "bad-source-date-epoch", "not-a-site", "not-icalendar",
                "too-large", "not-a-feed-folder", "site-busy"}
    assert all(f"`{code}`" in text for code in unlisted)
    assert used - unlisted - documented == set()
    assert documented - used == set()


def as_json_types(value: Any) -> Any:
    """TOML dates and times as the strings an editor's schema check sees."""
    if isinstance(value, dict):
        return {k: as_json_types(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json_types(v) for v in value]
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


@pytest.mark.parametrize("plan", sorted((ROOT / "calendars").glob("*.toml")),
                         ids=lambda p: p.name)
def test_the_schema_accepts_the_real_plans(plan: Path) -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    raw = as_json_types(tomllib.loads(plan.read_text(encoding="utf-8")))
    jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker()
                                    ).validate(raw)


def test_the_schema_accepts_the_documented_examples() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    validator.validate(as_json_types(tomllib.loads("\n".join(BLOCKS))))


def test_the_schema_rejects_what_check_rejects() -> None:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for broken in ('[plan]\ntitle = "x"\nstart = 2025-01-01\nend = 2025-12-31\ntypo = 1\n',
                   '[plan]\ntitle = "x"\nstart = 2025-01-01\n',
                   BLOCKS[0] + '\n[[series]]\nbody = "sbu"\nstart = "25:00"\nend = "19:00"\n'
                   'every = "hver onsdag"\n',
                   BLOCKS[0] + '\n[[body]]\nid = "' + "s" * 65 + '"\nname = "Lang"\n',
                   BLOCKS[0] + '\n[[meeting]]\nbody = "sbu"\ndate = 2025-02-05\n'
                   'announced = "false"\n',
                   *(BLOCKS[0] + '\n[[series]]\nbody = "sbu"\nevery = "hver onsdag"\n'
                     f'start = "18:15"\nend = "19:00"\n{wrong}\n'
                     for wrong in ("months = 3", "months = []", "months = [13]",
                                   'on_closed = "keep"', 'on_holiday = "week-later"',
                                   'follows = "sbu"', "weeks = -1")),
                   *(BLOCKS[0] + '\n[[series]]\nbody = "sbu"\nfollows = "rm"\n'
                     f'start = "18:15"\nend = "19:00"\n{wrong}\n'
                     for wrong in ("weeks = 9", "days = -61", "weeks = -1\ndays = -7",
                                   'weekday = "mandag"\ndays = -7', "weeks = 1.5"))):
        assert not validator.is_valid(as_json_types(tomllib.loads(broken)))


def _id_nodes(node: Any) -> Iterator[dict[str, Any]]:
    """Every part of the schema that holds an id."""
    if isinstance(node, dict):
        if node.get("pattern") == "^[a-z0-9][a-z0-9-]*$":
            yield node
        for value in node.values():
            yield from _id_nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _id_nodes(value)


def test_the_schema_limits_ids_as_the_plan_does() -> None:
    """An id names files: the schema allows no longer one than check does."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    ids = list(_id_nodes(schema))
    assert len(ids) >= 8
    assert {node.get("maxLength") for node in ids} == {forms.ID_LENGTH}


def _ranges(node: Any, key: str = "") -> Iterator[tuple[str, int | None, int | None]]:
    """(key, minimum, maximum) of every number the schema limits."""
    if isinstance(node, dict):
        if "minimum" in node or "maximum" in node:
            yield key, node.get("minimum"), node.get("maximum")
        for name, value in node.items():
            yield from _ranges(value, key if name in ("items", "oneOf") else name)
    elif isinstance(node, list):
        for value in node:
            yield from _ranges(value, key)


def test_the_schema_limits_numbers_as_the_plan_does() -> None:
    """The schema says the limits a third time, for editors: it says the same.
    A meeting's minutes are at least 1 and end before midnight (the
    validation pass's rule); every other number has its Bounds."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    bounds = {"weeks": forms.ISO_WEEKS, "months": forms.MONTHS, "month": forms.MONTHS,
              "agenda_deadline": forms.DEADLINE_DAYS, "case_deadline": forms.DEADLINE_DAYS,
              "minutes": forms.MINUTES, "gap": forms.ROUTE_GAP, "wheel_start": forms.MONTHS}
    meeting = forms.Bounds(1, forms.MINUTES.high - 1)
    found = {(key, low, high) for key, low, high in _ranges(schema)}
    follower = {("weeks", FOLLOW_WEEKS), ("days", FOLLOW_DAYS)}  # a follower's, beside
    assert found == {(key, b.low, b.high) for key, b in (*bounds.items(), *follower)} | {
        ("minutes", meeting.low, meeting.high)}


COMMANDS_DOC = ROOT / "docs" / "commands.md"


def command_sections() -> dict[str, str]:
    """Each command's section of commands.md, by the command's name."""
    parts = re.split(r"^## `aarshjul (\w+)[^`\n]*`\n", COMMANDS_DOC.read_text(encoding="utf-8"),
                     flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_and_each_of_its_options_is_documented(name: str) -> None:
    section = command_sections().get(name)
    assert section is not None, f"docs/commands.md has no section for `aarshjul {name}`"
    command = cli.get_command(click.Context(cli), name)
    assert command is not None
    for option in command.params:
        if isinstance(option, click.Option):
            assert any(f"`{opt}" in section for opt in option.opts), (name, option.opts)


README = ROOT / "README.md"


def test_the_readme_starts_with_the_two_commands() -> None:
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines[2] == "```sh"
    install, test = lines[3], lines[4]
    assert install.startswith("python3 -m pip install . && aarshjul ")
    assert "calendars/aarhus-msb-2025.toml" in install
    assert test == ('apt-get update && apt-get install -y chromium fonts-dejavu-core libical3 '
                    '&& npm install --prefix tests/icaljs '
                    '&& python3 -m pip install -e ".[test]" && python3 -m pytest')
    # .ci/run runs each part of it.
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for part in ("apt-get update -qq", "apt-get install -y -qq chromium fonts-dejavu-core libical3",
                 "npm install --prefix tests/icaljs",
                 'python3 -m pip install -q -e ".[test]"', "python3 -m pytest"):
        assert part in run, part


def test_a_checkout_runs_the_commands_without_installing(tmp_path: Path) -> None:
    """cli.py beside the package runs it, whatever is installed elsewhere:
    here another ``aarshjul`` on the path, which fails when imported."""
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "aarshjul").mkdir(parents=True)
    (elsewhere / "aarshjul" / "__init__.py").write_text(
        'raise ImportError("the aarshjul installed elsewhere")\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(elsewhere)}
    plan = str(ROOT / "calendars" / "aarhus-msb-2025.toml")
    result = subprocess.run([sys.executable, str(ROOT / "cli.py"), "check", plan],
                            capture_output=True, text=True, cwd=tmp_path, env=env, check=False)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1].startswith("ok: 1 fil tjekket, 0 fejl")
    # The same script away from the package runs the other one: so the run
    # above ran the checkout's package because cli.py stands beside it.
    away = tmp_path / "cli.py"
    away.write_bytes((ROOT / "cli.py").read_bytes())
    other = subprocess.run([sys.executable, str(away), "check", plan], capture_output=True,
                           text=True, cwd=tmp_path, env=env, check=False)
    assert "the aarshjul installed elsewhere" in other.stderr


def test_the_readme_example_gives_what_it_shows(run_cli, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    text = README.read_text(encoding="utf-8")
    (plan,) = toml_blocks(README)
    shown = re.findall(r"```console\n\$ (.*?)\n(.*?)```", text, re.DOTALL)
    monkeypatch.chdir(tmp_path)
    Path("udvalg.toml").write_text(plan, encoding="utf-8")
    command, output = shown[0]
    assert command == "aarshjul meetings udvalg.toml"
    assert run_cli(*command.split()[1:]).stdout == output
    Path("udvalg.toml").write_text(plan.replace("anden onsdag", "anden onsdg"),
                                   encoding="utf-8")
    command, output = shown[1]
    result = run_cli(*command.split()[1:])
    assert result.exit_code == 1
    first, summary = output.rstrip("\n").split("\n")
    assert result.stdout.startswith(first.removesuffix("…"))
    assert result.stdout.rstrip("\n").endswith(summary)


ROUTES_DOC = ROOT / "docs" / "routes.md"


def test_the_routes_page_shows_what_the_commands_say(run_cli) -> None:
    """docs/routes.md quotes `aarshjul cases` and an agenda of the example
    plan: they are what the commands print."""
    text = ROUTES_DOC.read_text(encoding="utf-8")
    blocks = re.findall(r"```text\n(.*?)```", text, re.DOTALL)
    command, *listed = blocks[0].splitlines()
    args = command.removeprefix("$ aarshjul ").split()
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(ROOT)
        assert run_cli(*args).stdout.splitlines() == listed
        agenda = run_cli("agenda", "calendars/fredensborg-2017.toml", "bsu", "2017-09-04").stdout
    assert blocks[1] in agenda


DIFF_DOC = ROOT / "docs" / "diff.md"


def test_the_diff_page_shows_what_the_command_says(run_cli, tmp_path: Path) -> None:
    """docs/diff.md's example: its change added to the example plan gives
    the lines the page quotes."""
    text = DIFF_DOC.read_text(encoding="utf-8")
    (change,) = re.findall(r"```toml\n(.*?)```", text, re.DOTALL)
    (shown,) = re.findall(r"```text\n(.*?)```", text, re.DOTALL)
    command, *lines = shown.splitlines()
    assert command == ("$ aarshjul diff HEAD:calendars/aarhus-msb-2025.toml "
                       "calendars/aarhus-msb-2025.toml")
    plan = (ROOT / "calendars" / "aarhus-msb-2025.toml").read_text(encoding="utf-8")
    anchor = '[[template]]\nid = "udvalgsmoede"'
    changed = tmp_path / "aarhus-msb-2025.toml"
    changed.write_text(plan.replace(anchor, change + "\n" + anchor, 1), encoding="utf-8")
    result = run_cli("diff", str(ROOT / "calendars" / "aarhus-msb-2025.toml"), str(changed))
    assert result.stdout.splitlines() == lines


IMPORT_DOC = ROOT / "docs" / "import.md"


def test_the_import_page_s_worked_example_is_what_the_command_does(run_cli, tmp_path: Path
                                                                    ) -> None:
    """docs/import.md's worked example: the list it quotes, imported, gives
    the lines and the tables it quotes."""
    text = IMPORT_DOC.read_text(encoding="utf-8")
    listed = re.findall(r"```text\n(Udvalg;Dato.*?)```", text, re.DOTALL)[0]
    ((command, output),) = re.findall(r"```console\n\$ (aarshjul import .*?)\n(.*?)```", text,
                                      re.DOTALL)
    (tables,) = re.findall(r"```toml\n(.*?)```", text, re.DOTALL)
    (tmp_path / "oek-2015.csv").write_text(listed, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        result = run_cli(*command.split()[1:])
    assert result.exit_code == 0, result.stderr
    assert result.stdout == output
    assert tables in (tmp_path / "oek-2015.toml").read_text(encoding="utf-8")
