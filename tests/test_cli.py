"""The command line: every command, every exit status, exact messages, JSON shapes."""

from __future__ import annotations

import json
import os
from pathlib import Path
from types import SimpleNamespace
from typing import cast

import pytest
import typer

from cry_picker.cli import complete
from cry_picker.cli.status import ExitStatus

from .conftest import VALID_ENTRY

RICH = {"TTY_COMPATIBLE": "1", "NO_COLOR": ""}
RICH_NO_COLOR = {"TTY_COMPATIBLE": "1", "NO_COLOR": "1"}
COMMANDS = [
    "suggest", "show", "search", "list", "actor", "moods", "eras", "similar", "surprise", "validate",
    "info",
]  # fmt: skip
WATCHED = ["add", "remove", "list", "clear"]


@pytest.fixture
def use_catalogue(monkeypatch, write_catalogue):
    """Make a TOML text the bundled catalogue for one test."""

    def use(text: str):
        path = write_catalogue(text)
        monkeypatch.setattr("cry_picker.loader.bundled_path", lambda: path)
        return path

    return use


# --- suggest ----------------------------------------------------------------------------


def test_suggest_prints_ranked_results_with_reasons(run):
    result = run("suggest", "--mood", "grief")
    assert result.exit_code == ExitStatus.OK
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "1. Hi Bye, Mama (2020, tvN)  score 100  💧💧💧💧💧 5/5"
    assert lines[1] == "   - mood: grief, #1 of its 4 moods (+80)"
    assert lines[3].startswith("2. The Red Sleeve (2021, MBC)  score 56")


def test_suggest_without_options_ranks_by_tears_and_honours_the_limit(run):
    result = run("suggest", "--limit", "3")
    headings = [line for line in result.stdout.splitlines() if line[:1].isdigit()]
    assert len(headings) == 3
    assert all("5/5" in line for line in headings)


def test_suggest_combines_options(run):
    result = run("suggest", "-m", "tragic romance", "--era", "joseon", "--min-tears", "5")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("1. Mr. Sunshine (2018, tvN)")
    assert "Queen for 7 Days" not in result.stdout


def test_suggest_with_nothing_matching_exits_1(run):
    result = run("suggest", "--era", "goryeo", "--mood", "family")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: nothing matched all of that",
        "Hint: drop an option, or see `cry-picker moods` and `cry-picker eras`",
    ]


def test_suggest_json_for_nothing_is_an_empty_array(run):
    result = run("suggest", "--era", "goryeo", "--mood", "family", "--json")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert json.loads(result.stdout) == []


def test_an_unknown_mood_is_a_usage_error_with_the_closest_moods(run):
    result = run("suggest", "--mood", "famly dinner")
    assert result.exit_code == ExitStatus.USAGE
    lines = result.stderr.splitlines()
    assert lines[0] == "Error: unknown mood 'famly dinner'"
    assert lines[1].startswith("Did you mean: family")
    assert lines[2] == "Hint: see `cry-picker moods` for every mood and its synonyms"


def test_an_unknown_era_is_a_usage_error(run):
    result = run("suggest", "--era", "Narnia")
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr.splitlines()[0] == "Error: unknown era 'Narnia'"


def test_an_unknown_actor_exits_1_with_suggestions(run):
    result = run("suggest", "--actor", "Lee Jong Sook Park")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stderr.splitlines()[1].startswith("Did you mean: ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["suggest", "--limit", "0"], "Error: Invalid value for '--limit'"),
        (["suggest", "--limit", "many"], "Error: Invalid value for '--limit'"),
        (["suggest", "--min-tears", "9"], "Error: Invalid value for '--min-tears'"),
        (["suggest", "--mod", "grief"], "Error: No such option: --mod"),
        (["sugest"], "Error: No such command 'sugest'. Did you mean 'suggest'?"),
        (["show"], "Error: Missing argument 'title'."),
    ],
)
def test_bad_usage_exits_2_with_an_error_and_a_hint(run, args, message):
    result = run(*args)
    assert result.exit_code == ExitStatus.USAGE
    lines = result.stderr.splitlines()
    assert lines[0].startswith(message)
    assert lines[-1].startswith("Hint: try 'cry-picker")
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


