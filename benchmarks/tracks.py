"""Tracks benchmark: liftwatch's flight pipeline vs traffic (xoolive) on the same simulated points.

Run with ``make bench-tracks`` (creates ``.venv-bench`` with ``traffic`` and ``pandas<3``, which traffic 2.13
needs, plus this project). traffic is *not* a project dependency.

Both tools get the same canonical points from ``liftwatch.sim`` (cached as Parquet under ``bench-out/``) and
the same site list (``kb.sites()``, handed to traffic as its airport database, so neither has an advantage
in what it knows):

* traffic: ``Traffic.iterate(on=["icao24"])`` (per airframe, as liftwatch, so callsign changes do not hurt
  it), ``Flight.split("10 min")``, ``infer_airport("takeoff"/"landing")`` (nearest airport to the first /
  last point: its documented method);
* liftwatch: ``build_flights`` (clean, split, sites, dark/out-of-coverage, ranking).

Both results are scored by ``liftwatch.evaluation.tracks.metrics`` against the simulator's truth. Because
traffic is slow, ``--traffic-fraction`` runs it on a hash-sample of airframes (liftwatch is also timed on
that same sample, best of 3 runs, so the speed ratio compares like with like). The sample keeps every
military/state airframe (they carry the dark endings) plus a share of the civil ones.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import tempfile
import time
from pathlib import Path
from typing import Any

import polars as pl

from liftwatch.evaluation.tracks import metrics, observed_truth

OUT = Path("bench-out")


def _paths(days: int, seed: int, scale: float | None) -> tuple[Path, Path]:
    tag = f"tracks-d{days}-s{seed}" + (f"-x{scale:g}" if scale else "")
    return OUT / f"{tag}-points.parquet", OUT / f"{tag}-truth.parquet"


def load(days: int, seed: int, scale: float | None) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Simulated points and truth, generated once and cached as Parquet."""
    pp, tp = _paths(days, seed, scale)
    if pp.exists() and tp.exists():
        return pl.read_parquet(pp), pl.read_parquet(tp)
    from liftwatch import sim

    kw: dict[str, Any] = {"scale": scale} if scale else {}
    sc = sim.generate("syria-libya-airlift", days=days, seed=seed, **kw)
    OUT.mkdir(exist_ok=True)
    sc.points.write_parquet(pp)
    sc.truth_flights.write_parquet(tp)
    return sc.points, sc.truth_flights


def run_liftwatch(points: pl.DataFrame) -> tuple[pl.DataFrame, float]:
    from liftwatch.tracks import build_flights

    gc.collect()
    t0 = time.perf_counter()
    out = pl.from_arrow(build_flights(points))
    assert isinstance(out, pl.DataFrame)
    return out, time.perf_counter() - t0


def run_traffic(points: pl.DataFrame, sites: pl.DataFrame) -> tuple[pl.DataFrame, float]:
    import pandas as pd
    from traffic.core import Traffic
    from traffic.data.basic.airports import Airports

    df = (
        points.filter(pl.col("lat").is_not_null() & (pl.col("domain") == "air"))
        .select(
            pl.col("ts").alias("timestamp"),
            pl.col("asset_id").alias("icao24"),
            pl.col("callsign"),
            pl.col("lat").alias("latitude"),
            pl.col("lon").alias("longitude"),
            pl.col("alt_baro_ft").alias("altitude"),
            pl.col("gs_kt").alias("groundspeed"),
            pl.col("track_deg").alias("track"),
            pl.col("vrate_fpm").alias("vertical_rate"),
            pl.col("on_ground").alias("onground"),
        )
        .to_pandas()
    )
    air = sites.filter(pl.col("kind").is_in(["airport", "air_base", "airstrip", "heliport"]))
    airports = Airports(
        data=pd.DataFrame(
            {
                "icao": air["site_id"].to_list(),
                "iata": air["iata"].to_list(),
                "name": air["name"].to_list(),
                "country": air["country"].to_list(),
                "latitude": air["lat"].to_numpy(),
                "longitude": air["lon"].to_numpy(),
                "altitude": air["elevation_ft"].fill_null(0).to_numpy(),
            }
        )
    )
    gc.collect()
    t0 = time.perf_counter()
    rows = []
    for flight in Traffic(df).iterate(on=["icao24"]):
        for leg in flight.split("10 min"):
            if len(leg) < 3:
                continue
            dep = leg.infer_airport("takeoff", dataset=airports)
            arr = leg.infer_airport("landing", dataset=airports)
            rows.append((leg.icao24, leg.start, leg.stop, dep.icao, arr.icao, float(arr.distance) / 1000.0))
    elapsed = time.perf_counter() - t0
    out = pl.DataFrame(
        rows,
        schema={
            "asset_id": pl.String,
            "first_ts": pl.Datetime("us", "UTC"),
            "last_ts": pl.Datetime("us", "UTC"),
            "dep_site": pl.String,
            "arr_site": pl.String,
            "distance_km": pl.Float32,
        },
        orient="row",
    )
    out = out.with_columns(
        pl.lit("air").alias("domain"),
        pl.format("{}-{}", "asset_id", pl.col("first_ts").dt.strftime("%Y%m%dT%H%M%SZ")).alias("flight_id"),
        pl.lit("landed").alias("ending"),  # traffic has no notion of an airborne ending
        pl.concat_list(
            pl.struct(pl.col("arr_site").alias("site_id"), pl.lit(1.0, pl.Float32).alias("prob"), "distance_km")
        ).alias("arr_candidates"),
    )
    return out, elapsed


