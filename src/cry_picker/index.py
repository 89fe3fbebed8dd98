"""Precomputed match keys for a catalogue, laid out for rapidfuzz's batch functions.

An `Index` holds flat lists of normalised keys (titles, names) with packed references
back to the drama they came from, plus per-drama moods, eras, periods and tears. It is
built once per catalogue and cached as JSON, so a query never re-normalises 10,000
dramas and never needs to materialise a `Drama` it will not show.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .model import Drama
from .terms import canonical_era, canonical_mood
from .text import compact, name_key, name_tokens, phonetic, title_key, words

TITLE_FIELDS = ("title", "alt title", "hangul")
NAME_FIELDS = ("actor", "aka", "actor_hangul", "role", "given name")
MAX_CAST = 127  # cast positions are packed into 7 bits

STOPWORDS = frozenset(
    "the and for with from that this his her their its into who whom has have had was were "
    "are but not can one two all any out off about after before over under than then them "
    "she him they you your what when where which while will would been being also only more "
    "most very just even still too how why our ever every each some such".split()
)


def pack_name(owner: int, cast: int, field: int) -> int:
    return (owner << 10) | (cast << 3) | field


def unpack_name(ref: int) -> tuple[int, int, int]:
    return ref >> 10, (ref >> 3) & MAX_CAST, ref & 7


def pack_title(owner: int, field: int) -> int:
    return (owner << 2) | field


def unpack_title(ref: int) -> tuple[int, int]:
    return ref >> 2, ref & 3


@dataclass(frozen=True, slots=True)
class Index:
    titles: list[str]  # display title, per drama
    sort_keys: list[str]  # case-folded title, per drama, for deterministic ties
    title_keys: list[str]  # title_key() of every title, alt title and Hangul title
    title_refs: list[int]  # pack_title(drama, field) for each title key
    exact: dict[str, int]  # compact() and article-less keys -> drama
    name_keys: list[str]  # name_key() of actors, aka, Hangul names and roles
    name_refs: list[int]  # pack_name(drama, cast member, field) for each name key
    surnames: dict[str, list[int]]  # phonetic surname -> dramas with an actor of that name
    moods: list[list[str]]  # canonical moods, most prominent first, per drama
    eras: list[list[str]]  # canonical eras, per drama
    periods: list[list[int] | None]  # [first, last] year of the story, per drama
    tears: list[int]  # per drama

    def __len__(self) -> int:
        return len(self.titles)

    def to_json(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self.__slots__}

    @classmethod
    def from_json(cls, data: Any) -> Index:
        """Rebuild from `to_json` output, refusing anything malformed (ValueError)."""
        if not isinstance(data, dict) or set(data) != set(cls.__slots__):
            raise ValueError("index fields do not match")
        index = cls(**data)
        size = len(index.titles)
        per_drama = (index.sort_keys, index.moods, index.eras, index.periods, index.tears)
        if any(len(column) != size for column in per_drama):
            raise ValueError("per-drama columns differ in length")
        if len(index.title_keys) != len(index.title_refs):
            raise ValueError("title columns differ in length")
        if len(index.name_keys) != len(index.name_refs):
            raise ValueError("name columns differ in length")
        if not all(isinstance(k, str) for k in index.title_keys + index.name_keys):
            raise ValueError("keys must be strings")
        owners = [r >> 2 for r in index.title_refs] + [r >> 10 for r in index.name_refs]
        owners += list(index.exact.values())
        owners += [p for ps in index.surnames.values() for p in ps]
        if owners and (min(owners) < 0 or max(owners) >= size):
            raise ValueError("reference out of range")
        return index


def build_index(dramas: Sequence[Drama]) -> Index:
    titles, sort_keys, moods, eras, periods, tears = [], [], [], [], [], []
    title_keys: list[str] = []
    title_refs: list[int] = []
    exact: dict[str, int] = {}
    loose: dict[str, int] = {}
    name_keys: list[str] = []
    name_refs: list[int] = []
    surnames: dict[str, list[int]] = {}
    for position, drama in enumerate(dramas):
        titles.append(drama.title)
        sort_keys.append(drama.title.casefold())
        moods.append(_unique(canonical_mood(m) for m in drama.moods))
        eras.append(_unique(canonical_era(e) for e in drama.era))
        periods.append(list(drama.period) if drama.period else None)
        tears.append(drama.tears)
        named = [(drama.title, 0), *((t, 1) for t in drama.alt_titles)]
        if drama.hangul:
            named.append((drama.hangul, 2))
        for text, field in named:
            key = title_key(text)
            if not key:
                continue
            title_keys.append(key)
            title_refs.append(pack_title(position, field))
            exact.setdefault(compact(text), position)
            loose.setdefault(key.replace(" ", ""), position)
        for cast_pos, member in enumerate(drama.cast[: MAX_CAST + 1]):
            people = [(member.actor, 0), *((a, 1) for a in member.aka)]
            if member.actor_hangul:
                people.append((member.actor_hangul, 2))
            people += [(part, 3) for part in member.role.split("/")]
            for text, field in people:
                key = name_key(text)
                if key:
                    name_keys.append(key)
                    name_refs.append(pack_name(position, cast_pos, field))
            given = name_tokens(member.actor)[1:]
            if given:  # fans often use the given name alone: "Jongsuk", "Joon-gi"
                name_keys.append("".join(phonetic(t) for t in given))
                name_refs.append(pack_name(position, cast_pos, 4))
            for text, field in people:
                tokens = name_tokens(text)
                if field < 2 and len(tokens) > 1:
                    owners = surnames.setdefault(name_key(tokens[0]), [])
                    if not owners or owners[-1] != position:
                        owners.append(position)
    for key, position in loose.items():
        exact.setdefault(key, position)
    return Index(
        titles=titles,
        sort_keys=sort_keys,
        title_keys=title_keys,
        title_refs=title_refs,
        exact=exact,
        name_keys=name_keys,
        name_refs=name_refs,
        surnames=surnames,
        moods=moods,
        eras=eras,
        periods=periods,
        tears=tears,
    )


def build_words(dramas: Sequence[Drama]) -> dict[str, list[int]]:
    """Inverted index of synopsis and why-you-will-cry words -> dramas."""
    postings: dict[str, list[int]] = {}
    for position, drama in enumerate(dramas):
        text = drama.synopsis + " " + (drama.why_cry or "")
        for word in set(words(text)):
            if len(word) > 3 and word not in STOPWORDS:
                postings.setdefault(word, []).append(position)
    return postings


def _unique(items: Any) -> list[str]:
    seen: list[str] = []
    for item in items:
        if item and item not in seen:
            seen.append(item)
    return seen
