"""The command-line face of cry-picker; the core never imports from here."""

from __future__ import annotations

from . import catalogs, commands, watching  # noqa: F401  (importing registers the commands)
from .app import app


def main() -> None:
    """Console-script entry point."""
    app()


__all__ = ["app", "main"]
