"""``first_distinct`` (the in-batch half of de-duplication) answers as Polars' ``is_first_distinct``, through
the C key set when it is built and through Polars otherwise."""

from __future__ import annotations

import numpy as np
import polars as pl
import pyarrow as pa
from hypothesis import given
from hypothesis import strategies as st

from liftwatch.io import vector


@given(
    st.lists(st.integers(0, 2**64 - 1) | st.sampled_from([0, 1, 2**63, 2**64 - 1]), max_size=300),
    st.sampled_from(["uint64", "int64", "chunked"]),
)
def test_first_distinct_is_polars_answer(values: list[int], kind: str) -> None:
    arr: pa.Array | pa.ChunkedArray = pa.array(values, pa.uint64())
    if kind == "int64":
        arr = pa.array(np.array(values, dtype=np.uint64).view(np.int64))
    elif kind == "chunked":
        cut = len(values) // 3
        arr = pa.chunked_array([arr.slice(0, cut), arr.slice(cut)], type=pa.uint64())
    want = pl.Series("k", values, dtype=pl.UInt64).is_first_distinct().to_list()
    assert vector.first_distinct(arr).tolist() == want


def test_first_distinct_with_nulls_takes_polars_path() -> None:
    arr = pa.array([1, None, 1, None, 2], pa.uint64())
    assert vector.first_distinct(arr).tolist() == [True, True, False, False, True]
