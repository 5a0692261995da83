"""Identity and velocity carried onto every point, and the point table: the output half of a decode batch.

Position decoding (:mod:`liftwatch.modes.cpr`) says *where* each message puts an aircraft; a point also needs
the aircraft's latest callsign, squawk, ground speed, track and vertical rate, which arrive in other messages,
possibly in an earlier batch. Those values are forward-filled per aircraft over the carried state rows and the
batch in one (aircraft, time) sort, so the same array code serves a file read in batches and a live feed.
Pure functions: the decoder owns the state and passes it in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.modes.cpr import Resolved
from liftwatch.modes.extract import KIND_AIRBORNE, KIND_SURFACE, KIND_VELOCITY, Messages
from liftwatch.modes.groups import ffill_idx, group_start
from liftwatch.modes.output import const_strings, message_frame, nullable, squawk_strings
from liftwatch.schema import POINT_SCHEMA, PointFlag

if TYPE_CHECKING:
    from liftwatch.modes.decode import DecoderConfig


@dataclass(frozen=True)
class Assembled:
    """One batch's points (and message frame), the aircraft state to carry, and the addresses it trusted."""

    table: pa.Table
    frame: pl.DataFrame | None
    state: dict[str, np.ndarray]
    callsigns: list[str]  # the carried state's callsign table (state["callsign"] indexes it)
    trusted_icao: npt.NDArray[np.uint32]  # aircraft with a CRC-checked DF11/17/18 message, at their last time
    trusted_ts: npt.NDArray[np.float64]
    tmax: float


