"""The indexed neighbourhood count gives the join's counts exactly (the rim test depends on them)."""

from __future__ import annotations

import numpy as np
import polars as pl
import pytest

from liftwatch.tracks.coverage import _edge_way, _same_way
from liftwatch.tracks.neighbours import CellTable, count_others


def _ends(rng: np.random.Generator, n: int, keys: np.ndarray) -> pl.DataFrame:
    trk = rng.uniform(0.0, 360.0, n)
    trk[rng.random(n) < 0.1] = np.nan
    own = rng.choice(keys, n)
    foreign = rng.random(n) < 0.3  # ends whose own flight is not in the table
    own[foreign] = rng.integers(1, 2**62, int(foreign.sum()))
    return (
        pl.DataFrame(
            {
                "e": np.arange(n),
                "y": rng.integers(-3, 3, n).astype(np.int32),
                "x": rng.integers(-3, 3, n).astype(np.int32),
                "band": rng.integers(0, 6, n).astype(np.int8),
                "own": own,
                "trk": trk,
            }
        )
        .with_columns(pl.col("trk").fill_nan(None))
        .with_columns((pl.col("trk") / 45.0).floor().cast(pl.Int16).alias("to"))
    )


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_indexed_count_equals_join(seed: int) -> None:
    rng = np.random.default_rng(seed)
    keys = rng.integers(1, 2**62, 300)
    m = 5_000
    seen = pl.DataFrame(
        {
            "cy": rng.integers(-4, 4, m).astype(np.int32),
            "cx": rng.integers(-4, 4, m).astype(np.int32),
            "band": rng.integers(0, 6, m).astype(np.int8),
            "oct": rng.integers(-1, 8, m).astype(np.int8),
            "fkey": rng.choice(keys, m),
        }
    ).unique()
    track = rng.uniform(0.0, 360.0, m)
    track[rng.random(m) < 0.1] = np.nan
    edges = pl.DataFrame(
        {
            "cy": rng.integers(-4, 4, m).astype(np.int32),
            "cx": rng.integers(-4, 4, m).astype(np.int32),
            "band": rng.integers(0, 6, m).astype(np.int8),
            "track": track,
            "fkey": rng.choice(keys, m),
        }
    ).with_columns(pl.col("track").fill_nan(None))
    ends = _ends(rng, 400, keys)
    for by, table, match in (
        (["y", "x", "band", "to"], seen, _same_way),
        (["y", "x", "band", "trk"], edges, _edge_way),
    ):
        cells = CellTable.build(table)
        assert cells is not None
        joined = count_others(ends, by, table, match)
        indexed = count_others(ends, by, table, match, cells)
        assert joined.sum() > 0  # the data has neighbours to count
        np.testing.assert_array_equal(indexed, joined)


def test_cells_out_of_range_fall_back_and_empty_tables() -> None:
    far = pl.DataFrame(
        {"cy": [2**30], "cx": [0], "band": [0], "oct": [0], "fkey": [1]},
        schema={"cy": pl.Int32, "cx": pl.Int32, "band": pl.Int8, "oct": pl.Int8, "fkey": pl.Int64},
    )
    assert CellTable.build(far) is None
    empty = far.clear()
    cells = CellTable.build(empty)
    assert cells is not None
    ends = _ends(np.random.default_rng(3), 10, np.array([1, 2, 3]))
    out = count_others(ends, ["y", "x", "band", "to"], empty, _same_way, cells)
    np.testing.assert_array_equal(out, np.zeros(10))
