"""The reception grid does not depend on partitioning or on the order partial grids are merged in."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np
import polars as pl

from liftwatch.sea import build, gaps


def _ships(n_ships: int = 60, n: int = 400, seed: int = 5) -> pl.DataFrame:
    rng = np.random.default_rng(seed)
    frames = []
    t0 = datetime(2024, 12, 1, tzinfo=UTC)
    for k in range(n_ships):
        # irregular report spacing in microseconds, so listening hours are not round numbers
        steps = rng.integers(1_000_000, 900_000_000, size=n)
        frames.append(
            pl.DataFrame(
                {
                    "asset_id": f"2730{k:05d}",
                    "ts": np.cumsum(steps),
                    "lat": 30.0 + rng.random(n) * 8.0,
                    "lon": 25.0 + rng.random(n) * 8.0,
                }
            ).with_columns((pl.lit(t0) + pl.duration(microseconds=pl.col("ts"))).alias("ts"))
        )
    return pl.concat(frames)


def test_merged_grid_is_the_same_in_any_order_and_equals_one_partition() -> None:
    pts = _ships()
    whole = gaps.reception(pts).sort("cell")
    ids = pts["asset_id"].unique().sort().to_list()
    parts = [
        gaps.reception(pts.filter(pl.col("asset_id").is_in(ids[i::7]))).select("cell", "coll", "msgs", "us")
        for i in range(7)
    ]
    forward = build.merge_grids(parts).sort("cell")
    backward = build.merge_grids(parts[::-1]).sort("cell")
    shuffled = build.merge_grids([parts[i] for i in (3, 0, 6, 1, 5, 2, 4)]).sort("cell")
    for other in (backward, shuffled):
        assert forward["rate"].to_list() == other["rate"].to_list()  # bit for bit, not approximately
    assert forward.select("cell", "msgs", "us", "rate").equals(whole.select("cell", "msgs", "us", "rate"))
    assert whole.height > 10 and (whole["us"] > 0).all()
