"""Scaling benchmark: the flights build on 1 and N local worker processes and on a Dask cluster of 1 and N
workers, same store, same flights (checked), wall time, CPU seconds of all processes and summed peak RSS.

Each variant runs ``benchmarks/tracks.py --e2e-points`` in its own process on a fresh copy of the store (a
build replaces the flights, so every variant starts from the same state), then the flights of every variant
are compared with the first. Usage::

    .venv/bin/python benchmarks/scale.py --points 10000000 --workers 2
    .venv/bin/python benchmarks/scale.py --points 10000000 --workers 2 --dask   # also Dask local clusters

Per-core throughput (points per CPU second) from these runs is what ``docs/scale.md`` projects a year of
global ADS-B with.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import polars as pl

HERE = Path(__file__).resolve().parent
OUT = Path("bench-out")


def run(db: Path, points: int, workers: str, dask: str | None, days: int, seed: int, scale: float) -> tuple[str, Path]:
    """One variant in a scratch folder holding a copy of the store; returns its report line and flights."""
    tag = f"w{workers}" + ("-dask" if dask else "")
    work = Path(tempfile.mkdtemp(prefix=f"lw-scale-{tag}-"))
    (work / "bench-out").mkdir()
    for p in OUT.glob(f"tracks-d{days}-s{seed}-x{scale:g}-*.parquet"):
        (work / "bench-out" / p.name).symlink_to(p.resolve())
    shutil.copy(db, work / "bench-out" / db.name)
    flights = work / "flights.parquet"
    cmd = [
        sys.executable,
        str(HERE / "tracks.py"),
        *("--days", str(days), "--seed", str(seed), "--scale", f"{scale:g}"),
        *("--e2e-points", str(points), "--workers", workers, "--save-flights", str(flights)),
        *(("--dask", dask) if dask else ()),
    ]
    out = subprocess.run(cmd, cwd=work, check=True, capture_output=True, text=True).stdout
    line = next(ln for ln in out.splitlines() if ln.startswith("end-to-end"))
    return f"{tag}: {line}", flights


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--points", type=int, default=10_000_000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--dask", action="store_true", help="also Dask local clusters of 1 and N workers")
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--scale", type=float, default=42)
    args = ap.parse_args()
    sys.path.insert(0, str(HERE))
    import tracks

    pp = tracks._paths(args.days, args.seed, args.scale)[0]
    if not pp.exists():
        tracks.load(args.days, args.seed, args.scale)
    db = tracks.make_store(pp, args.points)
    variants: list[tuple[str, str | None]] = [("1", None), (str(args.workers), None)]
    if args.dask:
        variants += [("1", "local"), (str(args.workers), "local")]
    ref: pl.DataFrame | None = None
    for workers, dask in variants:
        line, path = run(db, args.points, workers, dask, args.days, args.seed, args.scale)
        got = pl.read_parquet(path).sort("flight_id")
        same = ref is None or got.equals(ref)
        ref = got if ref is None else ref
        print(f"{line} | flights identical to the first variant: {same}", flush=True)
        shutil.rmtree(path.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
