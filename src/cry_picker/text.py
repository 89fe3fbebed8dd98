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
_SILENT_H = re.compile(r"(?<=[aeiouwy])h(?![aeiouwy])")
# One pass, left to right, so that a vowel made by one rule is not remade by another
# ("seoo" is a doubled "seo", not "soo").
_VOWEL_PAIRS = re.compile(r"eui|eo(?=[nmlkpt])|eo|ou|oo|eu|ui|ae|ee")
_VOWEL_SOUNDS = {
    "eui": "i",
    "ou": "u",
    "oo": "u",
    "eu": "u",
    "ui": "i",
    "ae": "e",
    "ee": "i",
    "eo": "o",
}
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

# Korean surnames, as typed in English-language media: the first word of a name that is
# one of these is read as a surname ("Yoo Geon" is a full name, not a given name).
SURNAMES = frozenset(
    "kim lee yi rhee park bak choi choe jung jeong chung kang cho jo yoon yun jang chang lim "
    "im han oh seo suh shin sin kwon hwang ahn an song yoo yu ryu hong jeon jun go ko moon mun "
    "yang son bae baek paik heo huh nam sim shim noh roh ha kwak gwak sung seong cha joo ju woo "
    "koo gu min na jin ji eom um chae won cheon chun bang gong kong hyun ham byun byeon yeom "
    "yeo choo chu do so seok seol ma gil pyo myung ki ban ra wang geum keum ok yook in maeng je "
    "mo tak eun yeon ye uhm um eom gal kyeon gyeon doh goo tae pi bong ryeo ryoo lyu sa seon "
    "namgoong namkoong namgung hwangbo jegal seonwoo sunwoo dokgo".split()
)

# Korean sounds printed several ways in English-language media. Applied in order to a
# lower-case Latin token: vowels first, then consonant pairs.
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


# ASCII needs no decomposition and no accents removed: its letters and digits are its
# word characters, lower() is its casefold(), and everything else separates words.
_ASCII_SEPARATORS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalnum()})


