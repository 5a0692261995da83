"""`liftwatch sim`: generate a scenario with ground truth in every supported input format."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from liftwatch.cli.common import App, console, err


def sim(
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder (created).")] = Path("liftwatch-sim"),
    scenario: Annotated[str, typer.Option(help="Scenario name.")] = "syria-libya-airlift",
    days: Annotated[int, typer.Option(min=1, max=120, help="Days to simulate.")] = 14,
    seed: Annotated[int, typer.Option(help="Random seed (same seed, same bytes).")] = 7,
    scale: Annotated[float, typer.Option(min=0.05, help="Multiplier of background civil traffic.")] = 1.0,
    cadence: Annotated[float, typer.Option(min=1.0, help="Seconds between observed aircraft points.")] = 20.0,
    formats: Annotated[
        str,
        typer.Option(
            help="Comma-separated: opensky_csv,opensky_parquet,readsb_trace,aircraft_json,sbs,ais_nmea,modes_hex"
        ),
    ] = "opensky_csv,opensky_parquet,readsb_trace,aircraft_json,sbs,ais_nmea,modes_hex",
) -> None:
    """Simulate airlift sorties, charters, civil traffic and ship voyages, observed by a receiver network."""
    from liftwatch import sim as simulator

    fmts = tuple(f.strip() for f in formats.split(",") if f.strip())
    bad = [f for f in fmts if f not in simulator.FORMATS]
    if bad:
        err.print(f"[red]error:[/red] unknown format(s) {', '.join(bad)}; known: {', '.join(simulator.FORMATS)}")
        raise typer.Exit(2)
    with console.status(f"simulating {days} days of {scenario} (seed {seed})"):
        sc = simulator.generate(scenario, days=days, seed=seed, scale=scale, cadence_s=cadence)
    with console.status(f"writing {', '.join(fmts)}"):
        paths = simulator.write(sc, out, fmts)
    tf = sc.truth_flights
    mil = tf.filter(tf["classification"] == "military")
    console.print(
        f"{sc.points.height:,} points, {tf.height:,} flights/voyages "
        f"({mil.height} military, {int((mil['ending'] == 'dark').sum())} dark); surge from {sc.meta['surge_start']}"
    )
    for fmt, ps in paths.items():
        console.print(f"  {fmt}: {len(ps)} file(s) under {out}")


def register(app: App) -> None:
    app.command()(sim)
