"""Which drama a title names, and never a confident answer when the query does not mean
one drama.

A title resolves when the query is one of a drama's names exactly (its title, another
title or its Hangul title, ignoring case, punctuation and a leading article), or a typo
of one: close as a whole string. Part of a title ("Scarlet", or "W" inside "Weightlifting
Fairy") is only ever a suggestion, and so is a title held in the query as whole words
("Time" in "Time Traveler"). Two dramas of one name, a later one told apart by its year
("Trap" and "Trap (2020)"), are "could be more than one" until a year ("Trap 2020",
"Trap (2019)") picks one; Hangul is also tried romanised, for catalogues without Hangul.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from .catalogue import Catalogue
from .errors import AmbiguousTitle, EmptyText, TitleNotFound
from .index import Index, unpack_title
from .model import Drama
from .results import Hit, Kind, Reason, Result
from .text import clean_query, compact, fold, has_hangul, romanise, title_key, without_article

TYPO_FLOOR = 75  # a typo must be this close to a title, as a whole, to be an answer...
# ... and pass `is_typo`, word by word ("Secert" is Secret; "Secretary Kim" is not)
TITLE_FLOOR = 45  # below this a fuzzy title hit is noise
SUGGEST_FLOOR = 40  # ... and below this not even worth offering as "did you mean"
AMBIGUOUS = 3  # two different dramas this close at the top: ask, do not guess
MIN_PART = 4  # letters a title must have to count as part of another
KINDS = (Kind.TITLE, Kind.ALT_TITLE, Kind.HANGUL_TITLE)  # by the index's title field
_YEAR = re.compile(r"\s*[(\[]?\b((?:19|20)\d\d)[)\]]?\s*$")
_DATED = re.compile(r"\s*[(\[]((?:19|20)\d\d)[)\]]\s*$")  # "Trap (2020)": a title and its year
HELD = 70  # a name held in the query, or holding it, as whole words: 70-85 by coverage...
HELD_FIRST = 10  # ... more when it starts the longer one ("Goblin" in "Goblin: The ...")
HEAD = 95  # ... and this when it is all of a name before its colon ("Goblin: The ...")
_NUMBER = re.compile(r"\d+")


def _probes(query: str) -> list[str]:
    """The query, and the query romanised if it has Hangul."""
    return [query, romanise(query)] if has_hangul(query) else [query]


def title_scores(
    index: Index, query: str, floor: float = TITLE_FLOOR, *, parts: bool = True
) -> dict[int, Hit]:
    """Best title hit per drama: whole-title similarity (typos), and with `parts` also
    part-of-title similarity scaled by how much of the longer one the shorter covers
    ("the" is not "The Red Sleeve", "W" is not "Weightlifting Fairy")."""
    from rapidfuzz import fuzz, process  # imported on first fuzzy match

    best: dict[int, Hit] = {}

    def keep(ref: int, score: float) -> None:
        owner, field = unpack_title(index.title_refs[ref])
        if owner not in best or score > best[owner].score:
            best[owner] = Hit(score, KINDS[field], ref)

    for probe in _probes(query):
        key = title_key(probe)
        if not key:
            continue
        for _, score, ref in process.extract(
            key, index.title_keys, scorer=fuzz.ratio, limit=None, score_cutoff=floor
        ):
            keep(ref, score)
        size = len(key.replace(" ", ""))
        if not parts or size < MIN_PART:
            continue
        for choice, score, ref in process.extract(
            key, index.title_keys, scorer=fuzz.partial_ratio, limit=None, score_cutoff=85
        ):
            other = len(choice.replace(" ", ""))
            if min(size, other) < MIN_PART:
                continue
            coverage = min(size, other) / max(size, other, 1)
            scaled = score * coverage
            if scaled >= floor:
                keep(ref, scaled)
    return best


def exact_title(index: Index, query: str) -> tuple[list[int], Hit] | None:
    """The drama or dramas `query` names exactly, and which of their titles it named."""
    for probe in _probes(query):
        owners = index.exact_owners(probe)
        ref = index.title_ref(probe)
        if owners and ref is not None:
            field = unpack_title(index.title_refs[ref])[1]
            return owners, Hit(100.0, KINDS[field], ref)
    return None


def resolve(catalogue: Catalogue, title: str) -> Result:
    """The drama `title` names: exactly by any of its names, else by a typo of one.

    Raises EmptyText for a title with nothing in it, AmbiguousTitle when several dramas
    fit equally well, and TitleNotFound (with up to three suggestions) when none does.
    """
    index = catalogue.index
    query = clean_query(title)
    if not query:
        raise EmptyText("title")  # nothing but spaces (and control characters) was typed
    exact = exact_title(index, query)
    if exact is not None:
        owners, hit = exact
        _only_one(catalogue, query, owners, compact(query))
        return _result(catalogue, owners[0], 100, hit)
    twins = year_twins(index, compact(query))
    if len(twins) > 1:  # "Trap" when only "Trap (2019)" and "Trap (2020)" are here
        _only_one(catalogue, query, twins, "")
    year_match = _YEAR.search(query)
    if year_match and fold(query[: year_match.start()]):
        named = _with_year(catalogue, query[: year_match.start()], int(year_match.group(1)))
        if named is not None:
            return named
    if not fold(query) and not has_hangul(query):
        raise TitleNotFound(query)
    scores = title_scores(index, query, TYPO_FLOOR, parts=False)
    typed = fold(query)
    words = title_words(index)
    scores = {
        p: hit
        for p, hit in scores.items()
        if any(is_typo(typed, fold(name), words) for name in _names(catalogue[p], hit))
    }
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1].score, index.sort_key(kv[0])))
    if ranked:
        top = ranked[0][1].score
        rivals = [p for p, hit in ranked if hit.score >= top - AMBIGUOUS]
        if len(rivals) > 1:
            rivals = rivals[:5]
            years = [index.years[p] for p in rivals]
            raise AmbiguousTitle(query, [index.titles[p] for p in rivals], years)
        position, hit = ranked[0]
        # "Trpa" is Trap, or Trap (2020): a slip of the name, not of the drama.
        matched = index.titles[position] if hit.kind is Kind.TITLE else index.title_keys[hit.ref]
        _only_one(catalogue, query, [position], compact(matched))
        return _result(catalogue, position, round(hit.score), hit)
    raise TitleNotFound(query, closest_titles(catalogue, query))


def _only_one(catalogue: Catalogue, query: str, owners: list[int], name: str) -> None:
    """Raise AmbiguousTitle unless `owners`, and the dramas titled with `name` (a `compact`
    key) and their year ("Trap (2020)" for "trap"), are one drama."""
    index = catalogue.index
    twins = year_twins(index, name) if name else []
    found = list(dict.fromkeys([*owners, *twins]))
    if len(found) < 2:
        return
    if twins:
        found.sort(key=lambda p: (index.years[p], index.sort_key(p)))
    found = found[:5]
    years = [index.years[p] for p in found]
    shared = None
    if len(set(years)) == len(years):  # a year after the shared name picks one
        shared = _DATED.sub("", index.titles[twins[0]]) if twins else query
    raise AmbiguousTitle(query, [index.titles[p] for p in found], years, shared)


def year_twins(index: Index, name: str) -> list[int]:
    """The dramas titled `name` (a `compact` key) and the year they first aired, as
    catalogues name the later of two dramas called Trap: "Trap (2020)". As for titles, a
    leading article may be left out, unless some drama is titled exactly `name`: "Miracle"
    is not "The Miracle (2016)" when a drama is called Miracle."""
    whole, bare = dated_titles(index)
    found = whole.get(name)
    if found:
        return found
    ref = index.title_ref(name)
    if ref is not None:
        owner, field = unpack_title(index.title_refs[ref])
        if field == 0 and compact(index.titles[owner]) == name:
            return []
    return bare.get(name, [])


def dated_titles(index: Index) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
    """The dramas titled with a name and the year they first aired ("Trap (2020)"), by
    the name's `compact` key, and by that key without a leading article ("miracle" for
    "The Miracle (2016)"). Built once per index."""
    found: tuple[dict[str, list[int]], dict[str, list[int]]] | None
    found = index.__dict__.get("_dated_titles")
    if found is None:
        whole: dict[str, list[int]] = {}
        bare: dict[str, list[int]] = {}
        for position, title in enumerate(index.titles):
            if not title.endswith((")", "]")):  # most titles: one cheap test each
                continue
            dated = _DATED.search(title)
            if dated is None or int(dated.group(1)) != index.years[position]:
                continue
            folded = fold(title[: dated.start()])
            key = folded.replace(" ", "")
            if key:
                whole.setdefault(key, []).append(position)
                loose = without_article(folded).replace(" ", "")
                if loose != key:
                    bare.setdefault(loose, []).append(position)
        found = index.__dict__["_dated_titles"] = (whole, bare)
    return found


def _names(drama: Drama, hit: Hit) -> list[str]:
    """The drama's names of the kind `hit` matched, as written (articles and all), that a
    typo may stand for. A one-word other title ("Amanja") only counts typed exactly: it is
    too weak a name to tell a slip from another drama's title."""
    if hit.kind is Kind.TITLE:
        return [drama.title]
    if hit.kind is Kind.ALT_TITLE:
        return [t for t in drama.alt_titles if len(fold(t).split()) > 1]
    return [drama.hangul, romanise(drama.hangul)] if drama.hangul else []


