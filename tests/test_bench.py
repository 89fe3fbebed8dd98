"""The synthetic catalogue generator and the benchmark script."""

from __future__ import annotations

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
        [sys.executable, str(ROOT / "bench" / "run.py"), "--runs", "1", "--sizes", "30"],
        capture_output=True,
        text=True,
        check=True,
    )
    rows = [line for line in result.stdout.splitlines() if line.startswith("| ")]
    assert len(rows) == 2 + 1 + 2 * 2 * 3  # header, rule, baseline, modes x sizes x commands
    assert "Cold first run, 30 dramas" in result.stdout
