"""Precomputed match keys for a catalogue, laid out for rapidfuzz's batch functions.

An `Index` holds normalised keys (titles, names) with packed references back to the
drama they came from, plus per-drama moods, eras, periods and tears. It is built once per
catalogue and cached, so a query never re-normalises 10,000 dramas and never needs to
materialise a `Drama` it will not show. Name keys are stored once each, with the group of
cast entries that share them, because the same names recur across a big catalogue.
"""

from __future__ import annotations

import json
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import pairwise
from typing import Any

from .model import Drama
from .terms import canonical_era, canonical_mood
from .text import compact, fold, name_key, name_tokens, phonetic, without_article, words
from .vocab import era_names, mood_names

TITLE_FIELDS = ("title", "alt title", "hangul")
NAME_FIELDS = ("actor", "aka", "actor_hangul", "role", "given name")
MAX_CAST = 127  # cast positions are packed into 7 bits

STOPWORDS = frozenset(
    "the and for with from that this his her their its into who whom has have had was were "
    "are but not can one two all any out off about after before over under than then them "
    "she him they you your what when where which while will would been being also only more "
    "most very just even still too how why our ever every each some such".split()
)
COLUMNS = (
    "titles", "title_keys", "title_refs", "exact", "shared", "name_keys", "name_starts",
    "name_refs", "surnames", "moods", "eras", "periods", "tears", "years", "episodes",
    "networks", "endings", "custom_moods", "custom_eras",
)  # fmt: skip
# The sections `Index.encode` writes, in order; which hold int64s; which one int per drama.
ENCODED = (
    "titles", "title_keys", "title_refs", "exact_keys", "exact_refs", "shared", "name_keys",
    "name_starts", "name_refs", "surnames", "moods", "eras", "periods", "tears", "years",
    "episodes", "networks", "endings", "custom_moods", "custom_eras",
)  # fmt: skip
ENCODED_INTS = ("title_refs", "exact_refs", "name_starts", "name_refs", "tears", "years",
                "episodes")  # fmt: skip
PER_DRAMA_INTS = ("tears", "years", "episodes")
_SEP, _SUB = "|", ";"  # folded keys hold only letters, digits and spaces
_ENDING_CODES = {"happy": "h", "bittersweet": "b", "sad": "s", "": "-"}  # one byte a drama
_ENDINGS_BY_CODE = {code: ending for ending, code in _ENDING_CODES.items()}
# What decoding a damaged cached column can raise (binascii.Error is a ValueError).
DAMAGE = (ValueError, KeyError, TypeError, IndexError, OverflowError, RecursionError, OSError)


def pack_name(owner: int, cast: int, field: int) -> int:
    return (owner << 10) | (cast << 3) | field


def unpack_name(ref: int) -> tuple[int, int, int]:
    return ref >> 10, (ref >> 3) & MAX_CAST, ref & 7


def pack_title(owner: int, field: int) -> int:
    return (owner << 2) | field


def unpack_title(ref: int) -> tuple[int, int]:
    return ref >> 2, ref & 3


class KeyTable:
    """Exact lookup of folded keys without building a dict: one C-speed scan of the keys
    joined into a single string. Opening 10,000 dramas then costs no hashing at all."""

    def __init__(self, keys: Sequence[str], values: Sequence[int]) -> None:
        if len(keys) != len(values):
            raise ValueError("keys and values differ in length")
        self._joined = _SEP + _SEP.join(keys) + _SEP if keys else _SEP
        self._values = values

    @classmethod
    def from_joined(cls, joined: str, values: Sequence[int]) -> KeyTable:
        table = cls([], [])
        table._joined = _SEP + joined + _SEP if joined else _SEP
        if table._joined.count(_SEP) - 1 != len(values):
            raise ValueError("keys and values differ in length")
        table._values = values
        return table

    def get(self, key: str) -> int | None:
        if not key or _SEP in key:
            return None
        at = self._joined.find(_SEP + key + _SEP)
        if at < 0:
            return None
        return self._values[self._joined.count(_SEP, 0, at)]

    def keys(self) -> list[str]:
        inner = self._joined[1:-1]
        return inner.split(_SEP) if inner else []

    def values(self) -> Sequence[int]:
        return self._values


