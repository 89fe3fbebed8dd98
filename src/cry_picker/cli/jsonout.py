"""The --json shapes. Scripts depend on these; the README documents them."""

from __future__ import annotations

import json
from typing import Any

from ..match import Match
from ..model import Drama


def drama(item: Drama, *, spoilers: bool = False) -> dict[str, Any]:
    """Every catalogue field of a drama; `spoilers` only when asked for."""
    record = item.to_record()
    if not spoilers:
        del record["spoilers"], record["ending"]
    return record


def ranked(match: Match, *, spoilers: bool = False, watched: bool = False) -> dict[str, Any]:
    record = drama(match.drama, spoilers=spoilers)
    record["score"] = match.score
    record["reasons"] = list(match.reasons)
    record["watched"] = watched
    return record


def dumps(value: Any) -> str:
    """UTF-8 JSON, not ASCII-escaped, the same on a terminal and in a pipe."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
