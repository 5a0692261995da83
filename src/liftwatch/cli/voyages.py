"""`liftwatch voyages build|list|calls`: ship voyages, port calls and dark silences from the stored AIS points."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
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
from liftwatch.cli.flights import flight_filter
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
    classification: Annotated[str | None, typer.Option("--class", help=" | ".join(CLASSIFICATIONS))] = None,
    country: Annotated[
        str | None, typer.Option(help="Flag state (from the MMSI): ISO alpha-2 code (RU) or name (Russia).")
    ] = None,
    site: Annotated[
        str | None, typer.Option(help="Departure or arrival port/region (any alias; a port stands for its harbour).")
    ] = None,
    corridor: Annotated[
        str | None, typer.Option(help="FROM:TO, each a port or region name (either side may be empty).")
    ] = None,
    from_: Annotated[datetime | None, typer.Option("--from", help="Voyages under way after this time (UTC).")] = None,
    to: Annotated[datetime | None, typer.Option("--to", help="Voyages under way before this time (UTC).")] = None,
    asset: Annotated[str | None, typer.Option(help="Only this MMSI.")] = None,
    ending: Annotated[str | None, typer.Option(help=" | ".join(ENDINGS))] = None,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            help="Ports below this confidence are shown as guesses ('?'), not as the voyage's port (0-1).",
        ),
    ] = MIN_CONFIDENCE,
    fmt: FormatOption = "table",
    out: OutOption = None,
    limit: Annotated[int, typer.Option(help="Rows shown in table format (0 = all).")] = 50,
) -> None:
    """Stored voyages, oldest first, with the filters `flights list` takes; a place is read as a ship's ("Tobruk" is
    the port). Exit 1 when none match, 2 on a bad value or unknown place."""
    import polars as pl

    import liftwatch
    from liftwatch.tracks.guesses import check_min_confidence, mark_guesses

    fmt = check_output(fmt, out)
    check_min_confidence(min_confidence)
    filt = flight_filter(
        domain="sea",
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
        v = lw.select(filt).to_polars()
        stored = len(lw.voyages()) if v.height == 0 else v.height
    if v.height == 0:  # suggest a build only when there is nothing to filter, not when the filter matched nothing
        err.print(f"no voyages match ({stored:,} stored)" if stored else "no voyages (run `liftwatch voyages build`)")
        raise typer.Exit(1)
    v = mark_guesses(v, min_confidence).with_columns(pl.col("evidence").str.json_path_match("$.name").alias("name"))
    if fmt != "table":
        write_rows(v, fmt, out, "voyages")
        return
    t = Table(
        title=f"voyages ({v.height:,})",
        caption=f"PORT? = best guess below confidence {min_confidence:g}; ~time = estimated arrival",
    )
    for c in ("asset_id", "name", "dep_site", "dep_time", "arr_site", "arr_conf", "arr_time", "ending", "operator"):
        t.add_column(c)
    for r in (v if limit == 0 else v.head(limit)).iter_rows(named=True):
        t.add_row(
            r["asset_id"],
            r["name"] or "",
            _port(r["dep_site"], r["dep_site_guess"]),
            f"{r['dep_time']:%Y-%m-%d %H:%M}" if r["dep_time"] else "",
            _port(r["arr_site"], r["arr_site_guess"]),
            f"{r['arr_conf']:.2f}" if r["arr_conf"] is not None else "",
            ("~" if r["arr_time_estimated"] else "") + (f"{r['arr_time']:%Y-%m-%d %H:%M}" if r["arr_time"] else ""),
            r["ending"],
            r["operator"] or "",
        )
    console.print(t)


def _port(site: str | None, guess: str | None) -> str:
    """A voyage's port as the table shows it: the port, a guess marked ``?``, or ``?`` alone when there is none."""
    return site or (f"{guess}?" if guess else "?")


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
