"""similar, watched and surprise at the command line."""

from __future__ import annotations

import json

import pytest

from cry_picker.cli.status import ExitStatus


def headings(output: str) -> list[str]:
    return [
        line.split(". ", 1)[1].split(" (")[0] for line in output.splitlines() if line[:1].isdigit()
    ]


def test_similar_resolves_like_show_and_explains(run):
    result = run("similar", "queen for seven days", "--limit", "2")
    assert result.exit_code == 0
    assert headings(result.stdout) == ["The Red Sleeve", "Mr. Sunshine"]
    assert "   - both Joseon (+25)" in result.stdout.splitlines()


def test_similar_json_has_score_and_reasons(run):
    items = json.loads(run("similar", "옷소매 붉은 끝동", "--json").stdout)
    assert items[0]["title"] == "Queen for 7 Days"
    assert items[0]["score"] == 75
    assert items[0]["reasons"][0] == {
        "kind": "shared_moods",
        "subject": "tragic romance, separation",
        "points": 35,
        "text": "both: tragic romance, separation",
    }
    assert sum(r["points"] for r in items[0]["reasons"]) == items[0]["score"]
    assert all(i["title"] != "The Red Sleeve" for i in items)


def test_similar_to_an_unknown_title_exits_1(run):
    result = run("similar", "Goblin")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stderr.startswith("Error: no drama called 'Goblin'")


def test_watched_add_confirms_and_twice_is_harmless(run):
    result = run("watched", "add", "moon lovers")
    assert result.exit_code == 0
    assert result.stdout == "Marked as watched: Scarlet Heart: Goryeo (2016, SBS)\n"
    again = run("watched", "add", "Scarlet Heart: Goryeo")
    assert again.exit_code == 0
    assert again.stdout == "Already in your watched log: Scarlet Heart: Goryeo\n"


def test_watched_list_and_json(run):
    run("watched", "add", "Radiant")
    run("watched", "add", "Death Song")
    lines = run("watched", "list").stdout.splitlines()
    assert [line.split("  ", 1)[1] for line in lines] == ["Radiant", "Death Song"]
    items = json.loads(run("watched", "list", "--json").stdout)
    assert [i["title"] for i in items] == ["Radiant", "Death Song"]
    assert all(i["in_catalogue"] for i in items)
    assert len(items[0]["added"]) == 10


def test_watched_remove_and_removing_what_is_not_there(run):
    run("watched", "add", "Radiant")
    assert run("watched", "remove", "dazzling").stdout == "Removed from your watched log: Radiant\n"
    missing = run("watched", "remove", "Radiant")
    assert missing.exit_code == ExitStatus.NO_MATCH
    assert missing.stderr == "Error: 'Radiant' is not in your watched log\n"


def test_watched_clear_needs_yes(run):
    run("watched", "add", "Radiant")
    refused = run("watched", "clear")
    assert refused.exit_code == ExitStatus.USAGE
    assert refused.stderr == "Error: clearing the watched log needs --yes\n"
    assert run("watched", "clear", "--yes").stdout == "Cleared 1 record from your watched log.\n"
    assert json.loads(run("watched", "list", "--json").stdout) == []


def test_watched_add_of_an_unknown_title_exits_1(run):
    result = run("watched", "add", "Goblin")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert json.loads(run("watched", "list", "--json").stdout) == []


def test_suggest_leaves_watched_dramas_out_and_still_fills_the_limit(run):
    before = headings(run("suggest", "--limit", "5").stdout)
    for title in before[:2]:
        run("watched", "add", title)
    after = headings(run("suggest", "--limit", "5").stdout)
    assert len(after) == 5
    assert not set(before[:2]) & set(after)
    assert after[:3] == before[2:5]


def test_include_watched_brings_them_back_marked(run):
    run("watched", "add", "Hi Bye, Mama")
    assert "Hi Bye, Mama" not in run("suggest", "--mood", "grief").stdout
    marked = run("suggest", "--mood", "grief", "--include-watched").stdout.splitlines()[0]
    assert marked == "1. Hi Bye, Mama (2020, tvN)  score 100  💧💧💧💧💧 5/5  [watched]"
    items = json.loads(run("search", "grief", "--include-watched", "--json").stdout)
    assert [(i["title"], i["watched"]) for i in items] == [
        ("Hi Bye, Mama", True),
        ("The Red Sleeve", False),
    ]
    assert "Hi Bye, Mama" not in run("similar", "Radiant").stdout
    assert "Hi Bye, Mama" in run("similar", "Radiant", "--include-watched").stdout


