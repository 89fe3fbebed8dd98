"""Never confidently wrong: titles, names, eras and moods on catalogues built for the case,
and the precision report over the real catalogue of 1,605 dramas when it is here."""

from __future__ import annotations

import json
import sys
import textwrap

import pytest

from cry_picker.catalogue import open_catalogue
from cry_picker.cli.status import ExitStatus
from cry_picker.errors import (
    ActorNotFound,
    AmbiguousActor,
    AmbiguousTitle,
    TitleNotFound,
)
from cry_picker.people import actor_matches, actor_profile
from cry_picker.results import Kind
from cry_picker.search import search
from cry_picker.suggest import suggest
from cry_picker.terms import resolve_era, resolve_mood
from cry_picker.titles import resolve

from .conftest import ROOT, SHARED, said


def entry(title, *, year=2020, alt=(), hangul=None, era="Contemporary", period=None,
          moods=("grief",), tears=3, cast=(("Kim Test", "Lead"),), synopsis="Somebody is sad.",
          why_cry=None):  # fmt: skip
    lines = ["[[drama]]", f"title = {json.dumps(title)}"]
    if alt:
        lines.append(f"alt_titles = {json.dumps(list(alt), ensure_ascii=False)}")
    if hangul:
        lines.append(f"hangul = {json.dumps(hangul, ensure_ascii=False)}")
    lines += [f"year = {year}", 'network = "tvN"', f"era = {json.dumps(era)}"]
    if period:
        lines.append(f"period = {list(period)}")
    lines += [f"moods = {json.dumps(list(moods))}", f"tears = {tears}",
              f"synopsis = {json.dumps(synopsis)}"]  # fmt: skip
    if why_cry:
        lines.append(f"why_cry = {json.dumps(why_cry)}")
    for actor, role in cast:
        lines += ["", "[[drama.cast]]", f"actor = {json.dumps(actor, ensure_ascii=False)}",
                  f"role = {json.dumps(role)}"]  # fmt: skip
    return "\n".join(lines) + "\n\n"


@pytest.fixture
def catalogue_of(write_catalogue, tmp_path):
    def build(*entries: str):
        return open_catalogue(write_catalogue("".join(entries)), bundled=False)

    return build


def titles(results):
    return [r.drama.title for r in results]


# --- titles ---------------------------------------------------------------------------


@pytest.fixture
def short_titles(catalogue_of):
    return catalogue_of(
        entry("W", year=2016), entry("Secret", year=2013), entry("Mother", year=2018),
        entry("Time", year=2018), entry("Welcome to Waikiki 2", year=2019),
        entry("Radiant", year=2019, alt=["Dazzling"]),
    )  # fmt: skip


@pytest.mark.parametrize(
    "query",
    ["Weightlifting Fairy", "Weak Hero", "Secretary Kim", "Secret Garden", "Welcome to Waikiki",
     "Guardian: The Lonely and Great God", "Mothers and Daughters", "Timeless", "Bad Couple"],
)  # fmt: skip
def test_a_short_title_inside_a_longer_query_is_not_an_answer(short_titles, query):
    with pytest.raises(TitleNotFound):
        resolve(short_titles, query)


@pytest.mark.parametrize(
    ("query", "title"),
    [("W", "W"), ("secret", "Secret"), ("Secert", "Secret"), ("Raidant", "Radiant"),
     ("dazzling", "Radiant"), ("Welcome to Waikiki 2", "Welcome to Waikiki 2")],
)  # fmt: skip
def test_a_title_or_a_slip_of_the_fingers_still_resolves(short_titles, query, title):
    assert resolve(short_titles, query).drama.title == title


def test_a_title_that_is_another_real_word_is_not_a_typo(catalogue_of):
    catalogue = catalogue_of(entry("My Beautiful Bridge"), entry("Bride of the Sea"))
    with pytest.raises(TitleNotFound):
        resolve(catalogue, "My Beautiful Bride")
    assert resolve(catalogue, "My Beautifl Bridge").drama.title == "My Beautiful Bridge"


def test_a_sequel_is_not_a_typo_of_the_first(catalogue_of):
    catalogue = catalogue_of(entry("Stranger", year=2017), entry("Big Bet Season 2", year=2023))
    for query in ("Stranger Season 2", "Stranger 2", "Big Bet", "Big Bet Season 3"):
        with pytest.raises(TitleNotFound):
            resolve(catalogue, query)


