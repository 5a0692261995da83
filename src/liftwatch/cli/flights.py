"""`liftwatch flights build|list|show`: compute flights from the stored points and query them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Annotated

import polars as pl
import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from liftwatch.cli.common import DB_DEFAULT, DbOption, console, err, fail
from liftwatch.errors import LiftwatchError
from liftwatch.store import Store
from liftwatch.tracks.query import DEFAULT_MIN_CONFIDENCE


@contextmanager
def _errors() -> Iterator[None]:
    """Library errors become one red line and exit code 2 (also under CliRunner, which bypasses main())."""
    try:
        yield
    except LiftwatchError as exc:
        raise fail(str(exc)) from None


flights_app = typer.Typer(help="Flights: build them from points, list and inspect them.", no_args_is_help=True)

LIST_COLUMNS = (
    "flight_id",
    "callsigns",
    "type_code",
    "classification",
    "country",
    "start_kind",
    "dep_site",
    "dep_conf",
    "dep_time",
    "ending",
    "arr_site",
    "arr_conf",
    "arr_time",
)
ENDINGS = ("landed", "landed_unknown_site", "dark", "out_of_coverage", "data_end")


@flights_app.command("build")
def build(
    db: DbOption = DB_DEFAULT,
    partitions: Annotated[int | None, typer.Option(help="Asset-hash partitions (default: ~5 M points each).")] = None,
) -> None:
    """Clean the points, split flights, infer sites and dark endings; store the flights table."""
    from liftwatch.tracks.flights import BuildReport, store_flights

    with _errors(), Store(db) as store:
        total = int(store.sql("SELECT count(*) AS n FROM points WHERE domain = 'air'")["n"][0])
        if total == 0:
            raise fail("no air points in the store (run `liftwatch ingest` first)", 1)
        report = BuildReport()
        with Progress(
            TextColumn("[bold]flights"),
            BarColumn(),
            TextColumn("{task.completed:,}/{task.total:,} points"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("build", total=total)
            n = store_flights(
                store,
                n_partitions=partitions,
                on_partition=lambda n: progress.advance(task, n),
                report=report,
            )
    t = Table(title="flights build")
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("points in", f"{report.clean.rows_in:,}")
    for k, v in sorted(report.clean.dropped.items()):
        t.add_row(f"  dropped: {k}", f"{v:,}")
    for k, v in sorted(report.clean.altered.items()):
        t.add_row(f"  fixed: {k}", f"{v:,}")
    t.add_row("flights", f"{n:,}")
    for k, v in sorted(report.endings.items()):
        t.add_row(f"  ending: {k}", f"{v:,}")
    console.print(t)


@flights_app.command("list")
def list_(
    db: DbOption = DB_DEFAULT,
    classification: Annotated[str | None, typer.Option("--class", help="military | state | civil | unknown")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 country of the airframe, e.g. RU.")] = None,
    site: Annotated[str | None, typer.Option(help="Departure or arrival site/region (any alias).")] = None,
    corridor: Annotated[
        str | None, typer.Option(help="FROM:TO, each a site or region name (either side may be empty).")
    ] = None,
    from_: Annotated[datetime | None, typer.Option("--from", help="Flights active after this time (UTC).")] = None,
    to: Annotated[datetime | None, typer.Option("--to", help="Flights active before this time (UTC).")] = None,
    asset: Annotated[str | None, typer.Option(help="ICAO 24-bit address.")] = None,
    ending: Annotated[str | None, typer.Option(help=" | ".join(ENDINGS))] = None,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            help="Sites below this confidence are shown as guesses ('?'), not as the flight's site (0-1).",
        ),
    ] = DEFAULT_MIN_CONFIDENCE,
    fmt: Annotated[str, typer.Option("--format", help="table | csv | parquet")] = "table",
    out: Annotated[Path | None, typer.Option(help="Write to this file (csv/parquet); default stdout for csv.")] = None,
    limit: Annotated[int, typer.Option(help="Rows shown in table format (0 = all).")] = 50,
) -> None:
    """List stored flights with filters. Exit code 1 when nothing matches."""
    from liftwatch.tracks.query import mark_guesses, query_flights

    if fmt not in ("table", "csv", "parquet"):
        raise fail(f"unknown format {fmt!r} (table, csv, parquet)")
    if not 0.0 <= min_confidence <= 1.0:
        raise fail(f"--min-confidence {min_confidence} must be between 0 and 1")
    if ending is not None and ending not in ENDINGS:
        raise fail(f"unknown ending {ending!r} ({', '.join(ENDINGS)})")
    if fmt == "parquet" and out is None:
        raise fail("--format parquet needs --out FILE")
    with _errors(), Store(db, read_only=True) as store:
        df = query_flights(
            store,
            classification=classification,
            country=country,
            site=site,
            corridor=corridor,
            start=from_,
            end=to,
            asset=asset,
            ending=ending,
        )
    if df.height == 0:
        err.print("no flights match")
        raise typer.Exit(1)
    df = mark_guesses(df, min_confidence)
    if fmt == "parquet":
        assert out is not None
        df.write_parquet(out)
        err.print(f"{df.height:,} flights -> {out}")
        return
    if fmt == "csv":
        flat = df.with_columns(
            pl.col("callsigns").list.join(" "),
            pl.col("arr_candidates")
            .list.eval(
                pl.format("{}:{}", pl.element().struct.field("site_id"), pl.element().struct.field("prob").round(3))
            )
            .list.join(" "),
        )
        if out is None:
            typer.echo(flat.write_csv(), nl=False)
        else:
            flat.write_csv(out)
            err.print(f"{df.height:,} flights -> {out}")
        return
    t = Table(
        title=f"{df.height:,} flights",
        caption=f"SITE? = best guess below confidence {min_confidence:g}; ~time = estimated arrival",
    )
    for c in LIST_COLUMNS:
        t.add_column(c, overflow="fold")
    shown = df if limit == 0 else df.head(limit)
    for r in shown.select(*LIST_COLUMNS, "dep_site_guess", "arr_site_guess", "arr_time_estimated").iter_rows(
        named=True
    ):
        cells = []
        for c in LIST_COLUMNS:
            v = r[c]
            if c in ("dep_site", "arr_site") and v is None and r[f"{c}_guess"]:
                v = f"{r[f'{c}_guess']}?"  # a guess below --min-confidence, never shown as the site
            elif c == "arr_time" and isinstance(v, datetime) and r["arr_time_estimated"]:
                v = f"~{v:%Y-%m-%d %H:%M}"
            elif c == "callsigns":
                v = " ".join(v or [])
            elif isinstance(v, datetime):
                v = f"{v:%Y-%m-%d %H:%M}"
            elif isinstance(v, float):
                v = f"{v:.2f}"
            cells.append("" if v is None else str(v))
        t.add_row(*cells)
    console.print(t)


@flights_app.command("show")
def show(
    flight_id: Annotated[str, typer.Argument(help="Flight id from `flights list`.")], db: DbOption = DB_DEFAULT
) -> None:
    """One flight: sites, ending, ranked destination candidates and the evidence behind them."""
    from liftwatch.tracks.api import get_flight

    with _errors(), Store(db, read_only=True) as store:
        f = get_flight(store, flight_id)
    console.print(repr(f))
    c = f.candidates()
    if c.height:
        t = Table(title="arrival candidates")
        for col in c.columns:
            t.add_column(col)
        for r in c.iter_rows():
            t.add_row(str(r[0]), f"{r[1]:.3f}", f"{r[2]:.1f}")
        console.print(t)
    console.print_json(json.dumps(f.evidence()))


def register(app: typer.Typer) -> None:
    app.add_typer(flights_app, name="flights")
