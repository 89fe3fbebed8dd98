"""The command-line face of cry-picker; the core never imports from here."""

from __future__ import annotations

import copy
import sys
from collections.abc import Sequence

import typer

from . import catalogs, commands, watching  # noqa: F401  (importing registers the commands)
from .app import app


def main() -> None:
    """Console-script entry point."""
    only(sys.argv[1:])()


def only(args: Sequence[str]) -> typer.Typer:
    """The application with just the command that `args` begin with: Typer builds the
    options of every command it holds on every run, and a run needs one. Arguments that
    begin with no command (help, the version, a typo to suggest a command for, shell
    completion) get the whole application."""
    name = args[0] if args else ""
    chosen = [c for c in app.registered_commands if _name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if not chosen and not groups:
        return app
    trimmed = copy.copy(app)
    trimmed.registered_commands = chosen
    trimmed.registered_groups = groups
    return trimmed


def _name(command: typer.models.CommandInfo) -> str:
    """A command's name as Typer gives it: its own, or its function's with dashes."""
    if command.name:
        return command.name
    function = command.callback.__name__ if command.callback else ""
    return function.lower().replace("_", "-")


__all__ = ["app", "main", "only"]
