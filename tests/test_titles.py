"""Titles: two dramas of one name, titles held in a query, and catalogues merged by every
name. Each test builds the catalogue it needs."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cry_picker.catalogue import open_catalogue
from cry_picker.cli.status import ExitStatus
from cry_picker.errors import AmbiguousTitle, EmptyText, TitleNotFound
from cry_picker.text import clean_query, compact, title_key
from cry_picker.titles import resolve

from .test_precision import entry


@pytest.fixture
def catalogue_of(write_catalogue):
    def build(*entries: str):
        return open_catalogue(write_catalogue("".join(entries)), bundled=False)

    return build


@pytest.fixture
def cli_catalogue(write_catalogue):
    """A file of `entries` and the arguments that make a command use it alone."""

    def build(*entries: str) -> list[str]:
        return ["--catalog", str(write_catalogue("".join(entries))), "--no-bundled"]

    return build


TWINS = (
    entry("Trap", year=2019, hangul="트랩", cast=[("Lee Seo-jin", "Kang Woo-hyun")]),
    entry("Trap (2020)", year=2020, alt=["Teuraeb"], cast=[("Kim Test", "Lead")]),
    entry("The Miracle", year=2013),
    entry("The Miracle (2016)", year=2016),
    entry("Seoul", year=2019),
    entry("Seoul (1988)", year=2020),  # a year in the title that is not its air year
)


# --- two dramas of one name --------------------------------------------------------------


def test_a_name_two_dramas_share_lists_both_with_their_years(catalogue_of):
    catalogue = catalogue_of(*TWINS)
    with pytest.raises(AmbiguousTitle) as caught:
        resolve(catalogue, "Trap")
    assert caught.value.suggestions == ("Trap", "Trap (2020)")
    assert caught.value.years == (2019, 2020)
    assert caught.value.name == "Trap"
    # A year in a title that is not the drama's own is part of its name.
    assert resolve(catalogue, "Seoul").drama.year == 2019


@pytest.mark.parametrize(
    ("query", "year", "name"),
    [("Trap 2020", 2020, "Trap"), ("Trap (2020)", 2020, "trap"), ("trap [2020]", 2020, "TRAP"),
     ("Trap 2019", 2019, "Trap"), ("Trap (2019)", 2019, "Trap"),
     ("the miracle 2016", 2016, "the miracle"), ("Miracle (2013)", 2013, "Miracle")],
)  # fmt: skip
def test_a_year_picks_one_and_without_one_it_could_be_either(catalogue_of, query, year, name):
    catalogue = catalogue_of(*TWINS)
    assert resolve(catalogue, query).drama.year == year
    with pytest.raises(AmbiguousTitle):
        resolve(catalogue, name)


@pytest.mark.parametrize("query", ["The Miracle", "Miracle", "the miracle", "Teh Miracle", "Trpa"])
def test_the_shared_name_without_its_article_or_with_a_slip_is_still_either(catalogue_of, query):
    catalogue = catalogue_of(*TWINS)
    with pytest.raises(AmbiguousTitle) as caught:
        resolve(catalogue, query)
    assert len(caught.value.suggestions) == 2
    assert caught.value.years[0] < caught.value.years[1]


def test_a_drama_titled_exactly_so_keeps_its_name_from_an_article_less_twin(catalogue_of):
    catalogue = catalogue_of(entry("Miracle", year=2022), *TWINS)
    assert resolve(catalogue, "Miracle").drama.year == 2022
    with pytest.raises(AmbiguousTitle):
        resolve(catalogue, "The Miracle")


def test_two_dated_titles_and_no_plain_one_are_still_one_name(catalogue_of):
    catalogue = catalogue_of(entry("Trap (2019)", year=2019), entry("Trap (2020)", year=2020))
    with pytest.raises(AmbiguousTitle) as caught:
        resolve(catalogue, "Trap")
    assert caught.value.suggestions == ("Trap (2019)", "Trap (2020)")
    assert resolve(catalogue, "Trap 2019").drama.year == 2019


def test_a_name_and_a_year_two_dramas_share_is_still_either(catalogue_of):
    catalogue = catalogue_of(entry("Love Story", alt=["Sad Love"]),
                             entry("Sad Love Song", alt=["Sad Love"]))  # fmt: skip
    with pytest.raises(AmbiguousTitle) as caught:
        resolve(catalogue, "Sad Love 2020")
    assert set(caught.value.suggestions) == {"Love Story", "Sad Love Song"}
    assert caught.value.name is None  # the year cannot tell them apart


def test_show_lists_both_with_their_years_and_says_how_to_pick(run, cli_catalogue):
    args = cli_catalogue(*TWINS)
    result = run("show", "Trap", *args)
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "Error: 'Trap' could be more than one drama",
        "Did you mean: Trap (2019), Trap (2020)?",
        "Hint: add the year, as in 'Trap 2020'",
    ]
    picked = json.loads(run("show", "Trap (2020)", "--json", *args).stdout)
    assert (picked["title"], picked["year"]) == ("Trap (2020)", 2020)
    assert json.loads(run("show", "Trap 2019", "--json", *args).stdout)["year"] == 2019


def test_every_command_that_takes_a_title_asks_which_one(run, cli_catalogue):
    args = cli_catalogue(*TWINS)
    for command in (["similar"], ["watched", "add"]):
        result = run(*command, "Trap", *args)
        assert result.exit_code == ExitStatus.NO_MATCH, command
        assert result.stderr.splitlines()[1] == "Did you mean: Trap (2019), Trap (2020)?"
    added = run("watched", "add", "trap (2019)", *args)
    assert added.exit_code == ExitStatus.OK
    assert added.stdout.startswith("Marked as watched: Trap (2019, tvN)")


def test_an_other_title_two_dramas_share_is_listed_with_years_that_tell_them_apart(
    run, cli_catalogue
):
    args = cli_catalogue(entry("Love Story", year=2018, alt=["Sad Love"]),
                         entry("Sad Love Song", year=2020, alt=["Sad Love"]))  # fmt: skip
    result = run("show", "sad love", *args)
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stderr.splitlines()[1:] == [
        "Did you mean: Love Story (2018), Sad Love Song (2020)?",
        "Hint: add the year, as in 'sad love 2020'",
    ]
    assert json.loads(run("show", "sad love 2020", "--json", *args).stdout)["title"] == (
        "Sad Love Song"
    )


# --- titles held in the query, or holding it: suggestions only ---------------------------

HELD = (
    entry("Time", year=2018),
    entry("Mother", year=2018),
    entry("Alice", year=2020),
    entry("Manhole", year=2017),
    entry("Blind", year=2022),
    entry("Guardian: The Lonely and Great God", year=2016,
          alt=["Goblin: The Lonely and Great God", "Dokkaebi"]),
    entry("Goblin Special: Every Moment of It Shined", year=2017,
          alt=["Goblin - Special Episode"]),
    entry("Kiss Goblin", year=2020),
    entry("Nine: Nine Times Time Travel", year=2013),
)  # fmt: skip


@pytest.mark.parametrize(
    ("query", "first"),
    [("Time Traveler", "Time"), ("Mother of Mine", "Mother"), ("Alice in Borderland", "Alice"),
     ("Goblin", "Guardian: The Lonely and Great God"), ("the goblin", "Guardian: The Lonely and Great God")],
)  # fmt: skip
def test_a_title_held_in_the_query_or_holding_it_is_offered_first_never_answered(
    catalogue_of, query, first
):
    catalogue = catalogue_of(*HELD)
    with pytest.raises(TitleNotFound) as caught:
        resolve(catalogue, query)
    assert caught.value.suggestions[0] == first
    assert len(caught.value.suggestions) <= 3


def test_goblin_offers_every_drama_with_goblin_in_a_name(catalogue_of):
    with pytest.raises(TitleNotFound) as caught:
        resolve(catalogue_of(*HELD), "Goblin")
    assert caught.value.suggestions == (
        "Guardian: The Lonely and Great God",
        "Goblin Special: Every Moment of It Shined",
        "Kiss Goblin",
    )


def test_show_offers_the_title_held_in_what_was_typed(run, cli_catalogue):
    result = run("show", "Time Traveler", *cli_catalogue(*HELD))
    assert result.exit_code == ExitStatus.NO_MATCH
    assert (
        result.stderr.splitlines()[0] == "Error: no drama called 'Time Traveler' in the catalogue"
    )
    assert result.stderr.splitlines()[1].startswith("Did you mean: Time, ")


def test_only_whole_words_are_held(catalogue_of):
    from cry_picker.titles import held_titles

    catalogue = catalogue_of(entry("Time", year=2018), entry("Mothers", year=2019))
    assert held_titles(catalogue, "Timeless Mother") == {}  # "Timeless" does not hold "Time"
    held = held_titles(catalogue, "Time Travelers")
    assert list(held) == [0]
    assert 70 <= held[0] < 100  # a suggestion, never an answer
    with pytest.raises(TitleNotFound) as caught:
        resolve(catalogue, "Time Travelers")
    assert caught.value.suggestions[0] == "Time"


# --- a query with no letters or digits ---------------------------------------------------


@pytest.mark.parametrize("command", ["show", "similar"])
@pytest.mark.parametrize("nothing", ["!!!", "😭"])
def test_a_title_of_no_letters_is_not_found_rather_than_empty(run, cli_catalogue, command, nothing):
    result = run(command, nothing, *cli_catalogue(*TWINS))
    assert result.stderr.splitlines()[0] == f"Error: no drama called '{nothing}' in the catalogue"
    assert result.exit_code == ExitStatus.NO_MATCH


@pytest.mark.parametrize(
    ("args", "first", "status"),
    [(["actor", "!!!"], "Error: no actor called '!!!' in the catalogue", ExitStatus.NO_MATCH),
     (["suggest", "--actor", "?!"], "Error: no actor called '?!' in the catalogue",
      ExitStatus.NO_MATCH),
     (["suggest", "--mood", "!!!"], "Error: unknown mood '!!!'", ExitStatus.USAGE),
     (["suggest", "--era=-?-"], "Error: unknown era '-?-'", ExitStatus.USAGE),
     (["actor", "   "], "Error: an actor's name cannot be empty", ExitStatus.USAGE),
     (["suggest", "--mood", " "], "Error: a mood cannot be empty", ExitStatus.USAGE),
     (["suggest", "--era", ""], "Error: an era cannot be empty", ExitStatus.USAGE)],
)  # fmt: skip
def test_only_nothing_typed_is_empty_anything_else_is_unknown(run, cli_catalogue, args, first,
                                                              status):  # fmt: skip
    result = run(*args, *cli_catalogue(*TWINS))
    assert result.stderr.splitlines()[0] == first
    assert result.exit_code == status
    assert result.stdout == ""


# --- free text -----------------------------------------------------------------------------

WORDS = ["Trap", "trap", "(2020)", "2019", "[2020]", "The", "Miracle", "Time", "Traveler",
         "Goblin", "Seoul", "(1988)", "!!!", "😭", " ", "", "\x1b[31m", "트랩", "Teuraeb", "Trpa"]  # fmt: skip
FREE_TEXT = st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join),
    st.text(max_size=40),
)


@pytest.fixture(scope="module")
def twins_and_held(tmp_path_factory):
    path = tmp_path_factory.mktemp("titles") / "twins.toml"
    path.write_text("".join(TWINS + HELD[:3] + HELD[5:6]), encoding="utf-8")
    return open_catalogue(path, bundled=False)


def _base(title: str, year: int) -> str:
    for dated in (f" ({year})", f" [{year}]"):
        if title.endswith(dated):
            return title[: -len(dated)]
    return title


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(FREE_TEXT)
@example("Trap")
@example("the miracle")
@example("!!!")
def test_free_text_gets_one_drama_no_guess_between_namesakes_or_a_documented_error(
    twins_and_held, text
):
    catalogue = twins_and_held
    error: Exception | None = None
    try:
        found = resolve(catalogue, text)
    except (EmptyText, AmbiguousTitle, TitleNotFound) as raised:  # nothing else may come out
        error = raised
    if isinstance(error, EmptyText):
        assert clean_query(text) == ""  # only nothing typed is "empty"
        return
    if isinstance(error, AmbiguousTitle):
        assert len(error.suggestions) >= 2
        assert len(error.years) == len(error.suggestions)
        return
    if isinstance(error, TitleNotFound):
        assert clean_query(text) != ""
        assert set(error.suggestions) <= {d.title for d in catalogue}
        assert len(error.suggestions) <= 3
        return
    # A confident answer: no other drama goes by the name that was typed.
    typed = compact(title_key(text))
    namesakes = {d.title for d in catalogue if compact(title_key(_base(d.title, d.year))) == typed}
    assert namesakes <= {found.drama.title}, (text, namesakes)
    assert 0 < found.score <= 100


# --- catalogues merged by every name -------------------------------------------------------


@pytest.fixture
def bundled_with(write_catalogue, monkeypatch):
    """Make `entries` the bundled catalogue."""

    def use(*entries: str) -> None:
        path = write_catalogue("".join(entries), name="bundled.toml")
        monkeypatch.setattr("cry_picker.loader.bundled_path", lambda: path)

    return use


def listed(run, *args: str) -> list[str]:
    return [item["title"] for item in json.loads(run("list", "--json", *args).stdout)]


def test_an_entry_titled_with_a_bundled_hangul_title_replaces_that_drama(run, write_catalogue):
    # The bundled catalogue here is tests/fixtures/ten.toml: Mr. Sunshine is 미스터 션샤인.
    mine = write_catalogue(entry("미스터 션샤인", year=2018, tears=1))
    titles = listed(run, "-c", str(mine))
    assert len(titles) == 10
    assert "Mr. Sunshine" not in titles
    assert "미스터 션샤인" in titles
    assert run("validate", str(mine)).stderr.splitlines() == [
        'Note: drama #1 ("미스터 션샤인") replaces the bundled "Mr. Sunshine" when merged over it'
    ]


def test_an_entry_whose_hangul_title_is_a_bundled_title_replaces_that_drama(
    run, write_catalogue, bundled_with
):
    bundled_with(entry("눈이 부시게", year=2019), entry("Other", year=2020))
    mine = write_catalogue(entry("Radiant", year=2019, hangul="눈이 부시게", tears=5))
    assert listed(run, "-c", str(mine)) == ["Radiant", "Other"]


def test_a_hangul_title_two_bundled_dramas_share_replaces_neither(
    run, write_catalogue, bundled_with
):
    bundled_with(entry("Mother", year=2018, hangul="마더"), entry("Mother (2023)", year=2023,
                 hangul="마더"), entry("Radiant", year=2019, hangul="눈이 부시게"))  # fmt: skip
    mine = write_catalogue(entry("마더", year=2020) + entry("눈이 부시게", year=2019, tears=5))
    assert listed(run, "-c", str(mine)) == ["Mother", "Mother (2023)", "눈이 부시게", "마더"]


def test_validate_notes_other_titles_a_bundled_drama_also_goes_by(run, write_catalogue):
    # ten.toml: "Radiant" is a bundled title, "Moon Lovers" another title of Scarlet Heart:
    # Goryeo, "Mister Sunshine" another title of Mr. Sunshine, which this file replaces.
    mine = write_catalogue(
        entry("Tears of the Test", alt=["Radiant", "Moon Lovers", "Testing Tears"])
        + entry("mr sunshine", year=2018, alt=["Mister Sunshine"])
    )
    result = run("validate", str(mine))
    assert result.exit_code == ExitStatus.OK
    assert result.stderr.splitlines() == [
        "Note: drama #1 (\"Tears of the Test\"): other title 'Radiant' is the title of the "
        'bundled "Radiant", which it will open when merged',
        "Note: drama #1 (\"Tears of the Test\"): other title 'Moon Lovers' is also one of the "
        'bundled "Scarlet Heart: Goryeo"; typed alone, it will ask which one you mean',
        'Note: drama #2 ("mr sunshine") replaces the bundled "Mr. Sunshine" when merged over it',
    ]
    assert result.stdout == f"{mine}: valid, 2 dramas\n"
    notes = json.loads(run("validate", str(mine), "--json").stdout)["notes"]
    assert [(n["kind"], n["word"], n["closest"]) for n in notes] == [
        ("shadowed", "Radiant", "Radiant"),
        ("shared", "Moon Lovers", "Scarlet Heart: Goryeo"),
        ("replaces", "Mr. Sunshine", None),
    ]
    # And the notes say what happens.
    shown = json.loads(run("show", "Radiant", "--json", "-c", str(mine)).stdout)
    assert shown["synopsis"] != "Somebody is sad."
    assert run("show", "Moon Lovers", "-c", str(mine)).exit_code == ExitStatus.NO_MATCH
