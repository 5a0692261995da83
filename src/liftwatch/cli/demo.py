"""`liftwatch demo`: the whole pipeline on the bundled scenario, in one command (what `make demo` runs).

ingest (readsb traces, AIS) -> flights and voyages -> corridors, lift, surge -> claim check of the founding
article -> HTML report with offline map. Everything it needs ships inside the package.
"""

from __future__ import annotations

import importlib
import importlib.util
import json
import shutil
from datetime import date, datetime
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from liftwatch.cli.common import console, err
from liftwatch.store import Store

FOUNDING_ARTICLE = "russia_syria_libya_transfer.txt"


def _inputs(folder: Path) -> list[Path]:
    """Observation files of a scenario folder (truth tables and metadata are not inputs)."""
    traces = sorted((folder / "traces").rglob("trace_full_*.json*")) if (folder / "traces").exists() else []
    others = [folder / name for name in ("ais.nmea",) if (folder / name).exists()]
    return traces + others


def _save_ais_static(store: Store, path: Path) -> None:
    from liftwatch.io.ais_nmea import read_static
    from liftwatch.sea.static_store import save_static

    save_static(store, read_static(str(path)))


def _build_tracks(store: Store, progress: Progress) -> int:
    from liftwatch.tracks import store_flights

    task = progress.add_task("flights", total=None)
    n = store_flights(store, on_partition=lambda n: progress.advance(task, n))
    if importlib.util.find_spec("liftwatch.sea") is not None:  # sea side present in this version
        sea = importlib.import_module("liftwatch.sea.build")
        n += store.write_flights(sea.build_voyages(store))
    progress.remove_task(task)
    return n


def _claims(store: Store, publication: date) -> tuple[Any, list[Any]]:
    from liftwatch.claims import check_article

    text = (files("liftwatch") / "data" / "articles" / FOUNDING_ARTICLE).read_text(encoding="utf-8")
    return check_article(text, store, publication)


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
    from liftwatch import sim
    from liftwatch.report.builder import build_report

    folder = scenario or sim.default_scenario_path()
    inputs = _inputs(folder)
    if not inputs:
        err.print(f"[red]error:[/red] {folder}: no observation files found")
        raise typer.Exit(2)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    meta = json.loads((folder / "meta.json").read_text()) if (folder / "meta.json").exists() else {}
    db = out / "liftwatch.duckdb"
    with Store(db) as store:
        with Progress(
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed:,}"),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as progress:
            task = progress.add_task("ingest files", total=len(inputs))
            rows = 0
            for path in inputs:
                rep = store.ingest(path)
                rows += rep.rows_added
                if rep.format == "ais_nmea":  # ship names, IMO and declared destinations for the voyages
                    _save_ais_static(store, path)
                progress.advance(task)
            progress.remove_task(task)
            n_flights = _build_tracks(store, progress)
        pub = date.fromisoformat(meta["end"][:10]) if "end" in meta else datetime.now().date()
        _, results = _claims(store, pub)
        flights = store.flights()
    report = build_report(
        flights, out, title="liftwatch demo: Syria -> Libya airlift", claims=results, coverage="background"
    )
    console.print(f"ingested {rows:,} points from {len(inputs)} files; {n_flights:,} flights and voyages")
    console.print(_headline(report.summary))
    for alert in report.alerts[:5]:
        console.print(f"[yellow]alert[/yellow] {alert.summary}")
    for res in results:
        console.print(
            f"claim {res.claim.claim_id}: {res.claim.summary()}\n  -> [bold]{res.verdict}[/bold]: "
            + "; ".join(res.reasons[:2])
        )
    console.print(f"report: {report.html}\nmap:    {report.map_html}\ndatabase: {db}")


def register(app: typer.Typer) -> None:
    app.command()(demo)
