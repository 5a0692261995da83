"""Trace ingest benchmark: many small readsb ``trace_full_<hex>.json.gz`` files, as in a globe_history day.

A globe_history day is ~50,000 gzip trace members of a few hundred points each (38 M points / 50 k members on a
late-2023 day), so the per-file cost matters as much as the per-point cost. This generates ``--files`` such files
(``--points`` points each, gzip, the real 14-element point layout with an aircraft object now and then) and times,
on the same files, in this one process, once each:

* ``liftwatch reader``: :func:`liftwatch.io.read` over every file (parse, validate, canonical Arrow tables);
* ``liftwatch ingest``: :func:`liftwatch.ingest.ingest_paths` into an empty DuckDB store end to end (reader,
  row keys, staging, de-duplication, ``ingested_files`` bookkeeping, commit), then again to show that a re-ingest
  adds nothing;
* ``duckdb read_json``: DuckDB's own JSON reader over the same files, unnesting the points into time, lat, lon,
  altitude, speed and track columns fetched as one Arrow table (no validation, no de-duplication, no store);
* ``json.load loop``: ``gzip.open`` + ``json.load`` per file and a Python loop appending one tuple per point,
  what users write today (no validation, no columns, no store).

Threads are limited to one (Polars, Arrow, DuckDB), so CPU seconds are the single-core figure.

    python benchmarks/traces.py                       # 3,000 files x 300 points = 0.9 M points
    python benchmarks/traces.py --files 500 --points 200
"""

from __future__ import annotations

import os

os.environ.setdefault("POLARS_MAX_THREADS", "1")

import argparse
import gzip
import json
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

T0 = 1_717_200_000  # 2024-06-01


def generate(root: Path, files: int, points: int, seed: int = 11) -> list[Path]:
    """``traces/<xx>/trace_full_<hex>.json.gz``: one gzip file per airframe, readsb's point layout."""
    rng = np.random.default_rng(seed)
    out: list[Path] = []
    for f in range(files):
        hexid = f"{0x150000 + f:06x}"
        k = points
        dt = np.round(np.arange(k) * 4.0 + rng.uniform(0, 0.9, k), 2).tolist()
        lat = np.round(rng.uniform(25, 45) + np.arange(k) * 0.0005, 5).tolist()
        lon = np.round(rng.uniform(5, 45) + np.arange(k) * 0.0007, 5).tolist()
        alt = (np.arange(k) * 25 % 40_000).tolist()
        pts: list[list[object]] = [
            [d, a, o, h, 420.5, 245.3, 0, -64, None, "adsb_icao", h + 350, -64, 280, 0.0]
            for d, a, o, h in zip(dt, lat, lon, alt, strict=True)
        ]
        for i in range(0, k, 50):  # readsb writes the aircraft object every so often
            pts[i][8] = {"type": "adsb_icao", "flight": f"RFF{f % 9000:04d}", "squawk": "1234", "category": "A5"}
        doc = {"icao": hexid, "r": f"RA-{f:05d}", "t": "IL76", "dbFlags": 1, "timestamp": T0 + f, "trace": pts}
        d = root / "traces" / hexid[-2:]
        d.mkdir(parents=True, exist_ok=True)
        p = d / f"trace_full_{hexid}.json.gz"
        p.write_bytes(gzip.compress(json.dumps(doc, separators=(",", ":")).encode(), compresslevel=6, mtime=0))
        out.append(p)
    return sorted(out)


def timed(fn: Callable[[], int]) -> tuple[int, float, float]:
    w0, c0 = time.perf_counter(), time.process_time()
    n = fn()
    return n, time.perf_counter() - w0, time.process_time() - c0


def run_reader(files: list[Path]) -> int:
    from liftwatch import io as lio
    from liftwatch.io.base import RejectLog

    rows = 0
    for p in files:
        for t in lio.read(p, format="readsb_trace", rejects=RejectLog()):
            rows += t.num_rows
    return rows


