"""The watched log never loses data: atomic writes, a lock, damaged files moved aside."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from cry_picker.errors import DataDirUnusable, NewerLog
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
