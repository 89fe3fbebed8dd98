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
import tempfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from .errors import StorageError
from .text import compact

FORMAT = 1
FILE_NAME = "watched.json"
LOCK_TIMEOUT = 30.0  # seconds to wait for another cry-picker to finish writing


class Record(NamedTuple):
    title: str  # the canonical catalogue title at the time it was added
    added: str  # ISO date

    def to_json(self) -> dict[str, str]:
        return {"title": self.title, "added": self.added}


class WatchedLog:
    """Read and change the log in `directory`; `notice` receives messages for the user
    (for instance where a damaged file was moved)."""

    def __init__(self, directory: Path, notice: Callable[[str], None] | None = None) -> None:
        self.directory = directory
        self.path = directory / FILE_NAME
        self._notice = notice or (lambda message: None)

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
                raise StorageError(
                    f"cannot create the data directory {self.directory}: {_why(exc)}",
                    hint="set XDG_DATA_HOME to a writable directory",
                ) from None
        lock = FileLock(str(self.path) + ".lock", timeout=LOCK_TIMEOUT)
        try:
            with lock:
                yield
        except Timeout:
            raise StorageError(
                f"another cry-picker has held {self.path}.lock for {LOCK_TIMEOUT:.0f}s; try again"
            ) from None
        except PermissionError as exc:
            raise StorageError(
                f"cannot use the data directory {self.directory}: {_why(exc)}",
                hint="set XDG_DATA_HOME to a writable directory",
            ) from None

    def _read(self, repair: bool = True) -> list[Record]:
        try:
            raw = self.path.read_bytes()
        except (FileNotFoundError, NotADirectoryError):
            return []
        except OSError as exc:
            raise StorageError(f"cannot read the watched log {self.path}: {_why(exc)}") from None
        try:
            data = json.loads(raw.decode("utf-8"))
            return _parse(data)
        except _NewerFormat as exc:
            raise StorageError(
                f"the watched log {self.path} has format {exc.args[0]}, "
                f"but this cry-picker understands format {FORMAT}",
                hint="upgrade cry-picker; the file was left as it is",
            ) from None
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
            raise StorageError(
                f"the watched log {self.path} is damaged and cannot be moved aside: {_why(exc)}"
            ) from None
        self._notice(
            f"Warning: the watched log could not be read; it was moved to {target} "
            "and a fresh log was started."
        )

    def _write(self, records: list[Record]) -> None:
        payload = {"app": "cry-picker", "format": FORMAT, "watched": [r.to_json() for r in records]}
        data = (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        tmp = None
        try:
            fd, tmp = tempfile.mkstemp(prefix=".watched-", suffix=".tmp", dir=self.directory)
            with os.fdopen(fd, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self.path)
            tmp = None
            _fsync_directory(self.directory)
        except OSError as exc:
            raise StorageError(
                f"cannot write the watched log in {self.directory}: {_why(exc)}",
                hint="set XDG_DATA_HOME to a writable directory",
            ) from None
        finally:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)


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


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where unsupported."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _why(exc: OSError) -> str:
    return exc.strerror or str(exc)
