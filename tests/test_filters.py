"""What a fan filters by: air years, network, length and ending; an actor's dramas; the
list; and the rule that an ending is never shown unless asked for."""

from __future__ import annotations

import json

import pytest

from cry_picker.cli.status import ExitStatus
from cry_picker.errors import BadValue, OutOfRange, UnknownTerm
from cry_picker.filters import Filters, read, read_aired, read_ending
from cry_picker.listing import listing
from cry_picker.suggest import suggest

from .test_precision import entry


def drama(title, *, year, network, episodes=None, ending=None, tears=3, moods=("grief",),
          cast=(("Kim Test", "Lead"),), era="Contemporary", period=None):  # fmt: skip
    text = entry(title, year=year, tears=tears, moods=moods, cast=cast, era=era, period=period)
    text = text.replace('network = "tvN"', f'network = "{network}"')
    if episodes is not None:
        text = text.replace("tears =", f"episodes = {episodes}\ntears =")
    if ending is not None:
        text = text.replace("synopsis =", f'ending = "{ending}"\nsynopsis =')
    return text


SHELF = "".join([
    drama("Old Flame", year=2004, network="KBS2", episodes=16, ending="sad", tears=5,
          cast=[("Lee Jong-suk", "A")]),
    drama("Weekend", year=2019, network="tvN", episodes=12, ending="happy", tears=4),
    drama("Long Haul", year=2015, network="MBC", episodes=50, ending="bittersweet", tears=3,
          cast=[("Lee Jong-suk", "B")]),
    drama("Streaming", year=2021, network="Netflix", episodes=8, ending="happy", tears=2),
    drama("Unknown End", year=2020, network="KBS1", episodes=20, tears=5),
    drama("No Count", year=2018, network="JTBC", ending="sad", tears=4,
          cast=[("Lee Jong-suk", "C")]),
    drama("Plus", year=2023, network="Disney+", episodes=16, ending="happy", tears=3),
])  # fmt: skip


@pytest.fixture
def shelf(write_catalogue):
    from cry_picker.catalogue import open_catalogue

    return open_catalogue(write_catalogue(SHELF), bundled=False)


@pytest.fixture
def cli(run, write_catalogue):
    path = str(write_catalogue(SHELF))

    def invoke(*args: str):
        return run(*args, "--catalog", path, "--no-bundled")

    return invoke


def titles(results):
    return sorted(r.drama.title for r in results)


def filtered(catalogue, **typed):
    return titles(suggest(catalogue, limit=50, filters=read(catalogue.index, **typed)))


# --- each filter alone --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("aired", "expected"),
    [("2019", ["Weekend"]), ("2015-2019", ["Long Haul", "No Count", "Weekend"]),
     ("2021-", ["Plus", "Streaming"]), ("-2005", ["Old Flame"]), ("2015–2018", ["Long Haul", "No Count"])],
)  # fmt: skip
def test_aired_is_the_first_air_year_alone_or_a_range(shelf, aired, expected):
    assert filtered(shelf, aired=aired) == expected


@pytest.mark.parametrize(
    ("networks", "expected"),
    [(["tvn"], ["Weekend"]), (["KBS"], ["Old Flame", "Unknown End"]), (["kbs2"], ["Old Flame"]),
     (["netflix"], ["Streaming"]), (["disney"], ["Plus"]), (["tvN", "jtbc"], ["No Count", "Weekend"])],
)  # fmt: skip
def test_networks_match_forgivingly_and_several_mean_any(shelf, networks, expected):
    assert filtered(shelf, networks=networks) == expected


def test_episode_limits_leave_out_dramas_without_a_count(shelf):
    assert filtered(shelf, max_episodes=12) == ["Streaming", "Weekend"]
    assert filtered(shelf, min_episodes=20) == ["Long Haul", "Unknown End"]
    assert "No Count" not in filtered(shelf, min_episodes=1)


def test_endings_leave_out_dramas_without_one(shelf):
    assert filtered(shelf, endings=["happy"]) == ["Plus", "Streaming", "Weekend"]
    assert filtered(shelf, endings=["sad", "bittersweet"]) == ["Long Haul", "No Count", "Old Flame"]
    assert "Unknown End" not in filtered(shelf, endings=["happy", "bittersweet", "sad"])


def test_filters_combine(shelf):
    assert filtered(shelf, aired="2015-", networks=["tvn", "netflix"], max_episodes=12,
                    endings=["happy"]) == ["Streaming", "Weekend"]  # fmt: skip


# --- filters as reasons, and the spoiler rule ---------------------------------------------


def test_every_filter_is_a_reason_worth_no_points(shelf):
    filters = read(shelf.index, aired="2019", networks=["tvn"], max_episodes=16, endings=["happy"])
    (found,) = suggest(shelf, filters=filters)
    said = {r.kind.value: r.subject for r in found.reasons if r.filter}
    assert said == {"aired": "2019", "network": "tvN", "episodes": "12", "ending": "happy"}
    assert sum(r.points for r in found.reasons) == found.score


