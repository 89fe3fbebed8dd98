"""Who a name means: actors (by name, alias, Hangul or given name) and the roles they play."""

from __future__ import annotations

from .catalogue import Catalogue
from .errors import ActorNotFound, AmbiguousActor, EmptyText
from .index import NAME_FIELDS, Index, unpack_name
from .model import Drama
from .results import Hit, Kind, Reason
from .text import clean_query, fold, name_key, name_query_keys

NAME_CUTOFF = 87  # a typed name must be this close to a catalogue name
NAME_MARGIN = 12  # a name hit this far below the best one is a different person
SURNAME_SCORE = 40  # "Lee" alone: a weak hint, never a confident match

# How much a hit in each name field counts (an alias a little less than the name itself).
WEIGHTS = {"actor": 1.0, "aka": 0.97, "actor_hangul": 1.0, "role": 0.9, "given name": 0.9}


def name_hits(index: Index, query: str, *, roles: bool = True) -> dict[int, Hit]:
    """Best name hit per drama, for a name typed in any order, spelling or script."""
    from rapidfuzz import fuzz, process  # imported on first fuzzy match

    scored: dict[int, float] = {}  # name key -> best score over both name orders
    for key in name_query_keys(query):
        for _, score, key_index in process.extract(
            key, index.name_keys, scorer=fuzz.ratio, limit=None, score_cutoff=NAME_CUTOFF
        ):
            if score > scored.get(key_index, 0.0):
                scored[key_index] = score
    if not scored:
        return {}
    # Typo tolerance is for typos: once a name matches exactly, a near-miss is somebody
    # else (Kim Tae-hee is not Kim Tae-ri, Lee Jong-suk is not Lee Dong-seok).
    best_score = max(scored.values())
    floor = best_score if best_score == 100 else best_score - NAME_MARGIN
    best: dict[int, Hit] = {}
    for key_index, score in scored.items():
        if score < floor:
            continue
        for flat in index.name_group(key_index):
            owner, _, field = unpack_name(index.name_refs[flat])
            name = NAME_FIELDS[field]
            if not roles and name == "role":
                continue
            weighted = score * WEIGHTS[name]
            if owner not in best or weighted > best[owner].score:
                kind = Kind.ROLE if name == "role" else Kind.ACTOR
                best[owner] = Hit(weighted, kind, flat)
    return best


def surname_hits(index: Index, query: str) -> dict[int, Hit]:
    """Dramas with an actor of this surname, when the query is one word: a weak hint."""
    tokens = fold(query).split()
    if len(tokens) != 1:
        return {}
    owners = index.surnames.get(name_key(tokens[0]), [])
    reason = Reason(Kind.SURNAME, clean_query(query))
    return {p: Hit(SURNAME_SCORE, Kind.SURNAME, reason=reason) for p in owners}


def actor_matches(catalogue: Catalogue, actor: str) -> dict[int, Hit]:
    """Dramas whose cast includes `actor` (actors and their aliases, not roles).

    Raises EmptyText, AmbiguousActor for a surname several actors share, and
    ActorNotFound with the closest actors' names when nobody matches confidently.
    """
    text = clean_query(actor)
    if not fold(text):
        raise EmptyText("actor")
    found = name_hits(catalogue.index, text, roles=False)
    if found:
        return found
    suggestions = closest_actors(catalogue, text)
    if surname_hits(catalogue.index, text):
        raise AmbiguousActor(text, suggestions, surname_only=True)
    raise ActorNotFound(text, suggestions)


def closest_actors(catalogue: Catalogue, text: str, limit: int = 3) -> list[str]:
    """Actors' names worth offering as "did you mean", best first."""
    from rapidfuzz import fuzz, process

    index = catalogue.index
    found: list[str] = []
    for key in name_query_keys(text):
        for _, _, key_index in process.extract(
            key, index.name_keys, scorer=fuzz.WRatio, limit=40, score_cutoff=50
        ):
            for flat in index.name_group(key_index):
                owner, cast_pos, field = unpack_name(index.name_refs[flat])
                if NAME_FIELDS[field] != "role":
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
        typed = index.name_key_at(hit.ref)
        via = next((a for a in member.aka if name_key(a) == typed), None)
    elif name == "actor_hangul":
        via = member.actor_hangul
    return Reason(Kind.ACTOR, member.actor, role=member.role, via=via)
