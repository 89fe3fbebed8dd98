"""The project's controlled vocabularies: moods with synonyms, eras with aliases and years,
and the three kinds of ending.

These are data. The bundled catalogue uses only these names; a user's catalogue may use
other words, which the matcher maps onto the vocabulary when it can. Hangul words are
written in Hangul here and romanised when the lookup tables are built, so that a fan who
types either script reaches the same mood or era.
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
    hangul: str = ""


class Ending(NamedTuple):
    name: str
    description: str


MOODS: tuple[Mood, ...] = (
    Mood(
        "grief",
        ("loss", "mourning", "bereavement", "death", "sorrow", "widow", "widower", "funeral",
         "상실", "애도"),
        "losing someone, and living on afterwards",
    ),
    Mood(
        "family",
        ("mother", "father", "parent", "parents", "mom", "mum", "dad", "daughter", "son",
         "motherhood", "sibling", "siblings", "brother", "sister", "family love", "found family",
         "adoption", "adopted",
         "가족", "엄마", "어머니", "아버지"),
        "parents, children and siblings",
    ),
    Mood(
        "tragic romance",
        ("doomed love", "doomed romance", "star-crossed", "star-crossed lovers", "sad love",
         "heartbreak", "melodrama", "tragic love", "비극적 사랑", "멜로"),
        "a love story that cannot end well",
    ),
    Mood(
        "sacrifice",
        ("self-sacrifice", "selfless", "selflessness", "duty", "martyrdom", "giving up", "희생"),
        "giving up everything for someone or something",
    ),
    Mood(
        "historical tragedy",
        ("history", "historical", "sageuk", "period drama", "massacre", "state violence",
         "uprising", "oppression", "patriotism", "independence", "사극", "역사"),
        "ordinary lives crushed by real history",
    ),
    Mood(
        "terminal illness",
        ("illness", "sickness", "disease", "cancer", "tumour", "tumor", "dying", "hospital",
         "leukemia", "leukaemia", "hospice", "불치병", "시한부"),
        "a diagnosis with no way back",
    ),
    Mood(
        "first love",
        ("young love", "puppy love", "school sweetheart", "reunion", "old flame", "첫사랑"),
        "the first one, and what became of it",
    ),
    Mood(
        "unrequited love",
        ("one-sided love", "pining", "yearning", "love triangle", "second lead", "짝사랑"),
        "loving someone who loves somebody else",
    ),
    Mood(
        "regret",
        ("remorse", "guilt", "missed chances", "too late", "what if", "second chance", "후회"),
        "the things left unsaid and undone",
    ),
    Mood(
        "separation",
        ("parting", "farewell", "goodbye", "lovers apart", "longing", "letting go", "distance",
         "이별"),
        "being kept apart, or having to say goodbye",
    ),
    Mood(
        "injustice",
        ("corruption", "cruelty", "tyranny", "abuse of power", "revenge", "unfairness",
         "class divide", "wrongful accusation", "불의", "복수"),
        "good people wronged by the powerful",
    ),
    Mood(
        "ageing",
        ("old age", "growing old", "elderly", "time", "lost time", "getting older", "youth lost",
         "노년"),
        "growing old and the years that slipped away",
    ),
    Mood(
        "fate",
        ("destiny", "fated", "twist of fate", "dark past", "secrets", "mystery", "운명"),
        "a past and a destiny that will not let go",
    ),
    Mood(
        "forbidden love",
        ("affair", "secret love", "taboo", "married", "scandal", "forbidden", "class difference",
         "different worlds", "금지된 사랑"),
        "a love the world around them will not allow",
    ),
    Mood(
        "healing",
        ("comfort", "hope", "warmth", "bittersweet", "cathartic", "life lessons", "uplifting",
         "힐링", "위로"),
        "tears that leave you lighter",
    ),
    Mood(
        "loneliness",
        ("lonely", "isolation", "solitude", "alone", "loneliness of power", "외로움"),
        "being alone among people, or at the top",
    ),
    Mood(
        "friendship",
        ("friends", "best friend", "best friends", "bromance", "sisterhood", "old friends",
         "camaraderie", "우정", "친구"),
        "friends who carry each other",
    ),
    Mood(
        "coming of age",
        ("youth", "growing up", "adolescence", "teen", "teenage", "school", "high school",
         "student", "청춘", "성장"),
        "growing up, and what it costs",
    ),
    Mood(
        "dreams",
        ("dream", "ambition", "aspiration", "chasing a dream", "passion", "calling", "talent",
         "career", "꿈"),
        "a dream worth chasing, kept or given up",
    ),
    Mood(
        "mental health",
        ("trauma", "depression", "anxiety", "ptsd", "psychiatry", "psychiatric", "therapy",
         "suicide", "panic", "wounds", "트라우마", "우울"),
        "wounds nobody can see, and learning to live with them",
    ),
    Mood(
        "disability",
        ("disabled", "autism", "autistic", "deaf", "deafness", "blind", "blindness",
         "hearing loss", "wheelchair", "special needs", "장애"),
        "a body or mind the world was not built for",
    ),
    Mood(
        "memory loss",
        ("dementia", "alzheimer", "alzheimer's", "alzheimers", "amnesia", "forgetting",
         "forgotten", "치매", "기억상실"),
        "forgetting, and being forgotten",
    ),
    Mood(
        "afterlife",
        ("ghost", "ghosts", "grim reaper", "reaper", "angel", "heaven", "spirit", "spirits",
         "reincarnation", "past life", "supernatural", "immortal", "저승", "귀신"),
        "ghosts, reapers and the world beyond, and what the dead leave behind",
    ),
)  # fmt: skip

ERAS: tuple[Era, ...] = (
    Era("Three Kingdoms", ("silla", "goguryeo", "baekje", "samguk"), -57, 668, "삼국"),
    Era("Goryeo", ("koryo", "koryeo"), 918, 1392, "고려"),
    Era("Joseon", ("chosun", "choson", "yi dynasty"), 1392, 1897, "조선"),
    Era(
        "Korean Empire",
        ("daehan empire", "great korean empire", "late joseon", "daehan jeguk"),
        1897,
        1910,
        "대한제국",
    ),
    Era(
        "Japanese occupation",
        (
            "colonial",
            "colonial korea",
            "japanese colonial rule",
            "japanese rule",
            "occupation",
            "japanese occupation of korea",
            "independence movement",
            "gyeongseong",
            "ilje gangjeomgi",
        ),
        1910,
        1945,
        "일제강점기",
    ),
    Era("Korean War", ("war", "6.25", "hanguk jeonjaeng", "yugio"), 1950, 1953, "한국전쟁"),
    Era(
        "Military dictatorship",
        (
            "dictatorship",
            "military rule",
            "military regime",
            "park chung-hee",
            "yushin",
            "fifth republic",
            "chun doo-hwan",
            "june democratic struggle",
            "june struggle",
            "democracy movement",
            "gunsa dokjae",
        ),
        1961,
        1987,
        "군사독재",
    ),
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
        "광주 민주화 운동",
    ),
    Era(
        "IMF crisis",
        ("imf", "asian financial crisis", "1997 financial crisis", "oehwan wigi"),
        1997,
        2001,
        "외환위기",
    ),
    Era(
        "Contemporary",
        ("modern", "modern day", "present day", "today", "present", "hyeondae"),
        1990,
        2099,
        "현대",
    ),
)

# Words that ask to cry rather than for a mood: they rank by tears.
CRY_WORDS: tuple[str, ...] = (
    "sad", "sadness", "cry", "crying", "cries", "tears", "teary", "tearful", "tearjerker",
    "tear-jerker", "tearjerking", "tear-jerking", "weepy", "weep", "sob", "sobbing",
    "heartbreaking", "heart-breaking", "heartwrenching", "heart-wrenching", "gut-wrenching",
    "tragic", "devastating", "depressing", "makjang", "sinpa", "emotional",
    "슬픔", "슬픈", "눈물", "신파", "최루", "막장",
    "😭", "😢", "😿", "🥲", "🥺", "💧", "💔",
)  # fmt: skip

ENDINGS: tuple[Ending, ...] = (
    Ending("happy", "the leads end together, alive and well"),
    Ending("bittersweet", "a real loss, with consolation"),
    Ending("sad", "a lead dies, or the central love or family is lost for good"),
)


def mood_names() -> tuple[str, ...]:
    return tuple(m.name for m in MOODS)


def era_names() -> tuple[str, ...]:
    return tuple(e.name for e in ERAS)


def ending_names() -> tuple[str, ...]:
    return tuple(e.name for e in ENDINGS)


def era_by_name(name: str) -> Era | None:
    for era in ERAS:
        if era.name == name:
            return era
    return None
