"""Write a synthetic catalogue of N dramas in the documented format.

Deterministic for a given N and seed, valid (the loader accepts it), and realistic where
it matters for matching: surnames follow their real frequency, so there are many Kims and
Lees, actors appear in several dramas, and titles share their words.

    python bench/generate.py 10000 -o /tmp/dramas-10000.toml
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

# Roughly the real share of the commonest Korean surnames, in percent.
SURNAMES = {
    "Kim": 21.5, "Lee": 14.7, "Park": 8.4, "Choi": 4.7, "Jung": 4.3, "Kang": 2.3, "Cho": 2.1,
    "Yoon": 2.1, "Jang": 2.0, "Lim": 1.7, "Han": 1.5, "Oh": 1.5, "Seo": 1.5, "Shin": 1.5,
    "Kwon": 1.4, "Hwang": 1.4, "Ahn": 1.3, "Song": 1.3, "Yoo": 1.1, "Hong": 1.1, "Jeon": 1.1,
    "Go": 0.9, "Moon": 0.9, "Yang": 0.9, "Son": 0.9, "Bae": 0.8, "Baek": 0.7, "Nam": 0.6,
    "Byun": 0.3, "Noh": 0.4, "Ha": 0.4, "Jin": 0.2,
}  # fmt: skip
SYLLABLES = (
    "ji min seo yeon ha jun woo hyun su eun tae hee jae young sung ho joon kyung mi na ri "
    "bin do yun hye won seok jin gyu chan dong rok"
).split()
HANGUL = "가나다라마바사아자차카타파하서연민지수현우준태희영성호경미나리빈도윤혜원석진규찬동록"
WORDS = (
    "moon spring letter promise tears winter rain river season memory light star garden "
    "sky wind flower night song heart road sea bridge snow autumn blossom dawn dusk mirror"
).split()
ADJECTIVES = "lonely last first silent falling hidden distant golden broken endless".split()
MOODS = [
    "grief", "family", "tragic romance", "sacrifice", "historical tragedy", "terminal illness",
    "first love", "unrequited love", "regret", "separation", "injustice", "ageing", "fate",
    "forbidden love", "healing", "loneliness",
]  # fmt: skip
ERAS = [
    ("Contemporary", None), ("Joseon", (1400, 1890)), ("Goryeo", (920, 1390)),
    ("Japanese occupation", (1910, 1945)), ("Korean Empire", (1897, 1910)),
    ("Korean War", (1950, 1953)), ("1980 Gwangju", (1980, 1980)),
]  # fmt: skip
NETWORKS = ["tvN", "KBS2", "MBC", "SBS", "JTBC", "Netflix", "OCN", "ENA"]
PROSE = (
    "a young doctor returns to the seaside town where her mother once kept a small noodle "
    "shop and finds the letters nobody ever sent while an old friend waits at the station "
    "every evening for a train that stopped running years ago and the family keeps a secret "
    "about the winter the river froze and the promise two brothers made before the war"
).split()


def _name(rng: random.Random) -> str:
    surname = rng.choices(list(SURNAMES), weights=list(SURNAMES.values()))[0]
    return f"{surname} {rng.choice(SYLLABLES).title()}-{rng.choice(SYLLABLES)}"


def _sentence(rng: random.Random, words: int) -> str:
    start = rng.randrange(len(PROSE))
    text = " ".join(PROSE[(start + i) % len(PROSE)] for i in range(words))
    return text[0].upper() + text[1:] + "."


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def generate(count: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    actors = [_name(rng) for _ in range(max(count // 2, 20))]
    seen: set[str] = set()
    out = [f"# Synthetic catalogue: {count} dramas, seed {seed}. Not real dramas.\n"]
    for number in range(count):
        base = f"{rng.choice(ADJECTIVES).title()} {rng.choice(WORDS).title()}"
        title = f"The {base}" if rng.random() < 0.3 else base
        if title.casefold() in seen:
            title = f"{title} {number}"
        seen.add(title.casefold())
        era, span = rng.choice(ERAS)
        moods = rng.sample(MOODS, rng.randint(3, 5))
        out.append("[[drama]]\n")
        out.append(f"title = {_toml(title)}\n")
        out.append(f"alt_titles = [{_toml(f'{title} ({rng.choice(WORDS)})')}]\n")
        out.append(f'hangul = "{"".join(rng.choice(HANGUL) for _ in range(rng.randint(3, 7)))}"\n')
        out.append(f"year = {rng.randint(1995, 2025)}\n")
        out.append(f"network = {_toml(rng.choice(NETWORKS))}\n")
        out.append(f"episodes = {rng.choice([12, 16, 16, 20, 24])}\n")
        out.append(f"era = {_toml(era)}\n")
        if span:
            first = rng.randint(*span)
            out.append(f"period = [{first}, {min(first + rng.randint(0, 12), span[1])}]\n")
        out.append("moods = [" + ", ".join(_toml(m) for m in moods) + "]\n")
        out.append(f"tears = {rng.randint(1, 5)}\n")
        out.append(f"synopsis = {_toml(_sentence(rng, rng.randint(30, 50)))}\n")
        out.append(f"why_cry = {_toml(_sentence(rng, rng.randint(15, 25)))}\n")
        out.append(f"spoilers = [{_toml(_sentence(rng, 12))}]\n")
        for actor in rng.sample(actors, 4):
            out.append("\n[[drama.cast]]\n")
            out.append(f"actor = {_toml(actor)}\n")
            out.append(f"role = {_toml(_name(rng))}\n")
        out.append("\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many dramas")
    parser.add_argument("-o", "--output", type=Path, help="file to write (default: stdout)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    text = generate(args.count, args.seed)
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
