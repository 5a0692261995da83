"""How each flight starts and ends: take-off or landing at a site, on the surface elsewhere, dark, out of
coverage, or cut by the data.

Pass 2 of the pipeline (``flights.py`` runs pass 1). An end at a known site was decided by ``sites.py``; an
end on the surface far from any known field (a carrier deck, an unlisted strip) is ``landed_unknown_site`` /
``takeoff_unknown_site`` and gets no site; an airborne end is ``dark`` only when the learned coverage
(``coverage.py``) gives positive evidence it would still have been seen, else ``out_of_coverage``; ends
within ``DATA_EDGE_S`` of the data's first/last fix are the data's edges. Sites of airborne ends come from
the ranking in ``dark.py``. Everything is a whole-partition Polars expression.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np
import polars as pl

from liftwatch.schema import FLIGHT_SCHEMA
from liftwatch.tracks.coverage import Coverage
from liftwatch.tracks.sites import SiteIndex

SURFACE_AGL_FT = 250.0  # an end this low above the surface (field elevation, else sea level) is on the surface
LIFT_AGL_FT = 1000.0  # a first fix this low and climbing, far from any known field, just took off
LIFT_FPM = 500.0
UNKNOWN_SITE_KM = 25.0  # "far from any known field": no air site within this distance
DARK_THRESHOLD = 0.6  # inside the observed area and >= 2 of 3 probes ahead covered by others -> "dark"
DATA_EDGE_S = 600.0  # a flight starting/ending this close to the data's first/last fix is cut by the data


def surface_ends(index: SiteIndex, ends: pl.DataFrame, which: str) -> pl.DataFrame:
    """Whether an end not at a known site was on the surface: landed on (took off from) something else.

    A carrier deck, a ship's helicopter pad, a field missing from the gazetteer: the aircraft was seen on
    the ground or within ``SURFACE_AGL_FT`` of the surface (the nearest field's elevation, sea level
    where none is within reach). A departure also counts when the first fix is low and climbing with no
    known field within ``UNKNOWN_SITE_KM``. Such an end is never "dark": it ended where it was.
    """
    lat, lon = ends["lat"].to_numpy(), ends["lon"].to_numpy()
    ref = np.nan_to_num(index.field_elevation(lat, lon, 30.0), nan=0.0)
    far = np.isnan(index.field_elevation(lat, lon, UNKNOWN_SITE_KM))
    alt = ends["alt_ft"].cast(pl.Float64).fill_null(np.nan).to_numpy()
    vr = ends["vrate_fpm"].cast(pl.Float64).fill_null(0.0).to_numpy()
    agl = alt - ref
    ground = ends["ground"].fill_null(False).to_numpy()
    surface = ground | (agl <= SURFACE_AGL_FT)
    if which == "dep":
        surface |= far & (agl <= LIFT_AGL_FT) & (vr >= LIFT_FPM)
    return pl.DataFrame(
        {
            "flight_idx": ends["flight_idx"],
            f"{which}_surface": surface,
            f"{which}_surface_agl": pl.Series(agl.astype(np.float32)).fill_nan(None),
        }
    )


def decide_endings(f: pl.DataFrame, coverage: Coverage, span: tuple[datetime | None, datetime | None]) -> pl.DataFrame:
    """Pass 2 for one partition's per-flight rows: start kind, ending, the sites shown, evidence JSON.

    ``span`` is the data's first and last fix (ends that close are cut by the data, not by reception).
    """
    lo, hi = span
    lat = f["last_lat"].to_numpy()
    lon = f["last_lon"].to_numpy()
    alt = f["last_alt_ft"].cast(pl.Float64).fill_null(np.nan).to_numpy()
    trk = f["end_track"].cast(pl.Float64).fill_null(np.nan).to_numpy()
    vr = f["end_vrate"].cast(pl.Float64).fill_null(np.nan).to_numpy()
    day = f["last_ts"].dt.epoch("d").to_numpy()
    span_s = (lo.timestamp(), hi.timestamp()) if lo is not None and hi is not None else None
    gs = f["end_gs"].cast(pl.Float64).fill_null(np.nan).to_numpy()
    cov, inside = coverage.score(lat, lon, alt, trk, vr, day, f["fkey"].to_numpy(), span_s, gs)
    f = f.with_columns(pl.Series("coverage", cov.astype(np.float32)), pl.Series("inside_coverage", inside))
    at_start = (pl.col("first_ts") - pl.lit(lo)).dt.total_seconds() <= DATA_EDGE_S
    at_end = (pl.lit(hi) - pl.col("last_ts")).dt.total_seconds() <= DATA_EDGE_S
    ending = (
        pl.when(pl.col("arr_at_site"))
        .then(pl.lit("landed"))
        .when(pl.col("arr_surface"))
        .then(pl.lit("landed_unknown_site"))
        .when(at_end)
        .then(pl.lit("data_end"))
        .when(pl.col("coverage") >= DARK_THRESHOLD)
        .then(pl.lit("dark"))
        .otherwise(pl.lit("out_of_coverage"))
    )
    start_kind = (
        pl.when(pl.col("dep_at_site"))
        .then(pl.lit("takeoff"))
        .when(pl.col("dep_surface"))
        .then(pl.lit("takeoff_unknown_site"))
        .when(at_start)
        .then(pl.lit("data_start"))
    ).otherwise(pl.lit("in_air"))
    f = f.with_columns(ending.alias("ending"), start_kind.alias("start_kind"))
    air_arr = pl.col("ending").is_in(["dark", "out_of_coverage", "data_end"])
    air_dep = pl.col("start_kind").is_in(["in_air", "data_start"])
    # on the surface away from any known field: where it was is the answer, no site is guessed
    unk_arr = pl.col("ending") == "landed_unknown_site"
    unk_dep = pl.col("start_kind") == "takeoff_unknown_site"
    f = f.with_columns(
        pl.when(unk_arr).then(None).otherwise(pl.col("arr_site")).alias("arr_site"),
        pl.when(unk_arr).then(None).otherwise(pl.col("arr_conf")).alias("arr_conf"),
        pl.when(unk_arr).then(pl.col("arr_candidates").list.head(0)).otherwise(pl.col("arr_candidates")),
        pl.when(unk_dep).then(None).otherwise(pl.col("dep_site")).alias("dep_site"),
        pl.when(unk_dep).then(None).otherwise(pl.col("dep_conf")).alias("dep_conf"),
        pl.when(unk_dep).then(pl.col("dep_candidates").list.head(0)).otherwise(pl.col("dep_candidates")),
    )
    f = f.with_columns(
        pl.when(air_arr).then(pl.col("arr_rank_site")).otherwise(pl.col("arr_site")).alias("arr_site"),
        pl.when(air_arr).then(pl.col("arr_rank_conf")).otherwise(pl.col("arr_conf")).alias("arr_conf"),
        pl.when(air_arr).then(pl.col("arr_rank_cands")).otherwise(pl.col("arr_candidates")).alias("arr_candidates"),
        pl.when(air_dep).then(pl.col("dep_rank_site")).otherwise(pl.col("dep_site")).alias("dep_site"),
        pl.when(air_dep).then(pl.col("dep_rank_conf")).otherwise(pl.col("dep_conf")).alias("dep_conf"),
        pl.when(air_dep).then(pl.col("dep_rank_cands")).otherwise(pl.col("dep_candidates")).alias("dep_cands"),
        pl.when(pl.col("start_kind").is_in(["takeoff", "takeoff_unknown_site"]))
        .then(pl.col("air_first_ts"))
        .otherwise(pl.col("first_ts"))
        .alias("dep_time"),
        pl.when(pl.col("ending").is_in(["landed", "landed_unknown_site"]))
        .then(pl.col("air_last_ts").fill_null(pl.col("last_ts")))
        .otherwise(None)
        .alias("arr_time"),
    )
    # estimated arrival time for airborne ends: distance to the top site at the last ground speed
    top_km = pl.col("arr_candidates").list.first().struct.field("distance_km").cast(pl.Float64)
    eta = top_km / (pl.col("end_gs").cast(pl.Float64).fill_null(300.0).clip(lower_bound=150.0) * 1.852) * 3600.0
    f = f.with_columns(
        pl.when(air_arr & pl.col("arr_site").is_not_null())
        .then(pl.col("last_ts") + pl.duration(seconds=eta.fill_null(0.0).cast(pl.Int64)))
        .otherwise(pl.col("arr_time"))
        .alias("arr_time"),
        pl.format("{}-{}", pl.col("asset_id"), pl.col("first_ts").dt.strftime("%Y%m%dT%H%M%SZ")).alias("flight_id"),
    )
    f = f.with_columns(_evidence_expr().alias("evidence"))
    return f.select(FLIGHT_SCHEMA.names).sort("first_ts", "asset_id")


def _evidence_expr() -> pl.Expr:
    """Evidence JSON: the alternatives and the numbers each decision rested on."""
    return pl.struct(
        pl.struct(
            pl.col("start_kind").alias("kind"),
            pl.col("dep_km").alias("site_km"),
            pl.col("dep_surface_agl").alias("height_above_surface_ft"),
            pl.col("dep_cands").alias("candidates"),
            pl.col("dep_prev_match").alias("previous_arrival_matches"),
        ).alias("dep"),
        pl.struct(
            pl.col("ending").alias("kind"),
            pl.col("arr_km").alias("site_km"),
            pl.col("arr_surface_agl").alias("height_above_surface_ft"),
            pl.col("coverage").alias("coverage_score"),
            pl.col("inside_coverage").alias("inside_observed_area"),
            pl.col("arr_next_match").alias("next_departure_matches"),
            pl.col("end_track").alias("last_track_deg"),
            pl.col("end_vrate").alias("last_vrate_fpm"),
            pl.col("median_dt_s"),
            pl.col("tail_dt_s"),
        ).alias("arr"),
    ).struct.json_encode()
