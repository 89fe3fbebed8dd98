"""How results reach the person: one `Output`, chosen once per run.

The mode is decided once from `--json` and from whether stdout is a terminal: rich cards
on a terminal, plain unwrapped lines in a pipe, JSON when asked; and, with it, whether
cards may use colour (not with NO_COLOR). Every command hands its
results to the output; nothing else decides how they look. Rich is imported only when a
terminal is actually shown something.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Literal

from . import jsonout, plain
from .report import report_lost_confirmation
from .streams import OutputFailed, guarded, is_terminal, wants_color, write

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..model import Drama
    from ..people import Profile
    from ..results import Reason, Result

Mode = Literal["terminal", "plain", "json"]
Empty = Literal["list", "object"]


class Output:
    current: Output | None = None  # the run's output, for the error handler

    def __init__(self, mode: Mode, *, color: bool = True, empty: Empty = "list") -> None:
        self.mode = mode
        self.color = color and mode == "terminal"
        self.empty = empty  # what JSON stands for "nothing" in this command
        self.written = False

    @classmethod
    def choose(cls, *, as_json: bool = False, empty: Empty = "list") -> Output:
        """The output for this run; also remembered for the error handler."""
        mode: Mode = "json" if as_json else "terminal" if is_terminal(sys.stdout) else "plain"
        cls.current = cls(mode, color=wants_color(), empty=empty)
        return cls.current

    @property
    def json(self) -> bool:
        return self.mode == "json"

    # -- what commands show

    def ranked(
        self,
        results: Sequence[Result],
        *,
        spoilers: bool = False,
        watched: Collection[int] = (),
        points: bool = False,
    ) -> None:
        """Ranked results, best first; `points` shows each reason's points in text."""
        if self.json:
            self.data([jsonout.ranked(r, spoilers=spoilers, watched=r.position in watched)
                       for r in results])  # fmt: skip
            return

        def rich() -> RenderableType:
            from . import cards

            return cards.ranked(results, spoilers=spoilers, watched=watched, points=points)

        self._show(lambda: plain.ranked(results, spoilers, watched, points), rich)

    def card(self, drama: Drama, *, spoilers: bool = False, watched: bool = False) -> None:
        if self.json:
            self.data(jsonout.drama(drama, spoilers=spoilers, watched=watched))
            return

        def rich() -> RenderableType:
            from . import cards

            return cards.card(drama, spoilers=spoilers, watched=watched)

        self._show(lambda: plain.card(drama, spoilers=spoilers, watched=watched), rich)

    def pick(self, result: Result, *, spoilers: bool = False) -> None:
        """One drama picked at random (`surprise`), as a card with what it was picked for."""
        drama, reasons = result.drama, result.reasons
        if self.json:
            self.data(jsonout.ranked(result, spoilers=spoilers))
            return

        def rich() -> RenderableType:
            from . import cards

            return cards.card(drama, spoilers=spoilers, reasons=reasons)

        self._show(lambda: plain.card(drama, spoilers=spoilers, reasons=reasons), rich)

    def listing(
        self,
        dramas: Sequence[tuple[int, Drama]],
        watched: Collection[int] = (),
        reasons: Mapping[int, Sequence[Reason]] | None = None,
    ) -> None:
        """Dramas a line each; `reasons`, the filters each passed (in JSON, always a list)."""
        if self.json:
            self.data([
                jsonout.drama(d, watched=p in watched, reasons=(reasons or {}).get(p, ()))
                for p, d in dramas
            ])  # fmt: skip
            return

        def rich() -> RenderableType:
            from . import cards

            return cards.listing(dramas, watched, reasons)

        self._show(lambda: plain.listing(dramas, watched, reasons), rich)

    def profile(self, profile: Profile, watched: Collection[int] = ()) -> None:
        """An actor and their dramas (`cry-picker actor`)."""
        if self.json:
            self.data(jsonout.profile(profile, watched))
            return

        def rich() -> RenderableType:
            from . import cards

            return cards.profile(profile, watched)

        self._show(lambda: plain.profile(profile, watched), rich)

    def vocabulary(self, which: Literal["moods", "eras"]) -> None:
        """The moods or the eras one can ask for (`cry-picker moods`, `cry-picker eras`)."""
        if self.json:
            self.data(jsonout.moods() if which == "moods" else jsonout.eras())
            return

        def rich() -> RenderableType:
            from . import cards

            return cards.moods() if which == "moods" else cards.eras()

        self._show(plain.moods if which == "moods" else plain.eras, rich)

    def data(self, value: Any) -> None:
        """JSON on stdout (only in JSON mode is this called for results)."""
        self.text(jsonout.dumps(value))

    def text(self, text: str) -> None:
        """Plain text on stdout, whatever the mode (confirmations, `info`)."""
        self.written = True
        write(text)

    def confirm(self, text: str) -> None:
        """Say that a change was made. The change stands whatever happens to stdout: a
        closed one is quiet, a full one earns a warning, and neither is a failure."""
        try:
            self.text(text)
        except OutputFailed as error:
            report_lost_confirmation(error)

    def nothing(self) -> None:
        """A command that ends without results: JSON readers still get valid JSON."""
        if self.json and not self.written:
            self.data([] if self.empty == "list" else None)

    # -- the two ways of showing

    def _show(self, plain_text: Callable[[], str], rich: Callable[[], RenderableType]) -> None:
        self.written = True
        if self.mode == "plain":
            write(plain_text())
            return
        from .cards import console

        guarded(lambda: console(color=self.color).print(rich()))
