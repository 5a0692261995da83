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
    kinds: Annotated[
        str,
        typer.Option(
            help="Extra flight kinds, comma-separated: helicopter,patrol,isr_orbit,tanker_orbit,carrier,overflight; "
            "'all' or 'none'."
        ),
    ] = "all",
    reception: Annotated[
        str, typer.Option(help="realistic (per-receiver range, fading rim) or ideal (one 250 NM hard edge).")
    ] = "realistic",
    receivers: Annotated[
        str | None, typer.Option(help="Only these receivers, comma-separated (e.g. Paphos); default all.")
    ] = None,
    crop: Annotated[
        str | None,
        typer.Option(help="Deliver only points in a box: LAT_MIN,LON_MIN,LAT_MAX,LON_MAX or LAT,LON,KM."),
    ] = None,
    runways: Annotated[
        str,
        typer.Option(
            help="ourairports (take off and land on the sites' bundled OurAirports runways) or gazetteer "
            "(the site's reference point; the shipped demo bundle)."
        ),
    ] = "ourairports",
) -> None:
    """Simulate airlift sorties, charters, civil traffic, helicopters, patrols, orbits, carrier operations,
    overflights and ship voyages, observed by a receiver network."""
    from liftwatch import sim as simulator
    from liftwatch.errors import LiftwatchError
    from liftwatch.sim.coverage import Crop

    fmts = tuple(f.strip() for f in formats.split(",") if f.strip())
    bad = [f for f in fmts if f not in simulator.FORMATS]
    if bad:
        err.print(f"[red]error:[/red] unknown format(s) {', '.join(bad)}; known: {', '.join(simulator.FORMATS)}")
        raise typer.Exit(2)
    opts: dict[str, object] = {"reception": reception, "runways": runways}
    if kinds != "all":
        opts["kinds"] = () if kinds == "none" else tuple(k.strip() for k in kinds.split(",") if k.strip())
    if receivers:
        opts["receivers"] = tuple(r.strip() for r in receivers.split(",") if r.strip())
    try:
        if crop:
            opts["crop"] = Crop.parse(crop)
        with console.status(f"simulating {days} days of {scenario} (seed {seed})"):
            sc = simulator.generate(scenario, days=days, seed=seed, scale=scale, cadence_s=cadence, **opts)  # type: ignore[arg-type]
    except LiftwatchError as exc:
        err.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from None
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
