"""Options, the catalogue and the watched log, as every command gets them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from . import complete
from .streams import is_terminal, say

if TYPE_CHECKING:  # the core is imported inside functions, to keep start-up quick
    from ..catalogue import Catalogue
    from ..filters import Filters
    from ..watched import WatchedLog

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (UTF-8) instead of text.")]
SpoilersOpt = Annotated[bool, typer.Option("--spoilers", help="Also show what happens in the end.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=1, help="How many results at most.")]
TitleArg = Annotated[
    str,
    typer.Argument(
        help="Any of the drama's titles, its Hangul title, or a typo of one.",
        autocompletion=complete.titles,
    ),
]
IncludeWatchedOpt = Annotated[
    bool,
    typer.Option(
        "--include-watched", help="Also show dramas in your watched log, marked as watched."
    ),
]
CatalogOpt = Annotated[
    Path | None,
    typer.Option(
        "--catalog",
        "-c",
        envvar="CRY_PICKER_CATALOG",
        show_envvar=True,
        help="Your own catalogue file, merged over the bundled one.",
        rich_help_panel="Catalogue",
    ),
]
NoBundledOpt = Annotated[
    bool,
    typer.Option(
        "--no-bundled",
        help="Use only the --catalog file, not the bundled dramas.",
        rich_help_panel="Catalogue",
    ),
]


def open_catalogue(catalog: Path | None = None, no_bundled: bool = False) -> Catalogue:
    """The catalogue a command reads: bundled, the user's file merged over it, or the
    user's file alone; cached between runs, with progress shown when the first read of a
    big file is slow and someone is watching."""
    from ..catalogue import open_catalogue
    from ..paths import cache_dir

    if not is_terminal(sys.stderr):
        return open_catalogue(catalog, bundled=not no_bundled, cache_dir=cache_dir())
    from .progress import shown

    with shown() as progress:
        return open_catalogue(
            catalog, bundled=not no_bundled, cache_dir=cache_dir(), on_progress=progress
        )


def watched_log() -> WatchedLog:
    from ..paths import data_dir
    from ..watched import MovedAside, WatchedLog

    def told(event: MovedAside) -> None:
        say(
            f"Warning: the watched log could not be read; it was moved to {event.moved_to} "
            "and a fresh log was started."
        )

    return WatchedLog(data_dir(), on_event=told)


def watched_positions(catalogue: Catalogue) -> set[int]:
    """Catalogue positions of the dramas in the watched log.

    A log that cannot be read costs only the filtering, with a warning: finding a drama
    should not fail because of it.
    """
    from ..errors import StorageError
    from .report import words

    try:
        keys = watched_log().titles()
    except StorageError as error:
        say(f"Warning: {words(error).message}. Watched dramas are not left out.")
        return set()
    found = (catalogue.index.owner_of_key(key) for key in keys)
    return {position for position in found if position is not None}


def exclusions(catalogue: Catalogue, include_watched: bool) -> tuple[set[int], set[int]]:
    """(positions to leave out, positions to mark as watched)."""
    watched = watched_positions(catalogue)
    return (set(), watched) if include_watched else (watched, set())


FILTERS = "Filters"
AiredOpt = Annotated[
    str | None,
    typer.Option(
        "--aired",
        help="First air year: 2019, 2015-2020, 2015- or -2005 (--era is when the story is set).",
        rich_help_panel=FILTERS,
    ),
]
NetworkOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--network",
        help="Aired on this network (tvn, KBS finds KBS1 and KBS2, Netflix); repeat for any.",
        autocompletion=complete.networks,
        rich_help_panel=FILTERS,
    ),
]
MinEpisodesOpt = Annotated[
    int | None,
    typer.Option("--min-episodes", help="At least this many episodes.", rich_help_panel=FILTERS),
]
MaxEpisodesOpt = Annotated[
    int | None,
    typer.Option(
        "--max-episodes",
        help="At most this many episodes (a weekend binge: 12).",
        rich_help_panel=FILTERS,
    ),
]
EndingOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--ending",
        help="happy, bittersweet or sad; repeat for any. A spoiler you ask for: results "
        "still show no ending without --spoilers.",
        autocompletion=complete.endings,
        rich_help_panel=FILTERS,
    ),
]


def read_filters(
    catalogue: Catalogue,
    aired: str | None,
    networks: list[str] | None,
    min_episodes: int | None,
    max_episodes: int | None,
    endings: list[str] | None,
) -> Filters:
    """The filters as typed; says on stderr how many dramas were left out only because the
    catalogue does not know their length or ending."""
    from ..filters import NO_FILTERS, apply, read

    filters = read(catalogue.index, aired, networks or (), min_episodes, max_episodes,
                   endings or ())  # fmt: skip
    if filters != NO_FILTERS:
        outcome = apply(catalogue.index, filters)
        if outcome.no_episodes:
            say(f"Note: {_dramas(outcome.no_episodes)} with no episode count left out.")
        if outcome.no_ending:
            say(f"Note: {_dramas(outcome.no_ending)} with no known ending left out.")
    return filters


def _dramas(count: int) -> str:
    return f"{count} drama{'s' if count != 1 else ''}"
