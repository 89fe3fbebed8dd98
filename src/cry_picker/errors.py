"""The project's own exceptions.

The core raises these with messages written for a person at a terminal; the CLI
catches them in one place and turns each into a line on stderr and an exit status.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple


class CryPickerError(Exception):
    """Base of every error a user can cause."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


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

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = tuple(problems)
        count = len(self.problems)
        summary = "1 problem" if count == 1 else f"{count} problems"
        super().__init__("\n".join(str(p) for p in self.problems), hint=summary)


class UsageProblem(CryPickerError):
    """A request that cannot be answered as asked (empty query, bad value, unknown word)."""

    def __init__(
        self, message: str, *, suggestions: Sequence[str] = (), hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.suggestions = tuple(suggestions)


class NotFound(CryPickerError):
    """Nothing in the catalogue answers the request; may carry the closest candidates."""

    def __init__(
        self, message: str, *, suggestions: Sequence[str] = (), hint: str | None = None
    ) -> None:
        super().__init__(message, hint=hint)
        self.suggestions = tuple(suggestions)


class StorageError(CryPickerError):
    """The user's data directory or watched log cannot be used."""
