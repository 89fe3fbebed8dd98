"""`similar`: more like the one that wrecked you.

Content-based: shared moods weighted by their prominence in both dramas, the same era or
a nearby period, the same actor in both, and a similar number of tears.
"""

from __future__ import annotations

import math
from collections.abc import Collection

from .catalogue import Catalogue
from .facets import story_years
from .filters import NO_FILTERS, Filters, decorate, excluded
from .index import NAME_FIELDS, Index, unpack_name
from .results import Kind, Reason, Result, apportion, check_limit, prominence
from .terms import era_span

MOODS_SHARE, ERA_SHARE, CAST_SHARE, TEARS_SHARE = 50, 25, 10, 15
FAR_APART = 300  # stories set this many years apart share nothing of an era
_ACTOR = NAME_FIELDS.index("actor")


def _mood_weights(index: Index, position: int) -> dict[str, float]:
    moods = index.moods[position]
    return {m: prominence(rank, len(moods)) for rank, m in enumerate(moods)}


def _spans(index: Index, position: int) -> list[tuple[int, int]]:
    """The years the story is set in: its period and air year when known, else its eras'."""
    known = story_years(index, position)
    return known or [s for s in (era_span(e) for e in index.eras[position]) if s]


def _era_closeness(index: Index, a: int, b: int) -> tuple[float, Reason]:
    shared = tuple(e for e in index.eras[a] if e in index.eras[b])
    if shared:
        return 1.0, Reason(Kind.SHARED_ERA, " and ".join(shared), items=shared)
    nothing = Reason(Kind.SHARED_ERA, "")
    pairs = [(x, y) for x in _spans(index, a) for y in _spans(index, b)]
    if not pairs:
        return 0.0, nothing
    gap = min(max(y[0] - x[1], x[0] - y[1], 0) for x, y in pairs)
    closeness = max(0.0, 1.0 - gap / FAR_APART)
    if not closeness:
        return 0.0, nothing
    return closeness, Reason(Kind.SHARED_ERA, "", gap=gap)


def _actors(index: Index) -> dict[int, dict[str, int]]:
    """Per drama: actor name key -> cast position (actors only, not roles)."""
    found: dict[int, dict[str, int]] = {}
    for key, ref in index.name_entries():
        owner, cast_pos, field = unpack_name(ref)
        if field == _ACTOR:
            found.setdefault(owner, {})[key] = cast_pos
    return found


def similar(
    catalogue: Catalogue,
    position: int,
    limit: int = 5,
    exclude: Collection[int] = (),
    filters: Filters = NO_FILTERS,
) -> list[Result]:
    """Dramas most like the one at `position`, best first; never the drama itself.
    `filters` leave dramas out and are named in the reasons."""
    check_limit(limit)
    index = catalogue.index
    exclude = set(exclude) | excluded(index, filters)
    mine = _mood_weights(index, position)
    my_norm = math.sqrt(sum(w * w for w in mine.values()))
    actors = _actors(index)
    my_actors = actors.get(position, {})
    scored: list[tuple[int, int, list[Reason], list[int], list[int]]] = []
    for other in range(len(index)):
        if other == position or other in exclude:
            continue
        theirs = _mood_weights(index, other)
        shared = tuple(m for m in mine if m in theirs)
        norm = my_norm * math.sqrt(sum(w * w for w in theirs.values()))
        cosine = sum(mine[m] * theirs[m] for m in shared) / norm if norm else 0.0
        era, era_reason = _era_closeness(index, position, other)
        together = [cast for key, cast in my_actors.items() if key in actors.get(other, {})]
        tears_close = 1 - abs(index.tears[position] - index.tears[other]) / 4
        points = apportion(
            [
                MOODS_SHARE * cosine,
                ERA_SHARE * era,
                CAST_SHARE * (1.0 if together else 0.0),
                TEARS_SHARE * tears_close,
            ]
        )
        labels = [
            Reason(Kind.SHARED_MOODS, ", ".join(shared), items=shared),
            era_reason,
            Reason(Kind.SHARED_CAST, ""),  # who is in both: named only for dramas shown
            Reason(
                Kind.SIMILAR_TEARS,
                str(index.tears[other]),
                items=(str(index.tears[position]), str(index.tears[other])),
            ),
        ]
        scored.append((sum(points), other, labels, points, together))
    scored.sort(key=lambda s: (-s[0], -index.tears[s[1]], index.sort_key(s[1])))
    me = catalogue[position]
    results: list[Result] = []
    for score, other, labels, points, together in scored[:limit]:
        names = tuple(me.cast[c].actor for c in together)
        labels[2] = Reason(Kind.SHARED_CAST, " and ".join(names), items=names)
        reasons = tuple(
            label.scored(value)
            for label, value in zip(labels, points, strict=True)
            if label.kind is not Kind.SHARED_CAST or names
        )
        results.append(Result(other, catalogue[other], min(score, 100), reasons))
    return decorate(index, results, filters)
