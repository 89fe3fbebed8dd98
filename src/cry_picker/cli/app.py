"""The `cry-picker` application object and the one place where errors become statuses.

Commands live in `commands`, `watching` and `catalogs`; each parses options, calls the
core and hands results to the run's `Output`. Every error a user can cause is reported
here (`CryPickerGroup.main`) with a named exit status and no traceback.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from .. import __version__
from ..errors import CryPickerError
from .output import Output
from .report import report, report_click, report_output
from .status import ExitStatus
from .streams import (
    OutputFailed,
    PipeClosed,
    bound_terminal_size,
    ensure_streams,
    guarded,
    is_terminal,
    say,
    silence_stdout,
    use_utf8,
    wants_color,
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
        bound_terminal_size()
        Output.current = None
        given = sys.argv[1:] if args is None else list(args)
        shell = _completion(given)
        if shell is True:
            if standalone_mode:
                sys.exit(ExitStatus.OK)
            return ExitStatus.OK
        if shell:  # a named shell's script, by the protocol Typer's scripts call back by
            with _environ(COMPLETE_VAR, f"source_{shell}"):
                return super().main([], "cry-picker", COMPLETE_VAR, standalone_mode, **extra)
        if not wants_color() or not is_terminal(sys.stdout):
            _plain_help(self)  # no escape codes, no padding: help that reads well in a pipe
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
            _json_after_usage_error(self, sys.argv[1:] if args is None else list(args))
        if standalone_mode:
            sys.exit(status)
        return status


COMPLETE_VAR = "_CRY_PICKER_COMPLETE"


@contextlib.contextmanager
def _environ(name: str, value: str) -> Iterator[None]:
    before = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if before is None:
            del os.environ[name]
        else:
            os.environ[name] = before


def _completion(args: list[str]) -> bool | str:
    """`--show-completion [SHELL]` and `--install-completion [SHELL]` where Typer's own
    would be wrong: for bash, our script, which quotes titles with spaces (Typer's does
    not); for a shell named on the command line, that shell's script, where Typer would
    silently give the one it detects, and no install into another shell than this one.
    Otherwise Typer does the work. True when the work is done and the run should end;
    a shell's name when its script is to be shown."""
    flags = [a for a in args if a in ("--show-completion", "--install-completion")]
    if not flags:
        return False
    after = args[args.index(flags[0]) + 1 :]
    named = after[0] if after and not after[0].startswith("-") else ""
    shell = named or os.path.basename(os.environ.get("SHELL", ""))
    if shell == "bash":
        from .complete import BASH_SCRIPT, install_bash

        if flags[0] == "--show-completion":
            write(BASH_SCRIPT)
        else:
            write(f"bash completion installed in {install_bash()}\n")
            write("Completion will take effect once you restart the terminal\n")
        return True
    if not named:
        return False
    known = ("bash", "zsh", "fish", "powershell", "pwsh")
    if named not in known:
        say(f"Error: cannot complete for {named!r}; the shells are {', '.join(known)}")
        raise SystemExit(ExitStatus.USAGE)
    if flags[0] == "--show-completion":
        return named
    if named != os.path.basename(os.environ.get("SHELL", "")):
        say(
            f"Error: completion installs for the shell it runs in; run it from {named},"
            f" or save the output of --show-completion {named} where {named} reads it"
        )
        raise SystemExit(ExitStatus.USAGE)
    return False


def _plain_help(command: Any) -> None:
    """Click's plain help instead of rich panels, for this command and all below it."""
    command.rich_markup_mode = None
    for sub in getattr(command, "commands", {}).values():
        _plain_help(sub)


OBJECT_COMMANDS = frozenset({"show", "surprise", "validate", "info", "actor"})


def _json_after_usage_error(group: TyperGroup, args: list[str]) -> None:
    """A script asked for JSON and the command line could not be read: valid JSON anyway."""
    if "--json" not in args or (Output.current is not None and Output.current.written):
        return
    name = next((a for a in args if a in group.commands), "")
    Output("json", empty="object" if name in OBJECT_COMMANDS else "list").nothing()


class CryPickerCommand(TyperCommand):
    """A command that refuses an option given twice when it takes one value, rather than
    silently keeping the last (Click's way)."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        for param in self.get_params(ctx):
            if getattr(param, "multiple", False) or getattr(param, "is_flag", False):
                continue
            names = [n for n in (*param.opts, *param.secondary_opts) if n.startswith("-")]
            if names and _count(names, args) > 1:
                shown = " / ".join(f"'{n}'" for n in names)
                raise typer.BadParameter(
                    "given more than once; it takes one value", ctx=ctx, param_hint=shown
                )
        return super().parse_args(ctx, args)


def _count(names: list[str], args: list[str]) -> int:
    count = 0
    for arg in args:
        if arg == "--":
            break
        for name in names:
            long = name.startswith("--")
            if arg == name or (long and arg.startswith(name + "=")):
                count += 1
            elif not long and arg.startswith(name) and not arg.startswith("--"):
                count += 1  # "-n5"
    return count


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
