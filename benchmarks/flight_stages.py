"""CPU seconds per stage of the flights build on one partition, as a worker runs it (one Polars thread).

Spills an e2e store (``benchmarks/tracks.py --store``) into partitions, loads one and runs pass 1 and pass 2
on it with each kernel wrapped in a CPU timer (``time.process_time``: CPU of this process, so other jobs on a
shared machine do not inflate it). Usage::

    POLARS_MAX_THREADS=1 .venv/bin/python benchmarks/flight_stages.py STORE.duckdb --partitions 16 --index 0

Figures are CPU seconds per million points of the partition; ``docs/benchmarks.md`` lists them per release.
"""

from __future__ import annotations

import argparse
import functools
import shutil
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

TIMES: dict[str, float] = defaultdict(float)


def _timed(name: str, fn: Any) -> Any:
    @functools.wraps(fn)
    def wrapper(*a: Any, **k: Any) -> Any:
        t0 = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            TIMES[name] += time.process_time() - t0

    return wrapper


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("store", type=Path)
    ap.add_argument("--partitions", type=int, default=None)
    ap.add_argument("--index", type=int, default=0, help="which partition to profile")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()

    import liftwatch
    from liftwatch import partitions
    from liftwatch.tracks import coverage as cov_mod
    from liftwatch.tracks import partition as p1
    from liftwatch.tracks.coverage import Coverage
    from liftwatch.tracks.endings import decide_endings
    from liftwatch.tracks.flights import FlightBuilder

    for name in (
        "clean_points",
        "segment",
        "flight_summary",
        "endpoint_frame",
        "infer_sites",
        "surface_ends",
        "rank_sites",
        "_with_field_elevation",
        "_classify",
        "flight_keys",
        "_add_edges",
        "_neighbours",
    ):
        setattr(p1, name, _timed(name, getattr(p1, name)))
    cov_mod.Coverage.add = _timed("coverage.add", cov_mod.Coverage.add)  # type: ignore[method-assign]

    tmp = tempfile.mkdtemp(prefix="lw-stages-")
    try:
        with liftwatch.open(args.store) as lw:
            lw.store.con.execute("SET memory_limit = '1GB'")
            t0 = time.process_time()
            w0 = time.perf_counter()
            specs = partitions.spill_store(lw.store, tmp, args.partitions, domain="air")
            spill = time.process_time() - t0
            spill_wall = time.perf_counter() - w0
            total = sum(s.rows for s in specs)
        print(
            f"spill: {total:,} points in {len(specs)} partitions, {spill:.1f} CPU s of this process "
            f"({spill / total * 1e6:.2f} CPU s per M; DuckDB threads included), {spill_wall:.1f} s wall"
        )
        spec = specs[args.index]
        builder = FlightBuilder()
        for _ in range(args.repeat):
            TIMES.clear()
            t0 = time.process_time()
            pts = partitions.load_partition(spec)
            TIMES["load+sort"] += time.process_time() - t0
            t0 = time.process_time()
            part = p1.pass1(pts, builder.context, Coverage())
            TIMES["pass1 total"] += time.process_time() - t0
            builder.add_part(part, flights_path=None) if False else None
            cov = part.coverage
            _ = cov.seen
            assert part.flights is not None
            t0 = time.process_time()
            decide_endings(part.flights, cov, part.span)
            TIMES["pass2 (own coverage)"] += time.process_time() - t0
            m = pts.height / 1e6
            print(f"partition {spec.index}: {pts.height:,} points, {part.flights.height:,} flights")
            for k, v in TIMES.items():
                print(f"  {k:>22}: {v:6.2f} CPU s  {v / m:5.2f} per M points")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