def test_a_year_picks_between_dramas_of_the_same_name(catalogue_of):
    catalogue = catalogue_of(entry("Mother", year=2018), entry("Mother (2023)", year=2023))
    with pytest.raises(AmbiguousTitle):  # both are called Mother (tests/test_titles.py)
        resolve(catalogue, "Mother")
    assert resolve(catalogue, "Mother (2023)").drama.year == 2023
    assert resolve(catalogue, "Mother 2018").drama.year == 2018
    assert resolve(catalogue, "mother (2018)").drama.year == 2018


def test_an_other_title_two_dramas_share_is_ambiguous_and_both_are_listed(catalogue_of):
    catalogue = catalogue_of(entry("Love Story", alt=["Sad Love"]), entry("Sad Love Song",
                             alt=["Sad Love"]))  # fmt: skip
    with pytest.raises(AmbiguousTitle) as caught:
        resolve(catalogue, "sad love")
    assert set(caught.value.suggestions) == {"Love Story", "Sad Love Song"}


def test_a_title_wins_its_name_over_another_dramas_other_title(catalogue_of):
    catalogue = catalogue_of(entry("Goblin", alt=["Guardian"]), entry("Guardian", year=2001))
    assert resolve(catalogue, "Guardian").drama.title == "Guardian"


def test_a_hangul_title_finds_a_catalogue_with_only_its_romanisation(catalogue_of):
    catalogue = catalogue_of(entry("Goblin", alt=["Dokkaebi"]), entry("Autumn in My Heart",
                             alt=["Gaeul Donghwa"]))  # fmt: skip
    assert resolve(catalogue, "도깨비").drama.title == "Goblin"
    assert resolve(catalogue, "가을 동화").drama.title == "Autumn in My Heart"


# --- actors -----------------------------------------------------------------------------


@pytest.fixture
def actors(catalogue_of):
    return catalogue_of(
        entry("One", cast=[("Chae Rim", "A"), ("Gong Yoo", "Kim Sin")]),
        entry("Two", cast=[("Park Chae-rim", "B")]),
        entry("Three", cast=[("Lee Joon-gi", "Wang So"), ("Kim Tae-ri", "Go Ae-sin")]),
        entry("Four", cast=[("Lee Joon-hyuk", "C"), ("Lee Jong-suk", "Kim Woo-jin")]),
        entry("Five", cast=[("Jeon Jin-seo", "D"), ("Ahn Seung-gyun", "E")]),
    )


def dramas_of(catalogue, name):
    return sorted(catalogue[p].title for p in actor_matches(catalogue, name))


def cast_entry(title, actor, *, hangul=None, aka=()):
    text = entry(title, cast=[(actor, "Lead")])
    if hangul:
        text = text.replace('role = "Lead"', f'actor_hangul = "{hangul}"\nrole = "Lead"')
    if aka:
        text = text.replace('role = "Lead"', f'aka = {json.dumps(list(aka))}\nrole = "Lead"')
    return text


@pytest.fixture
def namesakes(catalogue_of):
    return catalogue_of(
        cast_entry("Choi's", "Choi Soo-young", hangul="최수영", aka=["Sooyoung"]),
        cast_entry("Park's", "Park Soo-young", hangul="박수영", aka=["Sooyoung"]),
        cast_entry("Hoon's", "Lee Ji-hoon", hangul="이지훈"),
        cast_entry("Heon's", "Lee Ji-hoon", hangul="이지헌"),
        cast_entry("Latin Only", "Lee Ji-hoon"),
        cast_entry("Actor's Own", "Ji Soo", hangul="지수"),
        cast_entry("Singer's", "Kim Ji-soo", hangul="김지수", aka=["Jisoo"]),
    )


def test_an_alias_two_actors_share_is_ambiguous_and_lists_both(namesakes):
    with pytest.raises(AmbiguousActor) as caught:
        actor_matches(namesakes, "Sooyoung")
    assert set(caught.value.suggestions) == {"Choi Soo-young", "Park Soo-young"}
    with pytest.raises(AmbiguousActor):
        actor_profile(namesakes, "Sooyoung")


