"""The command-line face of cry-picker. For now it only knows its version; the commands
(suggest, show, search) build on the catalogue loader and the matching engine."""

from __future__ import annotations

from typing import Annotated

import typer

from .. import __version__

app = typer.Typer(
    name="cry-picker",
    context_settings={"help_option_names": ["-h", "--help"]},
    pretty_exceptions_show_locals=False,
)


@app.callback(invoke_without_command=True)
def _root(
    version: Annotated[bool, typer.Option("--version", "-V", help="Print the version.")] = False,
) -> None:
    """Find a Korean drama that will make you cry."""
    if version:
        typer.echo(f"cry-picker {__version__}")


def main() -> None:
    """Console-script entry point."""
    app()
