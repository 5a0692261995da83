"""Compact Position Reporting (CPR) decoding over whole columns, with per-aircraft pairing and gates.

Written here rather than taken from pyModeS because pyModeS resolves one pair per Python call; this module
pairs, decodes and validates every position message of a batch with array operations (the only loops run
over algorithm passes, not messages). Rows must be sorted by (aircraft, time).

Rules (DO-260B A.1.7 and pyModeS 3.6's ``PipeDecoder``, see ``docs/modes.md``):

* **Global decoding** pairs each position message with the most recent opposite-format (even/odd) message of
  the same aircraft and kind (airborne or surface) no older than the pair window (10 s airborne; 50 s surface,
  the DO-260B limit for slow surface movement). Both latitudes must fall in the same NL zone, else the pair is
  skipped. The newer message's format decides which latitude/longitude zone is reported (the position is the
  newer message's). Surface pairs need a reference within 45 NM to pick the quadrant: the receiver location
  if given, else the aircraft's last airborne fix.
* **Agreeing first fix**: a globally decoded candidate counts only once it is part of a chain of
  ``min_agreeing`` (3, as pyModeS's bootstrap) consecutive candidates of the aircraft that are mutually
  reachable at ``max_speed_kt`` (1500 kt) plus a 2 km margin; a single candidate inconsistent with both of
  its neighbours is dropped as a phantom first. An already trusted fix carried from an earlier batch anchors
  a chain by itself.
* **Local decoding**: position messages without a fresh pair are decoded relative to the aircraft's last
  accepted fix when that fix is recent (30 s airborne, as pyModeS; 10 min surface) and the result is within
  both 180 NM (airborne) / 45 NM (surface) and the speed gate of it. Local fixes become references in turn,
  so the pass repeats until nothing more resolves.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from liftwatch.geodesy import EARTH_RADIUS_KM, haversine_km
from liftwatch.modes.groups import group_start

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]

CPR_SCALE = 131072.0  # 2**17
KM_PER_NM = 1.852


def _nl_boundaries() -> F64:
    """Latitudes where NL steps down from k to k-1 (k = 59..2), from the DO-260B closed form with NZ = 15."""
    nz = 15
    a = 1.0 - np.cos(np.pi / (2 * nz))
    k = np.arange(59, 1, -1, dtype=np.float64)
    lat = np.degrees(np.arccos(np.sqrt(a / (1.0 - np.cos(2.0 * np.pi / k)))))
    lat[-1] = 87.0  # NL 2 -> 1 is defined at exactly 87 degrees
    return np.asarray(lat, dtype=np.float64)


NL_BOUNDS = _nl_boundaries()


def nl(lat: F64) -> I64:
    """Number of longitude zones at each latitude (59 at the equator, 1 beyond 87 degrees)."""
    a = np.abs(lat)
    out = 59 - np.searchsorted(NL_BOUNDS, a, side="right")
    out = np.where(a == 87.0, 2, out)
    return np.where(np.isnan(a), 0, out).astype(np.int64)


def global_airborne(lat_e: F64, lon_e: F64, lat_o: F64, lon_o: F64, even_newer: B) -> tuple[F64, F64]:
    """Airborne position from raw 17-bit even/odd fields; NaN where the NL zones differ or out of range."""
    ye, xe, yo, xo = lat_e / CPR_SCALE, lon_e / CPR_SCALE, lat_o / CPR_SCALE, lon_o / CPR_SCALE
    j = np.floor(59 * ye - 60 * yo + 0.5)
    rlat_e = 6.0 * (np.mod(j, 60) + ye)
    rlat_o = (360.0 / 59) * (np.mod(j, 59) + yo)
    rlat_e = np.where(rlat_e >= 270, rlat_e - 360, rlat_e)
    rlat_o = np.where(rlat_o >= 270, rlat_o - 360, rlat_o)
    lat, lon = _pair_longitude(rlat_e, rlat_o, xe, xo, even_newer, 360.0)
    lon = np.where(lon > 180, lon - 360, lon)
    bad = (np.abs(lat) > 90) | (np.abs(lon) > 180)
    return np.where(bad, np.nan, lat), np.where(bad, np.nan, lon)


def _pair_longitude(rlat_e: F64, rlat_o: F64, xe: F64, xo: F64, even_newer: B, span: float) -> tuple[F64, F64]:
    nl_e, nl_o = nl(rlat_e), nl(rlat_o)
    same = nl_e == nl_o
    lat = np.where(even_newer, rlat_e, rlat_o)
    n = np.where(even_newer, nl_e, nl_o)
    ni = np.maximum(np.where(even_newer, n, n - 1), 1)
    m = np.floor(xe * (n - 1) - xo * n + 0.5)
    lon = (span / ni) * (np.mod(m, ni) + np.where(even_newer, xe, xo))
    return np.where(same, lat, np.nan), np.where(same, lon, np.nan)


def global_surface(
    lat_e: F64, lon_e: F64, lat_o: F64, lon_o: F64, even_newer: B, ref_lat: F64, ref_lon: F64
) -> tuple[F64, F64]:
    """Surface position from an even/odd pair: 90-degree zones, hemisphere and quadrant nearest the reference."""
    ye, xe, yo, xo = lat_e / CPR_SCALE, lon_e / CPR_SCALE, lat_o / CPR_SCALE, lon_o / CPR_SCALE
    j = np.floor(59 * ye - 60 * yo + 0.5)
    e_n = 1.5 * (np.mod(j, 60) + ye)
    o_n = (90.0 / 59) * (np.mod(j, 59) + yo)
    newer_n = np.where(even_newer, e_n, o_n)
    south = np.abs(ref_lat - (newer_n - 90)) < np.abs(ref_lat - newer_n)
    rlat_e = np.where(south, e_n - 90, e_n)
    rlat_o = np.where(south, o_n - 90, o_n)
    lat, base = _pair_longitude(rlat_e, rlat_o, xe, xo, even_newer, 90.0)
    best = np.full_like(base, np.nan)
    best_d = np.full_like(base, np.inf)
    for q in (0.0, 90.0, 180.0, 270.0):
        cand = np.mod(base + q + 180.0, 360.0) - 180.0
        d = np.abs(np.mod(cand - ref_lon + 180.0, 360.0) - 180.0)
        better = d < best_d
        best = np.where(better, cand, best)
        best_d = np.where(better, d, best_d)
    return lat, best


def local(fmt: I64, lat17: F64, lon17: F64, ref_lat: F64, ref_lon: F64, surface: B) -> tuple[F64, F64]:
    """Single-message decoding against a nearby reference (airborne 360-degree / surface 90-degree zones)."""
    span = np.where(surface, 90.0, 360.0)
    y, x = lat17 / CPR_SCALE, lon17 / CPR_SCALE
    dlat = span / (60 - fmt)
    j = np.floor(0.5 + ref_lat / dlat - y)
    lat = dlat * (j + y)
    ni = nl(lat) - fmt
    dlon = np.where(ni > 0, span / np.maximum(ni, 1), span)
    m = np.floor(0.5 + ref_lon / dlon - x)
    return lat, dlon * (m + x)


@dataclass(frozen=True)
class CprParams:
    """Gates of position decoding (defaults: DO-260B and pyModeS 3.6)."""

    pair_window_s: float = 10.0
    surface_pair_window_s: float = 50.0
    local_window_s: float = 30.0
    surface_local_window_s: float = 600.0
    airborne_ref_nm: float = 180.0
    surface_ref_nm: float = 45.0
    max_speed_kt: float = 1500.0
    margin_km: float = 2.0
    min_agreeing: int = 3
    max_local_passes: int = 64


def _ffill_index(mask: B, group_start: I64) -> I64:
    """Index of the latest row ``<= i`` where ``mask`` holds, within the row's group; -1 where none."""
    idx = np.where(mask, np.arange(mask.size), -1)
    last = np.maximum.accumulate(idx) if idx.size else idx
    return np.where(last >= group_start, last, -1)


