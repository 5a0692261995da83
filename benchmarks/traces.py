"""Trace ingest benchmark: many small readsb ``trace_full_<hex>.json.gz`` files, as in a globe_history day.

A globe_history day is ~50,000 gzip trace members of a few hundred points each (38 M points / 50 k members on a
late-2023 day), so the per-file cost matters as much as the per-point cost. This generates ``--files`` such files
(``--points`` points each, gzip, the real 14-element point layout with an aircraft object now and then) and times,
on the same files, each run in its own spawned process (its own CPU time and peak memory):

* ``reader``: :func:`liftwatch.io.read` over every file, one by one (parse, validate, canonical Arrow tables);
* ``ingest``: :func:`liftwatch.ingest.ingest_paths` (what ``liftwatch ingest`` runs) into an empty DuckDB store
  end to end in one thread (``workers=0``: parse, validation, row keys, de-duplication, ``ingested_files``,
  commits); ``ingest-detect`` the same with the format detected per file; ``reingest`` again over the same
  store (must add nothing); ``ingest-w1`` with a parse thread of the storing process (the default on two
  cores), ``ingest-wN`` (N >= 2) with N worker processes parsing while the main process stores;
* ``duckdb``: DuckDB's own ``read_json`` over the same files, unnesting the points into time, lat, lon,
  altitude, speed and track columns fetched as one Arrow table (no validation, no de-duplication, no store);
* ``json``: ``gzip.open`` + ``json.load`` per file and a Python loop appending one tuple per point, what users
  write today (no validation, no columns, no store).

Threads are limited to one per process (Polars, Arrow, DuckDB), so CPU seconds (worker processes included)
are the single-core figure; wall seconds depend on the machine's load, printed with the results.

    python benchmarks/traces.py                       # 3,000 files x 300 points = 0.9 M points
    python benchmarks/traces.py --files 50000 --points 760 --keep /data/bench-day --only ingest,ingest-w2
"""

from __future__ import annotations

import os

os.environ.setdefault("POLARS_MAX_THREADS", "1")

import argparse
import gzip
import json
import multiprocessing as mp
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

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


def run_reader(files: list[Path]) -> int:
    from liftwatch import io as lio
    from liftwatch.io.base import RejectLog

    rows = 0
    for p in files:
        for t in lio.read(p, format="readsb_trace", rejects=RejectLog()):
            rows += t.num_rows
    return rows


def run_ingest(files: list[Path], db: Path, workers: int, detect: bool = False) -> int:
    """``liftwatch ingest`` end to end into ``db`` (format detected per file when ``detect``); rows added."""
    from liftwatch.ingest import ingest_paths
    from liftwatch.store import Store

    with Store(db) as store:
        store.con.execute("SET threads TO 1")
        run = ingest_paths(store, files, format=None if detect else "readsb_trace", workers=workers)
        if run.failures:
            raise SystemExit(f"ingest failed: {run.failures[:3]}")
        n_files = store.sql("SELECT count(*) AS n FROM ingested_files")["n"][0]
        assert n_files == len(files), (n_files, len(files))
        return run.rows_added


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


