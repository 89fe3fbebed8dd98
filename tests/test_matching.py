"""resolve and search: fans type names and titles the way they remember them."""

from __future__ import annotations

import pytest

from cry_picker.errors import NotFound, TitleNotFound, UsageProblem
from cry_picker.search import search
from cry_picker.text import name_key, name_query_keys
from cry_picker.titles import resolve

from .conftest import said


def top_title(catalogue, query):
    results = search(catalogue, query, limit=5)
    assert results, f"nothing found for {query!r}"
    return results[0].drama.title


def titles(results):
    return [m.drama.title for m in results]


# --- names: spacing, hyphens, order, romanisation, Hangul, stage names -----------------


@pytest.mark.parametrize(
    "query",
    ["Lee Jong-suk", "Lee Jong Suk", "lee jongsuk", "LEE JONG-SUK", "Jongsuk Lee", "Jong-suk Lee",
     "Jong Suk Lee", "Lee Jong-seok", "이종석", "Lee Jong Sukk"],
)  # fmt: skip
def test_every_way_of_writing_lee_jong_suk_finds_death_song(ten, query):
    result = search(ten, query)[0]
    assert result.drama.title == "Death Song"
    assert result.score >= 90
    assert "actor: Lee Jong-suk" in said(result)[0]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Joon-gi", "Jun-ki"),  # oo/u, g/k
        ("Jeong", "Jung"),  # eo/u before a final consonant
        ("Seo", "So"),  # eo/o
        ("Tae", "Te"),  # ae/e
        ("Hee", "Hi"),  # ee/i
        ("Deok", "Teok"),  # d/t
        ("Byung", "Pyung"),  # b/p
        ("Ji-eun", "Chi-eun"),  # j/ch
        ("Rok", "Lok"),  # r/l
        ("Shin", "Sin"),  # s/sh
        ("Lee", "Yi"),  # surname spellings no rule reconciles
        ("Park", "Bak"),
    ],
)
def test_romanisation_variants_share_a_key(a, b):
    assert name_key(a) == name_key(b)


def test_joon_gi_and_jun_ki_are_the_same_actor(ten):
    assert top_title(ten, "Lee Joon-gi") == "Scarlet Heart: Goryeo"
    assert top_title(ten, "Lee Jun-ki") == "Scarlet Heart: Goryeo"
    assert top_title(ten, "Jun-ki Lee") == "Scarlet Heart: Goryeo"


def test_a_given_name_alone_finds_the_actor(ten):
    result = search(ten, "Joon-gi")[0]
    assert result.drama.title == "Scarlet Heart: Goryeo"
    assert said(result)[0].startswith("actor: Lee Joon-gi")


def test_a_name_typed_surname_last_is_tried_both_ways():
    assert name_key("Lee Jong-suk") in name_query_keys("Jongsuk Lee")


@pytest.mark.parametrize(
    ("query", "title", "reason"),
    [
        ("Suzy", "Uncontrollably Fond", "actor: Bae Suzy (also known as Suzy) as Noh Eul"),
        ("IU", "Scarlet Heart: Goryeo", "actor: IU as Hae Soo / Go Ha-jin"),
        ("Lee Ji-eun", "Scarlet Heart: Goryeo", "actor: IU (also known as Lee Ji-eun)"),
        ("Junho", "The Red Sleeve", "actor: Lee Jun-ho (also known as Junho)"),
        ("Geum Sae-rok", "Youth of May", "actor: Keum Sae-rok"),
    ],
)
def test_stage_names_and_aliases_find_the_actor(ten, query, title, reason):
    result = search(ten, query)[0]
    assert result.drama.title == title
    assert said(result)[0].startswith(reason)


def test_a_role_can_be_searched_and_says_who_played_it(ten):
    result = search(ten, "Yoon Shim Deok")[0]
    assert result.drama.title == "Death Song"
    assert said(result)[0] == "role: Yun Sim-deok (played by Shin Hye-sun)"


def test_kim_tae_hee_is_not_kim_tae_ri(ten):
    assert titles(search(ten, "Kim Tae Hee")) == ["Hi Bye, Mama"]
    assert titles(search(ten, "Kim Tae Ri")) == ["Mr. Sunshine"]


def test_an_actor_in_two_dramas_finds_both(ten):
    found = search(ten, "Nam Joo Hyuk")
    assert set(titles(found)) == {"Radiant", "Scarlet Heart: Goryeo"}
    assert all(m.score == 100 for m in found)


@pytest.mark.parametrize("surname", ["Lee", "Kim", "Park"])
def test_a_surname_alone_is_never_a_confident_match(ten, surname):
    found = search(ten, surname)
    assert found
    assert all(m.score < 50 for m in found)
    assert all("surname only" in said(m)[0] for m in found)


