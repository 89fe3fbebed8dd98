"""Catalogues themselves: `validate` a file, and `info` on where everything lives."""

from pathlib import Path
from typing import Annotated, Any

import typer

from .. import __version__
from ..errors import CatalogueError, Problem, StorageError
from .app import app
from .output import Output
from .report import cut, quoted, words
from .shared import CatalogOpt, JsonOpt, NoBundledOpt, open_catalogue, watched_log
from .status import ExitStatus
from .streams import say

MAX_NOTES = 20


def _problem(problem: Problem) -> dict[str, Any]:
    return {
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "entry": problem.entry,
        "title": problem.title,
        "field": problem.field,
        "message": problem.message,
        "text": str(problem),
    }


@app.command(rich_help_panel="Your catalogues")
def validate(
    path: Annotated[Path, typer.Argument(help="The catalogue file to check.")],
    as_json: JsonOpt = False,
) -> int:
    """Check a catalogue file and list every problem (file, line, entry, field).

    Exit status 0 when the file is valid, 2 when it is not.

    Example: cry-picker validate my-dramas.toml
    """
    from ..loader import load_dramas
    from ..terms import canonical_era, canonical_mood
    from ..vocab import era_names, mood_names

    out = Output.choose(as_json=as_json, empty="object")
    try:
        dramas = load_dramas(path)
    except CatalogueError as error:
        if out.json:
            problems = [_problem(p) for p in error.problems]
            out.data({"path": str(path), "valid": False, "dramas": 0, "problems": problems,
                      "more_problems": error.more})  # fmt: skip
        raise
    notes = []
    moods, eras = set(mood_names()), set(era_names())
    for number, drama in enumerate(dramas, start=1):
        for mood in drama.moods:
            if canonical_mood(mood) not in moods:
                notes.append(f'drama #{number} ("{cut(drama.title)}"): mood {quoted(mood)} is not '
                             "in the vocabulary; it will be matched as written")  # fmt: skip
        for era in drama.era:
            if canonical_era(era) not in eras:
                notes.append(f'drama #{number} ("{cut(drama.title)}"): era {quoted(era)} is not '
                             "in the vocabulary; it will be matched as written")  # fmt: skip
    for note in notes[:MAX_NOTES]:
        say(f"Note: {note}")
    if len(notes) > MAX_NOTES:
        say(f"Note: ... and {len(notes) - MAX_NOTES} more like these")
    if out.json:
        out.data({"path": str(path), "valid": True, "dramas": len(dramas), "problems": [],
                  "more_problems": 0})  # fmt: skip
    else:
        out.text(f"{path}: valid, {len(dramas)} drama{'s' if len(dramas) != 1 else ''}\n")
    return ExitStatus.OK


@app.command(rich_help_panel="Your catalogues")
def info(
    catalog: CatalogOpt = None,
    no_bundled: NoBundledOpt = False,
    as_json: JsonOpt = False,
) -> int:
    """Where the catalogues come from, how many dramas each holds, and where the watched
    log and the cache live.

    Example: cry-picker info --catalog my-dramas.toml
    """
    from ..paths import cache_dir, data_dir

    out = Output.choose(as_json=as_json, empty="object")
    catalogue = open_catalogue(catalog, no_bundled)
    log = watched_log()
    try:
        watched: int | None = len(log.records())
    except StorageError as error:
        say(f"Warning: {words(error).message}")
        watched = None
    cache = catalogue.cache_path
    cache_size = cache.stat().st_size if cache is not None and cache.exists() else None
    report = {
        "version": __version__,
        "catalogues": [
            {"path": s.path, "bundled": s.bundled, "dramas": s.dramas} for s in catalogue.sources
        ],
        "dramas": len(catalogue),
        "watched_log": str(log.path),
        "watched": watched,
        "cache": str(cache) if cache is not None else None,
        "cache_bytes": cache_size,
        "cache_dir": str(cache_dir()),
        "data_dir": str(data_dir()),
    }
    if out.json:
        out.data(report)
        return ExitStatus.OK
    lines = [f"cry-picker {__version__}"]
    for source in catalogue.sources:
        kind = "bundled catalogue" if source.bundled else "your catalogue"
        lines.append(f"{kind}: {source.path} ({source.dramas} dramas)")
    if len(catalogue.sources) > 1:
        lines.append(
            f"in use: {len(catalogue)} dramas (yours replace bundled ones of the same title)"
        )
    state = "not created yet" if watched is None or not log.path.exists() else f"{watched} records"
    lines.append(f"watched log: {log.path} ({state})")
    if cache is not None and cache_size is not None:
        lines.append(f"cache: {cache} ({cache_size / 1e6:.1f} MB)")
    else:
        lines.append(f"cache: none (cannot write to {cache_dir()}; every run parses the catalogue)")
    out.text("\n".join(lines) + "\n")
    return ExitStatus.OK
