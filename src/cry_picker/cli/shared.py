"""Options and output helpers shared by every command."""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from . import complete, jsonout, plain
from .status import ExitStatus
from .streams import PipeClosed, is_terminal, say, silence_stdout, write

if TYPE_CHECKING:  # the core is imported inside functions, to keep start-up quick
    from ..catalogue import Catalogue
    from ..errors import NotFound
    from ..match import Match
    from ..model import Drama
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
    user's file alone; cached between runs, with a progress note when the first read of a
    big file is slow and someone is watching."""
    from ..catalogue import open_catalogue
    from ..paths import cache_dir

    def progress(message: str) -> None:
        if is_terminal(sys.stderr):
            say(message)

    return open_catalogue(catalog, bundled=not no_bundled, cache_dir=cache_dir(), on_slow=progress)


def emit(text: Callable[[], str], rich: Callable[[], Any]) -> None:
    """Rich output on a terminal, plain text anywhere else."""
    if not is_terminal(sys.stdout):
        write(text())
        return
    from .cards import console

    try:
        console().print(rich())
        sys.stdout.flush()
    except BrokenPipeError:
        silence_stdout()
        raise PipeClosed() from None


def emit_ranked(
    matches: Sequence[Match], *, as_json: bool, spoilers: bool, watched: Collection[int] = ()
) -> None:
    if as_json:
        write(jsonout.dumps([
            jsonout.ranked(m, spoilers=spoilers, watched=m.position in watched) for m in matches
        ]))  # fmt: skip
        return

    def rich() -> Any:
        from . import cards

        return cards.ranked(matches, spoilers=spoilers, watched=watched)

    emit(lambda: plain.ranked(matches, spoilers=spoilers, watched=watched), rich)


def emit_results(
    matches: Sequence[Match],
    nothing: NotFound,
    *,
    as_json: bool,
    spoilers: bool = False,
    watched: Collection[int] = (),
) -> int:
    """Ranked results, or `nothing` when there are none (after an empty JSON array, so
    that a script always gets valid JSON)."""
    if not matches:
        if as_json:
            write(jsonout.dumps([]))
        raise nothing
    emit_ranked(matches, as_json=as_json, spoilers=spoilers, watched=watched)
    return ExitStatus.OK


def emit_card(drama: Drama, *, spoilers: bool, watched: bool = False) -> None:
    def rich() -> Any:
        from . import cards

        return cards.card(drama, spoilers=spoilers, watched=watched)

    emit(lambda: plain.card(drama, spoilers=spoilers, watched=watched), rich)


def watched_log() -> WatchedLog:
    from ..paths import data_dir
    from ..watched import WatchedLog

    return WatchedLog(data_dir(), notice=say)


def watched_positions(catalogue: Catalogue) -> set[int]:
    """Catalogue positions of the dramas in the watched log.

    A log that cannot be read costs only the filtering, with a warning: finding a drama
    should not fail because of it.
    """
    from ..errors import StorageError

    try:
        keys = watched_log().titles()
    except StorageError as error:
        say(f"Warning: {error.message}; watched dramas are not left out.")
        return set()
    found = (catalogue.index.owner_of_key(key) for key in keys)
    return {position for position in found if position is not None}


def exclusions(catalogue: Catalogue, include_watched: bool) -> tuple[set[int], set[int]]:
    """(positions to leave out, positions to mark as watched)."""
    watched = watched_positions(catalogue)
    return (set(), watched) if include_watched else (watched, set())
