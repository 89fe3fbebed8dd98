"""Your own catalogue: --catalog, CRY_PICKER_CATALOG, --no-ten, validate and info."""

from __future__ import annotations

import json

import pytest

from cry_picker.catalogue import Progress, open_catalogue
from cry_picker.cli.status import ExitStatus

from .conftest import TEN, VALID_ENTRY

MINE = VALID_ENTRY.replace('title = "Test Drama"', 'title = "Tears of the Test"')
REPLACEMENT = VALID_ENTRY.replace('title = "Test Drama"', 'title = "mr sunshine"').replace(
    "tears = 3", "tears = 1"
)


def titles_of(result) -> list[str]:
    return [item["title"] for item in json.loads(result.stdout)]


def test_catalog_merges_over_the_bundled_dramas(run, write_catalogue):
    path = write_catalogue(MINE)
    listed = titles_of(run("list", "--json", "--catalog", str(path)))
    assert len(listed) == 11
    assert listed[-1] == "Tears of the Test"
    assert run("show", "Tears of the Test", "--catalog", str(path)).exit_code == 0


def test_a_user_entry_replaces_the_bundled_one_with_the_same_title(run, write_catalogue):
    path = write_catalogue(REPLACEMENT)
    listed = titles_of(run("list", "--json", "-c", str(path)))
    assert len(listed) == 10
    assert listed[4] == "mr sunshine"
    shown = json.loads(run("show", "Mr. Sunshine", "--json", "-c", str(path)).stdout)
    assert shown["tears"] == 1


def test_no_bundled_uses_the_users_file_alone(run, write_catalogue):
    path = write_catalogue(MINE)
    assert titles_of(run("list", "--json", "--catalog", str(path), "--no-bundled")) == [
        "Tears of the Test"
    ]
    missing = run("show", "Mr. Sunshine", "--catalog", str(path), "--no-bundled")
    assert missing.exit_code == ExitStatus.NO_MATCH


def test_the_environment_variable_names_the_catalogue(run, write_catalogue):
    path = write_catalogue(MINE)
    result = run("search", "Tears of the Test", "--json", env={"CRY_PICKER_CATALOG": str(path)})
    assert titles_of(result)[0] == "Tears of the Test"


def test_no_bundled_without_a_catalogue_is_a_usage_error(run):
    result = run("list", "--no-bundled")
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr.splitlines() == [
        "Error: --no-bundled leaves no catalogue to read",
        "Hint: pass --catalog PATH or set CRY_PICKER_CATALOG",
    ]


@pytest.mark.parametrize(
    "command",
    [["suggest"], ["show", "Radiant"], ["search", "grief"], ["list"], ["similar", "Radiant"],
     ["surprise"], ["watched", "add", "Radiant"], ["watched", "remove", "Radiant"],
     ["watched", "list"], ["info"]],
)  # fmt: skip
def test_every_command_refuses_an_invalid_catalogue_with_its_problems(
    run, write_catalogue, command
):
    path = write_catalogue(VALID_ENTRY.replace("tears = 3", "tears = 0"))
    result = run(*command, "--catalog", str(path))
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr == (
        f'Error: {path}:7: drama #1 ("Test Drama"): tears: expected an integer from 1 to 5, '
        "found the integer 0\n"
    )
    assert result.stdout == ""


def test_a_missing_catalogue_file_is_named(run, tmp_path):
    result = run("list", "--catalog", str(tmp_path / "nope.toml"))
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr == f"Error: {tmp_path / 'nope.toml'}: no such file\n"


def test_validate_accepts_a_good_file(run, write_catalogue):
    path = write_catalogue(MINE)
    result = run("validate", str(path))
    assert result.exit_code == ExitStatus.OK
    assert result.stdout == f"{path}: valid, 1 drama\n"
    assert result.stderr == ""


def test_validate_lists_every_problem_and_exits_2(run, write_catalogue):
    broken = VALID_ENTRY.replace("tears = 3", "tears = 9") + VALID_ENTRY.replace(
        'title = "Test Drama"', 'title = "Two"'
    ).replace("year = 2020", 'year = "soon"')
    path = write_catalogue(broken)
    result = run("validate", str(path))
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr.splitlines() == [
        f'Error: {path}:7: drama #1 ("Test Drama"): tears: expected an integer from 1 to 5, '
        "found the integer 9",
        f'Error: {path}:16: drama #2 ("Two"): year: expected a year between 1900 and 2100 '
        '(an integer), found the string "soon"',
    ]


def test_validate_json_reports_problems_with_their_parts(run, write_catalogue):
    path = write_catalogue(VALID_ENTRY.replace("tears = 3", "tears = 9"))
    result = run("validate", str(path), "--json")
    assert result.exit_code == ExitStatus.USAGE
    report = json.loads(result.stdout)
    assert report["valid"] is False
    (problem,) = report["problems"]
    assert (problem["line"], problem["entry"], problem["title"], problem["field"]) == (
        7, 1, "Test Drama", "tears"
    )  # fmt: skip


