"""Replacing a file so that a reader sees the old file or the new one, never half of one.

Used for the watched log (durably: fsync before and after the rename) and for the
catalogue cache (no fsync: a lost cache only costs speed). A path that is a symbolic link
is written through: the file it points to is replaced, and the link stays a link, so a log
kept in a synced folder is updated there.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from pathlib import Path

STALE_SECONDS = 24 * 3600  # a temporary file this old belongs to no live writer


def target_of(path: Path) -> Path:
    """The file that writing to `path` should replace: `path`, or what its link names."""
    if path.is_symlink():
        return path.resolve(strict=False)  # RuntimeError or OSError on a loop
    return path


def write(path: Path, data: bytes, *, prefix: str, durable: bool) -> Path:
    """Replace `path` (or the file its link names) with `data`; return what was replaced.

    Raises OSError; the temporary file never outlives a failure.
    """
    try:
        target = target_of(path)
    except RuntimeError as exc:  # a symlink loop
        raise OSError(40, "too many levels of symbolic links", str(path)) from exc
    fd, tmp = tempfile.mkstemp(prefix=prefix, suffix=".tmp", dir=target.parent)
    done = False
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
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
    return target


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
    """Delete temporary files left by killed writers (older than a day); how many."""
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
