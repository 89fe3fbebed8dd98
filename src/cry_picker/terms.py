"""Map free text onto the mood and era vocabularies, in fans' words.

Moods: a vocabulary name or synonym ("loss" is grief), a typo of one ("greif"), a Hangul
word (슬픔), or a catalogue's own mood word. Some words mean "make me cry" rather than a
mood ("sad", "tearjerker", 😭): those are `CRY`, and rank by tears.

Eras: a name or alias ("May 18"), in any of the ways people say it ("Joseon era", "the
Goryeo dynasty", 조선, 조선시대), or years: "1592", "1990s", "the 90s", "1700s",
"18th century".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable
from functools import cache, lru_cache
from typing import NamedTuple

from .errors import EmptyText, UnknownTerm
from .text import clean_query, fold, has_hangul, romanise
from .vocab import CRY_WORDS, ERAS, MOODS, Era, era_by_name

MAX_TERM = 100  # longer text is cut before matching; no mood or era name comes close
TERM_CUTOFF = 80  # fuzzy score needed to accept a typed mood or era ("greif" -> grief)
CANONICAL_CUTOFF = 90  # stricter, for mapping a catalogue's own words onto the vocabulary
SUGGEST_FLOOR = 45
CRY = ""  # MoodMatch.mood for a word that means "make me cry"


def term_key(text: str) -> str:
    """Folded, without spaces: "may 18" is "May18", "star-crossed" is "star crossed"."""
    return fold(text).replace(" ", "")


def _terms(pairs: Iterable[tuple[str, Iterable[str]]], key: Callable[[str], str]) -> dict[str, str]:
    table: dict[str, str] = {}
    for name, aliases in pairs:
        for term in (name, *aliases):
            table.setdefault(key(term), name)
    return table


# "Joseon era", "Goryeo period", "the Joseon dynasty", 조선시대: words that name any era's kind.
_ERA_WORDS = frozenset("the era period dynasty kingdom kingdoms times age years days".split())
_HANGUL_ERA_WORDS = re.compile("(시대|왕조|시기|시절|때)(?=\\s|$)")


def era_key(text: str) -> str:
    """An era as typed, reduced to what names it: Hangul romanised, and the words that only
    say "an era" dropped ("Joseon dynasty" -> "joseon"), unless nothing else is left."""
    if has_hangul(text):
        text = romanise(_HANGUL_ERA_WORDS.sub(" ", text))
    tokens = fold(text).split()
    kept = [t for t in tokens if t not in _ERA_WORDS]
    return "".join(kept or tokens)


@cache
def _mood_terms() -> dict[str, str]:
    return _terms(((m.name, m.synonyms) for m in MOODS), term_key)


@cache
def _era_terms() -> dict[str, str]:
    return _terms(((e.name, (*e.aliases, e.hangul)) for e in ERAS), era_key)


@cache
def _cry_terms() -> frozenset[str]:
    return frozenset(term_key(w) for w in CRY_WORDS if term_key(w))


_CRY_SIGNS = frozenset(w for w in CRY_WORDS if not fold(w))  # 😭 💧: no letters at all


class MoodMatch(NamedTuple):
    mood: str  # a vocabulary name, a custom mood word of the catalogue, or CRY
    typed: str  # what the user wrote, for reasons ("loss" -> grief)
    exact: bool

    @property
    def cry(self) -> bool:
        return self.mood == CRY


class EraQuery(NamedTuple):
    label: str  # how to show it: "Goryeo", "the 1920s", "1980"
    eras: frozenset[str]  # era names that match by label
    span: tuple[int, int] | None  # years that match by period, for a year or decade
    typed: str | None = None  # what the user wrote, when it was an alias or a slip


@lru_cache(maxsize=1 << 12)  # a big catalogue uses the same few words on every drama
def canonical_mood(raw: str) -> str:
    """The vocabulary name for a catalogue's mood word, or the word itself, folded."""
    return _canonical(term_key(raw), _mood_terms()) or fold(raw)


@lru_cache(maxsize=1 << 12)
def canonical_era(raw: str) -> str:
    """The vocabulary name for a catalogue's era label, or the label itself, folded.

    Long labels such as "Joseon Dynasty, reign of Jeongjo" map to the era named inside.
    """
    terms = _era_terms()
    found = _canonical(era_key(raw), terms)
    if found:
        return found
    words = fold(raw).split()
    for size in range(len(words), 0, -1):
        for start in range(len(words) - size + 1):
            name = terms.get("".join(words[start : start + size]))
            if name is not None:
                return name
    return fold(raw)