def test_an_actors_own_name_wins_over_another_actors_alias(namesakes):
    assert dramas_of(namesakes, "Ji Soo") == ["Actor's Own"]
    assert dramas_of(namesakes, "Jisoo") == ["Actor's Own"]  # the same name, folded
    assert dramas_of(namesakes, "Kim Ji-soo") == ["Singer's"]


def test_namesakes_are_one_name_for_actor_but_two_people_on_an_actor_page(namesakes):
    assert dramas_of(namesakes, "Lee Ji-hoon") == ["Heon's", "Hoon's", "Latin Only"]
    with pytest.raises(AmbiguousActor) as caught:
        actor_profile(namesakes, "Lee Ji-hoon")
    assert caught.value.namesakes
    assert list(caught.value.suggestions) == ["이지헌", "이지훈"]


def test_hangul_finds_the_same_name_written_only_in_latin_letters_but_not_a_namesake(namesakes):
    assert dramas_of(namesakes, "이지훈") == ["Hoon's", "Latin Only"]
    profile = actor_profile(namesakes, "이지훈")
    assert (profile.name, profile.hangul) == ("Lee Ji-hoon", "이지훈")
    assert [a.drama.title for a in profile.appearances] == ["Hoon's", "Latin Only"]
    # Ji-heon and Ji-hoon are one name in Latin letters: the entry without Hangul may be either.
    assert {r.position for r in search(namesakes, "이지헌")} == {3, 4}


def test_namesakes_on_the_actor_page_are_offered_by_their_hangul(run, write_catalogue, namesakes):
    path = write_catalogue("".join([
        cast_entry("Hoon's", "Lee Ji-hoon", hangul="이지훈"),
        cast_entry("Heon's", "Lee Ji-hoon", hangul="이지헌"),
    ]))  # fmt: skip
    result = run("actor", "lee ji hoon", "--catalog", str(path), "--no-bundled")
    assert result.exit_code == ExitStatus.NO_MATCH
    assert result.stderr.splitlines() == [
        "Error: 'lee ji hoon' is the name of more than one actor",
        "Did you mean: 이지헌, 이지훈?",
        "Hint: type the Hangul name of the one you mean",
    ]


def test_an_exact_full_name_rules_out_someone_whose_given_name_it_is(actors):
    assert dramas_of(actors, "Chae Rim") == ["One"]
    assert dramas_of(actors, "Park Chae Rim") == ["Two"]


@pytest.mark.parametrize(
    ("query", "drama"),
    [("Gong Yoo", "One"), ("Kim Tae Ri", "Three"), ("Jongsuk Lee", "Four"),
     ("Lee Jong-seok", "Four"), ("Lee Jong Sukk", "Four"), ("Seunggyun Ahn", "Five"),
     ("Joon-gi", "Three")],
)  # fmt: skip
def test_romanisations_orders_typos_and_given_names_find_the_actor(actors, query, drama):
    assert dramas_of(actors, query) == [drama]


@pytest.mark.parametrize(
    "stranger", ["Kim Tae-hee", "Lee Jong-hyuk", "Gong Ji-yoo", "Jin Seo Joon"]
)
def test_a_real_looking_name_one_syllable_away_is_somebody_else(actors, stranger):
    with pytest.raises(ActorNotFound) as caught:
        actor_matches(actors, stranger)
    assert caught.value.suggestions  # but the neighbours are offered


def test_part_of_several_names_is_ambiguous_and_lists_them(actors):
    with pytest.raises(AmbiguousActor) as caught:
        actor_matches(actors, "Lee Joon")
    assert set(caught.value.suggestions) == {"Lee Joon-gi", "Lee Joon-hyuk"}
    assert not caught.value.surname_only


def test_hangul_names_work_on_a_catalogue_without_hangul(actors):
    assert dramas_of(actors, "공유") == ["One"]
    assert dramas_of(actors, "이종석") == ["Four"]
    assert dramas_of(actors, "김태리") == ["Three"]
    with pytest.raises(ActorNotFound):
        actor_matches(actors, "유공")  # no reversed-order guess for Hangul


@pytest.fixture
def given_names(catalogue_of):
    return catalogue_of(
        entry("Wang's", cast=[("Jackson Wang", "Lead")]),
        entry("Miri's", cast=[("Kyeon Mi-ri", "Lead")]),
        entry("Lee's", cast=[("Lee Min-ho", "Lead")]),
        entry("Choi's", cast=[("Choi Min-ho", "Lead")]),
        entry("Jong-suk's", cast=[("Lee Jong-suk", "Lead")]),
    )


