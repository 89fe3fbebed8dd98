"""What `validate` has to say about a valid catalogue: words outside the vocabularies
(and the vocabulary word each may be a typo of), which bundled drama each entry
replaces when the file is merged over the bundled catalogue, and the other titles that
are also names of a bundled drama it keeps."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from .catalogue import replaced_by
from .model import Drama
from .terms import canonical_era, canonical_mood, typo_of
from .text import compact
from .vocab import era_names, mood_names


class Remark(NamedTuple):
    """One note. Kinds: "mood" and "era" (not in the vocabulary), "replaces" (the entry
    replaces a bundled drama), "shadowed" (an other title of the entry is the title of a
    bundled drama, which keeps the name) and "shared" (it is also an other title of a
    bundled drama: typed alone, it could mean either)."""

    entry: int  # 1-based position in the file
    title: str
    kind: Literal["mood", "era", "replaces", "shadowed", "shared"]
    word: str  # the mood, era or other title as written, or the title of the drama replaced
    closest: str | None = None  # the vocabulary word a mood or era may be a typo of, or the
    # title of the bundled drama that has the other title too


def review(dramas: Sequence[Drama], bundled: Sequence[Drama] = ()) -> list[Remark]:
    remarks: list[Remark] = []
    moods, eras = set(mood_names()), set(era_names())
    replaced = replaced_by(bundled, dramas)
    titles, alts = _names(bundled, kept=set(range(len(bundled))) - set(replaced.values()))
    for position, drama in enumerate(dramas):
        number = position + 1
        if position in replaced:
            remarks.append(
                Remark(number, drama.title, "replaces", bundled[replaced[position]].title)
            )
        for alt in drama.alt_titles:
            key = compact(alt)
            if key in titles:
                remarks.append(Remark(number, drama.title, "shadowed", alt, titles[key]))
            elif key in alts:
                remarks.append(Remark(number, drama.title, "shared", alt, alts[key]))
        for mood in drama.moods:
            if canonical_mood(mood) not in moods:
                remarks.append(Remark(number, drama.title, "mood", mood, typo_of("mood", mood)))
        for era in drama.era:
            if canonical_era(era) not in eras:
                remarks.append(Remark(number, drama.title, "era", era, typo_of("era", era)))
    return remarks


def _names(bundled: Sequence[Drama], kept: set[int]) -> tuple[dict[str, str], dict[str, str]]:
    """The titles and the other titles of the bundled dramas a merge keeps, each to the
    title of its drama (the first, for an other title several share)."""
    titles: dict[str, str] = {}
    alts: dict[str, str] = {}
    for position, drama in enumerate(bundled):
        if position in kept:
            titles.setdefault(compact(drama.title), drama.title)
            for alt in drama.alt_titles:
                alts.setdefault(compact(alt), drama.title)
    return titles, alts