def _canonical(key: str, table: dict[str, str]) -> str:
    if key in table:
        return table[key]
    if not key:
        return ""
    from rapidfuzz import fuzz, process  # only when there is something to correct

    hit = process.extract(key, table.keys(), scorer=fuzz.ratio, score_cutoff=CANONICAL_CUTOFF)
    return table[hit[0][0]] if hit else ""


def _lookup(key: str, terms: dict[str, str], custom: Collection[str]) -> tuple[str, bool] | None:
    """(name, exact) for a key among vocabulary terms and a catalogue's own words: the
    term itself, or a slip of one term (see `slip_budget`) that no other term is as close to."""
    own = {term_key(word): word for word in custom}
    if key in terms:
        return terms[key], True
    if key in own:
        return own[key], True
    from rapidfuzz import process  # only when there is something to correct
    from rapidfuzz.distance import OSA

    choices = [*terms, *own]
    names: set[str] = set()
    best = 3
    for term, distance, _ in process.extract(
        key, choices, scorer=OSA.distance, score_cutoff=2, limit=None
    ):
        if distance > best or not is_slip(key, term, int(distance)):
            continue
        name = terms.get(term) or own[term]
        if distance < best:
            best, names = int(distance), set()
        names.add(name)
    if len(names) != 1:  # nothing close, or two words as close: say so, do not guess
        return None
    return names.pop(), False


def slip_budget(length: int) -> int:
    """How many slips (a letter left out, added, swapped with its neighbour or changed) a
    word of `length` letters may carry and still be that word: none under 5 letters
    ("soon" is not "son"), one up to 9, two from 10 ("bereavment", "reincarnaton")."""
    return 0 if length < 5 else 1 if length < 10 else 2


def is_slip(typed: str, term: str, distance: int) -> bool:
    """Whether `typed`, `distance` edits from `term`, is a slip of it. Measured on the
    shorter of the two, so a word made longer is not its stem ("Gojoseon" is not Joseon);
    under 7 letters the one slip may not be a changed letter ("Silly" is not Silla)."""
    shorter = min(len(typed), len(term))
    if distance == 0 or distance > slip_budget(shorter):
        return distance == 0
    changed = len(typed) == len(term) and sorted(typed) != sorted(term)
    return not (changed and distance == 1 and shorter < 7)


def is_cry(text: str) -> bool:
    """Whether `text` asks to cry rather than for a mood: "sad", "tearjerker", 슬픔, 😭."""
    stripped = text.strip()
    if stripped and not fold(stripped):
        return any(sign in stripped for sign in _CRY_SIGNS)
    return term_key(stripped[:MAX_TERM]) in _cry_terms()


def resolve_mood(text: str, custom: Collection[str] = ()) -> MoodMatch:
    """What mood a person means by `text`; `custom` adds a user catalogue's own mood words.

    Raises EmptyText, and UnknownTerm with the closest moods when nothing is close enough.
    """
    if is_cry(text):
        return MoodMatch(CRY, text.strip(), exact=True)
    key = term_key(text[: MAX_TERM * 2])[:MAX_TERM]
    if not key:  # nothing typed, or nothing a word is made of ("!!!")
        if clean_query(text):
            raise UnknownTerm("mood", clean_query(text), [])
        raise EmptyText("mood")
    found = _lookup(key, _mood_terms(), custom)
    if found is not None:
        return MoodMatch(found[0], text.strip(), exact=found[1])
    raise UnknownTerm("mood", text, closest_moods(text, custom))


def closest_moods(text: str, custom: Collection[str] = ()) -> list[str]:
    return _closest(term_key(text), {**{term_key(w): w for w in custom}, **_mood_terms()})


_YEAR = re.compile(r"^(\d{3,4})$")
_HUNDREDS = re.compile(r"^(\d{2})00s$")  # 1700s (a century), 1900s and 2000s (decades)
_DECADE = re.compile(r"^(\d{1,3})0s$")  # 1990s, 90s
_CENTURY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?(?:century|centuries|c)$")


