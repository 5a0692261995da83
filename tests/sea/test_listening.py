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
        pl.lit(10).alias("heard_before"),
        pl.lit(
            [], dtype=pl.List(pl.Struct({"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32}))
        ).alias("candidates"),
    )
    grid = pl.DataFrame({"cell": [0], "msgs": [100], "us": [3_600_000_000]}, schema_overrides={"msgs": pl.UInt32})
    ports = pl.DataFrame({"site_id": ["p"], "lat": [0.0], "lon": [0.0]})
    assert gaps.classify(g, gaps.with_rate(grid), ports).height == 1  # without the record: an 8-year silence
    assert gaps.classify(g, gaps.with_rate(grid), ports, heard).height == 0


def _track(ship: str, start: datetime, minutes: list[int]) -> pl.DataFrame:
    n = len(minutes)
    return pl.DataFrame(
        {
            "asset_id": [ship] * n,
            "ts": [start + timedelta(minutes=m) for m in minutes],
            "lat": [-20.0 - 0.01 * i for i in range(n)],
            "lon": [110.0 + 0.01 * i for i in range(n)],
            "visit": [None] * n,
            "track_deg": [135.0] * n,
            "gs_kt": [12.0] * n,
        },
        schema_overrides={"ts": pl.Datetime("us", "UTC"), "visit": pl.Int64, "track_deg": pl.Float32},
    )


def _judged(marked: pl.DataFrame, end: datetime, heard: pl.DataFrame | None = None) -> pl.DataFrame:
    g = gaps.find_gaps(marked, end).with_columns(
        pl.lit(False).alias("lingers"),
        pl.lit(
            [], dtype=pl.List(pl.Struct({"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32}))
        ).alias("candidates"),
    )
    # a busy lane: 30 reports an hour in every cell the ship could be in
    cells = np.unique(gaps._cell(np.array([-20.0, -20.2]), np.array([110.0, 110.2])))
    grid = pl.DataFrame(
        {"cell": cells, "msgs": [3000] * cells.size, "us": [100 * 3_600_000_000] * cells.size},
        schema_overrides={"msgs": pl.UInt32},
    )
    ports = pl.DataFrame({"site_id": ["p"], "lat": [0.0], "lon": [0.0]})
    return gaps.classify(g, gaps.with_rate(grid), ports, heard)


def test_a_ship_heard_once_has_no_track_to_switch_off() -> None:
    # a sampled global feed keeps one report of this ship in the day: its silence is the sample, not the ship
    once = _judged(_track("111111111", T0, [0]), T0 + timedelta(hours=20))
    assert once["heard_before"].to_list() == [1]
    assert once["gap_class"].to_list() == ["out_of_coverage"]


def test_a_tracked_ship_that_falls_silent_in_a_busy_lane_is_dark() -> None:
    tracked = _judged(_track("222222222", T0, [0, 10, 20, 30]), T0 + timedelta(hours=20))
    assert tracked["heard_before"].to_list() == [4]
    assert tracked["gap_class"].to_list() == ["dark"]


def test_reports_older_than_a_gap_do_not_make_a_track() -> None:
    # heard 7 h before, then once: the earlier report is another track, the silence follows a lone report
    lone = _judged(_track("333333333", T0, [0, 7 * 60]), T0 + timedelta(hours=30))
    assert lone["heard_before"].to_list() == [1, 1]
    assert set(lone["gap_class"].to_list()) == {"out_of_coverage"}


def test_two_chance_samples_are_not_a_track() -> None:
    # a sampled feed kept two reports of this ship an hour apart; those two taught the grid the cell hears ships
    twice = _judged(_track("444444444", T0, [0, 60]), T0 + timedelta(hours=20))
    assert twice["heard_before"].to_list() == [2]
    assert twice["gap_class"].to_list() == ["out_of_coverage"]


def test_a_silence_is_as_long_as_it_was_listened_to() -> None:
    # tracked, then heard again in a collection two years later: silent for two years, listened to for 4 hours
    later = T0 + timedelta(days=730)
    marked = pl.concat([_track("555555555", T0, [0, 10, 20, 30]), _track("555555555", later, [0])])
    heard = _heard((T0, 4.5), (later, 1.0))
    judged = _judged(marked, later, heard)
    assert judged["listened_s"].to_list()[0] < 5 * 3600
    assert judged["gap_class"].to_list() == ["out_of_coverage"]
    # the same ship in one collection that kept coming for a day: dark
    heard_day = _heard((T0, 30.0))
    back = T0 + timedelta(hours=26)
    day = _judged(
        pl.concat([_track("555555555", T0, [0, 10, 20, 30]), _track("555555555", back, [0])]), back, heard_day
    )
    assert day["gap_class"].to_list() == ["dark"]
