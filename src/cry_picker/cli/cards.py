"""Rich cards and tables for a terminal. Catalogue text is always passed as `Text`, never
parsed as markup, and the console has markup and emoji codes switched off."""

from __future__ import annotations

import os
import sys
from collections.abc import Collection, Mapping, Sequence
from typing import TYPE_CHECKING, TextIO

from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from ..model import CastMember, Drama
from ..people import Profile
from ..results import Reason, Result
from ..vocab import ERAS, MOODS
from . import views
from .views import clean

if TYPE_CHECKING:  # imported where tables are built: cards need none
    from rich.console import ConsoleOptions, RenderResult
    from rich.table import Table


MIN_WIDTH = 20  # narrower than this, a card cannot show anything


def console(*, stderr: bool = False, color: bool = True) -> Console:
    """A console that prints catalogue text literally; `color` False, no escape codes."""
    return Console(
        stderr=stderr,
        markup=False,
        emoji=False,
        highlight=False,
        color_system="auto" if color else None,
        width=_width(sys.stderr if stderr else sys.stdout),
    )


def _width(stream: TextIO) -> int | None:
    """None to let rich follow COLUMNS and the terminal, unless COLUMNS is too small to
    show anything (rich prints nothing at COLUMNS=0): then the terminal's own width, or
    80 when there is no terminal."""
    columns = os.environ.get("COLUMNS", "").strip()
    if not columns.isdigit() or int(columns) >= MIN_WIDTH:
        return None
    try:
        width = os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        width = 80
    return width if width >= MIN_WIDTH else 80


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


class _Cast:
    """The cast in aligned columns under a rule, as a simple table shows it, but without
    rich's table module, the slowest of rich to import: roles wrap within their column,
    and a terminal too narrow for columns gets a line a member."""

    GAP = "   "
    MIN_ROLE = 10  # cells; narrower than this, columns would only get in the way

    def __init__(self, cast: Sequence[CastMember]) -> None:
        self.rows = [("Actor", "Hangul", "Role")]
        self.rows += [(clean(m.actor), clean(m.actor_hangul), clean(m.role)) for m in cast]

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        widths = [max(cell_len(row[column]) for row in self.rows) for column in range(3)]
        indent = widths[0] + widths[1] + 2 * len(self.GAP)
        room = options.max_width - indent
        if room < self.MIN_ROLE:
            for actor, hangul, role in self.rows[1:]:
                yield Text.assemble((actor, "bold"), f" {hangul}" if hangul else "", f" as {role}")
            return
        for number, (actor, hangul, role) in enumerate(self.rows):
            style = "bold" if number == 0 else ""
            lines = Text(role, style=style).wrap(console, room)
            first = Text.assemble(
                (actor + " " * (widths[0] - cell_len(actor)), "bold"),
                (self.GAP + hangul + " " * (widths[1] - cell_len(hangul)) + self.GAP, style),
            )
            first.append_text(lines[0])
            yield first
            for line in lines[1:]:
                yield Text(" " * indent) + line
            if number == 0:
                yield Text("─" * (indent + min(room, widths[2])))


