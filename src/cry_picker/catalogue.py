"""The catalogue a command works on: the bundled dramas, a user's own file, or both.

`open_catalogue` merges the sources (a user's entry replaces a bundled one of the same
name: see `replaced_by`), builds or reads the cached match index, and returns a `Catalogue` that
hands out `Drama` records by position, materialising only the ones asked for.
"""

from __future__ import annotations

import contextlib
import functools
import gc
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import NamedTuple, Protocol

from . import cache, loader
from .errors import NoCatalogue
from .index import Index, WordIndex, build_index, build_words
from .model import Drama
from .text import compact

SLOW_BYTES = 1 << 20  # parsing more TOML than this takes long enough to say so


class Progress(NamedTuple):
    """How far a slow first read has got, for whoever is showing it. The stages come in
    order, each told first with `done` 0 and last with `done` equal to `total`."""

    stage: str  # "parse", "index" (titles and names), "words" (synopses) or "cache"
    done: int  # bytes parsed; dramas indexed; 0 or 1 for the cache, written or not yet
    total: int


class Records(Protocol):
    def get(self, position: int) -> Drama: ...

    def words(self) -> WordIndex | None: ...


class _InMemory:
    def __init__(self, dramas: Sequence[Drama], words: WordIndex | None = None) -> None:
        self._dramas = dramas
        self._words = words

    def get(self, position: int) -> Drama:
        return self._dramas[position]

    def words(self) -> WordIndex | None:
        return build_words(self._dramas) if self._words is None else self._words


class Source(NamedTuple):
    path: str
    dramas: int  # how many dramas the file holds
    bundled: bool


class Catalogue:
    """An indexed, read-only sequence of dramas."""

    def __init__(
        self,
        index: Index,
        records: Records,
        sources: Sequence[Source] = (),
        cache_path: Path | None = None,
    ) -> None:
        self.index = index
        self.sources = tuple(sources)
        self.cache_path = cache_path
        self._records = records
        self._dramas: dict[int, Drama] = {}
        self._words: WordIndex | None = None

    def __len__(self) -> int:
        return len(self.index)

    def __getitem__(self, position: int) -> Drama:
        drama = self._dramas.get(position)
        if drama is None:
            if not 0 <= position < len(self.index):
                raise IndexError(position)
            drama = self._dramas[position] = self._records.get(position)
        return drama

    def __iter__(self) -> Iterator[Drama]:
        return (self[i] for i in range(len(self)))

    @property
    def words(self) -> WordIndex:
        """Synopsis word -> dramas; loaded on first use (only `search` needs it)."""
        if self._words is None:
            found = self._records.words()
            self._words = found if found is not None else build_words(list(self))
        return self._words

    def position(self, title: str) -> int | None:
        """Where a drama with exactly this title (ignoring case and punctuation) sits."""
        ref = self.index.title_ref(title)
        return None if ref is None else self.index.title_refs[ref] >> 2


def replaced_by(base: Sequence[Drama], overlay: Sequence[Drama]) -> dict[int, int]:
    """Which `base` drama each `overlay` entry replaces (by position): the one that has the
    entry's title as its title, as one of its other titles or as its Hangul title, or
    failing those the one whose title is the entry's Hangul title; ignoring case, spaces
    and punctuation. A Hangul title only counts when one `base` drama has it: remakes
    share theirs."""
    names: dict[str, int] = {}
    for position, drama in enumerate(base):
        names.setdefault(compact(drama.title), position)
    titles = dict(names)
    for position, drama in enumerate(base):
        for alt in drama.alt_titles:
            names.setdefault(compact(alt), position)
    hangul: dict[str, list[int]] = {}
    for position, drama in enumerate(base):
        key = compact(drama.hangul) if drama.hangul else ""
        if key:
            hangul.setdefault(key, []).append(position)
    for key, owners in hangul.items():
        if len(owners) == 1:
            names.setdefault(key, owners[0])
    found: dict[int, int] = {}
    taken: set[int] = set()
    for position, drama in enumerate(overlay):
        target = names.get(compact(drama.title))
        if target is None and drama.hangul:
            target = titles.get(compact(drama.hangul))
        if target is not None and target not in taken:
            found[position] = target
            taken.add(target)
    return found


