"""The dataset on disk: hive layout by day and asset bucket, portable types, readable by other engines."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from liftwatch.dataset_files import MANIFEST, META_DIR
from liftwatch.partitioning import asset_buckets
from liftwatch.store import Store
from liftwatch.store_dataset import DatasetStore
from tests.frames import to_frame


def _store_points(db: Path) -> pl.DataFrame:
    with Store(db, read_only=True) as s:
        return s.sql("SELECT *, CAST(row_key AS VARCHAR) AS k FROM points").sort("k")


def test_layout_is_hive_by_day_and_asset_bucket(small_store: Path, small_dataset: Path) -> None:
    files = sorted(small_dataset.glob("points/day=*/bucket=*/part-*.parquet"))
    assert files, "no point files written"
    assert sorted(small_dataset.glob("flights/day=*/bucket=*/part-*.parquet"))
    manifest = json.loads((small_dataset / META_DIR / MANIFEST).read_text())
    assert manifest["format"] == "liftwatch-dataset" and manifest["version"] == 1 and manifest["buckets"] == 16
    assert manifest["counts"]["points"] == _store_points(small_store).height
    for f in files:
        day = f.parent.parent.name.removeprefix("day=")
        bucket = int(f.parent.name.removeprefix("bucket="))
        t = pq.read_table(f, columns=["asset_id", "ts"])
        # the directory is the fixed bucket rule of every row's asset, and the day of every row's ts (UTC)
        assert set(asset_buckets(t.column("asset_id"), 16).tolist()) == {bucket}
        days = {d.isoformat() for d in to_frame(t)["ts"].dt.date().to_list()}
        assert days == {day}


def test_file_types_are_what_spark_and_trino_read(small_dataset: Path) -> None:
    f = next(small_dataset.glob("points/day=*/bucket=*/*.parquet"))
    schema = pq.read_schema(f)
    for field in schema:
        assert not pa.types.is_unsigned_integer(field.type), field
        assert not pa.types.is_large_string(field.type), field
    assert schema.field("ts").type == pa.timestamp("us", tz="UTC")
    assert schema.field("row_key").type == pa.int64()
    meta = pq.ParquetFile(f).schema.column(schema.get_field_index("ts")).logical_type
    assert meta.to_json().find('"isAdjustedToUTC": true') >= 0 or "isAdjustedToUTC=true" in str(meta)
    g = next(small_dataset.glob("flights/day=*/bucket=*/*.parquet"))
    for field in pq.read_schema(g):
        assert not pa.types.is_unsigned_integer(field.type), field


def test_row_key_bits_survive_the_signed_column(small_store: Path, small_dataset: Path) -> None:
    with DatasetStore(small_dataset, read_only=True) as d:
        got = d.sql("SELECT CAST(row_key AS VARCHAR) AS k FROM points")["k"].sort()
    want = _store_points(small_store)["k"]
    assert got.to_list() == want.to_list()


def test_duckdb_polars_pyarrow_pandas_read_it(small_store: Path, small_dataset: Path) -> None:
    want = _store_points(small_store)
    glob = str(small_dataset / "points" / "**" / "*.parquet")
    con = duckdb.connect()
    n, assets = con.execute(
        "SELECT count(*), count(DISTINCT asset_id) FROM read_parquet(?, hive_partitioning = true)", [glob]
    ).fetchone() or (0, 0)
    assert n == want.height and assets == want["asset_id"].n_unique()
    buckets = con.execute(
        "SELECT DISTINCT typeof(bucket), typeof(day) FROM read_parquet(?, hive_partitioning = true)", [glob]
    ).fetchall()
    assert buckets and all(t[0] in ("BIGINT", "INTEGER") for t in buckets)
    lazy = pl.scan_parquet(glob, hive_partitioning=True)
    frame = lazy.select("asset_id", "ts", "bucket").collect()
    assert frame.height == want.height
    assert (pl.Series(asset_buckets(frame["asset_id"], 16).astype(np.int64)) == frame["bucket"].cast(pl.Int64)).all()
    dataset = ds.dataset(small_dataset / "points", format="parquet", partitioning="hive")
    table = dataset.to_table(columns=["asset_id", "lat", "lon"])
    assert table.num_rows == want.height
    pd = pytest.importorskip("pandas")
    df = pd.read_parquet(small_dataset / "points")
    assert len(df) == want.height and {"day", "bucket"} <= set(df.columns)
    flights = pl.scan_parquet(str(small_dataset / "flights" / "**" / "*.parquet"), hive_partitioning=True).collect()
    with Store(small_store, read_only=True) as s:
        assert flights.height == s.flights().height


def test_dataset_store_reads_like_the_duckdb_store(small_store: Path, small_dataset: Path) -> None:
    with Store(small_store, read_only=True) as s, DatasetStore(small_dataset, read_only=True) as d:
        assert d.points().equals(s.points())
        assert d.flights().equals(s.flights())
        assert d.points(domain="sea").equals(s.points(domain="sea"))
        assert d.attributions() == s.attributions()
        assert d.ais_static().sort(pl.all()).equals(s.ais_static().sort(pl.all()))
        i, j = d.info(), s.info()
        assert (i["points"], i["assets"], i["files"], i["flights"]) == (
            j["points"],
            j["assets"],
            j["files"],
            j["flights"],
        )
        parts = list(d.iter_partitions(4))
        assert sum(p.height for p in parts) == i["points"]
        seen = [set(p["asset_id"].unique().to_list()) for p in parts]
        assert all(not (a & b) for k, a in enumerate(seen) for b in seen[k + 1 :])  # an asset in one partition
        for p in parts:
            assert p.equals(p.sort("asset_id", "ts"))
