"""`liftwatch voyages build|list|calls`: ship voyages, port calls and dark silences from the stored AIS points."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import polars as pl
import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from liftwatch.cli.common import DB_DEFAULT, DbOption, console, err, fail
from liftwatch.errors import LiftwatchError
from liftwatch.store import Store

voyages_app = typer.Typer(
    help="Ship voyages (AIS): port calls, dark silences, ranked destinations.", no_args_is_help=True
)


@contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except LiftwatchError as exc:
        raise fail(str(exc)) from None


def _sea_count(store: Store) -> int:
    return int(store.sql("SELECT count(*) AS n FROM points WHERE domain = 'sea'")["n"][0])


@voyages_app.command("build")
def build(
    db: DbOption = DB_DEFAULT,
    static: Annotated[
        list[Path] | None,
        typer.Option("--static", help="AIS file(s) (NMEA or CSV) whose static reports (names, destinations) to keep."),
    ] = None,
) -> None:
    """Find port calls and silences, split voyages and store them in the flights table (domain 'sea')."""
    from liftwatch import sea
    from liftwatch.io import ais_csv, ais_decoded_csv, ais_nmea, detect_format
    from liftwatch.sea.static_store import save_static

    with _errors(), Store(db) as store:
        if _sea_count(store) == 0:
            raise fail("no sea points in the store (ingest AIS NMEA or CSV files first)", 1)
        for path in static or []:
            if not path.exists():
                raise fail(f"{path}: no such file")
            fmt = detect_format(path)
            reader = {
                "ais_nmea": ais_nmea.read_static,
                "ais_csv": ais_csv.read_static,
                "ais_decoded_csv": ais_decoded_csv.read_static,
            }.get(fmt)
            if reader is None:
                raise fail(f"{path}: not an AIS file (detected {fmt})")
            save_static(store, reader(str(path)))
        with Progress(
            SpinnerColumn(), TextColumn("[bold]voyages"), TimeElapsedColumn(), console=err, transient=True
        ) as progress:
            progress.add_task("build", total=None)
            res = sea.analyse(store)
            table = res.voyages.to_arrow()
        n = store.write_flights(table)
    t = Table(title="voyages build")
    t.add_column("what")
    t.add_column("count", justify="right")
    for k, v in res.stats.items():
        t.add_row(k.replace("_", " "), f"{v:,}")
    for ending, cnt in res.voyages["ending"].value_counts().sort("ending").iter_rows():
        t.add_row(f"ending {ending}", f"{cnt:,}")
    t.add_row("stored", f"{n:,}")
    console.print(t)


@voyages_app.command("list")
def list_voyages(
    db: DbOption = DB_DEFAULT,
    asset: Annotated[str | None, typer.Option(help="Only this MMSI.")] = None,
    ending: Annotated[str | None, typer.Option(help="landed | dark | out_of_coverage | data_end")] = None,
    limit: Annotated[int, typer.Option(help="At most this many rows.")] = 50,
) -> None:
    """Stored voyages, oldest first (exit 1 when none match)."""
    where, params = ["domain = 'sea'"], []
    if asset:
        where.append("asset_id = ?")
        params.append(asset)
    if ending:
        where.append("ending = ?")
        params.append(ending)
    with _errors(), Store(db, read_only=True) as store:
        v = store.flights(" AND ".join(where), params)
    if v.height == 0:
        err.print("no voyages (run `liftwatch voyages build`)")
        raise typer.Exit(1)
    t = Table(title=f"voyages ({v.height:,})")
    for c in ("asset_id", "name", "dep_site", "dep_time", "arr_site", "arr_conf", "arr_time", "ending", "operator"):
        t.add_column(c)
    v = v.with_columns(pl.col("evidence").str.json_path_match("$.name").alias("name"))
    for r in v.head(limit).iter_rows(named=True):
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
    from liftwatch import sea

    with _errors(), Store(db, read_only=True) as store:
        if _sea_count(store) == 0:
            raise fail("no sea points in the store", 1)
        res = sea.analyse(store)
    pc = res.all_port_calls()
    if asset:
        pc = pc.filter(pl.col("asset_id") == asset)
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


def register(app: typer.Typer) -> None:
    app.add_typer(voyages_app, name="voyages")
