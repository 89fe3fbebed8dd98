"""Who a name means: actors (by name, alias, Hangul or given name) and the roles they play.

A name is matched in stages, and the first stage that finds anyone decides:

1. the full name exactly, in any romanisation the folding keys reconcile, surname last
   when the words say so ("Jongsuk Lee"), an alias, or Hangul (also romanised, surname
   first, for a catalogue without Hangul);
2. a given name alone ("Jongsuk"), when it belongs to one actor;
3. a slip of the fingers in a full name ("Lee Jong Sukk"): fuzzy, but only when some word
   of the query cannot be romanised Korean, because a plausible name one syllable away
   from an actor's is another person, not a typo;
4. part of a name ("Lee Joon"), or a surname alone: a hint, never a confident answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from .catalogue import Catalogue
from .errors import ActorNotFound, AmbiguousActor, EmptyText
from .index import NAME_FIELDS, Index, unpack_name
from .model import Drama
from .results import Hit, Kind, Reason
from .text import (
    SURNAMES,
    clean_query,
    fold,
    has_hangul,
    name_key,
    name_query_keys,
    name_tokens,
    phonetic,
    plausible,
    romanise_name,
    undoubled,
)

NAME_CUTOFF = 85  # a typo'd name must be this close to a catalogue name
NAME_MARGIN = 5  # two people this close to a typo: ask, do not guess
GIVEN_SCORE = 90
PARTIAL_SCORE = 60  # part of a name, in search only
SURNAME_SCORE = 40  # "Lee" alone: a weak hint, never a confident match
MIN_PARTIAL = 4  # letters of a name key a partial name must have
MIN_GIVEN = 5  # letters of a one-word given name ("Jieun"; "One" may be someone's stage name)

FULL = frozenset({"actor", "aka", "actor_hangul"})  # fields that hold a whole name
OWN = frozenset({"actor", "actor_hangul"})  # an actor's own name, before anyone's alias
WEIGHTS = {"actor": 1.0, "aka": 0.97, "actor_hangul": 1.0, "role": 0.9, "given name": 1.0}


class NameQuery(NamedTuple):
    keys: tuple[str, ...]  # full-name keys to try
    given: str | None  # the query as a given name alone
    typo: bool  # some word cannot be romanised Korean: a slip of the fingers
    surname: str | None  # the query is one word that may be a surname
    partial: bool  # long enough to be the beginning of a full name
    romanised: str | None = None  # Hangul typed: the key of its romanisation


_HANGUL_SYLLABLES = re.compile("[\uac00-\ud7a3]")


def name_query(text: str) -> NameQuery:
    """The keys a typed name is matched by. Hangul is taken as written (for Hangul names
    in the catalogue) and romanised surname first (for Latin ones), never reversed."""
    if has_hangul(text):
        romanised = romanise_name(text)
        keys = tuple(dict.fromkeys(k for k in (name_key(text), name_key(romanised)) if k))
        # Two syllables may be a given name alone (민호, 종석), read whole, so 여왕 is not
        # the "Wang" of Jackson Wang. Three or more are a surname and a given name, never
        # a given name alone (비밀의 is not Kyeon Mi-ri).
        hangul = _HANGUL_SYLLABLES.findall(text)
        given = "".join(phonetic(t) for t in romanised.split()) if len(hangul) == 2 else None
        partial = len(romanised.replace(" ", "")) >= 4
        return NameQuery(keys, given, False, None, partial, name_key(romanised) or None)
    tokens = name_tokens(text)
    keys = tuple(name_query_keys(text))
    # Two words read as a given name ("Jong Suk") unless the first is a surname ("Yoo Geon");
    # one word only when it is long enough to be two syllables ("Jongsuk", not "One").
    as_given = (len(tokens) == 1 and len(tokens[0]) >= MIN_GIVEN) or (
        len(tokens) == 2 and tokens[0] not in SURNAMES
    )
    given = "".join(phonetic(t) for t in tokens) if as_given else None
    # A slip is corrected only in a full name: one word ("Alex", "Suzy") is too little to
    # tell a typo from another person's name.
    typo = len(tokens) > 1 and any(t.isalpha() and not plausible(t) for t in tokens)
    surname = name_key(tokens[0]) if len(tokens) == 1 else None
    return NameQuery(keys, given, typo, surname, len(tokens) >= 2)


class Person(NamedTuple):
    """One cast entry a name stage found: where it is and how well it matched."""

    score: float
    flat: int  # position in the index's name references
    field: str


def _exact(index: Index, keys: Iterable[str], fields: frozenset[str]) -> list[Person]:
    """Cast entries whose name is exactly the first of `keys` that names anyone: an actor's
    own name before another actor's alias, and a whole name before a role. The likelier
    reading of the words wins ("Ji Soo" is the actor Ji Soo, not an alias of Kim Ji-soo)."""
    keys = list(keys)
    for wanted in (fields & OWN, fields & (FULL - OWN), fields - FULL):
        for key in keys:
            key_index = index.name_key_index(key)
            if key_index is None:
                continue
            found = []
            for flat in index.name_group(key_index):
                field = NAME_FIELDS[unpack_name(index.name_refs[flat])[2]]
                if field in wanted:
                    found.append(Person(100.0, flat, field))
            if found:
                return found
    return []


def _given(index: Index, key: str) -> list[Person]:
    return [p._replace(score=GIVEN_SCORE) for p in _exact(index, [key], frozenset({"given name"}))]


def _slip(index: Index, text: str, fields: frozenset[str]) -> list[Person]:
    """A name with a letter typed twice ("Lee Joon Gii", "Kim Min Joonn"), read with it
    once, in the word that cannot be romanised Korean; every reading that names someone."""
    words = text.split()
    found: list[Person] = []
    for at, word in enumerate(words):
        if all(plausible(t) for t in name_tokens(word)):
            continue
        for single in undoubled(word):
            reading = " ".join([*words[:at], single, *words[at + 1 :]])
            found += [
                p._replace(score=98.0) for p in _exact(index, name_query(reading).keys, fields)
            ]
    return found


def _fuzzy(index: Index, keys: Iterable[str], fields: frozenset[str]) -> list[Person]:
    from rapidfuzz import fuzz, process  # imported on first fuzzy match

    scored: dict[int, float] = {}
    for key in keys:
        for _, score, key_index in process.extract(
            key, index.name_keys, scorer=fuzz.ratio, limit=None, score_cutoff=NAME_CUTOFF
        ):
            scored[key_index] = max(score, scored.get(key_index, 0.0))
    found: list[Person] = []
    for key_index, score in scored.items():
        for flat in index.name_group(key_index):
            field = NAME_FIELDS[unpack_name(index.name_refs[flat])[2]]
            if field in fields:
                found.append(Person(score, flat, field))
    if not found:
        return []
    best = max(p.score for p in found)
    return [p for p in found if p.score >= best - NAME_MARGIN]


def _partial(index: Index, keys: Iterable[str]) -> list[Person]:
    """Full names that begin with the typed name ("Lee Joon" -> Lee Joon-gi, Lee Joon-hyuk)."""
    found: list[Person] = []
    for key in keys:
        if len(key) < MIN_PARTIAL:
            continue
        for key_index, name in enumerate(index.name_keys):
            if name.startswith(key) and name != key:
                for flat in index.name_group(key_index):
                    field = NAME_FIELDS[unpack_name(index.name_refs[flat])[2]]
                    if field in FULL:
                        found.append(Person(PARTIAL_SCORE, flat, field))
    return found


def _unwritten_hangul(catalogue: Catalogue, typed: NameQuery, found: list[Person]) -> list[Person]:
    """Hangul typed that found Hangul names: also the cast entries of the same name
    written only in Latin letters (they may be the same person, whose Hangul the
    catalogue does not give), never one whose Hangul is another person's."""
    if typed.romanised is None or not any(p.field == "actor_hangul" for p in found):
        return found
    index = catalogue.index
    seen = {unpack_name(index.name_refs[p.flat])[:2] for p in found}
    for person in _exact(index, [typed.romanised], OWN):
        owner, cast_pos, _ = unpack_name(index.name_refs[person.flat])
        if (owner, cast_pos) not in seen and catalogue[owner].cast[cast_pos].actor_hangul is None:
            seen.add((owner, cast_pos))
            found.append(person)
    return found