def resolve_era(text: str, custom: Collection[str] = ()) -> EraQuery:
    """An era name or alias, a year ("1592"), a decade ("1920s", "the 90s") or a century
    ("1700s", "18th century").

    Raises EmptyText, and UnknownTerm with the closest eras when nothing is close enough.
    """
    key = era_key(text[: MAX_TERM * 2])[:MAX_TERM]
    if not key:
        if clean_query(text):
            raise UnknownTerm("era", clean_query(text), [])
        raise EmptyText("era")
    own = {era_key(word): word for word in custom}
    if key in _era_terms() or key in own:
        name = _era_terms().get(key) or own[key]
        return EraQuery(name, frozenset({name}), None, _as_typed(text, name))
    years = _years(key)
    if years is not None:
        return years
    found = _lookup(key, _era_terms(), custom)
    if found is not None:
        return EraQuery(found[0], frozenset({found[0]}), None, _as_typed(text, found[0]))
    raise UnknownTerm("era", text, closest_eras(text, custom))


def _as_typed(text: str, name: str) -> str | None:
    """What the user wrote for the era `name`, unless it was the name itself ("Joseon
    era", "the Goryeo dynasty" and 조선 are the name; "Josen" and "May 18" are not)."""
    if era_key(text) == era_key(name):
        return None
    return text.strip()


def _years(key: str) -> EraQuery | None:
    """A year, decade or century typed as digits, as the span of years it covers."""
    if match := _YEAR.match(key):
        year = int(match.group(1))
        return EraQuery(str(year), frozenset(), (year, year))
    if (match := _HUNDREDS.match(key)) and int(match.group(1)) < 19:
        start = int(match.group(1)) * 100
        return EraQuery(f"the {start}s", frozenset(), (start, start + 99))
    if match := _DECADE.match(key):
        digits = match.group(1)
        if len(digits) == 1:  # "the 90s" is the 1990s; "the 00s" and "the 10s" this century
            start = (2000 if digits in "01" else 1900) + int(digits) * 10
        else:
            start = int(digits) * 10
        return EraQuery(f"the {start}s", frozenset(), (start, start + 9))
    if match := _CENTURY.match(key):
        number = int(match.group(1))
        if number == 0:
            return None
        start = (number - 1) * 100
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10 if number not in (11, 12, 13) else 0)
        return EraQuery(f"the {number}{suffix or 'th'} century", frozenset(), (start, start + 99))
    return None


def closest_eras(text: str, custom: Collection[str] = ()) -> list[str]:
    return _closest(era_key(text), {**{era_key(w): w for w in custom}, **_era_terms()})


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


NEAR_CUTOFF = 70  # a whole query this close to a mood or era word is worth offering


def near_terms(
    text: str, moods: Collection[str] = (), eras: Collection[str] = (), limit: int = 3
) -> list[str]:
    """Mood and era names that `text` as a whole is a near miss of ("Goro" for Goryeo,
    "Josun" for Joseon), starting with the same letter, closest first: what a search that
    found nothing offers before titles. `moods` and `eras` add a catalogue's own words."""
    from rapidfuzz import fuzz, process

    scored: dict[str, float] = {}
    for key, table in (
        (term_key(text), {**{term_key(w): w for w in moods}, **_mood_terms()}),
        (era_key(text), {**{era_key(w): w for w in eras}, **_era_terms()}),
    ):
        if len(key) < 3:  # "io" is near too many short words to mean any of them
            continue
        for term, score, _ in process.extract(
            key, table.keys(), scorer=fuzz.ratio, limit=None, score_cutoff=NEAR_CUTOFF
        ):
            if term[0] != key[0]:  # a slip rarely hits the first letter: "Goblin" is not blind
                continue
            name = table[term]
            scored[name] = max(score, scored.get(name, 0.0))
    return sorted(scored, key=lambda name: (-scored[name], name))[:limit]


TYPO_CUTOFF = 75  # a catalogue's word this close to a vocabulary word is likely a typo of it


def typo_of(what: str, word: str) -> str | None:
    """The vocabulary mood or era that `word` (from a catalogue) is likely a typo of."""
    from rapidfuzz import fuzz, process

    key, table = (
        (term_key(word), _mood_terms()) if what == "mood" else (era_key(word), _era_terms())
    )
    hit = process.extractOne(key, table.keys(), scorer=fuzz.ratio, score_cutoff=TYPO_CUTOFF)
    return table[hit[0]] if hit else None


def era_span(name: str) -> tuple[int, int] | None:
    era: Era | None = era_by_name(name)
    return (era.start, era.end) if era else None