# --- titles -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("Mr. Sunshine", "Mr. Sunshine"),
        ("mr sunshine", "Mr. Sunshine"),
        ("mr sunshin", "Mr. Sunshine"),
        ("Mister Sunshine", "Mr. Sunshine"),
        ("미스터 션샤인", "Mr. Sunshine"),
        ("미스터션샤인", "Mr. Sunshine"),
        ("Moon Lovers", "Scarlet Heart: Goryeo"),
        ("moon lovers scarlet heart ryeo", "Scarlet Heart: Goryeo"),
        ("Dazzling", "Radiant"),
        ("The Light in Your Eyes", "Radiant"),
        ("The Hymn of Death", "Death Song"),
        ("Queen for Seven Days", "Queen for 7 Days"),
        ("Red Sleeve", "The Red Sleeve"),
        ("Uncontrolably Fond", "Uncontrollably Fond"),
        ("hi bye mama!", "Hi Bye, Mama"),
        ("하이바이 마마", "Hi Bye, Mama"),
    ],
)
def test_resolve_finds_a_drama_by_any_of_its_names(ten, query, title):
    assert resolve(ten, query).drama.title == title


def test_an_exact_other_title_scores_100_and_says_which_title_matched(ten):
    match = resolve(ten, "Moon Lovers")
    assert match.score == 100
    assert said(match) == ["also known as: Moon Lovers"]
    assert match.reasons[0].points == 100


def test_a_typo_still_resolves_but_scores_below_100(ten):
    match = resolve(ten, "mr sunshin")
    assert 80 <= match.score < 100


def test_a_drama_not_in_the_catalogue_is_not_found_with_the_closest_titles(ten):
    with pytest.raises(NotFound) as caught:
        resolve(ten, "Goblin")
    assert caught.value.text == "Goblin"
    assert 0 < len(caught.value.suggestions) <= 3


def test_a_partial_title_that_is_too_weak_is_offered_not_answered(ten):
    with pytest.raises(NotFound) as caught:
        resolve(ten, "Scarlet")
    assert caught.value.suggestions[0] == "Scarlet Heart: Goryeo"


def test_a_lone_article_is_not_a_title(ten):
    with pytest.raises(NotFound):
        resolve(ten, "the")


@pytest.mark.parametrize("empty", ["", "   ", "\x1b[31m"])
def test_an_empty_title_is_a_usage_problem(ten, empty):
    with pytest.raises(UsageProblem):
        resolve(ten, empty)


@pytest.mark.parametrize("nothing", ["!!!", "😭", "..."])
def test_a_title_with_no_letters_is_not_empty_but_not_found(ten, nothing):
    with pytest.raises(TitleNotFound):
        resolve(ten, nothing)


# --- search over moods, eras and synopses ----------------------------------------------


def test_a_mood_typo_or_synonym_finds_dramas_by_prominence(ten):
    for query in ("grief", "greif", "loss", "mourning"):
        found = search(ten, query)
        assert titles(found)[:2] == ["Hi Bye, Mama", "The Red Sleeve"], query
        assert found[0].score > found[1].score
        assert said(found[0])[0].startswith("mood: grief")


def test_an_era_finds_its_dramas(ten):
    assert top_title(ten, "goryeo") == "Scarlet Heart: Goryeo"
    assert top_title(ten, "Gwangju Uprising") == "Youth of May"
    assert top_title(ten, "1980") == "Youth of May"


def test_synopsis_words_count_for_less_than_a_name(ten):
    ghost = search(ten, "ghost mother")
    assert titles(ghost) == ["Hi Bye, Mama"]
    assert said(ghost[0]) == [
        "synopsis mentions: ghost, mother",
        "why you will cry mentions: mother",
    ]
    assert [r.points for r in ghost[0].reasons] == [ghost[0].score, 0]
    assert ghost[0].score < 100


def test_search_honours_the_limit_and_exclusions(ten):
    everyone = search(ten, "Lee", limit=50)
    assert len(search(ten, "Lee", limit=2)) == 2
    first = everyone[0].position
    assert first not in {m.position for m in search(ten, "Lee", limit=50, exclude={first})}


def test_search_results_are_ordered_by_score_then_tears_then_title(ten):
    found = search(ten, "Lee", limit=50)
    keys = [(-m.score, -m.drama.tears, m.drama.title.casefold()) for m in found]
    assert keys == sorted(keys)


def test_an_empty_query_is_a_usage_problem(ten):
    with pytest.raises(UsageProblem):
        search(ten, "  ")


def test_a_limit_below_one_is_a_usage_problem(ten):
    with pytest.raises(UsageProblem):
        search(ten, "grief", limit=0)
