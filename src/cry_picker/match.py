"""Which drama a person means: `resolve` a title, `search` every field.

Also the pieces `suggest` and `similar` share: the `Match` result, name and title hits,
mood prominence, era membership and the wording of reasons. Fuzzy matching runs through
rapidfuzz's batch functions over the index's precomputed keys; only the dramas that make
the final list are materialised. Every result carries a 0-100 score and its reasons.
"""

from __future__ import annotations

import math
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from .catalogue import Catalogue
from .errors import NotFound, UsageProblem
from .index import NAME_FIELDS, STOPWORDS, TITLE_FIELDS, Index, unpack_name, unpack_title
from .model import Drama
from .terms import EraQuery, MoodMatch, era_span, resolve_era, resolve_mood
from .text import fold, name_key, name_query_keys, strip_control, title_key
from .vocab import ERAS, MOODS

MAX_QUERY = 200  # characters of a query that take part in matching
TITLE_CUTOFF = 80  # below this a title is a suggestion, not an answer
TITLE_FLOOR = 45  # below this a fuzzy title hit is noise
SUGGEST_FLOOR = 40  # ... and below this not even worth offering as "did you mean"
AMBIGUOUS = 2  # two different dramas this close at the top: ask, do not guess
NAME_CUTOFF = 87  # a typed name must be this close to a catalogue name
NAME_MARGIN = 12  # a name hit this far below the best one is a different person
SURNAME_SCORE = 40  # "Lee" alone: a weak hint, never a confident match
WORD_CUTOFF = 88  # a synopsis word this close to a query word counts ("mothers", "mother")
SEARCH_FLOOR = 40

# How much a hit in each field counts in `search` (a name outranks a synopsis word).
WEIGHTS = {
    "title": 1.0,
    "alt title": 1.0,
    "hangul": 1.0,
    "actor": 1.0,
    "aka": 0.97,
    "actor_hangul": 1.0,
    "role": 0.9,
    "given name": 0.9,
    "mood": 0.85,
    "era": 0.85,
    "surname": 1.0,
    "synopsis": 0.6,
}


@dataclass(frozen=True, slots=True)
class Match:
    position: int
    drama: Drama
    score: int  # 0..100
    reasons: tuple[str, ...]


class Hit(NamedTuple):
    score: float
    field: str
    ref: int = -1  # title or name entry
    detail: str = ""


def clean_query(text: str) -> str:
    return strip_control(text).strip()[:MAX_QUERY]


def prominence(rank: int, count: int) -> float:
    """Weight of a mood by its place in a drama's list: 1.0 for the first, 0.5 for the last."""
    return 1.0 - 0.5 * rank / max(count - 1, 1)


def apportion(parts: Sequence[float]) -> list[int]:
    """Round parts to integers that add up to the rounded total (largest remainder)."""
    floors = [math.floor(p) for p in parts]
    missing = round(sum(parts)) - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: floors[i] - parts[i])
    for i in order[: max(missing, 0)]:
        floors[i] += 1
    return floors


# --- titles -----------------------------------------------------------------------------


def _title_scores(index: Index, query: str, floor: float = TITLE_FLOOR) -> dict[int, Hit]:
    """Best title hit per drama. Whole-title similarity, plus a part-of-title score that
    is discounted by how little of the title the query covers ("the" is not "The Red Sleeve")."""
    from rapidfuzz import fuzz, process  # imported on first fuzzy match

    key = title_key(query)
    best: dict[int, Hit] = {}
    if not key:
        return best

    def keep(ref: int, score: float) -> None:
        owner, field = unpack_title(index.title_refs[ref])
        if owner not in best or score > best[owner].score:
            best[owner] = Hit(score, TITLE_FIELDS[field], ref)

    for _, score, ref in process.extract(
        key, index.title_keys, scorer=fuzz.ratio, limit=None, score_cutoff=floor
    ):
        keep(ref, score)
    # Part-of-title scores need enough letters to mean something: "lee" is in "sleeve".
    if len(key.replace(" ", "")) >= 5:
        for scorer in (fuzz.partial_ratio, fuzz.token_set_ratio):
            for choice, score, ref in process.extract(
                key, index.title_keys, scorer=scorer, limit=None, score_cutoff=85
            ):
                coverage = min(1.0, len(key) / max(len(choice), 1))
                keep(ref, score * (0.7 + 0.25 * coverage))
    return best


def _exact_title(catalogue: Catalogue, query: str) -> tuple[int, Hit] | None:
    """The drama `query` names exactly, and which of its titles it named."""
    ref = catalogue.index.title_ref(query)
    if ref is None:
        return None
    position, field = unpack_title(catalogue.index.title_refs[ref])
    return position, Hit(100.0, TITLE_FIELDS[field], ref)


