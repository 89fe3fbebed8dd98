"""suggest: moods by prominence, era as a filter, actor as a narrowing, tears for ties."""

from __future__ import annotations

import pytest

from cry_picker.errors import AmbiguousActor, NotFound, UnknownTerm, UsageProblem
from cry_picker.results import Kind, apportion
from cry_picker.suggest import suggest
from cry_picker.terms import resolve_era, resolve_mood

from .conftest import said


def titles(results):
    return [m.drama.title for m in results]


def test_grief_puts_the_drama_where_grief_leads_first(ten):
    found = suggest(ten, ["grief"])
    assert titles(found) == ["Hi Bye, Mama", "The Red Sleeve"]
    assert said(found[0], points=True) == [
        "mood: grief, #1 of its 4 moods (+80)",
        "tears: 5/5 (+20)",
    ]
    assert [(r.kind, r.subject, r.points) for r in found[0].reasons] == [
        (Kind.MOOD, "grief", 80),
        (Kind.TEARS, "5", 20),
    ]
    assert found[0].score == 100


@pytest.mark.parametrize("word", ["loss", "mourning", "bereavement", "greif", "Grief"])
def test_synonyms_and_typos_reach_the_same_mood(ten, word):
    assert titles(suggest(ten, [word])) == ["Hi Bye, Mama", "The Red Sleeve"]


def test_mother_means_family():
    assert resolve_mood("mother").mood == "family"


def test_a_mood_that_matches_nothing_lists_the_closest_moods(ten):
    with pytest.raises(UnknownTerm) as caught:
        suggest(ten, ["zzzz-nothing"])
    assert (caught.value.what, caught.value.text) == ("mood", "zzzz-nothing")
    with pytest.raises(UnknownTerm) as caught:
        suggest(ten, ["famly dinner party"])
    assert "family" in caught.value.suggestions


def test_several_moods_combine_and_a_drama_with_both_wins(ten):
    found = suggest(ten, ["loss", "mother"])
    assert found[0].drama.title == "Hi Bye, Mama"
    assert said(found[0], points=True)[:2] == [
        "mood: grief (from 'loss'), #1 of its 4 moods (+40)",
        "mood: family (from 'mother'), #2 of its 4 moods (+33)",
    ]
    assert found[0].score == 93
    assert found[0].score > found[1].score


def test_every_point_of_the_score_is_explained(ten):
    for match in suggest(ten, ["tragic romance", "separation"], limit=10):
        assert sum(r.points for r in match.reasons) == match.score


def test_a_more_prominent_mood_scores_more(ten):
    found = suggest(ten, ["family"], limit=10)
    by_title = {m.drama.title: m.score for m in found}
    # family is 2nd of Hi Bye, Mama's moods and last of Uncontrollably Fond's (same tears)
    assert by_title["Hi Bye, Mama"] > by_title["Uncontrollably Fond"]


def test_era_is_a_filter_not_a_boost(ten):
    assert titles(suggest(ten, eras=["goryeo"], limit=10)) == ["Scarlet Heart: Goryeo"]
    assert titles(suggest(ten, eras=["Joseon"], limit=10)) == [
        "Mr. Sunshine", "Queen for 7 Days", "The Red Sleeve"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("era", "expected"),
    [
        ("Gwangju Uprising", ["Youth of May"]),
        ("May 18", ["Youth of May"]),
        ("5.18", ["Youth of May"]),
        ("1980", ["Youth of May"]),
        ("colonial", ["Death Song"]),
        ("1920s", ["Death Song"]),
        ("1900s", ["Mr. Sunshine"]),
        ("Korean Empire", ["Mr. Sunshine"]),
        ("18th century", ["The Red Sleeve"]),
    ],
)
def test_era_aliases_years_and_decades(ten, era, expected):
    assert titles(suggest(ten, eras=[era], limit=10)) == expected


def test_a_decade_is_a_span_of_years():
    assert resolve_era("1920s").span == (1920, 1929)
    assert resolve_era("1980").span == (1980, 1980)


def test_an_unknown_era_lists_the_closest_eras(ten):
    with pytest.raises(UnknownTerm) as caught:
        suggest(ten, eras=["Goryeo and Narnia"])
    assert (caught.value.what, caught.value.text) == ("era", "Goryeo and Narnia")
    assert caught.value.suggestions[0] == "Goryeo"


def test_a_misspelled_era_still_works(ten):
    assert titles(suggest(ten, eras=["Goryo"])) == ["Scarlet Heart: Goryeo"]
    assert resolve_era("Josen dynasty").eras == {"Joseon"}


def test_actor_narrows_to_their_dramas(ten):
    found = suggest(ten, actors=["Jongsuk Lee"])
    assert titles(found) == ["Death Song"]
    assert said(found[0], points=True)[0] == "actor: Lee Jong-suk as Kim Woo-jin (+80)"
    assert titles(suggest(ten, ["tragic romance"], actors=["Nam Joo-hyuk"])) == [
        "Scarlet Heart: Goryeo"
    ]


def test_an_unknown_actor_is_not_found_with_the_closest_names(ten):
    with pytest.raises(NotFound) as caught:
        suggest(ten, actors=["Lee Jong Sook Park"])
    assert caught.value.suggestions


def test_a_surname_is_not_enough_to_pick_an_actor(ten):
    with pytest.raises(AmbiguousActor) as caught:
        suggest(ten, actors=["Kim"])
    assert caught.value.surname_only
    assert all(name.startswith("Kim") for name in caught.value.suggestions)


def test_no_criteria_ranks_by_tears_then_title(ten):
    found = suggest(ten, limit=10)
    assert [m.drama.tears for m in found] == sorted((m.drama.tears for m in found), reverse=True)
    fives = [m.drama.title for m in found if m.drama.tears == 5]
    assert fives == sorted(fives, key=str.casefold)
    assert said(found[0], points=True) == ["tears: 5/5 (+100)"]


def test_min_tears_and_limit(ten):
    found = suggest(ten, min_tears=5, limit=3)
    assert len(found) == 3
    assert all(m.drama.tears == 5 for m in found)
    with pytest.raises(UsageProblem):
        suggest(ten, limit=0)
    with pytest.raises(UsageProblem):
        suggest(ten, min_tears=6)


def test_exclusions_still_fill_the_limit(ten):
    everything = suggest(ten, limit=10)
    skipped = {m.position for m in everything[:3]}
    found = suggest(ten, limit=5, exclude=skipped)
    assert len(found) == 5
    assert not skipped & {m.position for m in found}


def test_results_are_deterministic(ten):
    first = suggest(ten, ["tragic romance"], limit=10)
    again = suggest(ten, ["tragic romance"], limit=10)
    assert first == again


@pytest.mark.parametrize(
    "parts", [[80 / 3, 80 / 3, 80 / 3, 20.0], [13.33, 53.33, 33.34], [0.4, 0.4, 0.2], [100.0]]
)
def test_apportion_keeps_the_rounded_total(parts):
    shares = apportion(parts)
    assert sum(shares) == round(sum(parts))
    assert all(abs(s - p) < 1 for s, p in zip(shares, parts, strict=True))