def _bfill_index(mask: B, key: npt.NDArray[np.integer]) -> I64:
    """Index of the earliest row ``>= i`` where ``mask`` holds, within the row's group (same ``key``); -1."""
    n = mask.size
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    idx = np.where(mask, np.arange(n), n)
    nxt = np.minimum.accumulate(idx[::-1])[::-1]
    ok = nxt < n
    ok[ok] &= key[nxt[ok]] == key[ok]
    return np.where(ok, nxt, -1)


def flat_km(lat1: F64, lon1: F64, lat2: F64, lon2: F64) -> F64:
    """Equirectangular distance: within 0.5 % of the great circle below ~500 km, larger beyond (never
    smaller by more than that), which is all a speed gate needs, at half the cost of haversine."""
    dlon = np.mod(lon2 - lon1 + 180.0, 360.0) - 180.0
    x = np.radians(dlon) * np.cos(np.radians(0.5 * (lat1 + lat2)))
    y = np.radians(lat2 - lat1)
    return np.asarray(EARTH_RADIUS_KM * np.sqrt(x * x + y * y), dtype=np.float64)


def _reachable(lat1: F64, lon1: F64, lat2: F64, lon2: F64, dt: F64, p: CprParams) -> B:
    limit = p.max_speed_kt * KM_PER_NM / 3600.0 * np.abs(dt) + p.margin_km
    return flat_km(lat1, lon1, lat2, lon2) <= limit