def test_two_hangul_syllables_may_be_a_given_name(given_names):
    assert dramas_of(given_names, "종석") == ["Jong-suk's"]
    with pytest.raises(AmbiguousActor) as caught:
        actor_matches(given_names, "민호")  # not "ho", the second syllable alone
    assert set(caught.value.suggestions) == {"Lee Min-ho", "Choi Min-ho"}


@pytest.mark.parametrize("words", ["여왕", "비밀의", "이민호호"])
def test_hangul_that_is_not_one_of_these_names_finds_nobody(given_names, words):
    # 여왕 read as surname 여 and "wang" is not Jackson Wang; 비밀의 is not Kyeon Mi-ri.
    with pytest.raises(ActorNotFound):
        actor_matches(given_names, words)
    assert search(given_names, words) == []


def test_a_reason_names_the_alias_that_matched_and_no_other(write_catalogue):
    text = entry("One", cast=[("IU", "Hae Soo")]).replace(
        'role = "Hae Soo"', 'aka = ["Lee Ji-eun", "Ji-eun Lee"]\nrole = "Hae Soo"'
    )
    catalogue = open_catalogue(write_catalogue(text), bundled=False)
    assert said(search(catalogue, "IU")[0]) == ["actor: IU as Hae Soo"]
    assert said(search(catalogue, "lee jieun")[0]) == [
        "actor: IU (also known as Lee Ji-eun) as Hae Soo"
    ]
    with pytest.raises(ActorNotFound):
        actor_matches(catalogue, "Lee Ji-an")  # one syllable away from the alias


# --- eras, moods and cry words --------------------------------------------------------


@pytest.fixture
def years(catalogue_of):
    return catalogue_of(
        entry("Now", year=2016),
        entry("Nineties", year=2022, era=["IMF crisis", "Contemporary"], period=(1998, 2002)),
        entry("Sleeve", year=2021, era="Joseon", period=(1762, 1786)),
        entry("Fictional Reign", year=2021, era="Joseon"),
        entry("Thirties", year=2017, era=["Contemporary", "Japanese occupation"],
              period=(1930, 1933)),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("era", "expected"),
    [("1990s", {"Nineties"}), ("the 90s", {"Nineties"}), ("'90s", {"Nineties"}),
     ("2010s", {"Now", "Thirties"}), ("1700s", {"Sleeve", "Fictional Reign"}),
     ("18th century", {"Sleeve", "Fictional Reign"}), ("1780", {"Sleeve", "Fictional Reign"}),
     ("Joseon era", {"Sleeve", "Fictional Reign"}), ("the Joseon dynasty", {"Sleeve", "Fictional Reign"}),
     ("조선", {"Sleeve", "Fictional Reign"}), ("조선시대", {"Sleeve", "Fictional Reign"}),
     ("1930s", {"Thirties"}), ("일제강점기", {"Thirties"}), ("IMF", {"Nineties"})],
)  # fmt: skip
def test_eras_decades_centuries_and_years_in_fans_words(years, era, expected):
    assert set(titles(suggest(years, eras=[era], limit=10))) == expected


def test_a_present_day_drama_is_set_in_its_air_year_not_the_whole_era(years):
    assert "Now" not in titles(suggest(years, eras=["1990s"], limit=10))
    reason = next(r for r in suggest(years, eras=["2010s"], limit=10) if r.drama.title == "Now")
    assert said(reason)[0] == "era: present day, aired 2016, within the 2010s (filter)"


def test_a_reason_says_how_an_era_was_matched(years):
    def reasons(era: str) -> dict[str, str]:
        return {r.drama.title: said(r)[0] for r in suggest(years, eras=[era], limit=10)}

    assert reasons("1780") == {
        "Sleeve": "era: set in 1762-1786, overlapping 1780 (filter)",
        "Fictional Reign": "era: Joseon, which spans 1780 (filter)",  # no period: the era's years
    }
    assert reasons("1700s")["Sleeve"] == "era: set in 1762-1786, within the 1700s (filter)"
    assert reasons("1990s")["Nineties"] == "era: set in 1998-2002, overlapping the 1990s (filter)"
    assert reasons("Josen")["Fictional Reign"] == "era: Joseon (from 'Josen') (filter)"
    assert reasons("the Joseon dynasty")["Fictional Reign"] == "era: Joseon (filter)"


