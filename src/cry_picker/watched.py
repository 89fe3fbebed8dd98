"""The watched log: which dramas you have already cried through.

One small JSON file in the user data directory, with a format version inside. It never
loses data: every write is atomic (temporary file, fsync, rename), concurrent commands
take turns on a file lock, a file that cannot be parsed is moved aside rather than
overwritten, a file the user made read-only is left alone, and records for titles the
current catalogue does not know are kept. A log that is a symbolic link (kept in a synced
folder) is read and written through the link. Only a regular file of at most `MAX_BYTES`
is read; anything else where the log should be is refused unopened.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import stat
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from . import atomic
from .errors import (
    DataDirUnusable,
    FileKind,
    LockUnusable,
    LogBusy,
    LogNotAFile,
    LogReadOnly,
    LogStuck,
    LogTooBig,
    LogUnreadable,
    NewerLog,
)
from .text import compact

FORMAT = 1
FILE_NAME = "watched.json"
LOCK_TIMEOUT = 30.0  # seconds to wait for another cry-picker to finish writing
TEMP_PREFIX = ".watched-"
MAX_BYTES = 16 << 20  # 16 MiB: some 250,000 records; no log cry-picker writes is bigger
# Lock failures that say the data directory (or its filesystem) cannot be written, as
# opposed to something odd about the lock file itself (a directory, a symlink loop).
_DIRECTORY_ERRORS = {errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC,
                     getattr(errno, "EDQUOT", errno.ENOSPC)}  # fmt: skip


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
        directory is fine; only a damaged file needs the lock, to move it aside, and if
        that cannot be done the damage is reported (LogStuck) and nothing is written.
        """
        try:
            return self._read(repair=False)
        except _Damaged:
            try:
                with self._locked():
                    return self._read()
            except (DataDirUnusable, LockUnusable) as exc:
                raise LogStuck(self.path, exc.reason, exc.code) from None

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
                raise DataDirUnusable(self.directory, *_why(exc)) from None
        lock_path = Path(str(self.path) + ".lock")
        lock = FileLock(str(lock_path), timeout=LOCK_TIMEOUT)
        try:
            lock.acquire()
        except Timeout:
            raise LogBusy(lock_path, LOCK_TIMEOUT) from None
        except NotImplementedError:  # a filesystem without locks
            raise DataDirUnusable(self.directory, "file locking is not supported") from None
        except OSError as exc:
            if lock_path.is_symlink():  # filelock 4 will not follow it; 3.x fails on its target
                raise LockUnusable(lock_path, "it is a symbolic link", exc.errno) from None
            if exc.errno in _DIRECTORY_ERRORS or exc.errno is None:
                raise DataDirUnusable(self.directory, *_why(exc)) from None
            raise LockUnusable(lock_path, *_why(exc)) from None
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                lock.release()

    def _read(self, repair: bool = True) -> list[Record]:
        try:
            raw = self._bytes()
        except FileNotFoundError:
            return []
        try:
            data = json.loads(raw.decode("utf-8"))
            return _parse(data)
        except _NewerFormat as exc:
            raise NewerLog(self.path, exc.args[0], FORMAT) from None
        except (ValueError, UnicodeDecodeError, KeyError, TypeError, RecursionError):
            if not repair:
                raise _Damaged() from None
            self._move_aside()
            return []

    def _bytes(self) -> bytes:
        """The log's bytes; FileNotFoundError if there is none. A FIFO or a device where
        the log should be is never opened (reading it could wait, or never end)."""
        try:
            _check_kind(self.path, os.stat(self.path))
            flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
            with open(os.open(self.path, flags), "rb") as handle:
                _check_kind(self.path, os.fstat(handle.fileno()))
                raw = handle.read(MAX_BYTES + 1)
        except (FileNotFoundError, NotADirectoryError):
            raise FileNotFoundError() from None
        except OSError as exc:
            raise LogUnreadable(self.path, *_why(exc)) from None
        if len(raw) > MAX_BYTES:
            raise LogTooBig(self.path, MAX_BYTES)
        return raw

    def _move_aside(self) -> None:
        """Rename the damaged file (through a link, the file it names) next to itself;
        one the user made read-only is left as it is (LogStuck)."""
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        try:
            source = atomic.target_of(self.path)
            if _read_only(source):
                raise LogStuck(self.path, "it is read-only", errno.EACCES)
            target = source.with_name(f"{source.name}.corrupt-{stamp}")
            counter = 1
            while target.exists():
                counter += 1
                target = source.with_name(f"{source.name}.corrupt-{stamp}-{counter}")
            os.replace(source, target)
        except OSError as exc:
            raise LogStuck(self.path, *_why(exc)) from None
        self._on_event(MovedAside(self.path, target))

    def _write(self, records: list[Record]) -> None:
        payload = {"app": "cry-picker", "format": FORMAT, "watched": [r.to_json() for r in records]}
        data = (json.dumps(payload, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        self._check_writable()
        try:
            atomic.write(self.path, data, prefix=TEMP_PREFIX, durable=True)
        except OSError as exc:
            raise DataDirUnusable(self.directory, *_why(exc)) from None

    def _check_writable(self) -> None:
        """A log the user made read-only is not replaced (renaming over it would work)."""
        try:
            target = atomic.target_of(self.path)
            mode = os.stat(target).st_mode
        except FileNotFoundError:
            return
        except OSError as exc:
            raise LogUnreadable(self.path, *_why(exc)) from None
        if _read_only(target, mode):
            raise LogReadOnly(self.path)


def _read_only(path: Path, mode: int | None = None) -> bool:
    """Whether the user made `path` read-only. Root may write anything, so the mode bits
    are taken as the user's intent as well as what the system allows."""
    if mode is None:
        mode = os.stat(path).st_mode
    return not mode & 0o222 or not os.access(path, os.W_OK)


def _check_kind(path: Path, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        raise LogNotAFile(path, _kind(info.st_mode))
    if info.st_size > MAX_BYTES:
        raise LogTooBig(path, MAX_BYTES)


def _kind(mode: int) -> FileKind:
    if stat.S_ISDIR(mode):
        return "directory"
    if stat.S_ISFIFO(mode):
        return "named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


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


def _why(exc: OSError) -> tuple[str, int | None]:
    """The operating system's words for a failure, and its error number."""
    return exc.strerror or str(exc), exc.errno
