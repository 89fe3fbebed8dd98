"""The watched log: `cry-picker watched add|remove|list|clear`."""

from __future__ import annotations

from typing import Annotated

import typer

from ..errors import NotFound
from .app import CryPickerCommand, app
from .output import Output
from .report import Failure, quoted
from .shared import CatalogOpt, JsonOpt, NoBundledOpt, TitleArg, open_catalogue, watched_log
from .status import ExitStatus
from .streams import say

watched = typer.Typer(
    help="Remember what you have already cried through; suggest, search, similar and "
    "surprise leave it out.",
    epilog='Example: cry-picker watched add "Mr. Sunshine"',
    no_args_is_help=True,
)
app.add_typer(watched, name="watched", rich_help_panel="Your watched log")


@watched.command("add", cls=CryPickerCommand)
def add(
    title: TitleArg,
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """Record a drama as watched (adding it twice is harmless).

    Example: cry-picker watched add "Moon Lovers"
    """
    from ..titles import resolve

    out = Output.choose()
    drama = resolve(open_catalogue(catalog, no_bundled), title).drama
    if watched_log().add(drama.title):
        out.confirm(f"Marked as watched: {drama.title} ({drama.year}, {drama.network})\n")
    else:
        out.confirm(f"Already in your watched log: {drama.title}\n")
    return ExitStatus.OK


@watched.command("remove", cls=CryPickerCommand)
def remove(
    title: TitleArg,
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """Take a drama off the watched log.

    Example: cry-picker watched remove "Mr. Sunshine"
    """
    from ..titles import resolve

    out = Output.choose()
    log = watched_log()
    try:
        name = resolve(open_catalogue(catalog, no_bundled), title).drama.title
    except NotFound:
        name = title  # a record from another catalogue can still be removed by its title
    removed = log.remove(name)
    if removed is None:
        raise Failure(f"{quoted(name)} is not in your watched log")
    out.confirm(f"Removed from your watched log: {removed.title}\n")
    return ExitStatus.OK


@watched.command("list", cls=CryPickerCommand)
def list_watched(
    as_json: JsonOpt = False,
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
) -> int:
    """List what you have watched, oldest first.

    Records whose title the current catalogue does not know are kept and flagged.

    Example: cry-picker watched list --json
    """
    out = Output.choose(as_json=as_json)
    records = watched_log().records()
    catalogue = open_catalogue(catalog, no_bundled)
    rows = [(r, catalogue.position(r.title) is not None) for r in records]
    if out.json:
        out.data([{**r.to_json(), "in_catalogue": known} for r, known in rows])
        return ExitStatus.OK
    if not rows:
        say("Your watched log is empty. Add a drama with: cry-picker watched add TITLE")
        return ExitStatus.OK
    lines = []
    for record, known in rows:
        flag = "" if known else "  (not in the current catalogue)"
        lines.append(f"{record.added}  {record.title}{flag}\n")
    out.text("".join(lines))
    return ExitStatus.OK


@watched.command("clear", cls=CryPickerCommand)
def clear(
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Really forget everything.")] = False,
) -> int:
    """Forget every watched drama (needs --yes).

    Example: cry-picker watched clear --yes
    """
    out = Output.choose()
    if not yes:
        raise Failure("clearing the watched log needs --yes", status=ExitStatus.USAGE)
    count = watched_log().clear()
    out.confirm(f"Cleared {count} record{'s' if count != 1 else ''} from your watched log.\n")
    return ExitStatus.OK
