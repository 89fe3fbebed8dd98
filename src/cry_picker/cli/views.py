"""Pieces of text shared by the plain and the rich renderers (no rich here)."""

from __future__ import annotations

from ..model import CastMember, Drama
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
        first, last = drama.period
        text += f" · set in {first}" if first == last else f" · set in {first}-{last}"
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
