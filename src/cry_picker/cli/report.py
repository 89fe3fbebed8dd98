"""The one place where the core's errors, and Click's usage errors, become words on
stderr and an exit status. The core gives the facts; the wording, the hints (which
name our flags, commands and environment variables) and the statuses live here."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

import typer

from .. import errors as e
from .status import ExitStatus
from .streams import OutputFailed, say, write

MAX_PROBLEMS = 50  # problems of an invalid catalogue shown in full; the rest are counted
MAX_VALUE = 80  # characters of a value quoted back in a message


class Failure(e.CryPickerError):
    """A command's own "nothing to show" ending, worded by the command."""

    def __init__(
        self,
        message: str,
        *,
        status: ExitStatus = ExitStatus.NO_MATCH,
        hint: str | None = None,
        suggestions: Sequence[str] = (),
    ) -> None:
        super().__init__(message)
        self.message = message
        self.status = status
        self.hint = hint
        self.suggestions = tuple(suggestions)


class Words(NamedTuple):
    message: str
    status: ExitStatus
    hint: str | None = None
    suggestions: tuple[str, ...] = ()


def cut(text: str) -> str:
    """A user's text for a message: one line, and not too long."""
    one_line = " ".join(text[: 4 * MAX_VALUE].split())
    if len(one_line) > MAX_VALUE or len(text) > 4 * MAX_VALUE:
        one_line = one_line[: MAX_VALUE - 3] + "..."
    return one_line


def quoted(text: str) -> str:
    """A user's text quoted back in a message: one line, and not too long."""
    return f"'{cut(text)}'"


def _data_hint(path: Path, code: int | None) -> str:
    """What to do about a data directory that cannot be used, by what went wrong."""
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        fix = "free some space (or files, if its inodes ran out) on its filesystem"
    elif code in (errno.EEXIST, errno.ENOTDIR):
        fix = f"move the file that stands in the way of {path}"
    elif code == errno.EROFS:
        fix = f"{path} is on a read-only filesystem"
        if _xdg():
            return f"{fix}; set XDG_DATA_HOME to a directory you can write to"
        return fix
    else:
        fix = f"make {path} writable"
    return f"{fix}, or set XDG_DATA_HOME to a directory you can write to" if _xdg() else fix


def _xdg() -> bool:
    """Whether XDG_DATA_HOME decides where the data directory is (Linux, or it is set)."""
    return bool(os.environ.get("XDG_DATA_HOME")) or str(sys.platform).startswith("linux")


_WHAT = {"title": "a title", "query": "a search query", "actor": "an actor's name",
         "mood": "a mood", "era": "an era"}  # fmt: skip
_RANGES = {"limit": "--limit", "min_tears": "--min-tears", "min_episodes": "--min-episodes",
           "max_episodes": "--max-episodes"}  # fmt: skip


def _empty(error: e.EmptyText) -> Words:
    return Words(f"{_WHAT[error.what]} cannot be empty", ExitStatus.USAGE)


def _unknown(error: e.UnknownTerm) -> Words:
    if error.what == "network":
        return Words(
            f"no drama in the catalogue aired on {quoted(error.text)}",
            ExitStatus.USAGE,
            "--network completes the catalogue's networks",
            error.suggestions,
        )
    listing = "moods" if error.what == "mood" else "eras"
    hint = f"see `cry-picker {listing}`"
    if error.what == "mood":
        hint += " for every mood and its synonyms"
    else:
        hint += "; a year (1980), a decade (the 90s) or a century (18th century) works too"
    return Words(
        f"unknown {error.what} {quoted(error.text)}", ExitStatus.USAGE, hint, error.suggestions
    )


def _range(error: e.OutOfRange) -> Words:
    option = _RANGES.get(error.what, error.what)
    span = (
        f"from {error.low:,} to {error.high:,}"
        if error.high is not None
        else f"{error.low:,} or more"
    )
    return Words(f"{option} must be {span}, got {error.value:,}", ExitStatus.USAGE)


def _bad_value(error: e.BadValue) -> Words:
    option = "--" + error.what.replace("_", "-")
    accepted = "; ".join(error.accepted)
    return Words(
        f"{option}: cannot read {quoted(error.text)}", ExitStatus.USAGE, f"accepted: {accepted}"
    )


def _no_catalogue(error: e.NoCatalogue) -> Words:
    return Words(
        "--no-bundled leaves no catalogue to read",
        ExitStatus.USAGE,
        "pass --catalog PATH or set CRY_PICKER_CATALOG",
    )


def _title(error: e.TitleNotFound) -> Words:
    return Words(
        f"no drama called {quoted(error.text)} in the catalogue",
        ExitStatus.NO_MATCH,
        suggestions=error.suggestions,
    )


def _ambiguous_title(error: e.AmbiguousTitle) -> Words:
    listed = error.suggestions
    if len(error.years) == len(listed):  # "Trap (2019), Trap (2020)"
        listed = tuple(
            title if title.endswith((f"({year})", f"[{year}]")) else f"{title} ({year})"
            for title, year in zip(listed, error.years, strict=True)
        )
    hint = "type more of the title"
    if error.name is not None and error.years:
        hint = f"add the year, as in {quoted(f'{error.name} {error.years[-1]}')}"
    return Words(
        f"{quoted(error.text)} could be more than one drama", ExitStatus.NO_MATCH, hint, listed
    )


def _actor(error: e.ActorNotFound) -> Words:
    return Words(
        f"no actor called {quoted(error.text)} in the catalogue",
        ExitStatus.NO_MATCH,
        suggestions=error.suggestions,
    )


