"""Splitting an airframe's points into flights.

Per airframe (``asset_id``), never per callsign: military and state flights change callsigns mid-route and
reuse them across legs. The rules combine readsb's and OPDI's and fix their blind spot:

* readsb's ``NEW_LEG`` flag starts a flight wherever a source sets it;
* a ground stop (on-ground or slow-and-low fixes for at least ``ground_min_s`` between two airborne parts)
  ends a flight, cut at the largest reception gap inside the stop (so taxi-in and taxi-out fall on the right
  side), like readsb's ``mark_legs`` (>= 1 min on ground between descent and climb);
* a reception gap of more than ``low_gap_s`` with the aircraft low on both sides ends a flight (OPDI's
  "gap > 10 min below 1 km");
* any other gap longer than ``gap_s`` is tested for *continuity*: the great-circle distance across the gap
  divided by its duration must be a good fraction (``continuity``) of the speed the aircraft was flying at.
  A 40-minute gap at FL300 over the sea passes (it flew on), while a transponder switched off before
  landing and on again after a turnaround fails (the aircraft spent the time on the ground). OPDI's plain
  "gap > 30 min" rule would cut the first case in two;
* a descent below ``climb_gate_ft`` followed, after a gap, by a climb below it ends a flight (readsb);
* gaps beyond ``max_gap_s`` always split.

Ground fixes more than ``ground_pad_s`` before the first or after the last airborne fix of a flight (a parked
aircraft broadcasting for days) are left out of it, so durations are flight durations.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np
import polars as pl

from liftwatch.geodesy import KM_PER_NM, haversine_km
from liftwatch.schema import PointFlag


@dataclass(frozen=True)
class SplitParams:
    """Thresholds of the flight split (defaults from readsb and OPDI, see the module docstring)."""

    low_ft: float = 3000.0  # "low" = below this barometric altitude (approach, circuit, ground)
    ground_kt: float = 50.0  # slower than this *and* at field level counts as on the ground without a flag
    ground_agl_ft: float = 500.0  # "at field level": this close above the nearby field's elevation (sea level
    # when no field is near); pressure altitude strays a few hundred feet from true height with the weather
    ground_min_s: float = 60.0  # a ground stop this long between two airborne parts ends a flight
    low_gap_s: float = 600.0  # OPDI: gap > 10 min while low on both sides
    gap_s: float = 600.0  # longer gaps are tested for continuity
    continuity: float = 0.5  # distance/time across a gap must be >= this x the speed flown
    climb_gate_ft: float = 20000.0  # readsb: descent ... gap ... climb, below this altitude
    climb_gap_s: float = 300.0
    max_gap_s: float = 8 * 3600.0  # no flight continues through this long a gap
    ground_pad_s: float = 1800.0  # ground fixes kept before take-off / after landing
    default_kt: float = 350.0  # assumed speed across a gap when no ground speed is known
    min_points: int = 3


def segment(points: pl.DataFrame, params: SplitParams | None = None) -> tuple[pl.DataFrame, Counter[str]]:
    """Add ``flight_idx`` (int64, partition-local), ``ground`` and ``_alt`` (baro, else geometric altitude).

    ``points`` must be cleaned and sorted by (asset_id, ts). An optional ``_ref_elev_ft`` column holds the
    elevation of the field under each fix (null where none is near: sea level is assumed); being slow only
    counts as being on the ground at that level, so a helicopter or patrol aircraft loitering at 1,000 ft and
    60 kt stays airborne. Returns the rows that belong to a flight and a
    counter of split reasons (``new_asset``, ``new_leg_flag``, ``ground_stop``, ``low_gap``, ``discontinuity``,
    ``descent_climb``, ``max_gap``) plus ``dropped_ground_only`` / ``dropped_short`` counts.
    """
    p = params or SplitParams()
    reasons: Counter[str] = Counter()
    n = points.height
    if n == 0:
        return points.with_columns(pl.lit(None, pl.Int64).alias("flight_idx"), pl.lit(False).alias("ground")), reasons
    alt = pl.col("alt_baro_ft").fill_null(pl.col("alt_geom_ft"))
    slow = (pl.col("gs_kt") < p.ground_kt).fill_null(False)  # unknown speed is not evidence of being parked
    ref = pl.col("_ref_elev_ft").fill_null(0.0) if "_ref_elev_ft" in points.columns else pl.lit(0.0)
    at_field_level = alt.is_null() | (alt - ref <= p.ground_agl_ft)
    ground_expr = pl.col("on_ground").fill_null(False) | (slow & at_field_level)
    low_expr = ground_expr | (alt < p.low_ft).fill_null(False)
    df = points.with_columns(ground_expr.alias("ground"), low_expr.alias("_low"), alt.alias("_alt"))

    asset = df["asset_id"]
    new_asset = (asset != asset.shift(1)).fill_null(True).to_numpy()
    t_s = df["ts"].dt.epoch("us").to_numpy().astype(np.float64) / 1e6
    dt = np.empty(n)
    dt[0] = np.inf
    dt[1:] = t_s[1:] - t_s[:-1]
    dt[new_asset] = np.inf
    ground = df["ground"].to_numpy()
    low = df["_low"].to_numpy()
    a = df["_alt"].fill_null(np.nan).to_numpy().astype(np.float64)
    vr = df["vrate_fpm"].fill_null(np.nan).to_numpy().astype(np.float64)
    gs = df["gs_kt"].fill_null(np.nan).to_numpy().astype(np.float64)
    lat, lon = df["lat"].to_numpy(), df["lon"].to_numpy()

    split = new_asset.copy()
    reasons["new_asset"] += int(new_asset.sum())
    flags = df["flags"].fill_null(0).to_numpy()
    leg = ((flags & int(PointFlag.NEW_LEG)) != 0) & ~split
    split |= leg
    reasons["new_leg_flag"] += int(leg.sum())

    # --- ground stops between two airborne parts --------------------------------------------------------
    change = new_asset | np.r_[True, ground[1:] != ground[:-1]]
    stretch = np.cumsum(change) - 1
    s_first = np.flatnonzero(change)
    s_last = np.r_[s_first[1:] - 1, n - 1]
    s_ground = ground[s_first]
    s_dur = t_s[s_last] - t_s[s_first]
    # airborne before/after within the same asset: the neighbouring stretch exists and is airborne
    asset_id_of = np.cumsum(new_asset)
    prev_same = np.r_[False, asset_id_of[s_first[1:]] == asset_id_of[s_last[:-1]]]
    next_same = np.r_[asset_id_of[s_first[:-1]] == asset_id_of[s_last[1:]], False]
    # a ground stretch between airborne stretches (stretches alternate ground/airborne within an asset)
    stop = s_ground & prev_same & next_same
    # the gap into the next airborne fix counts as ground time too (the aircraft sat there unseen)
    nxt_first = np.r_[s_first[1:], n - 1]
    stop_dur = s_dur + np.where(next_same, dt[nxt_first], 0.0)
    stop &= stop_dur >= p.ground_min_s
    if stop.any():
        # cut at the largest gap inside the stop, including the gap to the first airborne fix after it
        idx_stop = np.flatnonzero(stop)
        inner = np.flatnonzero(np.isin(stretch, idx_stop) & ~change)
        cand_idx = np.r_[inner, nxt_first[idx_stop]]
        owner = np.r_[stretch[inner], idx_stop]
        order = np.lexsort((-dt[cand_idx], owner))
        first_of_owner = np.r_[True, owner[order][1:] != owner[order][:-1]]
        cut = cand_idx[order][first_of_owner]
        cut = cut[~split[cut]]
        split[cut] = True
        reasons["ground_stop"] += cut.size

    # --- gaps ----------------------------------------------------------------------------------------------
    gap = (dt > p.gap_s) & ~new_asset & ~split
    if gap.any():
        i = np.flatnonzero(gap)
        j = i - 1
        maxgap = dt[i] > p.max_gap_s
        low_both = low[i] & low[j] & (dt[i] > p.low_gap_s)
        d_km = haversine_km(lat[j], lon[j], lat[i], lon[i])
        v_kt = d_km / KM_PER_NM / (dt[i] / 3600.0)
        g_prev = np.where(ground[j], np.nan, gs[j])
        g_next = np.where(ground[i], np.nan, gs[i])
        flown = np.fmax(g_prev, g_next)
        flown = np.where(np.isnan(flown), p.default_kt, flown)
        discont = v_kt < p.continuity * flown
        desc_climb = (
            (dt[i] > p.climb_gap_s)
            & (a[j] < p.climb_gate_ft)
            & (a[i] < p.climb_gate_ft)
            & (vr[j] < -300)
            & (vr[i] > 300)
        )
        why = np.select(
            [maxgap, low_both, desc_climb, discont],
            ["max_gap", "low_gap", "descent_climb", "discontinuity"],
            default="",
        )
        for r in ("max_gap", "low_gap", "descent_climb", "discontinuity"):
            hit = i[why == r]
            split[hit] = True
            reasons[r] += hit.size
    # climb after a descent with a short gap below climb_gate (readsb) for gaps between climb_gap_s and gap_s
    mid = (dt > p.climb_gap_s) & (dt <= p.gap_s) & ~new_asset & ~split
    if mid.any():
        i = np.flatnonzero(mid)
        j = i - 1
        dc = (a[j] < p.climb_gate_ft) & (a[i] < p.climb_gate_ft) & (vr[j] < -300) & (vr[i] > 300) & low[j]
        split[i[dc]] = True
        reasons["descent_climb"] += int(dc.sum())

    flight = np.cumsum(split) - 1
    # Trim long ground tails, drop ground-only and too-short segments. Flights are runs of rows, so their
    # first/last airborne time and length come from run boundaries (NumPy) rather than windows per flight.
    t_us = df["ts"].dt.epoch("us").to_numpy()
    starts = np.flatnonzero(split)
    air_t = np.where(ground, np.iinfo(np.int64).max, t_us)
    air0 = np.minimum.reduceat(air_t, starts)
    air1 = np.maximum.reduceat(np.where(ground, np.iinfo(np.int64).min, t_us), starts)
    has_air = air0 != np.iinfo(np.int64).max
    ground_only = ~has_air[flight]
    reasons["dropped_ground_only_rows"] += int(ground_only.sum())
    pad = int(p.ground_pad_s) * 1_000_000  # whole seconds, as a Polars duration of int(seconds)
    inside = has_air[flight] & (t_us >= air0[flight] - pad) & (t_us <= air1[flight] + pad)
    kept = flight[inside]
    counts = np.bincount(kept, minlength=starts.shape[0])
    short = (counts > 0) & (counts < p.min_points)
    if short.any():
        reasons["dropped_short"] += int(short.sum())
        inside &= ~short[flight]
    df = df.with_columns(pl.Series("flight_idx", flight, dtype=pl.Int64)).filter(pl.Series(inside))
    return df.drop("_low"), reasons