# --- show -------------------------------------------------------------------------------


def test_show_prints_the_whole_card_without_spoilers(run):
    result = run("show", "mr sunshin")
    assert result.exit_code == 0
    out = result.stdout
    assert out.splitlines()[0] == "Mr. Sunshine  미스터 션샤인"
    for expected in (
        "Also known as: Mister Sunshine · Miseuteo Syeonsyain",
        "tvN · 2018 · 24 episodes",
        "Era: Korean Empire, Joseon · set in 1871-1907",
        "Tears: 💧💧💧💧💧 5/5",
        "Moods: tragic romance, sacrifice, historical tragedy, unrequited love, injustice",
        "  - Lee Byung-hun (이병헌) as Eugene Choi",
        "(spoilers hidden; add --spoilers to see them)",
    ):
        assert expected in out.splitlines()
    assert "Eugene Choi dies" not in out


def test_show_reveals_spoilers_only_when_asked(run):
    result = run("show", "Mr. Sunshine", "--spoilers")
    assert "SPOILERS:" in result.stdout
    assert "  ! Eugene Choi dies for Korea." in result.stdout.splitlines()


def test_show_finds_a_drama_by_another_title_or_hangul(run):
    assert run("show", "Moon Lovers").stdout.startswith("Scarlet Heart: Goryeo")
    assert run("show", "사의 찬미").stdout.startswith("Death Song")


def test_show_an_unknown_title_exits_1_with_did_you_mean(run):
    result = run("show", "Goblin")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stdout == ""
    assert (
        result.stderr
        == "Error: no drama called 'Goblin' in the catalogue\nDid you mean: Radiant?\n"
    )


def test_show_an_empty_title_exits_2(run):
    result = run("show", "  ")
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr == "Error: a title cannot be empty\n"


def test_show_json_has_every_field_and_spoilers_only_on_request(run):
    shown = json.loads(run("show", "Radiant", "--json").stdout)
    assert shown["title"] == "Radiant"
    assert shown["hangul"] == "눈이 부시게"
    assert "Dazzling" in shown["alt_titles"]
    assert shown["cast"][0] == {
        "actor": "Kim Hye-ja", "actor_hangul": "김혜자", "aka": [], "role": "Kim Hye-ja (older)"
    }  # fmt: skip
    assert {"year", "network", "episodes", "era", "period", "moods", "tears", "synopsis",
            "why_cry", "sources"} <= set(shown)  # fmt: skip
    assert "spoilers" not in shown
    revealed = json.loads(run("show", "Radiant", "--json", "--spoilers").stdout)
    assert revealed["spoilers"][0].startswith("Episode 10 reveals")


# --- search -----------------------------------------------------------------------------


def test_search_json_shape(run):
    result = run("search", "Lee Jong Suk", "--json")
    assert result.exit_code == 0
    (item,) = json.loads(result.stdout)
    assert item["title"] == "Death Song"
    assert item["score"] == 100
    assert item["reasons"] == [
        {
            "kind": "actor",
            "subject": "Lee Jong-suk",
            "points": 100,
            "text": "actor: Lee Jong-suk as Kim Woo-jin",
        }
    ]
    assert item["watched"] is False
    for key in ("alt_titles", "hangul", "year", "network", "episodes", "era", "period", "moods",
                "tears", "cast"):  # fmt: skip
        assert key in item
    assert {"actor", "actor_hangul", "role"} <= set(item["cast"][0])
    assert "spoilers" not in item


def test_json_is_utf8_not_ascii_escaped(run):
    result = run("search", "이종석", "--json")
    assert "이종석" in result.stdout
    assert "\\u" not in result.stdout


