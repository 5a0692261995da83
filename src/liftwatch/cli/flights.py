"""`liftwatch flights build|list|show`: compute flights from the stored points and query them."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from liftwatch.cli.common import (
    CLASSIFICATIONS,
    DB_DEFAULT,
    ENDINGS,
    MIN_CONFIDENCE,
    App,
    DbOption,
    console,
    err,
    fail,
)
from liftwatch.cli.listing import FormatOption, OutOption, check_output, write_rows

if TYPE_CHECKING:
    from liftwatch.build import BuildSummary
    from liftwatch.filters import FlightFilter

WorkersOption = Annotated[
    str,
    typer.Option(
        help="Worker processes for the per-partition kernels: a number, or 'auto' (one per core for stores of "
        "2 M points or more, as memory allows). With --dask local: the local Dask cluster's size."
    ),
]
DaskOption = Annotated[
    str | None,
    typer.Option(
        help="Run the kernels on a Dask cluster: the scheduler address (tcp://scheduler:8786), or 'local' for a "
        "local Dask cluster. Needs the 'dask' extra (pip install 'liftwatch\\[dask]').",
        show_default=False,
    ),
]
SpillDirOption = Annotated[
    Path | None,
    typer.Option(
        help="Folder for the partition files workers exchange (default: the system temporary folder); on a "
        "cluster, a shared folder every worker sees under the same path.",
        show_default=False,
    ),
]


def parse_workers(value: str) -> int | Literal["auto"]:
    """``--workers``: a positive number or ``auto`` (a bad value is an error saying what is allowed)."""
    v = value.strip().lower()
    if v == "auto":
        return "auto"
    if v.isdigit() and int(v) >= 1:
        return int(v)
    raise fail(f"--workers {value!r}: expected a number of at least 1, or 'auto'", 2)


flights_app = App(help="Flights: build them from points, list and inspect them.", no_args_is_help=True)

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


def build_table(summary: BuildSummary, title: str = "flights build") -> Table:
    """What a build did, as the CLI prints it."""
    report = summary.flights_report
    t = Table(title=title)
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("points in", f"{report.clean.rows_in:,}")
    t.add_row("ran on", summary.backend)
    for k, v in sorted(report.clean.dropped.items()):
        t.add_row(f"  dropped: {k}", f"{v:,}")
    for k, v in sorted(report.clean.altered.items()):
        t.add_row(f"  fixed: {k}", f"{v:,}")
    t.add_row("flights", f"{summary.flights:,}")
    for k, v in sorted(report.endings.items()):
        t.add_row(f"  ending: {k}", f"{v:,}")
    return t


@flights_app.command("build")
def build(
    db: DbOption = DB_DEFAULT,
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Asset-hash partitions (default: ~1 M points each).")
    ] = None,
    workers: WorkersOption = "auto",
    dask: DaskOption = None,
    spill_dir: SpillDirOption = None,
) -> None:
    """Clean the points, split flights, infer sites and dark endings; store the flights table.

    The per-partition work runs on local worker processes (--workers) or a Dask cluster (--dask); every
    backend gives the same flights as one process.
    """
    import liftwatch

    n_workers = parse_workers(workers)
    with liftwatch.open(db) as lw:
        total = lw.count_points("air")
        if total == 0:
            raise fail("no air points in the store (run `liftwatch ingest` first)", 1)
        with Progress(
            TextColumn("[bold]flights"),
            BarColumn(),
            TextColumn("{task.completed:,}/{task.total:,} points"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("build", total=total)
            summary = lw.build(
                voyages=False,
                partitions=partitions,
                on_points=lambda n: progress.advance(task, n),
                workers=n_workers,
                dask=dask,
                spill_dir=spill_dir,
            )
    console.print(build_table(summary))


@flights_app.command("list")
def list_(
    db: DbOption = DB_DEFAULT,
    classification: Annotated[str | None, typer.Option("--class", help=" | ".join(CLASSIFICATIONS))] = None,
    country: Annotated[
        str | None, typer.Option(help="Country of the airframe: ISO alpha-2 code (RU) or name (Russia).")
    ] = None,
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
    ] = MIN_CONFIDENCE,
    fmt: FormatOption = "table",
    out: OutOption = None,
    limit: Annotated[int, typer.Option(help="Rows shown in table format (0 = all).")] = 50,
) -> None:
    """List stored flights with filters. Exit code 1 when nothing matches, 2 on a bad value or unknown place."""
    import liftwatch
    from liftwatch.tracks.guesses import check_min_confidence, mark_guesses

    fmt = check_output(fmt, out)
    check_min_confidence(min_confidence)
    filt = flight_filter(
        classification=classification,
        country=country,
        site=site,
        corridor=corridor,
        start=from_,
        end=to,
        asset=asset,
        ending=ending,
    )
    with liftwatch.open(db, read_only=True) as lw:
        df = lw.select(filt).to_polars()
    if df.height == 0:
        err.print("no flights match")
        raise typer.Exit(1)
    df = mark_guesses(df, min_confidence)
    if fmt != "table":
        write_rows(df, fmt, out, "flights")
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
    import liftwatch

    with liftwatch.open(db, read_only=True) as lw:
        f = lw.flight(flight_id)
    console.print(escape(repr(f)))
    c = f.candidates()
    if c.height:
        t = Table(title="arrival candidates")
        for col in c.columns:
            t.add_column(col)
        for r in c.iter_rows():
            t.add_row(str(r[0]), f"{r[1]:.3f}", f"{r[2]:.1f}")
        console.print(t)
    console.print_json(json.dumps(f.evidence()))


def flight_filter(**options: Any) -> FlightFilter:
    """The filter from command-line options (empty ones dropped; ``corridor`` is FROM:TO)."""
    from liftwatch.filters import FlightFilter

    return FlightFilter.from_options(**{k: v for k, v in options.items() if v is not None})


def build_all(
    db: DbOption = DB_DEFAULT,
    partitions: Annotated[
        int | None, typer.Option(min=1, help="Asset-hash partitions (default: ~1 M points each).")
    ] = None,
    workers: WorkersOption = "auto",
    dask: DaskOption = None,
    spill_dir: SpillDirOption = None,
) -> None:
    """Build flights (aircraft points) and voyages (ship points) in one go: `flights build` + `voyages build`."""
    import liftwatch

    n_workers = parse_workers(workers)
    with liftwatch.open(db) as lw:
        if lw.count_points() == 0:
            raise fail("no points in the store (run `liftwatch ingest` first)", 1)
        with err.status("building flights and voyages…"):
            summary = lw.build(partitions=partitions, workers=n_workers, dask=dask, spill_dir=spill_dir)
    console.print(build_table(summary, title="build"))
    console.print(f"voyages: {summary.voyages:,}")


def register(app: App) -> None:
    app.add_typer(flights_app, name="flights")
    app.command("build")(build_all)
