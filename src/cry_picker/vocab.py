"""The project's controlled vocabularies: moods with synonyms, eras with aliases and years.

These are data. The bundled catalogue uses only these names; a user's catalogue may use
other words, which the matcher maps onto the vocabulary when it can.
"""

from __future__ import annotations

from typing import NamedTuple


class Mood(NamedTuple):
    name: str
    synonyms: tuple[str, ...]
    description: str


class Era(NamedTuple):
    name: str
    aliases: tuple[str, ...]
    start: int  # first year (negative for BCE)
    end: int  # last year


MOODS: tuple[Mood, ...] = (
    Mood(
        "grief",
        ("loss", "mourning", "bereavement", "death", "sorrow", "widow", "widower", "funeral"),
        "losing someone, and living on afterwards",
    ),
    Mood(
        "family",
        ("mother", "father", "parent", "parents", "mom", "mum", "dad", "daughter", "son",
         "motherhood", "sibling", "brother", "sister", "family love"),
        "parents, children and siblings",
    ),
    Mood(
        "tragic romance",
        ("doomed love", "doomed romance", "star-crossed", "star-crossed lovers", "sad love",
         "heartbreak", "melodrama", "tragic love"),
        "a love story that cannot end well",
    ),
    Mood(
        "sacrifice",
        ("self-sacrifice", "selfless", "selflessness", "duty", "martyrdom", "giving up"),
        "giving up everything for someone or something",
    ),
    Mood(
        "historical tragedy",
        ("history", "historical", "sageuk", "period drama", "massacre", "state violence",
         "uprising", "oppression", "patriotism", "independence"),
        "ordinary lives crushed by real history",
    ),
    Mood(
        "terminal illness",
        ("illness", "sickness", "disease", "cancer", "tumour", "tumor", "dying", "hospital"),
        "a diagnosis with no way back",
    ),
    Mood(
        "first love",
        ("young love", "youth", "puppy love", "school sweetheart", "reunion", "old flame"),
        "the first one, and what became of it",
    ),
    Mood(
        "unrequited love",
        ("one-sided love", "pining", "yearning", "love triangle", "second lead"),
        "loving someone who loves somebody else",
    ),
    Mood(
        "regret",
        ("remorse", "guilt", "missed chances", "too late", "what if", "second chance"),
        "the things left unsaid and undone",
    ),
    Mood(
        "separation",
        ("parting", "farewell", "goodbye", "lovers apart", "longing", "letting go", "distance"),
        "being kept apart, or having to say goodbye",
    ),
    Mood(
        "injustice",
        ("corruption", "cruelty", "tyranny", "abuse of power", "revenge", "unfairness",
         "class divide"),
        "good people wronged by the powerful",
    ),
    Mood(
        "ageing",
        ("old age", "growing old", "elderly", "time", "lost time", "getting older", "youth lost"),
        "growing old and the years that slipped away",
    ),
    Mood(
        "fate",
        ("destiny", "fated", "twist of fate", "dark past", "secrets", "mystery"),
        "a past and a destiny that will not let go",
    ),
    Mood(
        "forbidden love",
        ("affair", "secret love", "taboo", "married", "scandal", "forbidden"),
        "a love the world around them will not allow",
    ),
    Mood(
        "healing",
        ("comfort", "hope", "warmth", "bittersweet", "cathartic", "life lessons", "uplifting"),
        "tears that leave you lighter",
    ),
    Mood(
        "loneliness",
        ("lonely", "isolation", "solitude", "alone", "loneliness of power"),
        "being alone among people, or at the top",
    ),
)  # fmt: skip

ERAS: tuple[Era, ...] = (
    Era("Three Kingdoms", ("silla", "goguryeo", "baekje", "three kingdoms period"), -57, 668),
    Era("Goryeo", ("koryo", "koryeo", "goryeo dynasty"), 918, 1392),
    Era("Joseon", ("chosun", "choson", "joseon dynasty", "yi dynasty"), 1392, 1897),
    Era(
        "Korean Empire",
        ("daehan empire", "great korean empire", "korean empire era", "late joseon"),
        1897,
        1910,
    ),
    Era(
        "Japanese occupation",
        (
            "colonial",
            "colonial era",
            "colonial period",
            "japanese colonial rule",
            "japanese rule",
            "occupation",
            "japanese occupation of korea",
            "independence movement",
        ),
        1910,
        1945,
    ),
    Era("Korean War", ("war", "6.25", "korean war era"), 1950, 1953),
    Era(
        "1980 Gwangju",
        (
            "gwangju uprising",
            "gwangju",
            "may 18",
            "5.18",
            "5·18",
            "may 18 democratic uprising",
            "democratization movement",
            "gwangju 1980",
        ),
        1980,
        1980,
    ),
    Era("Contemporary", ("modern", "modern day", "present day", "today", "present"), 1990, 2099),
)


def mood_names() -> tuple[str, ...]:
    return tuple(m.name for m in MOODS)


def era_names() -> tuple[str, ...]:
    return tuple(e.name for e in ERAS)


def era_by_name(name: str) -> Era | None:
    for era in ERAS:
        if era.name == name:
            return era
    return None
