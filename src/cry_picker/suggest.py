"""`suggest`: dramas for a mood, an era and an actor, with every point of the score explained."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from .catalogue import Catalogue
from .errors import NotFound, UsageProblem
from .index import NAME_FIELDS, unpack_name
from .match import (
    Hit,
    Match,
    apportion,
    check_limit,
    clean_query,
    custom_eras,
    custom_moods,
    in_era,
    mood_label,
    mood_weight,
    name_hits,
    reason,
    surname_hits,
)
from .terms import MoodMatch, resolve_era, resolve_mood
from .text import fold, name_query_keys

# Shares of the score: moods lead when asked for, an actor next, tears always a little.
MOOD_SHARE = 80
MOOD_SHARE_WITH_ACTOR = 60
ACTOR_SHARE = 80
ACTOR_SHARE_WITH_MOOD = 20
TEARS_SHARE = 20


def actor_matches(catalogue: Catalogue, actor: str) -> dict[int, Hit]:
    """Dramas whose cast includes `actor` (actors and their aliases, not roles).

    Raises NotFound with the closest actors' names when nobody matches confidently,
    including when `actor` is only a surname that several actors share.
    """
    text = clean_query(actor)
    if not fold(text):
        raise UsageProblem("an actor's name cannot be empty")
    found = name_hits(catalogue.index, text, roles=False)
    if found:
        return found
    suggestions = closest_actors(catalogue, text)
    if surname_hits(catalogue.index, text):
        message = f"'{text}' is only a surname; several actors share it"
        raise NotFound(message, suggestions=suggestions)
    raise NotFound(f"no actor called '{text}' in the catalogue", suggestions=suggestions)


def closest_actors(catalogue: Catalogue, text: str, limit: int = 3) -> list[str]:
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


def suggest(
    catalogue: Catalogue,
    moods: Sequence[str] = (),
    era: str | None = None,
    actor: str | None = None,
    limit: int = 5,
    min_tears: int = 1,
    exclude: Collection[int] = (),
) -> list[Match]:
    """Dramas for a mood, best first.

    Moods score by prominence in each drama's list; `era` is a filter; `actor` narrows
    to dramas with that actor; tears always count and break ties. With no criteria at
    all the ranking is by tears. Deterministic: ties go by tears, then title.
    """
    check_limit(limit)
    if not 1 <= min_tears <= 5:
        raise UsageProblem(f"the minimum tears must be from 1 to 5, got {min_tears}")
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

    mood_labels = [mood_label(mood) for mood in wanted]
    ranked: list[tuple[int, int, list[str | tuple[Hit, int]]]] = []
    for position in range(len(index)):
        tears = index.tears[position]
        if position in exclude or tears < min_tears:
            continue
        filters: list[str] = []
        if era_query is not None:
            why = in_era(index, position, era_query)
            if why is None:
                continue
            filters.append(f"{why} (filter)")
        parts: list[float] = []
        labels: list[str | Hit] = []
        if actors is not None:
            hit = actors.get(position)
            if hit is None:
                continue
            parts.append(actor_share * hit.score / 100)
            labels.append(hit)
        matched = 0
        for mood, label in zip(wanted, mood_labels, strict=True):
            weight, rank = mood_weight(index, position, mood.mood)
            parts.append(mood_share * weight / len(wanted))
            if weight:
                matched += 1
                count = len(index.moods[position])
                labels.append(f"mood: {label}, #{rank} of its {count} moods")
            else:
                labels.append(f"mood: {label}, not among its moods")
        if wanted and not matched:
            continue
        parts.append(tears_share * tears / 5)
        labels.append(f"tears: {tears}/5")
        points = apportion(parts)
        reasons: list[str | tuple[Hit, int]] = list(filters)
        for part, value in zip(labels, points, strict=True):
            reasons.append(f"{part} (+{value})" if isinstance(part, str) else (part, value))
        ranked.append((sum(points), position, reasons))

    ranked.sort(key=lambda r: (-r[0], -index.tears[r[1]], index.sort_key(r[1])))
    shown: list[Match] = []
    for score, position, parts_shown in ranked[:limit]:
        drama = catalogue[position]
        text = tuple(
            part if isinstance(part, str) else f"{reason(index, drama, part[0])} (+{part[1]})"
            for part in parts_shown
        )
        shown.append(Match(position, drama, min(score, 100), text))
    return shown
