"""A cache of parsed catalogues, so that 10,000 dramas open about as fast as ten.

One file per catalogue configuration (which files, bundled or not):

    line 1   a JSON header: format, cry-picker version, each source's path, size and
             mtime, and a table of sections (offset and length after the header line)
    then     the sections: the index columns (see `Index.encode`), the synopsis word
             index, the byte offset of every record, and one JSON record per drama

A command reads only the sections it uses, and only the records it shows. Reading a
cache can never run code (plain text and integer arrays, no pickle); a file that does
not match the header, or whose sections do not decode, is ignored and rebuilt from the
catalogue; a cache that cannot be written only costs speed. Writes go to a temporary
file that replaces the old one atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, NamedTuple

from . import __version__, atomic
from .index import Index
from .model import Drama

FORMAT = 4  # raise whenever the index or its keys change: old caches are then rebuilt
MAX_HEADER = 1 << 20
TEMP_PREFIX = ".catalogue-"


class SourceStamp(NamedTuple):
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
    return cache_dir / f"catalogue-{digest}.cache"


def _header(stamps: Sequence[SourceStamp]) -> dict[str, Any]:
    return {
        "app": "cry-picker",
        "format": FORMAT,
        "version": __version__,
        "byteorder": sys.byteorder,  # integer columns are stored machine-native
        "sources": [s.to_json() for s in stamps],
    }


class CacheFile:
    """An open cache file whose sections are read on demand."""

    def __init__(self, handle: IO[bytes], body_at: int, sections: dict[str, list[int]]) -> None:
        self._handle = handle
        self._body_at = body_at
        self._sections = sections

    def section(self, name: str) -> bytes:
        start, length = self._sections[name]
        self._handle.seek(self._body_at + start)
        data = self._handle.read(length)
        if len(data) != length:
            raise ValueError(f"section {name} is truncated")
        return data

    def line(self, start: int) -> bytes:
        records_at, _ = self._sections["records"]
        self._handle.seek(self._body_at + records_at + start)
        return self._handle.readline()


class CachedRecords:
    """Dramas read one at a time from the cache, with a way back to the source."""

    def __init__(
        self,
        cache: CacheFile,
        titles: Callable[[], Sequence[str]],
        fallback: Callable[[], Sequence[Drama]],
    ) -> None:
        self._cache = cache
        self._titles = titles
        self._fallback = fallback
        self._offsets: array[int] | None = None
        self._fresh: Sequence[Drama] | None = None

    def get(self, position: int) -> Drama:
        if self._fresh is None:
            try:
                if self._offsets is None:
                    self._offsets = array("q")
                    self._offsets.frombytes(self._cache.section("offsets"))
                record = json.loads(self._cache.line(self._offsets[position]))
                drama = Drama.from_record(record)
                if drama.title == self._titles()[position]:
                    return drama
            except (ValueError, KeyError, TypeError, IndexError, OSError):
                pass
            # The cache changed under us or was damaged after its header was checked.
            self._fresh = self._fallback()
        return self._fresh[position]

    def words(self) -> dict[str, list[int]] | None:
        try:
            data = json.loads(self._cache.section("words"))
        except (ValueError, KeyError, OSError):
            return None
        if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
            return None
        return data


def read(
    path: Path,
    stamps: Sequence[SourceStamp],
    fallback: Callable[[], Sequence[Drama]],
    rebuild: Callable[[], Index],
) -> tuple[Index, CachedRecords, list[int]] | None:
    """The cached index, records and per-source drama counts if `path` is a valid cache
    for `stamps`, else None. `fallback` and `rebuild` parse the sources again if a
    section turns out to be damaged after this check."""
    try:
        handle = path.open("rb")
    except OSError:
        return None
    try:
        header = json.loads(handle.readline(MAX_HEADER))
        expected = _header(stamps)
        if not isinstance(header, dict) or any(header.get(k) != v for k, v in expected.items()):
            raise ValueError("a cache for other files, or another version")
        body_at = handle.tell()
        if header["size"] + body_at != os.fstat(handle.fileno()).st_size:
            raise ValueError("truncated or extended")
        counts, size, sections = header["counts"], header["dramas"], header["sections"]
        if not isinstance(counts, list) or len(counts) != len(stamps):
            raise ValueError("counts do not match the sources")
        if not isinstance(size, int) or size < 0 or not isinstance(sections, dict):
            raise ValueError("bad header")
        for start, length in sections.values():
            if start < 0 or length < 0 or start + length > header["size"]:
                raise ValueError("section out of bounds")
        cache = CacheFile(handle, body_at, sections)
        index = Index(size, read=cache.section, on_damage=rebuild)
        records = CachedRecords(cache, lambda: index.titles, fallback)
        return index, records, [int(c) for c in counts]
    except (ValueError, KeyError, TypeError, OSError):
        handle.close()
        return None


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
    offsets, position = array("q"), 0
    for line in records:
        offsets.append(position)
        position += len(line)
    parts = index.encode()
    parts["words"] = json.dumps(words, ensure_ascii=False).encode()
    parts["offsets"] = offsets.tobytes()
    sections: dict[str, list[int]] = {}
    start = 0
    for name, data in parts.items():
        sections[name] = [start, len(data)]
        start += len(data)
    sections["records"] = [start, position]
    header = _header(stamps)
    header.update(counts=list(counts), dramas=len(dramas), sections=sections, size=start + position)
    data = b"".join([json.dumps(header).encode() + b"\n", *parts.values(), *records])
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write(path, data, prefix=TEMP_PREFIX, durable=False)
    except OSError:
        return False
    return True