def test_search_with_no_match_exits_1(run):
    result = run("search", "zzqqxx")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stderr.splitlines()[0] == "Error: nothing matched 'zzqqxx'"


def test_search_an_empty_query_exits_2(run):
    result = run("search", "")
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr == "Error: a search query cannot be empty\n"


# --- list, moods, eras ------------------------------------------------------------------


def test_list_prints_one_line_per_drama(run):
    lines = run("list").stdout.splitlines()
    assert len(lines) == 10
    assert lines[0].startswith("Hi Bye, Mama (2020, tvN) · Contemporary · 💧💧💧💧💧 5/5")


def test_list_json_is_every_drama(run):
    items = json.loads(run("list", "--json").stdout)
    assert [i["title"] for i in items][:2] == ["Hi Bye, Mama", "Youth of May"]
    assert all("spoilers" not in i for i in items)


def test_eras_are_listed_with_their_hangul_names(run):
    assert "Joseon 조선 (1392-1897)." in run("eras").stdout
    assert {e["name"]: e["hangul"] for e in json.loads(run("eras", "--json").stdout)}[
        "Goryeo"
    ] == "고려"


def test_moods_and_eras_list_the_vocabularies(run):
    assert "grief: losing someone" in run("moods").stdout
    assert "loss" in run("moods").stdout
    eras = json.loads(run("eras", "--json").stdout)
    gwangju = next(e for e in eras if e["name"] == "1980 Gwangju")
    assert (gwangju["start"], gwangju["end"]) == (1980, 1980)
    assert "may 18" in gwangju["aliases"]


# --- terminal and pipe ------------------------------------------------------------------


def test_a_terminal_gets_colour_and_boxes(run):
    result = run("show", "Radiant", env=RICH)
    assert "\x1b[" in result.stdout
    assert "╭" in result.stdout


def test_no_color_on_a_terminal_keeps_boxes_but_no_escape_codes(run):
    result = run("suggest", "--mood", "grief", env=RICH_NO_COLOR)
    assert "\x1b[" not in result.stdout
    assert "╭" in result.stdout
    assert "Hi Bye, Mama" in result.stdout


def cast_lines(run, columns: str) -> list[str]:
    result = run("show", "Mr. Sunshine", env={**RICH_NO_COLOR, "COLUMNS": columns})
    lines = [line.strip("│ ") for line in result.stdout.splitlines()]
    return lines[lines.index("Actor           Hangul   Role") :] if columns != "30" else lines


def test_a_card_lines_up_its_cast_in_columns_under_a_rule(run):
    lines = cast_lines(run, "100")
    assert lines[1] == "─" * 49
    assert lines[2:5] == [
        "Lee Byung-hun   이병헌   Eugene Choi",
        "Kim Tae-ri      김태리   Go Ae-shin",
        "Yoo Yeon-seok   유연석   Gu Dong-mae / Ishida Sho",
    ]


def test_a_narrow_card_wraps_roles_in_their_column_or_gives_a_line_a_member(run):
    assert cast_lines(run, "44")[4:6] == ["Yoo Yeon-seok   유연석   Gu Dong-mae /", "Ishida Sho"]
    narrow = cast_lines(run, "30")
    assert "Lee Byung-hun 이병헌 as" in narrow
    assert "Actor           Hangul   Role" not in narrow


def test_a_pipe_gets_no_escape_codes_and_long_lines_unchopped(run):
    result = run("show", "Mr. Sunshine")
    assert "\x1b" not in result.stdout
    synopsis = next(line for line in result.stdout.splitlines() if line.startswith("Synopsis:"))
    assert len(synopsis) > 200
    assert synopsis.endswith("Their love is fierce and has nowhere to go.")


MARKUP = VALID_ENTRY.replace(
    'title = "Test Drama"', 'title = "[bold]Loud[/] :cry: [red]x"'
).replace(
    'synopsis = "Somebody is sad."',
    'synopsis = "Red \\u001b[31malert\\u001b[0m and a bell\\u0007."',
)


