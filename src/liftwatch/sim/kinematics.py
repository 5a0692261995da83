"""Flight and voyage kinematics, vectorised per trajectory.

Why a hand-written model: the scenarios must carry exact truth (where a flight really landed, when it went
dark), which replayed recordings cannot give, and no maintained library synthesises complete gate-to-gate
trajectories offline. The model is deliberately simple but physically consistent: the vertical profile is a
function of along-track distance (climb gradient out of the departure field, 3-degree descent into the
arrival field, cruise cap), speed is a function of altitude, and time follows by integrating ds / v over a
fine distance grid (a cumulative sum, no per-point loop). Positions interpolate along a great-circle
polyline through airway-like waypoints, with the last leg aligned on the arrival runway when its heading is
known (and the first leg on the departure runway). When a field's runway ends are known (OurAirports
thresholds), the take-off roll starts at the threshold of the runway end best aligned with the way out and the
landing touches down just past the threshold of the end best aligned with the way in, rolling out along the
runway, as real aircraft do; without them the field's reference point stands in for the runway.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from liftwatch.geodesy import KM_PER_NM, bearing_deg, destination, haversine_km, unit_vectors

FloatArray = npt.NDArray[np.float64]
FT_PER_NM_3DEG = 318.0  # 3-degree glide path: ft lost per NM


@dataclass(frozen=True)
class Field:
    """An end of a trajectory: position, elevation and (optional) runway headings (true degrees)."""

    site_id: str
    lat: float
    lon: float
    elevation_ft: float
    runways: tuple[float, ...] = ()
    ends: tuple[RunwayEnd, ...] = ()  # runway ends with thresholds, when known: used instead of the point


@dataclass(frozen=True)
class RunwayEnd:
    """One direction of a runway: the heading flown (true degrees), its threshold and the runway's length."""

    heading: float
    lat: float
    lon: float
    length_km: float


TOUCHDOWN_KM = 0.3  # touch-down point past the threshold (aiming point ~300 m in)


@dataclass(frozen=True)
class Performance:
    """What the profile needs of an aircraft type."""

    cruise_kt: float
    climb_ft_per_nm: float = 380.0  # ~2000 ft/min at ~300 kt
    rotate_kt: float = 140.0
    approach_kt: float = 140.0
    roll_nm: float = 0.9  # take-off roll (a helicopter lifts off almost at once, a catapult in ~0.05 NM)
    rollout_nm: float = 0.5  # landing roll-out (an arrested deck landing stops in ~0.05 NM)
    descent_ft_per_nm: float = FT_PER_NM_3DEG
    speed_alt_ft: float = 10000.0  # height above the fields at which cruise speed is reached
    wobble_kt: float = 0.0  # slow flight varies: +- this much around cruise, period ``wobble_km`` along track
    wobble_km: float = 23.0


@dataclass
class Trajectory:
    """A true trajectory sampled every ``step_s`` seconds from the start of the take-off roll."""

    t_s: FloatArray
    lat: FloatArray
    lon: FloatArray
    alt_ft: FloatArray
    gs_kt: FloatArray
    track_deg: FloatArray
    vrate_fpm: FloatArray
    on_ground: npt.NDArray[np.bool_]


def _pick_runway(field: Field, towards_deg: float) -> float | None:
    """The runway heading closest to the direction of travel (take-off) or of arrival (landing)."""
    if not field.runways:
        return None
    rw = np.asarray(field.runways, dtype=np.float64)
    diff = np.abs((rw - towards_deg + 180.0) % 360.0 - 180.0)
    return float(rw[int(np.argmin(diff))])


def _pick_end(field: Field, towards_deg: float) -> RunwayEnd | None:
    """The runway end whose heading is closest to the direction of travel (None: no runway ends known)."""
    if not field.ends:
        return None
    diff = [abs((e.heading - towards_deg + 180.0) % 360.0 - 180.0) for e in field.ends]
    return field.ends[int(np.argmin(diff))]


def _along_runway(end: RunwayEnd, km: float) -> tuple[float, float]:
    la, lo = destination(end.lat, end.lon, end.heading, min(km, end.length_km))
    return float(la), float(lo)


