"""Writing to stdout and stderr: terminal detection, sanitising, and closed pipes.

Nothing here imports rich; plain and JSON output stay fast.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import TextIO

from ..text import strip_control


class PipeClosed(Exception):
    """The reader of stdout went away (`cry-picker list | head -1`); stop quietly."""


def is_terminal(stream: TextIO) -> bool:
    """Rich cards on a terminal, plain lines in a pipe. TTY_COMPATIBLE=1/0 overrides,
    as rich itself does."""
    forced = os.environ.get("TTY_COMPATIBLE", "")
    if forced in ("0", "1"):
        return forced == "1"
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # not a real file descriptor (a test runner's buffer): nothing to flush


def write(text: str) -> None:
    """Write results to stdout; a closed pipe ends the command quietly."""
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise PipeClosed() from None


def say(text: str) -> None:
    """A message for the person, on stderr, stripped of control characters."""
    try:
        sys.stderr.write(strip_control(text) + "\n")
        sys.stderr.flush()
    except (BrokenPipeError, ValueError):
        pass


def use_utf8() -> None:
    """Korean text and tear drops must print whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")
