"""Where cry-picker keeps its files: platformdirs' user data and cache directories.

On Linux these follow the XDG base directory specification.
"""

from __future__ import annotations

from pathlib import Path

from platformdirs import user_cache_path, user_data_path

APP = "cry-picker"


def data_dir() -> Path:
    return user_data_path(APP, appauthor=False)


def cache_dir() -> Path:
    return user_cache_path(APP, appauthor=False)