def departure_points(dep: Field, towards: tuple[float, float]) -> list[tuple[float, float]]:
    """Start of the take-off roll and the departure fix 8 NM out on the runway heading best aligned with
    ``towards`` (the field's point alone when it has no runway heading)."""
    brg = float(bearing_deg(dep.lat, dep.lon, towards[0], towards[1]))
    end = _pick_end(dep, brg)
    if end is not None:
        la, lo = destination(end.lat, end.lon, end.heading, 8.0 * KM_PER_NM)
        return [(end.lat, end.lon), (float(la), float(lo))]
    pts: list[tuple[float, float]] = [(dep.lat, dep.lon)]
    rw = _pick_runway(dep, brg)
    if rw is not None:
        la, lo = destination(dep.lat, dep.lon, rw, 8.0 * KM_PER_NM)
        pts.append((float(la), float(lo)))
    return pts


def arrival_points(arr: Field, coming_from: tuple[float, float], rollout_nm: float) -> list[tuple[float, float]]:
    """Final fix 12 NM out, then (runway ends known) touch-down past the threshold and the end of the roll-out,
    or the field's point; the runway is the one best aligned with the way in from ``coming_from``."""
    brg_in = float(bearing_deg(coming_from[0], coming_from[1], arr.lat, arr.lon))
    end = _pick_end(arr, brg_in)
    if end is not None:
        la, lo = destination(end.lat, end.lon, (end.heading + 180.0) % 360.0, 12.0 * KM_PER_NM)
        stop = _along_runway(end, TOUCHDOWN_KM + rollout_nm * KM_PER_NM)
        return [(float(la), float(lo)), _along_runway(end, TOUCHDOWN_KM), stop]
    out: list[tuple[float, float]] = []
    rw = _pick_runway(arr, brg_in)
    if rw is not None:
        la, lo = destination(arr.lat, arr.lon, (rw + 180.0) % 360.0, 12.0 * KM_PER_NM)
        out.append((float(la), float(lo)))
    return [*out, (arr.lat, arr.lon)]


def route(
    dep: Field, arr: Field, via: list[tuple[float, float]], rng: np.random.Generator, rollout_nm: float = 0.5
) -> FloatArray:
    """Waypoints (lat, lon): runway-aligned departure fix, airway-like deviations, runway-aligned final fix."""
    first_target = via[0] if via else (arr.lat, arr.lon)
    pts = departure_points(dep, first_target)
    legs = [*via, (arr.lat, arr.lon)]
    pts.extend(legs[:-1])
    # airway-like deviations: offset the midpoints of long legs sideways by up to ~4% of the leg length
    out: list[tuple[float, float]] = [pts[0]]
    for a, b in itertools.pairwise([*pts, (arr.lat, arr.lon)]):
        d = float(haversine_km(a[0], a[1], b[0], b[1]))
        if d > 300.0:
            brg_ab = float(bearing_deg(a[0], a[1], b[0], b[1]))
            mid_la, mid_lo = destination(a[0], a[1], brg_ab, d / 2.0)
            off = rng.normal(0.0, 0.02) * d
            mla, mlo = destination(mid_la, mid_lo, brg_ab + 90.0, off)
            out.append((float(mla), float(mlo)))
        out.append(b)
    out = out[:-1]  # the arrival itself is appended after the final fix
    out.extend(arrival_points(arr, out[-1], rollout_nm))
    return np.asarray(out, dtype=np.float64)


