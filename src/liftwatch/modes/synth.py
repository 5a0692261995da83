"""Synthetic message streams: many aircraft flying straight tracks, encoded into valid DF17 messages.

For the decoder benchmark (>= 1 M messages), the live-feed tests and the pyModeS oracle tests. Each aircraft
transmits like a real transponder: an airborne position every 0.5 s alternating even/odd, a velocity every
second and an identification every 5 s, with random start times so aircraft interleave.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from liftwatch.modes import encode

F64 = npt.NDArray[np.float64]


@dataclass
class Stream:
    ts: F64  # epoch seconds, sorted
    msgs: npt.NDArray[np.uint8]  # (N, 14)
    icao: npt.NDArray[np.int64]
    truth_lat: F64  # NaN for non-position messages
    truth_lon: F64

    def hex(self) -> list[str]:
        return encode.to_hex(self.msgs)


def stream(
    n_aircraft: int,
    duration_s: float,
    *,
    seed: int = 0,
    t0: float = 1_735_689_600.0,
    center: tuple[float, float] = (34.0, 30.0),
    spread_deg: float = 8.0,
    position_period_s: float = 0.5,
) -> Stream:
    """Messages of ``n_aircraft`` straight-line flights over ``duration_s`` seconds, sorted by time."""
    rng = np.random.default_rng(seed)
    icao = rng.choice(np.arange(0x100000, 0xFFFFFF), size=n_aircraft, replace=False).astype(np.int64)
    lat0 = center[0] + rng.uniform(-spread_deg, spread_deg, n_aircraft)
    lon0 = center[1] + rng.uniform(-spread_deg, spread_deg, n_aircraft)
    gs = rng.uniform(250, 480, n_aircraft)
    trk = rng.uniform(0, 360, n_aircraft)
    alt = np.round(rng.uniform(5000, 40000, n_aircraft) / 25) * 25
    vr = rng.choice([0.0, 0.0, 1024.0, -1024.0], n_aircraft)
    phase = rng.uniform(0, 1.0, n_aircraft)
    callsigns = [f"RFF{int(x):04d}" for x in rng.integers(0, 9999, n_aircraft)]

    def positions_at(t: F64, a: npt.NDArray[np.int64]) -> tuple[F64, F64]:
        d_nm = gs[a] * t / 3600.0
        lat = lat0[a] + d_nm / 60.0 * np.cos(np.radians(trk[a]))
        lon = lon0[a] + d_nm / 60.0 * np.sin(np.radians(trk[a])) / np.cos(np.radians(lat0[a]))
        return lat, lon

    k_pos = int(duration_s / position_period_s)
    a_pos = np.repeat(np.arange(n_aircraft), k_pos)
    t_pos = phase[a_pos] + np.tile(np.arange(k_pos) * position_period_s, n_aircraft)
    fmt = np.tile(np.arange(k_pos) % 2, n_aircraft)
    plat, plon = positions_at(t_pos, a_pos)
    m_pos = encode.airborne_position(icao[a_pos], plat, plon, alt[a_pos] + vr[a_pos] * t_pos / 60.0, fmt)

    k_vel = int(duration_s)
    a_vel = np.repeat(np.arange(n_aircraft), k_vel)
    t_vel = phase[a_vel] + 0.25 + np.tile(np.arange(k_vel, dtype=np.float64), n_aircraft)
    m_vel = encode.velocity(icao[a_vel], gs[a_vel], trk[a_vel], vr[a_vel])

    k_id = max(1, int(duration_s / 5))
    a_id = np.repeat(np.arange(n_aircraft), k_id)
    t_id = phase[a_id] + 0.1 + np.tile(np.arange(k_id) * 5.0, n_aircraft)
    m_id = encode.identification(icao[a_id], [callsigns[i] for i in a_id.tolist()])

    ts = np.concatenate([t_pos, t_vel, t_id]) + t0
    msgs = np.concatenate([m_pos, m_vel, m_id])
    ic = np.concatenate([icao[a_pos], icao[a_vel], icao[a_id]])
    tl = np.concatenate([plat, np.full(t_vel.size + t_id.size, np.nan)])
    tn = np.concatenate([plon, np.full(t_vel.size + t_id.size, np.nan)])
    order = np.argsort(ts, kind="stable")
    return Stream(ts[order], msgs[order], ic[order], tl[order], tn[order])
