"""`liftwatch demo`: the whole pipeline on the bundled scenario, in one command (what `make demo` runs).

ingest (readsb traces, AIS) -> flights and voyages -> corridors, lift, surge -> claim check of the founding
article -> HTML report with offline map. Everything it needs ships inside the package.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from liftwatch.cli.common import App, console, err


def _headline(summary: dict[str, Any]) -> Table:
    table = Table(title="top military corridors", show_header=True)
    table.add_column("level")
    table.add_column("corridor", no_wrap=True, min_width=22)
    for col in ("flights (expected)", "of which dark", "tonnes (low-high)", "airframes"):
        table.add_column(col)
    for level in ("region", "site"):
        c = summary.get(f"top_military_{level}_corridor")
        if not c:
            continue
        table.add_row(
            level,
            str(c["corridor"]),
            f"{c['flights_expected']:.1f} ± {c['flights_sd']:.1f}",
            f"{c['flights_dark_expected']:.1f}",
            f"{c['tonnes_expected']:.0f} ({c['tonnes_low']:.0f}-{c['tonnes_high']:.0f})",
            str(c["assets"]),
        )
    return table


def demo(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (replaced).")] = Path("liftwatch-demo"),
    scenario: Annotated[
        Path | None, typer.Option(help="Scenario folder (default: the one bundled with liftwatch).")
    ] = None,
) -> None:
    """Run ingest -> flights -> corridors -> claim check -> report on the bundled scenario."""
    from liftwatch.demo import run_demo

    with Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.completed:,}"),
        TimeElapsedColumn(),
        console=err,
        transient=True,
    ) as progress:
        files = progress.add_task("ingest files", total=None)
        points = progress.add_task("flights (points)", total=None, visible=False)

        def on_points(n: int) -> None:
            progress.update(points, visible=True)
            progress.advance(points, n)

        res = run_demo(out, scenario, on_file=lambda _p: progress.advance(files), on_points=on_points)
    report = res.report
    console.print(
        f"ingested {res.ingest.rows_added:,} points from {res.ingest.files} files; "
        f"{res.build.flights + res.build.voyages:,} flights and voyages"
    )
    console.print(_headline(report.summary))
    for alert in report.alerts[:5]:
        console.print(f"[yellow]alert[/yellow] {escape(alert.summary)}")
    for r in res.claims.results:
        console.print(
            f"claim {r.claim.claim_id}: {escape(r.claim.summary())}\n  -> [bold]{r.verdict}[/bold]: "
            + escape("; ".join(r.reasons[:2]))
        )
    console.print(f"report: {report.html}\nmap:    {report.map_html}\ndatabase: {res.db}")


def register(app: App) -> None:
    app.command()(demo)
