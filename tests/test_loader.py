"""The catalogue loader: the bundled ten with their facts, and every refusal with a
message that names the file, line, entry, field, what was expected and what was found."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from cry_picker import loader
from cry_picker.errors import CatalogueError
from cry_picker.loader import bundled_path, load_dramas, parse_dramas
from cry_picker.model import Drama
from cry_picker.vocab import era_names, mood_names

from .conftest import ARTICLE_ORDER, ROOT, TEN, VALID_ENTRY

sys.path.insert(0, str(ROOT / "bench"))
from generate import generate


def problems_of(path: Path) -> list[str]:
    with pytest.raises(CatalogueError) as caught:
        load_dramas(path)
    return [str(p) for p in caught.value.problems]


# --- the bundled catalogue --------------------------------------------------------------


@pytest.mark.real_catalogue
def test_bundled_catalogue_begins_with_the_articles_ten_in_its_order():
    assert [d.title for d in load_dramas()][:10] == ARTICLE_ORDER


@pytest.mark.real_catalogue
def test_bundled_catalogue_carries_the_verified_facts():
    dramas = {d.title: d for d in load_dramas()}
    sunshine = dramas["Mr. Sunshine"]
    assert (sunshine.network, sunshine.year, sunshine.episodes) == ("tvN", 2018, 24)
    assert sunshine.hangul == "미스터 션샤인"
    assert sunshine.period == (1871, 1907)
    assert sunshine.cast[0].actor == "Lee Byung-hun"
    assert sunshine.cast[0].actor_hangul == "이병헌"
    assert sunshine.cast[0].role == "Eugene Choi"

    death_song = dramas["Death Song"]
    assert "The Hymn of Death" in death_song.alt_titles
    assert (death_song.network, death_song.year, death_song.episodes) == ("SBS", 2018, 6)
    assert death_song.cast[0].actor == "Lee Jong-suk"

    goryeo = dramas["Scarlet Heart: Goryeo"]
    assert {"Moon Lovers", "Moon Lovers: Scarlet Heart Ryeo"} <= set(goryeo.alt_titles)
    assert goryeo.era == ("Goryeo",)
    assert "Dazzling" in dramas["Radiant"].alt_titles
    assert "Queen for Seven Days" in dramas["Queen for 7 Days"].alt_titles
    assert dramas["Youth of May"].era == ("1980 Gwangju",)
    assert dramas["Youth of May"].period == (1980, 1980)


@pytest.mark.real_catalogue
def test_the_fact_sheet_wins_over_the_article_for_the_husband_in_hi_bye_mama():
    mama = load_dramas()[0]
    roles = {member.actor: member.role for member in mama.cast}
    assert roles["Lee Kyu-hyung"] == "Jo Kang-hwa"
    assert "Kwang" not in bundled_path().read_text(encoding="utf-8")


@pytest.mark.real_catalogue
def test_stage_names_and_alternative_spellings_are_recorded_as_aka():
    aka = {m.actor: m.aka for d in load_dramas() for m in d.cast}
    assert "Suzy" in aka["Bae Suzy"]
    assert "Lee Ji-eun" in aka["IU"]
    assert "Junho" in aka["Lee Jun-ho"]


@pytest.mark.real_catalogue
def test_every_bundled_drama_meets_the_catalogue_rules():
    for drama in load_dramas():
        assert len(drama.moods) >= 3, drama.title
        assert set(drama.moods) <= set(mood_names()), drama.title
        assert set(drama.era) <= set(era_names()), drama.title
        assert 1 <= drama.tears <= 5
        assert drama.synopsis
        assert drama.why_cry
        assert len(drama.cast) >= 2
        assert drama.hangul


@pytest.mark.real_catalogue
def test_spoilers_stay_out_of_the_synopsis():
    # Words that give an ending away, taken from each drama's own spoiler notes.
    revealing = {
        "Mr. Sunshine": ["dies"],
        "Radiant": ["alzheimer", "dementia", "widowed"],
        "Uncontrollably Fond": ["tumour", "tumor", "dies"],
        "The Smile Has Left Your Eyes": ["shot", "not his sister", "killed"],
        "Youth of May": ["killed", "remains"],
        "Scarlet Heart: Goryeo": ["dies", "museum"],
    }
    dramas = {d.title: d for d in load_dramas()}
    for title, words in revealing.items():
        text = (dramas[title].synopsis + " " + (dramas[title].why_cry or "")).lower()
        assert not [w for w in words if w in text], title
        assert dramas[title].spoilers, title


# --- refusals ---------------------------------------------------------------------------


def test_a_missing_file_is_refused(tmp_path):
    (problem,) = problems_of(tmp_path / "nope.toml")
    assert problem == f"{tmp_path / 'nope.toml'}: no such file"


def test_a_directory_is_refused(tmp_path):
    (problem,) = problems_of(tmp_path)
    assert problem == f"{tmp_path}: is a directory, not a catalogue file"


def test_an_unreadable_file_is_refused(tmp_path, monkeypatch):
    path = tmp_path / "locked.toml"
    path.write_text(VALID_ENTRY)
    real_open = os.open

    def denied(name, *args, **kwargs):
        if Path(name) == path:
            raise PermissionError(13, "Permission denied")
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr(os, "open", denied)
    (problem,) = problems_of(path)
    assert problem == f"{path}: cannot be read: permission denied"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root can read anything")
def test_a_file_without_read_permission_is_refused(tmp_path):
    path = tmp_path / "locked.toml"
    path.write_text(VALID_ENTRY)
    path.chmod(0)
    (problem,) = problems_of(path)
    assert problem.endswith("cannot be read: permission denied")


def test_bytes_that_are_not_utf8_are_refused_with_their_line(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes(VALID_ENTRY.encode() + b'why_cry = "caf\xe9"\n')
    (problem,) = problems_of(path)
    line = VALID_ENTRY.count("\n") + 1
    assert problem.startswith(f"{path}:{line}: not UTF-8 text (byte 0xe9")


def test_an_empty_file_is_refused(write_catalogue):
    path = write_catalogue("   \n\n")
    assert problems_of(path) == [f"{path}: the file is empty; expected [[drama]] tables"]


def test_a_file_without_drama_tables_is_refused(write_catalogue):
    path = write_catalogue('title = "Lonely"\n')
    problems = problems_of(path)
    assert f"{path}: no [[drama]] tables found" in problems
    assert any("unknown top-level key 'title'" in p for p in problems)


def test_a_misspelled_table_name_gets_a_suggestion(write_catalogue):
    path = write_catalogue(VALID_ENTRY.replace("[[drama]]", "[[dramas]]"))
    problems = problems_of(path)
    assert any("unknown top-level key 'dramas'; did you mean [[drama]]?" in p for p in problems)


def test_a_toml_syntax_error_names_line_and_column(write_catalogue, toml_parser):
    path = write_catalogue('[[drama]]\ntitle = "Broken\nyear = 2020\n')
    (problem,) = problems_of(path)
    assert problem == f"{path}:2:16: TOML syntax error: Illegal character '\\n'"


def test_missing_required_fields_are_each_reported(write_catalogue):
    path = write_catalogue('[[drama]]\ntitle = "Bare"\n')
    problems = problems_of(path)
    for field in ("year", "network", "era", "moods", "tears", "synopsis", "cast"):
        assert f'{path}:1: drama #1 ("Bare"): {field}: missing; expected' in " ".join(problems)
    assert len(problems) == 7


def test_wrong_types_say_what_was_expected_and_what_was_found(write_catalogue):
    path = write_catalogue(VALID_ENTRY.replace("year = 2020", 'year = "2020"'))
    (problem,) = problems_of(path)
    assert problem == (
        f'{path}:3: drama #1 ("Test Drama"): year: expected a year between 1900 and 2100 '
        '(an integer), found the string "2020"'
    )


def test_tears_outside_one_to_five_are_refused(write_catalogue):
    path = write_catalogue(VALID_ENTRY.replace("tears = 3", "tears = 9"))
    (problem,) = problems_of(path)
    assert problem == (
        f'{path}:7: drama #1 ("Test Drama"): tears: expected an integer from 1 to 5, '
        "found the integer 9"
    )


def test_a_boolean_is_not_a_number_of_tears(write_catalogue):
    path = write_catalogue(VALID_ENTRY.replace("tears = 3", "tears = true"))
    (problem,) = problems_of(path)
    assert problem.endswith("found the boolean true")


@pytest.mark.parametrize(
    ("period", "found"),
    [
        ("[1926, 1920]", "a list of 2"),
        ("[1920]", "a list of 1"),
        ("[1920, 1921, 1922]", "a list of 3"),
        ('["1920", "1926"]', "a list of 2"),
        ("1920", "the integer 1920"),
    ],
)
def test_a_period_must_be_two_ordered_years(write_catalogue, period, found):
    path = write_catalogue(
        VALID_ENTRY.replace('era = "Contemporary"', f'era = "Contemporary"\nperiod = {period}')
    )
    (problem,) = problems_of(path)
    assert problem == (
        f'{path}:6: drama #1 ("Test Drama"): period: expected two years [first, last] '
        f"with first <= last, found {found}"
    )


def test_duplicate_titles_are_refused_ignoring_case_spaces_and_punctuation(write_catalogue):
    second = VALID_ENTRY.replace('title = "Test Drama"', 'title = "test-drama!"')
    path = write_catalogue(VALID_ENTRY + second)
    (problem,) = problems_of(path)
    assert problem.startswith(f'{path}:15: drama #2 ("test-drama!"): title: duplicates the title')
    assert "of drama #1" in problem


def test_an_unknown_key_is_named_and_the_right_one_suggested(write_catalogue):
    path = write_catalogue(VALID_ENTRY.replace("moods =", "mood ="))
    problems = problems_of(path)
    assert (
        f"{path}:6: drama #1 (\"Test Drama\"): mood: unknown key; did you mean 'moods'?"
        in " ".join(problems)
    )
    assert any("moods: missing" in p for p in problems)


def test_an_unknown_cast_key_points_at_its_line(write_catalogue):
    path = write_catalogue(VALID_ENTRY.replace('role = "Lead"', 'rol = "Lead"'))
    problems = problems_of(path)
    assert (
        f"{path}:12: drama #1 (\"Test Drama\"): cast[0].rol: unknown key; did you mean 'role'?"
        in " ".join(problems)
    )
    assert any("cast[0].role: missing" in p for p in problems)


def test_every_problem_in_every_entry_is_reported_at_once(write_catalogue):
    broken_one = VALID_ENTRY.replace("tears = 3", "tears = 0")
    broken_two = VALID_ENTRY.replace('title = "Test Drama"', 'title = "Other"').replace(
        'network = "tvN"', "network = 5"
    )
    path = write_catalogue(broken_one + broken_two)
    problems = problems_of(path)
    assert len(problems) == 2
    assert 'drama #1 ("Test Drama"): tears' in problems[0]
    assert 'drama #2 ("Other"): network' in problems[1]


def test_an_entry_without_a_title_is_named_by_its_number(write_catalogue):
    path = write_catalogue(VALID_ENTRY.replace('title = "Test Drama"\n', ""))
    (problem,) = problems_of(path)
    assert problem == f"{path}:1: drama #1 (no title): title: missing; expected a non-empty string"


def test_a_valid_user_file_loads_into_frozen_records(write_catalogue, toml_parser):
    (drama,) = load_dramas(write_catalogue(VALID_ENTRY))
    assert drama.title == "Test Drama"
    assert drama.era == ("Contemporary",)
    with pytest.raises(AttributeError):
        drama.title = "changed"  # type: ignore[misc]


def test_a_valid_file_is_never_scanned_for_line_numbers(write_catalogue, monkeypatch):
    def scan(text):  # pragma: no cover - fails the test if called
        raise AssertionError("line numbers computed for a valid file")

    monkeypatch.setattr("cry_picker.loader._locate", scan)
    path = write_catalogue(VALID_ENTRY + VALID_ENTRY.replace("Test Drama", "Two"))
    assert [d.title for d in load_dramas(path)] == ["Test Drama", "Two"]


def test_a_byte_order_mark_is_tolerated():
    (drama,) = parse_dramas(b"\xef\xbb\xbf" + VALID_ENTRY.encode(), "bom.toml")
    assert drama.title == "Test Drama"


# --- the quick read: a run of entries at a time, the careful read for anything unusual ----


def careful(data: bytes) -> tuple[Drama, ...] | list[str]:
    """What the careful read (the whole document at once) makes of `data`."""
    try:
        return loader._careful_read(data, "x.toml")
    except CatalogueError as error:
        return [str(p) for p in error.problems]


def read(data: bytes) -> tuple[Drama, ...] | list[str]:
    try:
        return parse_dramas(data, "x.toml")
    except CatalogueError as error:
        return [str(p) for p in error.problems]


@pytest.fixture
def entry_by_entry(monkeypatch):
    """The quick read cuts before every [[drama]] line it may cut at."""
    monkeypatch.setattr(loader, "RUN_BYTES", 1)


@pytest.mark.parametrize("runs", [1, 1 << 18])
@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_the_quick_read_gives_what_the_whole_document_gives(monkeypatch, runs, newline):
    data = TEN.read_bytes().replace(b"\n", newline.encode())
    expected = careful(data)
    monkeypatch.setattr(loader, "RUN_BYTES", runs)
    monkeypatch.setattr(loader, "_careful_read", None)  # never called
    assert read(data) == expected


def test_the_quick_read_reads_a_synthetic_catalogue_like_the_whole_document(
    entry_by_entry, monkeypatch
):
    data = generate(300).encode()
    expected = careful(data)
    monkeypatch.setattr(loader, "_careful_read", None)  # never called
    assert read(data) == expected


def test_a_byte_order_mark_is_read_quickly(entry_by_entry, monkeypatch):
    monkeypatch.setattr(loader, "_careful_read", None)  # never called
    (drama,) = parse_dramas(b"\xef\xbb\xbf" + VALID_ENTRY.encode(), "bom.toml")
    assert drama.title == "Test Drama"


def test_progress_is_told_in_bytes_up_to_the_whole_file(entry_by_entry):
    data = TEN.read_bytes()
    told: list[int] = []
    parse_dramas(data, "ten.toml", told.append)
    assert len(told) == 10  # where each entry after the first begins, then the end
    assert told == sorted(set(told))
    assert told[-1] == len(data)


def test_a_drama_header_inside_a_multi_line_string_stays_in_the_string(entry_by_entry):
    text = VALID_ENTRY.replace(
        'synopsis = "Somebody is sad."', 'synopsis = """Somebody is sad.\n[[drama]]\nStill."""'
    )
    data = (text + VALID_ENTRY.replace("Test Drama", "Two")).encode()
    first, _ = parse_dramas(data, "x.toml")
    assert first.synopsis == "Somebody is sad.\n[[drama]]\nStill."
    assert read(data) == careful(data)


@pytest.mark.parametrize(
    "text",
    [
        'name = "mine"\n' + VALID_ENTRY,  # a key before the first entry
        "drama = [{ title = 'Inline' }]\n" + VALID_ENTRY,  # an inline array, then a header
        VALID_ENTRY + "[other]\nx = 1\n" + VALID_ENTRY.replace("Test Drama", "Two"),
        VALID_ENTRY + VALID_ENTRY.replace("tears = 3", "tears = 9") + VALID_ENTRY.upper(),
        VALID_ENTRY + VALID_ENTRY,  # the same title twice, in two runs
        VALID_ENTRY + 'x = "unterminated\n' + VALID_ENTRY.replace("Test Drama", "Two"),
        "# only a comment\n",
        "",
    ],
    ids=["key-first", "inline-array", "other-table", "problems", "duplicate", "syntax",
         "no-entries", "empty"],
)  # fmt: skip
def test_anything_unusual_is_reported_as_the_whole_document_would_be(entry_by_entry, text):
    data = text.encode()
    assert read(data) == careful(data)
    assert isinstance(read(data), list)  # every one of these is invalid


def test_bytes_that_are_not_utf8_in_a_later_run_are_reported_with_their_line(entry_by_entry):
    data = (VALID_ENTRY + VALID_ENTRY.replace("Test Drama", "Tw\xff")).encode("latin-1")
    line = VALID_ENTRY.count("\n") + 3
    assert read(data) == [f"x.toml:{line}: not UTF-8 text (byte 0xff at offset 231)"]
    assert read(data) == careful(data)


# --- an installed wheel -----------------------------------------------------------------


@pytest.mark.slow
def test_an_installed_wheel_finds_its_catalogue(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(wheels), str(ROOT)],
        check=True,
    )  # fmt: skip
    (wheel,) = wheels.glob("cry_picker-*.whl")
    assert "cry_picker/data/dramas.toml" in zipfile.ZipFile(wheel).namelist()
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
    )  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    probe = (
        "import cry_picker.loader as l; p = l.bundled_path(); print(p); print(len(l.load_dramas()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=elsewhere,
        env={**os.environ, "PYTHONPATH": str(target)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split("\n")
    assert Path(out[0]).is_relative_to(target)
    assert out[1] == str(
        (ROOT / "data" / "dramas.toml").read_text(encoding="utf-8").count("[[drama]]\n")
    )