def _folded(text: str) -> list[str]:
    if text.isascii():  # most catalogue text: a third of the time of the general case
        return text.lower().translate(_ASCII_SEPARATORS).split()
    text = unicodedata.normalize("NFKD", text).casefold()
    return _NON_WORD.sub(" ", _MARKS.sub("", text)).split()


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form, words separated by one space.

    Hangul syllables are decomposed into jamo (NFKD) so that fuzzy scores see the
    letters of a syllable, not the syllable as one opaque character.
    """
    return " ".join(_folded(text))


def compact(text: str) -> str:
    """`fold` without spaces: the identity of a title ("Mr. Sunshine" == "mr sunshine")."""
    return fold(text).replace(" ", "")


def title_key(text: str) -> str:
    """Folded title without a leading English article, for matching."""
    return without_article(fold(text))


def without_article(key: str) -> str:
    """A folded title without its leading English article ("the red sleeve" -> "red sleeve")."""
    for article in _ARTICLES:
        if key.startswith(article) and len(key) > len(article):
            return key[len(article) :]
    return key


@lru_cache(maxsize=1 << 16)  # names repeat a lot across a big catalogue
def phonetic(token: str) -> str:
    """Collapse the romanisation variants of one folded Latin token.

    oo/u, eo/o (and eo/u before a final consonant, as in Jeong/Jung or Seok/Suk), eu/u,
    ae/e, ee/i, ui/i (Revised Romanization's "hui" is the "hee" of 희), g/k, d/t, b/p,
    ch/j, r/l, sh/s and a silent h.
    """
    if not _LATIN.search(token):
        return token
    token = _VOWEL_PAIRS.sub(_vowel_sound, token)
    for old, new in _CONSONANTS:
        token = token.replace(old, new)
    token = token.replace("wu", "u").translate(_SINGLE)
    return _SILENT_H.sub("", token)


def _vowel_sound(match: re.Match[str]) -> str:
    pair = match.group()
    if pair == "eo" and match.end() < len(match.string) and match.string[match.end()] in "nmlkpt":
        return "u"  # Jeong/Jung, Seok/Suk
    return _VOWEL_SOUNDS[pair]


def _surname(token: str) -> str:
    return _SURNAMES.get(token, token)


def name_tokens(text: str) -> list[str]:
    """Folded tokens of a personal name, hyphenated parts split apart."""
    return _folded(text)


@lru_cache(maxsize=1 << 12)  # a query asks for a few, over and over; the index builds its own
def name_key(text: str) -> str:
    """One key for a surname-first personal name, spaces removed: "Lee Jong-suk" -> "lijonksuk"."""
    tokens = name_tokens(text)
    if not tokens:
        return ""
    tokens[0] = _surname(tokens[0])
    # Doubled letters are kept: Han-na and Ha-na are two names (and "Seunggi" still meets
    # "Seung-gi", whose two g's fold the same way).
    return "".join(phonetic(t) for t in tokens)


def name_query_keys(text: str) -> list[str]:
    """Keys for a typed name: as written, and, when it is written given name first
    ("Jongsuk Lee", "Jun-ki Lee": a surname last, and a first word that is no surname or
    is a hyphenated given name), surname first.

    Catalogue names are stored surname first. A name that begins with a surname ("Do
    Yeong Seo", "Jin Seo Joon") is read only as written, so that a stranger is never
    turned into whoever has the same words in the other order.
    """
    tokens = name_tokens(text)
    if not tokens:
        return []
    keys = [name_key(" ".join(tokens))]
    first_word = fold(text.split()[0]) if text.split() else ""
    given_first = tokens[0] not in SURNAMES or " " in first_word  # "Jun-ki Lee"
    if len(tokens) > 1 and tokens[-1] in SURNAMES and given_first:
        rotated = name_key(" ".join(tokens[-1:] + tokens[:-1]))
        if rotated not in keys:
            keys.insert(0, rotated)
    return keys


def words(text: str) -> list[str]:
    """Folded words of free text, for the synopsis index."""
    return _folded(text)


# --- Hangul typed by a person, romanised (Revised Romanization) -------------------------

_INITIALS = "g kk n d tt r m b pp s ss _ j jj ch k t p h".split()
_VOWELS_RR = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
_FINALS = ("", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l",
           "m", "p", "p", "t", "t", "ng", "t", "t", "k", "t", "p", "t")  # fmt: skip
# A final consonant read into a following vowel ("han-gu-geo"): its sound as an initial.
_CARRIED = {1: "g", 2: "kk", 7: "d", 8: "r", 17: "b", 19: "s", 20: "ss", 22: "j", 23: "ch",
            24: "k", 25: "t", 26: "p"}  # fmt: skip
_TWO_SYLLABLE_SURNAMES = frozenset("남궁 제갈 선우 황보 독고 사공 서문 동방".split())
_HANGUL_WORD = re.compile("[\uac00-\ud7a3]+")


def has_hangul(text: str) -> bool:
    return _HANGUL_WORD.search(text) is not None


def _syllables(word: str) -> list[tuple[int, int, int]]:
    """(initial, vowel, final) of each Hangul syllable, as positions in the RR tables."""
    found = []
    for char in word:
        rest, final = divmod(ord(char) - 0xAC00, 28)
        initial, vowel = divmod(rest, 21)
        found.append((initial, vowel, final))
    return found


def romanise(text: str) -> str:
    """Every run of Hangul in `text` romanised; other characters kept."""
    return _HANGUL_WORD.sub(lambda m: _romanise(m.group()), text)


def _romanise(word: str) -> str:
    out: list[str] = []
    syllables = _syllables(word)
    carried = ""
    for i, (initial, vowel, final) in enumerate(syllables):
        onset = carried or _INITIALS[initial].replace("_", "")
        if out and out[-1][-1] in "ln" and onset in ("r", "n") and out[-1][-1] + onset != "nn":
            out[-1] = out[-1][:-1] + "l"  # 신라 silla, 달리 dalli, 설날 seollal
            onset = "l"
        carried = ""
        coda = "l" if final == 8 else _FINALS[final]
        following = syllables[i + 1] if i + 1 < len(syllables) else None
        if final in _CARRIED and following is not None and following[0] == 11:
            carried, coda = _CARRIED[final], ""
        out.append(onset + _VOWELS_RR[vowel] + coda)
    return "".join(out)


def romanise_name(text: str) -> str:
    """A Hangul personal name romanised surname first, as two words: "이종석" -> "i jongseok".

    Only the first run of Hangul is a name; a two-syllable surname (남궁, 제갈...) is kept
    whole. Latin text is returned folded and unchanged.
    """
    match = _HANGUL_WORD.search(text)
    if match is None:
        return fold(text)
    word = match.group()
    split = 2 if word[:2] in _TWO_SYLLABLE_SURNAMES and len(word) > 2 else 1
    surname, given = _romanise(word[:split]), _romanise(word[split:])
    return f"{surname} {given}".strip()


# --- does a typed token look like romanised Korean? --------------------------------------

_SYLLABLE = re.compile(
    r"(?:kk|gg|tt|dd|pp|bb|ss|jj|ch|sh|[gkndtrlmbpsjhcf])?[yw]?"
    r"(?:ae|eo|eu|ui|oe|oo|ee|ou|ei|ai|a|e|i|o|u)[hr]?(?:ng|[kgntdlrmpb])?"
)


def undoubled(text: str) -> list[str]:
    """What `text` may have been before a slip typed one letter twice: each repeated letter
    in turn typed once fewer ("Woonn" may be Woon or Won; "Sooo" is Soo)."""
    return [text[: m.end() - 1] + text[m.end() :] for m in re.finditer(r"([A-Za-z])\1+", text)]


@lru_cache(maxsize=1 << 14)
def plausible(token: str) -> bool:
    """Whether a folded Latin token could be a name written in romanised Korean: made of
    syllables (consonants, a vowel, a final), with no letter three times in a row, no
    "aa", "ii" or "uu", and no doubled final letter. "sukk", "gii" and "jnog" are not;
    "jongsuk", "hee" and "hanna" are. Used to tell a slip of the fingers from
    another person's real name."""
    if not token.isascii() or not token.isalpha() or _TYPED_TWICE.search(token):
        return False
    reachable = [True] + [False] * len(token)
    for start in range(len(token)):
        if not reachable[start]:
            continue
        for end in range(start + 1, min(len(token), start + 7) + 1):
            if _SYLLABLE.fullmatch(token, start, end):
                reachable[end] = True
    return reachable[-1]


# A letter three times, or a vowel that romanisation never doubles ("aa", "ii", "uu"), or
# a doubled final consonant that no syllable ends with ("Joonn", "Sungg"): a slip.
_TYPED_TWICE = re.compile(r"(.)\1\1|aa|ii|uu|(?:nn|gg|mm|ll|kk|tt|pp|rr|hh)$")
