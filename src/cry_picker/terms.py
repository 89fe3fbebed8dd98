"""Map free text onto the mood and era vocabularies ("loss" -> grief, "May 18" -> 1980 Gwangju)."""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from functools import cache
from typing import NamedTuple

from .errors import EmptyText, UnknownTerm
from .text import fold
from .vocab import ERAS, MOODS, Era, era_by_name

MAX_TERM = 100  # longer text is cut before matching; no mood or era name comes close
TERM_CUTOFF = 80  # fuzzy score needed to accept a typed mood or era ("greif" -> grief)
CANONICAL_CUTOFF = 90  # stricter, for mapping a catalogue's own words onto the vocabulary
SUGGEST_FLOOR = 45


def _terms(
    pairs: Iterable[tuple[str, Iterable[str]]], key: Callable[[str], str] = fold
) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, aliases in pairs:
        for term in (name, *aliases):
            table.setdefault(key(term), name)
    return table


# "Joseon era", "Goryeo period", "the Joseon dynasty": words that name any era's kind.
_ERA_WORDS = frozenset("the era period dynasty kingdom kingdoms times age years days".split())


def era_key(text: str) -> str:
    """Folded era words without the words that only say "an era" ("Joseon dynasty" ->
    "joseon"), unless nothing else is left."""
    tokens = fold(text).split()
    kept = [t for t in tokens if t not in _ERA_WORDS]
    return " ".join(kept or tokens)


@cache
def _mood_terms() -> dict[str, str]:
    return _terms((m.name, m.synonyms) for m in MOODS)


@cache
def _era_terms() -> dict[str, str]:
    return _terms(((e.name, e.aliases) for e in ERAS), era_key)


class MoodMatch(NamedTuple):
    mood: str  # a vocabulary name, or a custom mood word used by the catalogue
    typed: str  # what the user wrote, for reasons ("loss" -> grief)
    exact: bool


class EraQuery(NamedTuple):
    label: str  # how to show it: "Goryeo", "the 1920s", "1980"
    eras: frozenset[str]  # era names that match by label
    span: tuple[int, int] | None  # years that match by period, for a year or decade


def canonical_mood(raw: str) -> str:
    """The vocabulary name for a catalogue's mood word, or the word itself, folded."""
    return _canonical(raw, _mood_terms())


def canonical_era(raw: str) -> str:
    """The vocabulary name for a catalogue's era label, or the label itself, folded.

    Long labels such as "Joseon Dynasty, reign of Jeongjo" map to the era named inside.
    """
    terms = _era_terms()
    found = _canonical(era_key(raw), terms)
    if found in terms.values():
        return found
    padded = f" {found} "
    for term in sorted(terms, key=len, reverse=True):
        if f" {term} " in padded:
            return terms[term]
    return found


def _canonical(raw: str, table: dict[str, str]) -> str:
    key = fold(raw)
    if key in table:
        return table[key]
    from rapidfuzz import fuzz, process  # only when there is something to correct

    hit = process.extractOne(key, table.keys(), scorer=fuzz.ratio, score_cutoff=CANONICAL_CUTOFF)
    return table[hit[0]] if hit else key


def _lookup(key: str, terms: dict[str, str], custom: Collection[str]) -> tuple[str, bool] | None:
    """(name, exact) for a folded key among vocabulary terms and a catalogue's own words."""
    if key in terms:
        return terms[key], True
    if key in custom:
        return key, True
    from rapidfuzz import fuzz, process  # only when there is something to correct

    choices = [*terms, *custom]
    hit = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=TERM_CUTOFF)
    if hit is None:
        return None
    return terms.get(hit[0], hit[0]), False


def _table(terms: dict[str, str], custom: Collection[str]) -> dict[str, str]:
    return {**{word: word for word in custom}, **terms}


def resolve_mood(text: str, custom: Collection[str] = ()) -> MoodMatch:
    """What mood a person means by `text`; `custom` adds a user catalogue's own mood words.

    Raises UnknownTerm with the closest moods when nothing is close enough.
    """
    key = fold(text)[:MAX_TERM]
    if not key:
        raise EmptyText("mood")
    found = _lookup(key, _mood_terms(), custom)
    if found is not None:
        return MoodMatch(found[0], text, exact=found[1])
    raise UnknownTerm("mood", text, _closest(key, _table(_mood_terms(), custom)))


_YEAR = re.compile(r"^(\d{3,4})$")
_DECADE = re.compile(r"^(\d{2,3})0s$")
_CENTURY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th) century$")


def resolve_era(text: str, custom: Collection[str] = ()) -> EraQuery:
    """An era name or alias ("May 18"), a year ("1980"), a decade ("1920s") or a century.

    Raises UnknownTerm with the closest eras when nothing is close enough.
    """
    key = era_key(text[: MAX_TERM * 2])[:MAX_TERM]
    if not key:
        raise EmptyText("era")
    if key in _era_terms() or key in custom:
        name = _era_terms().get(key, key)
        return EraQuery(name, frozenset({name}), None)
    compact_key = key.replace(" ", "")
    if match := _YEAR.match(compact_key):
        year = int(match.group(1))
        return EraQuery(str(year), frozenset(), (year, year))
    if match := _DECADE.match(compact_key):
        start = int(match.group(1)) * 10
        return EraQuery(f"the {start}s", frozenset(), (start, start + 9))
    if match := _CENTURY.match(key):
        number = int(match.group(1))
        start = (number - 1) * 100
        return EraQuery(f"the {key}", frozenset(), (start, start + 99))
    found = _lookup(key, _era_terms(), custom)
    if found is not None:
        return EraQuery(found[0], frozenset({found[0]}), None)
    raise UnknownTerm("era", text, _closest(key, _table(_era_terms(), custom)))


def _closest(key: str, table: dict[str, str], limit: int = 3) -> list[str]:
    from rapidfuzz import fuzz, process

    names: list[str] = []
    for term, _score, _ in process.extract(
        key, table.keys(), scorer=fuzz.WRatio, limit=20, score_cutoff=SUGGEST_FLOOR
    ):
        name = table[term]
        if name not in names:
            names.append(name)
    return names[:limit]


def era_span(name: str) -> tuple[int, int] | None:
    era: Era | None = era_by_name(name)
    return (era.start, era.end) if era else None
