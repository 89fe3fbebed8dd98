"""`list`: the catalogue, narrowed by mood, era, tears and filters, and sorted."""

from __future__ import annotations

from collections.abc import Sequence

from .catalogue import Catalogue
from .errors import BadValue, OutOfRange
from .facets import custom_eras, custom_moods, in_era
from .filters import NO_FILTERS, Filters, excluded
from .suggest import split_moods
from .terms import resolve_era, resolve_mood

SORTS = ("year", "tears", "title", "episodes")  # year and tears: highest first


def listing(
    catalogue: Catalogue,
    moods: Sequence[str] = (),
    eras: Sequence[str] = (),
    min_tears: int = 1,
    filters: Filters = NO_FILTERS,
    sort: str | None = None,
) -> list[int]:
    """Positions of the dramas that have every one of `moods`, are set in any of `eras`,
    have at least `min_tears` and pass `filters`; in catalogue order, or by `sort`.
    A word that asks to cry ("sad") sorts by tears when no other sort is asked for."""
    index = catalogue.index
    if not 1 <= min_tears <= 5:
        raise OutOfRange("min_tears", min_tears, 1, 5)
    if sort is not None:
        typed, sort = sort, sort.strip().casefold()
        if sort not in SORTS:
            raise BadValue("sort", typed, SORTS)
    asked = [resolve_mood(word, custom_moods(index)) for word in split_moods(moods)]
    wanted = {m.mood for m in asked if not m.cry}
    if any(m.cry for m in asked) and sort is None:
        sort = "tears"
    era_queries = [resolve_era(era, custom_eras(index)) for era in eras]
    out = excluded(index, filters)
    kept = [
        p
        for p in range(len(index))
        if p not in out
        and index.tears[p] >= min_tears
        and wanted <= set(index.moods[p])
        and (not era_queries or any(in_era(index, p, q) for q in era_queries))
    ]
    if sort == "year":
        kept.sort(key=lambda p: (-index.years[p], index.sort_key(p)))
    elif sort == "tears":
        kept.sort(key=lambda p: (-index.tears[p], index.sort_key(p)))
    elif sort == "title":
        kept.sort(key=index.sort_key)
    elif sort == "episodes":  # shortest first; dramas without a count last
        kept.sort(key=lambda p: (index.episodes[p] or 1 << 30, index.sort_key(p)))
    return kept
