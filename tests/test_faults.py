"""Every fault a user can cause ends in one clear line and the right exit status: hostile
catalogue files, files that are not files, broken filesystems, damaged caches and
outputs that cannot be written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cry_picker import loader
from cry_picker.cli.status import ExitStatus
from cry_picker.errors import CatalogueError

from .conftest import VALID_ENTRY

SCRIPT = shutil.which("cry-picker", path=str(Path(sys.executable).parent)) or "cry-picker"


def cli(*args: str, timeout: float = 20, **kwargs) -> subprocess.CompletedProcess[str]:
    """The installed script in a process of its own, which must end within `timeout`."""
    return subprocess.run(
        [SCRIPT, *args], capture_output=True, text=True, timeout=timeout, **kwargs
    )


def refusal(path: Path) -> CatalogueError:
    with pytest.raises(CatalogueError) as caught:
        loader.load_dramas(path)
    return caught.value


# --- hostile catalogue files --------------------------------------------------------------


def test_a_catalogue_nested_five_hundred_arrays_deep_is_invalid_with_its_line(run, tmp_path):
    path = tmp_path / "deep.toml"
    path.write_text(VALID_ENTRY + "spoilers = " + "[" * 500 + "]" * 500 + "\n")
    result = run("validate", str(path))
    assert result.exit_code == ExitStatus.USAGE
    line = VALID_ENTRY.count("\n") + 1
    assert result.stderr == (
        f"Error: {path}:{line}: arrays or inline tables nested too deeply to read\n"
    )


def test_an_integer_of_4301_digits_is_invalid_with_its_line(run, tmp_path):
    path = tmp_path / "digits.toml"
    path.write_text(VALID_ENTRY.replace("episodes", "x") + "episodes = " + "9" * 4301 + "\n")
    result = run("list", "--catalog", str(path))
    assert result.exit_code == ExitStatus.USAGE
    line = VALID_ENTRY.count("\n") + 1
    assert result.stderr == f"Error: {path}:{line}: an integer with more than 4,300 digits\n"


def test_a_file_beyond_the_size_limit_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "huge.toml"
    with path.open("wb") as sparse:
        sparse.truncate(loader.MAX_BYTES + 1)  # no disk space used, nothing to read
    (problem,) = refusal(path).problems
    assert str(problem) == f"{path}: is larger than 32 MiB, the most a catalogue may be"


def test_a_flood_of_problems_keeps_the_first_in_full_and_counts_the_rest(run, tmp_path):
    path = tmp_path / "empty-tables.toml"
    path.write_text("[[drama]]\n" * 20_000)
    error = refusal(path)
    assert len(error.problems) == loader.MAX_PROBLEMS
    assert error.more == 8 * 20_000 - loader.MAX_PROBLEMS  # eight required fields each
    lines = run("validate", str(path)).stderr.splitlines()
    assert len(lines) == 51
    assert lines[-1] == "Error: ... and 159,950 more problems in the same file"
    report = json.loads(run("validate", str(path), "--json").stdout)
    assert (len(report["problems"]), report["more_problems"]) == (200, 159_800)


def test_a_long_key_or_title_is_cut_in_the_message(tmp_path):
    path = tmp_path / "long.toml"
    title = "Tears " * 100_000
    path.write_text(VALID_ENTRY.replace("Test Drama", title) + "k" * 1_000_000 + " = 1\n")
    (problem,) = refusal(path).problems
    line = VALID_ENTRY.count("\n") + 1
    assert str(problem) == (
        f'{path}:{line}: drama #1 ("Tears Tears Tears Tears Tears Tears T..."): '
        f"cast[0].{'k' * 29}...: unknown key (known keys: actor, "
        "actor_hangul, aka, role)"
    )


# --- files that are not files -------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
@pytest.mark.parametrize("how", ["--catalog", "CRY_PICKER_CATALOG", "validate"])
def test_a_named_pipe_is_refused_at_once_however_it_is_named(tmp_path, how):
    fifo = tmp_path / "dramas.toml"
    os.mkfifo(fifo)
    if how == "--catalog":
        result = cli("list", "--catalog", str(fifo))
    elif how == "validate":
        result = cli("validate", str(fifo))
    else:
        result = cli("list", env={**os.environ, "CRY_PICKER_CATALOG": str(fifo)})
    assert result.returncode == ExitStatus.USAGE
    assert result.stderr == (
        f"Error: {fifo}: is a named pipe (FIFO), not a catalogue file; "
        "only regular files are read\n"
    )


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_at_once():
    result = cli("suggest", "--catalog", "/dev/zero", timeout=10)
    assert result.returncode == ExitStatus.USAGE
    assert result.stderr == (
        "Error: /dev/zero: is a device, not a catalogue file; only regular files are read\n"
    )