def merge(base: Sequence[Drama], overlay: Sequence[Drama]) -> list[Drama]:
    """`overlay` entries replace the `base` dramas they name (see `replaced_by`); the rest
    go last."""
    replacing = {target: overlay[mine] for mine, target in replaced_by(base, overlay).items()}
    merged = [replacing.get(position, drama) for position, drama in enumerate(base)]
    used = set(replaced_by(base, overlay))
    merged.extend(drama for position, drama in enumerate(overlay) if position not in used)
    return merged


def open_catalogue(
    user_path: Path | None = None,
    *,
    bundled: bool = True,
    cache_dir: Path | None = None,
    on_progress: Callable[[Progress], None] | None = None,
) -> Catalogue:
    """Open the bundled catalogue, a user's file merged over it, or the user's file alone.

    With `cache_dir`, a parsed catalogue is kept there between runs and reused while its
    files keep their size and modification time. `on_progress` hears how a slow first
    read is going. Raises CatalogueError for a bad file, NoCatalogue for no file at all.
    """
    files: list[tuple[Path, bool]] = []
    if bundled:
        files.append((loader.bundled_path(), True))
    if user_path is not None:
        files.append((user_path, False))
    if not files:
        raise NoCatalogue()

    counts: list[int] = []
    sizes = [_size(path) for path, _ in files]
    tell = on_progress if on_progress is not None and sum(sizes) > SLOW_BYTES else None

    def parse() -> list[Drama]:
        loaded = [
            loader.load_dramas(path, _reading(tell, sizes, number))
            for number, (path, _) in enumerate(files)
        ]
        counts[:] = [len(part) for part in loaded]
        return merge(loaded[0], loaded[1]) if len(loaded) == 2 else list(loaded[0])

    def indexed(dramas: Sequence[Drama]) -> tuple[Index, WordIndex]:
        names = _counting(tell, "index", len(dramas))
        index = build_index(dramas, names)
        if names is not None:
            names(len(dramas))
        synopses = _counting(tell, "words", len(dramas))
        words = build_words(dramas, synopses)
        if synopses is not None:
            synopses(len(dramas))
        return index, words

    def save(path: Path, index: Index, words: WordIndex, dramas: Sequence[Drama]) -> bool:
        if tell is not None:
            tell(Progress("cache", 0, 1))
        written = cache.write(path, known, index, words, dramas, counts)
        if tell is not None:
            tell(Progress("cache", 1, 1))
        return written

    stamps = [cache.stamp(path, bundled=is_bundled) for path, is_bundled in files]
    known = [s for s in stamps if s is not None]
    target = None
    if cache_dir is not None and len(known) == len(files):
        target = cache.cache_file(cache_dir, known)
        cache_path = target

        @functools.cache  # parsed at most once, only if the cache turns out to be damaged
        def rebuilt() -> tuple[list[Drama], Index]:
            with _collector_paused():
                dramas = parse()
                index, words = indexed(dramas)
                # Written back, so that the damage costs one slow run rather than every run.
                save(cache_path, index, words, dramas)
            return dramas, index

        hit = cache.read(target, known, lambda: rebuilt()[0], lambda: rebuilt()[1])
        if hit is not None:
            index, records, cached_counts = hit
            return Catalogue(index, records, _sources(files, cached_counts), target)

    with _collector_paused():
        dramas = parse()
        index, words = indexed(dramas)
        catalogue = Catalogue(index, _InMemory(dramas, words), _sources(files, counts))
        if target is not None and save(target, index, words, dramas):
            catalogue.cache_path = target
    return catalogue


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Reading a big catalogue makes millions of objects that all live on and form no
    cycles, and Python's cycle collector would walk them again and again as they pile up
    (a sixth of a first run on 10,000 dramas). It rests while they are made."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _counting(
    tell: Callable[[Progress], None] | None, stage: str, total: int
) -> Callable[[int], None] | None:
    if tell is None:
        return None
    return lambda done: tell(Progress(stage, done, total))


def _reading(
    tell: Callable[[Progress], None] | None, sizes: Sequence[int], number: int
) -> Callable[[int], None] | None:
    """How the reading of file `number` of files of `sizes` bytes is told, if it is."""
    if tell is None:
        return None
    total, before = sum(sizes), sum(sizes[:number])

    def read(done: int) -> None:
        tell(Progress("parse", min(before + done, total), total))

    if number == 0:
        tell(Progress("parse", 0, total))
    return read


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _sources(files: Sequence[tuple[Path, bool]], counts: Sequence[int]) -> list[Source]:
    return [
        Source(str(path), count, is_bundled)
        for (path, is_bundled), count in zip(files, counts, strict=True)
    ]
