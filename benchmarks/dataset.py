"""Parquet dataset benchmark: a large store exported to a liftwatch dataset and read back, against DuckDB's own
partitioned ``COPY`` (what a user would otherwise write) on the same store.

Builds a DuckDB store of ``--rows`` synthetic air points (default 10 M: ``--assets`` aircraft over ``--days`` days,
canonical columns with real row keys), then measures, each in a fresh spawned process (wall, CPU = user + sys of
the process and its threads, peak RSS; imports loaded before the clock starts):

* export: ``export_dataset`` (day x asset-bucket partitions, manifest) vs ``COPY (SELECT *, day, hash(asset_id) % 64)
  TO ... (FORMAT parquet, PARTITION_BY (day, bucket))``;
* re-export into the same dataset (every row already there: the de-duplication cost);
* read back: a full-scan aggregate through ``DatasetStore`` and through ``read_parquet`` on the peer's files; one
  bucket group (the flights builder's read pattern) through ``DatasetStore.iter_partitions`` vs ``read_parquet``
  with a ``bucket`` filter on the peer's files; Polars ``scan_parquet`` of the liftwatch dataset.

    python benchmarks/dataset.py                     # 10 M rows
    python benchmarks/dataset.py --rows 1000000      # quick look
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import queue
import resource
import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

T0 = 1_733_011_200  # 2024-12-01 UTC
CHUNK = 1_000_000


def _chunk(rng: np.random.Generator, n: int, assets: int, days: int) -> pa.Table:
    from liftwatch.rowkey import table_row_keys
    from liftwatch.schema import POINT_SCHEMA

    ac = rng.integers(0, assets, n)
    ts = T0 + np.sort(rng.integers(0, days * 86_400 * 1_000_000, n)) // 1_000_000
    cols: dict[str, Any] = {
        "source": pa.array(["readsb"] * n),
        "domain": pa.array(["air"] * n),
        "asset_id": pa.array([f"{0x100000 + int(a) * 97:06x}" for a in ac]),
        "ts": pa.array(ts.astype("datetime64[s]").astype("datetime64[us]"), pa.timestamp("us", tz="UTC")),
        "lat": pa.array(rng.uniform(25, 45, n)),
        "lon": pa.array(rng.uniform(5, 45, n)),
        "alt_baro_ft": pa.array(rng.uniform(0, 40_000, n).astype(np.float32)),
        "gs_kt": pa.array(rng.uniform(0, 500, n).astype(np.float32)),
        "track_deg": pa.array(rng.uniform(0, 360, n).astype(np.float32)),
        "callsign": pa.array([f"RFF{int(a) % 9000:04d}" for a in ac]),
        "flags": pa.array(np.zeros(n, np.uint16)),
    }
    table = pa.table({f.name: cols.get(f.name, pa.nulls(n, f.type)) for f in POINT_SCHEMA}).cast(POINT_SCHEMA)
    return table.append_column("row_key", table_row_keys(table))


def make_store(db: Path, rows: int, assets: int, days: int) -> None:
    from liftwatch import store_layout as layout
    from liftwatch.store import Store

    rng = np.random.default_rng(11)
    with Store(db) as store:
        done = 0
        while done < rows:
            n = min(CHUNK, rows - done)
            layout.append(store.con, _chunk(rng, n, assets, days))
            done += n


# --- measured tasks (run in a child process) ------------------------------------------------------------------
def t_export(db: str, out: str) -> str:
    from liftwatch.dataset_export import export_dataset
    from liftwatch.store import Store

    with Store(db, read_only=True) as s:
        rep = export_dataset(s, out)
    return f"{rep.points:,} rows, {rep.files:,} files, {rep.duplicates:,} already there"


def t_peer_export(db: str, out: str) -> str:
    import duckdb

    con = duckdb.connect(db, read_only=True)
    con.execute("SET memory_limit = '2GB'")
    con.execute(
        "COPY (SELECT *, CAST(ts AS DATE) AS day, hash(asset_id) % 64 AS bucket FROM points) TO ? "
        "(FORMAT parquet, PARTITION_BY (day, bucket), COMPRESSION zstd)",
        [out],
    )
    return "DuckDB COPY ... PARTITION_BY (day, bucket)"


_AGG = "SELECT count(*), count(DISTINCT asset_id), avg(lat), max(alt_baro_ft) FROM "


def t_scan(out: str, _: str) -> str:
    from liftwatch.store_dataset import DatasetStore

    with DatasetStore(out, read_only=True) as d:
        row = d.con.execute(_AGG + "points").fetchone()
    return f"DatasetStore full scan {row}"


def t_peer_scan(peer: str, _: str) -> str:
    import duckdb

    con = duckdb.connect()
    row = con.execute(_AGG + "read_parquet(?, hive_partitioning = true)", [f"{peer}/**/*.parquet"]).fetchone()
    return f"read_parquet full scan {row}"


def t_polars_scan(out: str, _: str) -> str:
    import polars as pl

    lf = pl.scan_parquet(f"{out}/points/**/*.parquet", hive_partitioning=True)
    got = lf.select(pl.len(), pl.col("asset_id").n_unique(), pl.col("lat").mean()).collect()
    return f"polars scan_parquet {got.row(0)}"


def t_group(out: str, _: str) -> str:
    from liftwatch.store_dataset import DatasetStore

    with DatasetStore(out, read_only=True) as d:
        frame = next(d.iter_partitions(16))
    return f"iter_partitions(16), first group: {frame.height:,} rows sorted by asset, ts"


def t_peer_group(peer: str, _: str) -> str:
    import duckdb

    n = (
        duckdb.connect()
        .sql(
            "SELECT * EXCLUDE (day, bucket) FROM read_parquet(?, hive_partitioning = true) "
            "WHERE bucket % 16 = 0 ORDER BY asset_id, ts",
            params=[f"{peer}/**/*.parquet"],
        )
        .pl()
    )
    return f"read_parquet bucket % 16 = 0: {n.height:,} rows sorted by asset, ts"


TASKS: dict[str, Callable[[str, str], str]] = {
    "export": t_export,
    "peer_export": t_peer_export,
    "scan": t_scan,
    "peer_scan": t_peer_scan,
    "polars_scan": t_polars_scan,
    "group": t_group,
    "peer_group": t_peer_group,
}


def _child(name: str, a: str, b: str, q: Any) -> None:
    # imports are not the measurement (liftwatch's own take ~1.5 s CPU): every task starts with them loaded
    import duckdb  # noqa: F401
    import polars  # noqa: F401

    import liftwatch.dataset_export
    import liftwatch.store_dataset  # noqa: F401

    t0, r0 = time.perf_counter(), resource.getrusage(resource.RUSAGE_SELF)
    note = TASKS[name](a, b)
    r1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    q.put((time.perf_counter() - t0, cpu, r1.ru_maxrss / 1024, note))


def measure(name: str, a: str, b: str = "") -> tuple[float, float, float, str]:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    p = ctx.Process(target=_child, args=(name, a, b, q))
    p.start()
    while True:
        try:
            out = q.get(timeout=5)
            break
        except queue.Empty:
            if not p.is_alive():
                raise RuntimeError(f"{name} failed (exit code {p.exitcode})") from None
    p.join()
    return out  # type: ignore[no-any-return]


def _size(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=10_000_000)
    ap.add_argument("--assets", type=int, default=5000)
    ap.add_argument("--days", type=int, default=7)
    ap.add_argument("--keep", type=Path, help="work in this folder and keep it (default: a temporary folder)")
    args = ap.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="lw-bench-dataset-"))
    work.mkdir(parents=True, exist_ok=True)
    db, out, peer = work / "store.duckdb", work / "dataset", work / "peer"
    try:
        t0 = time.perf_counter()
        if not db.exists():
            make_store(db, args.rows, args.assets, args.days)
        print(
            f"store: {args.rows:,} rows, {args.assets:,} aircraft, {args.days} days ({time.perf_counter() - t0:.0f} s)"
        )
        print(f"load average at start: {os.getloadavg()}; cores: {os.cpu_count()}")
        for d in (out, peer):
            shutil.rmtree(d, ignore_errors=True)
        rows: list[tuple[str, tuple[float, float, float, str]]] = []
        rows.append(("liftwatch export_dataset", measure("export", str(db), str(out))))
        rows.append(("DuckDB COPY PARTITION_BY (peer)", measure("peer_export", str(db), str(peer))))
        rows.append(("liftwatch re-export (all duplicates)", measure("export", str(db), str(out))))
        rows.append(("DatasetStore full-scan aggregate", measure("scan", str(out))))
        rows.append(("read_parquet full-scan on peer files", measure("peer_scan", str(peer))))
        rows.append(("polars scan_parquet on dataset", measure("polars_scan", str(out))))
        rows.append(("DatasetStore one bucket group of 16", measure("group", str(out))))
        rows.append(("read_parquet bucket filter on peer", measure("peer_group", str(peer))))
        print(
            f"dataset {_size(out):,.0f} MiB ({sum(1 for _ in out.rglob('*.parquet')):,} files); peer "
            f"{_size(peer):,.0f} MiB ({sum(1 for _ in peer.rglob('*.parquet')):,} files)"
        )
        print(f"{'measurement':40} {'wall s':>8} {'CPU s':>8} {'peak MiB':>9}  note")
        for label, (wall, cpu, rss, note) in rows:
            print(f"{label:40} {wall:8.1f} {cpu:8.1f} {rss:9.0f}  {note}")
        print(f"load average at end: {os.getloadavg()}")
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