class WordIndex(Mapping[str, Sequence[int]]):
    """The synopsis word index: each word, and the `pack_word` references of the dramas
    whose synopsis or why-you-will-cry note uses it, all in one int64 array (a cache
    opens it in a millisecond, where JSON took twenty for 10,000 dramas).

    Opened from a cache, the references of a word are checked against the catalogue's
    size when they are asked for (a search reads a few of 300,000); a damaged one makes
    `on_damage` give a fresh index, which answers from then on.
    """

    def __init__(
        self,
        words: Sequence[str],
        starts: Sequence[int],
        refs: Sequence[int],
        *,
        size: int | None = None,
        on_damage: Callable[[], WordIndex] | None = None,
    ) -> None:
        if len(starts) != len(words) + 1:
            raise ValueError("a word index needs a start for each word, and an end")
        self._words = words
        self._starts = starts
        self._refs = refs
        self._size = size  # None: built here, nothing to check
        self._on_damage = on_damage
        self._where: dict[str, int] | None = None

    @classmethod
    def of(cls, postings: dict[str, list[int]]) -> WordIndex:
        starts, refs = array("q", [0]), array("q")
        for found in postings.values():
            refs.extend(found)
            starts.append(len(refs))
        return cls(list(postings), starts, refs)

    def __getitem__(self, word: str) -> Sequence[int]:
        if self._where is None:
            self._where = {w: i for i, w in enumerate(self._words)}
        at = self._where[word]
        refs = self._refs[self._starts[at] : self._starts[at + 1]]
        if self._size is not None:
            try:
                _in_range(refs, 1, self._size)
            except ValueError:
                return self._repaired()[word]
        return refs

    def _repaired(self) -> WordIndex:
        if self._on_damage is None:
            raise ValueError("damaged word index")
        fresh = self._on_damage()
        self._words, self._starts, self._refs = fresh._words, fresh._starts, fresh._refs
        self._size, self._where = None, None
        return self

    def __iter__(self) -> Iterator[str]:
        return iter(self._words)

    def __len__(self) -> int:
        return len(self._words)

    def encode(self) -> dict[str, bytes]:
        return {
            "word_keys": _join(self._words),
            "word_starts": _ints(self._starts),
            "word_refs": _ints(self._refs),
        }

    @classmethod
    def decode(
        cls,
        fetch: Callable[[str], bytes],
        size: int,
        on_damage: Callable[[], WordIndex] | None = None,
    ) -> WordIndex:
        """From a cache's sections: the layout checked now (ValueError), each word's
        references against `size` dramas when they are read."""
        words = _split(fetch("word_keys"))
        starts, refs = _unints(fetch("word_starts")), _unints(fetch("word_refs"))
        if not starts or starts[0] != 0 or starts[-1] != len(refs):
            raise ValueError("word groups do not cover the word references")
        if any(a > b for a, b in pairwise(starts)):
            raise ValueError("word groups out of order")
        return cls(words, starts, refs, size=size, on_damage=on_damage)


