"""The catalogue cache: correct after edits, never trusted when damaged, never code."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from cry_picker.cache import FORMAT
from cry_picker.catalogue import open_catalogue
from cry_picker.search import search
from cry_picker.suggest import suggest
from cry_picker.titles import resolve

from .conftest import VALID_ENTRY


def cache_files(directory: Path) -> list[Path]:
    return sorted(directory.glob("catalogue-*.cache"))


def test_a_second_open_reads_the_cache_and_gives_the_same_answers(tmp_path):
    first = open_catalogue(cache_dir=tmp_path)
    (cache,) = cache_files(tmp_path)
    assert first.cache_path == cache
    second = open_catalogue(cache_dir=tmp_path)
    assert second.cache_path == cache
    assert [d.title for d in second] == [d.title for d in first]
    assert list(second) == list(first)
    assert resolve(second, "moon lovers").drama == resolve(first, "moon lovers").drama
    assert search(second, "Lee Jong Suk") == search(first, "Lee Jong Suk")
    assert suggest(second, ["grief"]) == suggest(first, ["grief"])


def test_an_edited_catalogue_is_read_again(tmp_path, write_catalogue):
    path = write_catalogue(VALID_ENTRY)
    assert open_catalogue(path, bundled=False, cache_dir=tmp_path)[0].title == "Test Drama"
    path.write_text(VALID_ENTRY.replace("Test Drama", "Edited Drama"), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert open_catalogue(path, bundled=False, cache_dir=tmp_path)[0].title == "Edited Drama"
    assert len(cache_files(tmp_path)) == 1  # the entry was replaced, not added to


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: b"",
        lambda data: b"garbage\n" + data,
        lambda data: data[: len(data) // 2],
        lambda data: data.replace(b'"app": "cry-picker"', b'"app": "other-tool"', 1),
        lambda data: data.replace(f'"format": {FORMAT}'.encode(), b'"format": 99', 1),
        lambda data: data.replace(b'"version": "', b'"version": "0.0.0-', 1),
        lambda data: data[:-5] + b"XXXXX",
        lambda data: _last_record_damaged(data),
    ],
    ids=["empty", "junk", "truncated", "foreign", "other-format", "other-version", "the-end",
         "last-record"],
)  # fmt: skip
def test_a_corrupt_or_foreign_cache_is_ignored_and_rebuilt(tmp_path, damage):
    expected = [d.title for d in open_catalogue()]
    open_catalogue(cache_dir=tmp_path)
    (cache,) = cache_files(tmp_path)
    damaged = damage(cache.read_bytes())
    assert damaged != cache.read_bytes()
    cache.write_bytes(damaged)
    catalogue = open_catalogue(cache_dir=tmp_path)
    assert [d.title for d in catalogue] == expected
    assert resolve(catalogue, "Mr. Sunshine").drama.cast[0].actor == "Lee Byung-hun"
    rebuilt = open_catalogue(cache_dir=tmp_path)
    assert [d.title for d in rebuilt] == expected


def _last_record_damaged(data: bytes) -> bytes:
    body_at = data.index(b"\n") + 1
    start, length = json.loads(data[:body_at])["sections"]["records"]
    end = body_at + start + length - 1  # its newline stays
    return data[: end - 5] + b"XXXXX" + data[end:]


def _section(cache: Path, name: str) -> tuple[int, int]:
    with cache.open("rb") as handle:
        header = json.loads(handle.readline())
        body_at = handle.tell()
    start, length = header["sections"][name]
    return body_at + start, length


@pytest.mark.parametrize("name", ["title_refs", "exact_refs", "name_starts", "moods", "titles"])
def test_a_section_damaged_after_the_header_check_falls_back_to_the_catalogue(tmp_path, name):
    open_catalogue(cache_dir=tmp_path)
    (cache,) = cache_files(tmp_path)
    data = bytearray(cache.read_bytes())
    at, length = _section(cache, name)
    data[at : at + length] = b"\xff" * length  # same size, so the header still matches
    cache.write_bytes(bytes(data))
    catalogue = open_catalogue(cache_dir=tmp_path)
    assert resolve(catalogue, "Moon Lovers").drama.title == "Scarlet Heart: Goryeo"
    assert search(catalogue, "Lee Jong Suk")[0].drama.title == "Death Song"
    assert suggest(catalogue, ["grief"])[0].drama.title == "Hi Bye, Mama"


def test_reading_a_cache_never_runs_code(tmp_path):
    open_catalogue(cache_dir=tmp_path)
    (cache,) = cache_files(tmp_path)
    sentinel = tmp_path / "pwned"

    class Exploit:
        def __reduce__(self):
            return (Path.touch, (sentinel,))

    payload = pickle.dumps(Exploit())
    data = bytearray(cache.read_bytes())
    at, length = _section(cache, "titles")
    data[at : at + length] = payload.ljust(length, b" ")[:length]
    cache.write_bytes(bytes(data))
    catalogue = open_catalogue(cache_dir=tmp_path)
    assert catalogue[0].title == "Hi Bye, Mama"
    assert not sentinel.exists()


def test_the_cache_is_plain_data(tmp_path):
    open_catalogue(cache_dir=tmp_path)
    (cache,) = cache_files(tmp_path)
    with cache.open("rb") as handle:
        header = json.loads(handle.readline())
    assert header["app"] == "cry-picker"
    assert set(header["sections"]) >= {"titles", "name_keys", "records", "word_keys"}
    at, length = _section(cache, "records")
    records = cache.read_bytes()[at : at + length].splitlines()
    assert [json.loads(line)["title"] for line in records][:2] == ["Hi Bye, Mama", "Youth of May"]


def test_a_catalogues_own_moods_and_eras_are_kept_in_the_cache(tmp_path, write_catalogue):
    from cry_picker.facets import custom_eras, custom_moods

    own = VALID_ENTRY.replace('"healing"]', '"healing", "kimchi"]').replace(
        'era = "Contemporary"', 'era = ["Contemporary", "Atlantis"]'
    )
    path = write_catalogue(own)
    built = open_catalogue(path, cache_dir=tmp_path)
    cached = open_catalogue(path, cache_dir=tmp_path)
    assert cached.cache_path is not None
    assert custom_moods(cached.index) == custom_moods(built.index) == {"kimchi"}
    assert custom_eras(cached.index) == custom_eras(built.index) == {"atlantis"}
    assert suggest(cached, ["kimchi"])[0].drama.title == "Test Drama"


def test_an_unwritable_cache_directory_only_costs_speed(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    catalogue = open_catalogue(cache_dir=blocker / "cache")
    assert catalogue.cache_path is None
    assert resolve(catalogue, "Radiant").drama.title == "Radiant"
    assert len(catalogue.words) > 100


@pytest.mark.parametrize("room", [0, 20_000])  # too small for the first record; for the rest
def test_a_cache_bigger_than_a_reader_would_believe_is_never_written(tmp_path, monkeypatch, room):
    monkeypatch.setattr("cry_picker.cache.MAX_FACTOR", 0)
    monkeypatch.setattr("cry_picker.cache.SLACK", room)
    catalogue = open_catalogue(cache_dir=tmp_path)
    assert catalogue.cache_path is None
    assert list(tmp_path.iterdir()) == []  # nor a temporary file left behind
    assert resolve(catalogue, "Radiant").drama.title == "Radiant"


def test_the_header_is_written_last_into_the_room_kept_for_it(tmp_path):
    open_catalogue(cache_dir=tmp_path)
    (cache,) = cache_files(tmp_path)
    line = cache.read_bytes().split(b"\n", 1)[0]
    header = json.loads(line)
    assert line.endswith(b" ")  # padded to the room its widest numbers would take
    assert header["size"] == cache.stat().st_size - len(line) - 1


def test_the_cli_works_with_an_unwritable_cache(run, isolated_environment, monkeypatch):
    blocker = isolated_environment / "blocked"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    result = run("search", "Lee Jong Suk")
    assert result.exit_code == 0
    assert result.stderr == ""
    assert "cache: none (cannot write to" in run("info").stdout


def test_the_user_file_and_bundled_file_are_both_stamped(tmp_path, write_catalogue):
    path = write_catalogue(VALID_ENTRY)
    merged = open_catalogue(path, cache_dir=tmp_path)
    alone = open_catalogue(path, bundled=False, cache_dir=tmp_path)
    assert len(merged) == 11
    assert len(alone) == 1
    assert len(cache_files(tmp_path)) == 2


def test_the_cache_holds_every_section_the_index_encodes(ten):
    from cry_picker.index import ENCODED, ENCODED_INTS, PER_DRAMA_INTS

    encoded = ten.index.encode()
    assert tuple(encoded) == ENCODED
    assert set(ENCODED_INTS) <= set(ENCODED)
    assert all(len(encoded[name]) == 8 * len(ten) for name in PER_DRAMA_INTS)
