"""Subprocess smoke tests of the installed `cry-picker` script and `python -m cry_picker`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cry_picker import __version__

SCRIPT = shutil.which("cry-picker", path=str(Path(sys.executable).parent)) or "cry-picker"
pytestmark = pytest.mark.slow


def cli(*args: str, **kwargs):
    return subprocess.run([SCRIPT, *args], capture_output=True, text=True, **kwargs)


def test_the_installed_script_prints_its_version():
    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout == f"cry-picker {__version__}\n"


def test_python_dash_m_runs_the_same_app():
    result = subprocess.run(
        [sys.executable, "-m", "cry_picker", "suggest", "--mood", "grief", "--limit", "1"],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("1. Hi Bye, Mama (2020, tvN)")


def test_errors_are_one_line_and_no_traceback():
    result = cli("show", "Zzyzx Qwerty")
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "Error: no drama called 'Zzyzx Qwerty' in the catalogue"
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args", [["suggest"], ["list"], ["show", "Radiant"], ["search", "Lee", "--json"], ["moods"]]
)
def test_a_closed_pipe_ends_quietly(args):
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first byte is written
    try:
        result = subprocess.run(
            [SCRIPT, *args], stdout=write_end, stderr=subprocess.PIPE, text=True
        )
    finally:
        os.close(write_end)
    assert result.returncode == 0
    assert result.stderr == ""


def test_piping_into_head_prints_the_first_line_only():
    shell = shutil.which("sh")
    if shell is None:
        pytest.skip("no POSIX shell")
    result = subprocess.run(
        [shell, "-c", f'"{SCRIPT}" list | head -1'], capture_output=True, text=True
    )
    assert result.stdout.startswith("Hi Bye, Mama (2020, tvN)")
    assert result.stdout.count("\n") == 1
    assert result.stderr == ""


def test_utf8_output_whatever_the_locale():
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    result = subprocess.run([SCRIPT, "show", "Radiant"], capture_output=True, env=env)
    assert result.returncode == 0
    assert "눈이 부시게".encode() in result.stdout


def test_a_large_output_reaches_a_pipe_whole_before_the_quick_exit():
    result = cli("list", "--json")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)) >= 105  # every byte flushed before the exit


def test_a_run_that_writes_the_watched_log_exits_normally_with_it_written(tmp_path):
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    assert cli("watched", "add", "Radiant", env=env).returncode == 0
    assert "Radiant" in cli("watched", "list", env=env).stdout
