"""Read a catalogue file and validate every entry, reporting all problems at once.

`load_dramas(path)` is a pure function from a file (or the bundled catalogue) to frozen
`Drama` records. Anything wrong raises `CatalogueError`, whose problems each name the
file, the line where known, the entry (number and title), the field, what was expected
and what was found.

A catalogue is untrusted input, and reading it stays bounded: only a regular file of at
most `MAX_BYTES` is opened (a named pipe or a device never is), nesting too deep for the
TOML parser and integers too long to convert are reported like syntax errors, the first
`MAX_PROBLEMS` problems are kept in full and the rest only counted, and a key or title
quoted back in a message is cut to `MAX_SHOWN` characters.

A valid file (nearly every file read) is read quickly, a run of entries at a time: each
run is parsed, checked and turned into records before the next, so that progress can be
told and the parsed tables of 10,000 dramas never all exist at once. Anything unusual in
that read (a problem in an entry, a syntax error, a key outside the entries) sends the
file to the careful read: the whole document parsed at once and every problem reported,
with line numbers found only then.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from collections.abc import Callable, Iterable
from importlib import resources
from pathlib import Path
from types import ModuleType
from typing import Any

from .errors import CatalogueError, Problem
from .model import Drama
from .schema import CAST_FIELDS, DRAMA_FIELDS, Field, is_text
from .text import compact

BUNDLED_NAME = "dramas.toml"
MAX_BYTES = 32 << 20  # 32 MiB: some 34,000 dramas; parsing that already takes seconds
MAX_PROBLEMS = 200  # problems kept in full; the rest of an invalid file's are counted
MAX_SHOWN = 40  # characters of a key or a title quoted back in a problem
RUN_BYTES = 1 << 18  # about how much TOML the quick read parses at a time


def bundled_path() -> Path:
    """Where the catalogue shipped with cry-picker lives.

    An installed wheel carries it inside the package; an editable install or a source
    checkout reads the copy at the repository root.
    """
    packaged = resources.files("cry_picker").joinpath("data", BUNDLED_NAME)
    if isinstance(packaged, Path) and packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / BUNDLED_NAME


def load_dramas(
    path: Path | None = None, on_progress: Callable[[int], None] | None = None
) -> tuple[Drama, ...]:
    """Read and validate a catalogue file; `None` means the bundled catalogue.
    `on_progress` hears how many of the file's bytes have been read, as the read goes."""
    target = bundled_path() if path is None else path
    return parse_dramas(read_catalogue_bytes(target), str(target), on_progress)


