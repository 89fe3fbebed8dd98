"""Pieces of text shared by the plain and the rich renderers (no rich here)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from ..model import CastMember, Drama
from ..results import Kind, Reason
from ..text import strip_control
from ..vocab import Era

DROP, EMPTY = "💧", "·"


def clean(text: str | None) -> str:
    """Catalogue text as it may be shown: control characters and escapes removed."""
    return strip_control(text or "")


def tear_meter(tears: int) -> str:
    return DROP * tears + EMPTY * (5 - tears) + f" {tears}/5"


def heading(drama: Drama) -> str:
    """ "Mr. Sunshine (2018, tvN)"."""
    return f"{clean(drama.title)} ({drama.year}, {clean(drama.network)})"


def facts(drama: Drama) -> str:
    """ "tvN · 2018 · 24 episodes"."""
    parts = [clean(drama.network), str(drama.year)]
    if drama.episodes:
        parts.append(f"{drama.episodes} episode{'s' if drama.episodes != 1 else ''}")
    return " · ".join(parts)


def era(drama: Drama) -> str:
    """ "Korean Empire, Joseon · set in 1871-1907"."""
    text = ", ".join(clean(e) for e in drama.era)
    if drama.period:
        text += f" · set in {span(drama.period)}"
    return text


def person(member: CastMember) -> str:
    """ "Lee Jong-suk (이종석) as Kim Woo-jin"."""
    name = clean(member.actor)
    if member.actor_hangul:
        name += f" ({clean(member.actor_hangul)})"
    return f"{name} as {clean(member.role)}"


def one_line(drama: Drama) -> str:
    """A drama on one line, for `list`."""
    moods = ", ".join(clean(m) for m in drama.moods)
    return f"{heading(drama)} · {era(drama)} · {tear_meter(drama.tears)} · {moods}"


def years(era: Era) -> str:
    """ "918-1392", or "57 BCE-668" for an era that starts before the common era."""
    start = f"{era.start}" if era.start >= 0 else f"{-era.start} BCE"
    return f"{start}-{era.end}"


_HANGUL = re.compile("[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")


def span(years: tuple[int, int] | list[int]) -> str:
    """ "1871-1907", or "1980" for a single year."""
    first, last = years
    return str(first) if first == last else f"{first}-{last}"


def reason(item: Reason, *, points: bool = False, spoilers: bool = False) -> str:
    """A reason in words: "mood: grief, #1 of its 4 moods (+80)". A drama's own ending
    is said only with `spoilers`; otherwise what was asked for."""
    if item.kind is Kind.ENDING and spoilers and item.items:
        item = replace(item, subject=item.items[0])
    text = _REASONS[item.kind](item)
    if item.filter:
        text += " (filter)"
    elif points and item.kind is not Kind.CRY:
        text += f" (+{item.points})"
    return clean(text)


def _actor(item: Reason) -> str:
    text = f"actor: {item.subject}"
    if item.via:
        text += f" ({item.via})" if _HANGUL.search(item.via) else f" (also known as {item.via})"
    return text + (f" as {item.role}" if item.role else "")


def _mood(item: Reason) -> str:
    label = item.subject if item.typed is None else f"{item.subject} (from '{item.typed}')"
    if item.rank is None:
        return f"mood: {label}, not among its moods"
    return f"mood: {label}, #{item.rank} of its {item.count} moods"


def _era(item: Reason) -> str:
    if item.years is not None and item.via == "aired":
        return f"era: present day, aired {span(item.years)}, within {item.subject}"
    if item.years is not None:
        years = span(item.years)
        if years == item.subject:
            return f"era: set in {years}"
        how = "overlapping" if item.via == "overlaps" else "within"
        return f"era: set in {years}, {how} {item.subject}"
    if item.via == "spans":
        return f"era: {item.subject}, which spans {item.typed}"
    if item.typed is not None:
        return f"era: {item.subject} (from '{item.typed}')"
    return f"era: {item.subject}"


def _shared_era(item: Reason) -> str:
    if item.items:
        return "both " + " and ".join(item.items)
    if item.gap is None:
        return "different eras"
    return f"set {item.gap} years apart" if item.gap else "set in overlapping years"


def _shared_cast(item: Reason) -> str:
    verb = "is" if len(item.items) == 1 else "are"
    return f"{' and '.join(item.items)} {verb} in both"


def _surname(item: Reason) -> str:
    people = ", ".join(item.items) or "someone in the cast"
    return f"actor: surname only ({people}); type a full name for a confident match"


_REASONS: dict[Kind, Callable[[Reason], str]] = {
    Kind.TITLE: lambda r: f"title: {r.subject}",
    Kind.ALT_TITLE: lambda r: f"also known as: {r.subject}",
    Kind.HANGUL_TITLE: lambda r: f"hangul title: {r.subject}",
    Kind.ACTOR: _actor,
    Kind.ROLE: lambda r: f"role: {r.subject} (played by {r.actor})",
    Kind.SURNAME: _surname,
    Kind.MOOD: _mood,
    Kind.CRY: lambda r: f"you asked to cry ('{r.typed or r.subject}'): ranked by tears",
    Kind.ERA: _era,
    Kind.TEARS: lambda r: f"tears: {r.subject}/5",
    Kind.SYNOPSIS: lambda r: f"synopsis mentions: {', '.join(r.items)}",
    Kind.WHY_CRY: lambda r: f"why you will cry mentions: {', '.join(r.items)}",
    Kind.SHARED_MOODS: lambda r: (
        ("both: " + ", ".join(r.items)) if r.items else "no moods in common"
    ),
    Kind.SHARED_ERA: _shared_era,
    Kind.SHARED_CAST: _shared_cast,
    Kind.SIMILAR_TEARS: lambda r: f"tears: {r.items[0]} and {r.items[1]}",
    Kind.AIRED: lambda r: f"aired {r.subject}",
    Kind.NETWORK: lambda r: f"on {r.subject}",
    Kind.EPISODES: lambda r: f"{r.subject} episodes",
    Kind.ENDING: lambda r: f"ending: {r.subject}",
}