def test_list_and_surprise_say_which_filters_each_drama_passed(cli):
    lines = cli("list", "--network", "kbs", "--max-episodes", "20").stdout.splitlines()
    assert [line.split(" (")[0] for line in lines] == ["Old Flame", "Unknown End"]
    assert lines[0].endswith(" · on KBS2 (filter), 16 episodes (filter)")
    listed = json.loads(cli("list", "--network", "kbs", "--max-episodes", "20", "--json").stdout)
    assert [r["text"] for r in listed[1]["reasons"]] == ["on KBS1 (filter)", "20 episodes (filter)"]
    assert all(r["points"] == 0 for item in listed for r in item["reasons"])
    unfiltered = json.loads(cli("list", "--json").stdout)
    assert all(item["reasons"] == [] for item in unfiltered)

    picked = cli("surprise", "--network", "kbs1", "--seed", "3").stdout.splitlines()
    assert picked[:2] == ["Unknown End", "Picked for: tears: 5/5; on KBS1 (filter)"]
    item = json.loads(cli("surprise", "--aired", "2021-", "--seed", "3", "--json").stdout)
    assert {r["kind"] for r in item["reasons"]} == {"tears", "aired"}
    assert sum(r["points"] for r in item["reasons"]) == item["score"]


def test_no_ending_in_any_output_without_spoilers(cli):
    for args in (
        ["suggest", "--ending", "sad", "--ending", "bittersweet", "--json"],
        ["search", "grief", "--ending", "sad", "--ending", "bittersweet", "--json"],
        ["similar", "Weekend", "--ending", "sad", "--ending", "bittersweet", "--json"],
        ["list", "--ending", "sad", "--ending", "bittersweet", "--json"],
        ["show", "Old Flame", "--json"],
        ["surprise", "--ending", "sad", "--ending", "bittersweet", "--seed", "1", "--json"],
    ):
        text = cli(*args).stdout
        items = json.loads(text)
        for item in items if isinstance(items, list) else [items]:
            assert "ending" not in item, args
            for reason in item.get("reasons", []):
                assert reason["subject"] in ("sad or bittersweet",) or reason["kind"] != "ending"
        assert '"bittersweet"' not in text, args
        assert '"sad"' not in text, args
    plain = cli("suggest", "--ending", "sad", "--ending", "bittersweet").stdout
    assert "ending: sad or bittersweet (filter)" in plain
    assert "ending: bittersweet (filter)" not in plain


def test_spoilers_show_the_ending(cli):
    item = json.loads(cli("suggest", "--ending", "sad", "--ending", "bittersweet", "--spoilers",
                          "--json").stdout)[0]  # fmt: skip
    assert item["ending"] in ("sad", "bittersweet")
    assert {"kind": "ending", "subject": item["ending"], "points": 0,
            "text": f"ending: {item['ending']} (filter)"} in item["reasons"]  # fmt: skip
    shown = cli("show", "Long Haul", "--spoilers").stdout
    assert "  ! Ending: bittersweet" in shown.splitlines()
    assert (
        json.loads(cli("show", "Long Haul", "--spoilers", "--json").stdout)["ending"]
        == "bittersweet"
    )


def test_left_out_for_lack_of_data_is_said_on_stderr(cli):
    # No Count ends sadly but has no episode count; Unknown End has 20 episodes, no ending.
    result = cli("suggest", "--ending", "sad", "--max-episodes", "30", "-n", "1")
    assert result.exit_code == ExitStatus.OK
    assert result.stderr.splitlines() == [
        "Note: 1 drama with no episode count left out.",
        "Note: 1 drama with no known ending left out.",
    ]


def test_only_dramas_the_other_filters_keep_are_counted_as_left_out_for_lack_of_data(cli):
    # Unknown End (2020) has no ending, No Count (2018) no episode count: both aired before 2021.
    result = cli("list", "--aired", "2021-", "--ending", "happy", "--max-episodes", "30")
    assert result.exit_code == ExitStatus.OK
    assert result.stderr == ""
    result = cli("list", "--aired", "2020-", "--ending", "happy")
    assert result.stderr == "Note: 1 drama with no known ending left out.\n"


def test_a_sort_is_read_whatever_its_case(shelf):
    assert listing(shelf, sort=" EPISODES") == listing(shelf, sort="episodes")


