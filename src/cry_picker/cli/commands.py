"""Finding dramas: suggest, show, search, similar, surprise, list, actor, moods and eras."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from . import complete
from .app import CryPickerCommand, app
from .output import Output
from .report import Failure
from .shared import (
    AiredOpt,
    CatalogOpt,
    EndingOpt,
    IncludeWatchedOpt,
    JsonOpt,
    LimitOpt,
    MaxEpisodesOpt,
    MinEpisodesOpt,
    NetworkOpt,
    NoBundledOpt,
    SpoilersOpt,
    TitleArg,
    exclusions,
    open_catalogue,
    read_filters,
    watched_positions,
)
from .status import ExitStatus

if TYPE_CHECKING:
    from ..catalogue import Catalogue
    from ..results import Result


def resolve_or_point_at_actor(catalogue: Catalogue, title: str) -> Result:
    """The drama `title` names; when it names none but is an actor's name, say so."""
    from ..errors import EmptyText, NotFound, TitleNotFound
    from ..people import actor_profile
    from ..titles import resolve
    from .report import quoted

    try:
        return resolve(catalogue, title)
    except TitleNotFound as missing:
        try:
            person = actor_profile(catalogue, title)
        except (NotFound, EmptyText, ValueError):
            raise missing from None
        raise Failure(
            f"no drama called {quoted(missing.text)}; {person.name} is an actor here",
            hint=f"try: cry-picker actor {quoted(person.name)}",
        ) from None


def only_watched(watched_would_match: bool) -> None:
    """Nothing to show, but only because everything that matched is in the watched log."""
    if watched_would_match:
        raise Failure(
            "everything that matched is in your watched log",
            hint="add --include-watched to see those dramas again",
        )


MoodOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--mood",
        "-m",
        help="A mood or a synonym (grief, loss, mother...); repeat to combine.",
        autocompletion=complete.moods,
    ),
]
EraOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--era",
        "-e",
        help="Where the story is set: an era (Goryeo, Joseon, May 18...), a year, a decade "
        "(the 90s) or a century; repeat for any of several.",
        autocompletion=complete.eras,
    ),
]
MinTearsOpt = Annotated[
    int,
    typer.Option(
        "--min-tears", "-t", min=1, max=5, help="Only dramas rated this sad or sadder (1-5)."
    ),
]
ActorOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--actor",
        "-a",
        help="Only dramas with this actor; repeat for any of several.",
        autocompletion=complete.actors,
    ),
]