def _people(catalogue: Catalogue, found: Iterable[Person]) -> list[str]:
    """The different actors among cast entries, by their catalogue name, best first."""
    index = catalogue.index
    names: dict[str, str] = {}
    for person in sorted(found, key=lambda p: -p.score):
        owner, cast_pos, _ = unpack_name(index.name_refs[person.flat])
        actor = catalogue[owner].cast[cast_pos].actor
        names.setdefault(name_key(actor), actor)
    return list(names.values())


def _hits(index: Index, found: Iterable[Person]) -> dict[int, Hit]:
    best: dict[int, Hit] = {}
    for person in found:
        owner = unpack_name(index.name_refs[person.flat])[0]
        score = person.score * WEIGHTS.get(person.field, 1.0)
        if owner not in best or score > best[owner].score:
            kind = Kind.ROLE if person.field == "role" else Kind.ACTOR
            best[owner] = Hit(score, kind, person.flat)
    return best


def _first_stage(
    index: Index, typed: NameQuery, text: str, fields: frozenset[str]
) -> tuple[str, list[Person]]:
    """The first stage that finds anyone, and what it found: "exact", "given", "slip",
    "partial", or "none"."""
    found = _exact(index, typed.keys, fields)
    if found:
        return "exact", found
    if typed.given and (found := _given(index, typed.given)):
        return "given", found
    if typed.typo and (found := _slip(index, text, fields) or _fuzzy(index, typed.keys, fields)):
        return "slip", found
    if typed.partial and (found := _partial(index, typed.keys)):
        return "partial", found
    return "none", []


