"""A click group whose commands are imported when they run.

Each command's module imports at its top what the command needs (feeds,
pages, a calendar server): ``aarshjul check`` never loads what ``aarshjul
build`` does. This is click's own recipe for lazy subcommands, with one
addition: the group knows each command's summary, so that ``aarshjul
--help`` lists the commands without importing any of them (importing them
all made the list cost as much as the slowest command's start).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any

import click

__all__ = ["LazyGroup"]


class LazyGroup(click.Group):
    """A group with ``lazy_subcommands``: a command's name, where it is
    defined and its summary, the first line of its help
    (``"check": ("aarshjul.cli.checking.check", "Check plans …")``)."""

    def __init__(self, *args: Any, lazy_subcommands: Mapping[str, tuple[str, str]] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lazy_subcommands = dict(lazy_subcommands or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy_subcommands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self.lazy_subcommands:
            return self._load(cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The list of commands in ``--help``: click lays it out from stand-ins
        that carry only each command's summary, as it would from the commands."""
        stand_ins = {name: click.Command(name, help=summary)
                     for name, (_, summary) in self.lazy_subcommands.items()}
        listing = click.Group(self.name, commands={**stand_ins, **self.commands})
        listing.format_commands(ctx, formatter)

    def _load(self, name: str) -> click.Command:
        where = self.lazy_subcommands[name][0]
        module, _, attribute = where.rpartition(".")
        command = getattr(importlib.import_module(module), attribute)
        if not isinstance(command, click.Command):
            raise TypeError(f"{where} is not a click command")
        return command
