"""The synthetic catalogue generator and the benchmark script."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter

import pytest

from cry_picker.errors import CatalogueError
from cry_picker.loader import parse_dramas

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


def test_the_generator_is_deterministic():
    assert generate(50, seed=3) == generate(50, seed=3)
    assert generate(50, seed=3) != generate(50, seed=4)


@pytest.mark.parametrize("count", [1, 10, 500])
def test_the_generated_catalogue_is_valid(count):
    try:
        dramas = parse_dramas(generate(count).encode(), "synthetic.toml")
    except CatalogueError as error:  # pragma: no cover - shows every problem if it fails
        pytest.fail(str(error))
    assert len(dramas) == count


def test_the_generated_catalogue_has_realistic_name_collisions():
    dramas = parse_dramas(generate(1000).encode(), "synthetic.toml")
    surnames = Counter(m.actor.split()[0] for d in dramas for m in d.cast)
    assert surnames.most_common(2)[0][0] == "Kim"
    assert surnames["Kim"] > 0.15 * sum(surnames.values())
    actors = Counter(m.actor for d in dramas for m in d.cast)
    assert actors.most_common(1)[0][1] >= 3  # the same actor in several dramas


@pytest.mark.slow
def test_the_benchmark_script_runs_and_reports_every_case():
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--runs", "1", "--cold-runs", "1",
         "--sizes", "30"],
        capture_output=True,
        text=True,
        check=True,
    )  # fmt: skip
    tables = [t.splitlines() for t in result.stdout.split("\n\n") if t.startswith("| ")]
    warm, cold, stages = tables
    assert len(warm) == 2 + 1 + 3 * 2 * 3  # header, rule, baseline, modes x catalogues x commands
    assert {row.split(" | ")[2] for row in warm[3:]} == {"pipe", "json", "terminal"}
    assert "| show | bundled | json |" in result.stdout
    assert "ok (<= 1.2x baseline)" in result.stdout or "MISSED (<= 1.2x baseline)" in result.stdout
    assert len(cold) == 2 + 1  # header, rule, the 30 dramas
    assert cold[0].startswith("| catalogue | first run s | peak MB | tomllib.load s | tomli.load s")
    assert cold[2].startswith("| 30 | ")
    assert [row.split(" | ")[0] for row in stages[2:]] == [
        "| start-up: importing typer and the command line",
        "| reading: parse, check and build the records (bundled and yours)",
        "| - of which tomli parsing your file alone",
        "| indexing titles and names",
        "| indexing the words of synopses",
        "| writing the cache",
        "| the catalogue open and cached",
    ]


@pytest.mark.slow
def test_the_stage_script_times_every_stage_of_a_first_run(tmp_path):
    path = tmp_path / "dramas.toml"
    path.write_text(generate(20), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "stages.py"), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    stages = json.loads(result.stdout)
    assert set(stages) == {
        "parser",
        "imports",
        "read",
        "index",
        "words",
        "cache",
        "total",
        "parse_alone",
    }
    assert all(stages[k] >= 0 for k in stages if k != "parser")