def title_words(index: Index) -> frozenset[str]:
    """Every word of every title in the catalogue (built once per index)."""
    found = index.__dict__.get("_title_words")
    if found is None:
        found = frozenset(w for key in index.title_keys for w in key.split())
        index.__dict__["_title_words"] = found
    return found


def is_typo(typed: str, title: str, words: frozenset[str]) -> bool:
    """Whether `typed` is `title` with a slip of the fingers, not another title.

    Word by word, articles included: the same number of words and the same numbers
    ("Season 2" is another drama), and each word that differs is one letter off (swapped
    letters count as one) and is not itself a word of some title ("Bride" is not a typo
    of "Bridge")."""
    from rapidfuzz.distance import DamerauLevenshtein

    mine, theirs = typed.split(), title.split()
    if len(mine) != len(theirs) or _NUMBER.findall(typed) != _NUMBER.findall(title):
        return False
    differing = [(a, b) for a, b in zip(mine, theirs, strict=True) if a != b]
    if not differing or len(differing) > 2:
        return not differing
    for a, b in differing:
        if a in words:
            return False
        distance = DamerauLevenshtein.distance(a, b)
        swapped = distance == 1 and len(a) == len(b) and sorted(a) == sorted(b)
        if distance > 1 or (min(len(a), len(b)) < 4 and not swapped):
            return False
    return True


