"""Options and helpers shared by sub-commands."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console

from liftwatch.store import DEFAULT_DB

console = Console()
err = Console(stderr=True)

DbOption = Annotated[
    str,
    typer.Option("--db", envvar="LIFTWATCH_DB", help="DuckDB database file.", show_default=True),
]
DB_DEFAULT = DEFAULT_DB


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one clear error line; return the Exit to raise."""
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(code)
