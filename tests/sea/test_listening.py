"""A silence counts only while the data kept coming: holes in the collection are not evidence of going dark."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl

from liftwatch.sea import gaps

T0 = datetime(2012, 1, 31, 5, 0, tzinfo=UTC)


def _gap(start: datetime, hours: float, *, closed: bool) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "ts_a": [start],
            "lat_a": [-20.0],
            "lon_a": [110.0],
            "lat_b": [-20.5 if closed else None],
            "lon_b": [110.5 if closed else None],
            "dt_s": [hours * 3600.0],
        },
        schema_overrides={"ts_a": pl.Datetime("us", "UTC"), "lat_b": pl.Float64, "lon_b": pl.Float64},
    )


def _heard(*spans: tuple[datetime, float]) -> pl.DataFrame:
    ts = [s + timedelta(minutes=m) for s, h in spans for m in range(0, int(h * 60), 10)]
    return gaps.heard_hours(pl.DataFrame({"ts": ts}, schema={"ts": pl.Datetime("us", "UTC")}))


def _listened_h(g: pl.DataFrame, heard: pl.DataFrame) -> float:
    end = g["ts_a"].dt.epoch("us").to_numpy() + np.round(g["dt_s"].to_numpy() * 1e6).astype(np.int64)
    return float(gaps.listened_s(g, heard, end)[0]) / 3600.0


def test_two_satellite_passes_a_day_and_a_half_apart() -> None:
    heard = _heard((T0, 2.0), (T0 + timedelta(hours=39), 2.0))
    closed = _gap(T0 + timedelta(hours=1), 39.5, closed=True)  # seen in both passes, silent in between
    assert _listened_h(closed, heard) < 4.0  # the 36 h hole is not listening
    open_ = _gap(T0 + timedelta(hours=1), 40.0, closed=False)  # never seen again: ends at the first hole
    assert _listened_h(open_, heard) <= 2.0


def test_quiet_spells_shorter_than_a_gap_still_count() -> None:
    # a sparse store: nothing heard for 4 h at a time, but the data keeps coming
    spans = [(T0 + timedelta(hours=6 * k), 2.0) for k in range(8)]
    g = _gap(T0 + timedelta(hours=1), 40.0, closed=True)
    assert _listened_h(g, _heard(*spans)) == 40.0


def test_an_open_silence_in_a_collection_that_ends_is_dropped() -> None:
    heard = _heard((T0, 3.0), (T0 + timedelta(days=3000), 24.0))  # another download, years later
    g = _gap(T0 + timedelta(hours=2), 3000 * 24.0, closed=False).with_columns(
        pl.lit(None, dtype=pl.Float64).alias("cog_a"),
        pl.lit(12.0).alias("speed_kn"),
        pl.lit(None, dtype=pl.Datetime("us", "UTC")).alias("ts_b"),
        pl.lit(None, dtype=pl.Float64).alias("cog_b"),
        pl.lit(False).alias("in_port"),
        pl.lit(False).alias("lingers"),
        pl.lit(
            [], dtype=pl.List(pl.Struct({"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32}))
        ).alias("candidates"),
    )
    grid = pl.DataFrame({"cell": [0], "msgs": [100], "us": [3_600_000_000]}, schema_overrides={"msgs": pl.UInt32})
    ports = pl.DataFrame({"site_id": ["p"], "lat": [0.0], "lon": [0.0]})
    assert gaps.classify(g, gaps.with_rate(grid), ports).height == 1  # without the record: an 8-year silence
    assert gaps.classify(g, gaps.with_rate(grid), ports, heard).height == 0
