"""`suggest`: dramas for a mood, an era and an actor, with every point of the score explained."""

from __future__ import annotations

import heapq
from collections.abc import Collection, Sequence

from .catalogue import Catalogue
from .errors import OutOfRange
from .facets import custom_eras, custom_moods, in_era, mood_reason, mood_weight
from .filters import NO_FILTERS, Filters, decorate, excluded
from .people import actor_matches, name_reason
from .results import Hit, Kind, Reason, Result, apportion, check_limit
from .terms import MoodMatch, resolve_era, resolve_mood

Shown = Reason | tuple[Hit, int]  # a reason, or an actor's hit and its points, worded later

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

    def considered(position: int, worded: bool) -> tuple[int, list[Shown]] | None:
        """The score of the drama at `position`, None if it is left out; `worded`, also
        its reasons (which only the dramas shown need: 10,000 others never pay for them)."""
        tears = index.tears[position]
        if position in exclude or tears < min_tears:
            return None
        era_reason = None
        if era_queries:
            era_reason = next(
                (r for r in (in_era(index, position, q) for q in era_queries) if r), None
            )
            if era_reason is None:
                return None
        parts: list[float] = []
        hit = None
        if cast is not None:
            hit = cast.get(position)
            if hit is None:
                return None
            parts.append(actor_share * hit.score / 100)
        matched = 0
        for mood in wanted:
            weight, _ = mood_weight(index, position, mood.mood)
            parts.append(mood_share * weight / len(wanted))
            matched += bool(weight)
        if wanted and not matched:
            return None
        parts.append(tears_share * tears / 5)
        score = round(sum(parts))  # what the apportioned points add up to
        if not worded:
            return score, []
        reasons: list[Shown] = []
        if cry is not None:
            reasons.append(Reason(Kind.CRY, "cry", typed=cry.typed))
        if era_reason is not None:
            reasons.append(era_reason.with_filter())
        scoring: list[Reason | Hit] = [] if hit is None else [hit]  # an actor is worded last
        scoring += [mood_reason(index, position, mood) for mood in wanted]
        scoring.append(Reason(Kind.TEARS, str(tears)))
        for part, value in zip(scoring, apportion(parts), strict=True):
            reasons.append(part.scored(value) if isinstance(part, Reason) else (part, value))
        return score, reasons

    ranked: list[tuple[int, int]] = []
    for position in range(len(index)):
        outcome = considered(position, worded=False)
        if outcome is not None:
            ranked.append((outcome[0], position))
    best = heapq.nsmallest(
        limit, ranked, key=lambda r: (-r[0], -index.tears[r[1]], index.sort_key(r[1]))
    )
    shown: list[Result] = []
    for score, position in best:
        drama = catalogue[position]
        outcome = considered(position, worded=True)
        parts_shown = [] if outcome is None else outcome[1]  # never None: it was not before
        worded = tuple(
            part if isinstance(part, Reason) else name_reason(index, drama, part[0]).scored(part[1])
            for part in parts_shown
        )
        shown.append(Result(position, drama, min(score, 100), worded))
    return decorate(index, shown, filters)