def _along(waypoints: FloatArray, s_km: FloatArray) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Positions at along-track distances ``s_km`` on the polyline (slerp per segment), and segment km."""
    seg = haversine_km(waypoints[:-1, 0], waypoints[:-1, 1], waypoints[1:, 0], waypoints[1:, 1])
    cum = np.concatenate([[0.0], np.cumsum(seg)])
    idx = np.clip(np.searchsorted(cum, s_km, side="right") - 1, 0, len(seg) - 1)
    frac = np.clip((s_km - cum[idx]) / np.maximum(seg[idx], 1e-9), 0.0, 1.0)
    u = unit_vectors(waypoints[:, 0], waypoints[:, 1])
    a, b = u[idx], u[idx + 1]
    v = a * (1.0 - frac)[:, None] + b * frac[:, None]  # chord interpolation, renormalised (< 1 m off slerp)
    v /= np.linalg.norm(v, axis=1)[:, None]
    lat = np.degrees(np.arcsin(np.clip(v[:, 2], -1.0, 1.0)))
    lon = np.degrees(np.arctan2(v[:, 1], v[:, 0]))
    return lat, lon, cum


def fly(
    dep: Field,
    arr: Field,
    perf: Performance,
    cruise_ft: float,
    via: list[tuple[float, float]],
    rng: np.random.Generator,
    step_s: float = 1.0,
    taxi_out_s: float = 300.0,
    taxi_in_s: float = 240.0,
) -> Trajectory:
    """Gate-to-gate trajectory: taxi (stationary at the threshold), roll, climb, cruise, descent, roll-out."""
    wps = route(dep, arr, via, rng, rollout_nm=perf.rollout_nm)
    return fly_path(wps, dep, arr, perf, cruise_ft, step_s=step_s, taxi_out_s=taxi_out_s, taxi_in_s=taxi_in_s)


def fly_path(
    wps: FloatArray,
    dep: Field,
    arr: Field,
    perf: Performance,
    cruise_ft: float,
    *,
    step_s: float = 1.0,
    taxi_out_s: float = 300.0,
    taxi_in_s: float = 240.0,
) -> Trajectory:
    """The same profile along explicit waypoints (orbits, racetracks, patrol lines: no airway deviations).

    ``wps`` starts at the departure field and ends at the arrival field; a loitering flight is one flight
    whatever its path, so a patrol, an orbit or a racetrack is one climb, one cruise and one descent.
    """
    _, _, cum = _along(wps, np.zeros(1))
    total_km = float(cum[-1])
    ds = 0.05  # km grid
    s = np.arange(0.0, total_km + ds, ds)
    s[-1] = min(s[-1], total_km)
    s_nm = s / KM_PER_NM
    to_go_nm = (total_km - s) / KM_PER_NM
    roll_nm, out_nm = perf.roll_nm, perf.rollout_nm
    climb = dep.elevation_ft + np.maximum(s_nm - roll_nm, 0.0) * perf.climb_ft_per_nm
    desc = arr.elevation_ft + np.maximum(to_go_nm - out_nm, 0.0) * perf.descent_ft_per_nm
    alt = np.minimum.reduce([climb, desc, np.full_like(s, cruise_ft)])
    alt = np.maximum(alt, np.minimum(dep.elevation_ft, arr.elevation_ft))
    ground = (s_nm <= roll_nm) | (to_go_nm <= out_nm)
    agl_frac = np.clip((alt - min(dep.elevation_ft, arr.elevation_ft)) / perf.speed_alt_ft, 0.0, 1.0)
    v_air = perf.approach_kt + (perf.cruise_kt - perf.approach_kt) * agl_frac
    if perf.wobble_kt > 0.0:  # slow patrols: ground speed wanders with wind and task (never below 25 kt)
        wob = perf.wobble_kt * np.sin(2.0 * np.pi * s / perf.wobble_km) * agl_frac
        v_air = np.maximum(v_air + wob, 25.0)
    # take-off roll: accelerate from 10 kt; roll-out: decelerate to 20 kt
    v_roll = 10.0 + (perf.rotate_kt - 10.0) * np.clip(s_nm / roll_nm, 0.0, 1.0)
    v_out = 20.0 + (perf.approach_kt - 20.0) * np.clip(to_go_nm / out_nm, 0.0, 1.0)
    v = np.where(s_nm <= roll_nm, v_roll, np.where(to_go_nm <= out_nm, v_out, v_air))
    dt = np.diff(s) / KM_PER_NM / np.maximum(v[:-1], 1.0) * 3600.0
    t_s = np.concatenate([[0.0], np.cumsum(dt)])
    t_grid = np.arange(0.0, t_s[-1], step_s)
    s_t = np.interp(t_grid, t_s, s)
    lat, lon, _ = _along(wps, s_t)
    alt_t = np.interp(t_grid, t_s, alt)
    gs_t = np.interp(t_grid, t_s, v)
    gnd_t = np.interp(t_grid, t_s, ground.astype(np.float64)) > 0.5
    trk = bearing_deg(lat[:-1], lon[:-1], lat[1:], lon[1:])
    trk = np.concatenate([trk, trk[-1:]]) if len(trk) else np.zeros(len(lat))
    vr = np.gradient(alt_t, t_grid) * 60.0 if len(t_grid) > 1 else np.zeros(len(t_grid))
    # stationary taxi phases at both ends (on ground, zero speed)
    n_out, n_in = int(taxi_out_s / step_s), int(taxi_in_s / step_s)
    t_all = np.concatenate(
        [np.arange(n_out) * step_s, t_grid + n_out * step_s, t_grid[-1] + (n_out + 1 + np.arange(n_in)) * step_s]
    )
    return Trajectory(
        t_s=t_all,
        lat=np.concatenate([np.full(n_out, lat[0]), lat, np.full(n_in, lat[-1])]),
        lon=np.concatenate([np.full(n_out, lon[0]), lon, np.full(n_in, lon[-1])]),
        alt_ft=np.concatenate([np.full(n_out, dep.elevation_ft), alt_t, np.full(n_in, arr.elevation_ft)]),
        gs_kt=np.concatenate([np.zeros(n_out), gs_t, np.zeros(n_in)]),
        track_deg=np.concatenate([np.full(n_out, trk[0]), trk, np.full(n_in, trk[-1])]),
        vrate_fpm=np.concatenate([np.zeros(n_out), vr, np.zeros(n_in)]),
        on_ground=np.concatenate([np.ones(n_out, bool), gnd_t, np.ones(n_in, bool)]),
    )


def sail(
    dep: Field,
    arr: Field,
    speed_kn: float,
    via: list[tuple[float, float]],
    step_s: float = 60.0,
    moor_s: float = 0.0,
) -> Trajectory:
    """A voyage at constant service speed along waypoints (slow in the first/last 2 NM: harbour), then
    ``moor_s`` seconds moored at the arrival berth (ships keep transmitting alongside; ``on_ground`` marks it)."""
    wps = np.asarray([(dep.lat, dep.lon), *via, (arr.lat, arr.lon)], dtype=np.float64)
    _, _, cum = _along(wps, np.zeros(1))
    total = float(cum[-1])
    s = np.arange(0.0, total + 0.1, 0.1)
    s[-1] = min(s[-1], total)
    harbour = np.minimum(s, total - s) / KM_PER_NM
    v = np.where(harbour < 2.0, 4.0 + (speed_kn - 4.0) * np.clip(harbour / 2.0, 0, 1), speed_kn)
    dt = np.diff(s) / KM_PER_NM / np.maximum(v[:-1], 0.5) * 3600.0
    t_s = np.concatenate([[0.0], np.cumsum(dt)])
    t_grid = np.arange(0.0, t_s[-1], step_s)
    s_t = np.interp(t_grid, t_s, s)
    lat, lon, _ = _along(wps, s_t)
    trk = bearing_deg(lat[:-1], lon[:-1], lat[1:], lon[1:])
    trk = np.concatenate([trk, trk[-1:]]) if len(trk) else np.zeros(len(lat))
    m = int(moor_s / step_s)
    t_moor = (t_grid[-1] if len(t_grid) else 0.0) + step_s * (1 + np.arange(m))
    n = len(t_grid) + m
    return Trajectory(
        np.concatenate([t_grid, t_moor]),
        np.concatenate([lat, np.full(m, arr.lat)]),
        np.concatenate([lon, np.full(m, arr.lon)]),
        np.zeros(n),
        np.concatenate([np.interp(t_grid, t_s, v), np.zeros(m)]),
        np.concatenate([trk, np.full(m, trk[-1] if len(trk) else 0.0)]),
        np.zeros(n),
        np.concatenate([np.zeros(len(t_grid), bool), np.ones(m, bool)]),
    )
