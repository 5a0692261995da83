"""Writing points and flights into a partitioned Parquet dataset, keeping the store's promises.

The promises are those of the DuckDB store: a re-ingested file adds nothing (its content hash is in the
dataset's ``ingested_files``), overlapping files add no duplicate rows (every row carries the fixed row key of
:mod:`liftwatch.rowkey`, and a row whose key is already in its (day, bucket) partition is dropped), and
nothing is visible until the transaction commits (:class:`~liftwatch.dataset_files.Transaction`).

De-duplication reads only the ``row_key`` column of the partitions a batch touches, so memory is bounded by
the keys of those partitions, never by the dataset. The keys read are kept in a bounded cache for the writer's
lifetime: a day of traces arrives in many batches that touch the same partitions, and reading a partition's
keys again for every batch would make ingest quadratic.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from liftwatch.dataset_commit import Transaction
from liftwatch.dataset_files import (
    POINT_FILE_SCHEMA,
    Location,
    to_signed,
    to_unsigned,
)
from liftwatch.io.ais_static import STATIC_SCHEMA, conform_static
from liftwatch.io.vector import first_distinct
from liftwatch.partitioning import asset_buckets
from liftwatch.rowkey import table_row_keys
from liftwatch.schema import FLIGHT_SCHEMA, POINT_SCHEMA

STAGE_ROWS = 1_000_000  # rows buffered before they are de-duplicated and written (bounds buffer memory)
KEY_CACHE = 32_000_000  # row keys kept in memory across batches (8 bytes each: 256 MB)

PartKey = tuple[date, int]


def with_partition(table: pa.Table, buckets: int) -> pl.DataFrame:
    """Canonical points (+ ``row_key`` uint64 if present) with ``day`` and ``bucket`` columns."""
    if "row_key" not in table.column_names:
        table = table.append_column("row_key", table_row_keys(table))
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    return frame.with_columns(
        pl.col("ts").dt.date().alias("day"),
        pl.Series("bucket", asset_buckets(table.column("asset_id"), buckets), dtype=pl.Int32),
    )


def partition_order(frame: pl.DataFrame) -> np.ndarray:
    """Row order by day, bucket, asset and time (stable), so each partition's file is one zero-copy slice.

    Worked out on integers (the asset ids ranked once through their dictionary, day, bucket and rank in one
    64-bit word, then two stable argsorts) and applied in one gather: Polars' multi-column sort with the
    string column, or a gather per partition and another per file, cost twice to three times as much on
    snapshot data, whose aircraft arrive interleaved.
    """
    if frame["ts"].null_count() or frame["asset_id"].null_count():  # not canonical points; kept exact anyway
        return _sorted_by_polars(frame)
    ids = frame["asset_id"].to_arrow()
    ids = ids.combine_chunks() if isinstance(ids, pa.ChunkedArray) else ids
    enc = pc.dictionary_encode(ids)
    rank = np.empty(len(enc.dictionary), dtype=np.int64)
    rank[pc.array_sort_indices(enc.dictionary).to_numpy()] = np.arange(len(enc.dictionary))
    day = frame["day"].to_physical().to_numpy().astype(np.int64)
    day -= day.min()
    if day.max() >= 1 << 16:  # positions over 179 years apart in one batch: no room in the word
        return _sorted_by_polars(frame)
    bucket = frame["bucket"].to_numpy().astype(np.int64)
    code = rank[enc.indices.to_numpy(zero_copy_only=False)]
    group = ((day.astype(np.uint64) << 48) | (bucket.astype(np.uint64) << 32) | code.astype(np.uint64)).view(np.uint64)
    by_time = np.argsort(frame["ts"].to_physical().to_numpy(), kind="stable")
    order: np.ndarray = by_time[np.argsort(group[by_time], kind="stable")]
    return order


def _sorted_by_polars(frame: pl.DataFrame) -> np.ndarray:
    """:func:`partition_order` by Polars' own stable sort, for the batches the integer word cannot hold."""
    order: np.ndarray = (
        frame.select(pl.arg_sort_by("day", "bucket", "asset_id", "ts", maintain_order=True)).to_series().to_numpy()
    )
    return order