@pytest.mark.parametrize("env", [None, RICH, RICH_NO_COLOR])
def test_catalogue_text_is_data_not_markup(run, use_catalogue, env):
    use_catalogue(MARKUP)
    result = run("show", "[bold]Loud[/] :cry: [red]x", env=env)
    assert result.exit_code == 0
    assert "[bold]Loud[/] :cry: [red]x" in result.stdout
    assert "😢" not in result.stdout
    assert "Red alert and a bell." in result.stdout
    assert "\x07" not in result.stdout
    if env is not RICH:
        assert "\x1b" not in result.stdout


def test_json_keeps_catalogue_text_exactly(run, use_catalogue):
    use_catalogue(MARKUP)
    shown = json.loads(run("show", "[bold]loud[/] :cry: [red]x", "--json").stdout)
    assert shown["title"] == "[bold]Loud[/] :cry: [red]x"
    assert shown["synopsis"] == "Red \x1b[31malert\x1b[0m and a bell\x07."


def test_control_characters_in_a_query_are_not_echoed(run):
    result = run("show", "Gob\x1b[2Jlin\x07")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stderr
    assert result.stderr.startswith("Error: no drama called 'Goblin'")


def test_an_invalid_catalogue_exits_2_with_every_problem_on_its_own_line(run, use_catalogue):
    path = use_catalogue(VALID_ENTRY.replace("tears = 3", "tears = 9").replace("moods", "mood"))
    result = run("list")
    assert result.exit_code == ExitStatus.USAGE
    lines = result.stderr.splitlines()
    assert lines == [
        f"Error: {path}:6: drama #1 (\"Test Drama\"): mood: unknown key; did you mean 'moods'? "
        "(known keys: title, alt_titles, hangul, year, network, episodes, era, period, moods, "
        "tears, synopsis, why_cry, spoilers, ending, sources, cast)",
        f'Error: {path}:1: drama #1 ("Test Drama"): moods: missing; expected a non-empty list '
        "of non-empty strings, most prominent first",
        f'Error: {path}:7: drama #1 ("Test Drama"): tears: expected an integer from 1 to 5, '
        "found the integer 9",
    ]
    assert "Traceback" not in result.output


