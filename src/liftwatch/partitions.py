"""Partition sources: where a worker gets the points of one asset-hash partition.

The contract is small on purpose, so any store can serve it: a :class:`PartitionSpec` (picklable, a few
hundred bytes: which Parquet files hold the partition's points and an optional domain filter) and
:func:`load_partition`, which any process that can read those paths turns into the partition's frame, sorted
the way the kernels expect. A local or shared disk path, or an fsspec URL (``s3://``, ``gs://``) that Polars
can read, all work; a partitioned Parquet dataset (hive ``bucket=NN`` directories) is a source by listing its
files per bucket group.

The DuckDB store serves it with :func:`spill_store`: **one** streaming pass over the points table (Arrow record
batches) that writes each row to its partition's Parquet file by the fixed bucket rule of
:mod:`liftwatch.partitioning`. Earlier the store ran one full scan (and one DuckDB ``hash()`` over every
asset id) per partition: 120 scans of 100 M rows for a 100 M-point build. Rows keep their ``row_key`` (the
stable content hash) so a partition sorts the same on every machine: by airframe, time, then row key, which
settles identical timestamps deterministically.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from liftwatch.partitioning import DEFAULT_BUCKETS, asset_buckets
from liftwatch.schema import POINT_COLUMNS

PARTITION_POINTS = 1_000_000  # ~1 M points a partition: ~1 GB of working memory per worker in pass 1
SPILL_BATCH_ROWS = 1_000_000  # rows per Arrow batch read from the store while spilling
SORT_KEY = "row_key"

__all__ = [
    "PARTITION_POINTS",
    "PartitionSpec",
    "iter_store_partitions",
    "load_partition",
    "partition_count",
    "partition_of",
    "spill_prefix",
    "spill_store",
]


@dataclass(frozen=True)
class PartitionSpec:
    """One partition: the Parquet files holding its points (every point of the assets it holds).

    ``index`` orders partitions for output; ``rows`` is a size hint for progress and scheduling;
    ``domain`` keeps only ``air`` or ``sea`` rows when set.
    """

    index: int
    paths: tuple[str, ...]
    rows: int = 0
    domain: str | None = None


def load_partition(spec: PartitionSpec) -> pl.DataFrame:
    """The partition's points in the canonical columns, sorted by (asset_id, ts) with ties in row-key order."""
    if not spec.paths:
        return pl.DataFrame(schema={c: t for c, t in _polars_schema().items()})
    lf = pl.scan_parquet(list(spec.paths))
    if spec.domain is not None:
        lf = lf.filter(pl.col("domain") == spec.domain)
    names = lf.collect_schema().names()
    order = ["asset_id", "ts", SORT_KEY] if SORT_KEY in names else ["asset_id", "ts"]
    return lf.sort(order, maintain_order=True).select(POINT_COLUMNS).collect()


def _polars_schema() -> dict[str, pl.DataType]:
    from liftwatch.schema import POLARS_POINT_SCHEMA

    return dict(POLARS_POINT_SCHEMA)


def partition_count(total_points: int, n_partitions: int | None = None) -> int:
    """Partitions for ``total_points`` (``PARTITION_POINTS`` each unless ``n_partitions`` is given)."""
    if n_partitions is not None:
        if n_partitions < 1:
            raise ValueError(f"n_partitions must be at least 1, got {n_partitions}")
        return n_partitions
    return max(1, -(-total_points // PARTITION_POINTS))


def partition_of(asset_id: pa.Array | pa.ChunkedArray | pl.Series, n_partitions: int) -> np.ndarray:
    """Partition of each asset id: groups of the dataset's ``DEFAULT_BUCKETS`` buckets (``bucket % n``) when
    there are at most that many partitions, otherwise the bucket rule with ``n_partitions`` buckets."""
    if n_partitions <= DEFAULT_BUCKETS:
        return np.asarray(asset_buckets(asset_id, DEFAULT_BUCKETS) % n_partitions, dtype=np.int64)
    return np.asarray(asset_buckets(asset_id, n_partitions), dtype=np.int64)


def spill_store(
    store: Any,
    out_dir: str | os.PathLike[str],
    n_partitions: int | None = None,
    *,
    batch_rows: int = SPILL_BATCH_ROWS,
    **filters: Any,
) -> list[PartitionSpec]:
    """Write a :class:`~liftwatch.store.Store`'s points (``filters`` as for ``Store.points``) into one Parquet
    file per partition.

    One pass, memory bounded by one batch: rows are read as Arrow batches, grouped by partition with one
    stable sort of the partition numbers, and appended to that partition's file. Empty partitions get no file
    and no spec.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sql, params = store._points_sql(**filters)
    total = int(store.con.execute(f"SELECT count(*) FROM ({sql})", params or None).fetchall()[0][0])
    n = partition_count(total, n_partitions)
    # the row key rides along: it settles the order of rows with the same airframe and timestamp
    sql = sql.replace(" FROM points", f", {SORT_KEY} FROM points", 1)
    reader = store.con.sql(sql, params=params or None).to_arrow_reader(batch_rows)
    writers: dict[int, pq.ParquetWriter] = {}
    rows = np.zeros(n, dtype=np.int64)
    try:
        for batch in reader:
            if batch.num_rows == 0:
                continue
            part = partition_of(batch.column("asset_id"), n)
            order = np.argsort(part, kind="stable")
            counts = np.bincount(part, minlength=n)
            grouped = batch.take(pa.array(order))
            start = 0
            for k in np.flatnonzero(counts):
                c = int(counts[k])
                w = writers.get(int(k))
                if w is None:
                    w = writers[int(k)] = pq.ParquetWriter(
                        out / f"part-{int(k):05d}.parquet", grouped.schema, compression="lz4"
                    )
                w.write_batch(grouped.slice(start, c))
                rows[k] += c
                start += c
    finally:
        for w in writers.values():
            w.close()
    return [
        PartitionSpec(index=k, paths=(str(out / f"part-{k:05d}.parquet"),), rows=int(rows[k])) for k in sorted(writers)
    ]


def spill_prefix() -> str:
    """Temporary folder prefix with this process's id (stale folders of dead runs are removed on open)."""
    from liftwatch.store_files import SPILL_PREFIX

    return f"{SPILL_PREFIX}{os.getpid()}-"


def iter_store_partitions(store: Any, n_partitions: int | None = None, **filters: Any) -> Iterator[pl.DataFrame]:
    """The store's points one partition at a time (``Store.iter_partitions``), via one spill pass.

    The spill folder is in the system temporary folder (``TMPDIR``), named so that the next run that opens the
    store removes it if this process is killed, and is removed when the iteration ends.
    """
    import shutil
    import tempfile

    tmp = tempfile.mkdtemp(prefix=spill_prefix())
    try:
        for spec in spill_store(store, tmp, n_partitions, **filters):
            yield load_partition(spec)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
