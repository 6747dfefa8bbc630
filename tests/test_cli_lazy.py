"""The commands are imported when they run, and only the one that runs."""

from __future__ import annotations

import subprocess
import sys

import click
import pytest
from click.testing import CliRunner

from aarshjul.cli import COMMANDS, cli
from aarshjul.cli.lazy import LazyGroup

from .plans import EXAMPLE, ROOT


def test_every_command_is_where_the_group_says() -> None:
    group = cli
    assert isinstance(group, LazyGroup)
    context = click.Context(group)
    assert group.list_commands(context) == sorted(COMMANDS)
    for name in COMMANDS:
        command = group.get_command(context, name)
        assert isinstance(command, click.Command)
        assert command.name == name


def test_only_the_command_that_runs_is_imported() -> None:
    version = subprocess.run(
        [sys.executable, "-c", "import sys\nfrom aarshjul.cli import main\ntry:\n"
         "    main(['--version'])\nexcept SystemExit:\n    pass\n"
         "print(sorted(m for m in sys.modules if m.startswith('aarshjul.cli.')))"],
        capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert version.strip().endswith("['aarshjul.cli.lazy']")
    check = subprocess.run(
        [sys.executable, "-c", "import sys\nfrom aarshjul.cli import main\ntry:\n"
         f"    main(['check', {str(EXAMPLE)!r}])\nexcept SystemExit:\n    pass\n"
         "print(sorted(m for m in sys.modules if m.startswith('aarshjul.cli.')))"],
        capture_output=True, text=True, cwd=ROOT, check=True).stdout
    assert check.strip().splitlines()[-1] == (
        "['aarshjul.cli.checking', 'aarshjul.cli.common', 'aarshjul.cli.lazy']")


def test_a_name_that_is_no_command_is_a_type_error() -> None:
    group = LazyGroup(lazy_subcommands={"odd": "aarshjul.cli.COMMANDS"})
    with pytest.raises(TypeError, match="is not a click command"):
        group.get_command(click.Context(group), "odd")
    assert group.get_command(click.Context(group), "missing") is None


def test_an_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["chek"])
    assert result.exit_code == 2
    assert "No such command 'chek'" in result.output
