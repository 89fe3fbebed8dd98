"""Writing to stdout and stderr: terminal detection and sanitising.

Nothing here imports rich; plain and JSON output stay fast. A reader that goes away
(`cry-picker list | head -1`) ends the command quietly: every write to stdout goes
through `guarded`, which turns the broken pipe into `PipeClosed` for the application's
one error handler (Typer would otherwise treat it as a failure).
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from typing import TextIO

from ..text import strip_control


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


class PipeClosed(Exception):
    """The reader of stdout went away; stop quietly."""


def guarded(action: Callable[[], object]) -> None:
    """Run something that writes to stdout; a closed pipe becomes PipeClosed."""
    try:
        action()
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise PipeClosed() from None


def write(text: str) -> None:
    """Write results to stdout, flushed."""
    guarded(lambda: sys.stdout.write(text))


def say(text: str) -> None:
    """A message for the person, on stderr, stripped of control characters."""
    try:
        sys.stderr.write(strip_control(text) + "\n")
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # nowhere left to say it


def use_utf8() -> None:
    """Korean text and tear drops must print whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")
