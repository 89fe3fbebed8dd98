"""Turn the core's exceptions and Click's usage errors into stderr lines and a status."""

from __future__ import annotations

from typing import Any

import typer

from ..errors import CatalogueError, CryPickerError, NotFound, StorageError, UsageProblem
from .status import ExitStatus
from .streams import say

# Typer vendors Click, so Click's base exception is reached through a public Typer class
# rather than a private module path.
CLICK_EXCEPTION: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException"
)


def did_you_mean(suggestions: tuple[str, ...]) -> None:
    if suggestions:
        say("Did you mean: " + ", ".join(suggestions) + "?")


def report(error: CryPickerError) -> ExitStatus:
    if isinstance(error, CatalogueError):
        for problem in error.problems:
            say(f"Error: {problem}")
        return ExitStatus.USAGE
    say(f"Error: {error.message}")
    if isinstance(error, (NotFound, UsageProblem)):
        did_you_mean(error.suggestions)
    if error.hint:
        say(f"Hint: {error.hint}")
    if isinstance(error, NotFound):
        return ExitStatus.NO_MATCH
    if isinstance(error, StorageError):
        return ExitStatus.STORAGE
    return ExitStatus.USAGE


def report_click(error: Any) -> ExitStatus:
    """A Click usage error (bad option value, unknown option or command) as two lines."""
    say(f"Error: {error.format_message()}")
    code = int(getattr(error, "exit_code", ExitStatus.USAGE))
    ctx = getattr(error, "ctx", None)
    if ctx is not None and code == ExitStatus.USAGE:
        say(f"Hint: try '{ctx.command_path} -h' for help.")
    return ExitStatus.NO_MATCH if code == ExitStatus.NO_MATCH else ExitStatus.USAGE