def resolve(catalogue: Catalogue, title: str) -> Match:
    """The drama `title` names: exact title, alt title or Hangul first, then fuzzy.

    Raises UsageProblem for an empty title and NotFound (with up to three suggestions)
    when no drama is a confident match or two are equally likely.
    """
    query = clean_query(title)
    if not fold(query):
        raise UsageProblem("a title cannot be empty")
    exact = _exact_title(catalogue, query)
    if exact is not None:
        position, hit = exact
        return _match(catalogue, position, 100, [hit])
    scores = _title_scores(catalogue.index, query)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1].score, catalogue.index.sort_key(kv[0])))
    if ranked and ranked[0][1].score >= TITLE_CUTOFF:
        top = ranked[0][1].score
        rivals = [p for p, hit in ranked if hit.score >= max(top - AMBIGUOUS, TITLE_CUTOFF)]
        if len(rivals) > 1:
            raise NotFound(
                f"'{query}' could be more than one drama",
                suggestions=[catalogue.index.titles[p] for p in rivals[:3]],
            )
        position, hit = ranked[0]
        return _match(catalogue, position, round(hit.score), [hit])
    raise NotFound(
        f"no drama called '{query}' in the catalogue",
        suggestions=closest_titles(catalogue, query),
    )


def closest_titles(catalogue: Catalogue, query: str, limit: int = 3) -> list[str]:
    """Titles worth offering as "did you mean", best first."""
    scores = _title_scores(catalogue.index, query, floor=SUGGEST_FLOOR)
    ranked = sorted(scores, key=lambda p: (-scores[p].score, catalogue.index.sort_key(p)))
    return [catalogue.index.titles[p] for p in ranked[:limit]]


# --- names ------------------------------------------------------------------------------


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
            if not roles and NAME_FIELDS[field] == "role":
                continue
            weighted = score * WEIGHTS[NAME_FIELDS[field]]
            if owner not in best or weighted > best[owner].score:
                best[owner] = Hit(weighted, NAME_FIELDS[field], flat)
    return best


def surname_hits(index: Index, query: str) -> dict[int, Hit]:
    tokens = fold(query).split()
    if len(tokens) != 1:
        return {}
    key = name_key(tokens[0])
    owners = index.surnames.get(key, [])
    return {p: Hit(SURNAME_SCORE, "surname", detail=key) for p in owners}


# --- moods and eras ---------------------------------------------------------------------


def custom_moods(index: Index) -> set[str]:
    known = {m.name for m in MOODS}
    return {m for moods in index.moods for m in moods if m not in known}


def custom_eras(index: Index) -> set[str]:
    known = {e.name for e in ERAS}
    return {e for eras in index.eras for e in eras if e not in known}


def in_era(index: Index, position: int, era: EraQuery, *, spans: bool = True) -> str | None:
    """Why the drama at `position` belongs to `era`, or None if it does not."""
    eras = index.eras[position]
    for name in eras:
        if name in era.eras:
            return f"era: {name}"
    if era.span is None:
        return None
    first, last = era.span
    period = index.periods[position]
    if period is not None:
        if period[0] <= last and first <= period[1]:
            within = "" if years(period) == era.label else f", within {era.label}"
            return f"era: set in {years(period)}{within}"
        return None
    if spans:
        for name in eras:
            span = era_span(name)
            if span and span[0] <= last and first <= span[1]:
                return f"era: {name}, which spans {era.label}"
    return None


def years(period: Sequence[int]) -> str:
    return str(period[0]) if period[0] == period[1] else f"{period[0]}-{period[1]}"


def mood_weight(index: Index, position: int, mood: str) -> tuple[float, int]:
    moods = index.moods[position]
    if mood not in moods:
        return 0.0, 0
    rank = moods.index(mood)
    return prominence(rank, len(moods)), rank + 1


def mood_label(match: MoodMatch) -> str:
    if match.exact and fold(match.typed) == fold(match.mood):
        return match.mood
    return f"{match.mood} (from '{match.typed}')"


# --- search -----------------------------------------------------------------------------


def search(
    catalogue: Catalogue,
    query: str,
    limit: int = 10,
    exclude: Collection[int] = (),
) -> list[Match]:
    """Dramas matching `query` in any field, best first; name and title hits outrank
    mood, era and synopsis hits. Raises UsageProblem for an empty query."""
    check_limit(limit)
    text = clean_query(query)
    if not fold(text):
        raise UsageProblem("a search query cannot be empty")
    index = catalogue.index
    hits: dict[int, list[Hit]] = {}

    def add(found: dict[int, Hit]) -> None:
        for position, hit in found.items():
            hits.setdefault(position, []).append(hit)

    exact = _exact_title(catalogue, text)
    if exact is not None:
        add(dict([exact]))
    add(_title_scores(index, text, floor=60))
    names = name_hits(index, text)
    add(names)
    if not names:
        add(surname_hits(index, text))
    if len(fold(text).split()) <= 4:
        add(_mood_hits(index, text))
        add(_era_hits(index, text))
    add(_word_hits(catalogue, text))
    return _rank(catalogue, hits, limit, exclude, SEARCH_FLOOR)


