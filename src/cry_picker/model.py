"""The catalogue's data model: plain frozen records, nothing about terminals.

The fields follow `cry_picker.schema`, in its order; records are built and exported
through the schema's declarations, so the format is stated once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .schema import CAST_FIELDS, DRAMA_FIELDS, Field


def _build(fields: tuple[Field, ...], record: dict[str, Any]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for field in fields:
        value = record.get(field.name)
        values[field.name] = field.default if value is None else field.convert(value)
    return values


@dataclass(frozen=True, slots=True)
class CastMember:
    actor: str
    actor_hangul: str | None
    aka: tuple[str, ...]
    role: str

    def to_record(self) -> dict[str, Any]:
        return {f.name: f.export(getattr(self, f.name)) for f in CAST_FIELDS}

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> CastMember:
        return cls(**_build(CAST_FIELDS, record))


@dataclass(frozen=True, slots=True)
class Drama:
    title: str
    alt_titles: tuple[str, ...]
    hangul: str | None
    year: int
    network: str
    episodes: int | None
    era: tuple[str, ...]
    period: tuple[int, int] | None
    moods: tuple[str, ...]  # most prominent first
    tears: int  # 1..5
    synopsis: str  # spoiler-free
    why_cry: str | None
    spoilers: tuple[str, ...]
    ending: str | None  # happy, bittersweet or sad: a spoiler
    sources: tuple[str, ...]
    cast: tuple[CastMember, ...]

    def to_record(self) -> dict[str, Any]:
        """Every field, in the documented order, as JSON-ready values."""
        record = {f.name: f.export(getattr(self, f.name)) for f in DRAMA_FIELDS}
        record["cast"] = [member.to_record() for member in self.cast]
        return record

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Drama:
        """Build a drama from a validated catalogue table or from `to_record` output."""
        values = _build(DRAMA_FIELDS, record)
        values["cast"] = tuple(CastMember.from_record(c) for c in record["cast"])
        return cls(**values)