def name_hits(catalogue: Catalogue, query: str) -> dict[int, Hit]:
    """Best name hit per drama, for `search`: the first stage that finds anyone (exact
    names and roles, a given name, a typo), else part of a name as a weak hint."""
    typed = name_query(query)
    stage, found = _first_stage(catalogue.index, typed, query, FULL | {"role"})
    if stage == "exact":
        found = _unwritten_hangul(catalogue, typed, found)
    return _hits(catalogue.index, found)


def surname_hits(index: Index, query: str) -> dict[int, Hit]:
    """Dramas with an actor of this surname, when the query is one word: a weak hint."""
    tokens = fold(query).split()
    if len(tokens) != 1:
        return {}
    owners = index.surnames.get(name_key(tokens[0]), [])
    reason = Reason(Kind.SURNAME, clean_query(query))
    return {p: Hit(SURNAME_SCORE, Kind.SURNAME, reason=reason) for p in owners}


def actor_matches(catalogue: Catalogue, actor: str) -> dict[int, Hit]:
    """Dramas whose cast includes the actor `actor` names (not roles).

    Raises EmptyText; AmbiguousActor when the name fits several actors (a shared given
    name, part of several names, a surname alone) with them as candidates; ActorNotFound
    with the closest names when nobody fits.
    """
    text = clean_query(actor)
    if not text:
        raise EmptyText("actor")
    if not fold(text):  # "!!!" was typed: a name nobody has, not an empty one
        raise ActorNotFound(text, [])
    index = catalogue.index
    typed = name_query(text)
    stage, found = _first_stage(index, typed, text, FULL)
    people = _people(catalogue, found)
    if stage == "exact" and len(people) == 1:  # namesakes written alike are one name
        return _hits(index, _unwritten_hangul(catalogue, typed, found))
    if len(people) > 1:
        raise AmbiguousActor(text, people[:5], surname_only=False)
    if people and stage != "partial":
        return _hits(index, found)
    if typed.surname is not None and index.surnames.get(typed.surname):
        raise AmbiguousActor(text, closest_actors(catalogue, text), surname_only=True)
    raise ActorNotFound(text, people or closest_actors(catalogue, text))


