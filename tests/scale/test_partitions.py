"""Partition sources: one spill pass puts every row in exactly one partition, by the fixed bucket rule, and a
partition loads sorted the same way on every run (ties in time settled by the row key)."""

from __future__ import annotations

import pickle
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
import pytest

from liftwatch.partitioning import DEFAULT_BUCKETS, asset_buckets
from liftwatch.partitions import PartitionSpec, asset_key, load_partition, partition_count, partition_of, spill_store
from liftwatch.schema import POINT_COLUMNS
from liftwatch.store import Store
from tests.conftest import make_points


@pytest.fixture
def filled(tmp_path: Path) -> Store:
    store = Store(tmp_path / "p.duckdb")
    for i in range(12):
        store.ingest_table(make_points(25, asset=f"ab{i:04d}"))
    return store


def test_spill_puts_each_asset_in_one_partition(filled: Store, tmp_path: Path) -> None:
    specs = spill_store(filled, tmp_path / "spill", 4)
    parts = [load_partition(s) for s in specs]
    assert sum(p.height for p in parts) == 12 * 25 == sum(s.rows for s in specs)
    owner: dict[str, int] = {}
    for spec, part in zip(specs, parts, strict=True):
        assert part.columns == list(POINT_COLUMNS)
        for a in part["asset_id"].unique():
            assert owner.setdefault(a, spec.index) == spec.index
        key = pl.Series(asset_key(part["asset_id"]))
        assert part.with_columns(key.alias("k")).equals(
            part.with_columns(key.alias("k")).sort("k", "ts", maintain_order=True)
        )
        want = partition_of(part["asset_id"], 4)
        assert (want == spec.index).all()


def test_partitions_group_the_dataset_buckets() -> None:
    ids = pl.Series([f"{i:06x}" for i in range(500)])
    b = asset_buckets(ids, DEFAULT_BUCKETS)
    assert (partition_of(ids, 8) == b % 8).all(), "a partition is a group of the dataset's buckets"
    assert (partition_of(ids, 200) == asset_buckets(ids, 200)).all()


def test_ties_in_time_load_in_row_key_order(tmp_path: Path) -> None:
    store = Store(tmp_path / "t.duckdb")
    t = datetime(2025, 3, 1, 6, tzinfo=UTC)
    pts = make_points(4, asset="aa0001").with_columns(pl.lit(t).alias("ts"), pl.Series("lat", [34.0, 34.1, 34.2, 34.3]))
    store.ingest_table(pts)
    first = [load_partition(s)["lat"].to_list() for s in spill_store(store, tmp_path / "a", 1)]
    keys = store.sql("SELECT lat FROM points ORDER BY row_key")["lat"].to_list()
    assert first == [keys]


def test_filters_empty_partitions_and_specs_travel(filled: Store, tmp_path: Path) -> None:
    assert spill_store(filled, tmp_path / "none", 3, domain="sea") == []
    specs = spill_store(filled, tmp_path / "many", 40)
    assert 0 < len(specs) <= 12, "partitions without rows get no file and no spec"
    spec = specs[0]
    assert pickle.loads(pickle.dumps(spec)) == spec
    only = PartitionSpec(index=0, paths=spec.paths, domain="sea")
    assert load_partition(only).height == 0


def test_partition_count() -> None:
    assert partition_count(0) == 1
    assert partition_count(2_500_000) == 3
    assert partition_count(10, 7) == 7
    with pytest.raises(ValueError, match="at least 1"):
        partition_count(10, 0)


def test_iter_partitions_leaves_no_spill_behind(filled: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)
    parts = list(filled.iter_partitions(3))
    assert sum(p.height for p in parts) == 300
    assert list((tmp_path / "tmp").iterdir()) == []
