"""Options, consoles and the one error policy shared by every sub-command.

Exit codes (documented in the README): 0 success, 1 nothing found / no supported claim / an unexpected
failure, 2 bad input or a liftwatch error (unreadable file, unknown place, locked store...). A liftwatch error
is one ``error:`` line, never a traceback; an unexpected exception is one line plus how to get the traceback
(``--debug`` or ``LIFTWATCH_DEBUG=1``), so a user can report it.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from liftwatch.errors import LiftwatchError, NoDataError, one_line

console = Console()
err = Console(stderr=True)

DEBUG_ENV = "LIFTWATCH_DEBUG"
EXIT_NOTHING = 1
EXIT_UNEXPECTED = 1
EXIT_ERROR = 2

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="LIFTWATCH_DB", help="DuckDB database file.", show_default=True),
]

# What the option definitions show (defaults, allowed values), copied from the library so that building the
# command line -- and so `liftwatch --help` -- imports no library module: those pull in Polars, DuckDB, NumPy
# (0.3-2 CPU s). The library's values are the truth; tests/cli/test_startup.py fails when a copy drifts.
DB_DEFAULT = "liftwatch.duckdb"  # liftwatch.store.DEFAULT_DB
ENDINGS = ("landed", "landed_unknown_site", "dark", "out_of_coverage", "data_end")  # liftwatch.filters.ENDINGS
CLASSIFICATIONS = ("military", "state", "civil", "unknown")  # liftwatch.filters.CLASSIFICATIONS
MIN_CONFIDENCE = 0.5  # liftwatch.tracks.guesses.DEFAULT_MIN_CONFIDENCE

P = ParamSpec("P")
R = TypeVar("R")


def debug_enabled() -> bool:
    """True when ``--debug`` was given or ``LIFTWATCH_DEBUG`` is set to a true value: show tracebacks."""
    return os.environ.get(DEBUG_ENV, "").strip().lower() not in ("", "0", "false", "no")


def fail(message: str, code: int = EXIT_ERROR) -> typer.Exit:
    """Print one clear error line; return the Exit to raise."""
    err.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(code)


def report_unexpected(exc: BaseException, what: str = "") -> None:
    """One line for an exception liftwatch did not expect, and how to see its traceback."""
    where = f"{what}: " if what else ""
    err.print(
        f"[red]error:[/red] {escape(where)}unexpected {type(exc).__name__}: {escape(one_line(exc, 300))}\n"
        f"  rerun with --debug (or {DEBUG_ENV}=1) for the traceback, and please report it",
        highlight=False,
        soft_wrap=True,
    )


def exit_code_for(exc: BaseException) -> int:
    """The policy in one place: nothing to work on exits 1, other liftwatch errors 2, anything unexpected 1."""
    if isinstance(exc, NoDataError):
        return EXIT_NOTHING
    return EXIT_ERROR if isinstance(exc, LiftwatchError) else EXIT_UNEXPECTED


def guarded(fn: Callable[P, R]) -> Callable[P, R]:
    """Apply the error policy to one command (also under ``CliRunner``, which bypasses ``main()``)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter, KeyboardInterrupt):  # Typer's own way out
            raise
        except LiftwatchError as exc:
            if debug_enabled():
                raise
            raise fail(one_line(exc, 1000), exit_code_for(exc)) from None
        except Exception as exc:
            if debug_enabled():
                raise
            report_unexpected(exc)
            raise typer.Exit(EXIT_UNEXPECTED) from None

    return wrapper


class App(typer.Typer):
    """A Typer app whose commands all follow the error policy of :func:`guarded`."""

    # Typer spells out every click option in ``command``'s signature; forwarding them as-is is the point here
    def command(self, *args: Any, **kwargs: Any) -> Callable[[Callable[P, R]], Callable[P, R]]:  # type: ignore[override]
        register = super().command(*args, **kwargs)

        def decorator(fn: Callable[P, R]) -> Callable[P, R]:
            register(guarded(fn))
            return fn

        return decorator