# --- one measurement per spawned process (its own CPU time and peak memory) -------------------------------------
def _peak_rss_mib() -> float:
    """High-water RSS of this process (VmHWM; unlike ru_maxrss not inherited from the parent at spawn)."""
    try:
        with open("/proc/self/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(name: str, root: str, db: str, q: Any) -> None:
    import pyarrow as pa

    pa.set_cpu_count(1)
    pa.set_io_thread_count(1)
    files = sorted(Path(root).rglob("trace_full_*.json.gz"))
    import duckdb  # imports are not what is measured
    import polars  # noqa: F401

    import liftwatch.ingest  # noqa: F401

    duckdb.connect().close()
    w0, c0 = time.perf_counter(), time.process_time()
    if name == "reader":
        n = run_reader(files)
    elif name.startswith("ingest"):
        workers = int(name.split("w")[-1]) if "w" in name.split("-")[-1] else 0
        n = run_ingest(files, Path(db), workers, detect="detect" in name)
    elif name == "reingest":
        n = run_ingest(files, Path(db), 0)
    elif name == "duckdb":
        n = run_duckdb(Path(root))
    else:
        n = run_json_loop(files)
    wall, cpu = time.perf_counter() - w0, time.process_time() - c0
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # worker processes (reaped at pool shutdown)
    q.put((n, wall, cpu + kids.ru_utime + kids.ru_stime, max(_peak_rss_mib(), kids.ru_maxrss / 1024)))


def measure(name: str, root: Path, db: Path) -> tuple[int, float, float, float]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    proc = ctx.Process(target=_child, args=(name, str(root), str(db), q))
    proc.start()
    out: tuple[int, float, float, float] = q.get()
    proc.join()
    return out


LABELS = {
    "reader": "liftwatch reader alone (file by file)",
    "ingest": "**liftwatch ingest (reader + store), one thread (`--workers 0`)**",
    "ingest-w1": "liftwatch ingest, a parse thread beside the store (`--workers 1`, the default on 2 cores)",
    "ingest-detect": "liftwatch ingest, format detected per file",
    "reingest": "re-ingest of the same files (adds 0)",
    "duckdb": "DuckDB `read_json` (same files)",
    "json": "`gzip` + `json.load` loop",
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--files", type=int, default=3000, help="trace files (default 3,000)")
    ap.add_argument("--points", type=int, default=300, help="points per file (default 300)")
    ap.add_argument(
        "--only",
        default="reader,ingest,reingest,ingest-w2,duckdb,json",
        help="subset of reader, ingest, ingest-detect, reingest, ingest-w1 (parse thread), ingest-wN (N worker "
        "processes), duckdb, json",
    )
    ap.add_argument("--keep", type=Path, default=None, help="generate into (or reuse) this directory")
    ap.add_argument("--db", type=Path, default=None, help="store file (default: bench.duckdb in the input directory)")
    args = ap.parse_args()
    only = args.only.split(",")
    tmp = None if args.keep else tempfile.TemporaryDirectory(prefix="lw-bench-traces-")
    root = args.keep or Path(tmp.name if tmp else ".")
    try:
        have = sorted(root.rglob("trace_full_*.json.gz"))
        files = generate(root, args.files, args.points) if len(have) != args.files else have
        mib = sum(p.stat().st_size for p in files) / 2**20
        load = os.getloadavg()[0]
        print(f"{len(files):,} files, {len(files) * args.points:,} points, {mib:.1f} MiB gzip; load {load:.1f}")
        print("| run | points | CPU s | wall s | M points/s (CPU) | M points/s (wall) | ms/file (CPU) | peak RSS MiB |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        cpu_of: dict[str, float] = {}
        db = args.db or root / "bench.duckdb"
        for name in only:
            if name.startswith("ingest") and db.exists():
                db.unlink()
            n, wall, cpu, peak = measure(name, root, db)
            if name == "reingest":
                if n != 0:
                    raise SystemExit("re-ingest added rows: idempotence broken")
                n = len(files) * args.points
            cpu_of[name] = cpu
            label = LABELS.get(name, f"liftwatch ingest, {name.split('-w')[-1]} worker processes")
            print(
                f"| {label} | {n:,} | {cpu:.2f} | {wall:.2f} | {n / cpu / 1e6:.2f} | {n / wall / 1e6:.2f} | "
                f"{cpu * 1e3 / len(files):.2f} | {peak:,.0f} |",
                flush=True,
            )
        base = cpu_of.get("ingest")
        if base:
            for name in ("duckdb", "json", "reader"):
                if name in cpu_of:
                    print(f"{LABELS[name]}: {cpu_of[name] / base:.2f}x the CPU time of liftwatch ingest")
        print(f"load average at the end: {os.getloadavg()[0]:.1f} (2 cores)")
    finally:
        if tmp is not None:
            tmp.cleanup()


if __name__ == "__main__":
    main()
