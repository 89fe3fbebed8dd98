"""Where a first run's time goes: the stages of opening a catalogue cold, in one process.

    python bench/stages.py /tmp/dramas-10000.toml

Opens the bundled catalogue merged with the given file, with an empty cache directory,
as the first run of a command would, and times each stage by the progress the core tells
(the same events the progress bar draws). Then, in the same process, it times the TOML
parser alone on the same bytes, which is what reading would cost with nothing to check.
Prints one JSON object, in seconds; `bench/run.py` runs this and reports the medians.
"""

from __future__ import annotations

import time

STARTED = time.perf_counter()

import json  # noqa: E402  (the clock starts before any import)
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

import cry_picker.cli  # noqa: E402, F401  (what a command imports before it reads)
from cry_picker import catalogue  # noqa: E402
from cry_picker.loader import toml_parser  # noqa: E402


def measure(path: Path) -> dict[str, float | str]:
    imported = time.perf_counter()
    starts: dict[str, float] = {}

    def heard(event: catalogue.Progress) -> None:
        starts.setdefault(event.stage, time.perf_counter())

    catalogue.SLOW_BYTES = 0  # tell every stage, whatever the size
    with tempfile.TemporaryDirectory() as cache:
        opened = catalogue.open_catalogue(path, cache_dir=Path(cache), on_progress=heard)
        done = time.perf_counter()
    assert opened.cache_path is not None, "the cache was not written"
    parser = toml_parser()
    text = path.read_bytes().decode("utf-8")
    before = time.perf_counter()
    parser.loads(text)
    parsed = time.perf_counter() - before
    return {
        "parser": parser.__name__,
        "imports": imported - STARTED,
        "read": starts["index"] - starts["parse"],  # parse, check, build records (both files)
        "index": starts["words"] - starts["index"],
        "words": starts["cache"] - starts["words"],
        "cache": done - starts["cache"],
        "total": done - STARTED,  # from the first import to a catalogue open and cached
        "parse_alone": parsed,  # the user's file only, parsed whole with nothing else done
    }


if __name__ == "__main__":
    print(json.dumps(measure(Path(sys.argv[1]))))
