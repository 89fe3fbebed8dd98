"""Rich cards and tables for a terminal. Catalogue text is always passed as `Text`, never
parsed as markup, and the console has markup and emoji codes switched off."""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence

from rich import box
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..match import Match
from ..model import Drama
from ..vocab import ERAS, MOODS
from . import views
from .views import clean


def console(*, stderr: bool = False) -> Console:
    # NO_COLOR (https://no-color.org) means no escape codes at all, bold included.
    plain = bool(os.environ.get("NO_COLOR"))
    return Console(
        stderr=stderr,
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if plain else "auto",
    )


def _meter(tears: int) -> Text:
    return Text.assemble(
        (views.DROP * tears, "bold blue"), (views.EMPTY * (5 - tears), "dim"), f" {tears}/5"
    )


def _tags(moods: Sequence[str]) -> Text:
    text = Text()
    for mood in moods:
        if text:
            text.append(" ")
        text.append(f" {clean(mood)} ", style="black on bright_cyan")
    return text


def _label(name: str, value: str | Text) -> Text:
    return Text.assemble((f"{name}: ", "bold"), value)


def card(drama: Drama, *, spoilers: bool = False, watched: bool = False) -> Panel:
    parts: list[RenderableType] = []
    if drama.alt_titles:
        parts.append(_label("Also known as", " · ".join(clean(t) for t in drama.alt_titles)))
    parts.append(Text(views.facts(drama), style="italic"))
    parts.append(_label("Era", views.era(drama)))
    parts.append(_label("Tears", _meter(drama.tears)))
    parts.append(_label("Moods", _tags(drama.moods)))
    cast = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for column in ("Actor", "Hangul", "Role"):
        cast.add_column(column, style="bold" if column == "Actor" else None)
    for member in drama.cast:
        cast.add_row(
            Text(clean(member.actor)), Text(clean(member.actor_hangul)), Text(clean(member.role))
        )
    parts.extend([Text(""), cast, Text("")])
    parts.append(Text(clean(drama.synopsis)))
    if drama.why_cry:
        parts.append(Text(""))
        parts.append(_label("Why you will cry", Text(clean(drama.why_cry), style="italic")))
    if drama.spoilers:
        parts.append(Text(""))
        if spoilers:
            parts.append(Text("⚠ SPOILERS", style="bold red"))
            parts.extend(Text(f"• {clean(s)}", style="red") for s in drama.spoilers)
        else:
            parts.append(Text("Spoilers hidden; add --spoilers to see them.", style="dim"))
    title = Text(clean(drama.title), style="bold")
    if drama.hangul:
        title.append(f"  {clean(drama.hangul)}", style="not bold")
    if watched:
        title.append("  ✓ watched", style="green")
    return Panel(
        Group(*parts), title=title, title_align="left", border_style="blue", padding=(1, 2)
    )


def ranked(
    matches: Sequence[Match], *, spoilers: bool = False, watched: Collection[int] = ()
) -> Table:
    table = Table(box=box.ROUNDED, show_lines=True, expand=False)
    table.add_column("#", justify="right")
    table.add_column("Drama", ratio=2)
    table.add_column("Score", justify="right")
    table.add_column("Tears", no_wrap=True)
    table.add_column("Why", ratio=3)
    for rank, match in enumerate(matches, start=1):
        drama = match.drama
        name = Text(clean(drama.title), style="bold")
        name.append(f"\n{drama.year}, {clean(drama.network)}", style="dim")
        if match.position in watched:
            name.append("\n✓ watched", style="green")
        why = Text("\n".join(f"• {clean(r)}" for r in match.reasons))
        if spoilers and drama.spoilers:
            why.append("\n⚠ " + "\n⚠ ".join(clean(s) for s in drama.spoilers), style="red")
        table.add_row(str(rank), name, str(match.score), _meter(drama.tears), why)
    return table


def listing(dramas: Sequence[Drama]) -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    for column in ("Title", "Year", "Network", "Era", "Tears", "Moods"):
        table.add_column(column)
    for drama in dramas:
        table.add_row(
            Text(clean(drama.title), style="bold"),
            str(drama.year),
            Text(clean(drama.network)),
            Text(views.era(drama)),
            _meter(drama.tears),
            Text(", ".join(clean(m) for m in drama.moods)),
        )
    return table


def moods() -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    for column in ("Mood", "About", "Also matches"):
        table.add_column(column)
    for mood in MOODS:
        table.add_row(Text(mood.name, style="bold"), mood.description, ", ".join(mood.synonyms))
    return table


def eras() -> Table:
    table = Table(box=box.SIMPLE_HEAD)
    for column in ("Era", "Years", "Also matches"):
        table.add_column(column)
    for era in ERAS:
        span = f"{era.start}-{era.end}" if era.start >= 0 else f"{-era.start} BCE-{era.end}"
        table.add_row(Text(era.name, style="bold"), span, ", ".join(era.aliases))
    return table
