"""The catalogue format, declared once.

Each field of a `[[drama]]` table and of a `[[drama.cast]]` table is declared here with
whether it is required, what it must hold (a check and the words for it), and how its
value becomes the model's value. The loader validates with these declarations, the model
(`cry_picker.model`) builds and exports records with them, and a test holds the model's
dataclass fields and the README's format section to them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .vocab import ending_names

YEARS = (1900, 2100)  # first air years the loader accepts
MAX_EPISODES = 10_000


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(is_text(v) for v in value)


def is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _period(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(is_int(v) and -5000 <= v <= 5000 for v in value)
        and value[0] <= value[1]
    )


def _same(value: Any) -> Any:
    return value


def _tuple(value: Any) -> tuple[Any, ...]:
    return tuple(value or ())


def _listed(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


@dataclass(frozen=True, slots=True)
class Field:
    name: str
    required: bool
    expected: str  # what it must hold, in the words of a validation message
    check: Callable[[Any], bool]
    convert: Callable[[Any], Any] = _same  # catalogue value -> model value
    export: Callable[[Any], Any] = _listed  # model value -> JSON value
    default: Any = None  # the model's value when an optional field is absent


CAST_FIELDS: tuple[Field, ...] = (
    Field("actor", True, "a non-empty string", is_text),
    Field("actor_hangul", False, "a non-empty string", is_text),
    Field("aka", False, "a list of non-empty strings", is_text_list, _tuple, default=()),
    Field("role", True, "a non-empty string", is_text),
)


def _era(value: Any) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _pair(value: Any) -> tuple[int, int] | None:
    return (value[0], value[1]) if value else None


DRAMA_FIELDS: tuple[Field, ...] = (
    Field("title", True, "a non-empty string", is_text),
    Field("alt_titles", False, "a list of non-empty strings", is_text_list, _tuple, default=()),
    Field("hangul", False, "a non-empty string", is_text),
    Field(
        "year",
        True,
        f"a year between {YEARS[0]} and {YEARS[1]} (an integer)",
        lambda v: is_int(v) and YEARS[0] <= v <= YEARS[1],
    ),
    Field("network", True, "a non-empty string", is_text),
    Field(
        "episodes",
        False,
        f"a positive integer (at most {MAX_EPISODES:,})",
        lambda v: is_int(v) and 0 < v <= MAX_EPISODES,
    ),
    Field(
        "era",
        True,
        "a non-empty string or a non-empty list of strings",
        lambda v: is_text(v) or (is_text_list(v) and bool(v)),
        _era,
    ),
    Field("period", False, "two years [first, last] with first <= last", _period, _pair),
    Field(
        "moods",
        True,
        "a non-empty list of non-empty strings, most prominent first",
        lambda v: is_text_list(v) and bool(v),
        _tuple,
    ),
    Field("tears", True, "an integer from 1 to 5", lambda v: is_int(v) and 1 <= v <= 5),
    Field("synopsis", True, "a non-empty string", is_text),
    Field("why_cry", False, "a non-empty string", is_text),
    Field("spoilers", False, "a list of non-empty strings", is_text_list, _tuple, default=()),
    Field(
        "ending",
        False,
        "one of " + ", ".join(ending_names()),
        lambda v: v in ending_names(),
    ),
    Field("sources", False, "a list of non-empty strings", is_text_list, _tuple, default=()),
    Field(
        "cast",
        True,
        "at least one [[drama.cast]] table",
        lambda v: isinstance(v, list) and bool(v),
    ),
)

DRAMA_KEYS = tuple(f.name for f in DRAMA_FIELDS)
CAST_KEYS = tuple(f.name for f in CAST_FIELDS)
SPOILER_FIELDS = ("spoilers", "ending")  # shown only when a person asks for spoilers
