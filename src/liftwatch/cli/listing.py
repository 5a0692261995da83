"""Where a list command's rows go: a table on the terminal, CSV (stdout or a file) or Parquet.

``flights list`` and ``voyages list`` read the same stored table, so they take the same ``--format``/``--out``
and write the same columns; keeping the options and the writing here keeps the two from drifting apart.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from liftwatch.cli.common import err, fail

if TYPE_CHECKING:
    import polars as pl

FORMATS = ("table", "csv", "parquet")
FormatOption = Annotated[str, typer.Option("--format", help="table | csv | parquet")]
OutOption = Annotated[
    Path | None, typer.Option("--out", help="Write to this file (csv/parquet); default stdout for csv.")
]


def check_output(fmt: str, out: Path | None) -> str:
    """The format (any case) among :data:`FORMATS`; Parquet is binary, so it needs a file."""
    from liftwatch.filters import validate_choice

    fmt = validate_choice("--format", fmt, FORMATS)
    if fmt == "parquet" and out is None:
        raise fail("--format parquet needs --out FILE")
    return fmt


def write_rows(df: pl.DataFrame, fmt: str, out: Path | None, noun: str) -> None:
    """Write ``df`` as Parquet (every column as stored) or CSV (lists as text, formulas neutralised)."""
    import polars as pl

    from liftwatch.report.exports import neutralise_formulas

    if fmt == "parquet":
        assert out is not None
        df.write_parquet(out)
        err.print(f"{df.height:,} {noun} -> {out}")
        return
    flat = df.with_columns(
        pl.col("callsigns").list.join(" "),
        pl.col("arr_candidates")
        .list.eval(pl.format("{}:{}", pl.element().struct.field("site_id"), pl.element().struct.field("prob").round(3)))
        .list.join(" "),
    )
    if out is None:
        typer.echo(neutralise_formulas(flat).write_csv(), nl=False)
    else:
        neutralise_formulas(flat).write_csv(out)
        err.print(f"{df.height:,} {noun} -> {out}")
