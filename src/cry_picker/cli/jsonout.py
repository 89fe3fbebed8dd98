"""The --json shapes. Scripts depend on these; the README documents them."""

from __future__ import annotations

import json
from typing import Any

from ..model import Drama
from ..results import Reason, Result
from ..schema import SPOILER_FIELDS
from . import views


def drama(item: Drama, *, spoilers: bool = False, watched: bool | None = None) -> dict[str, Any]:
    """Every catalogue field of a drama; the spoiler fields only when asked for."""
    record = item.to_record()
    if not spoilers:
        for name in SPOILER_FIELDS:
            del record[name]
    if watched is not None:
        record["watched"] = watched
    return record


def reason(item: Reason) -> dict[str, Any]:
    """A reason as data, with the words the text output uses for it."""
    return {
        "kind": item.kind.value,
        "subject": item.subject,
        "points": item.points,
        "text": views.reason(item),
    }


def ranked(result: Result, *, spoilers: bool = False, watched: bool = False) -> dict[str, Any]:
    record = drama(result.drama, spoilers=spoilers)
    record["score"] = result.score
    record["reasons"] = [reason(r) for r in result.reasons]
    record["watched"] = watched
    return record


def dumps(value: Any) -> str:
    """UTF-8 JSON, not ASCII-escaped, the same on a terminal and in a pipe."""
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"