def _with_year(catalogue: Catalogue, name: str, year: int) -> Result | None:
    """ "Mother (2018)": of the dramas called exactly `name`, the one first aired in `year`.

    Raises AmbiguousTitle when several of them aired that year."""
    index = catalogue.index
    key = title_key(name)
    refs = [r for r, k in enumerate(index.title_keys) if k == key]
    owners = list(dict.fromkeys(unpack_title(index.title_refs[r])[0] for r in refs))
    # "Mother (2023)" may itself be a title, for the later of two dramas called Mother.
    whole, bare = dated_titles(index)
    owners += whole.get(key.replace(" ", ""), []) + bare.get(key.replace(" ", ""), [])
    dated = index.title_ref(f"{name} {year}")
    if dated is not None:
        owners.append(unpack_title(index.title_refs[dated])[0])
    aired = [p for p in dict.fromkeys(owners) if index.years[p] == year]
    if len(aired) > 1:
        raise AmbiguousTitle(f"{name} {year}", [index.titles[p] for p in aired[:5]],
                             [year] * len(aired[:5]))  # fmt: skip
    if not aired:
        return None
    ref = next((r for r in refs if unpack_title(index.title_refs[r])[0] == aired[0]), -1)
    kind = KINDS[unpack_title(index.title_refs[ref])[1]] if ref >= 0 else Kind.TITLE
    return _result(catalogue, aired[0], 100, Hit(100.0, kind, ref))


def closest_titles(catalogue: Catalogue, query: str, limit: int = 3) -> list[str]:
    """Titles worth offering as "did you mean", best first: titles close to the query,
    and titles held in it or holding it as whole words ("Time" for "Time Traveler")."""
    index = catalogue.index
    scores = {p: hit.score for p, hit in title_scores(index, query, floor=SUGGEST_FLOOR).items()}
    for position, score in held_titles(catalogue, query).items():
        scores[position] = max(score, scores.get(position, 0.0))
    ranked = sorted(scores, key=lambda p: (-scores[p], index.sort_key(p)))
    return [index.titles[p] for p in ranked[:limit]]