def test_validate_notes_words_outside_the_vocabularies(run, write_catalogue):
    path = write_catalogue(MINE.replace('"healing"', '"k-pop feels"').replace(
        'era = "Contemporary"', 'era = "Narnia in winter"'))  # fmt: skip
    result = run("validate", str(path))
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "Note: drama #1 (\"Tears of the Test\"): mood 'k-pop feels' is not in the vocabulary; "
        "it will be matched as written",
        "Note: drama #1 (\"Tears of the Test\"): era 'Narnia in winter' is not in the "
        "vocabulary; it will be matched as written",
    ]


def test_custom_moods_from_a_user_catalogue_can_be_asked_for(run, write_catalogue):
    path = write_catalogue(MINE.replace('"healing"', '"k-pop feels"'))
    result = run("suggest", "--mood", "kpop feels", "--catalog", str(path), "--json")
    assert titles_of(result) == ["Tears of the Test"]


def test_info_says_where_everything_lives(run, write_catalogue, isolated_environment):
    path = write_catalogue(MINE)
    run("watched", "add", "Radiant")
    result = run("info", "--catalog", str(path))
    lines = result.stdout.splitlines()
    assert lines[1].startswith("bundled catalogue: ")
    assert lines[1].endswith("ten.toml (10 dramas)")
    assert lines[2] == f"your catalogue: {path} (1 dramas)"
    assert lines[3].startswith("in use: 11 dramas")
    data = isolated_environment / "data" / "cry-picker" / "watched.json"
    assert lines[4] == f"watched log: {data} (1 records)"
    assert lines[5].startswith(f"cache: {isolated_environment / 'cache' / 'cry-picker'}")
    report = json.loads(run("info", "--json").stdout)
    assert report["dramas"] == 10
    assert report["catalogues"][0]["bundled"] is True
    assert report["cache_dir"] == str(isolated_environment / "cache" / "cry-picker")


def test_a_slow_first_read_shows_how_far_it_is_on_a_terminal(run, write_catalogue, monkeypatch):
    path = write_catalogue(MINE)
    monkeypatch.setattr("cry_picker.catalogue.SLOW_BYTES", 10)
    result = run("list", "--catalog", str(path), env={"TTY_COMPATIBLE": "1"})
    assert "Reading the catalogue" in result.stderr
    again = run("list", "--catalog", str(path), env={"TTY_COMPATIBLE": "1"})
    assert again.stderr == ""  # cached now


def test_a_slow_first_read_tells_each_stage_from_start_to_end(
    write_catalogue, monkeypatch, tmp_path
):
    monkeypatch.setattr("cry_picker.catalogue.SLOW_BYTES", 10)
    monkeypatch.setattr("cry_picker.loader.RUN_BYTES", 1)  # a run for each entry
    path = write_catalogue(MINE + REPLACEMENT)
    told: list[Progress] = []
    open_catalogue(path, cache_dir=tmp_path, on_progress=told.append)
    stages = list(dict.fromkeys(event.stage for event in told))
    assert stages == ["parse", "index", "words", "cache"]
    for stage in stages:
        events = [event for event in told if event.stage == stage]
        assert events[0].done == 0
        assert events[-1].done == events[-1].total
        assert [e.done for e in events] == sorted(e.done for e in events)
    bytes_read = [e for e in told if e.stage == "parse"]
    assert len(bytes_read) > 10  # the ten bundled entries, one by one, then the user's
    assert bytes_read[-1].total == TEN.stat().st_size + path.stat().st_size
    assert told[told.index(bytes_read[-1]) + 1] == Progress("index", 0, 11)
    again: list[Progress] = []
    open_catalogue(path, cache_dir=tmp_path, on_progress=again.append)
    assert again == []  # read from the cache


def test_progress_told_after_the_catalogue_is_open_draws_nothing(monkeypatch):
    """A damaged cache found in the middle of a command is read again under its results,
    without a bar that nobody would take away."""
    from cry_picker.cli import progress

    def no_bar(self):  # pragma: no cover - fails the test if called
        raise AssertionError("a bar was started after the catalogue was open")

    with progress.shown() as tell:
        pass
    monkeypatch.setattr(progress._View, "_start", no_bar)
    tell(Progress("parse", 0, 10))


def test_a_slow_read_stays_quiet_in_a_pipe(run, write_catalogue, monkeypatch):
    path = write_catalogue(MINE)
    monkeypatch.setattr("cry_picker.catalogue.SLOW_BYTES", 10)
    assert run("list", "--catalog", str(path)).stderr == ""
