"""The asset bucket is a fixed function: same value in every process and version, spread evenly."""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa
import pytest

from liftwatch.partitioning import asset_buckets, bucket_column


def test_buckets_are_fixed_values() -> None:
    # pinned: changing the rule would move every asset of every written dataset to another bucket
    got = asset_buckets(pa.array(["icao:3c6444", "mmsi:273456780", None]), 64).tolist()
    assert got == [28, 17, 39]


def test_buckets_agree_across_input_types_and_spread() -> None:
    ids = [f"icao:{i:06x}" for i in range(20_000)]
    a = asset_buckets(pa.array(ids), 64)
    b = asset_buckets(pl.Series(ids), 64)
    c = asset_buckets(pa.chunked_array([ids[:7], ids[7:]]), 64)
    assert np.array_equal(a, b) and np.array_equal(a, c)
    counts = np.bincount(a, minlength=64)
    assert counts.min() > 0.8 * counts.mean() and counts.max() < 1.2 * counts.mean()


def test_grouping_buckets_is_consistent() -> None:
    ids = pl.Series([f"icao:{i:06x}" for i in range(1000)])
    assert np.array_equal(asset_buckets(ids, 64) % 8, asset_buckets(ids, 8))
    assert bucket_column(pl.DataFrame({"asset_id": ids}), 8)["bucket"].dtype == pl.UInt16


def test_bad_bucket_count() -> None:
    with pytest.raises(ValueError, match="between 1 and 65535"):
        asset_buckets(pa.array(["x"]), 0)
