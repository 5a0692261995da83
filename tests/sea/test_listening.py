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
            "asset_id": ["273000001"],
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
    grid = pl.DataFrame(
        {"cell": [0], "coll": [0], "msgs": [100], "us": [3_600_000_000]}, schema_overrides={"msgs": pl.UInt32}
    )
    ports = pl.DataFrame({"site_id": ["p"], "lat": [0.0], "lon": [0.0]})
    assert gaps.classify(g, gaps.with_rate(grid), ports).height == 1  # without the record: an 8-year silence
    assert gaps.classify(g, gaps.with_rate(grid), ports, heard).height == 0


def _track(ship: str, start: datetime, minutes: list[int], lat0: float = -20.0) -> pl.DataFrame:
    n = len(minutes)
    return pl.DataFrame(
        {
            "asset_id": [ship] * n,
            "ts": [start + timedelta(minutes=m) for m in minutes],
            "lat": [lat0 - 0.01 * i for i in range(n)],
            "lon": [110.0 + 0.01 * i for i in range(n)],
            "visit": [None] * n,
            "track_deg": [135.0] * n,
            "gs_kt": [12.0] * n,
        },
        schema_overrides={"ts": pl.Datetime("us", "UTC"), "visit": pl.Int64, "track_deg": pl.Float32},
    )


def _judged(
    marked: pl.DataFrame, end: datetime, heard: pl.DataFrame | None = None, grid_from: pl.DataFrame | None = None
) -> pl.DataFrame:
    """Gaps of ``marked`` judged as the build judges them, by the grid of ``marked`` and ``grid_from``."""
    everything = marked if grid_from is None else pl.concat([marked, grid_from])
    g = gaps.find_gaps(marked, end).with_columns(
        pl.lit(False).alias("lingers"),
        pl.lit(
            [], dtype=pl.List(pl.Struct({"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32}))
        ).alias("candidates"),
    )
    ports = pl.DataFrame({"site_id": ["p"], "lat": [0.0], "lon": [0.0]})
    grid = gaps.reception(everything.sort("asset_id", "ts"))
    return gaps.classify(g, grid, ports, heard)


def _lane(start: datetime) -> pl.DataFrame:
    """Twenty other ships heard every 10 minutes for a day along the same stretch of sea."""
    return pl.concat([_track(f"3000000{k:02d}", start, list(range(0, 24 * 60, 10))) for k in range(20)])


def test_a_sampled_ship_is_not_dark_after_its_own_two_reports() -> None:
    # a sampled global feed kept two reports of this ship an hour apart, and nothing else there: the cell's rate
    # rests on one pair of reports, and hearing nothing afterwards stays likely
    twice = _judged(_track("444444444", T0, [0, 60]), T0 + timedelta(hours=20))
    assert twice["expected_reports"].to_list()[0] > 3  # the rate alone would have called it dark
    assert twice["p_unheard"].to_list()[0] > 0.05
    assert twice["gap_class"].to_list() == ["out_of_coverage"]


def test_a_ship_tracked_alone_that_falls_silent_is_dark() -> None:
    # heard every 10 minutes for an hour and a half: its own reports show the cell hears ships
    alone = _judged(_track("444444444", T0, list(range(0, 100, 10))), T0 + timedelta(hours=20))
    assert alone["p_unheard"].to_list()[0] < 1e-6
    assert alone["gap_class"].to_list() == ["dark"]


def test_with_a_well_known_rate_the_answer_is_the_poisson_one() -> None:
    busy = _judged(_track("444444444", T0, [0, 60]), T0 + timedelta(hours=8), grid_from=_lane(T0))
    expected = busy["expected_reports"][0]
    assert 3 < expected < 600
    assert np.isclose(np.log(busy["p_unheard"][0]), -expected, rtol=0.05)


def test_the_same_silence_in_a_lane_others_are_heard_in_is_dark() -> None:
    judged = _judged(_track("444444444", T0, [0, 60]), T0 + timedelta(hours=20), grid_from=_lane(T0))
    assert judged["expected_reports"].to_list()[0] > 100
    assert judged["gap_class"].to_list() == ["dark"]


def test_a_ship_heard_once_in_a_lane_others_are_heard_in_is_dark() -> None:
    once = _judged(_track("444444444", T0, [0]), T0 + timedelta(hours=20), grid_from=_lane(T0))
    assert once["gap_class"].to_list() == ["dark"]


def test_a_silence_is_as_long_as_it_was_listened_to() -> None:
    # heard in a busy lane, then again in a collection two years later: silent for two years, listened to for 4 h
    later = T0 + timedelta(days=730)
    marked = pl.concat([_track("555555555", T0, [0, 10, 20, 30]), _track("555555555", later, [0])])
    judged = _judged(marked, later, _heard((T0, 4.5), (later, 1.0)), grid_from=_lane(T0))
    assert judged["listened_s"].to_list()[0] < 5 * 3600
    assert judged["gap_class"].to_list() == ["out_of_coverage"]
    # the same ship in one collection that kept coming for a day: dark
    back = T0 + timedelta(hours=26)
    day = pl.concat([_track("555555555", T0, [0, 10, 20, 30]), _track("555555555", back, [0])])
    assert _judged(day, back, _heard((T0, 30.0)), grid_from=_lane(T0))["gap_class"].to_list() == ["dark"]


def test_a_silence_is_judged_by_the_reception_of_its_own_collection() -> None:
    # a ship of a sampled 2021 day, silent in a cell that a dense 2023 file hears well: the 2023 receivers say
    # nothing of what the 2021 sample would have heard
    later = T0 + timedelta(days=700)
    ship = _track("666666666", T0, [0, 60])
    heard = _heard((T0, 22.0), (later, 24.0))
    starts = gaps.collection_starts(heard)
    assert starts is not None and starts.size == 2
    g = gaps.find_gaps(ship, T0 + timedelta(hours=21)).with_columns(
        pl.lit(False).alias("lingers"),
        pl.lit(
            [], dtype=pl.List(pl.Struct({"site_id": pl.String, "prob": pl.Float32, "distance_km": pl.Float32}))
        ).alias("candidates"),
    )
    ports = pl.DataFrame({"site_id": ["p"], "lat": [0.0], "lon": [0.0]})
    everything = pl.concat([ship, _lane(later)]).sort("asset_id", "ts")
    by_collection = gaps.classify(g, gaps.reception(everything, starts), ports, heard)
    blind = gaps.classify(g, gaps.reception(everything), ports, heard)  # one grid for all times
    assert blind["gap_class"].to_list() == ["dark"]
    assert by_collection["gap_class"].to_list() == ["out_of_coverage"]