def test_search_leaves_watched_dramas_out(run):
    run("watched", "add", "Death Song")
    result = run("search", "Lee Jong Suk")
    assert result.exit_code == ExitStatus.NO_MATCH


def test_a_record_from_another_catalogue_is_kept_and_reported(run, isolated_environment):
    log = isolated_environment / "data" / "cry-picker" / "watched.json"
    log.parent.mkdir(parents=True)
    log.write_text(json.dumps({"app": "cry-picker", "format": 1, "watched": [
        {"title": "Goblin", "added": "2025-01-01"}, {"title": "Radiant", "added": "2025-01-02"}]}))  # fmt: skip
    listed = run("watched", "list").stdout.splitlines()
    assert listed == ["2025-01-01  Goblin  (not in the current catalogue)", "2025-01-02  Radiant"]
    run("watched", "add", "Death Song")
    assert "Goblin" in log.read_text()
    assert run("watched", "remove", "Goblin").exit_code == 0


def test_a_damaged_log_is_reported_and_moved_aside(run, isolated_environment):
    log = isolated_environment / "data" / "cry-picker" / "watched.json"
    log.parent.mkdir(parents=True)
    log.write_text("garbage")
    result = run("suggest", "--mood", "grief")
    assert result.exit_code == 0
    assert result.stderr.startswith("Warning: the watched log could not be read; it was moved to ")
    (aside,) = log.parent.glob("watched.json.corrupt-*")
    assert aside.read_text() == "garbage"


def test_an_unwritable_data_directory_gives_one_clear_message(
    run, isolated_environment, monkeypatch
):
    blocker = isolated_environment / "blocked"
    blocker.write_text("")
    monkeypatch.setenv("XDG_DATA_HOME", str(blocker))
    result = run("watched", "add", "Radiant")
    assert result.exit_code == ExitStatus.STORAGE
    assert result.stderr.splitlines() == [
        f"Error: cannot use the data directory {blocker / 'cry-picker'}: a file is in the way",
        f"Hint: move the file that stands in the way of {blocker / 'cry-picker'}, or set "
        "XDG_DATA_HOME to a directory you can write to",
    ]
    assert run("suggest", "--mood", "grief").exit_code == 0  # reading still works


def test_surprise_is_reproducible_with_a_seed(run):
    first = run("surprise", "--seed", "7", "--json")
    assert first.exit_code == 0
    picks = {json.loads(run("surprise", "--seed", "7", "--json").stdout)["title"] for _ in range(3)}
    assert picks == {json.loads(first.stdout)["title"]}


def test_surprise_respects_filters(run):
    for seed in range(5):
        picked = json.loads(
            run("surprise", "--era", "joseon", "--seed", str(seed), "--json").stdout
        )
        assert picked["title"] in {"Mr. Sunshine", "Queen for 7 Days", "The Red Sleeve"}


@pytest.mark.parametrize("seed", range(8))
def test_surprise_never_picks_a_watched_drama(run, seed):
    for title in ["Hi Bye, Mama", "Youth of May", "Uncontrollably Fond", "Mr. Sunshine", "Radiant"]:
        run("watched", "add", title)
    picked = run("surprise", "--seed", str(seed)).stdout.splitlines()[0]
    assert picked.split("  ")[0] in {
        "The Smile Has Left Your Eyes", "Queen for 7 Days", "Scarlet Heart: Goryeo", "The Red Sleeve", "Death Song"
    }  # fmt: skip


def test_surprise_with_everything_watched_exits_1(run):
    result = run("surprise", "--era", "goryeo")
    assert result.exit_code == 0
    run("watched", "add", "Scarlet Heart: Goryeo")
    result = run("surprise", "--era", "goryeo")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stderr == (
        "Error: you have watched every drama that fits all of that\n"
        "Hint: add --include-watched to pick among them again\n"
    )
    again = run("surprise", "--era", "goryeo", "--include-watched")
    assert (again.exit_code, again.stdout.splitlines()[0].split("  ")[0]) == (
        0,
        "Scarlet Heart: Goryeo",
    )


def test_surprise_with_nothing_that_fits_says_so_without_the_watched_log(run):
    run("watched", "add", "Scarlet Heart: Goryeo")
    result = run("surprise", "--era", "goryeo", "--actor", "Kim Tae-hee")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stderr == "Error: no drama fits all of that\n"
