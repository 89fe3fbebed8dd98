"""Catalogues themselves: `validate` a file, and `info` on where everything lives."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from .. import __version__
from ..errors import CatalogueError, Problem, StorageError
from .app import CryPickerCommand, app
from .output import Output
from .report import cut, quoted, words
from .shared import CatalogOpt, JsonOpt, NoBundledOpt, open_catalogue, watched_log
from .status import ExitStatus
from .streams import say

if TYPE_CHECKING:
    from ..review import Remark

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


def _remark(remark: Remark) -> str:
    entry = f'drama #{remark.entry} ("{cut(remark.title)}")'
    if remark.kind == "replaces":
        return f'{entry} replaces the bundled "{cut(remark.word)}" when merged over it'
    if remark.kind == "shadowed":
        return (
            f"{entry}: other title {quoted(remark.word)} is the title of the bundled "
            f'"{cut(remark.closest or "")}", which it will open when merged'
        )
    if remark.kind == "shared":
        return (
            f"{entry}: other title {quoted(remark.word)} is also one of the bundled "
            f'"{cut(remark.closest or "")}"; typed alone, it will ask which one you mean'
        )
    where = f"{entry}: {remark.kind} {quoted(remark.word)} is not in the vocabulary"
    if remark.closest is not None:
        return f"{where}; did you mean '{remark.closest}'?"
    return f"{where}; it will be matched as written"


@app.command(cls=CryPickerCommand, rich_help_panel="Your catalogues")
def validate(
    path: Annotated[Path, typer.Argument(help="The catalogue file to check.")],
    as_json: JsonOpt = False,
) -> int:
    """Check a catalogue file and list every problem (file, line, entry, field).

    Exit status 0 when the file is valid, 2 when it is not.

    Example: cry-picker validate my-dramas.toml
    """
    from ..loader import load_dramas
    from ..review import review

    out = Output.choose(as_json=as_json, empty="object")
    try:
        dramas = load_dramas(path)
    except CatalogueError as error:
        if out.json:
            problems = [_problem(p) for p in error.problems]
            out.data({"path": str(path), "valid": False, "dramas": 0, "problems": problems,
                      "more_problems": error.more})  # fmt: skip
        raise
    remarks = review(dramas, list(open_catalogue()))
    for remark in remarks[:MAX_NOTES]:
        say(f"Note: {_remark(remark)}")
    if len(remarks) > MAX_NOTES:
        say(f"Note: ... and {len(remarks) - MAX_NOTES} more like these")
    if out.json:
        notes = [{**remark._asdict(), "text": _remark(remark)} for remark in remarks]
        out.data(
            {"path": str(path), "valid": True, "dramas": len(dramas), "problems": [],
             "more_problems": 0, "notes": notes}
        )  # fmt: skip
    else:
        out.text(f"{path}: valid, {len(dramas)} drama{'s' if len(dramas) != 1 else ''}\n")
    return ExitStatus.OK


@app.command(cls=CryPickerCommand, rich_help_panel="Your catalogues")
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