def _mood_hits(index: Index, text: str) -> dict[int, Hit]:
    try:
        mood = resolve_mood(text, custom_moods(index))
    except UsageProblem:
        return {}
    found: dict[int, Hit] = {}
    label = mood_label(mood)
    for position in range(len(index)):
        weight, rank = mood_weight(index, position, mood.mood)
        if weight:
            moods = index.moods[position]
            detail = f"mood: {label}, #{rank} of its {len(moods)} moods"
            found[position] = Hit(100 * weight * WEIGHTS["mood"], "mood", detail=detail)
    return found


def _era_hits(index: Index, text: str) -> dict[int, Hit]:
    try:
        era = resolve_era(text, custom_eras(index))
    except UsageProblem:
        return {}
    found: dict[int, Hit] = {}
    for position in range(len(index)):
        why = in_era(index, position, era, spans=False)
        if why:
            found[position] = Hit(100 * WEIGHTS["era"], "era", detail=why)
    return found


def _word_hits(catalogue: Catalogue, text: str) -> dict[int, Hit]:
    from rapidfuzz import fuzz, process  # imported on first fuzzy match

    tokens = [t for t in fold(text).split() if len(t) > 3 and t not in STOPWORDS]
    if not tokens:
        return {}
    words = catalogue.words
    vocabulary = list(words)
    matched: dict[int, list[str]] = {}
    for token in dict.fromkeys(tokens):
        postings = set(words.get(token, ()))
        if not postings:
            for word, _, _ in process.extract(
                token, vocabulary, scorer=fuzz.ratio, limit=5, score_cutoff=WORD_CUTOFF
            ):
                postings.update(words[word])
        for position in postings:
            matched.setdefault(position, []).append(token)
    count = len(set(tokens))
    return {
        p: Hit(100 * WEIGHTS["synopsis"] * len(ws) / count, "synopsis", detail=", ".join(ws))
        for p, ws in matched.items()
    }


def _rank(
    catalogue: Catalogue,
    hits: dict[int, list[Hit]],
    limit: int,
    exclude: Collection[int],
    floor: float,
) -> list[Match]:
    index = catalogue.index
    scored = [
        (max(h.score for h in found), position)
        for position, found in hits.items()
        if position not in exclude
    ]
    scored = [(s, p) for s, p in scored if s >= floor]
    scored.sort(key=lambda sp: (-round(sp[0]), -index.tears[sp[1]], index.sort_key(sp[1])))
    return [
        _match(catalogue, position, round(score), hits[position])
        for score, position in scored[:limit]
    ]


def _match(catalogue: Catalogue, position: int, score: int, hits: Iterable[Hit]) -> Match:
    drama = catalogue[position]
    reasons: list[str] = []
    for hit in sorted(hits, key=lambda h: -h.score):
        text = reason(catalogue.index, drama, hit)
        if text not in reasons:
            reasons.append(text)
    return Match(position, drama, max(0, min(100, score)), tuple(reasons))


def reason(index: Index, drama: Drama, hit: Hit) -> str:
    if hit.field in TITLE_FIELDS:
        return _title_reason(index, drama, hit)
    if hit.field in NAME_FIELDS:
        _, cast_pos, _ = unpack_name(index.name_refs[hit.ref])
        member = drama.cast[cast_pos]
        if hit.field == "role":
            return f"role: {member.role} (played by {member.actor})"
        if hit.field == "aka":
            typed = index.name_key_at(hit.ref)
            aka = next((a for a in member.aka if name_key(a) == typed), ", ".join(member.aka))
            return f"actor: {member.actor} (also known as {aka}) as {member.role}"
        if hit.field == "given name":
            return f"actor: {member.actor} as {member.role}"
        if hit.field == "actor_hangul":
            return f"actor: {member.actor} ({member.actor_hangul}) as {member.role}"
        return f"actor: {member.actor} as {member.role}"
    if hit.field == "surname":
        people = [m.actor for m in drama.cast if name_key(fold(m.actor).split()[0]) == hit.detail]
        shown = ", ".join(people) or "someone in the cast"
        return f"actor: surname only ({shown}); type a full name for a confident match"
    if hit.field == "synopsis":
        return f"synopsis mentions: {hit.detail}"
    return hit.detail


def _title_reason(index: Index, drama: Drama, hit: Hit) -> str:
    if hit.field == "title" or hit.ref < 0:
        return f"title: {drama.title}"
    if hit.field == "hangul":
        return f"hangul title: {drama.hangul}"
    key = index.title_keys[hit.ref]
    alt = next((a for a in drama.alt_titles if title_key(a) == key), drama.title)
    return f"also known as: {alt}"


def check_limit(limit: int) -> None:
    if limit < 1:
        raise UsageProblem(f"the limit must be a positive number, got {limit}")
