"""The --json shapes. Scripts depend on these; the README documents them."""

from __future__ import annotations

import json
from collections.abc import Collection, Sequence
from typing import Any

from ..model import Drama
from ..people import Profile
from ..results import Kind, Reason, Result
from ..schema import SPOILER_FIELDS
from . import views


def drama(
    item: Drama,
    *,
    spoilers: bool = False,
    watched: bool | None = None,
    reasons: Sequence[Reason] | None = None,
) -> dict[str, Any]:
    """Every catalogue field of a drama; the spoiler fields only when asked for."""
    record = item.to_record()
    if not spoilers:
        for name in SPOILER_FIELDS:
            del record[name]
    if reasons is not None:
        record["reasons"] = [reason(r, spoilers=spoilers) for r in reasons]
    if watched is not None:
        record["watched"] = watched
    return record


def reason(item: Reason, *, spoilers: bool = False) -> dict[str, Any]:
    """A reason as data, with the words the text output uses for it; a drama's own ending
    only with `spoilers`."""
    text = views.reason(item, spoilers=spoilers)
    subject = (
        item.items[0] if item.kind is Kind.ENDING and spoilers and item.items else item.subject
    )
    return {"kind": item.kind.value, "subject": subject, "points": item.points, "text": text}


def ranked(result: Result, *, spoilers: bool = False, watched: bool = False) -> dict[str, Any]:
    record = drama(result.drama, spoilers=spoilers)
    record["score"] = result.score
    record["reasons"] = [reason(r, spoilers=spoilers) for r in result.reasons]
    record["watched"] = watched
    return record


def moods() -> list[dict[str, Any]]:
    from ..vocab import MOODS

    return [
        {"name": m.name, "description": m.description, "synonyms": list(m.synonyms)} for m in MOODS
    ]


def eras() -> list[dict[str, Any]]:
    from ..vocab import ERAS

    return [
        {"name": e.name, "hangul": e.hangul, "start": e.start, "end": e.end,
         "aliases": list(e.aliases)}
        for e in ERAS
    ]  # fmt: skip


def dumps(value: Any) -> str:
    """UTF-8 JSON, not ASCII-escaped, the same on a terminal and in a pipe."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def profile(found: Profile, watched: Collection[int] = ()) -> dict[str, Any]:
    """An actor and their dramas, newest first."""
    return {
        "actor": found.name,
        "actor_hangul": found.hangul,
        "aka": list(found.aka),
        "dramas": [
            {
                "title": a.drama.title,
                "year": a.drama.year,
                "network": a.drama.network,
                "episodes": a.drama.episodes,
                "role": a.role,
                "tears": a.drama.tears,
                "watched": a.position in watched,
            }
            for a in found.appearances
        ],
    }
