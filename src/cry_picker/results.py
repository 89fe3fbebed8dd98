"""What the core answers with: ranked results and the reasons behind their scores.

A `Result` is a drama, its place in the catalogue, a 0-100 score and its `Reason`s. Each
reason is a typed record (what kind of match, on what, for how many points, and the few
facts a renderer needs to say it); the points of a result's reasons add up to its score.
The command line words them; JSON carries them as objects.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import NamedTuple

from .errors import OutOfRange
from .model import Drama


class Kind(StrEnum):
    """What a reason is about. The values are part of the JSON contract."""

    TITLE = "title"
    ALT_TITLE = "alt_title"
    HANGUL_TITLE = "hangul_title"
    ACTOR = "actor"
    ROLE = "role"
    SURNAME = "surname"
    MOOD = "mood"
    CRY = "cry"  # "sad", "tearjerker", 😭: the user asked to cry, not for a mood
    ERA = "era"
    TEARS = "tears"
    SYNOPSIS = "synopsis"
    WHY_CRY = "why_cry"
    SHARED_MOODS = "shared_moods"
    SHARED_ERA = "shared_era"
    SHARED_CAST = "shared_cast"
    SIMILAR_TEARS = "similar_tears"
    AIRED = "aired"
    NETWORK = "network"
    EPISODES = "episodes"
    ENDING = "ending"


@dataclass(frozen=True, slots=True)
class Reason:
    """One reason a drama is in the results.

    `subject` is what matched: the mood, the actor, the title, the era or years. The other
    fields are there when the kind of reason has them: `typed` is what the user wrote when
    it differs from the subject ("loss" for grief); `rank` and `count` place a mood in the
    drama's list; `role` is the part an actor plays and `actor` who plays a role; `via` is
    the other name that matched (an alias, a Hangul name), or how an era matched
    ("aired": by the air year of a present-day story; "overlaps": by story years that
    run past the years asked for; "spans": by the years of the era); `items` lists several things
    (shared moods, synopsis words, co-stars); `years` are the story's years that matched;
    `gap` is how many years apart two stories are; `filter` marks a condition the drama
    meets rather than a source of points.
    """

    kind: Kind
    subject: str
    points: int = 0
    typed: str | None = None
    rank: int | None = None
    count: int | None = None
    role: str | None = None
    actor: str | None = None
    via: str | None = None
    items: tuple[str, ...] = ()
    years: tuple[int, int] | None = None
    gap: int | None = None
    filter: bool = False

    def scored(self, points: int) -> Reason:
        return replace(self, points=points)

    def with_filter(self) -> Reason:
        return replace(self, filter=True, points=0)


class Hit(NamedTuple):
    """A scored match before it becomes a reason: `ref` points into the index (a title
    or cast entry) when the reason needs the drama to be worded, else `reason` holds it."""

    score: float
    kind: Kind
    ref: int = -1
    reason: Reason | None = None


@dataclass(frozen=True, slots=True)
class Result:
    position: int  # in the catalogue
    drama: Drama
    score: int  # 0..100, the sum of the reasons' points
    reasons: tuple[Reason, ...]


def prominence(rank: int, count: int) -> float:
    """Weight of a mood by its place in a drama's list: 1.0 for the first, 0.5 for the last."""
    return 1.0 - 0.5 * rank / max(count - 1, 1)


def apportion(parts: Sequence[float]) -> list[int]:
    """Round parts to integers that add up to the rounded total (largest remainder)."""
    floors = [math.floor(p) for p in parts]
    missing = round(sum(parts)) - sum(floors)
    order = sorted(range(len(parts)), key=lambda i: floors[i] - parts[i])
    for i in order[: max(missing, 0)]:
        floors[i] += 1
    return floors


def check_limit(limit: int) -> None:
    if limit < 1:
        raise OutOfRange("limit", limit, 1)
