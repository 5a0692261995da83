"""What receivers record of a true trajectory: sampling, coverage, switched-off transponders, noise, defects.

Kept separate from the physics so that the same truth can be observed under different receiver networks and
transponder behaviour. Everything is array-at-a-time per trajectory; per-point truth of *why* a point is
missing ("dark" or "coverage") comes out alongside, which is what the accuracy figures are measured against.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import numpy as np
import numpy.typing as npt
import polars as pl

from liftwatch.geodesy import haversine_km
from liftwatch.schema import PointFlag
from liftwatch.sim.coverage import covered
from liftwatch.sim.kinematics import Trajectory
from liftwatch.sim.plan import Movement

US = 1_000_000


@dataclass
class Observed:
    points: pl.DataFrame
    gaps: pl.DataFrame
    ending: str
    went_dark_at: datetime | None
    dep_time: datetime
    arr_time: datetime


def _along_km(tr: Trajectory) -> npt.NDArray[np.float64]:
    d = haversine_km(tr.lat[:-1], tr.lon[:-1], tr.lat[1:], tr.lon[1:])
    return np.concatenate([[0.0], np.cumsum(d)])


def observe(
    m: Movement,
    tr: Trajectory,
    rng: np.random.Generator,
    *,
    cadence_s: float,
    source: str,
    p_detect: float = 0.96,
    noise_m: float = 25.0,
    dup_rate: float = 0.01,
    sat_rate: float = 0.0,
) -> Observed:
    """Sample ``tr`` every ~``cadence_s`` seconds and keep what a receiver network would have recorded."""
    step = float(tr.t_s[1] - tr.t_s[0]) if len(tr.t_s) > 1 else 1.0
    stride = max(1, round(cadence_s / step))
    idx = np.arange(int(rng.integers(0, stride)), len(tr.t_s), stride)
    jitter = rng.integers(-stride // 3, stride // 3 + 1, size=len(idx)) if stride >= 3 else 0
    idx = np.unique(np.clip(idx + jitter, 0, len(tr.t_s) - 1))
    s = _along_km(tr)
    total = s[-1]
    lat, lon, alt = tr.lat[idx], tr.lon[idx], tr.alt_ft[idx]
    dark = np.zeros(len(idx), dtype=bool)
    went_dark_s: float | None = None
    if m.dark_before_km is not None:
        cut = s[idx] >= total - m.dark_before_km
        dark |= cut
        went_dark_s = float(tr.t_s[np.searchsorted(s, total - m.dark_before_km)])
    if m.dark_after_km is not None:
        dark |= s[idx] <= m.dark_after_km
    cov = covered(lat, lon, np.where(tr.on_ground[idx], 0.0, alt))
    heard = cov & (rng.random(len(idx)) < p_detect)
    if sat_rate > 0:
        heard |= rng.random(len(idx)) < sat_rate
    keep = heard & ~dark
    t0 = m.dep_time
    t_us = (tr.t_s[idx] * US).astype(np.int64) + int(t0.timestamp() * US)
    # truth of gaps: runs of unobserved samples longer than 3 cadences, reason dark or coverage
    gaps = _gaps(m.asset_id, t_us, keep, dark, cadence_s)
    k = np.flatnonzero(keep)
    n = len(k)
    north = rng.normal(0.0, noise_m, n) / 111_320.0
    east = rng.normal(0.0, noise_m, n) / (111_320.0 * np.cos(np.radians(lat[k])))
    callsign = np.full(n, m.callsign, dtype=object)
    if m.callsign_change and n > 4:
        callsign[n // 2 :] = m.callsign_change
    flags = np.where(rng.random(n) < 0.01, int(PointFlag.STALE), 0).astype(np.uint16) | int(PointFlag.SIMULATED)
    on_ground = tr.on_ground[idx][k]
    alt_obs = np.round(alt[k] / 25.0) * 25.0
    frame = pl.DataFrame(
        {
            "source": source,
            "domain": m.domain,
            "asset_id": m.asset_id,
            "ts": pl.Series(t_us[k], dtype=pl.Int64).cast(pl.Datetime("us", "UTC")),
            "lat": lat[k] + north,
            "lon": lon[k] + east,
            "alt_baro_ft": pl.Series(np.where(on_ground, np.nan, alt_obs), dtype=pl.Float32).fill_nan(None)
            if m.domain == "air"
            else pl.Series([None] * n, dtype=pl.Float32),
            "gs_kt": np.round(tr.gs_kt[idx][k], 1).astype(np.float32),
            "track_deg": np.round(tr.track_deg[idx][k], 1).astype(np.float32),
            "vrate_fpm": (np.round(tr.vrate_fpm[idx][k] / 64.0) * 64.0).astype(np.float32),
            "heading_deg": (np.round(tr.track_deg[idx][k]) % 360).astype(np.float32)
            if m.domain == "sea"
            else pl.Series([None] * n, dtype=pl.Float32),
            "on_ground": on_ground,
            "callsign": pl.Series(callsign, dtype=pl.String),
            "squawk": "1200" if m.classification == "civil" else "7401" if m.domain == "air" else None,
            "flags": flags,
            "registration": m.registration,
            "type_code": m.type_code,
        },
        strict=False,
    )
    if n > 10 and dup_rate > 0:  # duplicated rows (same report twice) as feeders do
        dups = frame[np.flatnonzero(rng.random(n) < dup_rate).tolist()]
        frame = pl.concat([frame, dups])
    dep_time = t0 + timedelta(seconds=float(_first_airborne(tr)))
    arr_time = t0 + timedelta(seconds=float(_last_airborne(tr)))
    ending = "landed"
    if went_dark_s is not None:
        ending = "dark"
    else:
        last = k[-1] if n else -1
        near = (
            n > 0
            and float(total - s[idx][last]) < 15.0
            and (m.domain == "sea" or float(alt[last]) < tr.alt_ft[-1] + 3000.0)
        )
        ending = "landed" if near else "out_of_coverage"
    return Observed(
        points=frame,
        gaps=gaps,
        ending=ending,
        went_dark_at=(t0 + timedelta(seconds=went_dark_s)) if went_dark_s is not None else None,
        dep_time=dep_time,
        arr_time=arr_time,
    )


def _first_airborne(tr: Trajectory) -> float:
    air = np.flatnonzero(~tr.on_ground)
    return float(tr.t_s[air[0]]) if len(air) else float(tr.t_s[0])


def _last_airborne(tr: Trajectory) -> float:
    air = np.flatnonzero(~tr.on_ground)
    return float(tr.t_s[air[-1]]) if len(air) else float(tr.t_s[-1])


def _gaps(
    asset: str, t_us: npt.NDArray[np.int64], keep: npt.NDArray[np.bool_], dark: npt.NDArray[np.bool_], cadence_s: float
) -> pl.DataFrame:
    """Runs of missing samples, with the reason of the majority of the run (vectorised run-length encoding)."""
    miss = ~keep
    if not miss.any():
        return pl.DataFrame(
            schema={
                "asset_id": pl.String,
                "start": pl.Datetime("us", "UTC"),
                "end": pl.Datetime("us", "UTC"),
                "reason": pl.String,
            }
        )
    edges = np.diff(np.concatenate([[0], miss.astype(np.int8), [0]]))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1)
    dark_cum = np.concatenate([[0], np.cumsum(dark & miss)])
    n_dark = dark_cum[ends] - dark_cum[starts]
    long_ = (ends - starts) >= 3
    s, e = starts[long_], ends[long_] - 1
    reason = np.where(n_dark[long_] * 2 > (ends - starts)[long_], "dark", "coverage")
    return pl.DataFrame(
        {
            "asset_id": pl.Series([asset] * len(s), dtype=pl.String),
            "start": pl.Series(t_us[s], dtype=pl.Int64).cast(pl.Datetime("us", "UTC")),
            "end": pl.Series(t_us[e], dtype=pl.Int64).cast(pl.Datetime("us", "UTC")),
            "reason": pl.Series(reason.tolist(), dtype=pl.String),
        }
    )
