"""`suggest`: dramas for a mood, an era and an actor, with every point of the score explained."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .catalogue import Catalogue
from .errors import OutOfRange
from .facets import custom_eras, custom_moods, in_era, mood_reason, mood_weight
from .people import actor_matches, name_reason
from .results import Hit, Kind, Reason, Result, apportion, check_limit
from .terms import MoodMatch, resolve_era, resolve_mood

# Shares of the score: moods lead when asked for, an actor next, tears always a little.
MOOD_SHARE = 80
MOOD_SHARE_WITH_ACTOR = 60
ACTOR_SHARE = 80
ACTOR_SHARE_WITH_MOOD = 20


def suggest(
    catalogue: Catalogue,
    moods: Sequence[str] = (),
    era: str | None = None,
    actor: str | None = None,
    limit: int = 5,
    min_tears: int = 1,
    exclude: Collection[int] = (),
) -> list[Result]:
    """Dramas for a mood, best first.

    Moods score by prominence in each drama's list; `era` is a filter; `actor` narrows
    to dramas with that actor; tears always count and break ties. With no criteria at
    all the ranking is by tears. Deterministic: ties go by tears, then title.
    """
    check_limit(limit)
    if not 1 <= min_tears <= 5:
        raise OutOfRange("min_tears", min_tears, 1, 5)
    index = catalogue.index
    wanted: list[MoodMatch] = []
    for word in moods:
        found = resolve_mood(word, custom_moods(index))
        if found.mood not in (m.mood for m in wanted):
            wanted.append(found)
    era_query = resolve_era(era, custom_eras(index)) if era is not None else None
    actors = actor_matches(catalogue, actor) if actor is not None else None

    mood_share = 0 if not wanted else MOOD_SHARE_WITH_ACTOR if actors else MOOD_SHARE
    actor_share = 0 if actors is None else ACTOR_SHARE_WITH_MOOD if wanted else ACTOR_SHARE
    tears_share = 100 - mood_share - actor_share

    ranked: list[tuple[int, int, list[Reason | tuple[Hit, int]]]] = []
    for position in range(len(index)):
        tears = index.tears[position]
        if position in exclude or tears < min_tears:
            continue
        reasons: list[Reason | tuple[Hit, int]] = []
        if era_query is not None:
            why = in_era(index, position, era_query)
            if why is None:
                continue
            reasons.append(why.with_filter())
        parts: list[float] = []
        scoring: list[Reason | Hit] = []
        if actors is not None:
            hit = actors.get(position)
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
    return shown
