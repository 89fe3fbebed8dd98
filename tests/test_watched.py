"""The watched log never loses data: atomic writes, a lock, damaged files moved aside."""

from __future__ import annotations

import errno
import json
import os
import re
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest

from cry_picker import watched
from cry_picker.errors import DataDirUnusable, LogNotAFile, LogTooBig, LogUnreadable, NewerLog
from cry_picker.watched import FILE_NAME, MovedAside, WatchedLog

from .conftest import ARTICLE_ORDER


@pytest.fixture
def log(tmp_path) -> WatchedLog:
    return WatchedLog(tmp_path / "cry-picker")


def test_round_trip_keeps_title_and_date(log):
    assert log.records() == []
    assert log.add("Mr. Sunshine", today=date(2026, 1, 2)) is True
    assert log.add("mr. sunshine") is False  # adding twice is harmless
    log.add("Radiant", today=date(2026, 1, 3))
    assert [(r.title, r.added) for r in WatchedLog(log.directory).records()] == [
        ("Mr. Sunshine", "2026-01-02"),
        ("Radiant", "2026-01-03"),
    ]
    stored = json.loads(log.path.read_text(encoding="utf-8"))
    assert stored["format"] == 1
    assert stored["watched"][0] == {"title": "Mr. Sunshine", "added": "2026-01-02"}


def test_remove_and_clear(log):
    log.add("Radiant")
    log.add("Death Song")
    assert log.remove("radiant").title == "Radiant"
    assert log.remove("Radiant") is None
    assert log.clear() == 1
    assert log.records() == []


def test_writes_leave_no_temporary_files_behind(log):
    for title in ARTICLE_ORDER:
        log.add(title)
    assert sorted(p.name for p in log.directory.iterdir()) == [FILE_NAME, FILE_NAME + ".lock"]


def test_a_damaged_file_is_moved_aside_and_a_fresh_log_starts(log):
    log.directory.mkdir(parents=True)
    log.path.write_text("{ this is not json", encoding="utf-8")
    notices: list[MovedAside] = []
    damaged = WatchedLog(log.directory, on_event=notices.append)
    assert damaged.records() == []
    (aside,) = log.directory.glob(FILE_NAME + ".corrupt-*")
    assert aside.read_text(encoding="utf-8") == "{ this is not json"
    assert not log.path.exists()
    assert notices == [MovedAside(log.path, aside)]
    damaged.add("Radiant")
    assert [r.title for r in damaged.records()] == ["Radiant"]
    assert aside.read_text(encoding="utf-8") == "{ this is not json"


@pytest.mark.parametrize(
    "content",
    ['{"app": "cry-picker", "format": 1}', '["Radiant"]', '{"app": "other", "format": 1, "watched": []}',
     '{"app": "cry-picker", "format": 1, "watched": [{"title": 3, "added": "x"}]}', "\xff\xfe"],
)  # fmt: skip
def test_any_unreadable_content_counts_as_damaged(log, content):
    log.directory.mkdir(parents=True)
    log.path.write_bytes(content.encode("latin-1"))
    assert log.add("Radiant") is True
    assert len(list(log.directory.glob(FILE_NAME + ".corrupt-*"))) == 1


def test_a_log_from_a_newer_version_is_left_alone(log):
    log.directory.mkdir(parents=True)
    newer = '{"app": "cry-picker", "format": 99, "watched": []}'
    log.path.write_text(newer, encoding="utf-8")
    with pytest.raises(NewerLog) as caught:
        log.add("Radiant")
    assert (caught.value.found, caught.value.supported) == (99, 1)
    assert log.path.read_text(encoding="utf-8") == newer


def test_an_uncreatable_data_directory_is_a_clear_error(tmp_path):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("")
    log = WatchedLog(blocker / "cry-picker")
    with pytest.raises(DataDirUnusable) as caught:
        log.add("Radiant")
    assert caught.value.path == blocker / "cry-picker"
    assert log.records() == []  # reading an absent log is fine


def test_an_unwritable_data_directory_is_a_clear_error(tmp_path, monkeypatch):
    log = WatchedLog(tmp_path / "cry-picker")
    log.add("Radiant")

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    with pytest.raises(DataDirUnusable) as caught:
        log.add("Death Song")
    assert (caught.value.path, caught.value.reason) == (log.directory, "Permission denied")
    assert [r.title for r in log.records()] == ["Radiant"]


