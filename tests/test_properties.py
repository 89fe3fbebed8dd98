"""Property-based tests: whatever text arrives, only the project's own errors come out."""

from __future__ import annotations

import contextlib
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cry_picker.errors import CryPickerError
from cry_picker.search import search
from cry_picker.suggest import suggest
from cry_picker.terms import resolve_era, resolve_mood
from cry_picker.text import fold, name_key, strip_control
from cry_picker.titles import resolve

HANGUL = st.text(alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), max_size=12)
CONTROL = st.text(alphabet=st.characters(codec="utf-8", categories=["Cc", "Cf"]), max_size=20)
RTL = st.text(alphabet=st.characters(min_codepoint=0x0590, max_codepoint=0x06FF), max_size=20)
EMOJI = st.text(alphabet=st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF), max_size=10)
ANY_TEXT = st.one_of(
    st.text(max_size=60),
    HANGUL,
    CONTROL,
    RTL,
    EMOJI,
    st.text(min_size=2000, max_size=5000),
    st.lists(
        st.sampled_from(
            ["Lee", "Kim", "-", " ", "Jong", "suk", "미스터", "\x1b[31m", "ä", ",", "grief"]
        )
    ).map("".join),
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(ANY_TEXT)
def test_search_never_raises_anything_but_project_errors(ten, text):
    try:
        results = search(ten, text)
    except CryPickerError:
        return
    assert all(0 <= m.score <= 100 for m in results)
    assert results == search(ten, text)


@SETTINGS
@given(ANY_TEXT)
def test_resolve_never_raises_anything_but_project_errors(ten, text):
    try:
        match = resolve(ten, text)
    except CryPickerError:
        return
    assert 0 <= match.score <= 100


@SETTINGS
@given(
    st.lists(ANY_TEXT, max_size=3), st.one_of(st.none(), ANY_TEXT), st.one_of(st.none(), ANY_TEXT)
)
def test_suggest_never_raises_anything_but_project_errors(ten, moods, era, actor):
    try:
        results = suggest(ten, moods, eras=[era] if era else (), actors=[actor] if actor else ())
    except CryPickerError:
        return
    assert all(0 <= m.score <= 100 for m in results)
    assert results == suggest(
        ten, moods, eras=[era] if era else (), actors=[actor] if actor else ()
    )


@SETTINGS
@given(ANY_TEXT)
def test_mood_and_era_lookups_raise_only_project_errors(text):
    for lookup in (resolve_mood, resolve_era):
        with contextlib.suppress(CryPickerError):
            lookup(text)


def test_every_title_alt_title_and_hangul_title_resolves_to_its_drama(ten):
    for position, drama in enumerate(ten):
        for name in (drama.title, *drama.alt_titles, drama.hangul or drama.title):
            match = resolve(ten, name)
            assert match.position == position, name
            assert match.score == 100


@SETTINGS
@given(st.data())
def test_titles_resolve_whatever_their_case_and_spacing(ten, data):
    drama = data.draw(st.sampled_from(list(ten)))
    name = data.draw(st.sampled_from([drama.title, *drama.alt_titles]))
    mangled = "".join(c.upper() if data.draw(st.booleans()) else c.lower() for c in name)
    mangled = re.sub(r"[ ]", lambda _: data.draw(st.sampled_from([" ", "  ", "-"])), mangled)
    assert resolve(ten, mangled).drama.title == drama.title


@SETTINGS
@given(ANY_TEXT)
def test_strip_control_leaves_no_control_characters(text):
    cleaned = strip_control(text)
    assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", cleaned)


@SETTINGS
@given(ANY_TEXT)
def test_keys_are_stable_under_repetition(text):
    assert fold(fold(text)) == fold(text)
    assert name_key(text) == name_key(text)


def folded_by_the_general_rules(text: str) -> str:
    """`fold` as its docstring states it: NFKD, casefold, no accents, words of letters and
    digits separated by one space. Its fast path for ASCII must agree."""
    text = re.sub("[\u0300-\u036f]", "", unicodedata.normalize("NFKD", text).casefold())
    return " ".join(re.sub(r"[\W_]+", " ", text).split())


@SETTINGS
@given(st.one_of(st.text(alphabet=st.characters(max_codepoint=127)), ANY_TEXT))
def test_ascii_text_folds_as_the_general_rules_fold_it(text):
    assert fold(text) == folded_by_the_general_rules(text)


@pytest.mark.parametrize("text", ["", " ", "\x00", "\u202e"])
def test_degenerate_input_folds_to_nothing(text):
    assert fold(text) == ""


@SETTINGS
@given(ANY_TEXT)
def test_a_search_results_points_add_up_to_its_score(ten, text):
    with contextlib.suppress(CryPickerError):
        for result in search(ten, text):
            assert sum(r.points for r in result.reasons) == result.score, result.reasons


@pytest.mark.parametrize("position", range(10))
def test_a_similar_results_points_add_up_to_its_score(ten, position):
    from cry_picker.similar import similar

    results = similar(ten, position, limit=9)
    assert results
    for result in results:
        assert sum(r.points for r in result.reasons) == result.score, result.reasons
