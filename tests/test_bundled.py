"""The catalogue cry-picker ships: what must hold for any good catalogue, however it grows.

Nothing here asserts a score or an order; those are tested on the tests' own catalogues.
"""

from __future__ import annotations

import re
import subprocess
from collections import defaultdict
from pathlib import Path

import pytest

from cry_picker.loader import bundled_path, load_dramas
from cry_picker.people import actor_matches
from cry_picker.search import search
from cry_picker.terms import canonical_era, canonical_mood, resolve_mood
from cry_picker.text import compact
from cry_picker.titles import resolve
from cry_picker.vocab import era_names, mood_names

from . import factsheet
from .conftest import ARTICLE_ORDER, ROOT

pytestmark = pytest.mark.real_catalogue
DRAMAS = load_dramas(bundled_path())
NEEDS_SHEETS = pytest.mark.skipif(
    not factsheet.SHEETS[1].exists(), reason="the fact sheets in ../shared are not here"
)


def test_it_validates_and_holds_the_genre_not_a_pamphlet():
    assert len(DRAMAS) >= 100


@NEEDS_SHEETS
def test_every_drama_of_the_fact_sheets_is_in_the_catalogue():
    pages = {page for drama in DRAMAS for page in drama.sources}
    missing = [e["title"] for page, e in factsheet.sheet_entries().items() if page not in pages]
    assert missing == []
    assert len(DRAMAS) == len(factsheet.sheet_entries()) + len(ARTICLE_ORDER)


@NEEDS_SHEETS
def test_every_conflict_the_sheet_lists_is_settled_in_a_comment():
    """Where the sheet's sources disagree on what a card shows, a comment in the entry says
    which value was chosen and why."""
    entries = bundled_path().read_text(encoding="utf-8").split("\n[[drama]]\n")[1:]
    for page, sheet in factsheet.sheet_entries().items():
        text = next(entry for entry in entries if f'"{page}"' in entry)
        comments = " ".join(
            line.strip().lower() for line in text.splitlines() if line.lstrip().startswith("#")
        )
        for conflict in sheet.get("conflicts", []):
            field = conflict.split(":")[0].split()[0]
            words = {
                "episodes": ["episode"],
                "network": [sheet["network"].lower()],
                "hangul": ["hangul", "short form"],
                "actor_hangul": ["hangul"],
            }.get(field)
            if words:
                assert any(word in comments for word in words), (sheet["title"], conflict)


def test_every_mood_and_era_is_in_the_vocabulary():
    for drama in DRAMAS:
        assert {canonical_mood(m) for m in drama.moods} <= set(mood_names()), drama.title
        assert set(drama.moods) <= set(mood_names()), drama.title
        assert {canonical_era(e) for e in drama.era} <= set(era_names()), drama.title
        assert set(drama.era) <= set(era_names()), drama.title


def test_no_two_dramas_share_a_title_or_an_other_title():
    owners: dict[str, str] = {}
    for drama in DRAMAS:
        for name in {compact(n) for n in (drama.title, *drama.alt_titles)}:
            assert owners.setdefault(name, drama.title) == drama.title, name


def test_every_title_other_title_and_hangul_title_resolves_to_its_own_drama(real_bundled):
    for position, drama in enumerate(real_bundled):
        for name in (drama.title, *drama.alt_titles, *([drama.hangul] if drama.hangul else [])):
            found = resolve(real_bundled, name)
            assert found.position == position, (name, found.drama.title)


def test_every_actor_written_as_in_the_catalogue_finds_their_dramas(real_bundled):
    dramas_of: dict[str, set[int]] = defaultdict(set)
    for position, drama in enumerate(real_bundled):
        for member in drama.cast:
            dramas_of[member.actor].add(position)
    for actor, positions in dramas_of.items():
        assert positions <= set(actor_matches(real_bundled, actor)), actor
        found = {r.position for r in search(real_bundled, actor, limit=50)}
        assert positions <= found, actor


def test_every_ending_is_one_of_the_three():
    assert {d.ending for d in DRAMAS} <= {"happy", "bittersweet", "sad", None}
    assert sum(d.ending is not None for d in DRAMAS) >= 0.9 * len(DRAMAS)


