"""Replacing a file so that a reader sees the old file or the new one, never half of one.

Used for the watched log (durably: fsync before and after the rename) and for the
catalogue cache (no fsync: a lost cache only costs speed). A path that is a symbolic link
is written through: the file it points to is replaced, keeping its permissions, and the
link stays a link, so a log kept in a synced folder is updated there. Temporary files
that a killed writer left behind are removed once they are old enough that no live writer
can own them.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

STALE_SECONDS = 24 * 3600  # a temporary file this old belongs to no live writer


def target_of(path: Path) -> Path:
    """The file that writing to `path` should replace: `path`, or what its link names.

    Raises OSError (ELOOP for a symlink loop)."""
    if not path.is_symlink():
        return path
    try:
        return path.resolve(strict=False)
    except RuntimeError as exc:  # a symlink loop, before Python 3.13
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from exc


def write(
    path: Path, data: bytes | Callable[[BinaryIO], object], *, prefix: str, durable: bool
) -> Path:
    """Replace `path` (or the file its link names) with `data`: bytes, or a function that
    writes them to the open file (and may seek in it); return what was replaced.

    Raises OSError, or whatever `data` raises; the temporary file never outlives a failure.
    """
    target = target_of(path)
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    done = False
    try:
        with os.fdopen(fd, "wb") as out:
            _keep_mode(out.fileno(), target)
            if isinstance(data, bytes):
                out.write(data)
            else:
                data(out)
            if durable:
                out.flush()
                os.fsync(out.fileno())
        os.replace(tmp, target)
        done = True
    finally:
        if not done:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    if durable:
        fsync_directory(target.parent)
    remove_stale(target.parent, prefix)
    return target


def _keep_mode(fd: int, target: Path) -> None:
    """Give the new file the permissions of the one it replaces (a temporary file is
    private to its owner)."""
    if not hasattr(os, "fchmod"):
        return
    with contextlib.suppress(OSError):
        os.fchmod(fd, stat.S_IMODE(os.stat(target).st_mode))


def fsync_directory(directory: Path) -> None:
    """Make a rename durable (POSIX); harmless where unsupported."""
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


def remove_stale(directory: Path, prefix: str, *, now: float | None = None) -> int:
    """Delete temporary files left by killed writers (older than a day); how many.

    A writer holds its temporary file for the seconds a write takes, so one a day old
    belongs to a process that died (a kill, a power cut) before it could remove it."""
    cutoff = (time.time() if now is None else now) - STALE_SECONDS
    removed = 0
    try:
        candidates = list(directory.glob(f"{prefix}*.tmp"))
    except OSError:
        return 0
    for candidate in candidates:
        with contextlib.suppress(OSError):
            if candidate.lstat().st_mtime < cutoff:
                candidate.unlink()
                removed += 1
    return removed
