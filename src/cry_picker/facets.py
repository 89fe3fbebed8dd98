"""A drama's moods and eras as the index holds them: how prominent a mood is in a drama,
whether a drama belongs to an era or a span of years, and the catalogue's own words."""

from __future__ import annotations

from .index import Index
from .results import Kind, Reason, prominence
from .terms import EraQuery, MoodMatch, era_span
from .text import fold


def custom_moods(index: Index) -> set[str]:
    """Mood words a user's catalogue uses that the vocabulary does not have."""
    return set(index.custom_moods)


def custom_eras(index: Index) -> set[str]:
    return set(index.custom_eras)


def mood_weight(index: Index, position: int, mood: str) -> tuple[float, int]:
    """(prominence, 1-based rank) of `mood` in the drama's list; (0.0, 0) if absent."""
    moods = index.moods[position]
    if mood not in moods:
        return 0.0, 0
    rank = moods.index(mood)
    return prominence(rank, len(moods)), rank + 1


def mood_reason(index: Index, position: int, match: MoodMatch) -> Reason:
    """The mood, what the user typed for it if that was another word, and its place."""
    _, rank = mood_weight(index, position, match.mood)
    typed = None if match.exact and fold(match.typed) == fold(match.mood) else match.typed
    count = len(index.moods[position])
    return Reason(Kind.MOOD, match.mood, typed=typed, rank=rank or None, count=count)


PRESENT = "Contemporary"


def story_years(index: Index, position: int) -> list[tuple[int, int]]:
    """The years a drama's story is known to be set in: its period, and its air year when
    part of it is set in the present (a present-day story without a period is set when it
    aired, so a 2016 drama is not "the 1990s" because the Contemporary era began in 1990)."""
    known: list[tuple[int, int]] = []
    period = index.periods[position]
    if period is not None:
        known.append((period[0], period[1]))
    if PRESENT in index.eras[position]:
        year = index.years[position]
        known.append((year, year))
    return known


def in_era(index: Index, position: int, era: EraQuery, *, spans: bool = True) -> Reason | None:
    """Why the drama at `position` belongs to `era`, or None if it does not.

    By name for an era; for years, by the years the story is set in, and (with `spans`)
    by the years of its eras when the catalogue gives no better."""
    eras = index.eras[position]
    for name in eras:
        if name in era.eras:
            return Reason(Kind.ERA, name, typed=era.typed)
    if era.span is None:
        return None
    first, last = era.span
    known = story_years(index, position)
    for start, end in known:
        if start <= last and first <= end:
            aired = index.periods[position] is None or (start, end) != tuple(
                index.periods[position] or ()
            )
            inside = first <= start and end <= last
            how = "aired" if aired else None if inside else "overlaps"
            return Reason(Kind.ERA, era.label, years=(start, end), via=how)
    if spans and not known:
        for name in eras:
            span = era_span(name)
            if span and span[0] <= last and first <= span[1]:
                return Reason(Kind.ERA, name, typed=era.label, via="spans")
    return None
