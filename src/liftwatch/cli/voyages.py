"""`liftwatch voyages build|list|calls`: ship voyages, port calls and dark silences from the stored AIS points."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from liftwatch.cli.common import DB_DEFAULT, ENDINGS, App, DbOption, console, err, fail
from liftwatch.cli.listing import FormatOption, OutOption, check_output, write_rows

voyages_app = App(help="Ship voyages (AIS): port calls, dark silences, ranked destinations.", no_args_is_help=True)


@voyages_app.command("build")
def build(
    db: DbOption = DB_DEFAULT,
    static: Annotated[
        list[Path] | None,
        typer.Option(
            "--static",
            help="AIS file(s) (NMEA or CSV) whose static reports (names, destinations) to keep; "
            "files ingested with `liftwatch ingest` already have theirs kept.",
        ),
    ] = None,
) -> None:
    """Find port calls and silences, split voyages and store them in the flights table (domain 'sea')."""
    import liftwatch
    from liftwatch.ingest import STATIC_READERS, save_static
    from liftwatch.io import detect_format

    with liftwatch.open(db) as lw:
        if lw.count_points("sea") == 0:
            raise fail("no sea points in the store (ingest AIS NMEA or CSV files first)", 1)
        for path in static or []:
            if not path.exists():
                raise fail(f"{path}: no such file")
            fmt = detect_format(path)
            if fmt not in STATIC_READERS:
                raise fail(f"{path}: not an AIS file (detected {fmt})")
            save_static(lw.store, path, fmt)
        with Progress(
            SpinnerColumn(), TextColumn("[bold]voyages"), TimeElapsedColumn(), console=err, transient=True
        ) as progress:
            progress.add_task("build", total=None)
            summary = lw.build(flights=False)
    t = Table(title="voyages build")
    t.add_column("what")
    t.add_column("count", justify="right")
    for k, v in summary.voyages_stats.items():
        t.add_row(k.replace("_", " "), f"{v:,}")
    for ending, cnt in summary.voyage_endings.items():
        t.add_row(f"ending {ending}", f"{cnt:,}")
    t.add_row("stored", f"{summary.voyages:,}")
    console.print(t)


@voyages_app.command("list")
def list_voyages(
    db: DbOption = DB_DEFAULT,
    asset: Annotated[str | None, typer.Option(help="Only this MMSI.")] = None,
    ending: Annotated[str | None, typer.Option(help=" | ".join(ENDINGS))] = None,
    fmt: FormatOption = "table",
    out: OutOption = None,
    limit: Annotated[int, typer.Option(help="Rows shown in table format (0 = all).")] = 50,
) -> None:
    """Stored voyages, oldest first (exit 1 when none match); as a table, CSV or Parquet like `flights list`."""
    import polars as pl

    import liftwatch
    from liftwatch.filters import FlightFilter

    fmt = check_output(fmt, out)
    filt = FlightFilter.from_options(domain="sea", asset=asset, **({"ending": ending} if ending else {}))
    with liftwatch.open(db, read_only=True) as lw:
        v = lw.select(filt).to_polars()
        stored = len(lw.select(FlightFilter(domain="sea"))) if v.height == 0 else v.height
    if v.height == 0:  # suggest a build only when there is nothing to filter, not when the filter matched nothing
        err.print(f"no voyages match ({stored:,} stored)" if stored else "no voyages (run `liftwatch voyages build`)")
        raise typer.Exit(1)
    v = v.with_columns(pl.col("evidence").str.json_path_match("$.name").alias("name"))
    if fmt != "table":
        write_rows(v, fmt, out, "voyages")
        return
    t = Table(title=f"voyages ({v.height:,})")
    for c in ("asset_id", "name", "dep_site", "dep_time", "arr_site", "arr_conf", "arr_time", "ending", "operator"):
        t.add_column(c)
    for r in (v if limit == 0 else v.head(limit)).iter_rows(named=True):
        t.add_row(
            r["asset_id"],
            r["name"] or "",
            r["dep_site"] or "?",
            f"{r['dep_time']:%Y-%m-%d %H:%M}" if r["dep_time"] else "",
            r["arr_site"] or "?",
            f"{r['arr_conf']:.2f}" if r["arr_conf"] is not None else "",
            f"{r['arr_time']:%Y-%m-%d %H:%M}" if r["arr_time"] else "",
            r["ending"],
            r["operator"] or "",
        )
    console.print(t)


@voyages_app.command("calls")
def calls(
    db: DbOption = DB_DEFAULT,
    asset: Annotated[str | None, typer.Option(help="Only this MMSI.")] = None,
) -> None:
    """Port calls, observed (stop, dwell, gap in port) and inferred from silences (exit 1 when none)."""
    import liftwatch

    with liftwatch.open(db, read_only=True) as lw:
        if lw.count_points("sea") == 0:
            raise fail("no sea points in the store", 1)
        pc = lw.port_calls(asset)
    if pc.height == 0:
        err.print("no port calls")
        raise typer.Exit(1)
    t = Table(title=f"port calls ({pc.height:,})")
    for c in ("asset_id", "site_id", "start", "end", "basis", "prob"):
        t.add_column(c)
    for r in pc.iter_rows(named=True):
        t.add_row(
            r["asset_id"],
            r["site_id"],
            f"{r['start']:%Y-%m-%d %H:%M}",
            f"{r['end']:%Y-%m-%d %H:%M}",
            r["basis"],
            f"{r['prob']:.2f}",
        )
    console.print(t)


def register(app: App) -> None:
    app.add_typer(voyages_app, name="voyages")