def assemble(
    m: Messages,
    res: Resolved,
    state: dict[str, np.ndarray],
    state_callsigns: list[str],
    config: DecoderConfig,
    want_messages: bool,
) -> Assembled:
    """Forward-fill identity and velocity per aircraft over ``state`` + the batch, and build the points."""
    st = state
    ns = st["icao"].size if st else 0
    n = len(m)
    cs_offset = len(state_callsigns)
    callsigns = state_callsigns + m.callsigns
    callsign_new = np.where(m.callsign >= 0, m.callsign + cs_offset, -1)

    def cat(name: str, new: np.ndarray) -> np.ndarray:
        return np.concatenate([st[name], new]) if ns else new

    vel_ts_new = np.where(m.kind == KIND_VELOCITY, m.ts, np.nan)
    icao = cat("icao", m.icao)
    ts = cat("ts", m.ts)
    is_new = np.concatenate([np.zeros(ns, dtype=bool), np.ones(n, dtype=bool)])
    order = np.lexsort((ts, is_new, icao)) if ns else np.lexsort((ts, icao))
    icao, ts, is_new = icao[order], ts[order], is_new[order]
    gstart = group_start(icao)
    # trust: aircraft with a CRC-checked DF11/17/18 message in this batch, at their last time
    trusted_new = (m.df == 11) | (m.df == 17) | (m.df == 18)
    trusted = (np.concatenate([np.zeros(ns, dtype=bool), trusted_new]) if ns else trusted_new)[order]
    gstarts = np.flatnonzero(np.diff(np.concatenate([[-1], gstart])) != 0)
    g_trusted = np.maximum.reduceat(trusted, gstarts) if gstarts.size else np.zeros(0, dtype=bool)
    g_last = np.concatenate([gstarts[1:], [icao.size]]) - 1
    trusted_icao, trusted_ts = icao[g_last][g_trusted], ts[g_last][g_trusted]

    # Forward fills work on indices in the (aircraft, time) order, then gather each value column once from
    # the unsorted concatenation (state rows + messages): one gather per column instead of three.
    back = np.empty(n, dtype=np.int64)
    sel = np.flatnonzero(is_new)
    back[order[sel] - ns] = sel

    def src_of(mask_sorted: np.ndarray) -> np.ndarray:
        idx = ffill_idx(mask_sorted, gstart)
        return np.where(idx >= 0, order[np.maximum(idx, 0)], -1)

    def pick(values: np.ndarray, src: np.ndarray, fill: float) -> np.ndarray:
        return np.where(src >= 0, values[np.maximum(src, 0)], fill)

    cs_all, sq_all, cat_all = cat("callsign", callsign_new), cat("squawk", m.squawk), cat("category", m.category)
    src_cs, src_sq, src_cat = src_of(cs_all[order] >= 0), src_of(sq_all[order] >= 0), src_of(cat_all[order] >= 0)
    vel_ts_all = cat("vel_ts", vel_ts_new)
    src_v = src_of(~np.isnan(vel_ts_all[order]))
    v_ok = (ts - pick(vel_ts_all, src_v, np.nan)) <= config.velocity_max_age_s
    src_v = np.where(v_ok, src_v, -1)
    v_cols = {
        "v_gs": cat("v_gs", np.where(m.kind == KIND_VELOCITY, m.gs, np.nan)),
        "v_trk": cat("v_trk", np.where(m.kind == KIND_VELOCITY, m.track, np.nan)),
        "v_vr": cat("v_vr", m.vrate),
        "v_hdg": cat("v_hdg", m.heading),
        "v_gmb": cat("v_gmb", m.gmb),
        "v_vrb": cat("v_vrb", m.vrate_baro.astype(np.float64)),
    }

    # new state: the last row of each aircraft
    gend = np.ones(icao.size, dtype=bool)
    gend[:-1] = icao[1:] != icao[:-1]
    tmax = ts.max()
    live = np.flatnonzero(gend & (ts >= tmax - config.identity_ttl_s))
    call_live = pick(cs_all, src_cs[live], -1).astype(np.int64)
    used = np.unique(call_live[call_live >= 0])
    remap = np.full(len(callsigns) + 1, -1, dtype=np.int32)
    remap[used] = np.arange(used.size, dtype=np.int32)
    new_callsigns = [callsigns[i] for i in used.tolist()]
    sv = src_v[live]
    new_state = {
        "icao": icao[live],
        "ts": ts[live],
        "callsign": np.where(call_live >= 0, remap[np.maximum(call_live, 0)], -1).astype(np.int32),
        "squawk": pick(sq_all, src_sq[live], -1).astype(np.int32),
        "category": pick(cat_all, src_cat[live], -1).astype(np.int32),
        "vel_ts": pick(vel_ts_all, sv, np.nan),
        **{k: pick(v, sv, np.nan) for k, v in v_cols.items()},
    }

    # back to message order (new rows only)
    gflag = np.zeros(icao.size, dtype=bool)
    gflag[gstart] = True
    uid = (np.cumsum(gflag) - 1)[back]
    asset_ids = pl.Series([f"{x:06x}" for x in icao[gflag].tolist()], dtype=pl.String)
    # every output column is computed for the emitted rows only (positions and velocities)
    surface_all = m.kind == KIND_SURFACE
    velocity_all = m.kind == KIND_VELOCITY
    emit = np.flatnonzero(((res.method == 1) | (res.method == 2)) | velocity_all)
    be = back[emit]
    call = pick(cs_all, src_cs[be], -1).astype(np.int64)
    squawk = pick(sq_all, src_sq[be], -1).astype(np.int64)
    mv = src_v[be]
    v_gs, v_trk, v_vr, v_hdg, v_gmb, v_vrb = (pick(v_cols[k], mv, np.nan) for k in v_cols)
    surface, velocity = surface_all[emit], velocity_all[emit]
    own = surface | velocity
    alt_baro, alt_geom_own = m.alt_baro[emit], m.alt_geom[emit]
    gs = np.where(own, m.gs[emit], v_gs)
    trk = np.where(own, m.track[emit], v_trk)
    alt_geom = np.where(np.isnan(alt_geom_own), alt_baro + v_gmb, alt_geom_own)
    flags = np.where(surface, np.uint16(PointFlag.SURFACE), np.uint16(0)).astype(np.uint16)
    flags |= np.where(v_vrb == 0, np.uint16(PointFlag.VRATE_GEOM), np.uint16(0))
    flags |= np.where(m.tisb[emit], np.uint16(PointFlag.TISB), np.uint16(0))
    flags |= np.where(
        (m.kind[emit] == KIND_AIRBORNE) & np.isnan(alt_baro) & ~np.isnan(alt_geom_own),
        np.uint16(PointFlag.ALT_GEOM),
        np.uint16(0),
    )
    call_idx = np.where(call >= 0, call, len(callsigns))
    table = pa.Table.from_arrays(
        [
            const_strings("modes", emit.size),
            const_strings("air", emit.size),
            pc.take(pa.array(asset_ids.to_list(), type=pa.string()), pa.array(uid[emit])),
            pa.array(np.round(m.ts[emit] * 1e6).astype(np.int64)).cast(pa.timestamp("us", tz="UTC")),
            nullable(res.lat[emit], np.float64),
            nullable(res.lon[emit], np.float64),
            nullable(alt_baro, np.float32),
            nullable(alt_geom, np.float32),
            nullable(gs, np.float32),
            nullable(trk, np.float32),
            nullable(np.where(velocity, m.vrate[emit], v_vr), np.float32),
            nullable(np.where(velocity, m.heading[emit], v_hdg), np.float32),
            pa.array(surface),
            pc.take(pa.array([*callsigns, None], type=pa.string()), pa.array(call_idx)),
            squawk_strings(squawk),
            pa.array(flags),
            pa.nulls(emit.size, pa.string()),
            pa.nulls(emit.size, pa.string()),
        ],
        schema=POINT_SCHEMA,
    )
    mframe = None
    if want_messages:
        cs_series = pl.Series("callsign", [*callsigns, None], dtype=pl.String)
        call_all = pick(cs_all, src_cs[back], -1).astype(np.int64)
        call_all = np.where(call_all >= 0, call_all, len(callsigns))
        mframe = message_frame(m, res, pl.Series("call_idx", call_all), cs_series)
    return Assembled(table, mframe, new_state, new_callsigns, trusted_icao.astype(np.uint32), trusted_ts, float(tmax))


