"""The `cry-picker` command: parses options, calls the core, hands results to a renderer.

Output goes to stdout as rich cards on a terminal, plain lines in a pipe, or JSON with
--json; messages go to stderr. Every error a user can cause is reported in one place
(`CryPickerGroup.main`) with a named exit status and no traceback.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from .. import __version__
from ..errors import CryPickerError, NotFound
from . import complete, jsonout, plain
from .report import CLICK_EXCEPTION, report, report_click
from .status import ExitStatus
from .streams import PipeClosed, is_terminal, say, silence_stdout, use_utf8, write

if TYPE_CHECKING:  # the core is imported inside commands, to keep start-up quick
    from ..catalogue import Catalogue
    from ..match import Match
    from ..model import Drama


class CryPickerGroup(TyperGroup):
    """Runs every command in non-standalone mode so that errors are reported our way."""

    def main(  # type: ignore[override]
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        **extra: Any,
    ) -> Any:
        use_utf8()
        try:
            result = super().main(
                args=args,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                **extra,
            )
            status = int(result) if isinstance(result, int) else ExitStatus.OK
            if status == ExitStatus.INTERRUPTED:  # Typer turns Ctrl-C into this status
                say("Interrupted.")
            sys.stdout.flush()
        except CryPickerError as error:
            status = report(error)
        except (PipeClosed, BrokenPipeError):
            silence_stdout()
            status = ExitStatus.OK
        except KeyboardInterrupt:
            say("Interrupted.")
            status = ExitStatus.INTERRUPTED
        except typer.Abort:
            say("Aborted.")
            status = ExitStatus.NO_MATCH
        except CLICK_EXCEPTION as error:
            status = report_click(error)
        if standalone_mode:
            sys.exit(status)
        return status


app = typer.Typer(
    name="cry-picker",
    cls=CryPickerGroup,
    help="Find a Korean drama that will make you cry, by mood, era or actor.",
    epilog="Example: cry-picker suggest --mood grief",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        write(f"cry-picker {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Find a Korean drama that will make you cry, by mood, era or actor."""


# --- shared options ---------------------------------------------------------------------

JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON (UTF-8) instead of text.")]
SpoilersOpt = Annotated[bool, typer.Option("--spoilers", help="Also show what happens in the end.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=1, help="How many results at most.")]


def _catalogue() -> Catalogue:
    from ..catalogue import open_catalogue
    from ..paths import cache_dir

    def progress(message: str) -> None:
        if is_terminal(sys.stderr):
            say(message)

    return open_catalogue(cache_dir=cache_dir(), on_slow=progress)


def _emit(text: Callable[[], str], rich: Callable[[], Any]) -> None:
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


def _emit_ranked(
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

    _emit(lambda: plain.ranked(matches, spoilers=spoilers, watched=watched), rich)


def _emit_card(drama: Drama, *, spoilers: bool, watched: bool = False) -> None:
    def rich() -> Any:
        from . import cards

        return cards.card(drama, spoilers=spoilers, watched=watched)

    _emit(lambda: plain.card(drama, spoilers=spoilers, watched=watched), rich)


# --- commands ---------------------------------------------------------------------------


@app.command()
def suggest(
    mood: Annotated[
        list[str] | None,
        typer.Option(
            "--mood",
            "-m",
            help="A mood or a synonym (grief, loss, mother...); repeat to combine.",
            autocompletion=complete.moods,
        ),
    ] = None,
    era: Annotated[
        str | None,
        typer.Option(
            "--era",
            "-e",
            help="An era (Goryeo, Joseon, May 18...), a year or a decade.",
            autocompletion=complete.eras,
        ),
    ] = None,
    actor: Annotated[
        str | None, typer.Option("--actor", "-a", help="Only dramas with this actor.")
    ] = None,
    min_tears: Annotated[
        int,
        typer.Option(
            "--min-tears", "-t", min=1, max=5, help="Only dramas rated this sad or sadder (1-5)."
        ),
    ] = 1,
    limit: LimitOpt = 5,
    spoilers: SpoilersOpt = False,
    as_json: JsonOpt = False,
) -> int:
    """Rank dramas by mood, era and actor; with no options, the saddest first.

    Example: cry-picker suggest --mood grief --era joseon
    """
    from ..suggest import suggest as run

    catalogue = _catalogue()
    matches = run(catalogue, mood or (), era=era, actor=actor, limit=limit, min_tears=min_tears)
    if not matches:
        if as_json:
            write(jsonout.dumps([]))
        say("Error: nothing matched all of that.")
        say("Hint: drop an option, or see `cry-picker moods` and `cry-picker eras`.")
        return ExitStatus.NO_MATCH
    _emit_ranked(matches, as_json=as_json, spoilers=spoilers)
    return ExitStatus.OK


@app.command()
def show(
    title: Annotated[
        str,
        typer.Argument(
            help="A title, another title it is known by, or its Hangul title.",
            autocompletion=complete.titles,
        ),
    ],
    spoilers: SpoilersOpt = False,
    as_json: JsonOpt = False,
) -> int:
    """Show everything about one drama; spoilers only when asked.

    Example: cry-picker show "Moon Lovers"
    """
    from ..match import resolve

    match = resolve(_catalogue(), title)
    if as_json:
        write(jsonout.dumps(jsonout.drama(match.drama, spoilers=spoilers)))
    else:
        _emit_card(match.drama, spoilers=spoilers)
    return ExitStatus.OK


@app.command()
def search(
    query: Annotated[
        str, typer.Argument(help="Anything: a title, an actor, a role, a mood, an era, a word.")
    ],
    limit: LimitOpt = 10,
    as_json: JsonOpt = False,
) -> int:
    """Search titles, actors, roles, moods, eras and synopses at once.

    Example: cry-picker search "Lee Jong Suk"
    """
    from ..match import closest_titles
    from ..match import search as run

    catalogue = _catalogue()
    matches = run(catalogue, query, limit=limit)
    if not matches:
        if as_json:
            write(jsonout.dumps([]))
        raise NotFound(f"nothing matched '{query}'", suggestions=closest_titles(catalogue, query))
    _emit_ranked(matches, as_json=as_json, spoilers=False)
    return ExitStatus.OK


@app.command("list")
def list_dramas(as_json: JsonOpt = False) -> int:
    """List every drama in the catalogue, one per line.

    Example: cry-picker list --json
    """
    dramas = list(_catalogue())
    if as_json:
        write(jsonout.dumps([jsonout.drama(d) for d in dramas]))
        return ExitStatus.OK

    def rich() -> Any:
        from . import cards

        return cards.listing(dramas)

    _emit(lambda: plain.listing(dramas), rich)
    return ExitStatus.OK


@app.command()
def moods(as_json: JsonOpt = False) -> int:
    """List the moods you can ask for, with the words that mean the same.

    Example: cry-picker moods
    """
    from ..vocab import MOODS

    if as_json:
        write(jsonout.dumps([
            {"name": m.name, "description": m.description, "synonyms": list(m.synonyms)}
            for m in MOODS
        ]))  # fmt: skip
        return ExitStatus.OK

    def rich() -> Any:
        from . import cards

        return cards.moods()

    _emit(plain.moods, rich)
    return ExitStatus.OK


@app.command()
def eras(as_json: JsonOpt = False) -> int:
    """List the eras you can ask for, with their years and other names.

    Example: cry-picker eras
    """
    from ..vocab import ERAS

    if as_json:
        write(jsonout.dumps([
            {"name": e.name, "start": e.start, "end": e.end, "aliases": list(e.aliases)}
            for e in ERAS
        ]))  # fmt: skip
        return ExitStatus.OK

    def rich() -> Any:
        from . import cards

        return cards.eras()

    _emit(plain.eras, rich)
    return ExitStatus.OK
