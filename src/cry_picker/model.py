"""The catalogue's data model: plain frozen records, nothing about terminals."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class CastMember:
    actor: str
    role: str
    actor_hangul: str | None = None
    aka: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        return {
            "actor": self.actor,
            "actor_hangul": self.actor_hangul,
            "aka": list(self.aka),
            "role": self.role,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> CastMember:
        return cls(
            actor=record["actor"],
            role=record["role"],
            actor_hangul=record.get("actor_hangul"),
            aka=tuple(record.get("aka") or ()),
        )


@dataclass(frozen=True, slots=True)
class Drama:
    title: str
    year: int
    network: str
    era: tuple[str, ...]
    moods: tuple[str, ...]  # most prominent first
    tears: int  # 1..5
    synopsis: str  # spoiler-free
    cast: tuple[CastMember, ...]
    alt_titles: tuple[str, ...] = ()
    hangul: str | None = None
    episodes: int | None = None
    period: tuple[int, int] | None = None
    why_cry: str | None = None
    spoilers: tuple[str, ...] = ()
    ending: str | None = None  # happy, bittersweet or sad: a spoiler
    sources: tuple[str, ...] = ()

    def to_record(self) -> dict[str, Any]:
        """Every field, in the documented order, as JSON-ready values."""
        return {
            "title": self.title,
            "alt_titles": list(self.alt_titles),
            "hangul": self.hangul,
            "year": self.year,
            "network": self.network,
            "episodes": self.episodes,
            "era": list(self.era),
            "period": list(self.period) if self.period else None,
            "moods": list(self.moods),
            "tears": self.tears,
            "synopsis": self.synopsis,
            "why_cry": self.why_cry,
            "spoilers": list(self.spoilers),
            "ending": self.ending,
            "sources": list(self.sources),
            "cast": [member.to_record() for member in self.cast],
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Drama:
        """Rebuild a drama from `to_record` output (or a validated catalogue table)."""
        era = record["era"]
        period = record.get("period")
        return cls(
            title=record["title"],
            year=record["year"],
            network=record["network"],
            era=(era,) if isinstance(era, str) else tuple(era),
            moods=tuple(record["moods"]),
            tears=record["tears"],
            synopsis=record["synopsis"],
            cast=tuple(CastMember.from_record(c) for c in record["cast"]),
            alt_titles=tuple(record.get("alt_titles") or ()),
            hangul=record.get("hangul"),
            episodes=record.get("episodes"),
            period=(period[0], period[1]) if period else None,
            why_cry=record.get("why_cry"),
            spoilers=tuple(record.get("spoilers") or ()),
            ending=record.get("ending"),
            sources=tuple(record.get("sources") or ()),
        )
