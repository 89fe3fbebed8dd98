"""What `validate` has to say about a valid catalogue: words outside the vocabularies
(and the vocabulary word each may be a typo of), and which bundled drama each entry
replaces when the file is merged over the bundled catalogue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, NamedTuple

from .catalogue import replaced_by
from .model import Drama
from .terms import canonical_era, canonical_mood, typo_of
from .vocab import era_names, mood_names


class Remark(NamedTuple):
    entry: int  # 1-based position in the file
    title: str
    kind: Literal["mood", "era", "replaces"]
    word: str  # the mood or era as written, or the title of the bundled drama replaced
    closest: str | None = None  # the vocabulary word a mood or era may be a typo of


def review(dramas: Sequence[Drama], bundled: Sequence[Drama] = ()) -> list[Remark]:
    remarks: list[Remark] = []
    moods, eras = set(mood_names()), set(era_names())
    replaced = replaced_by(bundled, dramas)
    for position, drama in enumerate(dramas):
        number = position + 1
        if position in replaced:
            remarks.append(
                Remark(number, drama.title, "replaces", bundled[replaced[position]].title)
            )
        for mood in drama.moods:
            if canonical_mood(mood) not in moods:
                remarks.append(Remark(number, drama.title, "mood", mood, typo_of("mood", mood)))
        for era in drama.era:
            if canonical_era(era) not in eras:
                remarks.append(Remark(number, drama.title, "era", era, typo_of("era", era)))
    return remarks