def test_ctrl_c_exits_130_without_a_traceback(run, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("cry_picker.suggest.suggest", interrupted)
    result = run("suggest")
    assert result.exit_code == ExitStatus.INTERRUPTED
    assert result.stderr == "Interrupted.\n"


# --- help, version, completion ---------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_a_summary_and_an_example(run, command, flag):
    result = run(command, flag)
    assert result.exit_code == 0
    assert f"Example: cry-picker {command}" in result.stdout


@pytest.mark.parametrize("command", WATCHED)
def test_every_watched_command_has_help_with_an_example(run, command):
    result = run("watched", command, "-h")
    assert result.exit_code == 0
    assert f"Example: cry-picker watched {command}" in result.stdout


def test_every_registered_command_is_covered_by_the_help_tests():
    from typer.main import get_command

    from cry_picker.cli import app

    group = get_command(app)
    assert set(group.commands) == {*COMMANDS, "watched"}  # type: ignore[attr-defined]
    assert set(group.commands["watched"].commands) == set(WATCHED)  # type: ignore[attr-defined]


def test_the_app_has_help_and_a_version(run):
    assert "suggest" in run("-h").stdout
    from cry_picker import __version__

    assert run("--version").stdout == f"cry-picker {__version__}\n"


def completion_context(**params: object) -> typer.Context:
    """What Typer hands a completion callback: the parameters parsed so far."""
    return cast(typer.Context, SimpleNamespace(params=params))


def test_completion_offers_titles_moods_and_eras():
    ctx = completion_context()
    assert complete.titles(ctx, "Mr") == ["Mr. Sunshine"]
    assert complete.titles(ctx, "The") == [
        "The Smile Has Left Your Eyes", "The Red Sleeve", "The Light in Your Eyes",
        "The Red Sleeve Cuff", "The Hymn of Death",
    ]  # fmt: skip
    assert complete.titles(ctx, "Moon") == ["Moon Lovers: Scarlet Heart Ryeo", "Moon Lovers"]
    assert len(complete.titles(ctx, "")) == 10
    assert complete.moods("gr") == ["grief", "growing old", "growing up", "grim reaper"]
    assert complete.moods("lon") == ["loneliness", "longing", "lonely", "loneliness of power"]
    assert len(complete.moods("")) == 23
    assert complete.eras("Jo") == ["Joseon"]
    assert complete.eras("jo") == ["joseon"]
    assert complete.titles(ctx, "mr") == ["mr. Sunshine"]  # case ignored, typed letters kept
    assert complete.eras("may") == ["may 18", "may 18 democratic uprising"]


def test_title_completion_follows_the_catalogue_being_typed(write_catalogue):
    path = write_catalogue(VALID_ENTRY)
    ctx = completion_context(catalog=path, no_bundled=True)
    assert complete.titles(ctx, "") == ["Test Drama"]
    broken = write_catalogue("not toml [")
    assert complete.titles(completion_context(catalog=broken), "") == []


def test_completion_runs_through_the_shell_protocol(run):
    result = run(
        env={
            "_CRY_PICKER_COMPLETE": "complete_bash",
            "COMP_WORDS": "cry-picker show mr",
            "COMP_CWORD": "2",
        }
    )
    assert result.stdout.splitlines() == ["mr. Sunshine"]


def test_bash_completes_a_title_with_spaces_to_a_command_that_runs(tmp_path):
    import shutil
    import subprocess
    import sys

    bash = shutil.which("bash")
    script = shutil.which("cry-picker", path=str(Path(sys.executable).parent))
    if bash is None or script is None:
        pytest.skip("needs bash and the installed script")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    shown = subprocess.run(
        [script, "--show-completion", "bash"], capture_output=True, text=True, env=env
    )
    probe = (
        f"{shown.stdout}\n"
        f"COMP_WORDS=({script} show 'mr.\\ s'); COMP_CWORD=2; _cry_picker_completion {script}\n"
        'printf "%s\\n" "${COMPREPLY[@]}"; eval "set -- ${COMPREPLY[0]}"; echo "$#:$1"'
    )
    lines = subprocess.run([bash, "-c", probe], capture_output=True, text=True, env=env)
    assert lines.stdout.splitlines() == ["mr.\\ sunshine", "1:mr. sunshine"]
    assert "_cry_picker_completion" in shown.stdout


def test_a_shell_named_for_completion_is_the_one_given(run):
    shown = run("--show-completion", "zsh", env={"SHELL": "/bin/bash"})
    assert shown.exit_code == 0
    assert shown.stdout.split()[:2] == ["#compdef", "cry-picker"]
    assert "_CRY_PICKER_COMPLETE=complete_zsh" in shown.stdout
    fish = run("--show-completion", "fish", env={"SHELL": "/bin/bash"})
    assert "complete --command cry-picker" in fish.stdout
    bash = run("--show-completion", "bash", env={"SHELL": "/bin/zsh"})
    assert bash.stdout.startswith("_cry_picker_completion() {")


def test_a_shell_cry_picker_cannot_complete_for_is_refused(run):
    result = run("--show-completion", "tcsh")
    assert result.exit_code == ExitStatus.USAGE
    assert result.stdout == ""
    assert result.stderr == (
        "Error: cannot complete for 'tcsh'; the shells are bash, zsh, fish, powershell, pwsh\n"
    )


def test_completion_is_not_installed_into_another_shell_than_this_one(run, tmp_path):
    result = run("--install-completion", "fish", env={"HOME": str(tmp_path), "SHELL": "/bin/bash"})
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr.startswith("Error: completion installs for the shell it runs in;")
    assert list(tmp_path.iterdir()) == []
