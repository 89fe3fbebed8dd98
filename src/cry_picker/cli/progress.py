"""Progress of a slow first read, as a bar on a terminal's stderr (only when someone is
watching). rich's progress module is imported only when a slow read actually begins."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from ..catalogue import Progress

if TYPE_CHECKING:
    from rich.progress import Progress as Bar
    from rich.progress import TaskID

STAGES = {  # the first run of a big catalogue; later runs read the cache
    "parse": "Reading the catalogue",
    "index": "Indexing names",
    "words": "Indexing synopses",
    "cache": "Caching for next time",
}


@contextlib.contextmanager
def shown() -> Iterator[Callable[[Progress], None]]:
    """A listener for `open_catalogue` that draws a bar once there is progress to show,
    and takes it away when the catalogue is open (or could not be)."""
    view = _View()
    try:
        yield view.tell
    finally:
        view.close()


class _View:
    """One task a stage; a new stage hides the last one's. Once closed it draws nothing:
    a cache found damaged later in a command is read again quietly, under its results."""

    def __init__(self) -> None:
        self._bar: Bar | None = None
        self._task: TaskID | None = None
        self._stage = ""
        self._closed = False

    def tell(self, event: Progress) -> None:
        if self._closed:
            return
        bar = self._bar or self._start()
        if event.stage != self._stage or self._task is None:
            if self._task is not None:
                bar.update(self._task, visible=False)
            self._stage = event.stage
            # Writing the cache is one step: a pulsing bar says it is under way.
            total = None if event.stage == "cache" else max(event.total, 1)
            self._task = bar.add_task(STAGES.get(event.stage, ""), total=total, amount="")
        bar.update(self._task, completed=event.done, amount=_amount(event))

    def _start(self) -> Bar:
        from rich.progress import BarColumn, TaskProgressColumn, TextColumn
        from rich.progress import Progress as Bar

        from .cards import console
        from .streams import wants_color

        self._bar = Bar(
            TextColumn("{task.description}"),
            BarColumn(bar_width=30),
            TaskProgressColumn(),
            TextColumn("{task.fields[amount]}"),
            console=console(stderr=True, color=wants_color()),
            transient=True,  # gone when the results are shown
        )
        self._bar.start()
        return self._bar

    def close(self) -> None:
        self._closed = True
        if self._bar is not None:
            self._bar.stop()
            self._bar = None


def _amount(event: Progress) -> str:
    if event.stage == "parse":
        return f"{event.done / 1e6:.1f}/{event.total / 1e6:.1f} MB"
    if event.stage in ("index", "words"):
        return f"{event.done:,}/{event.total:,} dramas"
    return ""
