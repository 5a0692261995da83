"""`liftwatch fetch SOURCE`: download, filter and ingest open data (thin: parse, call liftwatch.sources, print)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TransferSpeedColumn,
)
from rich.table import Table

from liftwatch.cli.common import DB_DEFAULT, DbOption, console, err, fail
from liftwatch.errors import LiftwatchError


class RichProgress:
    """Bytes (with speed) and members kept, one bar per item."""

    def __init__(self, progress: Progress) -> None:
        self.p = progress
        self.task: TaskID | None = None
        self.kept = 0
        self.seen = 0
        self.points = 0

    def item(self, name: str, total_bytes: int | None) -> None:
        if self.task is not None:
            self.p.remove_task(self.task)
        self.kept = self.seen = self.points = 0
        self.task = self.p.add_task(name, total=total_bytes, members="")

    def bytes(self, n: int) -> None:
        if self.task is not None:
            self.p.advance(self.task, n)

    def member(self, kept: bool, points: int) -> None:
        self.seen += 1
        self.kept += int(kept)
        self.points += points
        if self.task is not None and (kept or self.seen % 200 == 0):
            self.p.update(self.task, members=f"{self.kept:,}/{self.seen:,} kept, {self.points:,} points")

    def message(self, text: str) -> None:
        self.p.console.print(f"[dim]{text}[/dim]")


def _sources_table() -> Table:
    from liftwatch.sources import SOURCES, source_info

    t = Table(title="sources")
    for c in ("source", "what", "licence", "needs"):
        t.add_column(c)
    for name in SOURCES:
        i = source_info(name)
        t.add_row(name, i.title, i.licence, i.needs_key or "")
    return t


def fetch(
    source: Annotated[str | None, typer.Argument(help="adsblol | adsbx | opensky | opensky-trino | dma | noaa")] = None,
    start: Annotated[str | None, typer.Option("--from", help="First day, YYYY-MM-DD.")] = None,
    end: Annotated[str | None, typer.Option("--to", help="Last day (inclusive); default: --from.")] = None,
    country: Annotated[
        str | None,
        typer.Option(
            "--country", help="Keep these countries (ISO2 or names, comma-separated): ICAO block / MMSI flag."
        ),
    ] = None,
    military: Annotated[
        bool, typer.Option("--military", help="Keep military aircraft only (tar1090-db flag).")
    ] = False,
    hexes: Annotated[
        list[str] | None, typer.Option("--hex", help="Keep this address: ICAO hex or 9-digit MMSI (repeatable).")
    ] = None,
    watchlist: Annotated[Path | None, typer.Option("--watchlist", help="Keep what a watch-list TOML matches.")] = None,
    bbox: Annotated[str | None, typer.Option("--bbox", help="Area LAT_MIN,LON_MIN,LAT_MAX,LON_MAX.")] = None,
    region: Annotated[str | None, typer.Option("--region", help='Area by name, e.g. "eastern mediterranean".')] = None,
    clip: Annotated[
        bool,
        typer.Option(
            "--clip", help="Keep only points inside the area (default: whole day of aircraft that entered it)."
        ),
    ] = False,
    hours: Annotated[
        str | None, typer.Option("--hours", help="Hours of the day, e.g. 0-23 or 6,7,8 (opensky, adsbx).")
    ] = None,
    every: Annotated[
        float, typer.Option("--every", help="adsbx readsb-hist: seconds between snapshots (multiple of 5).")
    ] = 60.0,
    kind: Annotated[str, typer.Option("--kind", help="adsbx: snapshots | traces.")] = "snapshots",
    keep: Annotated[bool, typer.Option("--keep", help="Keep downloaded files in the cache after ingest.")] = False,
    base_url: Annotated[
        str | None, typer.Option("--base-url", help="Fetch from this mirror instead of the source.")
    ] = None,
    cache_dir: Annotated[
        Path | None,
        typer.Option("--cache-dir", envvar="LIFTWATCH_CACHE", help="Download cache (default ~/.cache/liftwatch)."),
    ] = None,
    refresh: Annotated[
        bool, typer.Option("--refresh", help="Ask for the release list again (ignore its cache).")
    ] = False,
    list_sources: Annotated[
        bool, typer.Option("--list", help="List the sources with their licences and exit.")
    ] = False,
    db: DbOption = DB_DEFAULT,
) -> None:
    """Fetch a source's days, keep what the filters ask for, ingest as it arrives; re-runs skip what is done."""
    import liftwatch
    from liftwatch.sources import SOURCES, Selection

    if list_sources:
        console.print(_sources_table())
        return
    if source is None:
        raise fail(f"give a SOURCE: one of {', '.join(SOURCES)} (see `liftwatch fetch --list`)")
    if source not in SOURCES:
        raise fail(f"unknown source {source!r}; one of: {', '.join(SOURCES)}")
    if start is None:
        raise fail("give --from YYYY-MM-DD (and --to for a range)")
    wl: Any = None
    if watchlist is not None:
        from liftwatch import kb

        if not watchlist.exists():
            raise fail(f"{watchlist}: no such watch-list file")
        wl = kb.load_watchlist(watchlist)
    try:
        sel = Selection.build(
            countries=country, military=military, addresses=hexes, watchlist=wl, bbox=bbox, region=region, clip=clip
        )
    except LiftwatchError as exc:
        raise fail(str(exc)) from None
    if sel.empty and source in ("adsblol",):
        err.print(
            "[yellow]warning:[/yellow] no filter: the whole world's day (~3 GB, ~100 M points) goes into the store"
        )
    options: dict[str, Any] = {"refresh": refresh} if source == "adsblol" else {}
    if source in ("opensky", "adsbx"):
        options["hours"] = hours
    if source == "adsbx":
        options.update(every_s=every, kind=kind)
    if source in ("opensky", "adsbx", "dma", "noaa"):
        options["keep"] = keep
    with (
        liftwatch.open(db) as lw,
        Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TransferSpeedColumn(),
            TextColumn("{task.fields[members]}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bars,
    ):
        report = lw.fetch(
            source,
            start,
            end,
            selection=sel,
            base_url=base_url,
            cache_dir=cache_dir,
            progress=RichProgress(bars),
            **options,
        )
    t = Table(title=f"fetch {source}")
    for c in ("item", "status", "MB", "members kept", "points", "stored", "s", "note"):
        t.add_column(c, justify="right" if c not in ("item", "status", "note") else "left")
    for i in report.items:
        t.add_row(
            i.item,
            i.status,
            f"{i.bytes / 1e6:,.1f}",
            f"{i.members_kept:,}/{i.members_seen:,}" if i.members_seen else "",
            f"{i.points:,}",
            f"{i.rows_added:,}",
            f"{i.seconds:.1f}",
            i.note,
        )
    console.print(t)
    from liftwatch.sources import source_info

    console.print(f"[dim]{source_info(source).attribution}[/dim]")
    if report.failed:
        raise typer.Exit(1)
    if not report.rows_added and all(i.status == "missing" for i in report.items):
        raise fail("nothing fetched: no data published for these days")


def register(app: typer.Typer) -> None:
    app.command()(fetch)
