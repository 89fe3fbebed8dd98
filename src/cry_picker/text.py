"""Text normalisation: the keys that make "Lee Jong-suk", "Jongsuk Lee" and 이종석 meet.

Every key is computed the same way for catalogue text and for what a user types, so
two spellings match exactly when their keys are equal and fuzzily when they are close.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Escape sequences (CSI, OSC, two-byte) first, then any lone control character,
# including C1 controls and the bidirectional overrides that can reorder a line.
_ANSI = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MARKS = re.compile(r"[\u0300-\u036f]")
_NON_WORD = re.compile(r"[\W_]+")
_REPEATS = re.compile(r"([a-z])\1+")
_SILENT_H = re.compile(r"(?<=[aeiouwy])h(?![aeiouwy])")
_EO_CLOSED = re.compile(r"eo(?=[nmlkpt])")
_LATIN = re.compile(r"[a-z]")
_ARTICLES = ("the ", "a ", "an ")
MAX_QUERY = 200  # characters of a query that take part in matching

# Surnames whose spellings no general rule reconciles (이 is Lee, Yi, Rhee...).
_SURNAMES = {
    "yi": "lee", "rhee": "lee", "ri": "lee", "rhie": "lee", "i": "lee",
    "pak": "park", "bak": "park", "bahk": "park",
    "choe": "choi", "chwe": "choi",
    "lim": "im", "yim": "im",
    "roh": "noh", "ro": "noh", "no": "noh",
    "ko": "go", "koh": "go",
    "o": "oh",
    "suh": "seo",
    "sin": "shin",
    "yun": "yoon",
    "gim": "kim",
    "an": "ahn",
}  # fmt: skip

# Korean sounds printed several ways in English-language media. Applied in order to a
# lower-case Latin token: vowels first, then consonant pairs, then doubled letters.
_VOWELS = (("ou", "u"), ("oo", "u"), ("eu", "u"), ("ae", "e"), ("ee", "i"))
_CONSONANTS = (("ch", "j"), ("sh", "s"))
_SINGLE = str.maketrans({"g": "k", "d": "t", "b": "p", "r": "l"})


def strip_control(text: str) -> str:
    """Remove terminal escape sequences and control characters.

    Newlines stay; tabs become spaces.
    """
    text = _ANSI.sub("", text)
    return _CONTROL.sub("", text.replace("\t", " "))


def clean_query(text: str) -> str:
    """What a person typed, ready to match: control characters gone, trimmed, bounded."""
    return strip_control(text).strip()[:MAX_QUERY]


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form, words separated by one space.

    Hangul syllables are decomposed into jamo (NFKD) so that fuzzy scores see the
    letters of a syllable, not the syllable as one opaque character.
    """
    text = unicodedata.normalize("NFKD", text).casefold()
    text = _MARKS.sub("", text)
    return " ".join(_NON_WORD.sub(" ", text).split())


def compact(text: str) -> str:
    """`fold` without spaces: the identity of a title ("Mr. Sunshine" == "mr sunshine")."""
    return fold(text).replace(" ", "")


def title_key(text: str) -> str:
    """Folded title without a leading English article, for matching."""
    key = fold(text)
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            return key[len(article) :]
    return key


@lru_cache(maxsize=1 << 16)  # names repeat a lot across a big catalogue
def phonetic(token: str) -> str:
    """Collapse the romanisation variants of one folded Latin token.

    oo/u, eo/o (and eo/u before a final consonant, as in Jeong/Jung or Seok/Suk),
    ae/e, ee/i, g/k, d/t, b/p, ch/j, r/l, sh/s, doubled letters and a silent h.
    """
    if not _LATIN.search(token):
        return token
    token = _EO_CLOSED.sub("u", token).replace("eo", "o")
    for old, new in _VOWELS + _CONSONANTS:
        token = token.replace(old, new)
    token = token.replace("wu", "u").translate(_SINGLE)
    token = _REPEATS.sub(r"\1", token)
    return _SILENT_H.sub("", token)


def _surname(token: str) -> str:
    return _SURNAMES.get(token, token)


def name_tokens(text: str) -> list[str]:
    """Folded tokens of a personal name, hyphenated parts split apart."""
    return fold(text).split()


@lru_cache(maxsize=1 << 16)
def name_key(text: str) -> str:
    """One key for a surname-first personal name, spaces removed: "Lee Jong-suk" -> "lijonksuk"."""
    tokens = name_tokens(text)
    if not tokens:
        return ""
    tokens[0] = _surname(tokens[0])
    return "".join(phonetic(t) for t in tokens)


def name_query_keys(text: str) -> list[str]:
    """Keys for a name typed in either order: "Jongsuk Lee" is also tried as "Lee Jongsuk".

    Catalogue names are stored surname first, so a typed name is keyed as written and
    with its last word moved to the front.
    """
    tokens = name_tokens(text)
    keys = [name_key(" ".join(tokens))] if tokens else []
    if len(tokens) > 1:
        rotated = name_key(" ".join(tokens[-1:] + tokens[:-1]))
        if rotated not in keys:
            keys.append(rotated)
    return keys


def words(text: str) -> list[str]:
    """Folded words of free text, for the synopsis index."""
    return fold(text).split()
