"""Tab-completion callbacks (Typer's --install-completion wires them into the shell).

Shells keep only candidates that start with what was typed, so these do the same:
titles and other titles as written, moods and eras by name or by any alias.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

import typer

from ..errors import CryPickerError
from ..vocab import ERAS, MOODS


def _starting(candidates: Iterable[str], incomplete: str) -> list[str]:
    return list(dict.fromkeys(c for c in candidates if c.startswith(incomplete)))


def titles(ctx: typer.Context, incomplete: str) -> list[str]:
    """Titles, then other titles, of the catalogue being used (honouring --catalog,
    --no-bundled and CRY_PICKER_CATALOG as typed so far)."""
    from ..catalogue import open_catalogue
    from ..paths import cache_dir

    params = getattr(ctx, "params", None) or {}
    catalog = params.get("catalog") or os.environ.get("CRY_PICKER_CATALOG") or None
    try:
        catalogue = open_catalogue(
            Path(catalog) if catalog else None,
            bundled=not params.get("no_bundled"),
            cache_dir=cache_dir(),
        )
    except CryPickerError:
        return []
    found = _starting(catalogue.index.titles, incomplete)
    if incomplete:
        alternatives = (d.alt_titles for d in catalogue) if len(catalogue) <= 1000 else ()
        found += [t for t in _starting((t for ts in alternatives for t in ts), incomplete)
                  if t not in found]  # fmt: skip
    return found


def moods(incomplete: str) -> list[str]:
    names = [m.name for m in MOODS]
    if not incomplete:
        return names
    return _starting([*names, *(s for m in MOODS for s in m.synonyms)], incomplete)


def eras(incomplete: str) -> list[str]:
    names = [e.name for e in ERAS]
    if not incomplete:
        return names
    return _starting([*names, *(a for e in ERAS for a in e.aliases)], incomplete)