def run_ingest(files: list[Path], db: Path) -> tuple[int, int]:
    from liftwatch.ingest import ingest_paths
    from liftwatch.store import Store

    with Store(db) as store:
        store.con.execute("SET threads TO 1")
        run = ingest_paths(store, files, format="readsb_trace")
        added = sum(r.rows_added for r in run.reports)
        n_files = store.sql("SELECT count(*) AS n FROM ingested_files")["n"][0]
        assert n_files == len(files), (n_files, len(files))
        return added, sum(r.rows_read for r in run.reports)


def run_duckdb(root: Path) -> int:
    import duckdb

    con = duckdb.connect()
    con.execute("SET threads TO 1")
    glob = str(root / "traces" / "*" / "trace_full_*.json.gz")
    sql = f"""
        SELECT icao, to_timestamp(timestamp + CAST(t->>'$[0]' AS DOUBLE)) AS ts,
               CAST(t->>'$[1]' AS DOUBLE) AS lat, CAST(t->>'$[2]' AS DOUBLE) AS lon,
               t->>'$[3]' AS alt, TRY_CAST(t->>'$[4]' AS DOUBLE) AS gs, TRY_CAST(t->>'$[5]' AS DOUBLE) AS track
        FROM (SELECT icao, timestamp, unnest(trace) AS t
              FROM read_json('{glob}', columns = {{icao: 'VARCHAR', timestamp: 'DOUBLE', trace: 'JSON[]'}},
                             compression = 'gzip', format = 'auto'))
    """
    return int(con.sql(sql).to_arrow_table().num_rows)


def run_json_loop(files: list[Path]) -> int:
    rows: list[tuple[object, ...]] = []
    for p in files:
        with gzip.open(p, "rt") as fh:
            doc = json.load(fh)
        ts0 = doc["timestamp"]
        for pt in doc["trace"]:
            rows.append((doc["icao"], ts0 + pt[0], pt[1], pt[2], pt[3], pt[4], pt[5]))
    return len(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=3000, help="trace files (default 3,000)")
    ap.add_argument("--points", type=int, default=300, help="points per file (default 300)")
    ap.add_argument("--only", default="reader,ingest,duckdb,json", help="subset of reader,ingest,duckdb,json")
    args = ap.parse_args()
    import pyarrow as pa

    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    only = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="lw-bench-traces-") as tmp:
        root = Path(tmp)
        files = generate(root, args.files, args.points)
        mib = sum(p.stat().st_size for p in files) / 2**20
        print(f"{len(files):,} files, {len(files) * args.points:,} points, {mib:.1f} MiB gzip")
        print("| run | points | wall s | CPU s | M points/s (CPU) | ms per file (CPU) |")
        print("|---|---:|---:|---:|---:|---:|")
        results: dict[str, float] = {}

        def show(name: str, n: int, wall: float, cpu: float) -> None:
            results[name] = cpu
            print(f"| {name} | {n:,} | {wall:.2f} | {cpu:.2f} | {n / cpu / 1e6:.2f} | {cpu * 1e3 / len(files):.2f} |")

        if "reader" in only:
            show("liftwatch reader", *timed(lambda: run_reader(files)))
        if "ingest" in only:
            db = root / "bench.duckdb"
            got: dict[str, int] = {}

            def first() -> int:
                got["added"], got["read"] = run_ingest(files, db)
                return got["read"]

            show("liftwatch ingest (reader + store)", *timed(first))
            again: dict[str, int] = {}

            def second() -> int:
                again["added"], again["read"] = run_ingest(files, db)
                return got["read"]

            _, w2, _ = timed(second)
            print(f"re-ingest of the same files: {again['added']} rows added, {w2:.2f} s wall")
            if again["added"] != 0:
                raise SystemExit("re-ingest added rows: idempotence broken")
        if "duckdb" in only:
            show("duckdb read_json", *timed(lambda: run_duckdb(root)))
        if "json" in only:
            show("json.load loop", *timed(lambda: run_json_loop(files)))
        base = results.get("liftwatch ingest (reader + store)")
        if base:
            for name, cpu in results.items():
                print(f"{name}: {cpu / base:.2f}x the CPU time of liftwatch ingest")


if __name__ == "__main__":
    main()