@dataclass
class Resolved:
    lat: F64
    lon: F64
    method: npt.NDArray[np.int8]  # 0 none, 1 global pair, 2 local, 3 carried fix (input)
    cand_lat: F64  # global candidate (accepted or not), NaN where none
    cand_lon: F64


def resolve(
    icao: npt.NDArray[np.uint32],
    ts: F64,
    surface: B,
    fmt: I64,
    lat17: F64,
    lon17: F64,
    fixed_lat: F64,
    fixed_lon: F64,
    candidate_lat: F64,
    candidate_lon: F64,
    receiver: tuple[float, float] | None = None,
    params: CprParams | None = None,
) -> Resolved:
    """Resolve every position row. Rows must be sorted by (icao, ts).

    ``fixed_*`` (non-NaN) mark rows carried from an earlier batch whose fix is already trusted; they anchor
    chains and serve as local references. ``candidate_*`` (non-NaN) mark carried global candidates that are
    not yet trusted (an aircraft still collecting its first agreeing fixes).
    """
    p = params or CprParams()
    n = icao.size
    lat = np.full(n, np.nan)
    lon = np.full(n, np.nan)
    method = np.zeros(n, dtype=np.int8)
    if n == 0:
        return Resolved(lat, lon, method, lat.copy(), lon.copy())
    fixed = ~np.isnan(fixed_lat)
    gstart = group_start(icao)

    # --- global pairs (airborne and surface paired separately) -------------------------------------------
    kind_key = (icao.astype(np.int64) << 1) | surface.astype(np.int64)
    # rows are in (icao, time) order; unless surface rows interleave they are in (icao, kind) order already
    in_order = bool((kind_key[1:] >= kind_key[:-1]).all())
    order = np.arange(n) if in_order else np.argsort(kind_key, kind="stable")  # stable keeps time order
    k_sorted = kind_key[order]
    ks = group_start(k_sorted)
    f_sorted = fmt[order]
    last_even = _ffill_index(f_sorted == 0, ks)
    last_odd = _ffill_index(f_sorted == 1, ks)
    partner_s = np.where(f_sorted == 0, last_odd, last_even)
    partner = np.full(n, -1, dtype=np.int64)
    partner[order] = np.where(partner_s >= 0, order[np.maximum(partner_s, 0)], -1)
    has = (partner >= 0) & ~fixed
    pj = np.maximum(partner, 0)
    window = np.where(surface, p.surface_pair_window_s, p.pair_window_s)
    has &= (ts - ts[pj]) <= window
    even_newer = fmt == 0

    def fields(rows: I64) -> tuple[F64, F64, F64, F64, B]:
        """Even and odd raw fields of each row's pair (the row itself and its partner)."""
        en, own_lat, own_lon = even_newer[rows], lat17[rows], lon17[rows]
        p_lat, p_lon = lat17[pj[rows]], lon17[pj[rows]]
        return (
            np.where(en, own_lat, p_lat),
            np.where(en, own_lon, p_lon),
            np.where(en, p_lat, own_lat),
            np.where(en, p_lon, own_lon),
            en,
        )

    air = np.flatnonzero(has & ~surface)
    glat = np.full(n, np.nan)
    glon = np.full(n, np.nan)
    glat[air], glon[air] = global_airborne(*fields(air))
    cand = ~np.isnan(glat)
    if (has & surface).any():
        le, xe, lo, xo, _ = fields(np.arange(n))
        if receiver is not None:
            rlat = np.full(n, receiver[0])
            rlon = np.full(n, receiver[1])
        else:
            air_fix = cand | fixed
            src_lat = np.where(cand, glat, fixed_lat)
            src_lon = np.where(cand, glon, fixed_lon)
            # the aircraft's nearest-in-time airborne fix: before a landing roll, or (batch decoding) after a
            # taxi-out; the 45 NM check below rejects references too far away to be unambiguous
            ri = _ffill_index(air_fix & ~surface, gstart)
            rj = _bfill_index(air_fix & ~surface, icao)
            dt_i = np.where(ri >= 0, ts - ts[np.maximum(ri, 0)], np.inf)
            dt_j = np.where(rj >= 0, ts[np.maximum(rj, 0)] - ts, np.inf)
            r = np.where(dt_j < dt_i, rj, ri)
            rlat = np.where(r >= 0, src_lat[np.maximum(r, 0)], np.nan)
            rlon = np.where(r >= 0, src_lon[np.maximum(r, 0)], np.nan)
        s_lat, s_lon = global_surface(le, xe, lo, xo, even_newer, rlat, rlon)
        s_ok = has & surface & ~np.isnan(s_lat) & ~np.isnan(rlat)
        s_ok &= haversine_km(s_lat, s_lon, rlat, rlon) <= p.surface_ref_nm * KM_PER_NM
        glat = np.where(s_ok, s_lat, glat)
        glon = np.where(s_ok, s_lon, glon)
        cand |= s_ok
    carried_cand = ~np.isnan(candidate_lat) & ~fixed
    glat = np.where(carried_cand, candidate_lat, glat)
    glon = np.where(carried_cand, candidate_lon, glon)
    cand |= carried_cand

    accepted = _accept_chains(icao, ts, glat, glon, cand, fixed, fixed_lat, fixed_lon, p)
    lat = np.where(accepted, glat, np.nan)
    lon = np.where(accepted, glon, np.nan)
    method[accepted] = 1
    lat = np.where(fixed, fixed_lat, lat)
    lon = np.where(fixed, fixed_lon, lon)
    method[fixed] = 3

    # --- local decoding, repeated while new fixes become references ------------------------------------
    todo = ~cand & ~fixed  # a pair that resolved (even if rejected) is not retried locally, as pyModeS
    for _ in range(p.max_local_passes):
        if not todo.any():
            break
        ri = _ffill_index(method > 0, gstart)
        ok = todo & (ri >= 0)
        r = np.maximum(ri, 0)
        age = ts - ts[r]
        ok &= age <= np.where(surface, p.surface_local_window_s, p.local_window_s)
        if not ok.any():
            break
        k = np.flatnonzero(ok)
        rk = r[k]
        l_lat, l_lon = local(fmt[k], lat17[k], lon17[k], lat[rk], lon[rk], surface[k])
        limit = np.where(surface[k], p.surface_ref_nm, p.airborne_ref_nm) * KM_PER_NM
        d = haversine_km(l_lat, l_lon, lat[rk], lon[rk])
        speed_lim = p.max_speed_kt * KM_PER_NM / 3600.0 * np.abs(age[k]) + p.margin_km
        good = (d <= np.minimum(limit, speed_lim)) & (np.abs(l_lat) <= 90)
        todo[k] = False  # tried once against its latest reference; a failed local decode is not retried
        if not good.any():
            continue
        g = k[good]
        lat[g] = l_lat[good]
        lon[g] = np.mod(l_lon[good] + 180.0, 360.0) - 180.0
        method[g] = 2
    return Resolved(lat, lon, method, np.where(cand, glat, np.nan), np.where(cand, glon, np.nan))


