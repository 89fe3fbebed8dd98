"""A cache of parsed catalogues, so that 10,000 dramas open as fast as ten.

One file per catalogue configuration (which files, bundled or not), in plain JSON lines:

    line 1  header: format, cry-picker version, each source's path, size and mtime
    line 2  the match index and the byte offset of every record
    line 3  the synopsis word index (read only by `search`)
    then    one JSON record per drama, read on demand by seeking to its offset

Reading it can never run code (no pickle), anything that does not match the header or
fails to parse is ignored and rebuilt, and a cache that cannot be written only costs
speed. Writes go to a temporary file that replaces the old one atomically.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from . import __version__
from .index import Index
from .model import Drama

FORMAT = 1
MAX_HEADER = 1 << 20


@dataclass(frozen=True, slots=True)
class SourceStamp:
    path: str
    size: int
    mtime_ns: int
    bundled: bool

    def to_json(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "size": self.size,
            "mtime_ns": self.mtime_ns,
            "bundled": self.bundled,
        }


def stamp(path: Path, *, bundled: bool) -> SourceStamp | None:
    """Identity of a source file as the cache sees it, or None if it cannot be stat'ed."""
    try:
        resolved = path.resolve()
        info = resolved.stat()
    except OSError:
        return None
    return SourceStamp(str(resolved), info.st_size, info.st_mtime_ns, bundled)


def cache_file(cache_dir: Path, stamps: Sequence[SourceStamp]) -> Path:
    """One file per set of source paths; edits to a file overwrite its cache entry."""
    names = "\0".join(f"{s.bundled}:{s.path}" for s in stamps)
    digest = hashlib.sha256(names.encode("utf-8", "surrogatepass")).hexdigest()[:24]
    return cache_dir / f"catalogue-{digest}.jsonl"


def _header(stamps: Sequence[SourceStamp]) -> dict[str, Any]:
    return {
        "app": "cry-picker",
        "format": FORMAT,
        "version": __version__,
        "sources": [s.to_json() for s in stamps],
    }


class CachedRecords:
    """Dramas read one at a time from an open cache file, with a way back to the source."""

    def __init__(
        self,
        handle: IO[bytes],
        records_at: int,
        offsets: list[int],
        titles: list[str],
        words_at: int,
        fallback: Callable[[], Sequence[Drama]],
    ) -> None:
        self._handle = handle
        self._records_at = records_at
        self._offsets = offsets
        self._titles = titles
        self._words_at = words_at
        self._fallback = fallback
        self._fresh: Sequence[Drama] | None = None

    def get(self, position: int) -> Drama:
        if self._fresh is None:
            try:
                self._handle.seek(self._records_at + self._offsets[position])
                drama = Drama.from_record(json.loads(self._handle.readline()))
                if drama.title == self._titles[position]:
                    return drama
            except (ValueError, KeyError, TypeError, IndexError, OSError):
                pass
            # The cache changed under us or was damaged after its header was checked.
            self._fresh = self._fallback()
        return self._fresh[position]

    def words(self) -> dict[str, list[int]] | None:
        try:
            self._handle.seek(self._words_at)
            data = json.loads(self._handle.readline())
        except (ValueError, OSError):
            return None
        if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
            return None
        return data


def read(
    path: Path,
    stamps: Sequence[SourceStamp],
    fallback: Callable[[], Sequence[Drama]],
) -> tuple[Index, CachedRecords, list[int]] | None:
    """The cached index, records and per-source drama counts if `path` is a valid cache
    for `stamps`, else None."""
    try:
        handle = path.open("rb")
    except OSError:
        return None
    try:
        header = json.loads(handle.readline(MAX_HEADER))
        expected = _header(stamps)
        if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
            handle.close()
            return None
        if header.get("size") != os.fstat(handle.fileno()).st_size:
            handle.close()
            return None
        counts = header["counts"]
        if not isinstance(counts, list) or len(counts) != len(stamps):
            raise ValueError("counts do not match the sources")
        body = json.loads(handle.readline())
        index = Index.from_json(body["index"])
        offsets = body["offsets"]
        if not isinstance(offsets, list) or len(offsets) != len(index):
            raise ValueError("offsets do not match the index")
        records = CachedRecords(
            handle,
            int(header["records_at"]),
            offsets,
            index.titles,
            int(header["words_at"]),
            fallback,
        )
    except (ValueError, KeyError, TypeError, OSError):
        handle.close()
        return None
    return index, records, [int(c) for c in counts]


def write(
    path: Path,
    stamps: Sequence[SourceStamp],
    index: Index,
    words: dict[str, list[int]],
    dramas: Sequence[Drama],
    counts: Sequence[int],
) -> bool:
    """Write a cache file atomically; False (and no exception) if it cannot be written."""
    records = [json.dumps(d.to_record(), ensure_ascii=False).encode() + b"\n" for d in dramas]
    offsets, position = [], 0
    for line in records:
        offsets.append(position)
        position += len(line)
    body = json.dumps({"index": index.to_json(), "offsets": offsets}, ensure_ascii=False).encode()
    words_line = json.dumps(words, ensure_ascii=False).encode()
    header = _header(stamps)
    header["counts"] = list(counts)
    # The header records where the sections start, which depends on the header's own
    # length; pad the numbers to a fixed width so one pass is enough.
    header.update(words_at=0, records_at=0, size=0)
    width = len(json.dumps(header).encode()) + 3 * 14
    words_at = width + 1 + len(body) + 1
    records_at = words_at + len(words_line) + 1
    size = records_at + position
    header.update(words_at=words_at, records_at=records_at, size=size)
    head = json.dumps(header).encode().ljust(width)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".catalogue-", suffix=".tmp", dir=path.parent)
    except OSError:
        return False
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(head + b"\n" + body + b"\n" + words_line + b"\n")
            out.writelines(records)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return False
    return True
