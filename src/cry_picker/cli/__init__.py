"""The command-line face of cry-picker; the core never imports from here."""

from __future__ import annotations

import atexit
import copy
import os
import sys
import threading
from collections.abc import Sequence

import typer

from . import catalogs, commands, watching  # noqa: F401  (importing registers the commands)
from .app import app


def main() -> None:
    """Console-script entry point."""
    try:
        only(sys.argv[1:])()
    except SystemExit as done:
        leave(done.code)
        raise


def leave(code: object) -> None:
    """End the process at once with `code`, when nothing is left to do at exit.

    A normal exit frees every object of typer, pydantic, rich and the catalogue one by
    one: some 25 ms, a fifth of a command's run, for memory the operating system takes
    back anyway (mypy ends the same way). It is skipped only when it is safe: the output
    is flushed, no exit handler is registered (a lock to release, a coverage report to
    save) and no other thread runs. Otherwise this returns, for a normal exit.
    """
    if not isinstance(code, int | None) or threading.active_count() > 1:
        return
    handlers = getattr(atexit, "_ncallbacks", None)  # CPython's; elsewhere, exit normally
    if handlers is None or handlers():
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # let the normal exit report what it can
    os._exit(code or 0)


def only(args: Sequence[str]) -> typer.Typer:
    """The application with just the command that `args` begin with: Typer builds the
    options of every command it holds on every run, and a run needs one. Arguments that
    begin with no command (help, the version, a typo to suggest a command for, shell
    completion) get the whole application.

    `registered_commands`, `registered_groups` and `CommandInfo` are public attributes of
    Typer that its documentation does not describe: when the upper bound of the typer
    range is raised, tests/test_cli_contracts.py is what shows whether they still hold."""
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


__all__ = ["app", "leave", "main", "only"]
