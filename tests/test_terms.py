"""Moods and eras typed by hand: a slip of a vocabulary word is that word, a different
word that happens to be near one is not ("Gojoseon" is not Joseon, "soon" is not "son")."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cry_picker.cli.status import ExitStatus
from cry_picker.errors import UnknownTerm
from cry_picker.terms import (
    _era_terms,
    _mood_terms,
    is_slip,
    near_terms,
    resolve_era,
    resolve_mood,
    slip_budget,
)


@pytest.mark.parametrize(
    ("typed", "mood"),
    [("greif", "grief"), ("Grief", "grief"), ("lonley", "loneliness"), ("first lvoe", "first love"),
     ("bereavment", "grief"), ("mournin", "grief")],
)  # fmt: skip
def test_a_slip_of_a_mood_is_that_mood(typed, mood):
    found = resolve_mood(typed)
    assert (found.mood, found.exact) == (mood, typed.casefold() == mood)


@pytest.mark.parametrize(
    ("typed", "era"),
    [("Josen", "Joseon"), ("goreyo", "Goryeo"), ("Goryo", "Goryeo"), ("josen dynasty", "Joseon"),
     ("Baekjae", "Three Kingdoms")],
)  # fmt: skip
def test_a_slip_of_an_era_is_that_era(typed, era):
    assert resolve_era(typed).eras == {era}


@pytest.mark.parametrize("typed", ["soon", "sun", "Joon", "Gojoseon", "Silly", "Goro", "moms"])
def test_a_word_near_a_vocabulary_word_is_not_it(typed):
    for lookup in (resolve_mood, resolve_era):
        with pytest.raises(UnknownTerm) as caught:
            lookup(typed)
        assert caught.value.text == typed


def test_the_rule_by_length():
    assert [slip_budget(n) for n in (1, 4, 5, 9, 10, 30)] == [0, 0, 1, 1, 2, 2]
    assert is_slip("josen", "joseon", 1)  # a letter left out
    assert is_slip("greif", "grief", 1)  # two swapped
    assert not is_slip("silly", "silla", 1)  # a letter changed, in a short word
    assert is_slip("healimg", "healing", 1)  # ... but in a word of seven it is a slip
    assert not is_slip("gojoseon", "joseon", 2)  # measured on the shorter
    assert not is_slip("son", "soon", 1)
    assert is_slip("son", "son", 0)
    assert is_slip("bereavment", "bereavement", 1)
    assert is_slip("reincarnaton", "reincarnation", 1)


def test_two_vocabulary_words_as_close_are_neither():
    # "griefs" is one slip from both "grief" and a catalogue's own "griefss": no guess.
    with pytest.raises(UnknownTerm):
        resolve_mood("griefs", custom=["griefss"])
    assert resolve_mood("griefss", custom=["griefss"]).mood == "griefss"
    assert resolve_mood("griefs").mood == "grief"


TERMS = st.sampled_from(sorted({**_mood_terms(), **_era_terms()}.items()))


@settings(max_examples=300, deadline=None)
@given(TERMS, st.integers(min_value=0, max_value=40), st.sampled_from("drop double swap".split()))
def test_a_slip_of_any_vocabulary_word_is_that_word_or_nothing_never_another(term, at, how):
    key, name = term
    at %= max(len(key), 1)
    slipped = {
        "drop": key[:at] + key[at + 1 :],
        "double": key[:at] + key[at : at + 1] * 2 + key[at + 1 :],
        "swap": key[:at] + key[at + 1 : at + 2] + key[at : at + 1] + key[at + 2 :],
    }[how]
    terms = _era_terms() if key in _era_terms() and key not in _mood_terms() else _mood_terms()
    try:
        # An era query of a year ("1980" slipped to "980") names no era: empty.
        era = terms is _era_terms()
        got = resolve_era(slipped).eras if era else frozenset({resolve_mood(slipped).mood})
    except UnknownTerm:
        return
    assert got <= {name, ""} or slipped in terms, (slipped, got)


def test_the_command_line_offers_the_near_word_instead(run):
    result = run("suggest", "--era", "Gojoseon")
    assert result.exit_code == ExitStatus.USAGE
    assert result.stderr.splitlines()[:2] == [
        "Error: unknown era 'Gojoseon'",
        "Did you mean: Joseon, Korean Empire, Japanese occupation?",
    ]
    assert run("suggest", "--mood", "soon").stderr.startswith("Error: unknown mood 'soon'\n")


@pytest.mark.parametrize(
    ("typed", "said"),
    [("Josen", "Josen"), (" May 18 ", "May 18"), ("Joseon era", None), ("the Goryeo dynasty", None),
     ("조선", None), ("Joseon", None)],
)  # fmt: skip
def test_an_era_remembers_what_was_typed_when_it_was_another_word(typed, said):
    assert resolve_era(typed).typed == said


def test_a_reason_says_which_word_an_era_was_read_from(run):
    said = run("suggest", "--era", "Josen", "--limit", "1").stdout.splitlines()
    assert said[1] == "   - era: Joseon (from 'Josen') (filter)"
    said = run("suggest", "--era", "Joseon", "--limit", "1").stdout.splitlines()
    assert said[1] == "   - era: Joseon (filter)"


def test_an_era_found_by_its_years_says_so_rather_than_what_was_typed():
    from cry_picker.cli.views import reason
    from cry_picker.results import Kind, Reason

    spans = Reason(Kind.ERA, "Joseon", typed="1592", via="spans")
    assert reason(spans, points=False) == "era: Joseon, which spans 1592"
    assert reason(Reason(Kind.ERA, "Joseon", typed="Josen"), points=False) == (
        "era: Joseon (from 'Josen')"
    )


@pytest.mark.parametrize(
    ("typed", "offered"),
    [("Goro", ["Goryeo"]), ("Josun", ["Joseon"]), ("Chosun", ["Joseon"]), ("Koryo", ["Goryeo"]),
     ("Gwangjoo", ["1980 Gwangju"]), ("greeef", ["grief"]),
     ("Sunshine", []), ("Goblin", []), ("io", []), ("zzzz", []), ("!!!", [])],
)  # fmt: skip
def test_a_near_miss_of_a_mood_or_era_is_offered_and_nothing_else(typed, offered):
    assert near_terms(typed) == offered


def test_a_catalogues_own_words_can_be_offered_too():
    assert near_terms("shamann", moods=["shaman"]) == ["shaman"]
    assert near_terms("Tamnna", eras=["Tamna kingdom"]) == ["Tamna kingdom"]
    assert near_terms("shamann") == []


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_near_terms_of_any_text_are_few_and_from_the_vocabulary(text):
    names = set(_mood_terms().values()) | set(_era_terms().values())
    offered = near_terms(text)
    assert len(offered) <= 3
    assert set(offered) <= names
    assert len(set(offered)) == len(offered)


def test_a_search_that_finds_nothing_offers_the_era_it_nearly_named(run):
    result = run("search", "Goro")
    assert result.exit_code == ExitStatus.NO_MATCH
    lines = result.stderr.splitlines()
    assert lines[0] == "Error: nothing matched 'Goro'"
    assert lines[1].startswith("Did you mean: Goryeo")


def test_near_terms_are_closest_first_and_at_most_the_limit():
    assert near_terms("shaman", moods=["shamanistic", "shamans"]) == ["shamans", "shamanistic"]
    four = ["shamana", "shamanb", "shamanc", "shamand"]
    assert near_terms("shaman", moods=four) == ["shamana", "shamanb", "shamanc"]  # ties by name
    assert near_terms("shaman", moods=four, limit=4) == four


def test_near_terms_look_past_every_word_of_another_first_letter():
    closer = ["ahaman", "bhaman", "chaman", "dhaman", "ehaman", "fhaman"]  # all nearer
    assert near_terms("shaman", moods=[*closer, "shamanistic"]) == ["shamanistic"]


def test_near_terms_of_three_letters_are_offered_of_two_not():
    assert near_terms("abc", moods=["abcd"]) == ["abcd"]
    assert near_terms("ab", moods=["abc"]) == []