@pytest.mark.parametrize(
    "word", ["sad", "crying", "Tearjerker", "heartbreaking", "makjang", "슬픔", "😭", "💧"]
)
def test_words_that_mean_make_me_cry_rank_by_tears(catalogue_of, word):
    catalogue = catalogue_of(entry("Dry", tears=2), entry("Wet", tears=5), entry("Damp", tears=3))
    assert resolve_mood(word).cry
    ranked = suggest(catalogue, [word], limit=3)
    assert titles(ranked) == ["Wet", "Damp", "Dry"]
    assert ranked[0].reasons[0].kind is Kind.CRY
    assert sum(r.points for r in ranked[0].reasons) == ranked[0].score
    assert titles(search(catalogue, word, limit=3))[:2] == ["Wet", "Damp"]


def test_comma_separated_moods_are_several_moods(catalogue_of):
    catalogue = catalogue_of(
        entry("Both", moods=["grief", "family"]), entry("One", moods=["grief"])
    )
    ranked = suggest(catalogue, ["grief, family"], limit=2)
    assert [r.subject for r in ranked[0].reasons if r.kind is Kind.MOOD] == ["grief", "family"]
    assert titles(ranked) == ["Both", "One"]


def test_hangul_mood_words(catalogue_of):
    assert resolve_mood("가족").mood == "family"
    assert resolve_era("고려").eras == {"Goryeo"}


# --- search reasons ---------------------------------------------------------------------


def test_search_names_the_field_that_matched_and_the_word_found(catalogue_of):
    catalogue = catalogue_of(
        entry("Letters", synopsis="A mother writes letters.", why_cry="Her daughters read them.")
    )
    (found,) = search(catalogue, "daughters")
    assert said(found) == ["why you will cry mentions: daughters"]
    (found,) = search(catalogue, "mothers")  # a letter away: the word in the text is named
    assert said(found) == ["synopsis mentions: mother"]


# --- the precision report over the real catalogue ---------------------------------------

REAL = SHARED / "real" / "mdl-dramas.toml"


@pytest.mark.slow
@pytest.mark.skipif(not REAL.exists(), reason="the real catalogue in ../shared is not here")
def test_the_precision_report_on_the_real_catalogue_finds_nothing_wrong():
    sys.path.insert(0, str(ROOT / "bench"))
    import precision

    results = precision.report(REAL, every=7, seed=3)
    for name, tally in results.items():
        assert tally.counts["wrong"] == 0, (name, tally.wrong[:5])
        assert tally.counts["correct"] > 0, name
    text = precision.render(results, REAL, 0.0)
    assert "| titles |" in text


def test_textwrap_is_available():  # keeps `entry` honest about its TOML
    assert textwrap.dedent(entry("X")).startswith("[[drama]]")


def test_an_article_is_optional_only_in_a_titles_own_name(catalogue_of):
    catalogue = catalogue_of(
        entry("The Red Sleeve"),
        entry("Cheo Yong", alt=["Ghost Detective"]),
        entry("Goedam", alt=["The Possessed"]),
    )
    assert resolve(catalogue, "Red Sleeve").drama.title == "The Red Sleeve"
    for other in ("The Ghost Detective", "Possessed"):
        with pytest.raises(TitleNotFound):
            resolve(catalogue, other)


def test_a_one_word_other_title_is_not_corrected(catalogue_of):
    catalogue = catalogue_of(entry("Tomorrow", alt=["Amanja", "Tomorrow Webtoon"]))
    with pytest.raises(TitleNotFound):
        resolve(catalogue, "Amanza")
    assert resolve(catalogue, "Amanja").drama.title == "Tomorrow"
    assert resolve(catalogue, "Tomorow Webtoon").drama.title == "Tomorrow"


def test_a_short_one_word_name_is_not_taken_for_a_given_name(catalogue_of):
    catalogue = catalogue_of(entry("Spark", cast=[("Yeo One", "A"), ("Lee Jong-suk", "B")]))
    with pytest.raises(ActorNotFound):
        actor_matches(catalogue, "One")
    assert dramas_of(catalogue, "Yeo One") == ["Spark"]
    assert dramas_of(catalogue, "Jongsuk") == ["Spark"]