def card(
    drama: Drama, *, spoilers: bool = False, watched: bool = False, reasons: Sequence[Reason] = ()
) -> Panel:
    parts: list[RenderableType] = []
    if reasons:
        said = "; ".join(views.reason(r, spoilers=spoilers) for r in reasons)
        parts.append(_label("Picked for", Text(said, style="green")))
    if drama.alt_titles:
        parts.append(_label("Also known as", " · ".join(clean(t) for t in drama.alt_titles)))
    parts.append(Text(views.facts(drama), style="italic"))
    parts.append(_label("Era", views.era(drama)))
    parts.append(_label("Tears", _meter(drama.tears)))
    parts.append(_label("Moods", _tags(drama.moods)))
    parts.extend([Text(""), _Cast(drama.cast), Text("")])
    parts.append(Text(clean(drama.synopsis)))
    if drama.why_cry:
        parts.append(Text(""))
        parts.append(_label("Why you will cry", Text(clean(drama.why_cry), style="italic")))
    if drama.spoilers or drama.ending:
        parts.append(Text(""))
        if spoilers:
            parts.append(Text("⚠ SPOILERS", style="bold red"))
            if drama.ending:
                parts.append(Text(f"• Ending: {drama.ending}", style="red"))
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
    results: Sequence[Result],
    *,
    spoilers: bool = False,
    watched: Collection[int] = (),
    points: bool = False,
) -> Group:
    """One compact card per result: rank, title, year and network on top, score and tear
    meter below, the reasons inside. (Cards rather than a table: rich's table module is
    the slowest part of rich to import, and a ranked list does not need column layout.)"""
    shown: list[RenderableType] = []
    for rank, result in enumerate(results, start=1):
        drama = result.drama
        title = Text.assemble(
            (f"{rank}. ", "bold"),
            (clean(drama.title), "bold"),
            (f"  {drama.year}, {clean(drama.network)}", "dim"),
        )
        if result.position in watched:
            title.append("  ✓ watched", style="green")
        score = Text.assemble(("score ", "dim"), (str(result.score), "bold"), "  ")
        score.append_text(_meter(drama.tears))
        body = Text(
            "\n".join(
                f"• {views.reason(r, points=points, spoilers=spoilers)}" for r in result.reasons
            )
        )
        if spoilers and (drama.spoilers or drama.ending):
            told = ([f"Ending: {drama.ending}"] if drama.ending else []) + [
                clean(s) for s in drama.spoilers
            ]
            body.append("\n⚠ " + "\n⚠ ".join(told), style="red")
        shown.append(
            Panel(
                body,
                title=title,
                title_align="left",
                subtitle=score,
                subtitle_align="right",
                border_style="blue",
                padding=(0, 1),
            )
        )
    return Group(*shown)


def profile(found: Profile, watched: Collection[int] = ()) -> Panel:
    """An actor and their dramas, newest first, as one card."""
    parts: list[RenderableType] = []
    if found.aka:
        parts.append(_label("Also known as", " · ".join(clean(a) for a in found.aka)))
    for a in found.appearances:
        line = Text.assemble(
            (f"{a.drama.year}  ", "dim"),
            (clean(a.drama.title), "bold"),
            f" ({clean(a.drama.network)}) as {clean(a.role)}  ",
        )
        line.append_text(_meter(a.drama.tears))
        if a.position in watched:
            line.append("  ✓ watched", style="green")
        parts.append(line)
    title = Text(clean(found.name), style="bold")
    if found.hangul:
        title.append(f"  {clean(found.hangul)}", style="not bold")
    return Panel(
        Group(*parts), title=title, title_align="left", border_style="blue", padding=(1, 2)
    )


def listing(
    dramas: Sequence[tuple[int, Drama]],
    watched: Collection[int] = (),
    reasons: Mapping[int, Sequence[Reason]] | None = None,
) -> Table:
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD)
    columns = ["Title", "Year", "Network", "Era", "Tears", "Moods"]
    for column in [*columns, "Filters"] if reasons else columns:
        table.add_column(column)
    for position, drama in dramas:
        title = Text(clean(drama.title), style="bold")
        if position in watched:
            title.append(" ✓", style="green")
        row: list[RenderableType] = [
            title,
            str(drama.year),
            Text(clean(drama.network)),
            Text(views.era(drama)),
            _meter(drama.tears),
            Text(", ".join(clean(m) for m in drama.moods)),
        ]
        if reasons:
            row.append(Text(", ".join(views.reason(r) for r in reasons.get(position, ()))))
        table.add_row(*row)
    return table


def moods() -> Table:
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD)
    for column in ("Mood", "About", "Also matches"):
        table.add_column(column)
    for mood in MOODS:
        table.add_row(Text(mood.name, style="bold"), mood.description, ", ".join(mood.synonyms))
    return table


def eras() -> Table:
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD)
    for column in ("Era", "Hangul", "Years", "Also matches"):
        table.add_column(column)
    for era in ERAS:
        span = views.years(era)
        table.add_row(Text(era.name, style="bold"), era.hangul, span, ", ".join(era.aliases))
    return table
