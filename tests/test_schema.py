"""The catalogue format is declared once; the model, the records and the README follow it."""

from __future__ import annotations

import dataclasses
import re

from cry_picker.model import CastMember, Drama
from cry_picker.schema import CAST_FIELDS, DRAMA_FIELDS, DRAMA_KEYS, SPOILER_FIELDS

from .conftest import ROOT


def test_the_model_has_exactly_the_schemas_fields_in_its_order():
    assert [f.name for f in dataclasses.fields(Drama)] == [f.name for f in DRAMA_FIELDS]
    assert [f.name for f in dataclasses.fields(CastMember)] == [f.name for f in CAST_FIELDS]


def test_a_record_round_trips_through_the_schema(ten):
    for drama in ten:
        record = drama.to_record()
        assert list(record) == list(DRAMA_KEYS)
        assert Drama.from_record(record) == drama


def test_absent_optional_fields_take_the_schemas_defaults():
    drama = Drama.from_record(
        {"title": "T", "year": 2020, "network": "tvN", "era": "Contemporary", "moods": ["grief"],
         "tears": 3, "synopsis": "S.", "cast": [{"actor": "Kim A", "role": "B"}]}
    )  # fmt: skip
    assert (drama.alt_titles, drama.spoilers, drama.sources) == ((), (), ())
    assert (drama.hangul, drama.episodes, drama.period, drama.ending) == (None, None, None, None)
    assert drama.era == ("Contemporary",)
    assert drama.cast[0].aka == ()


def test_the_readme_format_section_documents_every_field():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## The catalogue format", 1)[1].split("\n## ", 1)[0]
    keys = set(re.findall(r"^([a-z_]+) = ", section, flags=re.MULTILINE))
    assert keys == {f.name for f in DRAMA_FIELDS if f.name != "cast"} | {
        f.name for f in CAST_FIELDS
    }


def test_spoiler_fields_are_fields():
    assert set(SPOILER_FIELDS) <= set(DRAMA_KEYS)
