"""Every fault a user can cause ends in one clear line and the right exit status: hostile
catalogue files, files that are not files, broken filesystems, damaged caches and
outputs that cannot be written."""

from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cry_picker import atomic, loader, watched
from cry_picker.catalogue import open_catalogue
from cry_picker.cli.status import ExitStatus
from cry_picker.errors import CatalogueError

from .conftest import VALID_ENTRY

SCRIPT = shutil.which("cry-picker", path=str(Path(sys.executable).parent)) or "cry-picker"


def cli(*args: str, timeout: float = 20, **kwargs) -> subprocess.CompletedProcess[str]:
    """The installed script in a process of its own, which must end within `timeout`;
    stdout and stderr are captured unless `stdout` says where to."""
    if "stdout" not in kwargs:
        kwargs["stdout"] = subprocess.PIPE
    return subprocess.run(
        [SCRIPT, *args], stderr=subprocess.PIPE, text=True, timeout=timeout, **kwargs
    )


def refusal(path: Path) -> CatalogueError:
    with pytest.raises(CatalogueError) as caught:
        loader.load_dramas(path)
    return caught.value


# --- hostile catalogue files --------------------------------------------------------------


def test_a_catalogue_nested_five_hundred_arrays_deep_is_invalid_with_its_line(
    run, tmp_path, toml_parser
):
    path = tmp_path / "deep.toml"
    path.write_text(VALID_ENTRY + "spoilers = " + "[" * 500 + "]" * 500 + "\n")
    result = run("validate", str(path))
    assert result.exit_code == ExitStatus.USAGE
    line = VALID_ENTRY.count("\n") + 1
    assert result.stderr == (
        f"Error: {path}:{line}: arrays or inline tables nested too deeply to read\n"
    )


def test_nesting_a_parser_would_accept_is_refused_alike_by_every_parser(run, tmp_path, toml_parser):
    path = tmp_path / "deep.toml"
    path.write_text(VALID_ENTRY + "spoilers = " + "[" * 150 + "]" * 150 + "\n")
    result = run("validate", str(path))
    line = VALID_ENTRY.count("\n") + 1
    assert result.stderr == (
        f"Error: {path}:{line}: arrays or inline tables nested too deeply to read\n"
    )


def test_an_integer_of_4301_digits_is_invalid_with_its_line(run, tmp_path, toml_parser):
    path = tmp_path / "digits.toml"
    path.write_text(VALID_ENTRY.replace("episodes", "x") + "episodes = " + "9" * 4301 + "\n")
    result = run("list", "--catalog", str(path))
    assert result.exit_code == ExitStatus.USAGE
    line = VALID_ENTRY.count("\n") + 1
    assert result.stderr == f"Error: {path}:{line}: an integer with more than 4,300 digits\n"


@pytest.mark.parametrize(
    ("written", "digits"),
    [("0x" + "f" * 3600, "4,335"), ("0b" + "1" * 14_000, "4,215"), ("9" * 4300, "4,301")],
)
def test_a_huge_integer_any_parser_reads_is_described_not_printed(run, tmp_path, written, digits):
    """Hexadecimal and binary integers are read whatever their size; quoting one in decimal
    would fail (and a 4,300-digit one would fill the screen)."""
    path = tmp_path / "huge.toml"
    text = VALID_ENTRY.replace("tears = 3\n", f"tears = 3\nepisodes = {written}\n")
    path.write_text(text)
    line = text[: text.index("episodes")].count("\n") + 1
    result = run("validate", str(path))
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr == (
        f'Error: {path}:{line}: drama #1 ("Test Drama"): episodes: '
        f"expected a positive integer (at most 10,000), found an integer of about {digits} digits\n"
    )


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


# --- the watched log on a broken filesystem -----------------------------------------------


def data_dir(home: Path) -> Path:
    return home / "data" / "cry-picker"


def damaged_log(home: Path, content: str = "{ not json") -> Path:
    log = data_dir(home) / "watched.json"
    log.parent.mkdir(parents=True)
    log.write_text(content)
    return log


