"""The dataset writer's batch order and file encodings, against the plain Polars formulation they replace."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow.parquet as pq
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch.dataset_files import FLIGHT_FILE_SCHEMA, POINT_FILE_SCHEMA, write_options
from liftwatch.dataset_ingest import ingest_into
from liftwatch.dataset_write import partition_order
from liftwatch.store_dataset import DatasetStore
from tests.dataset.conftest import demo_inputs

ASSETS = ["3c4b26", "3c4b2", "4b1a00", "~4b1a00", "155abc", "Ü1a2b3", "ffffff", "a", ""]


def _reference(frame: pl.DataFrame) -> np.ndarray:
    return frame.select(pl.arg_sort_by("day", "bucket", "asset_id", "ts", maintain_order=True)).to_series().to_numpy()


@st.composite
def batches(draw: st.DrawFn) -> pl.DataFrame:
    n = draw(st.integers(1, 60))
    wide = draw(st.booleans())
    day0 = date(2024, 6, 1)
    span = 70_000 if wide else 3
    days = [day0 + timedelta(days=draw(st.integers(-span if wide else 0, span))) for _ in range(n)]
    return pl.DataFrame(
        {
            "asset_id": [draw(st.sampled_from(ASSETS)) for _ in range(n)],
            "ts": pl.Series([draw(st.integers(0, 10)) for _ in range(n)], dtype=pl.Int64).cast(
                pl.Datetime("us", "UTC")
            ),
            "day": pl.Series(days, dtype=pl.Date),
            "bucket": pl.Series([draw(st.integers(0, 3)) for _ in range(n)], dtype=pl.Int32),
            "row": list(range(n)),
        }
    )


@settings(max_examples=300, deadline=None)
@given(batches())
def test_partition_order_is_the_stable_sort_by_day_bucket_asset_time(frame: pl.DataFrame) -> None:
    # ties (same day, bucket, asset and time) keep arrival order; non-ASCII ids sort by their UTF-8 bytes;
    # days far apart (beyond the 16 bits packed with bucket and asset) take the exact Polars path
    assert partition_order(frame).tolist() == _reference(frame).tolist()


def test_partition_files_are_sorted_and_dictionary_encoded_only_for_strings(tmp_path: Path) -> None:
    target = tmp_path / "ds"
    with DatasetStore(target, create=True, buckets=4) as store:
        run = ingest_into(store, demo_inputs(6), workers=0, max_rows=5_000)
    assert run.rows_added > 5_000 and not run.failures
    files = sorted(target.glob("points/day=*/bucket=*/*.parquet"))
    assert len(files) >= 4
    for f in files:
        t = pl.read_parquet(f, hive_partitioning=False)
        assert t.equals(t.sort("asset_id", "ts", maintain_order=True))
        meta = pq.ParquetFile(f).metadata.row_group(0)
        enc = {meta.column(i).path_in_schema: set(meta.column(i).encodings) for i in range(meta.num_columns)}
        assert "RLE_DICTIONARY" in enc["asset_id"] and "RLE_DICTIONARY" in enc["callsign"]
        assert "RLE_DICTIONARY" not in enc["lat"] and "RLE_DICTIONARY" not in enc["row_key"]


def test_flight_files_keep_unique_and_long_strings_out_of_dictionaries() -> None:
    used = set(write_options(FLIGHT_FILE_SCHEMA)["use_dictionary"])
    assert {"asset_id", "dep_site", "arr_site", "ending", "classification"} <= used
    assert not used & {"flight_id", "geometry", "evidence", "dep_conf", "first_ts"}
    assert set(write_options(POINT_FILE_SCHEMA)["use_dictionary"]) == {
        "source", "domain", "asset_id", "callsign", "squawk", "registration", "type_code"
    }  # fmt: skip
