"""Shared fixtures: every test runs with its own data and cache directories, a fixed
terminal width, no colour, and no catalogue from the environment."""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from cry_picker.catalogue import Catalogue, open_catalogue
from cry_picker.loader import bundled_path

from . import factsheet

ROOT = factsheet.ROOT
SHARED = factsheet.SHARED  # ../shared, when it is there

TEN = Path(__file__).resolve().parent / "fixtures" / "ten.toml"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("CRY_PICKER_CATALOG", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    return home


@pytest.fixture(autouse=True)
def own_catalogue(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run on a catalogue they own (tests/fixtures/ten.toml) in place of the bundled
    one, so that the bundled catalogue can grow without changing what they assert. Tests
    of the bundled catalogue itself are marked `real_catalogue`."""
    if request.node.get_closest_marker("real_catalogue") is None:
        monkeypatch.setattr("cry_picker.loader.bundled_path", lambda: TEN)


@pytest.fixture(params=["tomli", "tomllib"])
def toml_parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test with tomli, and again as if tomli were not installed (the fallback)."""
    from cry_picker.loader import toml_parser

    if request.param == "tomllib":
        monkeypatch.setitem(sys.modules, "tomli", None)  # `import tomli` fails
    assert toml_parser().__name__ == request.param
    return str(request.param)


@pytest.fixture(scope="session")
def ten() -> Catalogue:
    """The tests' own ten-drama catalogue, parsed once per session (no cache involved)."""
    return open_catalogue(TEN, bundled=False)


@pytest.fixture(scope="session")
def real_bundled() -> Catalogue:
    """The catalogue cry-picker ships, parsed once per session."""
    return open_catalogue(bundled_path())


@pytest.fixture
def write_catalogue(tmp_path: Path) -> Callable[[str], Path]:
    """Write TOML text (dedented) to a file and return its path."""
    counter = iter(range(1_000_000))

    def write(text: str, name: str | None = None) -> Path:
        path = tmp_path / (name or f"catalogue-{next(counter)}.toml")
        path.write_text(textwrap.dedent(text).lstrip(), encoding="utf-8")
        return path

    return write


ARTICLE_ORDER = [
    "Hi Bye, Mama",
    "Youth of May",
    "Uncontrollably Fond",
    "The Smile Has Left Your Eyes",
    "Mr. Sunshine",
    "Queen for 7 Days",
    "Radiant",
    "Scarlet Heart: Goryeo",
    "The Red Sleeve",
    "Death Song",
]

VALID_ENTRY = """
[[drama]]
title = "Test Drama"
year = 2020
network = "tvN"
era = "Contemporary"
moods = ["grief", "family", "healing"]
tears = 3
synopsis = "Somebody is sad."

[[drama.cast]]
actor = "Kim Test"
role = "Lead"
"""


@pytest.fixture
def run():
    """Invoke the CLI in-process; stdout is not a terminal unless TTY_COMPATIBLE=1."""
    from typer.testing import CliRunner

    from cry_picker.cli import app

    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None, input: str | None = None):
        return runner.invoke(app, list(args), env=env, input=input, catch_exceptions=False)

    return invoke


def said(result, *, points: bool = False) -> list[str]:
    """A result's reasons in the words the text output uses."""
    from cry_picker.cli.views import reason

    return [reason(r, points=points) for r in result.reasons]
