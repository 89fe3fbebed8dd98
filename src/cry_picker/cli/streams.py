"""Writing to stdout and stderr: terminal detection and sanitising.

Nothing here imports rich; plain and JSON output stay fast. A reader that goes away
(`cry-picker list | head -1`) ends the command quietly: every write to stdout goes
through `guarded`, which turns the broken pipe into `PipeClosed` for the application's
one error handler (Typer would otherwise treat it as a failure), and any other failure to
write (a full disk, `>/dev/full`) into `OutputFailed`. A standard stream that was closed
before the start (`>&-`) is pointed at the null device, so nothing written to it fails
and no file opened later can take its place.
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


def wants_color() -> bool:
    """NO_COLOR (https://no-color.org) set to anything means no escape codes at all, bold
    included: for results, help and progress alike."""
    return not os.environ.get("NO_COLOR")


def silence_stdout() -> None:
    """Point stdout at /dev/null so that Python's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # not a real file descriptor (a test runner's buffer): nothing to flush


class PipeClosed(Exception):
    """The reader of stdout went away; stop quietly."""


class OutputFailed(Exception):
    """stdout cannot be written (a full disk, an I/O error): the results are lost."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason  # the operating system's words


def guarded(action: Callable[[], object]) -> None:
    """Run something that writes to stdout; a closed pipe becomes PipeClosed, any other
    failure to write OutputFailed."""
    try:
        action()
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise PipeClosed() from None
    except OSError as exc:
        silence_stdout()  # what is still buffered would fail again at exit
        raise OutputFailed(exc.strerror or str(exc)) from None


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


def ensure_streams() -> None:
    """Standard streams closed before the start (`>&-`, `2>&-`) become the null device:
    output to them is dropped quietly, as to a reader that went away, and the watched log
    or the cache can never be opened as file descriptor 1 and receive results."""
    for fd, name in ((0, "stdin"), (1, "stdout"), (2, "stderr")):
        try:
            os.fstat(fd)
        except OSError:
            try:
                devnull = os.open(os.devnull, os.O_RDWR)
            except OSError:
                continue
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
        if getattr(sys, name) is None:  # Python found the descriptor closed at start-up
            with contextlib.suppress(OSError):  # the stream lives as long as the process
                stream = open(fd, "r" if fd == 0 else "w", closefd=False)  # noqa: SIM115
                setattr(sys, name, stream)


MAX_COLUMNS = 1000  # wider than any terminal; rich would lay out (and hold) any width


def bound_terminal_size() -> None:
    """A COLUMNS or LINES beyond any real terminal (`COLUMNS=99999999999`) is taken as the
    widest one: rich, for cards and for help alike, would otherwise spend minutes and
    gigabytes laying out lines that long, or fail converting the number."""
    for name in ("COLUMNS", "LINES"):
        value = os.environ.get(name, "").strip()
        if value.isdigit() and (len(value) > 4 or int(value) > MAX_COLUMNS):
            os.environ[name] = str(MAX_COLUMNS)


def use_utf8() -> None:
    """Korean text and tear drops must print whatever the locale says."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(encoding="utf-8", errors="replace")
