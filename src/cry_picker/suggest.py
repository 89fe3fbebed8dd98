"""`suggest`: dramas for a mood, an era and an actor, with every point of the score explained."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .catalogue import Catalogue
from .errors import OutOfRange
from .facets import custom_eras, custom_moods, in_era, mood_reason, mood_weight
from .filters import NO_FILTERS, Filters, decorate, excluded
from .people import actor_matches, name_reason
from .results import Hit, Kind, Reason, Result, apportion, check_limit
from .terms import MoodMatch, resolve_era, resolve_mood

# Shares of the score: moods lead when asked for, an actor next, tears always a little.
MOOD_SHARE = 80
MOOD_SHARE_WITH_ACTOR = 60
ACTOR_SHARE = 80
ACTOR_SHARE_WITH_MOOD = 20


def _anyone(catalogue: Catalogue, actors: Sequence[str]) -> dict[int, Hit]:
    """Dramas with any of `actors`, each with its best hit."""
    found: dict[int, Hit] = {}
    for actor in actors:
        for position, hit in actor_matches(catalogue, actor).items():
            if position not in found or hit.score > found[position].score:
                found[position] = hit
    return found


def split_moods(moods: Sequence[str]) -> list[str]:
    """Moods as typed, with "grief, family" read as two; an empty one is kept, to be refused."""
    words: list[str] = []
    for text in moods:
        parts = [part.strip() for part in text.split(",")]
        words.extend([p for p in parts if p] or [text])
    return words


def suggest(
    catalogue: Catalogue,
    moods: Sequence[str] = (),
    eras: Sequence[str] = (),
    actors: Sequence[str] = (),
    limit: int = 5,
    min_tears: int = 1,
    exclude: Collection[int] = (),
    filters: Filters = NO_FILTERS,
) -> list[Result]:
    """Dramas for a mood, best first.

    Moods score by prominence in each drama's list ("grief, family" is two moods; "sad"
    or 😭 asks to cry, which ranks by tears); `eras` filter (any of them); `actors`
    narrow to dramas with any of them; tears always count and break ties. With no
    criteria at all the ranking is by tears; `filters` (air years, network, length,
    ending) leave dramas out and are named in the reasons. Deterministic: ties go by
    tears, then title.
    """
    check_limit(limit)
    if not 1 <= min_tears <= 5:
        raise OutOfRange("min_tears", min_tears, 1, 5)
    index = catalogue.index
    wanted: list[MoodMatch] = []
    cry: MoodMatch | None = None
    for word in split_moods(moods):
        found = resolve_mood(word, custom_moods(index))
        if found.cry:
            cry = cry or found  # "sad", 😭: rank by tears
        elif found.mood not in (m.mood for m in wanted):
            wanted.append(found)
    era_queries = [resolve_era(era, custom_eras(index)) for era in eras]
    cast = _anyone(catalogue, actors) if actors else None

    exclude = set(exclude) | excluded(index, filters)
    mood_share = 0 if not wanted else MOOD_SHARE_WITH_ACTOR if cast else MOOD_SHARE
    actor_share = 0 if cast is None else ACTOR_SHARE_WITH_MOOD if wanted else ACTOR_SHARE
    tears_share = 100 - mood_share - actor_share

    ranked: list[tuple[int, int, list[Reason | tuple[Hit, int]]]] = []
    for position in range(len(index)):
        tears = index.tears[position]
        if position in exclude or tears < min_tears:
            continue
        reasons: list[Reason | tuple[Hit, int]] = []
        if cry is not None:
            reasons.append(Reason(Kind.CRY, "cry", typed=cry.typed))
        if era_queries:
            why = next((r for r in (in_era(index, position, q) for q in era_queries) if r), None)
            if why is None:
                continue
            reasons.append(why.with_filter())
        parts: list[float] = []
        scoring: list[Reason | Hit] = []
        if cast is not None:
            hit = cast.get(position)
            if hit is None:
                continue
            parts.append(actor_share * hit.score / 100)
            scoring.append(hit)  # worded only if the drama is shown
        matched = 0
        for mood in wanted:
            weight, _ = mood_weight(index, position, mood.mood)
            parts.append(mood_share * weight / len(wanted))
            matched += bool(weight)
            scoring.append(mood_reason(index, position, mood))
        if wanted and not matched:
            continue
        parts.append(tears_share * tears / 5)
        scoring.append(Reason(Kind.TEARS, str(tears)))
        points = apportion(parts)
        for part, value in zip(scoring, points, strict=True):
            reasons.append(part.scored(value) if isinstance(part, Reason) else (part, value))
        ranked.append((sum(points), position, reasons))

    ranked.sort(key=lambda r: (-r[0], -index.tears[r[1]], index.sort_key(r[1])))
    shown: list[Result] = []
    for score, position, parts_shown in ranked[:limit]:
        drama = catalogue[position]
        worded = tuple(
            part if isinstance(part, Reason) else name_reason(index, drama, part[0]).scored(part[1])
            for part in parts_shown
        )
        shown.append(Result(position, drama, min(score, 100), worded))
    return decorate(index, shown, filters)