def held_titles(catalogue: Catalogue, query: str) -> dict[int, float]:
    """Dramas one of whose names is held in the query as whole words ("Time" in "Time
    Traveler"), or holds it ("Goblin" in "Goblin: The Lonely and Great God"), with a score
    under 100: only ever a suggestion. The shorter one needs MIN_PART letters."""
    index = catalogue.index
    lines, starts, lookup = _key_lines(index)
    found: dict[int, float] = {}

    def keep(ref: int, score: float) -> None:
        owner = unpack_title(index.title_refs[ref])[0]
        found[owner] = max(score, found.get(owner, 0.0))

    for probe in _probes(query):
        key = title_key(probe)
        size = len(key.replace(" ", ""))
        if size < MIN_PART:
            continue
        words = key.split()
        # Names held in the query: every run of its words, shorter than the whole.
        for first in range(len(words)):
            for last in range(first + 1, len(words) + 1):
                run = " ".join(words[first:last])
                held = len(run.replace(" ", ""))
                if last - first == len(words) or held < MIN_PART:
                    continue
                for ref in lookup.get(run, ()):
                    keep(ref, _held_score(held, size, at_start=first == 0))
        # Names holding the query: every whole-word occurrence of it in a name.
        at = lines.find(key)
        while at >= 0:
            end = at + len(key)
            if lines[at - 1] in " \n" and lines[end] in " \n":
                ref = bisect_right(starts, at) - 1
                name = index.title_keys[ref]
                if name != key:
                    first = at == starts[ref]
                    score = _held_score(size, len(name.replace(" ", "")), at_start=first)
                    if first and _is_head(catalogue, ref, key):
                        score = HEAD
                    keep(ref, score)
            at = lines.find(key, end)
    return found


def _held_score(shorter: int, longer: int, *, at_start: bool) -> float:
    return HELD + 15 * shorter / max(longer, 1) + (HELD_FIRST if at_start else 0)


def _is_head(catalogue: Catalogue, ref: int, key: str) -> bool:
    """Whether the name at `ref` is `key`, a colon and a subtitle ("Goblin: The Lonely and
    Great God"). A dash is no sign: the short name may come after it as well as before."""
    owner, field = unpack_title(catalogue.index.title_refs[ref])
    drama = catalogue[owner]
    names = [drama.title] if field == 0 else list(drama.alt_titles) if field == 1 else []
    return any(
        ":" in name and without_article(fold(name.split(":", 1)[0])) == key for name in names
    )


def _key_lines(index: Index) -> tuple[str, list[int], dict[str, list[int]]]:
    """Every title key, one a line (and where each line starts), and which keys are equal:
    for finding a query among the titles word by word. Built once per index."""
    found: tuple[str, list[int], dict[str, list[int]]] | None = index.__dict__.get("_key_lines")
    if found is None:
        keys = index.title_keys
        starts, at = [], 1
        lookup: dict[str, list[int]] = {}
        for ref, key in enumerate(keys):
            starts.append(at)
            at += len(key) + 1
            lookup.setdefault(key, []).append(ref)
        found = ("\n" + "\n".join(keys) + "\n", starts, lookup)
        index.__dict__["_key_lines"] = found
    return found


def title_reason(index: Index, drama: Drama, hit: Hit) -> Reason:
    """Which of the drama's names matched: its title, another title, or its Hangul title."""
    if hit.kind is Kind.HANGUL_TITLE and drama.hangul:
        return Reason(Kind.HANGUL_TITLE, drama.hangul)
    if hit.kind is Kind.ALT_TITLE and hit.ref >= 0:
        key = index.title_keys[hit.ref]
        alt = next((a for a in drama.alt_titles if title_key(a) == key), None)
        if alt is not None:
            return Reason(Kind.ALT_TITLE, alt)
    return Reason(Kind.TITLE, drama.title)


def _result(catalogue: Catalogue, position: int, score: int, hit: Hit) -> Result:
    drama = catalogue[position]
    reason = title_reason(catalogue.index, drama, hit)
    return Result(position, drama, score, (reason.scored(score),))


def same_title(a: str, b: str) -> bool:
    """Whether two names are one title (case, spaces and punctuation ignored)."""
    return compact(a) == compact(b)
