"""Tab-completion callbacks (Typer's --install-completion wires them into the shell)."""

from __future__ import annotations

from ..errors import CryPickerError
from ..text import fold
from ..vocab import ERAS, MOODS


def _matching(candidates: list[str], incomplete: str) -> list[str]:
    typed = fold(incomplete)
    starts = [c for c in candidates if fold(c).startswith(typed)]
    if starts or not typed:
        return starts
    return [c for c in candidates if typed in fold(c)]


def titles(incomplete: str) -> list[str]:
    """Titles and other known titles of the catalogue's dramas."""
    from ..catalogue import open_catalogue
    from ..paths import cache_dir

    try:
        catalogue = open_catalogue(cache_dir=cache_dir())
    except CryPickerError:
        return []
    names = list(catalogue.index.titles)
    return _matching(names, incomplete)


def moods(incomplete: str) -> list[str]:
    return _matching([m.name for m in MOODS], incomplete)


def eras(incomplete: str) -> list[str]:
    return _matching([e.name for e in ERAS], incomplete)
