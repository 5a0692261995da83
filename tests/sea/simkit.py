"""A sea-only scenario for accuracy tests: many ships shuttling between Eastern Mediterranean ports, some dark.

Built from the simulator's own pieces (``sim.kinematics.sail``, ``sim.observe.observe``, the receiver coverage
model) so the physics and reception are the main simulator's; what is added here is what the main scenario has too little
of: dozens of voyages, stays in port with reports while the ship is moored (when a receiver hears the port and the
ship is not dark), and ground truth of port calls and dark intervals.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import numpy as np
import polars as pl

from liftwatch import kb
from liftwatch.schema import conform, points_frame
from liftwatch.sim.coverage import covered
from liftwatch.sim.kinematics import Field, sail
from liftwatch.sim.observe import observe
from liftwatch.sim.plan import SEA_VIA, Movement

PORTS = ("tartus", "latakia-port", "tobruk-port", "benghazi-port")
_BENGHAZI_TOBRUK = [(33.3, 23.0), (33.3, 21.5), (32.4, 19.9)]


def _via(a: str, b: str) -> list[tuple[float, float]]:
    if (a, b) in SEA_VIA:
        return list(SEA_VIA[(a, b)])
    if (b, a) in SEA_VIA:
        return list(reversed(SEA_VIA[(b, a)]))
    if {a, b} == {"tobruk-port", "benghazi-port"}:
        return _BENGHAZI_TOBRUK if a == "tobruk-port" else list(reversed(_BENGHAZI_TOBRUK))
    if "latakia-port" in (a, b):
        other = b if a == "latakia-port" else a
        if other == "tartus":
            return [(35.2, 35.6)]
        leg = [(35.2, 35.6), *_via("tartus", other)]
        return leg if a == "latakia-port" else list(reversed(leg))
    raise KeyError((a, b))


def _field(site_id: str) -> Field:
    s = kb.site(site_id)
    return Field(site_id, float(s.lat), float(s.lon), 0.0)


@dataclass
class SeaScenario:
    points: pl.DataFrame
    voyages: pl.DataFrame  # asset_id, dep_site, arr_site, dep_time, arr_time, dark, ending
    dark: pl.DataFrame  # asset_id, start, end: intervals with the transponder off
    end: datetime


def generate(n_ships: int = 12, days: int = 30, seed: int = 3, p_dark: float = 0.3) -> SeaScenario:
    rng = np.random.default_rng(seed)
    start = datetime(2024, 11, 1, tzinfo=UTC)
    end = start + timedelta(days=days)
    frames, truth, dark = [], [], []
    for k in range(n_ships):
        mmsi = f"273{int(rng.integers(100000, 999999)):06d}"
        here = str(rng.choice(PORTS))
        t = start + timedelta(hours=float(rng.uniform(0, 48)))
        dark_from: datetime | None = None  # the ship is dark in port after a dark arrival
        i = 0
        while t < end - timedelta(days=3):
            there = str(rng.choice([p for p in PORTS if p != here and {p, here} != {"tartus", "latakia-port"}]))
            is_dark = bool(rng.random() < p_dark)
            m = Movement(
                "sea",
                mmsi,
                f"SHIP {k}",
                "roro-small",
                f"SHIP {k}",
                "state",
                here,
                there,
                t,
                f"{here}->{there}",
                via=_via(here, there),
                speed=float(rng.uniform(11, 15)),
                dark_before_km=float(rng.uniform(200, 350)) if is_dark else None,
                dark_after_km=float(rng.uniform(150, 300)) if dark_from is not None else None,
            )
            tr = sail(_field(here), _field(there), m.speed, m.via, step_s=10.0)
            r = np.random.default_rng([seed, k, i])
            ob = observe(m, tr, r, cadence_s=180.0, source="sim", noise_m=10.0, sat_rate=0.03, dup_rate=0.0)
            frames.append(ob.points)
            if dark_from is not None:
                # dark from the earlier went-dark time through the stay until the first report of this voyage
                first = ob.points["ts"].min() if ob.points.height else ob.arr_time
                dark.append({"asset_id": mmsi, "start": dark_from, "end": first})
                dark_from = None
            arr_time = t + timedelta(seconds=float(tr.t_s[-1]))
            if is_dark:
                dark_from = ob.went_dark_at
            truth.append(
                {
                    "asset_id": mmsi,
                    "dep_site": here,
                    "arr_site": there,
                    "dep_time": t,
                    "arr_time": arr_time,
                    "dark": is_dark,
                    "ending": ob.ending,
                }
            )
            stay_h = float(rng.uniform(20, 72))
            if not is_dark:  # moored and transmitting: every 10 min under a receiver, else satellite fixes only
                f = _field(there)
                n = int(stay_h * 6)
                heard = bool(covered(np.array([f.lat]), np.array([f.lon]), np.array([0.0]))[0])
                keep = np.ones(n, bool) if heard else r.random(n) < 0.03 * 10 / 3  # sim: 3 % per 3-min sample
                ts = [arr_time + timedelta(minutes=10 * j + float(r.uniform(0, 3))) for j in np.flatnonzero(keep)]
                n = len(ts)
                if n:
                    frames.append(
                        pl.DataFrame(
                            {
                                "source": "sim",
                                "domain": "sea",
                                "asset_id": mmsi,
                                "ts": ts,
                                "lat": f.lat + r.normal(0, 0.0005, n),
                                "lon": f.lon + r.normal(0, 0.0005, n),
                                "gs_kt": np.round(r.uniform(0, 0.3, n), 1),
                                "track_deg": r.uniform(0, 360, n).round(1),
                                "heading_deg": np.full(n, 90.0),
                                "callsign": f"SHIP {k}",
                                "flags": 128,
                            }
                        )
                    )
            t = arr_time + timedelta(hours=stay_h)
            here = there
            i += 1
        if dark_from is not None:
            dark.append({"asset_id": mmsi, "start": dark_from, "end": end})
    pts = pl.concat(frames, how="diagonal_relaxed").with_columns(pl.col("flags").fill_null(128))
    pts = points_frame(conform(pts)).filter(pl.col("ts") < end)
    tv = pl.DataFrame(truth).with_columns(pl.col("dep_time", "arr_time").cast(pl.Datetime("us", "UTC")))
    dk = pl.DataFrame(
        dark, schema={"asset_id": pl.String, "start": pl.Datetime("us", "UTC"), "end": pl.Datetime("us", "UTC")}
    )
    return SeaScenario(pts, tv, dk, end)
