"""`liftwatch report` (HTML report, offline map, plots, exports) and `liftwatch corridors` (a corridor table)."""

from __future__ import annotations

import importlib
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

import polars as pl
import typer
from rich.table import Table

from liftwatch.cli.common import DB_DEFAULT, DbOption, console, err, fail
from liftwatch.errors import LiftwatchError
from liftwatch.store import Store

FromOpt = Annotated[
    datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="First day (UTC). Default: first flight.")
]
ToOpt = Annotated[
    datetime | None,
    typer.Option("--to", formats=["%Y-%m-%d"], help="Last day (UTC, inclusive). Default: last flight."),
]


def _kb() -> Any:
    try:
        return importlib.import_module("liftwatch.kb")
    except ImportError:  # without a knowledge base only literal site ids work
        return None


def place_ids(text: str) -> list[str]:
    """Site id, site alias (any script) or region name -> ids usable by ``filter_legs``."""
    t = text.strip()
    kb = _kb()
    if kb is None:
        return [t]
    if t in kb.regions():
        return [t]
    try:
        kb.site(t)
        return [t]
    except Exception:  # not a literal site id: try region names, then site aliases
        pass
    region = kb.resolve_region(t)
    if region is not None:
        return [str(region.id)]
    site = kb.resolve_site(t)
    if site is not None:
        return [str(site.site_id)]
    raise LiftwatchError(f"unknown site or region: {text!r} (try `liftwatch kb site {text!r}`)")


def _attributions(db: str) -> list[dict[str, str]]:
    """Licence notices of the fetched data in the store (printed on the report, the map and the exports)."""
    with Store(db, read_only=True) as store:
        return store.attributions()


def _load_flights(db: str) -> pl.DataFrame:
    with Store(db, read_only=True) as store:
        return store.flights()


def _check_articles(db: str, paths: list[Path]) -> list[Any]:
    """Claim results for each article (empty when the claims module is absent or no article is given)."""
    if not paths:
        return []
    try:
        claims_mod: Any = importlib.import_module("liftwatch.claims")
    except ImportError:
        err.print("[yellow]warning:[/yellow] liftwatch.claims not available; --article ignored")
        return []
    results: list[Any] = []
    with Store(db, read_only=True) as store:
        for p in paths:
            _, res = claims_mod.check_article(p.read_text(encoding="utf-8", errors="replace"), store)
            results.extend(res)
    return results


def _days(d_from: datetime | None, d_to: datetime | None) -> tuple[date | None, date | None]:
    return (d_from.date() if d_from else None, d_to.date() + timedelta(days=1) if d_to else None)


def report(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (created).")] = Path("liftwatch-report"),
    d_from: FromOpt = None,
    d_to: ToOpt = None,
    corridor: Annotated[
        str | None,
        typer.Option(help='Only this corridor, FROM:TO, each a site or region ("hmeimim:eastern libya").'),
    ] = None,
    region: Annotated[str | None, typer.Option(help="Only flights from or to this region or site.")] = None,
    watchlist: Annotated[
        Path | None, typer.Option(help="Only flights matching this watchlist (TOML).", exists=True, dir_okay=False)
    ] = None,
    db: DbOption = DB_DEFAULT,
    title: Annotated[str, typer.Option(help="Report title.")] = "liftwatch report",
    baseline_days: Annotated[
        int | None, typer.Option(min=1, help="Days at the start used as the baseline (default: first half).")
    ] = None,
    coverage: Annotated[
        bool, typer.Option(help="Normalise change detection by daily civil traffic seen (receiver coverage).")
    ] = False,
    tiles: Annotated[
        bool, typer.Option(help="Add online OpenStreetMap tiles to the map (off: fully offline).")
    ] = False,
    article: Annotated[
        list[Path] | None,
        typer.Option(help="News text to claim-check against the data; its verdicts get a report section.", exists=True),
    ] = None,
) -> None:
    """Write the analyst's report: report.html, map.html (offline), plots, GeoJSON/KML/CSV/Parquet."""
    from liftwatch.report import build_report

    start, end = _days(d_from, d_to)
    flights = _load_flights(db)
    if flights.is_empty():
        raise fail(f"{db}: no flights stored (run `liftwatch flights` first)", code=1)
    scope: list[str] = []
    origin = destination = regions = None
    if corridor:
        a, sep, b = corridor.partition(":")
        if not sep or not a.strip() or not b.strip():
            raise fail(f"--corridor must be FROM:TO, got {corridor!r}")
        try:
            origin, destination = place_ids(a), place_ids(b)
        except LiftwatchError as exc:
            raise fail(str(exc)) from None
        scope.append(f"corridor {a.strip()} → {b.strip()}")
    if region:
        try:
            regions = place_ids(region)
        except LiftwatchError as exc:
            raise fail(str(exc)) from None
        scope.append(f"region {region}")
    if watchlist is not None:
        kb = _kb()
        if kb is None:
            raise fail("--watchlist needs the knowledge base (liftwatch.kb)")
        try:
            matched = kb.load_watchlist(watchlist).match_flights(flights, only_matched=True)
        except LiftwatchError as exc:
            raise fail(str(exc)) from None
        flights = flights.filter(pl.col("flight_id").is_in(matched["flight_id"].unique().implode()))
        scope.append(f"watchlist {watchlist.name}")
    baseline_end = None
    if baseline_days:
        first = start or flights["first_ts"].min().date()  # type: ignore[union-attr]
        baseline_end = first + timedelta(days=baseline_days)
    claims = _check_articles(db, article or [])
    with err.status("building report…"):
        res = build_report(
            flights,
            out,
            start=start,
            end=end,
            title=title,
            scope=", ".join(scope) or "all flights",
            origin=origin,
            destination=destination,
            region=regions,
            baseline_end=baseline_end,
            attributions=_attributions(db),
            coverage="background" if coverage else None,
            tiles=tiles,
            claims=claims,
        )
    s = res.summary
    console.print(f"[bold]{s['flights']:,}[/bold] flights {s['start']} to {s['end']} ({s['scope']})")
    top = s["top_military_region_corridor"]
    if top:
        console.print(
            f"top military/state corridor: [bold]{s['top_military_region_corridor_name']}[/bold] "
            f"{top['flights_expected']:.1f} flights, {top['tonnes_expected']:.0f} t "
            f"({top['tonnes_low']:.0f}–{top['tonnes_high']:.0f})"
        )
    for alert in res.alerts:
        console.print(f"[red]alert[/red] ({alert.level}) {alert.summary}")
    console.print(f"report: {res.html}\nmap:    {res.map_html}")
    if s["flights"] == 0:
        raise typer.Exit(1)


