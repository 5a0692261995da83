"""Cleaning canonical points before they become flights: one job, explainable drops.

Receivers and aggregators produce duplicates (the same message heard by several feeders, a trace and the
aircraft.json snapshots of the same day), out-of-order rows, CPR decoding errors that teleport an aircraft
hundreds of kilometres for one fix, and single-message altitude spikes. Every drop is counted by reason in
a :class:`CleanReport` so an analyst can see what was removed and why.

All steps are whole-partition Polars/NumPy expressions: a global ``shift`` plus a same-asset mask replaces a
per-asset loop. The speed gate uses the aircraft type's maximum speed from the knowledge base (with a margin
for tail-wind and noise) and pyModeS's 1500 kt when the type is unknown. A first fix counts only once it is
confirmed: positions form "consistency runs" (consecutive fixes whose implied speed is possible) and runs
shorter than ``min_run`` fixes are dropped, which removes isolated jumps and unconfirmed first fixes alike.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import polars as pl

from liftwatch.geodesy import EARTH_RADIUS_KM, KM_PER_NM, haversine_km

DEFAULT_MAX_KT = 1500.0  # pyModeS's gate when the type is unknown
SPEED_MARGIN = 1.3  # ground speed can exceed the type's max airspeed with a jet-stream tail-wind
SPEED_SLACK_KT = 80.0
POSITION_SLACK_KM = 1.0  # position noise (MLAT, rounding) tolerated on top of the speed gate
ALT_SPIKE_FT = 1500.0  # an isolated altitude this far from both neighbours (plus a climb allowance) is a spike
MAX_CLIMB_FPM = 8000.0
FILL_WINDOW_S = 120  # how far back a missing speed/track/vrate may be filled from the same airframe
CALLSIGN_FILL_S = 900


@dataclass
class CleanReport:
    """What cleaning did, by reason. ``dropped`` rows are removed; ``altered`` rows kept with a value nulled."""

    rows_in: int = 0
    rows_out: int = 0
    dropped: Counter[str] = field(default_factory=Counter)
    altered: Counter[str] = field(default_factory=Counter)

    def merge(self, other: CleanReport) -> None:
        self.rows_in += other.rows_in
        self.rows_out += other.rows_out
        self.dropped.update(other.dropped)
        self.altered.update(other.altered)

    def as_dict(self) -> dict[str, Any]:
        return {
            "rows_in": self.rows_in,
            "rows_out": self.rows_out,
            "dropped": dict(self.dropped),
            "altered": dict(self.altered),
        }


def gate_table(types: pl.DataFrame | None) -> dict[str, float]:
    """Speed gate (kt) per ICAO type code from ``kb.aircraft_types()`` (type_code, max_kt)."""
    if types is None or types.height == 0 or "max_kt" not in types.columns:
        return {}
    rows = types.select("type_code", "max_kt").drop_nulls().iter_rows()
    return {str(t).upper(): float(k) * SPEED_MARGIN + SPEED_SLACK_KT for t, k in rows}


def group_sorted(df: pl.DataFrame, rep: CleanReport | None = None) -> pl.DataFrame:
    """Rows of each airframe contiguous and in time order: every kernel shifts over the whole frame.

    A frame that is already so (the store's partitions) is checked in one cheap pass and left alone.
    Otherwise rows that came earlier than the airframe's previous row are counted as ``out_of_order``
    and the frame is sorted by the asset's 64-bit hash and time, ~3x faster than sorting the text and
    just as good for grouping.
    """
    a, t = pl.col("asset_id"), pl.col("ts")
    new = (a != a.shift(1)).fill_null(True)
    grouped, ordered = df.select(
        (new.sum() == a.n_unique()).alias("grouped"),
        (new | (t >= t.shift(1))).fill_null(True).all().alias("ordered"),
    ).row(0)
    if grouped and ordered:
        return df
    if rep is not None:
        back = df.select((t < t.shift(1).over("asset_id")).fill_null(False).sum()).item()
        if back:
            rep.altered["out_of_order"] += int(back)
    return df.sort(a.hash(), t, maintain_order=True)


def _fill_recent(df: pl.DataFrame, cols: list[str], window_s: int) -> pl.DataFrame:
    """Fill nulls from the same asset's last value if it is at most ``window_s`` old.

    Readers that split one aircraft state over several messages (SBS MSG 3 position, MSG 4 velocity,
    MSG 1 callsign) leave position rows without speed or callsign; carrying the recent value forward lets
    the position rows stand alone once identity-only rows are dropped.
    """
    exprs = []
    for c in cols:
        if c not in df.columns or df[c].null_count() == 0:
            continue
        stamp = pl.when(pl.col(c).is_not_null()).then(pl.col("ts")).otherwise(None)
        last_ts = stamp.forward_fill().over("asset_id")
        last_val = pl.col(c).forward_fill().over("asset_id")
        ok = (pl.col("ts") - last_ts).dt.total_seconds() <= window_s
        exprs.append(pl.when(pl.col(c).is_null() & ok).then(last_val).otherwise(pl.col(c)).alias(c))
    return df.with_columns(exprs) if exprs else df


def _links(lat: np.ndarray, lon: np.ndarray, t_s: np.ndarray, same: np.ndarray, gate_kt: np.ndarray) -> np.ndarray:
    """For each row i > 0: is the link (i-1 -> i) physically possible? Row 0 / new asset: True."""
    n = lat.shape[0]
    ok = np.ones(n, dtype=bool)
    if n < 2:
        return ok
    dt = np.maximum(t_s[1:] - t_s[:-1], 0.0)
    allowed = np.maximum(gate_kt[1:], gate_kt[:-1]) * KM_PER_NM * dt / 3600.0 + POSITION_SLACK_KM
    # The great-circle distance is at most R (|dlat| + |dlon|) (radians: along a meridian, then a parallel no
    # longer than the equator's arc). Almost every link is well inside the gate by that bound alone; the
    # trigonometry runs only for the others, so the test gives what the full haversine would.
    bound = (np.abs(lat[1:] - lat[:-1]) + np.abs(lon[1:] - lon[:-1])) * (np.pi / 180.0 * EARTH_RADIUS_KM)
    sure = bound * (1.0 + 1e-6) <= allowed
    check = np.flatnonzero(~sure)
    link = sure.copy()
    if check.size:
        d = haversine_km(lat[check], lon[check], lat[check + 1], lon[check + 1])
        link[check] = d <= allowed[check]
    ok[1:] = link | ~same[1:]
    return ok


def clean_points(
    points: pl.DataFrame,
    *,
    gates: dict[str, float] | None = None,
    min_run: int = 3,
    report: CleanReport | None = None,
) -> tuple[pl.DataFrame, CleanReport]:
    """Return cleaned points (air and sea alike) sorted by (asset_id, ts), and the report of what was dropped.

    ``gates`` maps type code to the speed gate in knots (see :func:`gate_table`); ``min_run`` is how many
    mutually consistent fixes confirm a position (isolated jumps and lone first fixes fall below it).
    """
    rep = report or CleanReport()
    rep.rows_in += points.height
    if points.height == 0:
        return points, rep
    df = group_sorted(points, rep)
    df = _fill_recent(df, ["gs_kt", "track_deg", "vrate_fpm"], FILL_WINDOW_S)
    df = _fill_recent(df, ["callsign"], CALLSIGN_FILL_S)
    # Rows without a position carry no trajectory.
    nopos = df["lat"].is_null() | df["lon"].is_null() | (df["lat"].abs() > 90) | (df["lon"].abs() > 180)
    n = int(nopos.sum())
    if n:
        rep.dropped["no_position"] += n
        df = df.filter(~nopos)
    # Duplicates: one fix per airframe per timestamp (several feeders, overlapping files).
    # Rows are grouped by airframe and in time order, so a duplicate follows the row it repeats: comparing
    # each row with the previous one keeps the first of each (asset_id, ts), as ``unique(keep="first")``
    # would, at a fraction of the cost of hashing every (id, time) pair.
    a, t = pl.col("asset_id"), pl.col("ts")
    dup = df.select(((a == a.shift(1)) & (t == t.shift(1))).fill_null(False).alias("d"))["d"]
    n = int(dup.sum())
    if n:
        rep.dropped["duplicate"] += n
        df = df.filter(~dup)
    # Type-aware speed gate. Airframe type: any non-null type code seen for the asset.
    gates = gates or {}
    df = df.with_columns(pl.col("type_code").fill_null(pl.col("type_code").drop_nulls().first().over("asset_id")))
    sea = df["domain"] == "sea"
    tc = df["type_code"].str.to_uppercase()
    if gates:
        gate = tc.replace_strict(gates, default=DEFAULT_MAX_KT, return_dtype=pl.Float64).fill_null(DEFAULT_MAX_KT)
    else:
        gate = pl.Series("gate", np.full(df.height, DEFAULT_MAX_KT))
    gate = pl.select(pl.when(sea).then(60.0).otherwise(gate)).to_series()
    for _ in range(2):
        if df.height == 0:
            break
        lat, lon = df["lat"].to_numpy(), df["lon"].to_numpy()
        t_s = df["ts"].dt.epoch("us").to_numpy().astype(np.float64) / 1e6
        asset = df["asset_id"]
        same = (asset == asset.shift(1)).fill_null(False).to_numpy()
        ok = _links(lat, lon, t_s, same, gate.to_numpy())
        run = np.cumsum(~ok | ~same)  # new run at every impossible link or new asset
        run_len = np.bincount(run)[run]
        drop = run_len < min_run
        if not drop.any():
            break
        # A short run that opens an asset's data is an unconfirmed first fix, elsewhere a jump.
        starts = np.flatnonzero(~same)
        first_run_ids = run[starts]
        first_run = np.isin(run, first_run_ids)
        rep.dropped["unconfirmed_first_fix"] += int((drop & first_run).sum())
        rep.dropped["speed_jump"] += int((drop & ~first_run).sum())
        keep = pl.Series(~drop)
        df = df.filter(keep)
        gate = gate.filter(keep)
    df = _drop_frozen_jumps(df, rep)
    df = _drop_stale_repeats(df, rep)
    df = _despike_altitude(df, rep)
    rep.rows_out += df.height
    return df, rep


def _drop_frozen_jumps(df: pl.DataFrame, rep: CleanReport) -> pl.DataFrame:
    """Drop runs of fixes whose position is frozen while the altitude jumped impossibly (``frozen_alt_jump``).

    Aggregated state vectors keep repeating an aircraft's last position after landing, and some carry a
    garbage barometric altitude with them (OpenSky: FL350 over Orly's runway, ``on_ground`` false, for the
    minutes after touch-down). Such a run starts with a climb no aircraft can fly, the position does not
    move, and it lasts to the end of the airframe's data (or a gap) or jumps back: it is no observation at all, and left
    in it would turn a landing into an airliner vanishing at cruise ("dark").
    """
    if df.height < 3:
        return df
    alt = df["alt_baro_ft"].cast(pl.Float64).fill_null(np.nan).to_numpy()
    asset = df["asset_id"]
    same = (asset == asset.shift(1)).fill_null(False).to_numpy()
    t_s = df["ts"].dt.epoch("us").to_numpy().astype(np.float64) / 1e6
    prev_alt = pl.Series(np.r_[np.nan, alt[:-1]]).fill_nan(None).forward_fill().to_numpy()
    prev_alt = np.where(same, prev_alt, np.nan)  # forward fill may cross assets: masked by ``same`` below
    dt = np.r_[0.0, np.diff(t_s)]
    jump = same & (np.abs(alt - prev_alt) > ALT_SPIKE_FT + MAX_CLIMB_FPM * np.maximum(dt, 1.0) / 60.0)
    gap = same & (dt > 60.0)  # a reception gap ends a run too (the next flight may follow it)
    run = np.cumsum(jump | ~same | gap)
    lat, lon = df["lat"].to_numpy(), df["lon"].to_numpy()
    runs = (
        pl.DataFrame({"run": run, "lat": lat, "lon": lon, "start_jump": jump})
        .group_by("run")
        .agg(
            (pl.col("lat").max() - pl.col("lat").min()).alias("dlat"),
            (pl.col("lon").max() - pl.col("lon").min()).alias("dlon"),
            pl.col("start_jump").first().alias("start_jump"),
            pl.len().alias("n"),
        )
    )
    # a single odd fix is a spike (nulled by _despike_altitude); a frozen run repeats one position
    frozen = pl.col("start_jump") & (pl.col("n") >= 2) & (pl.col("dlat") < 1e-3) & (pl.col("dlon") < 1e-3)
    frozen_runs = runs.filter(frozen)["run"]
    if frozen_runs.len() == 0:
        return df
    bad = np.isin(run, frozen_runs.to_numpy())
    # only runs that end the airframe's data or end by jumping back (a real level-off moves)
    last_of_asset = np.r_[~same[1:], True]
    run_end = np.r_[run[1:] != run[:-1], True]
    ends_ok = run_end & (last_of_asset | np.r_[jump[1:] | gap[1:], False])
    ok_runs = np.unique(run[ends_ok & bad])
    bad &= np.isin(run, ok_runs)
    n = int(bad.sum())
    if n:
        rep.dropped["frozen_alt_jump"] += n
        df = df.filter(pl.Series(~bad))
    return df


STALE_S = 60.0  # a position repeated this long while the aircraft reports flying speed is a held state


def _drop_stale_repeats(df: pl.DataFrame, rep: CleanReport) -> pl.DataFrame:
    """Keep only the first of a run of identical positions held for ``STALE_S`` or more at flying speed.

    Aggregators re-emit an aircraft's last state vector every second until it times out; an aircraft doing
    hundreds of knots cannot sit still for a minute, so the copies are not observations (``stale_position``).
    Left in, they make the flight seem to end later and elsewhere in time than it did.
    """
    if df.height < 3:
        return df
    same = (pl.col("asset_id") == pl.col("asset_id").shift(1)).fill_null(False)
    moved = (pl.col("lat") != pl.col("lat").shift(1)) | (pl.col("lon") != pl.col("lon").shift(1))
    run = df.select((~same | moved.fill_null(True)).cum_sum().alias("_run"))["_run"].to_numpy()
    # almost every fix moves (a run of one): only runs of 2+ fixes spanning STALE_S (rows are in time order
    # per airframe, so first-to-last is the run's span) need the median speed, computed for them alone
    counts = np.bincount(run)
    starts = np.flatnonzero(np.diff(run, prepend=-1) != 0)
    ends = np.r_[starts[1:] - 1, run.shape[0] - 1]
    t_us = df["ts"].dt.epoch("us").to_numpy()
    long_run = np.zeros(counts.shape[0], dtype=bool)
    long_run[run[starts]] = (counts[run[starts]] > 1) & (t_us[ends] - t_us[starts] >= int(STALE_S * 1e6))
    cand = long_run[run]
    if not cand.any():
        return df
    med = (
        df.select(pl.Series("_run", run), "gs_kt")
        .filter(pl.Series(cand))
        .group_by("_run")
        .agg(pl.col("gs_kt").median())
        .filter(pl.col("gs_kt") >= 50.0)
    )
    fast_run = np.zeros(counts.shape[0], dtype=bool)
    fast_run[med["_run"].to_numpy()] = True
    copy = np.ones(run.shape[0], dtype=bool)
    copy[starts] = False
    bad = cand & fast_run[run] & copy
    n = int(bad.sum())
    if n == 0:
        return df
    rep.dropped["stale_position"] += n
    return df.filter(pl.Series(~bad))


def _despike_altitude(df: pl.DataFrame, rep: CleanReport) -> pl.DataFrame:
    """Null isolated barometric altitudes that disagree with both neighbours (which agree with each other)."""
    if df.height < 3:
        return df
    a = pl.col("alt_baro_ft")
    same_prev = pl.col("asset_id") == pl.col("asset_id").shift(1)
    same_next = pl.col("asset_id") == pl.col("asset_id").shift(-1)
    dtp = (pl.col("ts") - pl.col("ts").shift(1)).dt.total_seconds()
    dtn = (pl.col("ts").shift(-1) - pl.col("ts")).dt.total_seconds()
    tol_p = ALT_SPIKE_FT + MAX_CLIMB_FPM * dtp / 60.0
    tol_n = ALT_SPIKE_FT + MAX_CLIMB_FPM * dtn / 60.0
    spike = (
        same_prev
        & same_next
        & ((a - a.shift(1)).abs() > tol_p)
        & ((a - a.shift(-1)).abs() > tol_n)
        & ((a.shift(-1) - a.shift(1)).abs() <= tol_p + tol_n)
    ).fill_null(False)
    absurd = ((a < -2000) | (a > 65000)).fill_null(False)
    flags = df.select(spike.alias("s"), absurd.alias("x"))
    n_spike, n_absurd = int(flags["s"].sum()), int(flags["x"].sum())
    if n_spike + n_absurd == 0:
        return df
    rep.altered["alt_spike"] += n_spike
    rep.altered["alt_out_of_range"] += n_absurd
    bad = flags["s"] | flags["x"]
    return df.with_columns(pl.when(bad).then(None).otherwise(a).alias("alt_baro_ft"))
