"""Plain text for pipes and files: no colour, no boxes, one fact per line, never wrapped."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from ..model import Drama
from ..people import Profile
from ..results import Reason, Result
from ..vocab import ERAS, MOODS
from . import views
from .views import clean


def card(
    drama: Drama, *, spoilers: bool = False, watched: bool = False, reasons: Sequence[Reason] = ()
) -> str:
    title = clean(drama.title)
    if drama.hangul:
        title += f"  {clean(drama.hangul)}"
    if watched:
        title += "  [watched]"
    lines = [title]
    if reasons:
        lines.append(
            "Picked for: " + "; ".join(views.reason(r, spoilers=spoilers) for r in reasons)
        )
    if drama.alt_titles:
        lines.append("Also known as: " + " · ".join(clean(t) for t in drama.alt_titles))
    lines.append(views.facts(drama))
    lines.append("Era: " + views.era(drama))
    lines.append("Tears: " + views.tear_meter(drama.tears))
    lines.append("Moods: " + ", ".join(clean(m) for m in drama.moods))
    lines.append("Cast:")
    lines.extend(f"  - {views.person(m)}" for m in drama.cast)
    lines.append("Synopsis: " + clean(drama.synopsis))
    if drama.why_cry:
        lines.append("Why you will cry: " + clean(drama.why_cry))
    lines.extend(_spoilers(drama, spoilers, indent=""))
    return "\n".join(lines) + "\n"


def _spoilers(drama: Drama, shown: bool, indent: str) -> list[str]:
    if not drama.spoilers and not drama.ending:
        return []
    if not shown:
        return [f"{indent}(spoilers hidden; add --spoilers to see them)"]
    ending = [f"{indent}  ! Ending: {drama.ending}"] if drama.ending else []
    return [f"{indent}SPOILERS:", *ending, *(f"{indent}  ! {clean(s)}" for s in drama.spoilers)]


def ranked(
    results: Sequence[Result],
    spoilers: bool = False,
    watched: Collection[int] = (),
    points: bool = False,
) -> str:
    lines: list[str] = []
    for rank, result in enumerate(results, start=1):
        mark = "  [watched]" if result.position in watched else ""
        lines.append(
            f"{rank}. {views.heading(result.drama)}  score {result.score}  "
            f"{views.tear_meter(result.drama.tears)}{mark}"
        )
        lines.extend(
            f"   - {views.reason(r, points=points, spoilers=spoilers)}" for r in result.reasons
        )
        if spoilers:
            lines.extend(_spoilers(result.drama, True, indent="   "))
    return "\n".join(lines) + "\n"


def listing(
    dramas: Sequence[tuple[int, Drama]],
    watched: Collection[int] = (),
    reasons: Mapping[int, Sequence[Reason]] | None = None,
) -> str:
    """One line a drama; the filters it passed at the end of its line."""
    lines = []
    for position, drama in dramas:
        line = views.one_line(drama)
        passed = (reasons or {}).get(position, ())
        if passed:
            line += " · " + ", ".join(views.reason(r) for r in passed)
        lines.append(line + ("  [watched]" if position in watched else "") + "\n")
    return "".join(lines)


def moods() -> str:
    return "".join(f"{m.name}: {m.description}. Also: {', '.join(m.synonyms)}\n" for m in MOODS)


def eras() -> str:
    lines = []
    for era in ERAS:
        span = views.years(era)
        lines.append(f"{era.name} {era.hangul} ({span}). Also: {', '.join(era.aliases)}\n")
    return "".join(lines)


def profile(found: Profile, watched: Collection[int] = ()) -> str:
    name = clean(found.name) + (f"  {clean(found.hangul)}" if found.hangul else "")
    lines = [name]
    if found.aka:
        lines.append("Also known as: " + " · ".join(clean(a) for a in found.aka))
    count = len(found.appearances)
    lines.append(f"{count} drama{'s' if count != 1 else ''} in the catalogue, newest first:")
    for a in found.appearances:
        mark = "  [watched]" if a.position in watched else ""
        lines.append(
            f"  {a.drama.year}  {clean(a.drama.title)} ({clean(a.drama.network)}) as "
            f"{clean(a.role)}  {views.tear_meter(a.drama.tears)}{mark}"
        )
    return "\n".join(lines) + "\n"