class TreeMemory:
    """Peak of the summed RSS of this process and its children (worker processes), sampled every 0.1 s:
    ``ru_maxrss`` only knows the largest single process."""

    def __init__(self) -> None:
        import threading

        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import psutil

        me = psutil.Process()
        while not self._stop.is_set():
            total = 0
            for p in [me, *me.children(recursive=True)]:
                with contextlib.suppress(psutil.Error):
                    total += p.memory_info().rss
            self.peak = max(self.peak, total)
            self._stop.wait(0.1)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def cpu_seconds() -> float:
    """CPU time (user + system) of this process and its finished children (worker processes)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def make_store(points_path: Path, target: int, db: Path | None = None) -> Path:
    """``bench-out/e2e-Nx.duckdb`` (or ``db``): the cached sim points tiled N times (renamed airframes),
    >= ``target`` rows. An existing ``db`` is used as it is (build it once, e.g. outside a work tree)."""
    import duckdb

    from liftwatch import store_layout as layout
    from liftwatch.schema import POINT_COLUMNS
    from liftwatch.store import Store

    if db is not None and db.exists():
        return db
    n_src = pl.scan_parquet(points_path).select(pl.len()).collect().item()
    copies = max(1, -(-target // n_src))
    if db is None:
        db = OUT / f"e2e-{copies}x.duckdb"
    db.parent.mkdir(parents=True, exist_ok=True)
    if not db.exists():
        t0 = time.perf_counter()
        Store(db).close()
        con = duckdb.connect(str(db))
        cols = ", ".join(
            c if c != "asset_id" else "asset_id || '-' || CAST(k AS VARCHAR) AS asset_id" for c in POINT_COLUMNS
        )
        for k in range(copies):
            layout.insert_select(
                con,
                f"SELECT {cols}, hash(asset_id, ts, lat, lon, k) AS row_key FROM "
                f"(SELECT *, {k} AS k FROM read_parquet('{points_path}'))",
            )
        con.close()
        print(f"set-up: {copies} copies into {db} in {time.perf_counter() - t0:.0f} s")
    return db


def end_to_end(
    points_path: Path,
    target: int,
    partitions: int | None,
    workers: str = "1",
    dask: str | None = None,
    save: Path | None = None,
    store: Path | None = None,
) -> None:
    """Store -> flights on >= ``target`` points: the cached sim points tiled with renamed airframes.

    Tiling keeps the traffic realistic (same routes, gaps, dark endings) while multiplying airframes; the
    rows are inserted into a DuckDB store with SQL (set-up, not timed), then ``LiftWatch.build`` (spill, pass 1
    per partition on the workers, coverage, pass 2, flights written to the store) is timed, with wall time,
    CPU seconds of all processes and the peak of their summed RSS. ``save`` writes the flights for comparison.
    """
    import psutil

    import liftwatch

    db = make_store(points_path, target, store)
    n_workers: int | str = int(workers) if workers.isdigit() else workers
    with liftwatch.open(db) as lw:
        # DuckDB would otherwise cache up to 80 % of RAM in its buffer pool; the pipeline needs little of it
        lw.store.con.execute("SET memory_limit = '1GB'")
        n = lw.count_points()
        load0 = os.getloadavg()[0]
        mem = TreeMemory()
        c0, t0 = cpu_seconds(), time.perf_counter()
        summary = lw.build(voyages=False, partitions=partitions, workers=n_workers, dask=dask)  # type: ignore[arg-type]
        t1, c1 = time.perf_counter(), cpu_seconds()
        peak = mem.stop()
        if save is not None:
            lw.store.con.execute(
                f"COPY (SELECT * FROM flights WHERE domain = 'air' ORDER BY flight_id) TO '{save}' (FORMAT parquet)"
            )
    rep = summary.flights_report
    print(
        f"end-to-end: {n:,} points -> {summary.flights:,} flights stored in {t1 - t0:.0f} s wall, "
        f"{c1 - c0:.0f} CPU s ({n / (t1 - t0) / 1e6:.2f} M points/s; {n / max(c1 - c0, 1e-9) / 1e6:.2f} M points "
        f"per CPU second), peak RSS (all processes) {peak / 1024**3:.2f} GB, {rep.partitions} partitions, "
        f"{summary.backend}; load average {load0:.1f} before, {os.getloadavg()[0]:.1f} after "
        f"({psutil.cpu_count()} cores)"
    )
    print(f"endings: {dict(sorted(rep.endings.items()))}")


def compare_flights(got: pl.DataFrame, ref: pl.DataFrame) -> str:
    """One line: whether two flights tables are identical in every column, else which columns differ."""
    got, ref = got.sort("flight_id"), ref.sort("flight_id")
    if got.equals(ref):
        return f"flights identical to the reference: True ({got.height:,} flights, every column)"
    if got.height != ref.height or not got["flight_id"].equals(ref["flight_id"]):
        return f"flights identical to the reference: False ({got.height:,} vs {ref.height:,} flights)"
    bad = []
    for c in ref.columns:
        if c not in got.columns:
            bad.append(f"{c} (missing)")
        elif not got[c].equals(ref[c]):
            n = got.height if got[c].dtype != ref[c].dtype else int((~got[c].eq_missing(ref[c])).sum())
            bad.append(f"{c} on {n:,} flights")
    return f"flights identical to the reference: False (same {got.height:,} flight ids; differ: {', '.join(bad)})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scale", type=float, default=None, help="sim traffic scale (pick it for >= 10 M points)")
    ap.add_argument("--traffic-fraction", type=float, default=0.05, help="share of civil airframes traffic runs on")
    ap.add_argument("--no-traffic", action="store_true")
    ap.add_argument("--e2e-points", type=int, default=0, help="also run store -> flights on this many points")
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--workers", default="1", help="e2e: worker processes (a number or 'auto')")
    ap.add_argument("--dask", default=None, help="e2e: Dask scheduler address, or 'local'")
    ap.add_argument("--save-flights", type=Path, default=None, help="e2e: write the built flights here (Parquet)")
    ap.add_argument("--store", type=Path, default=None, help="e2e: the tiled store's path (built there once if absent)")
    ap.add_argument("--compare", type=Path, default=None, help="e2e: flights (Parquet) the result must equal")
    args = ap.parse_args()
    from liftwatch import kb

    if args.e2e_points:  # its own process: peak RSS then measures the pipeline, not the benchmark's set-up
        pp = _paths(args.days, args.seed, args.scale)[0]
        if not pp.exists() and not (args.store is not None and args.store.exists()):
            load(args.days, args.seed, args.scale)
        save = args.save_flights
        if args.compare is not None and save is None:
            save = Path(tempfile.mkdtemp(prefix="lw-e2e-")) / "flights.parquet"
        end_to_end(pp, args.e2e_points, args.partitions, args.workers, args.dask, save, args.store)
        if args.compare is not None and save is not None:
            print(compare_flights(pl.read_parquet(save), pl.read_parquet(args.compare)))
            if args.save_flights is None:  # the flights were only kept for the comparison
                import shutil

                shutil.rmtree(save.parent, ignore_errors=True)
        return
    points, truth = load(args.days, args.seed, args.scale)
    print(f"points: {points.height:,}  true flights: {truth.height:,}")
    full, t_full = run_liftwatch(points)
    m_full = metrics(full, observed_truth(truth, points))
    print(f"liftwatch, all points: {t_full:.1f} s ({points.height / t_full / 1e6:.2f} M points/s)")
    _print("liftwatch (all)", m_full)
    if args.no_traffic:
        return
    # every military/state airframe (the dark endings) plus a hash-sample of the civil ones
    k = max(1, round(1 / args.traffic_fraction))
    mil = truth.filter(pl.col("classification") != "civil")["asset_id"].unique().implode()
    sample = points.filter(pl.col("asset_id").is_in(mil) | (pl.col("asset_id").hash(seed=0) % k == 0))
    t_sample = truth.filter(pl.col("asset_id").is_in(sample["asset_id"].unique().implode()))
    print(f"\nsample for the head-to-head: {sample.height:,} points (military/state airframes + 1/{k} of civil)")
    runs = [run_liftwatch(sample) for _ in range(3)]  # best of 3: the machine is shared
    lw, t_lw = runs[0][0], min(t for _, t in runs)
    tr, t_tr = run_traffic(sample, kb.sites())
    obs = observed_truth(t_sample, sample)
    _print("liftwatch (sample)", metrics(lw, obs))
    _print("traffic (sample)", metrics(tr, obs))
    print(
        f"\ntime on the sample: liftwatch {t_lw:.2f} s (best of 3), traffic {t_tr:.1f} s "
        f"-> liftwatch {t_tr / t_lw:.0f}x faster"
    )


def _print(name: str, m: dict[str, Any]) -> None:
    def pct(v: Any) -> str:
        return "n/a" if v is None else f"{100 * v:.1f}%"

    print(
        f"{name:>20}: flights {m['built_flights']} vs truth {m['truth_observed']} ({pct(m['count_error'])}), "
        f"dep {pct(m['dep_acc'])}, arr {pct(m['arr_acc'])}, dark top1 {pct(m['dark_top1'])} "
        f"top3 {pct(m['dark_top3'])}, dark-vs-ooc {pct(m['dark_vs_ooc_acc'])}"
    )


if __name__ == "__main__":
    main()
