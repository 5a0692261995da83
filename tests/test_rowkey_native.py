"""The C row-key fold gives exactly the NumPy fold's keys (the reference), on hostile values and layouts:
nulls, every NaN, -0.0, infinities, sliced and chunked arrays, constant text and text in runs."""

from __future__ import annotations

import math
import struct

import numpy as np
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch import rowkey

native = pytest.importorskip("liftwatch._rowkey", reason="the C row-key fold is not built here")

_NANS = [struct.unpack("<d", struct.pack("<Q", bits))[0] for bits in (0x7FF8000000000001, 0xFFF8000000000000)]
floats = st.none() | st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from([-0.0, 0.0, *_NANS])
texts = st.none() | st.sampled_from(["", "abc", "ABC", "é", "a\x00b", "4b1801"]) | st.text(max_size=6)


@st.composite
def columns(draw: st.DrawFn) -> list[pa.Array | pa.ChunkedArray]:
    n = draw(st.integers(0, 300))
    runs = draw(st.booleans())
    text_a = draw(st.lists(texts, min_size=n, max_size=n))
    if runs and n:  # long runs of one value, as a trace's asset_id
        text_a = [text_a[0]] * (n // 2) + [text_a[-1]] * (n - n // 2)
    const = draw(texts.filter(lambda t: t is not None)) if draw(st.booleans()) else None
    cols: list[pa.Array | pa.ChunkedArray] = [
        pa.array([const] * n if const is not None else text_a, pa.string()),
        pa.array(text_a, pa.string()),
        pa.array(
            draw(st.lists(st.none() | st.integers(-(2**62), 2**62), min_size=n, max_size=n)),
            pa.timestamp("us", tz="UTC"),
        ),
        pa.array(draw(st.lists(floats, min_size=n, max_size=n)), pa.float64()),
        pa.array(
            [
                None if v is None else (v if math.isnan(v) or abs(v) < 3e38 else math.copysign(math.inf, v))
                for v in draw(st.lists(floats, min_size=n, max_size=n))
            ],
            pa.float32(),
        ),
        pa.array(draw(st.lists(st.none() | st.booleans(), min_size=n, max_size=n)), pa.bool_()),
    ]
    cut = draw(st.integers(0, n))
    shape = draw(st.sampled_from(["plain", "sliced", "chunked"]))
    if shape == "sliced" and n:
        cols = [c.slice(cut // 2, n - cut) for c in cols]
    elif shape == "chunked":
        cols = [pa.chunked_array([c.slice(0, cut), c.slice(cut)], type=c.type) for c in cols]
    return cols


@settings(max_examples=300, deadline=None)
@given(columns())
def test_c_fold_gives_the_reference_keys(cols: list[pa.Array | pa.ChunkedArray]) -> None:
    assert rowkey._fold is not None
    got = rowkey.row_keys(cols)
    want = rowkey.numpy_row_keys(cols)
    assert got.dtype == np.uint64
    assert got.tolist() == want.tolist()


def test_pinned_keys_of_the_canonical_columns_hold_on_either_path() -> None:
    table = {
        "s": pa.array(["readsb", "readsb"]),
        "t": pa.array([1_700_000_000_000_000, None], pa.timestamp("us", tz="UTC")),
        "f": pa.array([-0.0, float("nan")], pa.float32()),
    }
    cols = list(table.values())
    assert rowkey.row_keys(cols).tolist() == rowkey.numpy_row_keys(cols).tolist()


def test_the_fold_refuses_a_buffer_shorter_than_its_rows() -> None:
    with pytest.raises(ValueError, match="shorter"):
        native.fold(10, [(1, b"\x00" * 8, None, 0, 0)])
    with pytest.raises(ValueError, match="kind"):
        native.fold(1, [(9, b"\x00" * 8, None, 0, 0)])