class Index:
    """Match keys and per-drama facets, as parallel columns.

    Built whole from dramas, or opened lazily from a cache: each column is decoded (and
    checked) the first time something reads it, so `show` never pays for the name keys
    that only `search` needs.
    """

    titles: Sequence[str]  # display title, per drama
    title_keys: Sequence[str]  # title_key() of every title, alt title and Hangul title
    title_refs: Sequence[int]  # pack_title(drama, field), per title key
    exact: KeyTable  # compact() and article-less title keys -> position in title_keys
    shared: dict[str, list[int]]  # exact keys that name several dramas -> those dramas
    name_keys: Sequence[str]  # distinct name_key()s: actors, aka, Hangul, roles, given names
    name_starts: Sequence[int]  # name_refs[name_starts[k]:name_starts[k + 1]] share key k
    name_refs: Sequence[int]  # pack_name(drama, cast member, field), grouped by key
    surnames: dict[str, list[int]]  # phonetic surname -> dramas with an actor of that name
    moods: Sequence[list[str]]  # canonical moods, most prominent first, per drama
    eras: Sequence[list[str]]  # canonical eras, per drama
    periods: Sequence[list[int] | None]  # [first, last] year of the story, per drama
    tears: Sequence[int]  # per drama
    years: Sequence[int]  # first air year, per drama
    episodes: Sequence[int]  # per drama; 0 when the catalogue does not say
    networks: Sequence[str]  # per drama
    endings: Sequence[str]  # happy, bittersweet, sad, or "" when unknown (a spoiler)
    custom_moods: Sequence[str]  # mood words of the catalogue's own, outside the vocabulary
    custom_eras: Sequence[str]  # and era names; a query resolves without reading every drama's

    def __init__(
        self,
        size: int,
        columns: dict[str, Any] | None = None,
        read: Callable[[str], bytes] | None = None,
        on_damage: Callable[[], Index] | None = None,
    ) -> None:
        self._size = size
        self._read = read
        self._on_damage = on_damage
        if columns:
            self.__dict__.update(columns)

    def __getattr__(self, name: str) -> Any:
        # Only called for a column not loaded yet.
        read = self.__dict__.get("_read")
        if name not in COLUMNS or read is None:
            raise AttributeError(name)
        try:
            value = decode_column(name, read, self._size)
        except DAMAGE:
            return self._repair(name)
        self.__dict__[name] = value
        return value

    def _repair(self, name: str) -> Any:
        """A damaged cache column: take every column from a fresh build instead."""
        if self._on_damage is None:
            raise ValueError(f"damaged index column {name}")
        fresh = self._on_damage()
        self.__dict__.update({column: getattr(fresh, column) for column in COLUMNS})
        self._read = None
        return self.__dict__[name]

    def __len__(self) -> int:
        return self._size

    def sort_key(self, position: int) -> str:
        """For deterministic ties: titles compare case-insensitively."""
        return self.titles[position].casefold()

    def title_ref(self, text: str) -> int | None:
        """Which title key `text` names exactly (case, spaces and punctuation ignored, and
        a title's leading article optional), as a position in `title_keys`."""
        return self.exact.get(compact(text))

    def exact_owners(self, text: str) -> list[int]:
        """The dramas `text` names exactly (case, spaces and punctuation aside; a title's
        leading article optional), a drama's own title first and another drama's other
        title only when no title has that name. Several means the name is shared."""
        key = compact(text)
        ref = self.exact.get(key)
        if ref is None:
            return []
        shared = self.shared.get(key)
        return list(shared) if shared else [self.title_refs[ref] >> 2]

    def owner_of_key(self, key: str) -> int | None:
        """The drama whose title has this `compact()` key, if any."""
        ref = self.exact.get(key)
        return None if ref is None else self.title_refs[ref] >> 2

    def name_key_index(self, key: str) -> int | None:
        """Where an exact name key sits in `name_keys` (a table built on first use)."""
        lookup = self.__dict__.get("_name_lookup")
        if lookup is None:
            lookup = self.__dict__["_name_lookup"] = {k: i for i, k in enumerate(self.name_keys)}
        return lookup.get(key)

    def name_group(self, key_index: int) -> range:
        """Positions in `name_refs` of the cast entries sharing name key `key_index`."""
        return range(self.name_starts[key_index], self.name_starts[key_index + 1])

    def name_key_at(self, flat: int) -> str:
        """The name key of the cast entry at `name_refs[flat]`."""
        return self.name_keys[bisect_right(self.name_starts, flat) - 1]

    def name_entries(self) -> Iterator[tuple[str, int]]:
        """Every (name key, packed cast reference)."""
        for key_index, key in enumerate(self.name_keys):
            for flat in self.name_group(key_index):
                yield key, self.name_refs[flat]

    def encode(self) -> dict[str, bytes]:
        """Each column as bytes that decode fast: key lists joined by a separator that
        folded keys cannot contain, integer columns as machine-native int64 arrays (the
        cache is per machine), the rest as JSON."""
        return {
            "titles": _json(list(self.titles)),
            "title_keys": _join(self.title_keys),
            "title_refs": _ints(self.title_refs),
            "exact_keys": _join(self.exact.keys()),
            "exact_refs": _ints(self.exact.values()),
            "shared": _json(self.shared),
            "name_keys": _join(self.name_keys),
            "name_starts": _ints(self.name_starts),
            "name_refs": _ints(self.name_refs),
            "surnames": _json(self.surnames),
            "moods": _join(_SUB.join(m) for m in self.moods),
            "eras": _join(_SUB.join(e) for e in self.eras),
            "periods": _json(list(self.periods)),
            "tears": _ints(self.tears),
            "years": _ints(self.years),
            "episodes": _ints(self.episodes),
            "networks": _json(list(self.networks)),
            "endings": "".join(_ENDING_CODES[e] for e in self.endings).encode(),
            "custom_moods": _join(self.custom_moods),
            "custom_eras": _join(self.custom_eras),
        }


