"""`liftwatch report` (HTML report, offline map, plots, exports) and `liftwatch corridors` (a corridor table)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.table import Table

from liftwatch.cli.common import DB_DEFAULT, App, DbOption, console, err, fail

if TYPE_CHECKING:
    from liftwatch.analytics.corridors import Level, Period

GROUP_BY = ("classification", "country", "operator", "type_code", "domain")

FromOpt = Annotated[
    datetime | None, typer.Option("--from", formats=["%Y-%m-%d"], help="First day (UTC). Default: first flight.")
]
ToOpt = Annotated[
    datetime | None,
    typer.Option("--to", formats=["%Y-%m-%d"], help="Last day (UTC, inclusive). Default: last flight."),
]


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
        bool,
        typer.Option(
            help="Normalise change detection by the civil traffic seen each day (receiver coverage); "
            "--no-coverage counts every observed day alike."
        ),
    ] = True,
    tiles: Annotated[
        bool, typer.Option(help="Add online OpenStreetMap tiles to the map (off: fully offline).")
    ] = False,
    article: Annotated[
        list[Path] | None,
        typer.Option(help="News text to claim-check against the data; its verdicts get a report section.", exists=True),
    ] = None,
) -> None:
    """Write the analyst's report: report.html, map.html (offline), plots, GeoJSON/KML/CSV/Parquet."""
    import liftwatch
    from liftwatch.report import write_report

    with liftwatch.open(db, read_only=True) as lw:
        analysis = lw.analyse(
            start=d_from,
            end=d_to,
            corridor=corridor,
            region=region,
            watchlist=watchlist,
            baseline_days=baseline_days,
            coverage=coverage,
            title=title,
            articles=article or [],
        )
        attributions = lw.store.attributions()  # the licences of the fetched sources go on every output
    with err.status("writing report…"):
        res = write_report(analysis, out, tiles=tiles, attributions=attributions)
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
        console.print(f"[red]alert[/red] ({alert.level}) {escape(alert.summary)}")
    console.print(f"report: {res.html}\nmap:    {res.map_html}")
    if s["flights"] == 0:
        raise typer.Exit(1)


def corridors_cmd(
    d_from: FromOpt = None,
    d_to: ToOpt = None,
    level: Annotated[str, typer.Option(help="site or region.")] = "region",
    by: Annotated[
        list[str] | None,
        typer.Option(
            help="Extra grouping, repeatable or comma-separated (--by type_code,country): classification, country, "
            "operator, type_code, domain. Default: classification."
        ),
    ] = None,
    period: Annotated[str | None, typer.Option(help="day or week for a time series.")] = None,
    limit: Annotated[int, typer.Option(help="Rows to print.")] = 30,
    csv: Annotated[Path | None, typer.Option(help="Also write the whole table as CSV.")] = None,
    db: DbOption = DB_DEFAULT,
) -> None:
    """Print the corridor table (expected flights incl. dark-ending probabilities, tonnage)."""
    import liftwatch
    from liftwatch.filters import validate_choice
    from liftwatch.report.exports import flat_table, neutralise_formulas

    lvl: Level = "site" if validate_choice("--level", level, ("site", "region")) == "site" else "region"
    per: Period = None
    if period is not None:
        per = "day" if validate_choice("--period", period, ("day", "week")) == "day" else "week"
    keys = [validate_choice("--by", k, GROUP_BY) for raw in (by or ["classification"]) for k in raw.split(",")]
    with liftwatch.open(db, read_only=True) as lw:
        table = lw.corridors(level=lvl, by=keys, period=per, start=d_from, end=d_to)
    if table.is_empty():
        raise fail("no flights in this window", code=1)
    if csv is not None:
        neutralise_formulas(flat_table(table)).write_csv(csv)
    t = Table(title=f"corridors ({lvl})")
    cols = ["corridor", *keys, *([per] if per else [])]
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


def register(app: App) -> None:
    app.command("report")(report)
    app.command("corridors")(corridors_cmd)
