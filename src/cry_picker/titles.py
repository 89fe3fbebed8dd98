"""Which drama a title names: exactly (any title, other title or Hangul title), then
fuzzily, and never a confident answer when the query does not mean one drama."""

from __future__ import annotations

from .catalogue import Catalogue
from .errors import AmbiguousTitle, EmptyText, TitleNotFound
from .index import Index, unpack_title
from .model import Drama
from .results import Hit, Kind, Reason, Result
from .text import clean_query, fold, title_key

TITLE_CUTOFF = 80  # below this a title is a suggestion, not an answer
TITLE_FLOOR = 45  # below this a fuzzy title hit is noise
SUGGEST_FLOOR = 40  # ... and below this not even worth offering as "did you mean"
AMBIGUOUS = 2  # two different dramas this close at the top: ask, do not guess
KINDS = (Kind.TITLE, Kind.ALT_TITLE, Kind.HANGUL_TITLE)  # by the index's title field


def title_scores(index: Index, query: str, floor: float = TITLE_FLOOR) -> dict[int, Hit]:
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
            best[owner] = Hit(score, KINDS[field], ref)

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


def exact_title(index: Index, query: str) -> tuple[int, Hit] | None:
    """The drama `query` names exactly, and which of its titles it named."""
    ref = index.title_ref(query)
    if ref is None:
        return None
    position, field = unpack_title(index.title_refs[ref])
    return position, Hit(100.0, KINDS[field], ref)


def resolve(catalogue: Catalogue, title: str) -> Result:
    """The drama `title` names: exact title, alt title or Hangul first, then fuzzy.

    Raises EmptyText for an empty title, AmbiguousTitle when two dramas are equally
    likely, and TitleNotFound (with up to three suggestions) when none is confident.
    """
    index = catalogue.index
    query = clean_query(title)
    if not fold(query):
        raise EmptyText("title")
    exact = exact_title(index, query)
    if exact is not None:
        position, hit = exact
        return _result(catalogue, position, 100, hit)
    scores = title_scores(index, query)
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1].score, index.sort_key(kv[0])))
    if ranked and ranked[0][1].score >= TITLE_CUTOFF:
        top = ranked[0][1].score
        rivals = [p for p, hit in ranked if hit.score >= max(top - AMBIGUOUS, TITLE_CUTOFF)]
        if len(rivals) > 1:
            raise AmbiguousTitle(query, [index.titles[p] for p in rivals[:3]])
        position, hit = ranked[0]
        return _result(catalogue, position, round(hit.score), hit)
    raise TitleNotFound(query, closest_titles(catalogue, query))


def closest_titles(catalogue: Catalogue, query: str, limit: int = 3) -> list[str]:
    """Titles worth offering as "did you mean", best first."""
    index = catalogue.index
    scores = title_scores(index, query, floor=SUGGEST_FLOOR)
    ranked = sorted(scores, key=lambda p: (-scores[p].score, index.sort_key(p)))
    return [index.titles[p] for p in ranked[:limit]]


def title_reason(index: Index, drama: Drama, hit: Hit) -> Reason:
    """Which of the drama's names matched: its title, another title, or its Hangul title."""
    if hit.kind is Kind.HANGUL_TITLE and drama.hangul:
        return Reason(Kind.HANGUL_TITLE, drama.hangul)
    if hit.kind is Kind.ALT_TITLE and hit.ref >= 0:
        key = index.title_keys[hit.ref]
        alt = next((a for a in drama.alt_titles if title_key(a) == key), None)
        if alt is not None:
            return Reason(Kind.ALT_TITLE, alt)
    return Reason(Kind.TITLE, drama.title)


def _result(catalogue: Catalogue, position: int, score: int, hit: Hit) -> Result:
    drama = catalogue[position]
    reason = title_reason(catalogue.index, drama, hit)
    return Result(position, drama, score, (reason.scored(score),))
