"""Partition sources: where a worker gets the points of one asset-hash partition.

The contract is small on purpose, so any store can serve it: a :class:`PartitionSpec` (picklable, a few
hundred bytes: which Parquet (or Arrow IPC) files hold the partition's points and an optional domain filter) and
:func:`load_partition`, which any process that can read those paths turns into the partition's frame, sorted
the way the kernels expect. A local or shared disk path, or an fsspec URL (``s3://``, ``gs://``) that Polars
can read, all work; a partitioned Parquet dataset (hive ``bucket=NN`` directories) is a source by listing its
files per bucket group.

The DuckDB store serves it with :func:`spill_store`: **one** streaming pass over the points table (Arrow record
batches) that writes each row to its partition's file (Arrow IPC, a scratch format) by the fixed bucket rule of
:mod:`liftwatch.partitioning`. Earlier the store ran one full scan (and one DuckDB ``hash()`` over every
asset id) per partition: 120 scans of 100 M rows for a 100 M-point build. Rows keep their ``row_key`` (the
stable content hash) so a partition sorts the same on every machine: by airframe, time, then row key, which
settles identical timestamps deterministically.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.ipc

from liftwatch.partitioning import DEFAULT_BUCKETS
from liftwatch.rowkey import _mix, column_values
from liftwatch.schema import POINT_COLUMNS

PARTITION_POINTS = 1_000_000  # ~1 M points a partition: ~1 GB of working memory per worker in pass 1
SPILL_BATCH_ROWS = 1_000_000  # rows per Arrow batch read from the store while spilling
SPILL_THREADS = 2  # threads hashing and grouping batches while DuckDB reads and one thread writes
# DuckDB hands out one row group (~122,880 rows) per batch whatever size is asked for, so with a few hundred
# partitions each batch gives a partition a few hundred rows: a partition's slices are queued and written as
# one record batch of this many slices (fewer, larger batches for the worker to read back: measured 0.40 ->
# 0.27 CPU s per million points to load a partition); the queued slices keep ~this many batches alive
SPILL_SLICES = 8
SPILL_BUFFER_BYTES = 256 * 1024  # write buffer per partition file: a record batch is ~60 small buffers
SORT_KEY = "row_key"
ASSET_KEY = "asset_key"  # fixed 64-bit hash of the asset id, carried by spill files
IPC_SUFFIX = ".arrow"

__all__ = [
    "PARTITION_POINTS",
    "PartitionSpec",
    "asset_key",
    "iter_store_partitions",
    "load_partition",
    "partition_count",
    "partition_of",
    "spill_prefix",
    "spill_store",
]


@dataclass(frozen=True)
class PartitionSpec:
    """One partition: the Parquet or Arrow IPC (``.arrow``) files holding its points (every point of the assets it holds).

    ``index`` orders partitions for output; ``rows`` is a size hint for progress and scheduling;
    ``domain`` keeps only ``air`` or ``sea`` rows when set.
    """

    index: int
    paths: tuple[str, ...]
    rows: int = 0
    domain: str | None = None


def load_partition(spec: PartitionSpec) -> pl.DataFrame:
    """The partition's points in the canonical columns: each airframe's rows together, in time order, rows
    with the same time in row-key order (the order the kernels need, the same on every machine).

    Airframes are ordered by their fixed 64-bit hash (``asset_key``), not by text: sorting three numbers is
    ~3x cheaper than sorting the id strings, and a partition that is already in that order (or whose rows
    came in airframe and time order) is not sorted at all. Spill files carry the hash; other Parquet files
    (a dataset's) get it computed here.
    """
    if not spec.paths:
        return pl.DataFrame(schema=_polars_schema())
    ipc = all(p.endswith(IPC_SUFFIX) for p in spec.paths)
    if ipc:
        frame = pl.concat([pl.read_ipc(p) for p in spec.paths], how="vertical_relaxed")
    else:
        frame = pl.read_parquet(list(spec.paths))
    if spec.domain is not None:
        frame = frame.filter(pl.col("domain") == spec.domain)
    if ASSET_KEY not in frame.columns:
        frame = frame.with_columns(pl.Series(ASSET_KEY, asset_key(frame["asset_id"]), dtype=pl.UInt64))
    order = [ASSET_KEY, "ts", SORT_KEY] if SORT_KEY in frame.columns else [ASSET_KEY, "ts"]
    if not _in_order(frame, order):
        frame = frame.sort(order)
    return frame.select(POINT_COLUMNS)


def _in_order(frame: pl.DataFrame, order: list[str]) -> bool:
    """Whether ``frame`` is sorted by ``order`` (one vectorised pass; ties in the last key allowed)."""
    if frame.height < 2:
        return True
    ok = pl.lit(False)
    same = pl.lit(True)
    for c in order:
        ok = ok | (same & (pl.col(c) > pl.col(c).shift(1)))
        same = same & (pl.col(c) == pl.col(c).shift(1))
    ok = ok | same
    return bool(frame.select(ok.fill_null(True).all()).item())


def asset_key(asset_id: pa.Array | pa.ChunkedArray | pl.Series) -> np.ndarray:
    """The fixed 64-bit hash of each asset id (the bucket rule before the modulo): groups an airframe's rows."""
    arr = asset_id.to_arrow() if isinstance(asset_id, pl.Series) else asset_id
    with np.errstate(over="ignore"):
        return np.asarray(_mix(column_values(arr)), dtype=np.uint64)


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
    return _partition_from_key(asset_key(asset_id), n_partitions)


def _partition_from_key(key: np.ndarray, n_partitions: int) -> np.ndarray:
    buckets = DEFAULT_BUCKETS if n_partitions <= DEFAULT_BUCKETS else n_partitions
    return np.asarray((key % np.uint64(buckets)) % np.uint64(n_partitions), dtype=np.int64)


def spill_store(
    store: Any,
    out_dir: str | os.PathLike[str],
    n_partitions: int | None = None,
    *,
    batch_rows: int = SPILL_BATCH_ROWS,
    **filters: Any,
) -> list[PartitionSpec]:
    """Write a :class:`~liftwatch.store.Store`'s points (``filters`` as for ``Store.points``) into one file per
    partition.

    One pass, memory bounded by a few batches: rows are read as Arrow batches, grouped by partition with one
    stable sort of the partition numbers, and appended to that partition's file (``SPILL_SLICES`` batches'
    slices at a time, as one record batch). The files are Arrow IPC
    (lz4): a scratch format written and read once, ~3x cheaper to write than Parquet. Each row carries its
    airframe's ``asset_key`` and its ``row_key`` for :func:`load_partition`'s ordering. Empty partitions get no
    file and no spec.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    sql, params = store._points_sql(**filters)
    total = int(store.con.execute(f"SELECT count(*) FROM ({sql})", params or None).fetchall()[0][0])
    n = partition_count(total, n_partitions)
    # the row key rides along: it settles the order of rows with the same airframe and timestamp
    sql = sql.replace(" FROM points", f", {SORT_KEY} FROM points", 1)
    reader = store.con.sql(sql, params=params or None).to_arrow_reader(batch_rows)
    writers: dict[int, pa.ipc.RecordBatchFileWriter] = {}
    sinks: dict[int, pa.NativeFile] = {}
    # lz4 in the writing thread: Arrow would otherwise hand every buffer of every slice to its thread pool
    # (measured: ~400,000 futex calls and a third more CPU for 15 M points in 206 partitions)
    options = pa.ipc.IpcWriteOptions(compression="lz4", use_threads=False)
    rows = np.zeros(n, dtype=np.int64)
    queued: dict[int, list[pa.RecordBatch]] = {}

    def group(batch: pa.RecordBatch) -> tuple[pa.RecordBatch, np.ndarray]:
        key = asset_key(batch.column("asset_id"))
        part = _partition_from_key(key, n)
        # a stable sort of small integers is a radix sort in NumPy (timsort for int64): same order, O(n)
        order = np.argsort(part.astype(np.uint16) if n <= 65_536 else part, kind="stable")
        counts = np.bincount(part, minlength=n)
        return batch.append_column(ASSET_KEY, pa.array(key, pa.uint64())).take(pa.array(order)), counts

    def write(grouped: pa.RecordBatch, counts: np.ndarray, lane: int, lanes: int) -> None:
        """Queue the batch's rows of the partitions ``k % lanes == lane``; write a partition's queue as one
        record batch once it holds ``SPILL_SLICES`` slices."""
        starts = np.cumsum(counts) - counts
        for k in np.flatnonzero(counts):
            if k % lanes != lane:
                continue
            q = queued.setdefault(int(k), [])
            q.append(grouped.slice(int(starts[k]), int(counts[k])))
            rows[k] += counts[k]
            if len(q) >= SPILL_SLICES:
                flush(int(k))

    def flush(k: int) -> None:
        q = queued.pop(k, None)
        if not q:
            return
        w = writers.get(k)
        if w is None:
            sink = sinks[k] = pa.output_stream(
                str(_spill_path(out, k)), compression=None, buffer_size=SPILL_BUFFER_BYTES
            )
            w = writers[k] = pa.ipc.new_file(sink, q[0].schema, options=options)
        w.write_batch(q[0] if len(q) == 1 else pa.concat_batches(q))

    # A pipeline, so the client uses more than one core: DuckDB produces the next batch (its own threads)
    # while ``threads`` threads hash and group earlier ones and ``lanes`` threads append them, in batch order,
    # to the partition files, each thread its own share of the partitions (NumPy, Arrow and lz4 release the
    # GIL; with hundreds of partitions a batch is hundreds of small writes). The files are the same as a
    # serial pass's.
    threads = max(1, min(SPILL_THREADS, os.cpu_count() or 1))
    lanes = threads
    grouping: deque[Future[tuple[pa.RecordBatch, np.ndarray]]] = deque()
    writing: deque[list[Future[None]]] = deque()
    writer_pools = [ThreadPoolExecutor(1) for _ in range(lanes)]

    def submit_write(grouped: pa.RecordBatch, counts: np.ndarray) -> None:
        writing.append([wp.submit(write, grouped, counts, i, lanes) for i, wp in enumerate(writer_pools)])
        while len(writing) > 1:  # bounded: at most ~threads + 2 batches in memory
            for f in writing.popleft():
                f.result()

    try:
        with ThreadPoolExecutor(threads) as pool:
            for batch in reader:
                if batch.num_rows == 0:
                    continue
                grouping.append(pool.submit(group, batch))
                while len(grouping) > threads:
                    submit_write(*grouping.popleft().result())
            while grouping:
                submit_write(*grouping.popleft().result())
            while writing:
                for f in writing.popleft():
                    f.result()
            for k in list(queued):
                flush(k)
    finally:
        for wp in writer_pools:
            wp.shutdown(wait=True)
        for w in writers.values():
            w.close()
        for sink in sinks.values():
            sink.close()
        del reader
        # hand the batches' memory back to the system: the caller goes on to run workers next to this process
        pa.default_memory_pool().release_unused()
        _drop_cached_pages(store.con)
    return [PartitionSpec(index=k, paths=(str(_spill_path(out, k)),), rows=int(rows[k])) for k in sorted(writers)]


def _drop_cached_pages(con: Any) -> None:
    """Make DuckDB give back the table pages the scan left in its buffer pool (up to its memory limit, 80 % of
    RAM by default), by lowering the limit for a moment: the workers that run next need that memory more than
    a cache of points this process will not read again (measured: 1.13 GB -> 0.48 GB after a 15 M-point scan).
    """
    import duckdb

    try:
        limit = con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
        con.execute("SET memory_limit = '64MB'")
    except duckdb.Error:
        return
    try:
        con.execute(f"SET memory_limit = '{limit}'")
    except duckdb.Error:
        con.execute("RESET memory_limit")


def _spill_path(out: Path, k: int) -> Path:
    return out / f"part-{k:05d}{IPC_SUFFIX}"


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
