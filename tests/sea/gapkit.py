"""One silence to rank, shared by the tests of dark-arrival ranking's priors."""

from __future__ import annotations

from datetime import UTC, datetime

import polars as pl

T0 = datetime(2024, 5, 1, tzinfo=UTC)


def silent_gap(asset: str) -> pl.DataFrame:
    """A ship last seen at (34.0, 30.0) sailing due east at 12 kn, silent until the data's end two days later."""
    return pl.DataFrame(
        {
            "asset_id": [asset],
            "ts_a": [T0],
            "lat_a": [34.0],
            "lon_a": [30.0],
            "cog_a": [90.0],
            "speed_kn": [12.0],
            "dt_s": [48 * 3600.0],
            "lat_b": [None],
            "lon_b": [None],
        },
        schema_overrides={"lat_b": pl.Float64, "lon_b": pl.Float64},
    )
