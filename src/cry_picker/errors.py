"""The project's own exceptions: what went wrong, and its data, never its wording.

The core raises these with the facts a person needs (the unknown mood, the closest
candidates, the path and the operating system's reason); the command line turns each into
words, a hint and an exit status in one place (`cry_picker.cli.report`). Nothing here
names a flag, a command or an environment variable.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Literal, NamedTuple

# What a piece of free text was meant to be, for messages about it.
TextKind = Literal["title", "query", "actor", "mood", "era"]
# What a path turned out to be when a regular file was expected.
FileKind = Literal["directory", "named pipe", "device", "socket", "special file"]


class CryPickerError(Exception):
    """Base of every error a user can cause."""

    def __init__(self, *data: object) -> None:
        super().__init__(*data)


# --- requests that cannot be answered as asked (usage) ---------------------------------


class UsageProblem(CryPickerError):
    """A request that cannot be answered as asked."""


class EmptyText(UsageProblem):
    """A title, query, name, mood or era with nothing in it to match."""

    def __init__(self, what: TextKind) -> None:
        super().__init__(what)
        self.what = what


class UnknownTerm(UsageProblem):
    """A mood or era that is not in the vocabulary nor in the catalogue, or a network no
    drama in the catalogue airs on."""

    def __init__(
        self, what: Literal["mood", "era", "network"], text: str, suggestions: Sequence[str]
    ) -> None:
        super().__init__(what, text, tuple(suggestions))
        self.what = what
        self.text = text
        self.suggestions = tuple(suggestions)


class OutOfRange(UsageProblem):
    """A number outside what the request allows (a limit of 0, tears of 6)."""

    def __init__(self, what: str, value: int, low: int, high: int | None = None) -> None:
        super().__init__(what, value, low, high)
        self.what = what
        self.value = value
        self.low = low
        self.high = high


class BadValue(UsageProblem):
    """A filter value that cannot be read; `accepted` shows the forms that can."""

    def __init__(self, what: str, text: str, accepted: Sequence[str]) -> None:
        super().__init__(what, text, tuple(accepted))
        self.what = what
        self.text = text
        self.accepted = tuple(accepted)


class NoCatalogue(UsageProblem):
    """Neither the bundled catalogue nor a user's file was asked for."""


# --- nothing in the catalogue answers ----------------------------------------------------


class NotFound(CryPickerError):
    """Nothing in the catalogue answers the request; may carry the closest candidates."""

    def __init__(self, text: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(text, tuple(suggestions))
        self.text = text
        self.suggestions = tuple(suggestions)


class TitleNotFound(NotFound):
    """No drama is confidently the one `text` names; `suggestions` are the closest."""


class AmbiguousTitle(NotFound):
    """Several dramas fit `text` equally well; `suggestions` lists their titles and
    `years` the years they first aired, in the same order. `name` is the name they share
    when a year after it picks one ("Trap" for Trap of 2019 and Trap (2020)), else None."""

    def __init__(
        self,
        text: str,
        suggestions: Sequence[str],
        years: Sequence[int] = (),
        name: str | None = None,
    ) -> None:
        super().__init__(text, suggestions)
        self.years = tuple(years)
        self.name = name


class ActorNotFound(NotFound):
    """Nobody in the catalogue is confidently `text`; `suggestions` are the closest."""


class AmbiguousActor(NotFound):
    """`text` fits several actors (a surname alone, or part of several names); or, with
    `namesakes`, is the whole name of several people told apart only by their Hangul
    names, which are then the suggestions."""

    def __init__(
        self, text: str, suggestions: Sequence[str], *, surname_only: bool, namesakes: bool = False
    ) -> None:
        super().__init__(text, suggestions)
        self.surname_only = surname_only
        self.namesakes = namesakes


# --- catalogue files -----------------------------------------------------------------------


class Problem(NamedTuple):
    """One thing wrong with a catalogue file, located as precisely as we can."""

    file: str
    message: str
    line: int | None = None
    column: int | None = None
    entry: int | None = None  # 1-based position of the [[drama]] table
    title: str | None = None
    field: str | None = None

    def __str__(self) -> str:
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        parts = [where]
        if self.entry is not None:
            label = f'("{self.title}")' if self.title else "(no title)"
            parts.append(f"drama #{self.entry} {label}")
        if self.field is not None:
            parts.append(self.field)
        parts.append(self.message)
        return ": ".join(parts)


class CatalogueError(CryPickerError):
    """A catalogue file that cannot be used; carries every problem found."""

    def __init__(self, problems: Sequence[Problem], more: int = 0) -> None:
        super().__init__(tuple(problems), more)
        self.problems = tuple(problems)
        self.more = more  # problems found but not kept, beyond the report limit

    def __str__(self) -> str:
        return "\n".join(str(p) for p in self.problems)


# --- the user's own files ------------------------------------------------------------------


class StorageError(CryPickerError):
    """The data directory or the watched log cannot be used."""

    def __init__(self, path: Path, reason: str = "", code: int | None = None) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason  # the operating system's words, when it gave some
        self.code = code  # and its error number (errno), when there was one


class DataDirUnusable(StorageError):
    """The data directory cannot be created, locked or written."""


class LockUnusable(StorageError):
    """The watched log's lock file cannot be taken for a reason of its own (it is a
    directory, a symlink loop): `path` is the lock file."""


class LogUnreadable(StorageError):
    """The watched log exists but cannot be read (or is not a regular file)."""


class LogNotAFile(LogUnreadable):
    """Something other than a regular file where the watched log should be; never opened."""

    def __init__(self, path: Path, kind: FileKind) -> None:
        super().__init__(path)
        self.kind = kind


class LogTooBig(LogUnreadable):
    """A watched log larger than any cry-picker writes; left as it is."""

    def __init__(self, path: Path, limit: int) -> None:
        super().__init__(path)
        self.limit = limit  # bytes


class LogReadOnly(StorageError):
    """The user made the watched log read-only; it is not overwritten."""


class LogStuck(StorageError):
    """A damaged watched log that cannot be moved aside."""


class LogBusy(StorageError):
    """Another process has held the watched log's lock for too long."""

    def __init__(self, path: Path, seconds: float) -> None:
        super().__init__(path)
        self.seconds = seconds


class NewerLog(StorageError):
    """A watched log written by a newer cry-picker; left untouched."""

    def __init__(self, path: Path, found: int, supported: int) -> None:
        super().__init__(path)
        self.found = found
        self.supported = supported
