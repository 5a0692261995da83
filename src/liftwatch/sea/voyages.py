"""Voyage split for ships: a voyage runs from one port call to the next.

Points inside a port call belong to no voyage. A voyage also ends at a silence that *lingers* (far longer than
the direct passage would need, see :mod:`liftwatch.sea.destinations`): the ship stopped somewhere unseen, so the
voyage before ends there (dark or out of coverage, with ranked ports) and the next one departs from the top-ranked
port. A short silence in mid-passage does not split: the voyage keeps its ends and the gap is recorded.

Start kinds mirror the flights table: ``takeoff`` = left an observed port call, ``in_air`` = first seen under way
after a lingering silence, ``data_start`` = the ship's data begins at sea (the departure port is then inferred
from proximity and course, with lower confidence).
"""

from __future__ import annotations

import numpy as np
import polars as pl

from liftwatch.geodesy import KM_PER_NM, angle_diff_deg, bearing_deg, haversine_km
from liftwatch.sea.portcalls import harbour_of

NEAR_START_KM = 80.0
#: how much a port off the first course's back line counts against it (near_port_start): its distance times
#: 1 + BACK_LINE_WEIGHT * sin(angle off the line)
BACK_LINE_WEIGHT = 1.0
NEAR_START_CONF = 0.6


def assign_voyages(marked: pl.DataFrame, calls: pl.DataFrame, split_gaps: pl.DataFrame) -> pl.DataFrame:
    """Add ``is_call`` (point inside a port call) and ``voyage`` (per-ship number, null inside calls)."""
    call_visits = calls.filter(pl.col("is_call")).select("asset_id", "visit", pl.lit(True).alias("is_call"))
    df = marked.join(call_visits, on=["asset_id", "visit"], how="left", maintain_order="left").with_columns(
        pl.col("is_call").fill_null(False)
    )
    split_at = split_gaps.select("asset_id", pl.col("ts_b").alias("ts"), pl.lit(True).alias("_split")).drop_nulls()
    df = df.join(split_at.unique(["asset_id", "ts"]), on=["asset_id", "ts"], how="left", maintain_order="left")
    prev_call = pl.col("is_call").shift(1).over("asset_id").fill_null(True)
    brk = (~pl.col("is_call") & (prev_call | pl.col("_split").fill_null(False))).cast(pl.Int64)
    df = df.with_columns(brk.cum_sum().over("asset_id").alias("_vn"))
    return df.with_columns(pl.when(pl.col("is_call")).then(None).otherwise(pl.col("_vn")).alias("voyage")).drop(
        "_vn", "_split"
    )


def summarise(pts: pl.DataFrame, max_vertices: int = 80) -> pl.DataFrame:
    """Per voyage: span, first/last report, distance, median speed under way, simplified geometry."""
    v = pts.filter(pl.col("voyage").is_not_null())
    seg = haversine_km(
        v["lat"].shift(1).fill_null(v["lat"]).to_numpy(),
        v["lon"].shift(1).fill_null(v["lon"]).to_numpy(),
        v["lat"].to_numpy(),
        v["lon"].to_numpy(),
    )
    same = (v["asset_id"] == v["asset_id"].shift(1)) & (v["voyage"] == v["voyage"].shift(1))
    v = v.with_columns(pl.Series("_seg", np.where(same.fill_null(False).to_numpy(), seg, 0.0)))
    n = pl.len()
    step = (n / max_vertices).ceil().cast(pl.Int64).clip(1, None)
    keep = (pl.int_range(n) % step == 0) | (pl.int_range(n) == n - 1)
    coords = pl.format("[{},{}]", pl.col("lon").round(4), pl.col("lat").round(4)).filter(keep).str.join(",")
    return v.group_by("asset_id", "voyage", maintain_order=True).agg(
        pl.col("ts").first().alias("first_ts"),
        pl.col("ts").last().alias("last_ts"),
        pl.col("lat").first().alias("first_lat"),
        pl.col("lon").first().alias("first_lon"),
        pl.col("track_deg").drop_nulls().first().cast(pl.Float64).alias("first_cog"),
        pl.col("lat").last().alias("last_lat"),
        pl.col("lon").last().alias("last_lon"),
        pl.col("_seg").sum().cast(pl.Float32).alias("distance_km"),
        n.cast(pl.Int32).alias("n_points"),
        pl.col("gs_kt").filter(pl.col("gs_kt") > 3.0).median().cast(pl.Float64).alias("speed_kn"),
        pl.col("callsign").drop_nulls().unique(maintain_order=True).alias("callsigns"),
        pl.col("registration").drop_nulls().last().alias("registration"),
        pl.col("type_code").drop_nulls().last().alias("type_code"),
        pl.concat_str([pl.lit("["), coords, pl.lit("]")]).alias("geometry"),
    )


def near_port_start(summary: pl.DataFrame, ports: pl.DataFrame) -> pl.DataFrame:
    """For voyages first seen at sea: the port behind the first report (course pointing away from it).

    Of the ports within NEAR_START_KM that the course points away from (within 60°), the one the course leads back
    to most directly wins, not merely the nearest: a ship that sailed straight from a port keeps it on its track's
    back line, so each port's distance counts ``1 + sin(off-course angle)`` times (BACK_LINE_WEIGHT). A ship first seen
    72 km out on a course 0.4° off the line from Tartus came from Tartus, not from Tripoli (Lebanon) 61 km away and 45°
    off it; a port far nearer still wins (10 km at 50° off before 40 km dead astern).

    Adds ``near_site``, ``near_km`` (null when none within NEAR_START_KM or the course points towards it).
    """
    if summary.height == 0 or ports.height == 0:
        return summary.with_columns(
            pl.lit(None, dtype=pl.String).alias("near_site"), pl.lit(None, dtype=pl.Float64).alias("near_km")
        )
    la, lo = summary["first_lat"].to_numpy()[:, None], summary["first_lon"].to_numpy()[:, None]
    plat, plon = ports["lat"].to_numpy()[None, :], ports["lon"].to_numpy()[None, :]
    d = haversine_km(plat, plon, la, lo)
    away = angle_diff_deg(bearing_deg(plat, plon, la, lo), summary["first_cog"].fill_null(np.nan).to_numpy()[:, None])
    ok = (d <= NEAR_START_KM) & ((away <= 60.0) | ~np.isfinite(away) | (d < 5.0))
    off_line = np.where(np.isfinite(away), np.sin(np.radians(np.clip(away, 0.0, 90.0))), 0.0)
    score = np.where(ok, d * (1.0 + BACK_LINE_WEIGHT * off_line), np.inf)
    j = np.argmin(score, axis=1)
    best = np.where(np.isfinite(score[np.arange(len(j)), j]), d[np.arange(len(j)), j], np.inf)
    harbour = harbour_of(ports)  # 30+ km out, the naval base and the port beside it are one place
    ids = np.asarray([harbour[x] for x in ports["site_id"].to_list()], dtype=object)
    site = np.where(np.isfinite(best), ids[j], None)
    return summary.with_columns(
        pl.Series("near_site", list(site), dtype=pl.String),
        pl.Series("near_km", np.where(np.isfinite(best), best, np.nan)).fill_nan(None),
    )


def back_off_time(ts: pl.Expr, km: pl.Expr, speed_kn: pl.Expr) -> pl.Expr:
    """``ts`` minus the time to sail ``km`` at ``speed_kn`` (departure estimate from the first report)."""
    hours = km / (speed_kn.fill_null(12.0).clip(6.0, 25.0) * KM_PER_NM)
    return ts - pl.duration(microseconds=(hours * 3.6e9).cast(pl.Int64))