@dataclass
class KeyCache:
    """Row keys of partitions (committed and staged), least recently used dropped first."""

    limit: int = KEY_CACHE
    parts: OrderedDict[PartKey, np.ndarray] = field(default_factory=OrderedDict)
    size: int = 0

    def get(self, key: PartKey) -> np.ndarray | None:
        found = self.parts.get(key)
        if found is not None:
            self.parts.move_to_end(key)
        return found

    def put(self, key: PartKey, keys: np.ndarray) -> None:
        old = self.parts.pop(key, None)
        if old is not None:
            self.size -= old.size
        self.parts[key] = keys
        self.size += keys.size
        while self.size > self.limit and len(self.parts) > 1:
            _, dropped = self.parts.popitem(last=False)
            self.size -= dropped.size

    def forget(self, key: PartKey) -> None:
        old = self.parts.pop(key, None)
        if old is not None:
            self.size -= old.size


@dataclass
class PointWriter:
    """Buffer point batches, then write each (day, bucket) partition's new rows to the transaction.

    ``file_ids`` (a ``_file`` int32 column) attribute kept rows to inputs so each input's report can say how
    many of its rows were new; a row two inputs share counts for the first, as in a file-by-file ingest.
    """

    loc: Location
    committed: pa.Table  # the manifest's files table
    buckets: int
    tx: Transaction
    cache: KeyCache = field(default_factory=KeyCache)
    max_rows: int = STAGE_ROWS
    dedup: bool = True
    _buffer: list[pl.DataFrame] = field(default_factory=list)
    _rows: int = 0
    added_by_file: dict[int, int] = field(default_factory=dict)

    def add(self, table: pa.Table, file_id: int | np.ndarray = 0) -> None:
        """Buffer ``table``'s rows as those of input ``file_id`` (or one id per row, for a chunk of files)."""
        if table.num_rows == 0:
            return
        ids = pl.Series("_file", file_id, dtype=pl.Int32) if isinstance(file_id, np.ndarray) else None
        frame = with_partition(table, self.buckets).with_columns(
            ids if ids is not None else pl.lit(file_id, dtype=pl.Int32).alias("_file")
        )
        self._buffer.append(frame)
        self._rows += frame.height
        if self._rows >= self.max_rows:
            self.flush()

    def flush(self) -> int:
        """De-duplicate and stage the buffered rows; returns rows staged."""
        if not self._buffer:
            return 0
        frame = pl.concat(self._buffer, how="vertical_relaxed")
        self._buffer, self._rows = [], 0
        first = first_distinct(frame["row_key"].to_arrow())
        if not first.all():  # the first row of each key wins, as in the store (C hash set: ~0.03 µs a key)
            frame = frame.filter(pl.Series(first))
        order = partition_order(frame)
        days = frame["day"].to_physical().to_numpy()[order]
        buckets = frame["bucket"].to_numpy()[order]
        keys = frame["row_key"].to_numpy()[order]
        files = frame["_file"].to_numpy()[order]
        # Arrow's take gathers the string columns at half Polars' cost; the file types are set once for the batch
        table = point_file_table(frame.select([*POINT_SCHEMA.names, "row_key"]).to_arrow()).take(pa.array(order))
        cut = np.flatnonzero((days[1:] != days[:-1]) | (buckets[1:] != buckets[:-1])) + 1
        starts, ends = np.r_[0, cut], np.r_[cut, frame.height]
        kept_files: list[np.ndarray] = []
        staged = 0
        for day, a, e in zip(frame["day"].gather(order[starts]).to_list(), starts, ends, strict=True):
            assert isinstance(day, date)
            key = (day, int(buckets[a]))
            part, part_keys, part_files = table.slice(int(a), int(e - a)), keys[a:e], files[a:e]
            if self.dedup:
                existing = self.keys(key)
                if existing.size:
                    new = ~pc.is_in(pa.array(part_keys), value_set=pa.array(existing)).to_numpy(zero_copy_only=False)
                    if not new.all():
                        part, part_keys, part_files = part.filter(pa.array(new)), part_keys[new], part_files[new]
            if part.num_rows == 0:
                continue
            kept_files.append(part_files)
            self.tx.stage_file("points", key[0], key[1], part)
            if self.dedup:
                self.cache.put(key, np.concatenate([self.keys(key), part_keys]))
            staged += part.num_rows
        if kept_files:
            counts = np.bincount(np.concatenate(kept_files))
            for fid in np.flatnonzero(counts):
                self.added_by_file[int(fid)] = self.added_by_file.get(int(fid), 0) + int(counts[fid])
        return staged

    def keys(self, key: PartKey) -> np.ndarray:
        """Every row key of a partition: committed files plus what this transaction staged there."""
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        day, bucket = key
        files = self.committed
        mask = [
            t == "points" and d == day and b == bucket
            for t, d, b in zip(
                files.column("table").to_pylist(),
                files.column("day").to_pylist(),
                files.column("bucket").to_pylist(),
                strict=True,
            )
        ]
        paths = [self.loc.path(p) for p, m in zip(files.column("path").to_pylist(), mask, strict=True) if m]
        parts = [
            to_unsigned(pq.read_table(p, columns=["row_key"], filesystem=self.loc.arrow_fs)["row_key"]) for p in paths
        ]
        parts += [
            to_unsigned(pq.read_table(p, columns=["row_key"])["row_key"]) for p in self.tx.staged("points", day, bucket)
        ]
        keys = np.concatenate(parts) if parts else np.empty(0, dtype=np.uint64)
        self.cache.put(key, keys)
        return keys

    def rollback_to(self, mark: int) -> None:
        """Drop what the transaction staged since ``mark`` (and the cached keys of those partitions)."""
        self._buffer, self._rows = [], 0
        for f in self.tx.rollback_to(mark):
            self.cache.forget((f["day"], f["bucket"]))


