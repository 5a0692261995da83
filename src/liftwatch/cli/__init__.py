"""The ``liftwatch`` command. Each sub-command lives in its own module exposing ``register(app)``."""

from __future__ import annotations

import importlib
import sys

import typer
from rich.console import Console

from liftwatch.errors import LiftwatchError

app = typer.Typer(
    name="liftwatch",
    help="Who moved what, from where to where, how often: airlift/sealift analysis from open navigation data.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True)

COMMAND_MODULES: tuple[str, ...] = (
    "ingest",
    "fetch",
    "kb",
    "sim",
    "flights",
    "voyages",
    "report",
    "claims",
    "watch",
    "demo",
)

for _name in COMMAND_MODULES:
    try:
        _mod = importlib.import_module(f"liftwatch.cli.{_name}")
    except ModuleNotFoundError as _exc:
        if _exc.name == f"liftwatch.cli.{_name}":
            continue
        raise
    _mod.register(app)


def main() -> None:
    """Entry point: library errors become one red line and exit code 2, never a traceback."""
    try:
        app()
    except LiftwatchError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)
