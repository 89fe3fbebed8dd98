"""Progress of a slow first read, on a terminal's stderr (only when someone is watching)."""

from __future__ import annotations

from ..catalogue import Progress
from .streams import say


def progress(event: Progress) -> None:
    if event.stage == "parse" and event.done == 0:
        say(f"Reading {event.total / 1e6:.1f} MB of catalogue (only the first run is slow)...")
