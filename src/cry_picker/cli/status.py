"""Exit statuses, one name per meaning; scripts rely on these numbers."""

from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    OK = 0  # results printed
    NO_MATCH = 1  # nothing matched, or the title is not in the catalogue
    USAGE = 2  # bad option values, empty query, unknown mood or era, invalid catalogue
    STORAGE = 3  # the data directory or watched log cannot be used
    INTERRUPTED = 130  # Ctrl-C
