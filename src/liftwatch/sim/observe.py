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
from liftwatch.sim.coverage import DEFAULT_NETWORK, Crop, Network
from liftwatch.sim.kinematics import Trajectory
from liftwatch.sim.plan import Movement

US = 1_000_000


NEAR_KM = 15.0  # a take-off/landing is seen when a fix is this close to the field ...
NEAR_FT = 3000.0  # ... and this low above it
EDGE_S = 600.0  # a flight still heard this close to the data's end is cut by the data, not by coverage


@dataclass
class Observed:
    points: pl.DataFrame
    gaps: pl.DataFrame
    ending: str  # landed | landed_unknown_site | dark | out_of_coverage | data_end
    went_dark_at: datetime | None
    dep_time: datetime
    arr_time: datetime
    start: str = "takeoff"  # takeoff | takeoff_unknown_site | in_air (air); departed | under_way (sea)


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
    network: Network = DEFAULT_NETWORK,
    crop: Crop | None = None,
    data_end: datetime | None = None,
) -> Observed:
    """Sample ``tr`` every ~``cadence_s`` seconds and keep what a receiver network would have recorded.

    A sample is heard with probability ``p_detect`` times the network's reception probability at its
    position and height (0 beyond every receiver's reach, fading near the rim), plus satellite fixes
    (ships) at ``sat_rate``; a ``crop`` then drops everything outside the provider's box. The ending and
    start in the truth follow from what was kept (see ``docs/simulator.md``)."""
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
    p_rx = network.probability(lat, lon, np.where(tr.on_ground[idx], 0.0, alt))
    heard = rng.random(len(idx)) < p_detect * p_rx
    if sat_rate > 0:
        heard |= rng.random(len(idx)) < sat_rate
    inside = crop.contains(lat, lon) if crop is not None else np.ones(len(idx), dtype=bool)
    keep = heard & ~dark & inside
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
    if crop is not None:  # the provider crops what it reports: a fix just inside, moved out by its noise, goes
        frame = frame.filter(pl.Series(crop.contains(frame["lat"].to_numpy(), frame["lon"].to_numpy())))
    dep_time = t0 + timedelta(seconds=float(_first_airborne(tr)))
    arr_time = t0 + timedelta(seconds=float(_last_airborne(tr)))
    went_dark_at = (t0 + timedelta(seconds=went_dark_s)) if went_dark_s is not None else None
    t_end_us = int(data_end.timestamp() * US) if data_end is not None else None
    seen = k if t_end_us is None else k[t_us[k] < t_end_us]  # what the data holds before its end
    ending = "landed"
    dark_in_data = went_dark_at is not None and (data_end is None or went_dark_at < data_end)
    if dark_in_data and (crop is None or _dark_inside(crop, tr, float(went_dark_s or 0.0))):
        ending = "dark"  # switched off where the data would have shown it (inside a crop, if any)
    else:
        last = seen[-1] if len(seen) else -1
        near = (
            len(seen) > 0
            and float(total - s[idx][last]) < NEAR_KM
            and (m.domain == "sea" or float(alt[last]) < tr.alt_ft[-1] + NEAR_FT)
        )
        ending = ("landed" if m.arr_site else "landed_unknown_site") if near else "out_of_coverage"
    if data_end is not None and arr_time >= data_end and ending != "dark":
        # still flying when the data stops: cut by the data if it was being heard then, else it had left
        heard_late = len(seen) > 0 and int(data_end.timestamp() * US) - int(t_us[seen[-1]]) <= EDGE_S * US
        ending = "data_end" if heard_late else "out_of_coverage"
    first = seen[0] if len(seen) else -1
    from_field = (
        len(seen) > 0
        and float(s[idx][first]) < NEAR_KM
        and (m.domain == "sea" or float(alt[first]) < tr.alt_ft[0] + NEAR_FT)
    )
    if m.domain == "sea":
        start = "departed" if from_field else "under_way"
    else:
        start = ("takeoff" if m.dep_site else "takeoff_unknown_site") if from_field else "in_air"
    return Observed(
        points=frame,
        gaps=gaps,
        ending=ending,
        went_dark_at=went_dark_at,
        dep_time=dep_time,
        arr_time=arr_time,
        start=start,
    )


def _dark_inside(crop: Crop, tr: Trajectory, t_s: float) -> bool:
    """Was the aircraft inside the crop when its transponder went off?"""
    j = min(int(np.searchsorted(tr.t_s, t_s)), len(tr.t_s) - 1)
    return bool(crop.contains(tr.lat[j : j + 1], tr.lon[j : j + 1])[0])


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
