"""What scripts and people at a terminal can rely on: valid JSON whatever happens, one
value per single-value option, help that respects NO_COLOR, honest empty results, and
catalogues merged by every name a drama has."""

from __future__ import annotations

import json

import pytest

from cry_picker.cli.status import ExitStatus

from .conftest import VALID_ENTRY

RICH_NO_COLOR = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1"}


@pytest.mark.parametrize(
    ("args", "empty", "status"),
    [
        (["suggest", "--actor", "Nobody Atall", "--json"], [], ExitStatus.NO_MATCH),
        (["search", "zzqqxx", "--json"], [], ExitStatus.NO_MATCH),
        (["show", "Zzyzx Qwerty", "--json"], None, ExitStatus.NO_MATCH),
        (["similar", "Zzyzx Qwerty", "--json"], [], ExitStatus.NO_MATCH),
        (["suggest", "--mood", "zzzz", "--json"], [], ExitStatus.USAGE),
        (["suggest", "--limit", "0", "--json"], [], ExitStatus.USAGE),
        (["suggest", "--bogus", "--json"], [], ExitStatus.USAGE),
        (["show", "--json"], None, ExitStatus.USAGE),
    ],
)
def test_with_json_stdout_is_valid_json_whatever_happens(run, args, empty, status):
    result = run(*args)
    assert result.exit_code == status
    assert json.loads(result.stdout) == empty
    assert result.stderr.startswith("Error: ")


@pytest.mark.parametrize(
    "args",
    [["suggest", "--limit", "2", "--limit", "3"], ["suggest", "-n", "2", "-n3"],
     ["suggest", "--min-tears", "4", "-t", "5"], ["show", "Radiant", "-c", "a", "--catalog=b"]],
)  # fmt: skip
def test_a_single_value_option_given_twice_is_refused_not_silently_reduced(run, args):
    result = run(*args)
    assert result.exit_code == ExitStatus.USAGE
    assert "given more than once; it takes one value" in result.stderr.splitlines()[0]
    assert result.stdout == ""


def test_several_actors_mean_any_of_them(run):
    result = run("suggest", "--actor", "Lee Jong-suk", "--actor", "IU", "--json")
    assert {item["title"] for item in json.loads(result.stdout)} == {
        "Death Song", "Scarlet Heart: Goryeo"
    }  # fmt: skip


def test_several_eras_mean_any_of_them(run):
    result = run("suggest", "-e", "goryeo", "-e", "1920s", "--json", "-n", "10")
    assert {item["title"] for item in json.loads(result.stdout)} == {
        "Scarlet Heart: Goryeo", "Death Song"
    }  # fmt: skip


def test_when_only_the_watched_log_empties_the_results_it_says_so(run):
    run("watched", "add", "Scarlet Heart: Goryeo")
    result = run("suggest", "--era", "goryeo")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stderr.splitlines() == [
        "Error: everything that matched is in your watched log",
        "Hint: add --include-watched to see those dramas again",
    ]
    searched = run("search", "Lee Joon-gi")
    assert (
        searched.stderr.splitlines()[0] == "Error: everything that matched is in your watched log"
    )
    assert run("suggest", "--era", "goryeo", "--include-watched").exit_code == ExitStatus.OK


def test_nothing_matched_is_still_said_when_the_log_is_not_the_reason(run):
    run("watched", "add", "Radiant")
    result = run("suggest", "--era", "goryeo", "--mood", "family")
    assert result.stderr.splitlines()[0] == "Error: nothing matched all of that"


@pytest.mark.parametrize("args", [["-h"], ["suggest", "-h"], ["watched", "-h"]])
def test_no_color_applies_to_help(run, args):
    result = run(*args, env=RICH_NO_COLOR)
    assert result.exit_code == 0
    assert "\x1b" not in result.stdout
    assert "Usage:" in result.stdout


@pytest.mark.parametrize("args", [[], ["watched"]])
def test_bare_commands_print_help_without_an_empty_error_line(run, args):
    result = run(*args)
    assert "Usage: cry-picker" in result.stdout
    assert "Error" not in result.stderr
    assert result.stderr.strip() == ""


# --- catalogues merged by every name -----------------------------------------------------