def decode_column(name: str, fetch: Callable[[str], bytes], size: int) -> Any:
    """Decode one column, reading its sections with `fetch`, and check it (ValueError)."""
    if name == "exact":
        refs = _unints(fetch("exact_refs"))
        _in_range(refs, 0, len(fetch("title_refs")) // 8)
        return KeyTable.from_joined(fetch("exact_keys").decode("utf-8"), refs)
    raw = fetch(name)
    if name == "titles":
        titles = json.loads(raw)
        if not isinstance(titles, list) or not all(isinstance(t, str) for t in titles):
            raise ValueError("titles must be strings")
        return _sized(titles, size)
    if name in ("title_keys", "name_keys", "custom_moods", "custom_eras"):
        return _split(raw)
    if name in ("title_refs", "name_refs"):
        refs = _unints(raw)
        _in_range(refs, 2 if name == "title_refs" else 10, size)
        return refs
    if name == "name_starts":
        starts = _unints(raw)
        if not starts or starts[0] != 0 or starts[-1] != len(fetch("name_refs")) // 8:
            raise ValueError("name groups do not cover the name references")
        if any(a > b for a, b in pairwise(starts)):
            raise ValueError("name groups out of order")
        return starts
    if name in ("moods", "eras"):
        return _sized([item.split(_SUB) if item else [] for item in _split(raw)], size)
    if name == "periods":
        periods = json.loads(raw)
        if not isinstance(periods, list) or not all(
            p is None or (isinstance(p, list) and len(p) == 2) for p in periods
        ):
            raise ValueError("periods must be pairs")
        return _sized(periods, size)
    if name in ("tears", "years", "episodes"):
        return _sized(_unints(raw), size)
    if name == "networks":
        networks = json.loads(raw)
        if not isinstance(networks, list) or not all(isinstance(n, str) for n in networks):
            raise ValueError("networks must be strings")
        return _sized(networks, size)
    if name == "endings":
        return _sized([_ENDINGS_BY_CODE[c] for c in raw.decode("ascii")], size)
    if name == "shared":
        shared = json.loads(raw)
        if not isinstance(shared, dict) or any(
            not isinstance(owners, list) or any(not isinstance(p, int) or not 0 <= p < size
                                                for p in owners)
            for owners in shared.values()
        ):  # fmt: skip
            raise ValueError("shared titles out of range")
        return shared
    if name == "surnames":
        surnames = json.loads(raw)
        if not isinstance(surnames, dict):
            raise ValueError("surnames must be a table")
        for owners in surnames.values():
            if not isinstance(owners, list) or any(
                not isinstance(p, int) or not 0 <= p < size for p in owners
            ):
                raise ValueError("surname owners out of range")
        return surnames
    raise KeyError(name)


def _sized(column: Any, size: int) -> Any:
    if len(column) != size:
        raise ValueError("column length differs from the catalogue size")
    return column


def _in_range(refs: Sequence[int], shift: int, size: int) -> None:
    if refs and (min(refs) < 0 or (max(refs) >> shift) >= size):
        raise ValueError("reference out of range")


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def _join(items: Iterable[str]) -> bytes:
    return _SEP.join(items).encode("utf-8")


def _split(raw: bytes) -> list[str]:
    text = raw.decode("utf-8")
    return text.split(_SEP) if text else []


def _ints(items: Iterable[int]) -> bytes:
    return array("q", items).tobytes()


def _unints(raw: bytes) -> array[int]:
    values = array("q")
    values.frombytes(raw)
    return values


STEP = 1000  # dramas between two calls of a build's `on_progress`


def build_index(dramas: Sequence[Drama], on_progress: Callable[[int], None] | None = None) -> Index:
    """The index of `dramas`; `on_progress` hears how many are indexed, now and then."""
    titles, moods, eras, periods, tears = [], [], [], [], []
    years: list[int] = []
    episodes: list[int] = []
    networks: list[str] = []
    endings: list[str] = []
    title_keys: list[str] = []
    title_refs: list[int] = []
    exact: dict[str, int] = {}
    later: dict[str, int] = {}
    loose: dict[str, int] = {}
    # Who claims each exact key, a claim packed as (field << 32) | drama: the first claim,
    # and the others only for the few keys that have more than one.
    claimed: dict[str, int] = {}
    also: dict[str, list[int]] = {}

    def claim(key: str, field: int, position: int) -> None:
        packed = field << 32 | position
        if claimed.setdefault(key, packed) != packed:
            also.setdefault(key, []).append(packed)

    names: dict[str, list[int]] = {}
    surnames: dict[str, list[int]] = {}
    # A big catalogue names the same actors again and again: each name's keys are worked
    # out once (and forgotten with the build).
    known: dict[str, tuple[str, str, str | None]] = {}

    lists: dict[tuple[Callable[[str], str], tuple[str, ...]], list[str]] = {}

    def canonical(name: Callable[[str], str], words: tuple[str, ...]) -> list[str]:
        """Moods or eras under their vocabulary names, once each; dramas with the same
        words share one list (nothing changes an index's lists)."""
        found = lists.get((name, words))
        if found is None:
            found = lists[name, words] = _unique(map(name, words))
        return found

    def outside(name: Callable[[str], str], known: Iterable[str]) -> list[str]:
        """The catalogue's own moods or eras: those the vocabulary does not name."""
        named = set(known)
        found = {w for (of, _), chosen in lists.items() if of is name for w in chosen}
        return sorted(found - named)

    def person(name: str) -> tuple[str, str, str | None]:
        """A name's key, its given name's key and its surname's key (for several words)."""
        keys = known.get(name)
        if keys is None:
            tokens = name_tokens(name)
            given = "".join(phonetic(t) for t in tokens[1:])
            surname = name_key(tokens[0]) if len(tokens) > 1 else None
            keys = known[name] = (name_key(name), given, surname)
        return keys

    for position, drama in enumerate(dramas):
        if on_progress is not None and position % STEP == 0:
            on_progress(position)
        titles.append(drama.title)
        moods.append(canonical(canonical_mood, drama.moods))
        eras.append(canonical(canonical_era, drama.era))
        periods.append(list(drama.period) if drama.period else None)
        tears.append(drama.tears)
        years.append(drama.year)
        episodes.append(drama.episodes or 0)
        networks.append(drama.network)
        endings.append(drama.ending or "")
        named = [(drama.title, 0), *((t, 1) for t in drama.alt_titles)]
        if drama.hangul:
            named.append((drama.hangul, 2))
        for text, field in named:
            folded = fold(text)  # once: the title key and the exact keys all come from it
            key = without_article(folded)
            if not key:
                continue
            whole = folded.replace(" ", "")  # compact(text)
            # A drama's own title wins its exact key over another drama's other title.
            (exact if field == 0 else later).setdefault(whole, len(title_keys))
            claim(whole, field, position)
            bare = key.replace(" ", "")
            if field == 0 and bare != whole:
                # "Red Sleeve" names "The Red Sleeve"; an other title needs its article.
                loose.setdefault(bare, len(title_keys))
                claim(bare, 3, position)
            title_keys.append(key)
            title_refs.append(pack_title(position, field))
        owner = position << 10  # pack_name(position, cast, field), spelled out: 40,000 calls
        for cast_pos, member in enumerate(drama.cast[: MAX_CAST + 1]):
            ref = owner | cast_pos << 3
            key, given, surname = person(member.actor)
            if key:
                names.setdefault(key, []).append(ref)
            for aka in member.aka:
                key = person(aka)[0]
                if key:
                    names.setdefault(key, []).append(ref | 1)
            if member.actor_hangul:
                key = name_key(member.actor_hangul)
                if key:
                    names.setdefault(key, []).append(ref | 2)
            for part in member.role.split("/"):  # roles rarely repeat: not remembered
                key = name_key(part)
                if key:
                    names.setdefault(key, []).append(ref | 3)
            if given:  # fans often use the given name alone: "Jongsuk", "Joon-gi"
                names.setdefault(given, []).append(ref | 4)
            for text in (member.actor, *member.aka):
                surname = person(text)[2]
                if surname is not None:
                    owners = surnames.setdefault(surname, [])
                    if not owners or owners[-1] != position:
                        owners.append(position)
    for table in (later, loose):  # the same order of claims as `shared`
        for key, ref in table.items():
            exact.setdefault(key, ref)
    shared: dict[str, list[int]] = {}
    for key, first in claimed.items():
        if key not in also:
            continue
        claims = sorted([first, *also[key]])
        best = claims[0] >> 32  # the lowest field: a title before an other title
        owners = list(dict.fromkeys(c & 0xFFFFFFFF for c in claims if c >> 32 == best))
        if len(owners) > 1:
            shared[key] = owners
    name_starts, name_refs = array("q", [0]), array("q")  # as a cache holds them: compact
    for refs in names.values():
        name_refs.extend(refs)
        name_starts.append(len(name_refs))
    return Index(
        len(titles),
        {
            "titles": titles,
            "title_keys": title_keys,
            "title_refs": array("q", title_refs),
            "exact": KeyTable(list(exact), list(exact.values())),
            "shared": shared,
            "name_keys": list(names),
            "name_starts": name_starts,
            "name_refs": name_refs,
            "surnames": surnames,
            "moods": moods,
            "eras": eras,
            "periods": periods,
            "tears": array("q", tears),
            "years": array("q", years),
            "episodes": array("q", episodes),
            "networks": networks,
            "endings": endings,
            "custom_moods": outside(canonical_mood, mood_names()),
            "custom_eras": outside(canonical_era, era_names()),
        },
    )


def build_words(
    dramas: Sequence[Drama], on_progress: Callable[[int], None] | None = None
) -> WordIndex:
    """Inverted index of the words of synopses and why-you-will-cry notes: word ->
    `pack_word(drama, field)` for every drama and field (0 synopsis, 1 why_cry) using it.
    `on_progress` hears how many dramas are done, now and then."""
    postings: dict[str, list[int]] = {}
    for position, drama in enumerate(dramas):
        if on_progress is not None and position % STEP == 0:
            on_progress(position)
        ref = position << 1  # pack_word(position, field), spelled out
        for field, text in ((0, drama.synopsis), (1, drama.why_cry)):
            for word in set(words(text)) if text else ():
                if len(word) > 3 and word not in STOPWORDS:
                    postings.setdefault(word, []).append(ref | field)
    return WordIndex.of(postings)


def pack_word(owner: int, field: int) -> int:
    return owner << 1 | field


def unpack_word(ref: int) -> tuple[int, int]:
    return ref >> 1, ref & 1


def _unique(items: Any) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen
