"""Read a catalogue file and validate every entry, reporting all problems at once.

`load_dramas(path)` is a pure function from a file (or the bundled catalogue) to frozen
`Drama` records. Anything wrong raises `CatalogueError`, whose problems each name the
file, the line where known, the entry (number and title), the field, what was expected
and what was found.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from typing import Any

from .errors import CatalogueError, Problem
from .model import Drama
from .text import compact

BUNDLED_NAME = "dramas.toml"

# Key -> (required, description of what is expected). Order is the documented order.
DRAMA_KEYS: dict[str, tuple[bool, str]] = {
    "title": (True, "a non-empty string"),
    "alt_titles": (False, "a list of non-empty strings"),
    "hangul": (False, "a non-empty string"),
    "year": (True, "a year between 1900 and 2100 (an integer)"),
    "network": (True, "a non-empty string"),
    "episodes": (False, "a positive integer"),
    "era": (True, "a non-empty string or a non-empty list of strings"),
    "period": (False, "two years [first, last] with first <= last"),
    "moods": (True, "a non-empty list of non-empty strings, most prominent first"),
    "tears": (True, "an integer from 1 to 5"),
    "synopsis": (True, "a non-empty string"),
    "why_cry": (False, "a non-empty string"),
    "spoilers": (False, "a list of non-empty strings"),
    "ending": (False, "one of happy, bittersweet, sad"),
    "sources": (False, "a list of non-empty strings"),
    "cast": (True, "at least one [[drama.cast]] table"),
}
CAST_KEYS: dict[str, tuple[bool, str]] = {
    "actor": (True, "a non-empty string"),
    "actor_hangul": (False, "a non-empty string"),
    "aka": (False, "a list of non-empty strings"),
    "role": (True, "a non-empty string"),
}


def bundled_path() -> Path:
    """Where the catalogue shipped with cry-picker lives.

    An installed wheel carries it inside the package; an editable install or a source
    checkout reads the copy at the repository root.
    """
    packaged = resources.files("cry_picker").joinpath("data", BUNDLED_NAME)
    if isinstance(packaged, Path) and packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / BUNDLED_NAME


def load_dramas(path: Path | None = None) -> tuple[Drama, ...]:
    """Read and validate a catalogue file; `None` means the bundled catalogue."""
    target = bundled_path() if path is None else path
    return parse_dramas(read_catalogue_bytes(target), str(target))


def read_catalogue_bytes(path: Path) -> bytes:
    name = str(path)
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise _file_error(name, "no such file") from None
    except IsADirectoryError:
        raise _file_error(name, "is a directory, not a catalogue file") from None
    except PermissionError:
        raise _file_error(name, "cannot be read: permission denied") from None
    except OSError as exc:
        raise _file_error(name, f"cannot be read: {exc.strerror or exc}") from None


def parse_dramas(data: bytes, name: str) -> tuple[Drama, ...]:
    """Validate the bytes of a catalogue file named `name` (used in messages)."""
    text = _decode(data, name)
    if not text.strip():
        raise _file_error(name, "the file is empty; expected [[drama]] tables")
    import tomllib  # only on a cache miss

    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CatalogueError([_syntax_problem(name, exc)]) from None
    return _Validator(name, text).run(document)


def _file_error(name: str, message: str) -> CatalogueError:
    return CatalogueError([Problem(file=name, message=message)])


def _decode(data: bytes, name: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise CatalogueError(
            [
                Problem(
                    file=name,
                    line=line,
                    message=f"not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                )
            ]
        ) from None


_AT = re.compile(r"\s*\(at line (\d+), column (\d+)\)\s*$")


def _syntax_problem(name: str, exc: Exception) -> Problem:
    message = str(exc)
    match = _AT.search(message)
    if match:
        return Problem(
            file=name,
            line=int(match.group(1)),
            column=int(match.group(2)),
            message=f"TOML syntax error: {message[: match.start()]}",
        )
    return Problem(file=name, message=f"TOML syntax error: {message}")


# --- locating lines -------------------------------------------------------------------

_HEADER = re.compile(r"^\s*\[\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]\]")
_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_.\-\"' ]+?)\s*\]")
_KEY = re.compile(r"""^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_\-]+))\s*=""")


class _EntryLines:
    def __init__(self, start: int) -> None:
        self.start = start
        self.keys: dict[str, int] = {}
        self.cast: list[tuple[int, dict[str, int]]] = []


def _locate(text: str) -> list[_EntryLines]:
    """Best-effort line numbers of each [[drama]] table and its keys.

    tomllib gives no positions, so this scans for table headers and `key =` lines,
    skipping the insides of multi-line strings.
    """
    entries: list[_EntryLines] = []
    current: dict[str, int] | None = None
    in_string: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if in_string:
            if line.count(in_string) % 2 == 1:
                in_string = None
            continue
        header = _HEADER.match(line)
        if header:
            name = header.group(1).replace(" ", "")
            if name == "drama":
                entries.append(_EntryLines(start=number))
                current = entries[-1].keys
            elif name == "drama.cast" and entries:
                entries[-1].cast.append((number, {}))
                current = entries[-1].cast[-1][1]
            else:
                current = None
        elif _TABLE.match(line):
            current = None
        else:
            key = _KEY.match(line)
            if key and current is not None:
                current.setdefault(next(g for g in key.groups() if g), number)
        for quote in ('"""', "'''"):
            if line.count(quote) % 2 == 1:
                in_string = quote
                break
    return entries


# --- validation -----------------------------------------------------------------------


def _describe(value: Any) -> str:
    """What was found, in a few words: `the string "2018"`, `the integer 9`, `a table`."""
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, int):
        return f"the integer {value}"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f'the string "{shown}"' if value.strip() else "an empty string"
    if isinstance(value, list):
        return "an empty list" if not value else f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def _is_text_list(value: Any) -> bool:
    return isinstance(value, list) and all(_is_text(v) for v in value)


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _closest(key: str, allowed: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    return found[0] if found else None


class _Validator:
    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.lines = _locate(text)
        self.problems: list[Problem] = []

    def run(self, document: dict[str, Any]) -> tuple[Drama, ...]:
        for key in document:
            if key != "drama":
                guess = _closest(key, ["drama"])
                tip = f"; did you mean [[{guess}]]?" if guess else ""
                self._top(f"unknown top-level key '{key}'{tip} Each entry is a [[drama]] table")
        tables = document.get("drama")
        if tables is None:
            self._top("no [[drama]] tables found")
            raise CatalogueError(self.problems)
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            self._top(f"'drama' must be an array of [[drama]] tables, found {_describe(tables)}")
            raise CatalogueError(self.problems)
        dramas: list[Drama] = []
        seen: dict[str, int] = {}
        for number, table in enumerate(tables, start=1):
            drama = self._entry(number, table)
            title = table.get("title")
            if _is_text(title):
                identity = compact(title)
                if identity in seen:
                    self._add(
                        number,
                        title,
                        "title",
                        f"duplicates the title of drama #{seen[identity]} "
                        "(titles must differ ignoring case, spaces and punctuation)",
                    )
                else:
                    seen[identity] = number
            if drama is not None:
                dramas.append(drama)
        if self.problems:
            raise CatalogueError(self.problems)
        return tuple(dramas)

    # -- problem helpers

    def _top(self, message: str) -> None:
        self.problems.append(Problem(file=self.name, message=message))

    def _line(self, number: int, field_name: str | None) -> int | None:
        if number > len(self.lines):
            return None
        entry = self.lines[number - 1]
        if field_name is None:
            return entry.start
        key, _, rest = field_name.partition("[")
        if key == "cast" and rest:
            index = int(rest.split("]")[0])
            sub = field_name.partition("].")[2]
            if index < len(entry.cast):
                cast_line, cast_keys = entry.cast[index]
                return cast_keys.get(sub, cast_line)
        return entry.keys.get(key, entry.start)

    def _add(self, number: int, title: Any, field_name: str | None, message: str) -> None:
        self.problems.append(
            Problem(
                file=self.name,
                line=self._line(number, field_name),
                entry=number,
                title=title if _is_text(title) else None,
                field=field_name,
                message=message,
            )
        )

    def _expect(self, number: int, title: Any, field_name: str, expected: str, value: Any) -> None:
        self._add(number, title, field_name, f"expected {expected}, found {_describe(value)}")

    # -- one [[drama]] table

    def _entry(self, number: int, table: dict[str, Any]) -> Drama | None:
        before = len(self.problems)
        title = table.get("title")
        self._unknown_keys(number, title, table, DRAMA_KEYS, "")
        for key, (required, expected) in DRAMA_KEYS.items():
            if key not in table:
                if required:
                    self._add(number, title, key, f"missing; expected {expected}")
                continue
            check = _CHECKS[key]
            if not check(table[key]):
                self._expect(number, title, key, expected, table[key])
        cast = table.get("cast")
        if isinstance(cast, list) and cast:
            for index, member in enumerate(cast):
                self._cast_member(number, title, index, member)
        if len(self.problems) > before:
            return None
        return Drama.from_record(table)

    def _cast_member(self, number: int, title: Any, index: int, member: Any) -> None:
        prefix = f"cast[{index}]"
        if not isinstance(member, dict):
            self._expect(number, title, prefix, "a table with actor and role", member)
            return
        self._unknown_keys(number, title, member, CAST_KEYS, prefix + ".")
        for key, (required, expected) in CAST_KEYS.items():
            name = f"{prefix}.{key}"
            if key not in member:
                if required:
                    self._add(number, title, name, f"missing; expected {expected}")
            elif not _CAST_CHECKS[key](member[key]):
                self._expect(number, title, name, expected, member[key])

    def _unknown_keys(
        self,
        number: int,
        title: Any,
        table: dict[str, Any],
        allowed: dict[str, tuple[bool, str]],
        prefix: str,
    ) -> None:
        for key in table:
            if key in allowed:
                continue
            guess = _closest(key, allowed)
            tip = f"; did you mean '{guess}'?" if guess else ""
            known = ", ".join(allowed)
            self._add(number, title, prefix + key, f"unknown key{tip} (known keys: {known})")


def _period_ok(value: Any) -> bool:
    return (
        isinstance(value, list)
        and len(value) == 2
        and all(_is_int(v) for v in value)
        and value[0] <= value[1]
    )


_CHECKS: dict[str, Callable[[Any], bool]] = {
    "title": _is_text,
    "alt_titles": _is_text_list,
    "hangul": _is_text,
    "year": lambda v: _is_int(v) and 1900 <= v <= 2100,
    "network": _is_text,
    "episodes": lambda v: _is_int(v) and v > 0,
    "era": lambda v: _is_text(v) or (_is_text_list(v) and bool(v)),
    "period": _period_ok,
    "moods": lambda v: _is_text_list(v) and bool(v),
    "tears": lambda v: _is_int(v) and 1 <= v <= 5,
    "synopsis": _is_text,
    "why_cry": _is_text,
    "spoilers": _is_text_list,
    "ending": lambda v: v in ("happy", "bittersweet", "sad"),
    "sources": _is_text_list,
    "cast": lambda v: isinstance(v, list) and bool(v),
}
_CAST_CHECKS: dict[str, Callable[[Any], bool]] = {
    "actor": _is_text,
    "actor_hangul": _is_text,
    "aka": _is_text_list,
    "role": _is_text,
}
