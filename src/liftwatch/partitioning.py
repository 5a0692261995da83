"""Asset-hash buckets: the one rule that says which partition an airframe or a vessel belongs to.

Every per-asset kernel (cleaning, flight and voyage splitting, site and dark-gap inference) needs all of one
asset's points together and nothing else, so points are partitioned by asset. The bucket must be the same in
every process, on every machine and in every library version: a Parquet dataset written today is read by a
Dask worker next year, and a partition computed by the client must match the one a worker loads. DuckDB's
``hash()`` and Polars' ``hash()`` promise neither, so the bucket is derived from the same fixed string hash as
the store's row key (:mod:`liftwatch.rowkey`, BLAKE2b with a fixed personalisation) passed through the
SplitMix64 finaliser, then taken modulo the bucket count.

``DEFAULT_BUCKETS`` is the on-disk fan-out of a partitioned dataset (``bucket=NN`` directories). A computation
that wants fewer, larger partitions groups buckets (``bucket % n_partitions``); one that wants more uses more
buckets when the dataset is written.

This module is only the rule; :mod:`liftwatch.partitions` is where a worker gets one partition's points
(picklable partition specs, spilling a store, loading a partition in kernel order).
"""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.rowkey import _mix, column_values

DEFAULT_BUCKETS = 64

__all__ = ["DEFAULT_BUCKETS", "asset_buckets", "bucket_column", "duckdb_bucket_udf"]


def asset_buckets(asset_id: pa.Array | pa.ChunkedArray | pl.Series, n_buckets: int = DEFAULT_BUCKETS) -> np.ndarray:
    """Bucket (0 .. n_buckets-1, uint16) of each asset id; a null id falls in a fixed bucket."""
    if not 1 <= n_buckets <= 65_535:
        raise ValueError(f"n_buckets must be between 1 and 65535, got {n_buckets}")
    arr = asset_id.to_arrow() if isinstance(asset_id, pl.Series) else asset_id
    if not (pa.types.is_string(arr.type) or pa.types.is_large_string(arr.type)):
        arr = arr.cast(pa.string())
    with np.errstate(over="ignore"):
        mixed = _mix(column_values(arr))
    return np.asarray(mixed % np.uint64(n_buckets), dtype=np.uint16)


def bucket_column(frame: pl.DataFrame, n_buckets: int = DEFAULT_BUCKETS, *, name: str = "bucket") -> pl.DataFrame:
    """``frame`` with a ``bucket`` column computed from its ``asset_id``."""
    return frame.with_columns(pl.Series(name, asset_buckets(frame["asset_id"], n_buckets), dtype=pl.UInt16))


def duckdb_bucket_udf(asset_id: pa.Array, n_buckets: pa.Array) -> pa.Array:
    """The same buckets as a DuckDB vectorised (Arrow) function, for filtering a store table in SQL."""
    n = int(n_buckets[0].as_py()) if len(n_buckets) else DEFAULT_BUCKETS
    return pa.array(asset_buckets(asset_id, n), type=pa.uint16())