def corridors_cmd(
    d_from: FromOpt = None,
    d_to: ToOpt = None,
    level: Annotated[str, typer.Option(help="site or region.")] = "region",
    by: Annotated[
        list[str] | None, typer.Option(help="Extra grouping: classification, country, operator, type_code.")
    ] = None,
    period: Annotated[str | None, typer.Option(help="day or week for a time series.")] = None,
    limit: Annotated[int, typer.Option(help="Rows to print.")] = 30,
    csv: Annotated[Path | None, typer.Option(help="Also write the whole table as CSV.")] = None,
    db: DbOption = DB_DEFAULT,
) -> None:
    """Print the corridor table (expected flights incl. dark-ending probabilities, tonnage)."""
    from liftwatch.analytics import corridors
    from liftwatch.report.exports import flat_table

    if level not in ("site", "region"):
        raise fail("--level must be site or region")
    if period not in (None, "day", "week"):
        raise fail("--period must be day or week")
    keys = by or ["classification"]
    bad = [k for k in keys if k not in ("classification", "country", "operator", "type_code", "domain")]
    if bad:
        raise fail(f"--by cannot group by {bad}")
    flights = _load_flights(db)
    start, end = _days(d_from, d_to)
    if start:
        flights = flights.filter(pl.col("first_ts").dt.date() >= start)
    if end:
        flights = flights.filter(pl.col("first_ts").dt.date() < end)
    if flights.is_empty():
        raise fail("no flights in this window", code=1)
    table = corridors(flights, level=level, by=keys, period=period)  # type: ignore[arg-type]
    if csv is not None:
        flat_table(table).write_csv(csv)
    t = Table(title=f"corridors ({level})")
    cols = ["corridor", *keys, *([period] if period else [])]
    for c in cols:
        t.add_column(c)
    for c in ("expected", "best", "dark", "airframes", "tonnes", "range t", "unknown type", "returns"):
        t.add_column(c, justify="right")
    for r in table.head(limit).iter_rows(named=True):
        t.add_row(
            *[str(r[c] if r[c] is not None else "") for c in cols],
            f"{r['flights_expected']:.1f}",
            f"{r['flights_top1']}",
            f"{r['flights_dark_expected']:.1f}",
            f"{r['assets']}",
            f"{r['tonnes_expected']:.0f}",
            f"{r['tonnes_low']:.0f}–{r['tonnes_high']:.0f}",
            f"{r['unknown_type_flights']:.1f}",
            f"{r['return_flights']:.1f}",
        )
    console.print(t)


def register(app: typer.Typer) -> None:
    app.command("report")(report)
    app.command("corridors")(corridors_cmd)