# --- a search of several parts ------------------------------------------------------------


@pytest.fixture
def parts(catalogue_of):
    return catalogue_of(
        entry("Hi, Mama", moods=["grief", "family"], tears=5),
        entry("Only Grief", moods=["grief"], tears=5),
        entry("Only Family", moods=["family", "healing"], tears=4),
        entry("Family Second", moods=["healing", "family", "grief"], tears=3),
        entry("Palace", era="Joseon", moods=["historical tragedy"], tears=4,
              cast=[("Lee Jong-suk", "King")]),
    )  # fmt: skip


def test_a_search_with_commas_wants_every_part(parts):
    found = search(parts, "grief, family")
    assert titles(found) == ["Hi, Mama", "Family Second"]
    assert [r.kind for r in found[0].reasons] == [Kind.MOOD, Kind.MOOD]
    assert found[0].score == sum(r.points for r in found[0].reasons) == found[0].reasons[0].points
    # The weakest part scores: each is last of its moods there, so the tears decide.
    assert found[0].score == found[1].score == search(parts, "family")[-1].score
    first = search(parts, "healing, family")
    assert titles(first) == ["Family Second", "Only Family"]  # healing is last in Only Family
    assert first[0].score > first[1].score
    assert titles(search(parts, "Joseon, Lee Jong-suk")) == ["Palace"]
    assert titles(search(parts, "grief, ")) == titles(search(parts, "grief"))


def test_a_title_with_a_comma_is_that_title_not_its_parts(parts):
    assert titles(search(parts, "Hi, Mama"))[0] == "Hi, Mama"
    assert titles(search(parts, "hi, mamma"))[0] == "Hi, Mama"


def test_parts_that_no_drama_has_together_are_searched_as_one(parts):
    # Nothing is both: the whole text is searched, as without the comma.
    assert titles(search(parts, "Lee Jong-suk, family")) == titles(
        search(parts, "Lee Jong-suk family")
    )
    assert search(parts, "grief, zzzzqq") == []
    many = ", ".join(["grief"] * 7)  # past MAX_PARTS: one text, as a sentence would be
    assert titles(search(parts, many)) == titles(search(parts, many.replace(",", "")))


def test_a_story_set_wholly_in_the_years_asked_for_outranks_one_that_overlaps_them(
    catalogue_of,
):
    sprawl = entry("Sprawl", era=["1980 Gwangju", "Contemporary"], period=(1960, 2025), tears=5)
    inside = entry("Inside", era="1980 Gwangju", period=(1980, 1980), tears=3)
    half = entry("Half", era="1980 Gwangju", period=(1979, 1980), tears=3)
    found = search(catalogue_of(sprawl, inside, half), "1980")
    assert titles(found) == ["Inside", "Half", "Sprawl"]
    assert [r.score for r in found] == [85, 79, 72]  # 85 less up to 15 % by the share outside
    named = search(catalogue_of(sprawl, inside, half), "Gwangju Uprising")
    assert {r.score for r in named} == {85}  # an era by name: every drama in it fits


def test_search_lists_ten_at_most_unless_asked(catalogue_of):
    many = catalogue_of(*(entry(f"Drama {n}", moods=["grief"]) for n in range(12)))
    assert len(search(many, "grief")) == 10
    assert len(search(many, "grief", limit=12)) == 12


def test_a_search_to_cry_keeps_its_limit_and_its_filters(catalogue_of):
    from cry_picker.filters import Filters, read_aired

    two = catalogue_of(entry("Old", year=2005, tears=5), entry("New", year=2021, tears=4))
    assert titles(search(two, "😭", limit=1)) == ["Old"]
    assert said(search(two, "😭")[0])[0] == "you asked to cry ('😭'): ranked by tears"
    recent = search(two, "sad", filters=Filters(aired=read_aired("2020-")))
    assert titles(recent) == ["New"]
    assert said(recent[0])[-1].startswith("aired 2021")


def test_an_era_is_read_from_four_words(catalogue_of):
    palace = catalogue_of(entry("Palace", era="Joseon", synopsis="A king and a court."))
    assert titles(search(palace, "the Joseon dynasty era")) == ["Palace"]