def test_a_users_entry_named_like_a_bundled_other_title_replaces_that_drama(run, write_catalogue):
    mine = VALID_ENTRY.replace('title = "Test Drama"', 'title = "Moon Lovers"')
    path = write_catalogue(mine)
    listed = [i["title"] for i in json.loads(run("list", "--json", "-c", str(path)).stdout)]
    assert len(listed) == 10
    assert "Scarlet Heart: Goryeo" not in listed
    assert "Moon Lovers" in listed
    shown = json.loads(run("show", "Moon Lovers", "--json", "-c", str(path)).stdout)
    assert shown["synopsis"] == "Somebody is sad."
    result = run("validate", str(path))
    assert result.stderr.splitlines() == [
        'Note: drama #1 ("Moon Lovers") replaces the bundled "Scarlet Heart: Goryeo" when '
        "merged over it"
    ]


def test_validate_offers_the_vocabulary_word_a_typo_meant(run, write_catalogue):
    path = write_catalogue(
        VALID_ENTRY.replace('"healing"', '"greif"').replace(
            'era = "Contemporary"', 'era = "Jeoson"'
        )
    )
    result = run("validate", str(path))
    assert result.exit_code == ExitStatus.OK
    assert result.stderr.splitlines() == [
        "Note: drama #1 (\"Test Drama\"): mood 'greif' is not in the vocabulary; did you mean 'grief'?",
        "Note: drama #1 (\"Test Drama\"): era 'Jeoson' is not in the vocabulary; did you mean 'Joseon'?",
    ]
    report = json.loads(run("validate", str(path), "--json").stdout)
    assert [(n["kind"], n["word"], n["closest"]) for n in report["notes"]] == [
        ("mood", "greif", "grief"), ("era", "Jeoson", "Joseon")
    ]  # fmt: skip


@pytest.mark.parametrize(
    "args",
    [
        ["show", "Mr. Sunshine"],
        ["show", "--help"],
        ["show"],
        ["suggest", "--mood", "grief", "--json"],
        ["suggest", "--limit", "0"],
        ["search", "Lee Jong Suk", "-n", "2"],
        ["list", "--json"],
        ["watched", "list"],
        ["watched", "add", "Nowhere Drama"],
        ["sho", "Mr. Sunshine"],
        ["--help"],
        ["--version"],
        [],
    ],
)
def test_a_run_with_just_its_command_says_what_the_whole_application_says(args):
    """The entry point builds only the command asked for (`only`); nobody can tell."""
    from typer.testing import CliRunner

    from cry_picker.cli import app, only

    runner = CliRunner()
    whole = runner.invoke(app, args)
    alone = runner.invoke(only(args), args)
    assert (alone.exit_code, alone.stdout, alone.stderr) == (
        whole.exit_code,
        whole.stdout,
        whole.stderr,
    )


def test_the_entry_point_builds_only_the_command_asked_for():
    from typer.core import TyperGroup
    from typer.main import get_command

    from cry_picker.cli import app, only

    def built(args: list[str]) -> list[str]:
        group = get_command(only(args))
        assert isinstance(group, TyperGroup)
        return sorted(group.commands)

    assert built(["show", "Radiant"]) == ["show"]
    assert built(["watched", "list"]) == ["watched"]
    assert built(["list"]) == ["list"]
    for args in ([], ["--help"], ["sho"], ["-V", "show"]):
        assert only(args) is app


class Left(Exception):
    """Raised by a stand-in for os._exit, with the status the process would have had."""


@pytest.fixture
def quick_exit(monkeypatch):
    """`leave` as in a plain process: no exit handlers (pytest has some), os._exit caught."""
    import atexit

    from cry_picker import cli

    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 0, raising=False)

    def exit_now(code: int) -> None:
        raise Left(code)

    monkeypatch.setattr("cry_picker.cli.os._exit", exit_now)
    return cli.leave


@pytest.mark.parametrize(("code", "status"), [(0, 0), (None, 0), (1, 1), (3, 3)])
def test_a_finished_run_leaves_at_once_with_its_status(quick_exit, code, status):
    with pytest.raises(Left) as left:
        quick_exit(code)
    assert left.value.args == (status,)


def test_a_run_leaves_normally_when_something_waits_for_the_exit(quick_exit, monkeypatch):
    import atexit
    import threading

    quick_exit("a message")  # SystemExit("...") prints it: only a normal exit does
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 1)  # a lock to release, say
    quick_exit(0)
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 0)
    monkeypatch.setattr(threading, "active_count", lambda: 2)  # another thread still runs
    quick_exit(0)
