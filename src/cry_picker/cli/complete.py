"""Tab completion: the callbacks, and the bash script.

Candidates match what was typed from the start, ignoring case, so `show mr<TAB>` offers
"mr. Sunshine": the typed letters are kept as typed (Typer passes on only candidates that
begin with them) and the rest comes from the catalogue; titles resolve whatever their case.

Typer's `--install-completion` writes the zsh, fish and PowerShell scripts, which quote
candidates. Its bash script inserts them unquoted, so a title with spaces would become
several arguments; for bash, cry-picker installs `BASH_SCRIPT` instead, which escapes each
candidate (`mr.\\ Sunshine`) through the same completion protocol.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from .. import atomic
from ..errors import CryPickerError
from ..vocab import ERAS, MOODS, ending_names

if TYPE_CHECKING:
    from ..catalogue import Catalogue

BASH_SCRIPT = """\
_cry_picker_completion() {
    local IFS=$'\\n' candidate
    COMPREPLY=()
    for candidate in $(env COMP_WORDS="${COMP_WORDS[*]}" COMP_CWORD=$COMP_CWORD \\
                           _CRY_PICKER_COMPLETE=complete_bash "$1"); do
        COMPREPLY+=("$(printf '%q' "$candidate")")
    done
    return 0
}
complete -o default -F _cry_picker_completion cry-picker
"""


def _starting(candidates: Iterable[str], incomplete: str) -> list[str]:
    """Candidates that begin with what was typed, ignoring case, spelled with the typed
    letters first."""
    typed = incomplete.casefold()
    found = [c for c in dict.fromkeys(candidates) if c.casefold().startswith(typed)]
    return [incomplete + c[len(incomplete) :] for c in found]


def install_bash() -> Path:
    """Write the bash script where Typer puts its own, and source it from ~/.bashrc."""
    target = Path.home() / ".bash_completions" / "cry-picker.sh"
    target.parent.mkdir(parents=True, exist_ok=True)
    atomic.write(target, BASH_SCRIPT.encode(), prefix=".cry-picker-", durable=True)
    rc = Path.home() / ".bashrc"
    line = f"source '{target}'"
    existing = rc.read_text(encoding="utf-8") if rc.is_file() else ""
    if line not in existing:
        with rc.open("a", encoding="utf-8") as handle:
            handle.write(f"\n{line}\n")
    return target


def _catalogue(ctx: typer.Context) -> Catalogue | None:
    """The catalogue being used, honouring --catalog, --no-bundled and
    CRY_PICKER_CATALOG as typed so far; None when it cannot be read."""
    from ..catalogue import open_catalogue
    from ..paths import cache_dir

    params = getattr(ctx, "params", None) or {}
    catalog = params.get("catalog") or os.environ.get("CRY_PICKER_CATALOG") or None
    try:
        return open_catalogue(
            Path(catalog) if catalog else None,
            bundled=not params.get("no_bundled"),
            cache_dir=cache_dir(),
        )
    except CryPickerError:
        return None


def titles(ctx: typer.Context, incomplete: str) -> list[str]:
    """Titles, then other titles, of the catalogue being used."""
    catalogue = _catalogue(ctx)
    if catalogue is None:
        return []
    found = _starting(catalogue.index.titles, incomplete)
    if incomplete:
        alternatives = (d.alt_titles for d in catalogue) if len(catalogue) <= 1000 else ()
        found += [t for t in _starting((t for ts in alternatives for t in ts), incomplete)
                  if t not in found]  # fmt: skip
    return found


def actors(ctx: typer.Context, incomplete: str) -> list[str]:
    """Actors' names in the catalogue being used."""
    catalogue = _catalogue(ctx)
    if catalogue is None:
        return []
    names = sorted({m.actor for d in catalogue for m in d.cast}, key=str.casefold)
    return _starting(names, incomplete)


def networks(ctx: typer.Context, incomplete: str) -> list[str]:
    """Networks in the catalogue being used."""
    catalogue = _catalogue(ctx)
    if catalogue is None:
        return []
    return _starting(sorted(set(catalogue.index.networks), key=str.casefold), incomplete)


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


def endings(incomplete: str) -> list[str]:
    return _starting(ending_names(), incomplete)


def sorts(incomplete: str) -> list[str]:
    from ..listing import SORTS

    return _starting(SORTS, incomplete)
