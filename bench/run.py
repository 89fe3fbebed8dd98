"""Whole-process timings of cry-picker against the smallest Typer app, in the same venv.

    python bench/run.py                 # 15 interleaved rounds, prints a Markdown table
    python bench/run.py --runs 31 --out bench/out/results.md

Each case is a fresh process running the installed `cry-picker` script into /dev/null,
in two modes: "pipe" (plain text, what a script or `| head` gets) and "terminal" (rich
cards, forced with TTY_COMPATIBLE=1, what a person at a terminal sees). Cases are
interleaved round by round so that a slow moment on the machine hits them all alike;
the figure is the median wall time. Peak memory is each process's own max RSS (wait4).

The baseline is a Typer app with two commands that print their argument. Targets, from
the issue: with the bundled catalogue every command within 1.3x the baseline; with
10,000 dramas (cache warm) within 2x the same command on the bundled catalogue and
under 150 MB. The cold first run on 10,000 is reported separately.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
BASELINE = """\
import typer

app = typer.Typer()


@app.command()
def hello(name: str) -> None:
    print(name)


@app.command()
def goodbye(name: str) -> None:
    print(name)


app()
"""
COMMANDS = {
    "show": ["show", "Mr. Sunshine"],
    "suggest": ["suggest", "--mood", "grief"],
    "search": ["search", "Lee Jong Suk"],
}
TARGET_BUNDLED, TARGET_SCALE, TARGET_MB = 1.3, 2.0, 150


MODES = {"pipe": "0", "terminal": "1"}


@dataclass
class Case:
    name: str
    catalogue: str  # "bundled", "1,000", ...
    mode: str  # "pipe" or "terminal"
    argv: list[str]
    times: list[float]
    peaks: list[float]


def run_once(argv: list[str], env: dict[str, str], mode: str = "pipe") -> tuple[float, float]:
    """Wall seconds and peak RSS in MB of one process."""
    env = {**env, "TTY_COMPATIBLE": MODES[mode]}
    start = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    stderr = process.stderr.read().decode() if process.stderr else ""
    if process.stderr:
        process.stderr.close()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({process.returncode}): {stderr}")
    return elapsed, usage.ru_maxrss / 1024  # KiB on Linux


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15, help="interleaved rounds (default 15)")
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--out", type=Path, help="also write the table to this file")
    args = parser.parse_args(argv)

    script = shutil.which("cry-picker", path=str(Path(sys.executable).parent))
    if script is None:
        raise SystemExit("cry-picker is not installed in this Python's environment")
    work = Path(tempfile.mkdtemp(prefix="cry-picker-bench-"))
    try:
        print(render(measure(script, work, args.runs, args.sizes), args.runs), end="")
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(script: str, work: Path, runs: int, sizes: list[int]) -> dict[str, object]:
    baseline = work / "baseline.py"
    baseline.write_text(BASELINE)
    env = {
        **os.environ,
        "XDG_CACHE_HOME": str(work / "cache"),
        "XDG_DATA_HOME": str(work / "data"),
        "COLUMNS": "100",
    }
    env.pop("NO_COLOR", None)
    env.pop("CRY_PICKER_CATALOG", None)
    # Measure what an installed user runs: compiled bytecode, as pip writes it.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    import cry_picker

    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(Path(cry_picker.__file__).parent)],
        env=env,
        check=True,
    )
    catalogues: list[tuple[str, list[str]]] = [("bundled", [])]
    for size in sizes:
        path = work / f"dramas-{size}.toml"
        # In a child process, so that this process stays small: a forked child's peak
        # memory starts from its parent's.
        generator = [sys.executable, str(HERE / "generate.py"), str(size), "-o", str(path)]
        subprocess.run(generator, check=True)
        catalogues.append((f"{size:,}", ["--catalog", str(path)]))

    cold: dict[str, tuple[float, float]] = {}
    for label, extra in catalogues[1:]:
        shutil.rmtree(work / "cache", ignore_errors=True)
        cold[label] = run_once([script, *COMMANDS["show"], *extra], env)

    base_argv = [sys.executable, str(baseline), "hello", "Mr. Sunshine"]
    cases = [Case("baseline", "-", "-", base_argv, [], [])]
    for mode in MODES:
        for label, extra in catalogues:
            for name, command in COMMANDS.items():
                cases.append(Case(name, label, mode, [script, *command, *extra], [], []))
    for case in cases:  # warm caches and the OS file cache
        run_once(case.argv, env, "pipe" if case.mode == "-" else case.mode)
    order = random.Random(0)
    for _ in range(runs):
        shuffled = cases[:]
        order.shuffle(shuffled)
        for case in shuffled:
            elapsed, peak = run_once(case.argv, env, "pipe" if case.mode == "-" else case.mode)
            case.times.append(elapsed)
            case.peaks.append(peak)
    return {"cases": cases, "cold": cold}


def render(result: dict[str, object], runs: int) -> str:
    cases: list[Case] = result["cases"]  # type: ignore[assignment]
    cold: dict[str, tuple[float, float]] = result["cold"]  # type: ignore[assignment]
    median = {(c.name, c.catalogue, c.mode): statistics.median(c.times) for c in cases}
    base = median[("baseline", "-", "-")]
    lines = [
        f"Median wall time of {runs} interleaved runs per case; Python "
        f"{sys.version.split()[0]}, {os.cpu_count()} CPUs.",
        "",
        "| command | catalogue | output | median ms | x baseline | x bundled | peak MB | target |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for case in cases:
        ms = median[(case.name, case.catalogue, case.mode)]
        peak = max(case.peaks)
        vs_base = ms / base
        if case.name == "baseline":
            row, verdict = ("-", "-"), "-"
        elif case.catalogue == "bundled":
            row = (f"{vs_base:.2f}", "1.00")
            verdict = _verdict(vs_base <= TARGET_BUNDLED, f"<= {TARGET_BUNDLED}x baseline")
        else:
            vs_bundled = ms / median[(case.name, "bundled", case.mode)]
            row = (f"{vs_base:.2f}", f"{vs_bundled:.2f}")
            verdict = _verdict(
                vs_bundled <= TARGET_SCALE and peak < TARGET_MB,
                f"<= {TARGET_SCALE}x bundled, < {TARGET_MB} MB",
            )
        lines.append(
            f"| {case.name} | {case.catalogue} | {case.mode} | {ms * 1000:.0f} "
            f"| {row[0]} | {row[1]} | {peak:.0f} | {verdict} |"
        )
    lines.append("")
    for label, (seconds, peak) in cold.items():
        lines.append(
            f"Cold first run, {label} dramas (parse, validate, index, write cache): "
            f"{seconds:.2f} s, peak {peak:.0f} MB."
        )
    return "\n".join(lines) + "\n"


def _verdict(ok: bool, target: str) -> str:
    return f"{'ok' if ok else 'MISSED'} ({target})"


if __name__ == "__main__":
    main()