def _accept_chains(
    icao: npt.NDArray[np.uint32],
    ts: F64,
    glat: F64,
    glon: F64,
    cand: B,
    fixed: B,
    fixed_lat: F64,
    fixed_lon: F64,
    p: CprParams,
) -> B:
    """Which global candidates to trust: drop lone phantoms, then keep chains anchored or >= min_agreeing long."""
    nodes = np.flatnonzero(cand | fixed)
    out = np.zeros(icao.size, dtype=bool)
    if nodes.size == 0:
        return out
    nlat = np.where(fixed[nodes], fixed_lat[nodes], glat[nodes])
    nlon = np.where(fixed[nodes], fixed_lon[nodes], glon[nodes])
    nid = icao[nodes]
    nts = ts[nodes]
    nfix = fixed[nodes]

    def links(keep: npt.NDArray[np.int64]) -> B:
        la, lo, t, g = nlat[keep], nlon[keep], nts[keep], nid[keep]
        lk = np.zeros(keep.size, dtype=bool)
        if keep.size > 1:
            same = g[1:] == g[:-1]
            lk[1:] = same & _reachable(la[1:], lo[1:], la[:-1], lo[:-1], t[1:] - t[:-1], p)
        return lk

    allk = np.arange(nodes.size)
    lk = links(allk)
    prev_ok = lk
    next_ok = np.zeros_like(lk)
    next_ok[:-1] = lk[1:]
    has_nb = np.zeros(nodes.size, dtype=bool)
    if nodes.size > 1:
        same = nid[1:] == nid[:-1]
        has_nb[1:] |= same
        has_nb[:-1] |= same
    keep = nfix | prev_ok | next_ok | ~has_nb  # a lone candidate is judged by the run length
    survivors = allk[keep]
    if not keep.all():  # links change only where a phantom was removed
        lk = links(survivors)
    run = np.cumsum(~lk)
    run_len = np.bincount(run)
    run_anchor = np.bincount(run, weights=nfix[survivors].astype(np.float64)) > 0
    good = run_anchor[run] | (run_len[run] >= p.min_agreeing)
    keep_nodes = nodes[survivors[good]]
    out[keep_nodes] = True
    out &= cand & ~fixed
    return out
