"""One row per (asset, position time) from overlapping snapshots: the numeric formulation against Polars'."""

from __future__ import annotations

import numpy as np
import polars as pl
from hypothesis import given, settings
from hypothesis import strategies as st

from liftwatch.io.aircraft_json import _freshest

HOUR_US = 3_600_000_000


def _reference(frame: pl.DataFrame) -> np.ndarray:
    """The Polars formulation: sort by age (stable), keep the first row of each (asset, ts), rows by age."""
    idx = frame.with_row_index("_i").sort("_age", maintain_order=True)
    return idx.unique(subset=["asset_id", "ts"], keep="first", maintain_order=True)["_i"].to_numpy()


def _take(frame: pl.DataFrame, hex_codes: bool) -> np.ndarray | None:
    """_freshest over the frame's rows, the asset ids dictionary-encoded or as the C accelerator's codes."""
    codes = None
    if hex_codes:
        ids = frame["asset_id"].to_list()
        codes = np.array([int(a.lstrip("~"), 16) | (a.startswith("~") << 24) for a in ids], dtype=np.uint32)
    return _freshest(frame.drop("_age").to_arrow(), frame["_age"].to_numpy(), codes)


@st.composite
def snapshots(draw: st.DrawFn) -> pl.DataFrame:
    n = draw(st.integers(1, 80))
    # hours apart: a batch wider than the 36 bits packed beside the asset code takes Polars' exact pair test
    scale = draw(st.sampled_from([1, 1_000_000, 30 * HOUR_US]))
    return pl.DataFrame(
        {
            "asset_id": [draw(st.sampled_from(["3c4b26", "4b1a00", "~155abc", "ffffff"])) for _ in range(n)],
            "ts": pl.Series([draw(st.integers(0, 4)) * scale for _ in range(n)], dtype=pl.Int64).cast(
                pl.Datetime("us", "UTC")
            ),
            "_age": [float(draw(st.sampled_from([0.0, 0.5, 1.0, 2.0, 30.0]))) for _ in range(n)],
        }
    )


@settings(max_examples=400, deadline=None)
@given(snapshots())
def test_freshest_rows_are_those_of_the_polars_sort_and_unique(frame: pl.DataFrame) -> None:
    for hex_codes in (False, True):
        take = _take(frame, hex_codes)
        got = np.arange(frame.height) if take is None else take
        assert got.tolist() == _reference(frame).tolist()


def test_rows_already_fresh_and_in_order_are_left_as_they_are() -> None:
    frame = pl.DataFrame(
        {
            "asset_id": ["3c4b26", "4b1a00", "3c4b26"],
            "ts": pl.Series([1, 1, 2], dtype=pl.Int64).cast(pl.Datetime("us", "UTC")),
            "_age": [0.0, 0.5, 0.5],
        }
    )
    assert _take(frame, False) is None
    assert _take(frame, True) is None