def closest_actors(catalogue: Catalogue, text: str, limit: int = 3) -> list[str]:
    """Actors' names worth offering as "did you mean", best first."""
    from rapidfuzz import fuzz, process

    index = catalogue.index
    found: list[str] = []
    for key in name_query(text).keys:
        for _, _, key_index in process.extract(
            key, index.name_keys, scorer=fuzz.WRatio, limit=40, score_cutoff=50
        ):
            for flat in index.name_group(key_index):
                owner, cast_pos, field = unpack_name(index.name_refs[flat])
                if NAME_FIELDS[field] in FULL:
                    name = catalogue[owner].cast[cast_pos].actor
                    if name not in found:
                        found.append(name)
                    break
    return found[:limit]


def name_reason(index: Index, drama: Drama, hit: Hit) -> Reason:
    """Who matched, as the catalogue names them, and through which of their names."""
    if hit.reason is not None:  # a surname: name the cast members who carry it
        key = name_key(hit.reason.subject)
        people = tuple(m.actor for m in drama.cast if name_key(fold(m.actor).split()[0]) == key)
        return Reason(Kind.SURNAME, hit.reason.subject, items=people)
    _, cast_pos, field = unpack_name(index.name_refs[hit.ref])
    member = drama.cast[cast_pos]
    name = NAME_FIELDS[field]
    if name == "role":
        return Reason(Kind.ROLE, member.role, actor=member.actor)
    via = None
    if name == "aka":
        matched = index.name_key_at(hit.ref)
        via = next((a for a in member.aka if name_key(a) == matched), None)
    elif name == "actor_hangul":
        via = member.actor_hangul
    return Reason(Kind.ACTOR, member.actor, role=member.role, via=via)


class Appearance(NamedTuple):
    position: int  # in the catalogue
    drama: Drama
    role: str


class Profile(NamedTuple):
    """An actor as the catalogue knows them, and their dramas, newest first."""

    name: str
    hangul: str | None
    aka: tuple[str, ...]  # stage names, other spellings
    appearances: tuple[Appearance, ...]


def actor_profile(catalogue: Catalogue, actor: str) -> Profile:
    """The actor `actor` names (as `actor_matches` resolves it) and every drama of theirs.

    Raises what `actor_matches` raises, and AmbiguousActor when the name is written alike
    for people with different Hangul names: one page must be one person."""
    index = catalogue.index
    hits = actor_matches(catalogue, actor)
    appearances: list[Appearance] = []
    names: list[str] = []
    hangul: list[str] = []
    aka: list[str] = []
    for position, hit in hits.items():
        drama = catalogue[position]
        member = drama.cast[unpack_name(index.name_refs[hit.ref])[1]]
        appearances.append(Appearance(position, drama, member.role))
        names.append(member.actor)
        hangul += [member.actor_hangul] if member.actor_hangul else []
        aka += member.aka
    if len(set(hangul)) > 1:
        raise AmbiguousActor(clean_query(actor), sorted(set(hangul)), surname_only=False,
                             namesakes=True)  # fmt: skip
    name = max(dict.fromkeys(names), key=names.count)
    others = [n for n in dict.fromkeys([*names, *aka]) if n != name]
    appearances.sort(key=lambda a: (-a.drama.year, a.drama.title.casefold()))
    return Profile(name, hangul[0] if hangul else None, tuple(others), tuple(appearances))
