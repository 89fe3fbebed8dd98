"""The core never imports typer or rich, and commands import only what they need."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(__file__).resolve().parents[1] / "src" / "cry_picker"
CORE = sorted(
    f"cry_picker.{p.stem}" for p in SOURCE.glob("*.py") if p.stem not in {"__init__", "__main__"}
)
MARK = "MODULES:"


def imported_after(code: str, env: dict[str, str] | None = None) -> set[str]:
    """The modules loaded after running `code` in a fresh interpreter, which must succeed."""
    probe = f"{code}\nimport sys\nprint({MARK!r}, ' '.join(sorted(sys.modules)), file=sys.stderr)"
    result = subprocess.run(
        [sys.executable, "-c", probe],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )
    assert result.returncode == 0, result.stderr
    # After a progress bar, the mark may follow the escape codes that took it away.
    lines = [line.partition(MARK)[2] for line in result.stderr.splitlines() if MARK in line]
    assert lines, result.stderr
    return set(lines[-1].split())


def test_the_core_is_every_module_outside_the_cli():
    assert {"cry_picker.titles", "cry_picker.search", "cry_picker.schema"} <= set(CORE)
    assert not [m for m in CORE if m.startswith("cry_picker.cli")]


def test_a_failing_import_fails_the_probe():
    with pytest.raises(AssertionError):
        imported_after("import cry_picker.no_such_module")


CORE_WORDS = re.compile(r"--[a-z][a-z-]+|CRY_PICKER_[A-Z]+|XDG_[A-Z]+|`cry-picker ")


@pytest.mark.parametrize("module", CORE)
def test_the_core_never_names_a_flag_a_command_or_an_environment_variable(module):
    source = (SOURCE / f"{module.split('.')[1]}.py").read_text(encoding="utf-8")
    code = "\n".join(line for line in source.splitlines() if not line.lstrip().startswith("#"))
    assert not CORE_WORDS.findall(code), module


def test_the_core_imports_neither_typer_nor_rich():
    modules = imported_after("\n".join(f"import {m}" for m in CORE))
    assert not {m for m in modules if m.split(".")[0] in {"typer", "rich", "click"}}


@pytest.mark.parametrize(
    ("args", "unwanted"),
    [
        (["search", "Lee Jong Suk", "--json"], {"rich"}),
        (["suggest", "--mood", "grief"], {"rich", "rapidfuzz", "tomllib", "tomli", "filelock"}),
        (["show", "Mr. Sunshine"], {"rich", "rapidfuzz", "tomllib", "tomli", "filelock"}),
    ],
)
def test_a_command_in_a_pipe_imports_nothing_it_does_not_need(args, unwanted):
    code = (
        "import sys\nfrom cry_picker.cli import app\n"
        f"try:\n    app({args!r})\nexcept SystemExit as exit:\n    assert exit.code == 0, exit.code"
    )
    env = {"TTY_COMPATIBLE": "0"}
    imported_after(code, env)  # the first run writes the cache
    modules = imported_after(code, env)
    assert not {m for m in modules if m.split(".")[0] in unwanted}


@pytest.mark.parametrize(
    "args", [["suggest", "--mood", "grief"], ["search", "Lee Jong Suk"], ["show", "Mr. Sunshine"]]
)
def test_cards_on_a_terminal_import_only_the_rich_modules_they_render(args):
    code = (
        "import sys\nfrom cry_picker.cli import app\n"
        f"try:\n    app({args!r})\n"
        "except SystemExit as exit:\n    assert exit.code == 0, exit.code"
    )
    modules = imported_after(code, {"TTY_COMPATIBLE": "1"})
    assert {"rich.console", "rich.panel", "rich.text"} <= modules
    # rich before 15 loads its table module with its console; we add no table of our own,
    # and no progress bar, live display or syntax highlighting either.
    needed_by_rich = imported_after("import rich.console")
    unwanted = {"rich.table", "rich.progress", "rich.live", "rich.syntax", "rich.markdown"}
    assert not unwanted & (modules - needed_by_rich)


def test_the_progress_bar_is_imported_only_when_a_slow_first_read_shows_it(tmp_path):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    from generate import generate

    big = tmp_path / "big.toml"
    big.write_text(generate(1500), encoding="utf-8")  # more than a megabyte: a slow read
    assert big.stat().st_size > 1 << 20

    def loads_progress(args: list[str], terminal: str) -> bool:
        code = (
            "from cry_picker.cli import app\n"
            f"try:\n    app({args!r})\nexcept SystemExit as exit:\n    assert exit.code == 0"
        )
        return "rich.progress" in imported_after(code, {"TTY_COMPATIBLE": terminal})

    assert not loads_progress(["show", "Mr. Sunshine"], "1")  # the bundled ones read quickly
    search = ["search", "Kim", "--catalog", str(big)]
    assert not loads_progress(search, "0")  # slow, but nobody is watching
    assert loads_progress([*search, "--no-bundled"], "1")
    assert not loads_progress([*search, "--no-bundled"], "1")  # cached now