@pytest.mark.slow
def test_ten_parallel_writers_in_separate_processes_lose_nothing(tmp_path):
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    script = Path(sys.executable).parent / "cry-picker"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "cry_picker"]
    # Warm the catalogue cache first so the writers start at the same moment.
    subprocess.run([*command, "list"], env=env, capture_output=True, check=True)
    writers = [
        subprocess.Popen([*command, "watched", "add", title], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for title in ARTICLE_ORDER
    ]  # fmt: skip
    for writer in writers:
        assert writer.wait(timeout=60) == 0, writer.stderr.read() if writer.stderr else ""
    log = WatchedLog(tmp_path / "data" / "cry-picker")
    assert sorted(r.title for r in log.records()) == sorted(ARTICLE_ORDER)


# --- what the core reports, with its data (the command line words it elsewhere) ----------


def test_the_log_is_written_as_readable_utf8_json_with_two_space_indents(log):
    log.add("도깨비", today=date(2026, 12, 3))
    assert log.path.read_text(encoding="utf-8") == (
        "{\n"
        '  "app": "cry-picker",\n'
        '  "format": 1,\n'
        '  "watched": [\n'
        "    {\n"
        '      "title": "도깨비",\n'
        '      "added": "2026-12-03"\n'
        "    }\n"
        "  ]\n"
        "}\n"
    )


def test_clearing_a_log_that_does_not_exist_forgets_nothing(log):
    assert log.clear() == 0
    assert not log.path.exists()


@pytest.mark.parametrize("kind", ["directory", "named pipe", "socket", "device"])
def test_something_other_than_a_file_is_named_by_its_kind_and_never_opened(log, kind):
    import socket

    log.directory.mkdir()
    if kind == "directory":
        log.path.mkdir()
    elif kind == "named pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes")
        os.mkfifo(log.path)
    elif kind == "socket":
        if not hasattr(socket, "AF_UNIX") or len(str(log.path)) > 100:
            pytest.skip("no short Unix socket path here")
        server = socket.socket(socket.AF_UNIX)
        server.bind(str(log.path))
        server.close()
    else:
        if not Path("/dev/null").exists():
            pytest.skip("no /dev/null")
        log.path.symlink_to("/dev/null")
    with pytest.raises(LogNotAFile) as caught:
        log.records()
    assert (caught.value.path, caught.value.kind) == (log.path, kind)


def test_a_log_of_exactly_the_limit_is_read_and_one_byte_more_is_refused(log, monkeypatch):
    log.add("Radiant", today=date(2026, 1, 1))
    size = log.path.stat().st_size
    monkeypatch.setattr(watched, "MAX_BYTES", size)
    assert [r.title for r in log.records()] == ["Radiant"]
    log.path.write_bytes(log.path.read_bytes() + b" ")
    with pytest.raises(LogTooBig) as caught:
        log.records()
    assert (caught.value.path, caught.value.limit) == (log.path, size)
    assert log.path.stat().st_size == size + 1  # left as it is


def test_a_log_that_grows_past_the_limit_while_read_is_refused(log, monkeypatch):
    log.add("Radiant")
    size = log.path.stat().st_size
    monkeypatch.setattr(watched, "MAX_BYTES", size - 1)
    real_stat, real_fstat = os.stat, os.fstat

    def sized_zero(info: os.stat_result) -> os.stat_result:
        return os.stat_result((*info[:6], 0, *info[7:]))  # st_size is the seventh field

    monkeypatch.setattr(os, "stat", lambda path, *a, **k: sized_zero(real_stat(path, *a, **k)))
    monkeypatch.setattr(os, "fstat", lambda fd: sized_zero(real_fstat(fd)))
    with pytest.raises(LogTooBig) as caught:
        log.records()
    assert caught.value.path == log.path


def test_a_symbolic_link_loop_is_unreadable_with_the_systems_words(log):
    log.directory.mkdir()
    log.path.symlink_to(log.path.name)
    with pytest.raises(LogUnreadable) as caught:
        log.records()
    assert type(caught.value) is LogUnreadable
    assert caught.value.path == log.path
    assert caught.value.code == errno.ELOOP
    assert caught.value.reason == os.strerror(errno.ELOOP)


def test_a_newer_log_says_which_format_it_has_and_which_is_read(log):
    log.directory.mkdir()
    log.path.write_text('{"app": "cry-picker", "format": 7, "watched": []}', encoding="utf-8")
    with pytest.raises(NewerLog) as caught:
        log.records()
    assert (caught.value.path, caught.value.found, caught.value.supported) == (log.path, 7, 1)


def test_a_record_with_a_blank_title_makes_the_log_damaged(log):
    log.directory.mkdir()
    log.path.write_text(
        '{"app": "cry-picker", "format": 1, "watched": [{"title": "  ", "added": "2026-01-01"}]}',
        encoding="utf-8",
    )
    assert log.records() == []
    kept = [p.name for p in log.directory.iterdir() if p.suffix != ".lock"]
    assert [bool(re.fullmatch(r"watched\.json\.corrupt-\d{8}-\d{6}", name)) for name in kept] == [
        True
    ]


def test_damaged_logs_moved_aside_in_the_same_second_get_numbered_names(log, monkeypatch):
    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return cls(2026, 12, 3, 21, 5, 9)

    monkeypatch.setattr(watched, "datetime", Frozen)
    heard: list[MovedAside] = []
    log = WatchedLog(log.directory, on_event=heard.append)
    log.directory.mkdir()
    for name in ("watched.json.corrupt-20261203-210509", "watched.json.corrupt-20261203-210509-2"):
        (log.directory / name).write_text("older damage", encoding="utf-8")
    log.path.write_text("not json", encoding="utf-8")
    assert log.records() == []
    moved = log.directory / "watched.json.corrupt-20261203-210509-3"
    assert moved.read_text(encoding="utf-8") == "not json"
    assert heard == [MovedAside(log.path, moved)]
    log.path.write_text("damaged again", encoding="utf-8")
    log.records()
    assert (log.directory / "watched.json.corrupt-20261203-210509-4").exists()