def test_every_drama_has_what_a_card_needs():
    for drama in DRAMAS:
        assert 3 <= len(drama.moods) <= 7, drama.title
        assert all((drama.hangul, drama.why_cry, drama.spoilers, drama.sources)), drama.title
        assert len(drama.cast) >= 2, drama.title
        sentences = len(re.findall(r"(?<!Mr)(?<!Mrs)(?<!Ms)(?<!Dr)[.!?](?:\s|$)", drama.synopsis))
        assert 2 <= sentences <= 4, drama.title


def test_a_story_set_in_the_past_says_when():
    for drama in DRAMAS:
        past = [e for e in drama.era if e != "Contemporary"]
        if past and drama.title != "The King's Affection":  # a fictional reign, no years
            assert drama.period is not None, drama.title


def test_tears_are_honest_not_all_fives():
    tears = [d.tears for d in DRAMAS]
    assert tears.count(5) < len(tears) / 3
    assert {2, 3, 4, 5} <= set(tears)


@pytest.mark.parametrize("field", ["synopsis", "why_cry"])
def test_no_synopsis_or_note_gives_an_ending_away(field):
    for drama in DRAMAS:
        text = getattr(drama, field) or ""
        assert factsheet.prose_problems({field: text}) == [], drama.title
        # A spoiler restated: five words in a row shared with the drama's own spoilers.
        mine = factsheet.grams(text, 5)
        for spoiler in drama.spoilers:
            shared = [g for g in mine & factsheet.grams(spoiler, 5) if not _names_only(g, drama)]
            assert not shared, (drama.title, shared)


def _names_only(gram: tuple[str, ...], drama) -> bool:
    """A run of words that is mostly names and small words ("years later Yu-jin") reveals
    nothing; one that shares two real words with a spoiler may."""
    capitalised = re.findall(r"\b[A-Z][\w'-]*", " ".join([drama.synopsis, *drama.spoilers]))
    names = set(factsheet.words(" ".join(m.role + " " + m.actor for m in drama.cast)))
    names |= set(factsheet.words(" ".join(capitalised)))
    small = set(
        "the a an and of to his her their in is with for on at after before when years later "
        "ago three ten two".split()
    )
    return sum(word not in names and word not in small for word in gram) < 2


def test_the_seed_articles_themes_are_among_each_dramas_moods():
    # What the article says each of the first ten is about, in its words.
    themes = {
        "Hi Bye, Mama": ["death", "ghost", "mother", "regret"],  # the loose ends she ties up
        "Youth of May": ["tragic love", "uprising", "corruption"],
        "Uncontrollably Fond": ["regret", "death", "family", "first love"],
        "The Smile Has Left Your Eyes": ["mystery", "dark past", "adopted", "tragic love"],
        "Mr. Sunshine": ["historical", "heartbreak", "fate", "class difference", "patriotism"],
        "Queen for 7 Days": ["tragic love", "injustice", "unrequited love", "giving up"],
        "Radiant": ["dream", "healing", "old age"],
        "Scarlet Heart: Goryeo": ["tragic love", "duty", "unrequited love", "sageuk"],
        # He loves her "despite not knowing her feelings for him".
        "The Red Sleeve": [
            "class difference",
            "star-crossed lovers",
            "historical",
            "unrequited love",
        ],
        "Death Song": ["married", "tragic love", "historical"],
    }
    dramas = {d.title: d for d in DRAMAS[:10]}
    for title, words in themes.items():
        for word in words:
            assert resolve_mood(word).mood in dramas[title].moods, (title, word)


@NEEDS_SHEETS
def test_every_fact_agrees_with_the_fact_sheet():
    problems = list(factsheet.check_file(bundled_path()))
    assert problems == []


@NEEDS_SHEETS
def test_no_file_of_the_project_repeats_a_published_synopsis_or_the_article():
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    files = listed.stdout.split() if listed.returncode == 0 else []
    if not files:  # not a git checkout (an sdist): read what is here
        files = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()]
    checked = 0
    for name in files:
        path = ROOT / name
        if path.suffix not in {".toml", ".py", ".md", ".txt", ".json"} or not path.is_file():
            continue
        if Path(name).parts[0] in {".venv", "build", "dist"}:
            continue
        checked += 1
        assert factsheet.published_hits(path.read_text(encoding="utf-8", errors="replace")) == 0, (
            name
        )
    assert checked > 10


def test_the_article_order_is_kept_for_the_first_ten():
    assert [d.title for d in DRAMAS[:10]] == ARTICLE_ORDER