@app.command(cls=CryPickerCommand)
def suggest(
    mood: MoodOpt = None,
    era: EraOpt = None,
    actor: ActorOpt = None,
    min_tears: MinTearsOpt = 1,
    aired: AiredOpt = None,
    network: NetworkOpt = None,
    min_episodes: MinEpisodesOpt = None,
    max_episodes: MaxEpisodesOpt = None,
    ending: EndingOpt = None,
    limit: LimitOpt = 5,
    spoilers: SpoilersOpt = False,
    include_watched: IncludeWatchedOpt = False,
    as_json: JsonOpt = False,
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """Rank dramas by mood, era and actor; with no options, the saddest first.

    Dramas in your watched log are left out unless you pass --include-watched.

    Example: cry-picker suggest --mood grief --era joseon --max-episodes 16
    """
    from ..suggest import suggest as run

    out = Output.choose(as_json=as_json)
    catalogue = open_catalogue(catalog, no_bundled)
    filters = read_filters(catalogue, aired, network, min_episodes, max_episodes, ending)
    skip, watched = exclusions(catalogue, include_watched)

    def ranking(exclude: set[int], count: int) -> list[Result]:
        return run(
            catalogue,
            mood or (),
            eras=era or (),
            actors=actor or (),
            limit=count,
            min_tears=min_tears,
            exclude=exclude,
            filters=filters,
        )

    results = ranking(skip, limit)
    if not results:
        only_watched(bool(skip and ranking(set(), 1)))
        raise Failure(
            "nothing matched all of that",
            hint="drop an option, or see `cry-picker moods` and `cry-picker eras`",
        )
    out.ranked(results, spoilers=spoilers, watched=watched, points=True)
    return ExitStatus.OK


@app.command(cls=CryPickerCommand)
def show(
    title: TitleArg,
    spoilers: SpoilersOpt = False,
    as_json: JsonOpt = False,
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """Show everything about one drama; spoilers (and its ending) only when asked.

    Example: cry-picker show "Moon Lovers"
    """

    out = Output.choose(as_json=as_json, empty="object")
    catalogue = open_catalogue(catalog, no_bundled)
    found = resolve_or_point_at_actor(catalogue, title)
    watched = found.position in watched_positions(catalogue)
    out.card(found.drama, spoilers=spoilers, watched=watched)
    return ExitStatus.OK


@app.command(cls=CryPickerCommand)
def search(
    query: Annotated[
        str, typer.Argument(help="Anything: a title, an actor, a role, a mood, an era, a word.")
    ],
    aired: AiredOpt = None,
    network: NetworkOpt = None,
    min_episodes: MinEpisodesOpt = None,
    max_episodes: MaxEpisodesOpt = None,
    ending: EndingOpt = None,
    limit: LimitOpt = 10,
    spoilers: SpoilersOpt = False,
    include_watched: IncludeWatchedOpt = False,
    as_json: JsonOpt = False,
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """Search titles, actors, roles, moods, eras and synopses at once.

    Dramas in your watched log are left out unless you pass --include-watched.

    Example: cry-picker search "Lee Jong Suk"
    """
    from ..search import closest_to
    from ..search import search as run
    from .report import quoted

    out = Output.choose(as_json=as_json)
    catalogue = open_catalogue(catalog, no_bundled)
    filters = read_filters(catalogue, aired, network, min_episodes, max_episodes, ending)
    skip, watched = exclusions(catalogue, include_watched)
    results = run(catalogue, query, limit=limit, exclude=skip, filters=filters)
    if not results:
        only_watched(bool(skip and run(catalogue, query, limit=1, filters=filters)))
        raise Failure(f"nothing matched {quoted(query)}", suggestions=closest_to(catalogue, query))
    out.ranked(results, spoilers=spoilers, watched=watched)
    return ExitStatus.OK


@app.command(cls=CryPickerCommand)
def similar(
    title: TitleArg,
    aired: AiredOpt = None,
    network: NetworkOpt = None,
    min_episodes: MinEpisodesOpt = None,
    max_episodes: MaxEpisodesOpt = None,
    ending: EndingOpt = None,
    limit: LimitOpt = 5,
    spoilers: SpoilersOpt = False,
    include_watched: IncludeWatchedOpt = False,
    as_json: JsonOpt = False,
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """More like this one: shared moods, era, cast and tears.

    Dramas in your watched log are left out unless you pass --include-watched.

    Example: cry-picker similar "The Red Sleeve"
    """
    from ..similar import similar as run

    out = Output.choose(as_json=as_json)
    catalogue = open_catalogue(catalog, no_bundled)
    start = resolve_or_point_at_actor(catalogue, title)
    filters = read_filters(catalogue, aired, network, min_episodes, max_episodes, ending)
    skip, watched = exclusions(catalogue, include_watched)
    results = run(catalogue, start.position, limit=limit, exclude=skip, filters=filters)
    if not results:
        only_watched(bool(skip and run(catalogue, start.position, limit=1, filters=filters)))
        raise Failure(f"nothing left that is like {start.drama.title}")
    out.ranked(results, spoilers=spoilers, watched=watched, points=True)
    return ExitStatus.OK


@app.command(cls=CryPickerCommand)
def surprise(
    mood: MoodOpt = None,
    era: EraOpt = None,
    actor: ActorOpt = None,
    aired: AiredOpt = None,
    network: NetworkOpt = None,
    min_episodes: MinEpisodesOpt = None,
    max_episodes: MaxEpisodesOpt = None,
    ending: EndingOpt = None,
    seed: Annotated[int | None, typer.Option("--seed", help="Make the pick repeatable.")] = None,
    spoilers: SpoilersOpt = False,
    include_watched: IncludeWatchedOpt = False,
    as_json: JsonOpt = False,
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """Pick one unwatched drama at random, among those that fit the options.

    Dramas in your watched log are left out unless you pass --include-watched.

    Example: cry-picker surprise --mood "tragic romance" --ending happy
    """
    import random

    from ..suggest import suggest as run

    out = Output.choose(as_json=as_json, empty="object")
    catalogue = open_catalogue(catalog, no_bundled)
    filters = read_filters(catalogue, aired, network, min_episodes, max_episodes, ending)
    skip, _ = exclusions(catalogue, include_watched)
    fitting = run(
        catalogue, mood or (), eras=era or (), actors=actor or (), limit=len(catalogue),
        exclude=skip, filters=filters,
    )  # fmt: skip
    if not fitting:
        watched = run(
            catalogue, mood or (), eras=era or (), actors=actor or (), limit=1, filters=filters
        ) if skip else []  # fmt: skip
        if watched:
            raise Failure(
                "you have watched every drama that fits all of that",
                hint="add --include-watched to pick among them again",
            )
        raise Failure("no drama fits all of that")
    out.pick(random.Random(seed).choice(fitting), spoilers=spoilers)
    return ExitStatus.OK


@app.command("list", cls=CryPickerCommand)
def list_dramas(
    mood: Annotated[
        list[str] | None,
        typer.Option(
            "--mood",
            "-m",
            help="Only dramas with this mood; repeat for all of several.",
            autocompletion=complete.moods,
        ),
    ] = None,
    era: EraOpt = None,
    min_tears: MinTearsOpt = 1,
    aired: AiredOpt = None,
    network: NetworkOpt = None,
    min_episodes: MinEpisodesOpt = None,
    max_episodes: MaxEpisodesOpt = None,
    ending: EndingOpt = None,
    sort: Annotated[
        str | None,
        typer.Option(
            "--sort",
            help="year, tears, title or episodes (year and tears: highest first).",
            autocompletion=complete.sorts,
        ),
    ] = None,
    as_json: JsonOpt = False,
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """List the dramas in the catalogue, one per line, narrowed and sorted as you ask.

    Dramas in your watched log are marked.

    Example: cry-picker list --max-episodes 12 --sort tears
    """  # fmt: skip
    from ..filters import reasons
    from ..listing import listing

    out = Output.choose(as_json=as_json)
    catalogue = open_catalogue(catalog, no_bundled)
    filters = read_filters(catalogue, aired, network, min_episodes, max_episodes, ending)
    positions = listing(
        catalogue, mood or (), era or (), min_tears=min_tears, filters=filters, sort=sort
    )
    if not positions:
        raise Failure("no drama in the catalogue fits all of that")
    passed = {p: reasons(catalogue.index, p, filters) for p in positions}
    out.listing([(p, catalogue[p]) for p in positions], watched_positions(catalogue), passed)
    return ExitStatus.OK


@app.command(cls=CryPickerCommand)
def actor(
    name: Annotated[
        str,
        typer.Argument(
            help="An actor's name: any romanisation, Hangul, a stage name, a given name.",
            autocompletion=complete.actors,
        ),
    ],
    as_json: JsonOpt = False,
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """An actor as the catalogue knows them, and their dramas, newest first.

    Example: cry-picker actor "Lee Jong-suk"
    """
    from ..people import actor_profile

    out = Output.choose(as_json=as_json, empty="object")
    catalogue = open_catalogue(catalog, no_bundled)
    out.profile(actor_profile(catalogue, name), watched_positions(catalogue))
    return ExitStatus.OK


@app.command(cls=CryPickerCommand)
def moods(as_json: JsonOpt = False) -> int:
    """List the moods you can ask for, with the words that mean the same.

    Example: cry-picker moods
    """
    Output.choose(as_json=as_json).vocabulary("moods")
    return ExitStatus.OK


@app.command(cls=CryPickerCommand)
def eras(as_json: JsonOpt = False) -> int:
    """List the eras you can ask for, with their years and other names.

    Example: cry-picker eras
    """
    Output.choose(as_json=as_json).vocabulary("eras")
    return ExitStatus.OK
