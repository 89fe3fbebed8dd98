"""What a fan filters by: when a drama first aired, where, how long it is, how it ends.

A `Filters` is read from what a person typed (`read_aired`, `read_ending`, ...; a value
that cannot be read raises BadValue or OutOfRange naming the accepted forms), and applied
to a catalogue's index without materialising a drama (`apply`). Every filter a drama
passes becomes a reason of its result (`reasons`). The ending is a spoiler: its reason
says only what was asked ("happy or bittersweet") unless spoilers are wanted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import NamedTuple

from .errors import BadValue, OutOfRange, UnknownTerm
from .index import Index
from .results import Kind, Reason, Result
from .schema import MAX_EPISODES, YEARS
from .text import fold
from .vocab import ending_names

AIRED_FORMS = ("2019", "2015-2020", "2015-", "-2005")
_AIRED = re.compile(r"^\s*(\d{4})?\s*(?:(-|–|\.\.|to)\s*(\d{4})?)?\s*$")


class Filters(NamedTuple):
    aired: tuple[int, int] | None = None  # first and last air year, inclusive
    networks: tuple[str, ...] = ()  # as typed; matched forgivingly
    min_episodes: int | None = None
    max_episodes: int | None = None
    endings: tuple[str, ...] = ()  # happy, bittersweet, sad

    @property
    def episodes(self) -> bool:
        return self.min_episodes is not None or self.max_episodes is not None


NO_FILTERS = Filters()


class Outcome(NamedTuple):
    """What the filters leave out: every drama that fails them, and how many of those
    were left out only because the catalogue does not say (no episode count, no ending):
    dramas the other filters would have kept."""

    excluded: frozenset[int]
    no_episodes: int
    no_ending: int


def read_aired(text: str) -> tuple[int, int]:
    """ "2019", "2015-2020", "2015-", "-2005" as the first and last air year."""
    match = _AIRED.match(text)
    if match is None or not (match.group(1) or match.group(3)):
        raise BadValue("aired", text, AIRED_FORMS)
    first = int(match.group(1)) if match.group(1) else YEARS[0]
    last = first  # "2019"
    if match.group(2):  # a range, open at either end
        last = int(match.group(3)) if match.group(3) else YEARS[1]
    if not (YEARS[0] <= first <= last <= YEARS[1]):
        raise BadValue("aired", text, AIRED_FORMS)
    return first, last


def read_ending(text: str) -> str:
    word = fold(text)
    if word not in ending_names():
        raise BadValue("ending", text, ending_names())
    return word


def read_episodes(what: str, value: int | None) -> int | None:
    if value is not None and not 1 <= value <= MAX_EPISODES:
        raise OutOfRange(what, value, 1, MAX_EPISODES)
    return value


def read(
    index: Index,
    aired: str | None = None,
    networks: Sequence[str] = (),
    min_episodes: int | None = None,
    max_episodes: int | None = None,
    endings: Sequence[str] = (),
) -> Filters:
    """Filters from typed values; a network no drama in `index` airs on is refused with
    the closest ones, since it could only ever find nothing."""
    low = read_episodes("min_episodes", min_episodes)
    high = read_episodes("max_episodes", max_episodes)
    if low is not None and high is not None and low > high:
        raise OutOfRange("min_episodes", low, 1, high)
    for network in networks:
        known = sorted(set(index.networks), key=str.casefold)
        if not any(on_network(network, name) for name in known):
            raise UnknownTerm("network", network, _closest(network, known))
    return Filters(
        aired=read_aired(aired) if aired is not None else None,
        networks=tuple(networks),
        min_episodes=low,
        max_episodes=high,
        endings=tuple(dict.fromkeys(read_ending(e) for e in endings)),
    )


def on_network(typed: str, network: str) -> bool:
    """Forgiving: case, spaces and punctuation aside, and a channel's family by its name
    ("kbs" is KBS1 and KBS2, "disney" is Disney+, "channel a" is Channel A)."""
    wanted = fold(typed).replace(" ", "")
    return bool(wanted) and fold(network).replace(" ", "").startswith(wanted)


def _closest(typed: str, known: Sequence[str]) -> list[str]:
    from rapidfuzz import fuzz, process

    found = process.extract(fold(typed), [fold(k) for k in known], scorer=fuzz.WRatio, limit=3,
                            score_cutoff=50)  # fmt: skip
    return [known[i] for _, _, i in found]


def apply(index: Index, filters: Filters) -> Outcome:
    """The dramas `filters` leave out."""
    excluded: set[int] = set()
    no_episodes = no_ending = 0
    for position in range(len(index)):
        if _passes(index, position, filters):
            continue
        excluded.add(position)
        unknown_length = filters.episodes and not index.episodes[position]
        unknown_ending = bool(filters.endings) and not index.endings[position]
        if not (unknown_length or unknown_ending):
            continue
        relaxed = filters._replace(
            min_episodes=None if unknown_length else filters.min_episodes,
            max_episodes=None if unknown_length else filters.max_episodes,
            endings=() if unknown_ending else filters.endings,
        )
        if _passes(index, position, relaxed):  # left out for what is not known, alone
            no_episodes += unknown_length
            no_ending += unknown_ending
    return Outcome(frozenset(excluded), no_episodes, no_ending)


def _passes(index: Index, position: int, filters: Filters) -> bool:
    if filters.aired is not None:
        first, last = filters.aired
        if not first <= index.years[position] <= last:
            return False
    network = index.networks[position]
    if filters.networks and not any(on_network(n, network) for n in filters.networks):
        return False
    if filters.episodes:
        episodes = index.episodes[position]
        if not episodes:
            return False
        if filters.min_episodes is not None and episodes < filters.min_episodes:
            return False
        if filters.max_episodes is not None and episodes > filters.max_episodes:
            return False
    return not filters.endings or index.endings[position] in filters.endings


def reasons(index: Index, position: int, filters: Filters) -> list[Reason]:
    """The filters a drama passed, as reasons worth no points. The ending's reason says
    what was asked ("happy or bittersweet") and keeps the drama's own in `items`, for
    whoever shows it to decide (it is a spoiler)."""
    found: list[Reason] = []
    if filters.aired is not None:
        found.append(Reason(Kind.AIRED, str(index.years[position]), filter=True))
    if filters.networks:
        found.append(Reason(Kind.NETWORK, index.networks[position], filter=True))
    if filters.episodes:
        found.append(Reason(Kind.EPISODES, str(index.episodes[position]), filter=True))
    if filters.endings:
        asked = " or ".join(filters.endings)
        found.append(Reason(Kind.ENDING, asked, items=(index.endings[position],), filter=True))
    return found


def decorate(index: Index, results: Sequence[Result], filters: Filters) -> list[Result]:
    """Results with the filters each passed added to their reasons."""
    if filters == NO_FILTERS:
        return list(results)
    return [replace(r, reasons=(*r.reasons, *reasons(index, r.position, filters))) for r in results]


def excluded(index: Index, filters: Filters) -> frozenset[int]:
    return apply(index, filters).excluded if filters != NO_FILTERS else frozenset()
