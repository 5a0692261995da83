"""Scenarios: a schedule (plan), physics (kinematics) and observation (observe) put together, with truth.

``generate`` is deterministic from its seed: one ``numpy.random.Generator`` drives the plan, and each
movement gets its own child generator keyed by its index, so adding civil traffic (``scale``) does not
change the military schedule of the same seed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import cache
from typing import Any

import numpy as np
import numpy.typing as npt
import polars as pl

from liftwatch import kb
from liftwatch.errors import LiftwatchError
from liftwatch.kb import runways as kb_runways
from liftwatch.schema import conform, points_frame
from liftwatch.sim import plan
from liftwatch.sim.coverage import Crop, network
from liftwatch.sim.kinematics import (
    Field,
    Performance,
    RunwayEnd,
    arrival_points,
    departure_points,
    fly,
    fly_path,
    sail,
)
from liftwatch.sim.missions import KINDS, plan_missions
from liftwatch.sim.movement import Movement
from liftwatch.sim.observe import observe

SCENARIOS = ("syria-libya-airlift",)
DEFAULT_START = datetime(2024, 12, 14, tzinfo=UTC)  # a week after the fall of Assad (8 Dec 2024)

TRUTH_SCHEMA: dict[str, pl.DataType] = {
    "flight_id": pl.String(),
    "domain": pl.String(),
    "asset_id": pl.String(),
    "registration": pl.String(),
    "type_code": pl.String(),
    "callsign": pl.String(),
    "classification": pl.String(),
    "dep_site": pl.String(),
    "dep_time": pl.Datetime("us", "UTC"),
    "arr_site": pl.String(),
    "arr_time": pl.Datetime("us", "UTC"),
    "went_dark_at": pl.Datetime("us", "UTC"),
    "ending": pl.String(),
    "payload_t": pl.Float64(),
    "payload_class": pl.String(),
    "corridor": pl.String(),
    "surge": pl.Boolean(),
    "n_observed": pl.Int64(),
    "flight_kind": pl.String(),
    "start": pl.String(),
    "dep_lat": pl.Float64(),
    "dep_lon": pl.Float64(),
    "arr_lat": pl.Float64(),
    "arr_lon": pl.Float64(),
}
ENDINGS = ("landed", "landed_unknown_site", "dark", "out_of_coverage", "data_end")


@dataclass
class Scenario:
    """Observed points plus the truth they were made from."""

    points: pl.DataFrame
    truth_flights: pl.DataFrame
    truth_gaps: pl.DataFrame
    meta: dict[str, Any] = field(default_factory=dict)


RUNWAY_SOURCES = ("ourairports", "gazetteer")


def _field(site_id: str, runways: str = "ourairports") -> Field:
    """The site as a trajectory end; with ``runways="ourairports"`` its bundled runway ends (thresholds) too.

    ``"gazetteer"`` keeps the older world: headings from the gazetteer only (often none), so flights touch
    down at the site's reference point; the shipped demo bundle was made so.
    """
    s = kb.site(site_id)
    headings = tuple(float(h) for h in (s.runway_headings or ()))
    ends = _runway_ends(s.icao) if runways == "ourairports" and s.icao else ()
    if ends:
        headings = tuple(sorted({e.heading for e in ends}))
    return Field(site_id, float(s.lat), float(s.lon), float(s.elevation_ft or 0.0), headings, ends)


@cache
def _runway_ends(icao: str) -> tuple[RunwayEnd, ...]:
    """Both ends of every open runway of ``icao`` with a known threshold (OurAirports, bundled)."""
    r = kb_runways.runways().filter(pl.col("icao") == icao)
    ends: list[RunwayEnd] = []
    for row in r.iter_rows(named=True):
        length_km = float(row["length_ft"] or 0.0) * 0.0003048
        for side in ("le", "he"):
            h, la, lo = row[f"{side}_heading"], row[f"{side}_lat"], row[f"{side}_lon"]
            if h is not None and la is not None and lo is not None and length_km > 0.3:
                ends.append(RunwayEnd(float(h) % 360.0, float(la), float(lo), length_km))
    return tuple(ends)


def _perf(type_code: str) -> Performance:
    row = kb.aircraft_type(type_code)
    cruise = row.get("cruise_kt") if row else None
    return Performance(cruise_kt=float(cruise) if isinstance(cruise, int | float) else 430.0)


def _path_waypoints(m: Movement, dep: Field, arr: Field, perf: Performance) -> npt.NDArray[np.float64]:
    """An explicit route (orbit, racetrack, patrol line) between its fields; fixed-wing aircraft use the
    fields' runways when their ends are known (a helicopter lifts off from its pad, the field's point)."""
    assert m.path is not None
    fixed_wing = m.kind != "helicopter"
    out = departure_points(dep, m.path[0]) if dep.ends and fixed_wing else [(dep.lat, dep.lon)]
    back = arrival_points(arr, m.path[-1], perf.rollout_nm) if arr.ends and fixed_wing else [(arr.lat, arr.lon)]
    return np.asarray([*out, *m.path, *back], dtype=np.float64)


def generate(
    scenario: str = "syria-libya-airlift",
    days: int = 14,
    seed: int = 7,
    *,
    scale: float = 1.0,
    start: datetime = DEFAULT_START,
    surge_day: int | None = None,
    cadence_s: float = 20.0,
    ships: bool = True,
    kinds: Sequence[str] | None = None,
    reception: str = "realistic",
    receivers: Sequence[str] | None = None,
    crop: Crop | None = None,
    runways: str = "ourairports",
) -> Scenario:
    """Generate a scenario. ``scale`` multiplies background civil traffic (for benchmarks).

    ``kinds``: which of the non-transport flight kinds to add (``missions.KINDS``: helicopters, patrols, ISR
    and tanker orbits, carrier operations, overflights; default all, ``()`` none). ``reception``: "realistic"
    (per-receiver maximum range, fading at the rim) or "ideal" (one 250 NM hard edge). ``receivers``: only
    these feeders (e.g. one home receiver). ``crop``: deliver only points inside this box. ``runways``:
    "ourairports" (take off and land on the bundled OurAirports runways of a site, where it has them) or
    "gazetteer" (the site's point and gazetteer headings only; the shipped demo bundle).
    """
    if scenario not in SCENARIOS:
        raise LiftwatchError(f"unknown scenario {scenario!r}; known: {', '.join(SCENARIOS)}")
    if runways not in RUNWAY_SOURCES:
        raise LiftwatchError(f"unknown runway source {runways!r}; known: {', '.join(RUNWAY_SOURCES)}")
    kinds = tuple(KINDS if kinds is None else kinds)
    bad = [k for k in kinds if k not in KINDS]
    if bad:
        raise LiftwatchError(f"unknown flight kind(s) {', '.join(bad)}; known: {', '.join(KINDS)}")
    net = network(reception, receivers)
    rng = np.random.default_rng(seed)
    surge = surge_day if surge_day is not None else max(1, int(days * 4 / 7))  # day 8 of 14
    used: set[str] = set()
    known = kb.known_assets()
    known_hex = {
        r["registration"]: r["asset_id"] for r in known.iter_rows(named=True) if r["registration"] and r["asset_id"]
    }
    fleet = plan.military_fleet(rng, known_hex, used)
    site_pos = {}
    for code in plan.CIVIL_AIRPORTS:
        try:
            s = kb.site(code)
        except Exception:  # an airport missing from this kb version is simply not used
            continue
        site_pos[code] = (float(s.lat), float(s.lon))
    moves = plan.airlift(rng, start, days, fleet, surge)
    moves += plan.charters(rng, start, days, used)
    moves += plan.civil(rng, start, days, max(1, round(20 * scale)), used, site_pos)
    if ships:
        moves += plan.voyages(rng, start, days, used)
    end = start + timedelta(days=days)
    moves = [m for m in moves if m.dep_time < end]
    moves.sort(key=lambda m: (m.dep_time, m.asset_id))
    if ships:  # appended after the sort, own generator: the other movements keep their indices and draws
        moves += plan.baltic_voyages(np.random.default_rng([seed, 1 << 20]), start, days, used)
    if kinds:  # appended last with their own generators, for the same reason
        moves += plan_missions(seed, start, days, used, kinds)
    frames, gaps, truth = [], [], []
    look = {"network": net, "crop": crop, "data_end": end}
    for i, m in enumerate(moves):
        r = np.random.default_rng([seed, i])
        dep = m.dep_at or _field(m.dep_site, runways)
        arr = m.arr_at or _field(m.arr_site, runways)
        if m.domain == "air":
            taxi = m.taxi_s or (120.0, 420.0, 120.0, 300.0)
            perf = m.perf or _perf(m.type_code)
            out_s, in_s = float(r.uniform(taxi[0], taxi[1])), float(r.uniform(taxi[2], taxi[3]))
            if m.path is None:
                tr = fly(dep, arr, perf, m.cruise_ft, m.via, r, step_s=1.0, taxi_out_s=out_s, taxi_in_s=in_s)
            else:
                wps = _path_waypoints(m, dep, arr, perf)
                tr = fly_path(wps, dep, arr, perf, m.cruise_ft, step_s=1.0, taxi_out_s=out_s, taxi_in_s=in_s)
            ob = observe(m, tr, r, cadence_s=cadence_s, source="sim", **look)  # type: ignore[arg-type]
        else:
            tr = sail(dep, arr, m.speed or 13.0, m.via, step_s=10.0, moor_s=m.stay_h * 3600.0)
            ob = observe(m, tr, r, cadence_s=180.0, source="sim", noise_m=10.0, sat_rate=0.03, dup_rate=0.0, **look)  # type: ignore[arg-type]
        pts = ob.points.filter(pl.col("ts") < end)
        frames.append(pts)
        gaps.append(ob.gaps.with_columns(pl.lit(f"{m.asset_id}-{i:05d}").alias("flight_id")))
        truth.append(
            {
                "flight_id": f"{m.asset_id}-{i:05d}",
                "domain": m.domain,
                "asset_id": m.asset_id,
                "registration": m.registration,
                "type_code": m.type_code,
                "callsign": m.callsign,
                "classification": m.classification,
                "dep_site": m.dep_site or None,
                "dep_time": ob.dep_time,
                "arr_site": m.arr_site or None,
                "arr_time": ob.arr_time,
                "went_dark_at": ob.went_dark_at,
                "ending": ob.ending,
                "payload_t": m.payload_t,
                "payload_class": m.payload_class,
                "corridor": m.corridor,
                "surge": m.surge,
                "n_observed": pts.height,
                "flight_kind": m.kind or None,
                "start": ob.start,
                "dep_lat": round(float(tr.lat[0]), 5),
                "dep_lon": round(float(tr.lon[0]), 5),
                "arr_lat": round(float(tr.lat[-1]), 5),
                "arr_lon": round(float(tr.lon[-1]), 5),
            }
        )
    points = points_frame(conform(pl.concat(frames, how="diagonal_relaxed")))
    # out-of-order delivery: feeders batch and interleave; the store/kernels must not rely on file order
    order = np.argsort(points["ts"].to_numpy().astype(np.int64) + rng.integers(0, 30_000_000, points.height))
    points = points[order.tolist()]
    truth_df = pl.DataFrame(truth, schema=TRUTH_SCHEMA)
    truth_df = truth_df.filter(pl.col("n_observed") > 0)
    meta = {
        "scenario": scenario,
        "seed": seed,
        "days": days,
        "scale": scale,
        "start": start.isoformat(),
        "end": end.isoformat(),
        "surge_start": (start + timedelta(days=surge)).isoformat(),
        "cadence_s": cadence_s,
        "kinds": list(kinds),
        "reception": reception,
        "receivers": list(net.names) if receivers is not None else "all",
        "crop": crop.as_list() if crop is not None else None,
        "points": points.height,
        "flights": truth_df.height,
    }
    return Scenario(points, truth_df, pl.concat(gaps), meta)