def point_file_table(table: pa.Table) -> pa.Table:
    """Points (canonical columns and ``row_key``) as a file holds them: signed row key, int32 flags."""
    table = table.set_column(table.schema.get_field_index("row_key"), "row_key", to_signed(table.column("row_key")))
    flags = table.schema.get_field_index("flags")
    table = table.set_column(flags, "flags", table.column("flags").cast(pa.int32()))
    return table.cast(POINT_FILE_SCHEMA)


def stage_flights(tx: Transaction, parts: Iterable[pa.Table | pl.DataFrame], buckets: int) -> int:
    """Stage flights partitioned by the day of ``first_ts`` and the asset's bucket; returns rows staged."""
    n = 0
    for part in parts:
        table = part.to_arrow() if isinstance(part, pl.DataFrame) else part
        table = table.select(FLIGHT_SCHEMA.names).cast(FLIGHT_SCHEMA)
        if table.num_rows == 0:
            continue
        frame = pl.from_arrow(table)
        assert isinstance(frame, pl.DataFrame)
        frame = frame.with_columns(
            pl.col("first_ts").dt.date().alias("_day"),
            pl.Series("_bucket", asset_buckets(table.column("asset_id"), buckets), dtype=pl.Int32),
        )
        for (day, bucket), group in sorted(frame.partition_by(["_day", "_bucket"], as_dict=True).items()):
            assert isinstance(day, date)
            out = group.sort("first_ts", "asset_id").drop("_day", "_bucket").to_arrow().cast(FLIGHT_SCHEMA)
            tx.stage_file("flights", day, int(bucket), out)
            n += out.num_rows
    return n


def merge_static(old: pl.DataFrame, new: pl.DataFrame) -> pl.DataFrame:
    """AIS static rows of a dataset after adding ``new`` (distinct over every column, first seen first)."""
    return pl.concat([conform_static(old), conform_static(new)]).unique(maintain_order=True).select(list(STATIC_SCHEMA))
