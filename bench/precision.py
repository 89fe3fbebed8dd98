"""How often the matcher is right, unsure or wrong on a real catalogue.

    python bench/precision.py                      # ../shared/real/mdl-dramas.toml
    python bench/precision.py --catalog PATH --every 3

For every drama (or every Nth): its title, each other title, its Hangul title and a typo
of its title must resolve to it, or honestly to "could be more than one" with it among
the candidates. Every actor's full name, as written, in the other order, and with an
obvious typo, must find their dramas first. Titles and actors that are not in the
catalogue (dramas held out of it, and real-looking names one syllable away from a real
actor) must resolve to nothing. "wrong" is a confident answer that names another drama
or another person: the goal is none.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from cry_picker.catalogue import Catalogue, open_catalogue
from cry_picker.errors import AmbiguousActor, AmbiguousTitle, NotFound
from cry_picker.people import actor_matches
from cry_picker.search import search
from cry_picker.text import name_key
from cry_picker.titles import resolve

REAL = Path(__file__).resolve().parents[2] / "shared" / "real" / "mdl-dramas.toml"
SYLLABLES = (
    "min ji seo yeon ha jun woo hyun su eun tae hee jae young sung ho joon kyung mi na ri bin "
    "do yun hye won seok jin gyu chan dong rok sol ah in gi hoon"
).split()


@dataclass
class Tally:
    """Outcomes of one kind of query: correct, ambiguous (honest), missed, wrong."""

    counts: Counter[str] = field(default_factory=Counter)
    wrong: list[str] = field(default_factory=list)

    def add(self, outcome: str, example: str = "") -> None:
        self.counts[outcome] += 1
        if outcome == "wrong":
            self.wrong.append(example)


def _typo(text: str, rng: random.Random) -> str | None:
    """Swap two neighbouring letters inside a longer word: an obvious slip of the fingers."""
    spots = [i for i in range(1, len(text) - 2) if text[i].isalpha() and text[i + 1].isalpha()]
    if len(text.replace(" ", "")) < 8 or not spots:
        return None
    i = rng.choice(spots)
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


def titles(catalogue: Catalogue, positions: list[int], rng: random.Random) -> Tally:
    tally = Tally()
    for position in positions:
        drama = catalogue[position]
        queries = [drama.title, *drama.alt_titles]
        if drama.hangul:
            queries.append(drama.hangul)
        typo = _typo(drama.title, rng)
        if typo:
            queries.append(typo)
        for query in queries:
            tally.add(*_title_outcome(catalogue, query, position))
    return tally


def _title_outcome(catalogue: Catalogue, query: str, position: int | None) -> tuple[str, str]:
    """`position` is the drama the query means, or None for a drama not in the catalogue."""
    try:
        found = resolve(catalogue, query)
    except AmbiguousTitle as error:
        mine = position is not None and catalogue[position].title in error.suggestions
        return ("ambiguous" if mine or position is None else "missed"), query
    except NotFound:
        return ("correct" if position is None else "missed"), query
    if found.position == position:
        return "correct", query
    return "wrong", f"{query!r} -> {found.drama.title!r}"


def actors(catalogue: Catalogue, positions: list[int], rng: random.Random) -> Tally:
    tally = Tally()
    dramas_of: dict[str, set[int]] = defaultdict(set)
    for position in range(len(catalogue)):
        for member in catalogue[position].cast:
            dramas_of[name_key(member.actor)].add(position)
    wanted = {m.actor for p in positions for m in catalogue[p].cast}
    for actor in sorted(wanted):
        theirs = dramas_of[name_key(actor)]
        tokens = actor.split()
        queries = [actor, actor.lower()]
        if len(tokens) == 3:
            queries.append(f"{tokens[1]}{tokens[2].lower()} {tokens[0]}")  # "Jongsuk Lee"
            queries.append(f"{tokens[0]} {tokens[1]}-{tokens[2].lower()}")  # "Lee Jong-suk"
            queries.append(f"{tokens[0]} {tokens[1]} {tokens[2]}{tokens[2][-1]}")  # "...Sukk"
        for query in queries:
            if name_key(query) in dramas_of and name_key(query) != name_key(actor):
                continue  # this "typo" is someone else's name: not a fair question
            tally.add(*_actor_outcome(catalogue, query, theirs))
        # Their dramas first in search; a drama titled with the name may share the top.
        found = search(catalogue, actor, limit=len(theirs) + 3)
        titled = sum(r.reasons[0].kind.value.endswith("title") for r in found[: len(theirs)])
        first = {r.position for r in found[: len(theirs) + titled]}
        tally.add("correct" if theirs <= first else "wrong", f"search {actor!r} first")
    return tally


def _actor_outcome(catalogue: Catalogue, query: str, theirs: set[int]) -> tuple[str, str]:
    """`theirs` are the dramas of the actor the query means; empty for nobody here."""
    try:
        found = set(actor_matches(catalogue, query))
    except AmbiguousActor:
        return ("ambiguous" if theirs else "correct"), query
    except NotFound:
        return ("missed" if theirs else "correct"), query
    if found == theirs:
        return "correct", query
    others = sorted(catalogue[p].title for p in found - theirs)[:2]
    return "wrong", f"{query!r} -> {others or 'too few dramas'}"


def strangers(catalogue: Catalogue, rng: random.Random, count: int) -> Iterator[str]:
    """Real-looking names that are one syllable away from an actor in the catalogue."""
    known = {name_key(m.actor) for d in catalogue for m in d.cast}
    names = sorted({m.actor for d in catalogue for m in d.cast if len(m.actor.split()) == 3})
    made = 0
    for actor in rng.sample(names, min(len(names), count * 3)):
        surname, first, last = actor.split()
        other = rng.choice([s for s in SYLLABLES if s != last.lower()])
        stranger = f"{surname} {first} {other.title()}"
        if name_key(stranger) not in known:
            made += 1
            yield stranger
        if made == count:
            return


def held_out(path: Path, every: int, rng: random.Random, work: Path) -> tuple[Tally, Tally]:
    """Titles and actors of dramas taken out of the catalogue must not be found in it."""
    text = path.read_text(encoding="utf-8")
    head, *entries = text.split("\n[[drama]]\n")
    out_of = set(rng.sample(range(len(entries)), len(entries) // max(every * 4, 8)))
    kept = [e for i, e in enumerate(entries) if i not in out_of]
    smaller = work / "held-out.toml"
    smaller.write_text("\n[[drama]]\n".join([head, *kept]), encoding="utf-8")
    full = open_catalogue(path, bundled=False, cache_dir=work)
    rest = open_catalogue(smaller, bundled=False, cache_dir=work)
    present = {name_key(m.actor) for d in rest for m in d.cast}
    present_titles = {d.title.casefold() for d in rest}
    title_tally, actor_tally = Tally(), Tally()
    for index in sorted(out_of):
        drama = full[index]
        if drama.title.casefold() not in present_titles:
            title_tally.add(*_title_outcome(rest, drama.title, None))
        for member in drama.cast:
            if name_key(member.actor) not in present:
                actor_tally.add(*_actor_outcome(rest, member.actor, set()))
    for stranger in strangers(rest, rng, 200):
        actor_tally.add(*_actor_outcome(rest, stranger, set()))
    return title_tally, actor_tally


def report(path: Path, every: int = 1, seed: int = 0) -> dict[str, Tally]:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        catalogue = open_catalogue(path, bundled=False, cache_dir=work)
        positions = list(range(0, len(catalogue), every))
        results = {
            "titles": titles(catalogue, positions, rng),
            "actors": actors(catalogue, positions, rng),
        }
        results["titles not here"], results["actors not here"] = held_out(path, every, rng, work)
    return results


def render(results: dict[str, Tally], path: Path, seconds: float) -> str:
    lines = [
        f"Precision on {path.name}; {seconds:.1f} s.",
        "",
        "| queries | correct | ambiguous (listed) | missed (not found) | wrong |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, tally in results.items():
        c = tally.counts
        lines.append(
            f"| {name} | {c['correct']:,} | {c['ambiguous']:,} | {c['missed']:,} | {c['wrong']:,} |"
        )
    for name, tally in results.items():
        for example in tally.wrong[:15]:
            lines.append(f"wrong ({name}): {example}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None, out: Callable[[str], object] = sys.stdout.write) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--catalog", type=Path, default=REAL)
    parser.add_argument("--every", type=int, default=1, help="check every Nth drama (default 1)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    if not args.catalog.exists():
        out(f"no catalogue at {args.catalog}\n")
        return 2
    start = time.perf_counter()
    results = report(args.catalog, args.every, args.seed)
    out(render(results, args.catalog, time.perf_counter() - start))
    return 1 if any(t.counts["wrong"] for t in results.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
