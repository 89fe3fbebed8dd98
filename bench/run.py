"""Whole-process timings of cry-picker against the smallest Typer app, in the same venv.

    python bench/run.py                 # 15 interleaved rounds, prints Markdown tables
    python bench/run.py --runs 31 --out bench/out/results.md

Each case is a fresh process running the installed `cry-picker` script into /dev/null,
in three modes: "pipe" (plain text, what a script or `| head` gets), "json" (`--json`)
and "terminal" (rich cards, forced with TTY_COMPATIBLE=1, what a person at a terminal
sees). Cases are interleaved round by round so that a slow moment on the machine hits
them all alike; the figure is the median wall time. Peak memory is each process's own
max RSS (wait4).

The baseline is a Typer app with two commands that print their argument. Targets, from
the issue: with the bundled catalogue every command within 1.2x the baseline in a pipe
and in JSON, 1.3x on a terminal; with 1,000 and 10,000 dramas (cache warm) within 1.5x
the same command on the bundled catalogue. The cold first run (no cache) is timed apart,
interleaved with a bare `tomllib.load` and `tomli.load` of the same file: within 1.5x the
tomllib parse and under 120 MB. `bench/stages.py` then says where a first run's time goes.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
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
# Bundled catalogue, x the baseline; big catalogues, x bundled; cold, x a bare tomllib parse.
TARGET_BUNDLED = {"pipe": 1.2, "json": 1.2, "terminal": 1.3}
TARGET_SCALE, TARGET_COLD, TARGET_MB = 1.5, 1.5, 120
COLD_TARGET_FROM = 10_000  # dramas: the cold target is about a big catalogue's first run

# Output mode -> (TTY_COMPATIBLE, extra arguments).
MODES = {"pipe": ("0", []), "json": ("0", ["--json"]), "terminal": ("1", [])}
BARE = {  # the limit of a first run: parsing the file and nothing else
    parser: f"import sys, {parser}\nwith open(sys.argv[1], 'rb') as f:\n    {parser}.load(f)"
    for parser in ("tomllib", "tomli")
}


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
    env = {**env, "TTY_COMPATIBLE": MODES[mode][0]}
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
    parser.add_argument(
        "--cold-runs", type=int, default=5, help="interleaved first runs (default 5)"
    )
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--out", type=Path, help="also write the tables to this file")
    args = parser.parse_args(argv)

    script = shutil.which("cry-picker", path=str(Path(sys.executable).parent))
    if script is None:
        raise SystemExit("cry-picker is not installed in this Python's environment")
    work = Path(tempfile.mkdtemp(prefix="cry-picker-bench-"))
    try:
        result = measure(script, work, args.runs, args.sizes, args.cold_runs)
        report = render(result, args.runs, args.cold_runs)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(report, end="")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(report, encoding="utf-8")


@dataclass
class Cold:
    """First runs of one catalogue, and bare parses of the same file, interleaved."""

    label: str
    argv: list[str]
    path: Path
    size: int  # dramas
    times: list[float] = field(default_factory=list)
    peaks: list[float] = field(default_factory=list)
    bare: dict[str, list[float]] = field(default_factory=dict)  # parser -> seconds


def measure(
    script: str, work: Path, runs: int, sizes: list[int], cold_runs: int = 5
) -> dict[str, object]:
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
    paths: dict[str, Path] = {}
    for size in sizes:
        path = work / f"dramas-{size}.toml"
        # In a child process, so that this process stays small: a forked child's peak
        # memory starts from its parent's.
        generator = [sys.executable, str(HERE / "generate.py"), str(size), "-o", str(path)]
        subprocess.run(generator, check=True)
        catalogues.append((f"{size:,}", ["--catalog", str(path)]))
        paths[f"{size:,}"] = path

    colds, stages = measure_cold(script, work, env, catalogues[1:], paths, cold_runs)

    base_argv = [sys.executable, str(baseline), "hello", "Mr. Sunshine"]
    cases = [Case("baseline", "-", "-", base_argv, [], [])]
    for mode, (_, flags) in MODES.items():
        for label, extra in catalogues:
            for name, command in COMMANDS.items():
                argv = [script, *command, *flags, *extra]
                cases.append(Case(name, label, mode, argv, [], []))
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
    return {"cases": cases, "cold": colds, "stages": stages}


def measure_cold(
    script: str,
    work: Path,
    env: dict[str, str],
    catalogues: list[tuple[str, list[str]]],
    paths: dict[str, Path],
    runs: int,
) -> tuple[list[Cold], list[dict[str, float]]]:
    """First runs (nothing cached) of `show` on each big catalogue, interleaved with a bare
    parse of the same file by each parser installed, and with `bench/stages.py` on the
    biggest."""
    cold_env = {**env, "XDG_CACHE_HOME": str(work / "cold-cache")}
    colds = [
        Cold(label, [script, *COMMANDS["show"], *extra], paths[label], int(label.replace(",", "")))
        for label, extra in catalogues
    ]
    parsers = [p for p in BARE if importlib.util.find_spec(p) is not None]
    stages: list[dict[str, float]] = []
    biggest = colds[-1].path if colds else None
    order = random.Random(1)
    for _ in range(runs):
        jobs: list[tuple[Cold | None, str]] = [(c, "") for c in colds]
        jobs += [(c, parser) for c in colds for parser in parsers]
        if biggest is not None:
            jobs.append((None, "stages"))
        order.shuffle(jobs)
        for cold, job in jobs:
            if cold is None:
                found = subprocess.run(
                    [sys.executable, str(HERE / "stages.py"), str(biggest)],
                    env=env, capture_output=True, text=True, check=True,
                )  # fmt: skip
                stages.append(json.loads(found.stdout))
            elif job:
                argv = [sys.executable, "-c", BARE[job], str(cold.path)]
                cold.bare.setdefault(job, []).append(run_once(argv, env)[0])
            else:
                shutil.rmtree(work / "cold-cache", ignore_errors=True)
                elapsed, peak = run_once(cold.argv, cold_env)
                cold.times.append(elapsed)
                cold.peaks.append(peak)
    return colds, stages


def render(result: dict[str, object], runs: int, cold_runs: int = 5) -> str:
    cases: list[Case] = result["cases"]  # type: ignore[assignment]
    colds: list[Cold] = result["cold"]  # type: ignore[assignment]
    stages: list[dict[str, float]] = result["stages"]  # type: ignore[assignment]
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
            target = TARGET_BUNDLED[case.mode]
            verdict = _verdict(vs_base <= target, f"<= {target}x baseline")
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
    if colds:
        lines += ["", *_render_cold(colds, cold_runs)]
    if stages and colds:
        lines += ["", *_render_stages(stages, colds[-1])]
    return "\n".join(lines) + "\n"


def _render_cold(colds: list[Cold], runs: int) -> list[str]:
    lines = [
        f"First run (nothing cached: parse, check, index, write the cache, then `show`), "
        f"median of {runs} runs interleaved with a bare parse of the same file:",
        "",
        "| catalogue | first run s | peak MB | tomllib.load s | tomli.load s "
        "| x tomllib.load | x tomli.load | target |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for cold in colds:
        seconds, peak = statistics.median(cold.times), max(cold.peaks)
        bare = {parser: statistics.median(times) for parser, times in cold.bare.items()}
        shown = {parser: f"{bare[parser]:.2f}" if parser in bare else "-" for parser in BARE}
        ratio = {p: f"{seconds / bare[p]:.2f}" if p in bare else "-" for p in BARE}
        ok = "tomllib" in bare and seconds <= TARGET_COLD * bare["tomllib"] and peak < TARGET_MB
        verdict = _verdict(ok, f"<= {TARGET_COLD}x tomllib.load, < {TARGET_MB} MB")
        if cold.size < COLD_TARGET_FROM:
            verdict = "-"  # start-up outweighs parsing: the target is for big catalogues
        lines.append(
            f"| {cold.label} | {seconds:.2f} | {peak:.0f} | {shown['tomllib']} "
            f"| {shown['tomli']} | {ratio['tomllib']} | {ratio['tomli']} | {verdict} |"
        )
    return lines


STAGES = (
    ("imports", "start-up: importing typer and the command line"),
    ("read", "reading: parse, check and build the records (bundled and yours)"),
    ("index", "indexing titles and names"),
    ("words", "indexing the words of synopses"),
    ("cache", "writing the cache"),
)


def _render_stages(stages: list[dict[str, float]], cold: Cold) -> list[str]:
    """Medians of `bench/stages.py`, which opens the same catalogue cold in a process of
    its own, timing each stage by the progress the core tells."""
    timed = {key: statistics.median(run[key] for run in stages) for key, _ in STAGES}
    total = statistics.median(run["total"] for run in stages)
    parse = statistics.median(run["parse_alone"] for run in stages)
    parser = str(stages[0]["parser"])
    lines = [
        f"Where the first run on {cold.label} dramas goes: `bench/stages.py` opens the same "
        f"catalogue cold, timing each stage by the progress the core tells (median of "
        f"{len(stages)} runs, interleaved with the above; parser: {parser}):",
        "",
        "| stage | s | share |",
        "| --- | ---: | ---: |",
    ]
    for key, label in STAGES:
        lines.append(f"| {label} | {timed[key]:.2f} | {timed[key] / total:.0%} |")
        if key == "read":
            lines.append(
                f"| - of which {parser} parsing your file alone | {parse:.2f} "
                f"| {parse / total:.0%} |"
            )
    lines.append(f"| the catalogue open and cached | {total:.2f} | 100% |")
    return lines


def _verdict(ok: bool, target: str) -> str:
    return f"{'ok' if ok else 'MISSED'} ({target})"


if __name__ == "__main__":
    main()
