"""The core never imports typer or rich, and commands import only what they need."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

CORE = [
    "cry_picker.model", "cry_picker.errors", "cry_picker.text", "cry_picker.vocab",
    "cry_picker.terms", "cry_picker.loader", "cry_picker.index", "cry_picker.cache",
    "cry_picker.catalogue", "cry_picker.match", "cry_picker.suggest", "cry_picker.similar",
    "cry_picker.watched", "cry_picker.paths",
]  # fmt: skip


def imported_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    probe = f"{code}\nimport sys\nprint(' '.join(sorted(sys.modules)), file=sys.stderr)"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    return set(result.stderr.split())


def test_the_core_imports_neither_typer_nor_rich():
    modules = imported_after("\n".join(f"import {m}" for m in CORE))
    assert not {m for m in modules if m.split(".")[0] in {"typer", "rich", "click"}}


@pytest.mark.parametrize(
    ("args", "unwanted"),
    [
        (["search", "Lee Jong Suk", "--json"], {"rich"}),
        (["suggest", "--mood", "grief"], {"rich", "rapidfuzz", "tomllib", "filelock"}),
        (["show", "Mr. Sunshine"], {"rich", "rapidfuzz", "tomllib", "filelock"}),
    ],
)
def test_a_command_in_a_pipe_imports_nothing_it_does_not_need(args, unwanted):
    code = (
        "import sys\nfrom cry_picker.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit:\n    pass"
    )
    env = {"TTY_COMPATIBLE": "0"}
    imported_after(code, env)  # the first run writes the cache
    modules = imported_after(code, env)
    assert not {m for m in modules if m.split(".")[0] in unwanted}


def test_ranked_cards_on_a_terminal_do_without_rich_tables():
    code = (
        "import sys\nfrom cry_picker.cli import app\n"
        "try:\n    app(['suggest', '--mood', 'grief'])\nexcept SystemExit:\n    pass"
    )
    modules = imported_after(code, {"TTY_COMPATIBLE": "1"})
    assert "rich.console" in modules
    assert "rich.table" not in modules
