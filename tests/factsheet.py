"""Hold catalogue entries to the project's fact sheets and to the rule that prose is ours.

Used by tests/test_bundled.py, and runnable on a draft while writing entries:

    python tests/factsheet.py data/dramas.toml

The sheets live in ../shared/seed beside the checkout; without them there is nothing to
compare with, and the checks that need them are skipped.
"""

from __future__ import annotations

import hashlib
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the checkout; or beside a folder above it, for a copy of the checkout
# made inside it (mutmut runs the tests in ./mutants).
SHARED = next(
    (up / "shared" for up in ROOT.parents if (up / "shared" / "seed").is_dir()),
    ROOT.parent / "shared",
)
SEED = SHARED / "seed"
SHEETS = (SEED / "dramas-reference.toml", SEED / "tearjerkers-reference.toml")
GRAMS = SEED / "public-synopsis-grams.txt"
ARTICLE = SEED / "article-10-kdramas-to-cry.txt"
_WORD = re.compile(r"[a-z0-9']+")

# Words that give an ending away when they appear in a synopsis or a why_cry note.
REVEALING = (
    "dies", "died at the end", "death of", "in the end", "kills himself", "kills herself",
    "killed", "is killed", "passes away", "funeral of", "ends up with", "final episode",
    "finale", "turns out", "is revealed", "reveals that", "is actually", "was actually",
)  # fmt: skip


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def grams(text: str, size: int = 8) -> set[tuple[str, ...]]:
    found = words(text)
    return {tuple(found[i : i + size]) for i in range(len(found) - size + 1)}


def gram_hash(gram: tuple[str, ...]) -> str:
    return hashlib.sha1(" ".join(gram).encode()).hexdigest()[:16]


def published_hits(text: str) -> int:
    """Eight-word runs of `text` that repeat a published synopsis or the seed article."""
    hits = 0
    if GRAMS.exists():
        known = set(GRAMS.read_text().split())
        hits += sum(1 for g in grams(text) if gram_hash(g) in known)
    if ARTICLE.exists():
        hits += len(grams(text) & grams(ARTICLE.read_text(encoding="utf-8")))
    return hits


