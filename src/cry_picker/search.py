"""`search`: one query against every field at once, names and titles first.

A result's score is its best hit's, weighted by the field it was found in (a name outranks
a synopsis word); that best hit carries the points, and any other fields the query also
matched are listed after it for no points.
"""

from __future__ import annotations

from collections.abc import Collection

from .catalogue import Catalogue
from .errors import EmptyText, UsageProblem
from .facets import custom_eras, custom_moods, in_era, mood_reason, mood_weight
from .filters import NO_FILTERS, Filters, decorate, excluded
from .index import STOPWORDS, Index, unpack_word
from .model import Drama
from .people import name_hits, name_reason, surname_hits
from .results import Hit, Kind, Reason, Result, check_limit
from .terms import is_cry, near_terms, resolve_era, resolve_mood
from .text import clean_query, fold
from .titles import closest_titles, exact_title, title_reason, title_scores

WORD_CUTOFF = 88  # a synopsis word this close to a query word counts ("mothers", "mother")
SEARCH_FLOOR = 40
TITLE_FLOOR = 75  # a title this far from the query is noise in a search
MOOD_WEIGHT = ERA_WEIGHT = CRY_WEIGHT = 0.85
WORD_WEIGHT = 0.6
ERA_SPREAD = 0.15  # what a story mostly outside the years asked for loses, at most
MAX_PARTS = 6  # "a, b, c": more parts than this is a sentence with commas, searched whole


def search(
    catalogue: Catalogue,
    query: str,
    limit: int = 10,
    exclude: Collection[int] = (),
    filters: Filters = NO_FILTERS,
) -> list[Result]:
    """Dramas matching `query` in any field, best first; name and title hits outrank
    mood, era and synopsis hits; `filters` leave dramas out and are named in the reasons.
    Raises EmptyText for an empty query."""
    check_limit(limit)
    text = clean_query(query)
    if not text:
        raise EmptyText("query")
    index = catalogue.index
    exclude = set(exclude) | excluded(index, filters)
    parts = [part for part in map(clean_query, text.split(",")) if part]
    if (
        1 < len(parts) <= MAX_PARTS and exact_title(index, text) is None
    ):  # "grief, family", not "Hi Bye, Mama"
        found = [_hits(catalogue, part) for part in parts]
        both = set(found[0]).intersection(*found[1:])
        if both - exclude:
            hits = {position: [h for part in found for h in part[position]] for position in both}
            weakest = {p: min(max(h.score for h in part[p]) for part in found) for p in both}
            return decorate(index, _rank(catalogue, hits, limit, exclude, weakest), filters)
    return decorate(index, _rank(catalogue, _hits(catalogue, text), limit, exclude), filters)


def _hits(catalogue: Catalogue, text: str) -> dict[int, list[Hit]]:
    """Every field's hits for one query, by drama."""
    index = catalogue.index
    if is_cry(text):  # "sad", "tearjerker", 😭: the saddest first
        return _cry_hits(index, text)
    hits: dict[int, list[Hit]] = {}

    def add(found: dict[int, Hit]) -> None:
        for position, hit in found.items():
            hits.setdefault(position, []).append(hit)

    exact = exact_title(index, text)
    if exact is not None:
        add(dict.fromkeys(exact[0], exact[1]))
    add(title_scores(index, text, floor=TITLE_FLOOR))
    names = name_hits(catalogue, text)
    add(names)
    if not names:
        add(surname_hits(index, text))
    if len(fold(text).split()) <= 4:
        add(_mood_hits(index, text))
        add(_era_hits(index, text))
    for found in _word_hits(catalogue, text):
        add(found)
    return hits


def closest_to(catalogue: Catalogue, query: str, limit: int = 3) -> list[str]:
    """What to offer when a search finds nothing: the moods and eras the query is a near
    miss of ("Goro" for Goryeo), then titles close to it."""
    index = catalogue.index
    words = near_terms(query, custom_moods(index), custom_eras(index), limit)
    return list(dict.fromkeys([*words, *closest_titles(catalogue, query, limit)]))[:limit]


def _cry_hits(index: Index, text: str) -> dict[int, list[Hit]]:
    reason = Reason(Kind.CRY, "cry", typed=text)
    return {
        p: [Hit(100 * CRY_WEIGHT * index.tears[p] / 5, Kind.CRY, reason=reason)]
        for p in range(len(index))
    }


