"""The watched log: which dramas you have already cried through.

One small JSON file in the user data directory, with a format version inside. It never
loses data: every write is atomic (temporary file, fsync, rename), concurrent commands
take turns on a file lock, a file that cannot be parsed is moved aside rather than
overwritten, and records for titles the current catalogue does not know are kept.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from . import atomic
from .errors import DataDirUnusable, LogBusy, LogStuck, LogUnreadable, NewerLog
from .text import compact

FORMAT = 1
FILE_NAME = "watched.json"
LOCK_TIMEOUT = 30.0  # seconds to wait for another cry-picker to finish writing
TEMP_PREFIX = ".watched-"


class Record(NamedTuple):
    title: str  # the canonical catalogue title at the time it was added
    added: str  # ISO date

    def to_json(self) -> dict[str, str]:
        return {"title": self.title, "added": self.added}


class MovedAside(NamedTuple):
    """A damaged log was moved out of the way and a fresh one started."""

    path: Path
    moved_to: Path


class WatchedLog:
    """Read and change the log in `directory`; `on_event` hears what the user should be
    told about (a damaged file moved aside)."""

    def __init__(
        self, directory: Path, on_event: Callable[[MovedAside], None] | None = None
    ) -> None:
        self.directory = directory
        self.path = directory / FILE_NAME
        self._on_event = on_event or (lambda event: None)

    # -- reading

    def records(self) -> list[Record]:
        """Every record, oldest first. A missing log is an empty one.

        Reading takes no lock (writes replace the file atomically), so a read-only data
        directory is fine; only a damaged file needs the lock, to move it aside.
        """
        try:
            return self._read(repair=False)
        except _Damaged:
            with self._locked():
                return self._read()

    def titles(self) -> set[str]:
        """Identity keys (case, spaces and punctuation ignored) of every watched title."""
        return {compact(r.title) for r in self.records()}

    # -- changing

    def add(self, title: str, today: date | None = None) -> bool:
        """Record `title`; False if it was already there (adding twice is harmless)."""
        with self._locked(create=True):
            records = self._read()
            if any(compact(r.title) == compact(title) for r in records):
                return False
            records.append(Record(title, (today or date.today()).isoformat()))
            self._write(records)
            return True

    def remove(self, title: str) -> Record | None:
        """Remove `title`; the removed record, or None if it was not there."""
        if not self.path.exists():
            return None
        with self._locked(create=True):
            records = self._read()
            keep = [r for r in records if compact(r.title) != compact(title)]
            if len(keep) == len(records):
                return None
            self._write(keep)
            return next(r for r in records if compact(r.title) == compact(title))

    def clear(self) -> int:
        """Forget everything; how many records there were."""
        if not self.path.exists():
            return 0
        with self._locked(create=True):
            count = len(self._read())
            self._write([])
            return count

    # -- the file

    @contextlib.contextmanager
    def _locked(self, create: bool = False) -> Iterator[None]:
        from filelock import FileLock, Timeout  # only writers pay for the import

        if create:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise DataDirUnusable(self.directory, _why(exc)) from None
        lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT)
        try:
            with lock:
                yield
        except Timeout:
            raise LogBusy(Path(str(self.path) + ".lock"), LOCK_TIMEOUT) from None
        except PermissionError as exc:
            raise DataDirUnusable(self.directory, _why(exc)) from None

    def _read(self, repair: bool = True) -> list[Record]:
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:
            raise LogUnreadable(self.path, _why(exc)) from None
        try:
            data = json.loads(raw.decode("utf-8"))
            return _parse(data)
        except _NewerFormat as exc:
            raise NewerLog(self.path, exc.args[0], FORMAT) from None
        except (ValueError, UnicodeDecodeError, KeyError, TypeError):
            if not repair:
                raise _Damaged() from None
            self._move_aside()
            return []

    def _move_aside(self) -> None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{FILE_NAME}.corrupt-{stamp}")
        counter = 1
        while target.exists():
            counter += 1
            target = self.path.with_name(f"{FILE_NAME}.corrupt-{stamp}-{counter}")
        try:
            os.replace(self.path, target)
        except OSError as exc:
            raise LogStuck(self.path, _why(exc)) from None
        self._on_event(MovedAside(self.path, target))

    def _write(self, records: list[Record]) -> None:
        payload = {"app": "cry-picker", "format": FORMAT, "watched": [r.to_json() for r in records]}
        data = (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        try:
            atomic.write(self.path, data, prefix=TEMP_PREFIX, durable=True)
        except OSError as exc:
            raise DataDirUnusable(self.directory, _why(exc)) from None


class _NewerFormat(Exception):
    pass


class _Damaged(Exception):
    pass


def _parse(data: Any) -> list[Record]:
    if not isinstance(data, dict) or data.get("app") != "cry-picker":
        raise ValueError("not a cry-picker watched log")
    version = data["format"]
    if not isinstance(version, int):
        raise ValueError("format is not a number")
    if version > FORMAT:
        raise _NewerFormat(version)
    records = []
    for item in data["watched"]:
        title, added = item["title"], item["added"]
        if not isinstance(title, str) or not isinstance(added, str) or not title.strip():
            raise ValueError("bad record")
        records.append(Record(title, added))
    return records


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