# --- bad values -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "first_line"),
    [
        (["--aired", "20x5"], "Error: --aired: cannot read '20x5'"),
        (["--aired", "2020-2015"], "Error: --aired: cannot read '2020-2015'"),
        (["--max-episodes", "0"], "Error: --max-episodes must be from 1 to 10,000, got 0"),
        (["--min-episodes", "20", "--max-episodes", "12"],
         "Error: --min-episodes must be from 1 to 12, got 20"),
        (["--ending", "meh"], "Error: --ending: cannot read 'meh'"),
        (["--network", "tvm"], "Error: no drama in the catalogue aired on 'tvm'"),
        (["--max-episodes", "lots"], "Error: Invalid value for '--max-episodes'"),
        (["--sort", "rating"], "Error: --sort: cannot read 'rating'"),
    ],
)  # fmt: skip
def test_a_filter_value_that_cannot_be_read_is_a_usage_error_with_the_accepted_forms(
    cli, args, first_line
):
    command = "list" if "--sort" in args else "suggest"
    result = cli(command, *args)
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr.splitlines()[0].startswith(first_line)
    assert result.stdout == ""


def test_the_accepted_forms_are_listed():
    with pytest.raises(BadValue) as caught:
        read_aired("soon")
    assert caught.value.accepted == ("2019", "2015-2020", "2015-", "-2005")
    with pytest.raises(BadValue) as caught:
        read_ending("meh")
    assert caught.value.accepted == ("happy", "bittersweet", "sad")


def test_an_unknown_network_offers_the_catalogues(shelf):
    with pytest.raises(UnknownTerm) as caught:
        read(shelf.index, networks=["tv n plus"])
    assert caught.value.what == "network"
    with pytest.raises(OutOfRange):
        read(shelf.index, min_episodes=0)


# --- list -----------------------------------------------------------------------------------


def test_list_sorts_by_year_tears_title_and_episodes(shelf):
    by = {sort: [shelf[p].title for p in listing(shelf, sort=sort)] for sort in
          ("year", "tears", "title", "episodes")}  # fmt: skip
    assert by["year"][:3] == ["Plus", "Streaming", "Unknown End"]
    assert by["tears"][:2] == ["Old Flame", "Unknown End"]
    assert by["title"][:2] == ["Long Haul", "No Count"]
    assert by["episodes"][0] == "Streaming"
    assert by["episodes"][-1] == "No Count"  # no count: last


def test_list_takes_moods_eras_tears_and_filters(cli):
    result = cli("list", "--min-tears", "4", "--network", "kbs", "--sort", "year")
    assert [line.split(" (")[0] for line in result.stdout.splitlines()] == [
        "Unknown End", "Old Flame"
    ]  # fmt: skip
    assert cli("list", "--mood", "family").exit_code == ExitStatus.NO_MATCH


def test_show_and_list_mark_the_watched(cli):
    cli("watched", "add", "Weekend")
    assert "[watched]" in cli("show", "Weekend").stdout.splitlines()[0]
    assert json.loads(cli("show", "Weekend", "--json").stdout)["watched"] is True
    assert json.loads(cli("show", "Plus", "--json").stdout)["watched"] is False
    lines = cli("list").stdout.splitlines()
    assert next(line for line in lines if line.endswith("[watched]")).startswith("Weekend")
    listed = {i["title"]: i["watched"] for i in json.loads(cli("list", "--json").stdout)}
    assert listed["Weekend"] is True
    assert listed["Plus"] is False


# --- an actor's dramas ----------------------------------------------------------------------


def test_an_actors_dramas_newest_first_with_role_year_network_and_tears(cli):
    result = cli("actor", "jongsuk lee")
    assert result.stdout.splitlines() == [
        "Lee Jong-suk",
        "3 dramas in the catalogue, newest first:",
        "  2018  No Count (JTBC) as C  💧💧💧💧· 4/5",
        "  2015  Long Haul (MBC) as B  💧💧💧·· 3/5",
        "  2004  Old Flame (KBS2) as A  💧💧💧💧💧 5/5",
    ]
    data = json.loads(cli("actor", "이종석", "--json").stdout)
    assert data["actor"] == "Lee Jong-suk"
    assert [(d["year"], d["title"], d["role"]) for d in data["dramas"]] == [
        (2018, "No Count", "C"), (2015, "Long Haul", "B"), (2004, "Old Flame", "A")
    ]  # fmt: skip


def test_an_unknown_actor_is_not_found_with_did_you_mean(cli):
    result = cli("actor", "Lee Jong-hyuk")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stderr.splitlines()[:2] == [
        "Error: no actor called 'Lee Jong-hyuk' in the catalogue",
        "Did you mean: Lee Jong-suk?",
    ]
    assert json.loads(cli("actor", "Lee Jong-hyuk", "--json").stdout) is None


def test_the_actor_command_shows_other_names_and_hangul(run):
    result = run("actor", "Suzy")
    assert result.stdout.splitlines()[:2] == ["Bae Suzy  배수지", "Also known as: Suzy"]


def test_filters_keep_a_default_of_nothing():
    assert Filters() == Filters(None, (), None, None, ())


def test_an_actors_name_given_as_a_title_points_at_the_actor_command(run):
    result = run("show", "Lee Joon-gi")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stderr.splitlines() == [
        "Error: no drama called 'Lee Joon-gi'; Lee Joon-gi is an actor here",
        "Hint: try: cry-picker actor 'Lee Joon-gi'",
    ]