def _ambiguous_actor(error: e.AmbiguousActor) -> Words:
    if error.namesakes:
        return Words(
            f"{quoted(error.text)} is the name of more than one actor",
            ExitStatus.NO_MATCH,
            "type the Hangul name of the one you mean",
            error.suggestions,
        )
    what = "is only a surname" if error.surname_only else "fits more than one actor"
    return Words(
        f"{quoted(error.text)} {what}; several actors share it",
        ExitStatus.NO_MATCH,
        "type the full name",
        error.suggestions,
    )


def _storage(error: e.StorageError) -> Words:
    reason = f": {error.reason}" if error.reason else ""
    path = error.path
    if isinstance(error, e.LogBusy):
        return Words(
            f"another cry-picker has held {path} for {error.seconds:.0f}s; try again",
            ExitStatus.STORAGE,
        )
    if isinstance(error, e.NewerLog):
        return Words(
            f"the watched log {path} has format {error.found}, "
            f"but this cry-picker understands format {error.supported}",
            ExitStatus.STORAGE,
            "upgrade cry-picker; the file was left as it is",
        )
    if isinstance(error, e.LogReadOnly):
        return Words(
            f"the watched log {path} is read-only; it was left as it is",
            ExitStatus.STORAGE,
            f"make {path} writable to change it",
        )
    if isinstance(error, e.LogStuck):
        return Words(
            f"the watched log {path} is damaged and cannot be moved aside{reason}",
            ExitStatus.STORAGE,
            f"move {path} out of the way to start a fresh log",
        )
    if isinstance(error, e.LogNotAFile):
        return Words(
            f"the watched log {path} is a {error.kind}, not a regular file; it was left as it is",
            ExitStatus.STORAGE,
            f"move {path} out of the way to start a fresh log",
        )
    if isinstance(error, e.LogTooBig):
        return Words(
            f"the watched log {path} is larger than {error.limit >> 20} MiB, more than "
            "cry-picker ever writes; it was left as it is",
            ExitStatus.STORAGE,
            f"move {path} out of the way to start a fresh log",
        )
    if isinstance(error, e.LogUnreadable):
        return Words(f"cannot read the watched log {path}{reason}", ExitStatus.STORAGE)
    if isinstance(error, e.LockUnusable):
        return Words(
            f"cannot lock the watched log with {path}{reason}",
            ExitStatus.STORAGE,
            f"{path} should be an ordinary file, or absent; move it out of the way",
        )
    if error.code in (errno.EEXIST, errno.ENOTDIR):
        reason = ": a file is in the way"
    return Words(
        f"cannot use the data directory {path}{reason}",
        ExitStatus.STORAGE,
        _data_hint(path, error.code),
    )


def _failure(error: Failure) -> Words:
    return Words(error.message, error.status, error.hint, error.suggestions)


_TABLE: dict[type[Any], Callable[[Any], Words]] = {
    Failure: _failure,
    e.EmptyText: _empty,
    e.UnknownTerm: _unknown,
    e.OutOfRange: _range,
    e.BadValue: _bad_value,
    e.NoCatalogue: _no_catalogue,
    e.TitleNotFound: _title,
    e.AmbiguousTitle: _ambiguous_title,
    e.ActorNotFound: _actor,
    e.AmbiguousActor: _ambiguous_actor,
    e.StorageError: _storage,
}


def words(error: e.CryPickerError) -> Words:
    """What to tell the person about `error`, and the exit status."""
    for kind in type(error).__mro__:
        if kind in _TABLE:
            return _TABLE[kind](error)
    return Words(str(error) or type(error).__name__, ExitStatus.USAGE)


def report(error: e.CryPickerError) -> ExitStatus:
    if isinstance(error, e.CatalogueError):
        return report_problems(error)
    said = words(error)
    say(f"Error: {said.message}")
    if said.suggestions:
        say("Did you mean: " + ", ".join(said.suggestions) + "?")
    if said.hint:
        say(f"Hint: {said.hint}")
    return said.status


def report_problems(error: e.CatalogueError) -> ExitStatus:
    for problem in error.problems[:MAX_PROBLEMS]:
        say(f"Error: {problem}")
    hidden = len(error.problems) - MAX_PROBLEMS + error.more
    if hidden > 0:
        say(f"Error: ... and {hidden:,} more problems in the same file")
    return ExitStatus.USAGE


def report_output(error: OutputFailed) -> ExitStatus:
    """Results that could not be written to stdout (a full disk): nothing reached the
    reader, so this is a failure, and not "nothing matched"."""
    say(f"Error: cannot write the results to standard output: {error.reason}")
    return ExitStatus.STORAGE


def report_lost_confirmation(error: OutputFailed) -> None:
    """A change was saved, but the line saying so could not be written."""
    say(f"Warning: done, but the confirmation could not be written: {error.reason}")


def report_click(error: typer.TyperException) -> ExitStatus:
    """A usage error from the command-line parser (bad option value, unknown option or
    command) as an error line and a hint."""
    message = error.format_message()
    code = int(getattr(error, "exit_code", ExitStatus.USAGE))
    ctx = getattr(error, "ctx", None)
    if ctx is not None and message and message.strip() == ctx.get_help().strip():
        write(message.rstrip("\n") + "\n")  # a bare command: its help, not an error
        return ExitStatus.USAGE
    if message:
        say(f"Error: {message}")
    if message and ctx is not None and code == ExitStatus.USAGE:
        say(f"Hint: try '{ctx.command_path} -h' for help.")
    return ExitStatus.NO_MATCH if code == ExitStatus.NO_MATCH else ExitStatus.USAGE
