"""The `cry-picker` application object and the one place where errors become statuses.

Commands live in `commands`, `watching` and `catalogs`; each parses options, calls the
core and hands results to the run's `Output`. Every error a user can cause is reported
here (`CryPickerGroup.main`) with a named exit status and no traceback.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from .. import __version__
from ..errors import CryPickerError
from .output import Output
from .report import report, report_click, report_output
from .status import ExitStatus
from .streams import (
    OutputFailed,
    PipeClosed,
    ensure_streams,
    guarded,
    say,
    silence_stdout,
    use_utf8,
    write,
)


class CryPickerGroup(TyperGroup):
    """Runs every command in non-standalone mode so that errors are reported our way."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        ensure_streams()
        use_utf8()
        Output.current = None
        try:
            result = super().main(
                args=args,
                prog_name=prog_name,
                complete_var=complete_var,
                standalone_mode=False,
                windows_expand_args=windows_expand_args,
                **extra,
            )
            status = int(result) if isinstance(result, int) else ExitStatus.OK
            if status == ExitStatus.INTERRUPTED:  # Typer turns Ctrl-C into this status
                say("Interrupted.")
            guarded(lambda: None)  # flush what is still buffered
        except (PipeClosed, BrokenPipeError):  # the reader went away: `list | head -1`
            silence_stdout()
            status = ExitStatus.OK
        except OutputFailed as error:  # a full disk: `list >/dev/full`
            status = report_output(error)
        except CryPickerError as error:
            status = _failed(report(error))
        except KeyboardInterrupt:
            say("Interrupted.")
            status = ExitStatus.INTERRUPTED
        except typer.Abort:
            say("Aborted.")
            status = ExitStatus.NO_MATCH
        except typer.TyperException as error:
            status = report_click(error)
        if standalone_mode:
            sys.exit(status)
        return status


def _failed(status: ExitStatus) -> ExitStatus:
    """After an error: JSON readers still get valid JSON on stdout."""
    output = Output.current
    if output is not None:
        with contextlib.suppress(PipeClosed, OutputFailed):
            output.nothing()
    return status


app = typer.Typer(
    name="cry-picker",
    cls=CryPickerGroup,
    help="Find a Korean drama that will make you cry, by mood, era or actor.",
    epilog="Example: cry-picker suggest --mood grief",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_show_locals=False,
)


def _version(value: bool) -> None:
    if value:
        write(f"cry-picker {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", "-V", help="Print the version and exit.", callback=_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Find a Korean drama that will make you cry, by mood, era or actor."""
