"""A cache of parsed catalogues, so that 10,000 dramas open about as fast as ten.

One file per catalogue configuration (which files, bundled or not):

    line 1   a JSON header: format, cry-picker version, each source's path, size and
             mtime, a table of sections (offset and length after the header line) and
             the CRC-32 of each section
    then     the sections: the index columns (see `Index.encode`), the synopsis word
             index, the byte offset and CRC-32 of every record, and one JSON record per
             drama

A command reads only the sections it uses, and only the records it shows. A cache is
untrusted input: reading it can never run code (plain text and integer arrays, no
pickle); every count and offset in the header is checked against the file before it is
used, and the file may be at most `MAX_FACTOR` times the size of its catalogues, so a
lying header cannot make a command allocate more than a fresh parse would. A header that
does not hold up is ignored and the catalogue parsed and cached again; a section or a
record that does not match its CRC, or does not decode, is found when it is read, and the
command goes on from a fresh parse, which is written back. A cache that cannot be written
only costs speed. Writes go to a temporary file that replaces the old one atomically.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import zlib
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import IO, Any, BinaryIO, NamedTuple

from . import __version__, atomic
from .index import DAMAGE, ENCODED, ENCODED_INTS, PER_DRAMA_INTS, Index, WordIndex, build_words
from .model import Drama

FORMAT = 6  # raise whenever the index, its keys or this layout change: old caches are rebuilt
MAX_HEADER = 1 << 20
MAX_FACTOR = 8  # a cache is about twice its catalogues' size; more is a lie
SLACK = 1 << 20  # bytes allowed on top, for a small catalogue's header and index
TEMP_PREFIX = ".catalogue-"
INT_SECTIONS = (*ENCODED_INTS, "word_starts", "word_refs", "offsets", "checks")
PER_DRAMA = (*PER_DRAMA_INTS, "offsets", "checks")  # one int64 for each drama
WORD_SECTIONS = ("word_keys", "word_starts", "word_refs")
SECTIONS = (*ENCODED, *WORD_SECTIONS, "offsets", "checks", "records")


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


def max_size(stamps: Sequence[SourceStamp]) -> int:
    """The most a cache of these catalogues may hold, header excluded."""
    return MAX_FACTOR * sum(s.size for s in stamps) + SLACK


class CacheFile:
    """An open cache file whose sections are read on demand, each checked against its
    CRC-32 before it is used."""

    def __init__(
        self, handle: IO[bytes], body_at: int, sections: dict[str, list[int]], crcs: dict[str, int]
    ) -> None:
        self._handle = handle
        self._body_at = body_at
        self._sections = sections
        self._crcs = crcs

    def section(self, name: str) -> bytes:
        start, length = self._sections[name]
        self._handle.seek(self._body_at + start)
        data = self._handle.read(length)
        if len(data) != length:
            raise ValueError(f"section {name} is truncated")
        if zlib.crc32(data) != self._crcs[name]:
            raise ValueError(f"section {name} is damaged")
        return data

    def record(self, start: int, crc: int) -> bytes:
        """The record line at `start` in the records section, checked against `crc`."""
        records_at, length = self._sections["records"]
        if not 0 <= start < length:
            raise ValueError("record offset out of range")
        self._handle.seek(self._body_at + records_at + start)
        line = self._handle.readline(length - start)
        if zlib.crc32(line) != crc:
            raise ValueError("record is damaged")
        return line


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
        self._checks: array[int] | None = None
        self._fresh: Sequence[Drama] | None = None

    def get(self, position: int) -> Drama:
        if self._fresh is None:
            try:
                if self._offsets is None or self._checks is None:
                    self._offsets = _int64s(self._cache.section("offsets"))
                    self._checks = _int64s(self._cache.section("checks"))
                line = self._cache.record(self._offsets[position], self._checks[position])
                drama = Drama.from_record(json.loads(line))
                if drama.title == self._titles()[position]:
                    return drama
            except DAMAGE:
                pass
            # The cache changed under us or was damaged after its header was checked.
            self._fresh = self._fallback()
        return self._fresh[position]

    def words(self) -> WordIndex | None:
        """The synopsis word index, or None (after parsing again) if it is damaged."""
        if self._fresh is None:
            try:
                return WordIndex.decode(self._cache.section, len(self._titles()), self._rebuilt)
            except DAMAGE:
                pass
            self._fresh = self._fallback()
        return None

    def _rebuilt(self) -> WordIndex:
        """A fresh word index, for one found damaged as it was read."""
        if self._fresh is None:
            self._fresh = self._fallback()
        return build_words(self._fresh)


def read(
    path: Path,
    stamps: Sequence[SourceStamp],
    fallback: Callable[[], Sequence[Drama]],
    rebuild: Callable[[], Index],
) -> tuple[Index, CachedRecords, list[int]] | None:
    """The cached index, records and per-source drama counts if `path` is a valid cache
    for `stamps`, else None. `fallback` and `rebuild` parse the sources again (and may
    write a new cache) if a section turns out to be damaged after this check."""
    atomic.remove_stale(path.parent, TEMP_PREFIX)
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
        counts, dramas, sections, crcs = _checked(
            header, stamps, os.fstat(handle.fileno()).st_size - body_at
        )
        cache = CacheFile(handle, body_at, sections, crcs)
        index = Index(dramas, read=cache.section, on_damage=rebuild)
        records = CachedRecords(cache, lambda: index.titles, fallback)
        return index, records, counts
    except DAMAGE:
        handle.close()
        return None


def _checked(
    header: dict[str, Any], stamps: Sequence[SourceStamp], body: int
) -> tuple[list[int], int, dict[str, list[int]], dict[str, int]]:
    """The header's numbers, each checked against the file (`body` bytes after the
    header line) and against the others before anything is read or allocated with them.
    Raises ValueError on any doubt."""
    size, counts, dramas = header["size"], header["counts"], header["dramas"]
    sections, crcs = header["sections"], header["crcs"]
    if not _count(size) or size != body or size > max_size(stamps):
        raise ValueError("the file is not the size its header says, or too big")
    if not isinstance(counts, list) or len(counts) != len(stamps) or not all(map(_count, counts)):
        raise ValueError("counts do not match the sources")
    if not _count(dramas) or not max(counts, default=0) <= dramas <= sum(counts):
        raise ValueError("the number of dramas does not fit the sources' counts")
    if len(counts) == 1 and dramas != counts[0]:
        raise ValueError("the number of dramas is not the source's")
    if not isinstance(sections, dict) or sorted(sections) != sorted(SECTIONS):
        raise ValueError("not the sections of this format")
    if not isinstance(crcs, dict) or sorted(crcs) != sorted(SECTIONS[:-1]):
        raise ValueError("not the checksums of this format")
    spans = []
    for name in SECTIONS:
        span = sections[name]
        if not isinstance(span, list) or len(span) != 2 or not all(map(_count, span)):
            raise ValueError(f"section {name} is not an offset and a length")
        spans.append((span[0], span[1]))
        if name != "records" and not _count(crcs[name]):
            raise ValueError(f"section {name} has no checksum")
    end = 0
    for start, length in sorted(spans):  # the sections tile the body, nothing left over
        if start != end:
            raise ValueError("sections overlap or leave a gap")
        end = start + length
    if end != size:
        raise ValueError("sections do not cover the file")
    for name in INT_SECTIONS:
        expected = 8 * dramas if name in PER_DRAMA else None
        length = sections[name][1]
        if length % 8 or (expected is not None and length != expected):
            raise ValueError(f"section {name} does not hold its integers")
    return list(counts), dramas, sections, crcs


def _count(value: Any) -> bool:
    """A non-negative integer (JSON's true, 1.5, Infinity and NaN are not)."""
    return type(value) is int and value >= 0


def _int64s(raw: bytes) -> array[int]:
    values = array("q")
    values.frombytes(raw)
    return values


def write(
    path: Path,
    stamps: Sequence[SourceStamp],
    index: Index,
    words: WordIndex,
    dramas: Sequence[Drama],
    counts: Sequence[int],
) -> bool:
    """Write a cache file atomically; False (and no exception) if it cannot be written,
    or would be bigger than a reader would believe.

    The records go to the file one by one as they are encoded (10,000 of them hold some
    11 MB), then the sections that depend on them; the header, which needs every size and
    checksum, is written last over the space kept for it at the start, padded with spaces.
    """
    header = _header(stamps)
    header.update(counts=list(counts), dramas=len(dramas))
    limit = max_size(stamps)
    encode = json.JSONEncoder(ensure_ascii=False).encode

    def fill(out: BinaryIO) -> None:
        room = len(_header_line(header, widest=True))
        out.write(b" " * room)
        offsets, checks, size = array("q"), array("q"), 0
        for drama in dramas:
            line = encode(drama.to_record()).encode() + b"\n"
            offsets.append(size)
            checks.append(zlib.crc32(line))
            out.write(line)
            size += len(line)
            if size > limit:
                raise _TooBig()
        sections: dict[str, list[int]] = {"records": [0, size]}
        crcs: dict[str, int] = {}
        parts = {**index.encode(), **words.encode()}
        parts["offsets"] = offsets.tobytes()
        parts["checks"] = checks.tobytes()
        for name, data in parts.items():
            sections[name] = [size, len(data)]
            crcs[name] = zlib.crc32(data)
            out.write(data)
            size += len(data)
        if size > limit:
            raise _TooBig()
        header.update(sections=sections, crcs=crcs, size=size)
        out.seek(0)
        out.write(_header_line(header).ljust(room - 1) + b"\n")

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic.write(path, fill, prefix=TEMP_PREFIX, durable=False)
    except (OSError, _TooBig):
        return False
    return True


class _TooBig(Exception):
    """The cache would be bigger than a reader would believe."""


def _header_line(header: dict[str, Any], *, widest: bool = False) -> bytes:
    """The header as its first line, without the newline. `widest`: as long as it can be
    once its sizes and checksums are known (each number given more digits than any can
    have), to keep room for it."""
    if widest:
        most = 10**15  # more digits than the size of any file a reader would believe
        header = {
            **header,
            "sections": {name: [most, most] for name in SECTIONS},
            "crcs": dict.fromkeys(SECTIONS[:-1], most),
            "size": most,
        }
    return json.dumps(header).encode()