def _mood_hits(index: Index, text: str) -> dict[int, Hit]:
    try:
        mood = resolve_mood(text, custom_moods(index))
    except UsageProblem:
        return {}
    found: dict[int, Hit] = {}
    for position in range(len(index)):
        weight, _ = mood_weight(index, position, mood.mood)
        if weight:
            reason = mood_reason(index, position, mood)
            found[position] = Hit(100 * weight * MOOD_WEIGHT, Kind.MOOD, reason=reason)
    return found


def _era_hits(index: Index, text: str) -> dict[int, Hit]:
    try:
        era = resolve_era(text, custom_eras(index))
    except UsageProblem:
        return {}
    found: dict[int, Hit] = {}
    for position in range(len(index)):
        reason = in_era(index, position, era, spans=False)
        if reason is not None:
            found[position] = Hit(
                100 * ERA_WEIGHT * _fit(reason, era.span), Kind.ERA, reason=reason
            )
    return found


def _fit(reason: Reason, asked: tuple[int, int] | None) -> float:
    """A story set wholly in the years asked for fits best; one that only overlaps them
    fits by the share of its years inside (1980 in a story of 1960-2025 is a small part)."""
    if asked is None or reason.years is None:
        return 1.0
    start, end = reason.years
    inside = min(end, asked[1]) - max(start, asked[0]) + 1
    return 1 - ERA_SPREAD * (1 - inside / (end - start + 1))


def _word_hits(catalogue: Catalogue, text: str) -> list[dict[int, Hit]]:
    """Dramas whose synopsis or why-you-will-cry note uses the query's words (or words a
    letter or two away): one set of hits per field, each naming the words it found."""
    from rapidfuzz import fuzz, process  # imported on first fuzzy match

    said = [t for t in dict.fromkeys(fold(text).split()) if t not in STOPWORDS]
    tokens = [t for t in said if len(t) > 3]  # short words are names and noise in prose
    if not tokens:
        return []
    words = catalogue.words
    vocabulary = list(words)
    found: list[dict[int, dict[str, str]]] = [{}, {}]  # per field: drama -> token -> word
    for token in tokens:
        matches = [token] if token in words else [
            word for word, _, _ in process.extract(
                token, vocabulary, scorer=fuzz.ratio, limit=5, score_cutoff=WORD_CUTOFF
            )
        ]  # fmt: skip
        for word in matches:
            for ref in words[word]:
                position, field = unpack_word(ref)
                found[field].setdefault(position, {}).setdefault(token, word)
    hits: list[dict[int, Hit]] = []
    for field, kind in enumerate((Kind.SYNOPSIS, Kind.WHY_CRY)):
        hits.append({
            p: Hit(
                100 * WORD_WEIGHT * len(matched) / len(said),
                kind,
                reason=Reason(kind, ", ".join(matched.values()), items=tuple(matched.values())),
            )
            for p, matched in found[field].items()
        })  # fmt: skip
    return hits


def _rank(
    catalogue: Catalogue,
    hits: dict[int, list[Hit]],
    limit: int,
    exclude: Collection[int],
    scores: dict[int, float] | None = None,
) -> list[Result]:
    """Best first; a drama's score is its best hit's, or `scores` where the query had
    several parts (the weakest part's best hit: all of them must match)."""
    index = catalogue.index
    scored = [
        (max(h.score for h in found) if scores is None else scores[position], position)
        for position, found in hits.items()
        if position not in exclude
    ]
    scored = [(s, p) for s, p in scored if s >= SEARCH_FLOOR]
    scored.sort(key=lambda sp: (-round(sp[0]), -index.tears[sp[1]], index.sort_key(sp[1])))
    return [
        _result(catalogue, position, min(100, round(score)), hits[position])
        for score, position in scored[:limit]
    ]


def _result(catalogue: Catalogue, position: int, score: int, hits: list[Hit]) -> Result:
    """The best hit carries the score's points; the other fields that matched follow."""
    drama = catalogue[position]
    reasons: list[Reason] = []
    for hit in sorted(hits, key=lambda h: -h.score):
        reason = reason_for(catalogue.index, drama, hit)
        if reason not in reasons:
            reasons.append(reason)
    reasons[0] = reasons[0].scored(score)
    return Result(position, drama, score, tuple(reasons))


def reason_for(index: Index, drama: Drama, hit: Hit) -> Reason:
    """A hit worded as a reason; names and titles need the drama to say which one."""
    if hit.kind in (Kind.TITLE, Kind.ALT_TITLE, Kind.HANGUL_TITLE):
        return title_reason(index, drama, hit)
    if hit.kind in (Kind.ACTOR, Kind.ROLE, Kind.SURNAME):
        return name_reason(index, drama, hit)
    assert hit.reason is not None
    return hit.reason