def refuse_locks(monkeypatch, code: int) -> None:
    """Make creating any lock file fail as a filesystem would, with `code`."""
    real_open = os.open

    def failing(path, *args, **kwargs):
        if str(path).endswith(".lock"):
            raise OSError(code, os.strerror(code), str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", failing)


@pytest.mark.parametrize("code", [errno.EROFS, errno.ENOSPC], ids=["read-only", "no-inodes"])
def test_a_filesystem_that_refuses_the_lock_is_one_line_and_exit_3(
    run, isolated_environment, monkeypatch, code
):
    directory = data_dir(isolated_environment)
    refuse_locks(monkeypatch, code)
    result = run("watched", "add", "Radiant")
    assert result.exit_code == ExitStatus.STORAGE
    fix = {
        errno.EROFS: f"{directory} is on a read-only filesystem;",
        errno.ENOSPC: "free some space (or files, if its inodes ran out) on its filesystem, or",
    }[code]
    assert result.stderr.splitlines() == [
        f"Error: cannot use the data directory {directory}: {os.strerror(code)}",
        f"Hint: {fix} set XDG_DATA_HOME to a directory you can write to",
    ]
    assert run("suggest", "--limit", "1").exit_code == ExitStatus.OK


def test_a_file_where_the_data_directory_should_be_is_named_as_such(run, isolated_environment):
    directory = data_dir(isolated_environment)
    directory.parent.mkdir(parents=True)
    directory.write_text("not a directory")
    result = run("watched", "add", "Radiant")
    assert result.exit_code == ExitStatus.STORAGE
    assert result.stderr.splitlines() == [
        f"Error: cannot use the data directory {directory}: a file is in the way",
        f"Hint: move the file that stands in the way of {directory}, or set XDG_DATA_HOME to "
        "a directory you can write to",
    ]


@pytest.mark.parametrize("kind", ["directory", "symlink loop", "dangling symlink"])
def test_a_lock_path_that_is_not_a_file_is_one_line_and_exit_3(run, isolated_environment, kind):
    lock = data_dir(isolated_environment) / "watched.json.lock"
    lock.parent.mkdir(parents=True)
    if kind == "directory":
        lock.mkdir()
    elif kind == "symlink loop":
        lock.symlink_to(lock.name)
    else:
        lock.symlink_to("/nonexistent/lock")
    result = run("watched", "add", "Radiant")
    assert result.exit_code == ExitStatus.STORAGE
    reason = "Is a directory" if kind == "directory" else "it is a symbolic link"
    assert result.stderr.splitlines() == [
        f"Error: cannot lock the watched log with {lock}: {reason}",
        f"Hint: {lock} should be an ordinary file, or absent; move it out of the way",
    ]


def test_a_damaged_log_on_a_read_only_filesystem_still_gives_suggestions(
    run, isolated_environment, monkeypatch
):
    log = damaged_log(isolated_environment)
    refuse_locks(monkeypatch, errno.EROFS)
    result = run("suggest", "--limit", "1")
    assert result.exit_code == ExitStatus.OK
    assert result.stdout.startswith("1. ")
    assert result.stderr == (
        f"Warning: the watched log {log} is damaged and cannot be moved aside: Read-only "
        "file system. Watched dramas are not left out.\n"
    )
    listed = run("watched", "list")
    assert listed.exit_code == ExitStatus.STORAGE
    assert listed.stderr == (
        f"Error: the watched log {log} is damaged and cannot be moved aside: Read-only file system\n"
        f"Hint: move {log} out of the way to start a fresh log\n"
    )
    assert log.read_text() == "{ not json"


def test_a_log_nested_a_thousand_deep_is_moved_aside_like_any_damaged_log(
    run, isolated_environment
):
    log = damaged_log(isolated_environment, "[" * 1000 + "]" * 1000)
    result = run("suggest", "--limit", "1")
    assert result.exit_code == ExitStatus.OK
    (aside,) = log.parent.glob("watched.json.corrupt-*")
    assert result.stderr == (
        f"Warning: the watched log could not be read; it was moved to {aside} and a fresh "
        "log was started.\n"
    )
    assert run("watched", "add", "Radiant").exit_code == ExitStatus.OK


def test_a_log_larger_than_any_cry_picker_writes_is_left_alone(run, isolated_environment):
    log = data_dir(isolated_environment) / "watched.json"
    log.parent.mkdir(parents=True)
    with log.open("wb") as sparse:
        sparse.truncate(watched.MAX_BYTES + 1)
    result = run("watched", "add", "Radiant")
    assert result.exit_code == ExitStatus.STORAGE
    assert result.stderr.splitlines() == [
        f"Error: the watched log {log} is larger than 16 MiB, more than cry-picker ever "
        "writes; it was left as it is",
        f"Hint: move {log} out of the way to start a fresh log",
    ]
    assert log.stat().st_size == watched.MAX_BYTES + 1


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_named_pipe_or_a_device_where_the_log_should_be_is_refused_unopened(
    isolated_environment,
):
    log = data_dir(isolated_environment) / "watched.json"
    log.parent.mkdir(parents=True)
    os.mkfifo(log)
    result = cli("watched", "add", "Radiant", timeout=10)
    assert result.returncode == ExitStatus.STORAGE
    assert result.stderr.splitlines() == [
        f"Error: the watched log {log} is a named pipe, not a regular file; it was left as it is",
        f"Hint: move {log} out of the way to start a fresh log",
    ]
    suggested = cli("suggest", "--limit", "1", timeout=10)
    assert suggested.returncode == ExitStatus.OK
    assert suggested.stderr == (
        f"Warning: the watched log {log} is a named pipe, not a regular file; it was left as "
        "it is. Watched dramas are not left out.\n"
    )
    log.unlink()
    log.symlink_to("/dev/zero")
    listed = cli("watched", "list", timeout=10)
    assert listed.returncode == ExitStatus.STORAGE
    assert listed.stderr.splitlines()[0] == (
        f"Error: the watched log {log} is a device, not a regular file; it was left as it is"
    )


# --- a log kept somewhere else, a log made read-only, leftovers of killed writers ----------


def test_a_symlinked_log_is_written_through_the_link(tmp_path):
    synced = tmp_path / "Sync" / "watched.json"
    synced.parent.mkdir()
    log = watched.WatchedLog(tmp_path / "data")
    log.add("Radiant")
    log.path.rename(synced)
    synced.chmod(0o644)
    log.path.symlink_to(synced)
    log.add("Death Song")
    assert log.path.is_symlink()
    assert os.readlink(log.path) == str(synced)
    assert [r.title for r in watched.WatchedLog(synced.parent).records()] == [
        "Radiant", "Death Song"
    ]  # fmt: skip
    assert stat.S_IMODE(synced.stat().st_mode) == 0o644


def test_a_damaged_symlinked_log_is_moved_aside_next_to_the_file_it_names(tmp_path):
    synced = tmp_path / "Sync" / "watched.json"
    synced.parent.mkdir()
    synced.write_text("{ not json")
    log = watched.WatchedLog(tmp_path / "data")
    log.directory.mkdir()
    log.path.symlink_to(synced)
    assert log.add("Radiant") is True
    (aside,) = synced.parent.glob("watched.json.corrupt-*")
    assert aside.read_text() == "{ not json"
    assert log.path.is_symlink()
    assert [r.title for r in watched.WatchedLog(synced.parent).records()] == ["Radiant"]


def test_a_damaged_log_made_read_only_is_left_as_it_is(run, isolated_environment):
    log = damaged_log(isolated_environment)
    log.chmod(0o444)
    result = run("watched", "add", "Radiant")
    assert result.exit_code == ExitStatus.STORAGE
    assert result.stderr.splitlines() == [
        f"Error: the watched log {log} is damaged and cannot be moved aside: it is read-only",
        f"Hint: move {log} out of the way to start a fresh log",
    ]
    suggested = run("suggest", "--limit", "1")
    assert suggested.exit_code == ExitStatus.OK
    assert suggested.stderr.startswith(f"Warning: the watched log {log} is damaged")
    assert log.read_text() == "{ not json"
    assert not any(p.name.startswith("watched.json.corrupt") for p in log.parent.iterdir())


def test_a_log_made_read_only_is_not_overwritten(run, isolated_environment):
    run("watched", "add", "Radiant")
    log = data_dir(isolated_environment) / "watched.json"
    before = log.read_bytes()
    log.chmod(0o444)  # even root, whom the mode does not stop, leaves it alone
    result = run("watched", "add", "Death Song")
    assert result.exit_code == ExitStatus.STORAGE
    assert result.stderr.splitlines() == [
        f"Error: the watched log {log} is read-only; it was left as it is",
        f"Hint: make {log} writable to change it",
    ]
    assert log.read_bytes() == before
    assert run("watched", "clear", "--yes").exit_code == ExitStatus.STORAGE
    assert log.read_bytes() == before


def test_temporary_files_of_killed_writers_are_removed_once_stale(tmp_path):
    log = watched.WatchedLog(tmp_path)
    log.add("Radiant")
    old = tmp_path / ".watched-killed.tmp"
    recent = tmp_path / ".watched-writing.tmp"
    for leftover in (old, recent):
        leftover.write_text("{")
    two_days_ago = time.time() - 2 * atomic.STALE_SECONDS
    os.utime(old, (two_days_ago, two_days_ago))
    log.add("Death Song")
    assert not old.exists()
    assert recent.exists()  # it could belong to a writer still at work


# --- caches that lie ----------------------------------------------------------------------


def the_cache(directory: Path) -> Path:
    (found,) = directory.glob("catalogue-*.cache")
    return found


def edit_header(path: Path, change) -> None:
    """Rewrite a cache file's header line with `change(header)`, keeping the body."""
    with path.open("rb") as handle:
        header = json.loads(handle.readline())
        body = handle.read()
    change(header)
    path.write_bytes(json.dumps(header).encode() + b"\n" + body)


def no_parsing(monkeypatch) -> None:
    def refuse(path=None):
        raise AssertionError("the catalogue was parsed: the cache was not used")

    monkeypatch.setattr(loader, "load_dramas", refuse)


def answers(catalogue):
    from cry_picker.search import search
    from cry_picker.suggest import suggest

    return (
        [d.title for d in catalogue][:3],
        search(catalogue, "Lee Jong Suk")[0].drama.title,
        suggest(catalogue, ["grief"])[0].drama.title,
        catalogue[0].tears,
    )


EXPECTED = (
    ["Hi Bye, Mama", "Youth of May", "Uncontrollably Fond"],
    "Death Song",
    "Hi Bye, Mama",
    5,
)


def shift(name: str, by: int):
    def change(header):
        header["sections"][name][0] += by

    return change


@pytest.mark.parametrize(
    "change",
    [
        lambda h: h.update(dramas=h["dramas"] + 1),
        lambda h: h.update(dramas=float("inf")),
        lambda h: h.update(dramas=10**20),
        lambda h: h.update(dramas=True),
        lambda h: h.update(counts=[10**30]),
        lambda h: h.update(counts=[-1]),
        lambda h: h.update(size=h["size"] - 1),
        lambda h: h["sections"].update(tears=[0, 2**31]),
        lambda h: h["sections"].update(words=[-8, 8]),
        lambda h: h["sections"].update(offsets="everything"),
        lambda h: h["sections"].pop("records"),
        lambda h: h["crcs"].update(titles=1.5),
        shift("moods", 1),
        shift("titles", 10**20),
    ],
    ids=["dramas+1", "dramas-infinity", "dramas-huge", "dramas-true", "counts-huge",
         "counts-negative", "size-1", "section-2gib", "section-negative", "section-not-a-pair",
         "section-missing", "crc-float", "section-shifted", "section-far-away"],
)  # fmt: skip
def test_a_cache_header_that_lies_is_rebuilt_and_rewritten(tmp_path, monkeypatch, change):
    open_catalogue(cache_dir=tmp_path)
    edit_header(the_cache(tmp_path), change)
    assert answers(open_catalogue(cache_dir=tmp_path)) == EXPECTED
    no_parsing(monkeypatch)
    assert answers(open_catalogue(cache_dir=tmp_path)) == EXPECTED


def test_a_header_claiming_a_two_gib_section_is_refused_before_anything_is_read(tmp_path):
    from cry_picker import cache

    open_catalogue(cache_dir=tmp_path)
    path = the_cache(tmp_path)
    extra = 2 << 30

    def grow(header):
        start, length = header["sections"]["word_keys"]
        for span in header["sections"].values():
            if span[0] > start:
                span[0] += extra
        header["sections"]["word_keys"][1] = length + extra
        header["size"] += extra

    edit_header(path, grow)
    with path.open("r+b") as sparse:  # the file really is that size, but takes no space
        sparse.truncate(path.stat().st_size + extra)
    stamp = cache.stamp(loader.bundled_path(), bundled=True)
    assert stamp is not None
    assert cache.read(path, [stamp], list, lambda: pytest.fail("rebuilt")) is None
    catalogue = open_catalogue(cache_dir=tmp_path)
    assert answers(catalogue) == EXPECTED
    assert path.stat().st_size < 1 << 20  # rewritten


@pytest.mark.parametrize(
    "name", ["name_refs", "title_refs", "word_keys", "word_starts", "word_refs", "moods", "offsets"]
)
def test_a_damaged_section_is_rebuilt_and_written_back_so_it_costs_one_slow_run(
    tmp_path, monkeypatch, name
):
    open_catalogue(cache_dir=tmp_path)
    path = the_cache(tmp_path)
    with path.open("rb") as handle:
        header = json.loads(handle.readline())
        body_at = handle.tell()
    start, length = header["sections"][name]
    data = bytearray(path.read_bytes())
    data[body_at + start + length // 2] ^= 0x01  # one bit, somewhere in the middle
    path.write_bytes(bytes(data))
    first = open_catalogue(cache_dir=tmp_path)
    assert answers(first) == EXPECTED
    words = first.words  # read every section a command may read
    no_parsing(monkeypatch)
    again = open_catalogue(cache_dir=tmp_path)
    assert answers(again) == EXPECTED
    assert again.words == words


def test_a_record_changed_in_place_is_not_believed(tmp_path, monkeypatch):
    open_catalogue(cache_dir=tmp_path)
    path = the_cache(tmp_path)
    data = path.read_bytes()
    record = data.index(b'{"title": "Hi Bye, Mama"')
    tears = data.index(b'"tears": 5', record)
    path.write_bytes(data[:tears] + b'"tears": 1' + data[tears + 10 :])  # still valid JSON
    assert open_catalogue(cache_dir=tmp_path)[0].tears == 5
    no_parsing(monkeypatch)
    assert open_catalogue(cache_dir=tmp_path)[0].tears == 5


def test_a_word_reference_beyond_the_catalogue_with_a_true_checksum_is_not_believed(
    tmp_path, monkeypatch
):
    """A cache made to lie with its checksums intact: the word index's references are
    checked as they are read, and the lie costs a fresh parse, not a crash."""
    import zlib
    from array import array

    from cry_picker.search import search

    open_catalogue(cache_dir=tmp_path)
    path = the_cache(tmp_path)
    with path.open("rb") as handle:
        header = json.loads(handle.readline())
        body = bytearray(handle.read())
    start, length = header["sections"]["word_refs"]
    refs = array("q", bytes(body[start : start + length]))
    refs[:] = array("q", [10**9] * len(refs))  # every word names a drama that is not there
    body[start : start + length] = refs.tobytes()
    header["crcs"]["word_refs"] = zlib.crc32(refs.tobytes())
    path.write_bytes(json.dumps(header).encode() + b"\n" + bytes(body))
    catalogue = open_catalogue(cache_dir=tmp_path)
    assert search(catalogue, "ghost mother")[0].drama.title == "Hi Bye, Mama"
    assert max(catalogue.words["ghost"]) >> 1 < len(catalogue)


def test_stale_temporary_cache_files_of_killed_runs_are_removed(tmp_path):
    open_catalogue(cache_dir=tmp_path)
    old = tmp_path / ".catalogue-killed.tmp"
    recent = tmp_path / ".catalogue-writing.tmp"
    for leftover in (old, recent):
        leftover.write_bytes(b"\0" * 1000)
    two_days_ago = time.time() - 2 * atomic.STALE_SECONDS
    os.utime(old, (two_days_ago, two_days_ago))
    open_catalogue(cache_dir=tmp_path)  # a cache hit: nothing is written, leftovers still go
    assert not old.exists()
    assert recent.exists()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform != "linux", reason="address-space limits as on Linux")
def test_a_lying_cache_cannot_make_a_command_allocate_gigabytes(tmp_path):
    import resource

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    assert cli("list", env=env).returncode == 0
    path = the_cache(tmp_path / "cry-picker")

    def claim(header):
        header["sections"]["word_refs"][1] += 2 << 30
        header["size"] += 2 << 30

    edit_header(path, claim)
    with path.open("r+b") as sparse:
        sparse.truncate(path.stat().st_size + (2 << 30))

    def one_gib() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    result = subprocess.run(
        [SCRIPT, "search", "grief"], capture_output=True, text=True, env=env,
        preexec_fn=one_gib, timeout=30,
    )  # fmt: skip
    assert (result.returncode, result.stderr) == (0, "")


# --- output with limits -------------------------------------------------------------------


def watched_titles(home: Path) -> list[str]:
    return [r.title for r in watched.WatchedLog(data_dir(home)).records()]


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="closes a file descriptor in the child")
def test_watched_add_with_stdout_closed_records_the_drama_quietly(isolated_environment):
    result = cli("watched", "add", "Radiant", stdout=None, preexec_fn=lambda: os.close(1))
    assert (result.returncode, result.stderr) == (0, "")
    assert watched_titles(isolated_environment) == ["Radiant"]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_watched_add_with_stdout_full_records_the_drama_and_says_so_on_stderr(
    isolated_environment,
):
    with open("/dev/full", "w") as full:
        result = cli("watched", "add", "Radiant", stdout=full)
    assert result.returncode == ExitStatus.OK
    assert result.stderr == (
        "Warning: done, but the confirmation could not be written: No space left on device\n"
    )
    assert watched_titles(isolated_environment) == ["Radiant"]


@pytest.mark.slow
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full")
def test_results_that_cannot_be_written_are_a_storage_failure_not_a_miss():
    with open("/dev/full", "w") as full:
        result = cli("list", stdout=full)
    assert result.returncode == ExitStatus.STORAGE
    assert result.stderr == (
        "Error: cannot write the results to standard output: No space left on device\n"
    )


@pytest.mark.parametrize("columns", ["0", "3"])
def test_a_terminal_too_narrow_to_show_anything_gets_cards_80_wide(run, columns):
    result = run("show", "Radiant", env={"COLUMNS": columns, "TTY_COMPATIBLE": "1"})
    assert result.exit_code == ExitStatus.OK
    lines = result.stdout.splitlines()
    assert lines[0].startswith("╭─ Radiant")
    assert max(len(line) for line in lines) == 80


@pytest.mark.parametrize("columns", ["99999999999999999999", "100000000", "9" * 5000])
def test_a_terminal_wider_than_any_is_taken_as_the_widest(run, columns):
    result = run("show", "Radiant", env={"COLUMNS": columns, "TTY_COMPATIBLE": "1"})
    assert result.exit_code == ExitStatus.OK
    assert max(len(line) for line in result.stdout.splitlines()) == 1000
