"""The commands are imported when they run, and only the one that runs."""

from __future__ import annotations

import click
import pytest
from click.testing import CliRunner

from aarshjul.cli import COMMANDS, cli
from aarshjul.cli.lazy import LazyGroup

from .plans import EXAMPLE
from .processes import modules_after


def test_every_command_is_where_the_group_says() -> None:
    group = cli
    assert isinstance(group, LazyGroup)
    context = click.Context(group)
    assert group.list_commands(context) == sorted(COMMANDS)
    for name in COMMANDS:
        command = group.get_command(context, name)
        assert isinstance(command, click.Command)
        assert command.name == name


def test_each_summary_is_the_first_line_of_its_command_s_help() -> None:
    """The table's summaries are what --help lists: they cannot drift from
    the commands' own help."""
    context = click.Context(cli)
    for name, (_, summary) in COMMANDS.items():
        command = cli.get_command(context, name)
        assert command is not None
        assert command.help is not None
        assert summary == " ".join(command.help.split("\n\n")[0].split()), name


def test_the_list_of_commands_is_the_one_click_makes_from_the_commands() -> None:
    group = cli
    assert isinstance(group, LazyGroup)
    loaded = click.Group(cli.name, commands={name: group.get_command(click.Context(group), name)
                                             for name in COMMANDS},
                         context_settings=cli.context_settings)
    listed = CliRunner().invoke(cli, ["--help"], prog_name="aarshjul").output
    made = CliRunner().invoke(loaded, ["--help"], prog_name="aarshjul").output
    commands = listed[listed.index("Commands:"):]
    assert commands == made[made.index("Commands:"):]
    assert all(f"  {name} " in commands for name in COMMANDS)


def test_help_imports_no_command() -> None:
    listed, modules = modules_after(["--help"], "aarshjul.")
    assert "Commands:" in listed
    assert modules == ["aarshjul._version", "aarshjul.cli", "aarshjul.cli.lazy"]


def test_only_the_command_that_runs_is_imported() -> None:
    assert modules_after(["--version"], "aarshjul.cli.")[1] == ["aarshjul.cli.lazy"]
    assert modules_after(["check", str(EXAMPLE)], "aarshjul.cli.")[1] == [
        "aarshjul.cli.checking", "aarshjul.cli.common", "aarshjul.cli.lazy"]


def test_a_name_that_is_no_command_is_a_type_error() -> None:
    group = LazyGroup(lazy_subcommands={"odd": ("aarshjul.cli.COMMANDS", "Odd.")})
    with pytest.raises(TypeError, match="is not a click command"):
        group.get_command(click.Context(group), "odd")
    assert group.get_command(click.Context(group), "missing") is None


def test_an_unknown_command_is_a_usage_error() -> None:
    result = CliRunner().invoke(cli, ["chek"])
    assert result.exit_code == 2
    assert "No such command 'chek'" in result.output