def read_catalogue_bytes(path: Path) -> bytes:
    """The bytes of a catalogue file: a regular file of at most `MAX_BYTES`.

    The file's type is checked before it is opened, so a named pipe (which would wait for
    a writer forever) or a device (`/dev/zero` never ends) is refused at once.
    """
    name = str(path)
    try:
        info = os.stat(path)
        _check_kind(name, info)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with open(fd, "rb") as handle:
            _check_kind(name, os.fstat(handle.fileno()))  # replaced since the stat
            data = handle.read(MAX_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise _file_error(name, "no such file") from None
    except IsADirectoryError:
        raise _file_error(name, _KINDS[stat.S_IFDIR]) from None
    except PermissionError:
        raise _file_error(name, "cannot be read: permission denied") from None
    except OSError as exc:
        raise _file_error(name, f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise _too_big(name)  # it grew after the stat
    return data


_KINDS = {
    stat.S_IFDIR: "is a directory, not a catalogue file",
    stat.S_IFIFO: "is a named pipe (FIFO), not a catalogue file; only regular files are read",
    stat.S_IFCHR: "is a device, not a catalogue file; only regular files are read",
    stat.S_IFBLK: "is a device, not a catalogue file; only regular files are read",
    stat.S_IFSOCK: "is a socket, not a catalogue file; only regular files are read",
}


def _check_kind(name: str, info: os.stat_result) -> None:
    if not stat.S_ISREG(info.st_mode):
        kind = _KINDS.get(stat.S_IFMT(info.st_mode), "is not a regular file")
        raise _file_error(name, kind)
    if info.st_size > MAX_BYTES:
        raise _too_big(name)


def _too_big(name: str) -> CatalogueError:
    return _file_error(name, f"is larger than {MAX_BYTES >> 20} MiB, the most a catalogue may be")


def parse_dramas(
    data: bytes, name: str, on_progress: Callable[[int], None] | None = None
) -> tuple[Drama, ...]:
    """Validate the bytes of a catalogue file named `name` (used in messages).
    `on_progress` hears how many bytes have been read so far."""
    dramas = _quick_read(data, name, on_progress)
    if dramas is None:
        dramas = _careful_read(data, name)
    if on_progress is not None:
        on_progress(len(data))
    return dramas


# --- the quick read -------------------------------------------------------------------

_ENTRY = b"[[drama]]"
_BOM = b"\xef\xbb\xbf"


class _Unusual(Exception):
    """Something the quick read leaves to the careful read, which describes it."""


def _quick_read(
    data: bytes, name: str, on_progress: Callable[[int], None] | None
) -> tuple[Drama, ...] | None:
    """The dramas of a valid file, read a run of entries at a time; None when anything is
    unusual, for the careful read to report.

    The file is cut only before lines that read exactly `[[drama]]`. Each run after the
    first starts with such a header, so parsing it alone gives the tables the whole
    document would have: TOML can only add to the last table of an array, and a header
    cut out of a multi-line string or array leaves the run before it unterminated, which
    is a syntax error here and sends the file to the careful read.
    """
    start = len(_BOM) if data.startswith(_BOM) else 0
    first = _entry_line(data, start, start)
    if first == len(data):
        return None  # no [[drama]] line at all: the careful read says what is wrong
    toml = toml_parser()
    validator = _Validator(name, None)
    dramas: list[Drama] = []
    try:
        if _parse(toml, data[start:first]):
            return None  # anything before the first entry is a key out of place
        at = first
        while at < len(data):
            if on_progress is not None and at > first:
                on_progress(at)
            end = _entry_line(data, at + RUN_BYTES, 0)
            document = _parse(toml, data[at:end])
            if document.keys() != {"drama"}:
                return None
            dramas.extend(validator.entries(document["drama"], len(dramas) + 1))
            del document  # the tables of one run at a time, never all of them
            at = end
    except _Unusual:
        return None
    return tuple(dramas)


def _entry_line(data: bytes, at: int, start: int) -> int:
    """Where the first line that reads exactly `[[drama]]` at or after `at` begins
    (`start` counts as the start of a line); the end of `data` if there is none."""
    while True:
        found = data.find(_ENTRY, at)
        if found < 0:
            return len(data)
        after = found + len(_ENTRY)
        line_start = found == start or data[found - 1 : found] == b"\n"
        line_end = data[after : after + 1] in (b"\n", b"") or data[after : after + 2] == b"\r\n"
        if line_start and line_end:
            return found
        at = after


def _parse(toml: ModuleType, run: bytes) -> dict[str, Any]:
    try:
        document: dict[str, Any] = toml.loads(run.decode("utf-8"))
    except (ValueError, RecursionError):  # TOMLDecodeError and UnicodeDecodeError too
        raise _Unusual() from None
    return document


# --- the careful read -----------------------------------------------------------------


def _careful_read(data: bytes, name: str) -> tuple[Drama, ...]:
    """The whole document parsed at once, and every problem in it reported."""
    text = _decode(data, name)
    if not text.strip():
        raise _file_error(name, "the file is empty; expected [[drama]] tables")
    toml = toml_parser()
    try:
        document = toml.loads(text)
    except toml.TOMLDecodeError as exc:
        raise CatalogueError([_syntax_problem(name, exc)]) from None
    except RecursionError:  # nesting beyond what the parser allows (or its stack holds)
        raise CatalogueError([_nesting_problem(name, text)]) from None
    except ValueError:  # an integer beyond Python's limit on digits converted to int
        raise CatalogueError([_long_number_problem(name, text)]) from None
    try:
        return _Validator(name, text).run(document)
    except CatalogueError:
        # Parsers give up at different depths (tomllib where its stack ends, tomli at a
        # fixed limit that changed between releases); past _DEEP, the answer is the same
        # whichever parsed. Only an invalid file is looked at: a valid one nests 3 deep.
        if _nested_deeper_than(document, _DEEP):
            raise CatalogueError([_nesting_problem(name, text)]) from None
        raise


def toml_parser() -> ModuleType:
    """The TOML parser, imported only on a cache miss: tomli where it is installed (its
    compiled wheels parse a big catalogue about three times as fast), else the standard
    library's tomllib, which is tomli's pure-Python code with the same messages."""
    try:
        import tomli
    except ImportError:
        import tomllib

        return tomllib
    return tomli


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


_OPEN, _CLOSE = frozenset("[{"), frozenset("]}")
_DEEP = 100  # brackets inside one another; no catalogue value needs more than three
_TOO_DEEP = "arrays or inline tables nested too deeply to read"


def _nesting_problem(name: str, text: str) -> Problem:
    """Where arrays or inline tables nest too deeply: the first line past `_DEEP` levels,
    by a count of brackets that does not know about strings (best effort)."""
    depth = 0
    for number, row in enumerate(text.splitlines(), start=1):
        opens = row.count("[") + row.count("{")
        if depth + opens <= _DEEP:
            depth = max(0, depth + opens - row.count("]") - row.count("}"))
            continue
        for char in row:
            if char in _OPEN:
                depth += 1
                if depth > _DEEP:
                    return Problem(file=name, line=number, message=_TOO_DEEP)
            elif char in _CLOSE:
                depth = max(0, depth - 1)
    return Problem(file=name, message=_TOO_DEEP)


def _nested_deeper_than(document: dict[str, Any], limit: int) -> bool:
    """Whether lists or tables nest more than `limit` deep (walked without recursion)."""
    stack: list[tuple[Any, int]] = [(document, 0)]
    while stack:
        value, depth = stack.pop()
        if depth > limit:
            return True
        items = value.values() if isinstance(value, dict) else value
        stack.extend((v, depth + 1) for v in items if isinstance(v, (dict, list)))
    return False


def _long_number_problem(name: str, text: str) -> Problem:
    limit = sys.get_int_max_str_digits()  # 4,300 unless the interpreter was told otherwise
    found = re.search("[0-9][0-9_]{" + str(max(limit, 1)) + ",}", text)
    line = text.count("\n", 0, found.start()) + 1 if found else None
    return Problem(file=name, line=line, message=f"an integer with more than {limit:,} digits")


def shown(text: str) -> str:
    """A key or a title from the file, on one line and cut to fit in a message."""
    head = " ".join(text[: 4 * MAX_SHOWN].split())
    if len(head) <= MAX_SHOWN and len(text) <= 4 * MAX_SHOWN:
        return head
    return head[: MAX_SHOWN - 3] + "..."


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
        if abs(value) < 10**MAX_SHOWN:
            return f"the integer {value}"
        # Never converted to decimal: a hexadecimal one may have more digits than Python
        # converts, and no message needs them all.
        return f"an integer of about {int(value.bit_length() * 0.30103) + 1:,} digits"
    if isinstance(value, float):
        return f"the number {value}"
    if isinstance(value, str):
        shown = value if len(value) <= MAX_SHOWN else value[: MAX_SHOWN - 3] + "..."
        return f'the string "{shown}"' if value.strip() else "an empty string"
    if isinstance(value, list):
        return "an empty list" if not value else f"a list of {len(value)}"
    if isinstance(value, dict):
        return "a table"
    return f"a {type(value).__name__}"


def _closest(key: str, allowed: Iterable[str]) -> str | None:
    import difflib  # only for a file with problems; a command that reads a cache never does

    found = difflib.get_close_matches(key, list(allowed), n=1, cutoff=0.6)
    return found[0] if found else None


class _Validator:
    """Checks entries against the schema. Without the file's text (the quick read), the
    first problem raises `_Unusual` instead of being described."""

    def __init__(self, name: str, text: str | None) -> None:
        self.name = name
        self.text = text
        self._lines: list[_EntryLines] | None = None
        self.problems: list[Problem] = []
        self.more = 0  # problems beyond MAX_PROBLEMS: counted, not kept
        self.seen: dict[str, int] = {}  # title identities -> the entry that has it

    @property
    def lines(self) -> list[_EntryLines]:
        """Where each entry and its keys are, found on the first problem that needs a line:
        a valid file (the usual case) is never scanned for them."""
        if self._lines is None:
            self._lines = _locate(self.text or "")
        return self._lines

    def run(self, document: dict[str, Any]) -> tuple[Drama, ...]:
        for key in document:
            if key != "drama":
                guess = _closest(key, ["drama"]) if len(key) <= MAX_SHOWN else None
                tip = f"; did you mean [[{guess}]]?" if guess else ""
                self._top(
                    f"unknown top-level key '{shown(key)}'{tip} Each entry is a [[drama]] table"
                )
        tables = document.get("drama")
        if tables is None:
            self._top("no [[drama]] tables found")
            raise self._error()
        if not isinstance(tables, list) or not all(isinstance(t, dict) for t in tables):
            self._top(f"'drama' must be an array of [[drama]] tables, found {_describe(tables)}")
            raise self._error()
        dramas = self.entries(tables, 1)
        if self.problems:
            raise self._error()
        return tuple(dramas)

    def entries(self, tables: list[dict[str, Any]], first: int) -> list[Drama]:
        """The valid dramas among `tables`, the first of them entry number `first`."""
        dramas: list[Drama] = []
        seen = self.seen
        for number, table in enumerate(tables, start=first):
            drama = self._entry(number, table)
            title: Any = table.get("title")
            if is_text(title):
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
        return dramas

    # -- problem helpers

    def _error(self) -> CatalogueError:
        return CatalogueError(self.problems, self.more)

    def _keep(self, problem: Callable[[], Problem]) -> None:
        """Keep the first MAX_PROBLEMS problems; count the rest without building them."""
        if self.text is None:
            raise _Unusual()
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(problem())
        else:
            self.more += 1

    def _top(self, message: str) -> None:
        self._keep(lambda: Problem(file=self.name, message=message))

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
        self._keep(
            lambda: Problem(
                file=self.name,
                line=self._line(number, field_name),
                entry=number,
                title=shown(title) if is_text(title) else None,
                field=None if field_name is None else shown(field_name),
                message=message,
            )
        )

    def _expect(self, number: int, title: Any, field_name: str, expected: str, value: Any) -> None:
        self._add(number, title, field_name, f"expected {expected}, found {_describe(value)}")

    # -- one [[drama]] table

    def _entry(self, number: int, table: dict[str, Any]) -> Drama | None:
        before = len(self.problems) + self.more
        title = table.get("title")
        self._fields(number, title, table, DRAMA_FIELDS, "")
        cast = table.get("cast")
        if isinstance(cast, list) and cast:
            for index, member in enumerate(cast):
                self._cast_member(number, title, index, member)
        if len(self.problems) + self.more > before:
            return None
        return Drama.from_record(table)

    def _cast_member(self, number: int, title: Any, index: int, member: Any) -> None:
        prefix = f"cast[{index}]"
        if not isinstance(member, dict):
            self._expect(number, title, prefix, "a table with actor and role", member)
            return
        self._fields(number, title, member, CAST_FIELDS, prefix + ".")

    def _fields(
        self,
        number: int,
        title: Any,
        table: dict[str, Any],
        fields: tuple[Field, ...],
        prefix: str,
    ) -> None:
        """Unknown keys, then each declared field: missing, or not what it must hold."""
        allowed = [f.name for f in fields]
        for key in table:
            if key in allowed:
                continue
            guess = _closest(key, allowed) if len(key) <= MAX_SHOWN else None
            tip = f"; did you mean '{guess}'?" if guess else ""
            known = ", ".join(allowed)
            self._add(number, title, prefix + key, f"unknown key{tip} (known keys: {known})")
        for field in fields:
            name = prefix + field.name
            if field.name not in table:
                if field.required:
                    self._add(number, title, name, f"missing; expected {field.expected}")
            elif not field.check(table[field.name]):
                self._expect(number, title, name, field.expected, table[field.name])