def late_table(late: dict[str, np.ndarray], state: dict[str, np.ndarray], callsigns: list[str]) -> pa.Table:
    """Points for late-confirmed fixes, with the aircraft's current identity and velocity state."""
    lt, st = late, state
    k = lt["icao"].size
    pos = np.clip(np.searchsorted(st["icao"], lt["icao"]), 0, max(st["icao"].size - 1, 0))
    have = st["icao"].size > 0 and (st["icao"][pos] == lt["icao"])
    have = np.asarray(have, dtype=bool) & np.ones(k, dtype=bool)

    def stv(name: str, fill: float) -> np.ndarray:
        return np.where(have, st[name][pos], fill) if st["icao"].size else np.full(k, fill)

    call = stv("callsign", -1).astype(np.int64)
    cs = callsigns
    surface = lt["surface"]
    flags = np.where(surface, np.uint16(PointFlag.SURFACE), np.uint16(0)).astype(np.uint16)
    return pa.Table.from_arrays(
        [
            const_strings("modes", k),
            const_strings("air", k),
            pa.array([f"{x:06x}" for x in lt["icao"].tolist()], type=pa.string()),
            pa.array(np.round(lt["ts"] * 1e6).astype(np.int64)).cast(pa.timestamp("us", tz="UTC")),
            nullable(lt["lat"], np.float64),
            nullable(lt["lon"], np.float64),
            nullable(lt["alt_baro"], np.float32),
            nullable(lt["alt_geom"], np.float32),
            nullable(np.where(surface, np.nan, stv("v_gs", np.nan)), np.float32),
            nullable(np.where(surface, np.nan, stv("v_trk", np.nan)), np.float32),
            nullable(stv("v_vr", np.nan), np.float32),
            nullable(stv("v_hdg", np.nan), np.float32),
            pa.array(surface),
            pa.array([cs[c] if 0 <= c < len(cs) else None for c in call.tolist()], type=pa.string()),
            squawk_strings(stv("squawk", -1).astype(np.int64)),
            pa.array(flags),
            pa.nulls(k, pa.string()),
            pa.nulls(k, pa.string()),
        ],
        schema=POINT_SCHEMA,
    )