def compact(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


# Where the catalogue knowingly departs from the sheet (each has a comment in the catalogue).
CORRECTIONS = {
    # The sheet's Hangul for the lead, 박수아, is another person; she is credited as 수애.
    ("A Thousand Days' Promise", "Park Soo Ae", "actor_hangul"): "수애",
    # The sheet lists L and Kim Myung-soo as two cast members; L is his stage name.
    ("Angel's Last Mission: Love", "L", "actor"): "Kim Myung-soo",
    # Snowdrop's lead is BLACKPINK's Jisoo, written by her legal name to keep her apart from
    # the actor Ji Soo.
    ("Snowdrop", "Ji Soo", "actor"): "Kim Ji-soo",
    ("Snowdrop", "Ji Soo", "actor_hangul"): None,  # other Kim Ji-soos have Hangul in the sheets
    # The sheet's one-source role says Kang Cheol; its premise, spoilers and recaps, Kang Chil.
    ("Padam Padam", "Jung Woo Sung", "role"): "Yang Kang-chil",
    # Names in the catalogue's spelling: Empress Ki, the Yuan emperor Huizong, Jung Yeon-soo.
    ("Empress Ki", "Ha Ji Won", "role"): "Ki Seung-nyang / Empress Ki",
    ("Empress Ki", "Ji Chang Wook", "role"): "Ta Hwan / Emperor Huizong of Yuan",
    ("The Most Beautiful Goodbye", "Kim Young Ok", "role"): "Yeon-soo's grandmother",
}


def role_from_sheet(role: str, sheet_role: str) -> bool:
    """A role may leave out what the sheet's has (a description in brackets, a later name
    that would give a twist away) and reorder its names, but not add a name of its own."""
    parts = [compact(re.sub(r"\([^)]*\)", "", part)) for part in role.split(" / ")]
    return all(parts) and all(part in compact(sheet_role) for part in parts)


def sheet_hangul() -> dict[str, str]:
    """Each actor's Hangul name wherever a sheet gives it, by folded name."""
    found: dict[str, str] = {}
    for path in SHEETS:
        if not path.exists():
            continue
        with path.open("rb") as handle:
            for drama in tomllib.load(handle)["drama"]:
                for member in drama.get("cast", []):
                    hangul = member.get("actor_hangul")
                    if hangul:
                        found.setdefault(compact(member["actor"].split(" (")[0]), hangul)
    return found


def sheet_entries() -> dict[str, dict[str, Any]]:
    """Sheet entries of the 95, keyed by their MyDramaList page."""
    path = SHEETS[1]
    if not path.exists():
        return {}
    with path.open("rb") as handle:
        return {d["sources"][0]: d for d in tomllib.load(handle)["drama"]}


def problems(entry: dict[str, Any], sheet: dict[str, Any]) -> list[str]:
    """What in a catalogue entry disagrees with its sheet entry."""
    found: list[str] = []

    def check(field: str, mine: Any, theirs: Any) -> None:
        if mine != theirs:
            found.append(f"{field}: catalogue has {mine!r}, the sheet {theirs!r}")

    check("year", entry.get("year"), sheet["year"])
    check("network", entry.get("network"), sheet["network"])
    conflicts = " ".join(sheet.get("conflicts", []))
    if "episodes" not in conflicts:
        check("episodes", entry.get("episodes"), sheet["episodes"])
    elif entry.get("episodes") not in {sheet["episodes"], *map(int, re.findall(r"\d+", conflicts))}:
        found.append(f"episodes: catalogue has {entry.get('episodes')!r}, no source's count")
    check("hangul", entry.get("hangul"), sheet["hangul"])
    ending = None if sheet["ending"] == "unknown" else sheet["ending"]
    check("ending", entry.get("ending"), ending)
    names = {compact(entry["title"]), *(compact(t) for t in entry.get("alt_titles", []))}
    if compact(sheet["title"]) not in names:
        found.append(f"title: the sheet's title {sheet['title']!r} is neither title nor alt title")
    title = sheet["title"]
    mine: dict[str, dict[str, Any]] = {}
    for member in entry.get("cast", []):
        for name in (member["actor"], *member.get("aka", [])):
            mine.setdefault(compact(name), member)
    known_hangul = sheet_hangul()
    matched: list[dict[str, Any]] = []
    for member in sheet.get("cast", []):
        name = CORRECTIONS.get((title, member["actor"], "actor"), member["actor"])
        ours = mine.get(compact(name))
        if ours is None:
            found.append(f"cast: {member['actor']} (in the sheet) is missing")
            continue
        if any(ours is m for m in matched):
            continue  # the sheet lists one person twice (a stage name and a real name)
        matched.append(ours)
        corrected = (title, member["actor"], "role")
        if corrected in CORRECTIONS:
            role_ok = ours["role"] == CORRECTIONS[corrected]
        else:
            role_ok = role_from_sheet(ours["role"], member["role"])
        if not role_ok:
            found.append(
                f"cast {member['actor']} role: catalogue has {ours['role']!r}, "
                f"the sheet {member['role']!r}"
            )
        corrected = (title, member["actor"], "actor_hangul")
        if corrected in CORRECTIONS:
            hangul = CORRECTIONS[corrected]
        else:
            hangul = member.get("actor_hangul") or known_hangul.get(compact(ours["actor"]))
        if ours.get("actor_hangul") != hangul:
            found.append(
                f"cast {member['actor']} actor_hangul: catalogue has "
                f"{ours.get('actor_hangul')!r}, the sheets {hangul!r}"
            )
    for extra in entry.get("cast", []):
        if not any(extra is m for m in matched):
            found.append(f"cast: {extra['actor']} is not in the sheet's cast")
    return found


def prose_problems(entry: dict[str, Any]) -> list[str]:
    found: list[str] = []
    for field in ("synopsis", "why_cry"):
        text = entry.get(field) or ""
        lowered = " ".join(words(text))
        for phrase in REVEALING:
            if re.search(rf"\b{re.escape(phrase)}\b", lowered):
                found.append(f"{field}: says {phrase!r}, which may give the ending away")
    prose = " ".join(
        [entry.get("synopsis", ""), entry.get("why_cry") or "", *entry.get("spoilers", [])]
    )
    hits = published_hits(prose)
    if hits:
        found.append(f"prose: {hits} eight-word runs repeat a published synopsis or the article")
    return found


def check_file(path: Path) -> Iterable[str]:
    with path.open("rb") as handle:
        dramas = tomllib.load(handle)["drama"]
    sheets = sheet_entries()
    for entry in dramas:
        sheet = next((sheets[s] for s in entry.get("sources", []) if s in sheets), None)
        found = prose_problems(entry)
        if sheet is not None:
            found = problems(entry, sheet) + found
        for problem in found:
            yield f"{entry.get('title')}: {problem}"


if __name__ == "__main__":
    total = 0
    for name in sys.argv[1:]:
        for line in check_file(Path(name)):
            total += 1
            print(line)
    print(f"{total} problems")
    sys.exit(1 if total else 0)
