"""The whole decoding pipeline: raw messages in, canonical points out, with state carried between batches.

A file is decoded in batches and a live feed in small chunks, so the decoder keeps, per aircraft, what the
next batch needs: recent position messages (for even/odd pairing and first-fix chains), the last trusted fix
(anchor and local-decoding reference) and the last identity/velocity values (so every position row carries
the latest callsign, squawk, ground speed, track and vertical rate). Carried rows are prepended to the next
batch and everything is recomputed with the same array code; they are never emitted twice.

Output rows: every resolved position (airborne and surface, ``SURFACE`` flag) and every velocity message
(``lat``/``lon`` null), in the canonical point schema with ``source = "modes"``.
"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.modes import accounting
from liftwatch.modes.cpr import CprParams, Resolved, resolve
from liftwatch.modes.crc import crc_remainder, hex_to_bytes
from liftwatch.modes.extract import (
    KIND_AIRBORNE,
    KIND_ALLCALL,
    KIND_ALTITUDE,
    KIND_IDENT,
    KIND_IDENTITY,
    KIND_OTHER,
    KIND_SURFACE,
    KIND_VELOCITY,
    Messages,
    extract,
)
from liftwatch.modes.fields import address, downlink_format
from liftwatch.modes.output import const_strings, message_frame, nullable, squawk_strings
from liftwatch.schema import POINT_SCHEMA, PointFlag, empty_points

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]

_KINDS = {
    "allcall": KIND_ALLCALL,
    "altitude": KIND_ALTITUDE,
    "identity": KIND_IDENTITY,
    "ident": KIND_IDENT,
    "other": KIND_OTHER,
    "airborne": KIND_AIRBORNE,
    "surface": KIND_SURFACE,
}
PARALLEL_MIN_ROWS = 50_000  # below this, thread hand-off costs more than it saves


@dataclass(frozen=True)
class DecoderConfig:
    """Decoder options; ``cpr`` holds the position gates (see :mod:`liftwatch.modes.cpr`)."""

    cpr: CprParams = field(default_factory=CprParams)
    receiver: tuple[float, float] | None = None  # receiver lat/lon: surface-position reference
    velocity_max_age_s: float = 60.0  # a velocity older than this is not copied onto a position
    position_ttl_s: float = 300.0  # carried fixes/address trust expire after this (as pyModeS)
    identity_ttl_s: float = 1800.0  # carried callsign/squawk expire after this


@dataclass
class DecodeResult:
    points: pa.Table
    messages: pl.DataFrame | None
    stats: Counter[str]
    # why each parsed message of the batch gave no point (see liftwatch.modes.accounting); with the points this
    # accounts for every parsed message (pending positions are settled by the reader at the end of a file)
    accounting: Counter[str] = field(default_factory=Counter)
    problem_rows: dict[str, npt.NDArray[np.int64]] = field(default_factory=dict)  # batch rows, first per reason


def _group_start(key: npt.NDArray[np.integer]) -> I64:
    n = key.size
    if n == 0:
        return np.zeros(0, dtype=np.int64)
    new = np.ones(n, dtype=bool)
    new[1:] = key[1:] != key[:-1]
    return np.maximum.accumulate(np.where(new, np.arange(n), 0))


def _ffill_idx(mask: npt.NDArray[np.bool_], gstart: I64) -> I64:
    idx = np.where(mask, np.arange(mask.size), -1)
    last = np.maximum.accumulate(idx) if idx.size else idx
    return np.where(last >= gstart, last, -1)


def _take(values: npt.NDArray[np.float64], idx: I64) -> F64:
    return np.where(idx >= 0, values[np.maximum(idx, 0)], np.nan)


class ModesDecoder:
    """Stateful vectorised decoder. ``decode`` may be called on consecutive batches (file chunks, live feed)."""

    def __init__(self, config: DecoderConfig | None = None, *, workers: int = 1) -> None:
        self.config = config or DecoderConfig()
        # workers > 1: aircraft are partitioned by address over independent decoders run in threads (NumPy and
        # Arrow release the GIL); each aircraft always lands in the same partition, so results are identical.
        self._parts = [ModesDecoder(self.config) for _ in range(workers)] if workers > 1 else []
        self._pool = ThreadPoolExecutor(max_workers=workers) if workers > 1 else None
        self._known = np.zeros(0, dtype=np.uint32)  # trusted addresses (sorted) and when last seen
        self._known_ts = np.zeros(0, dtype=np.float64)
        self._pos: dict[str, np.ndarray] = {}  # carried position rows
        self._state: dict[str, np.ndarray] = {}  # carried per-aircraft identity/velocity state
        self._state_callsigns: list[str] = []
        self._late: dict[str, np.ndarray] = {"icao": np.zeros(0, dtype=np.uint32)}

    # -- public ---------------------------------------------------------------------------------------
    def decode_hex(
        self,
        ts: F64,
        hexes: pa.Array | pl.Series | list[str],
        *,
        messages: bool = False,
        addresses: npt.NDArray[np.int64] | None = None,
    ) -> DecodeResult:
        msgs, nbytes, ok = hex_to_bytes(hexes)
        return self.decode(np.asarray(ts, dtype=np.float64), msgs, nbytes, ok, messages=messages, addresses=addresses)

    def decode(
        self,
        ts: F64,
        msgs: npt.NDArray[np.uint8],
        nbytes: npt.NDArray[np.integer],
        ok: npt.NDArray[np.bool_] | None = None,
        *,
        messages: bool = False,
        addresses: npt.NDArray[np.int64] | None = None,
    ) -> DecodeResult:
        """Decode one batch (epoch seconds ``ts``, ``(N,14)`` bytes). ``messages=True`` also returns the
        per-message frame (every field, for inspection and the pyModeS oracle tests). ``addresses``: each
        message's ICAO address as the input states it (-1 where it does not), for address/parity replies
        whose parity cannot be checked (see :mod:`liftwatch.modes.extract`)."""
        ok = np.ones(ts.size, dtype=bool) if ok is None else ok
        if self._parts and self._pool is not None and ts.size >= PARALLEL_MIN_ROWS and not messages:
            return self._decode_parallel(ts, msgs, nbytes, ok, addresses)
        m, _, val = extract(ts, msgs, nbytes, ok, self._known, addresses)
        stats: Counter[str] = Counter(
            messages=val.total,
            bad_hex=val.parsed_bad,
            crc_failed=val.crc_bad,
            unattributed=val.unattributed,
            unsupported_df=val.unsupported_df,
            valid=val.kept,
        )
        if len(m) == 0:
            empty = pl.DataFrame() if messages else None
            return DecodeResult(empty_points(), empty, stats, Counter(val.dropped), val.problem_rows)
        res_new = self._positions(m)
        resolved = (res_new.method == 1) | (res_new.method == 2)
        acc = Counter(val.dropped)
        acc.update(accounting.not_emitted(m.kind, m.df, m.tc, resolved, _KINDS))
        table, frame = self._assemble(m, res_new, messages)
        if self._late["icao"].size:
            stats["positions_late"] = int(self._late["icao"].size)
            table = pa.concat_tables([table, self._late_table()])
        stats["positions"] = int((res_new.method == 1).sum() + (res_new.method == 2).sum())
        stats["positions_global"] = int((res_new.method == 1).sum())
        stats["positions_local"] = int((res_new.method == 2).sum())
        stats["points"] = table.num_rows
        return DecodeResult(table, frame, stats, acc, val.problem_rows)

    def _decode_parallel(
        self,
        ts: F64,
        msgs: npt.NDArray[np.uint8],
        nbytes: npt.NDArray[np.integer],
        ok: npt.NDArray[np.bool_],
        addresses: npt.NDArray[np.int64] | None,
    ) -> DecodeResult:
        assert self._pool is not None
        df = downlink_format(msgs)
        short = np.where(df < 16, 7, nbytes)  # padded short replies: the CRC covers their first 56 bits
        addr = np.where((df == 11) | (df == 17) | (df == 18), address(msgs), crc_remainder(msgs, short))
        if addresses is not None:
            addr = np.where(addresses >= 0, addresses, addr).astype(np.uint32)
        part = (addr ^ (addr >> 8)) % len(self._parts)
        jobs = []
        for j, dec in enumerate(self._parts):
            rows = np.flatnonzero(part == j)
            given = addresses[rows] if addresses is not None else None
            jobs.append(self._pool.submit(dec.decode, ts[rows], msgs[rows], nbytes[rows], ok[rows], addresses=given))
        results = [job.result() for job in jobs]
        stats: Counter[str] = Counter()
        acc: Counter[str] = Counter()
        problems: dict[str, list[np.ndarray]] = {}
        for j, r in enumerate(results):
            stats.update(r.stats)
            acc.update(r.accounting)
            rows = np.flatnonzero(part == j)
            for reason, idx in r.problem_rows.items():
                problems.setdefault(reason, []).append(rows[idx])
        merged = {k: np.sort(np.concatenate(v)) for k, v in problems.items()}
        return DecodeResult(pa.concat_tables([r.points for r in results]), None, stats, acc, merged)

    # -- address trust --------------------------------------------------------------------------------
    def _update_known(self, icao: npt.NDArray[np.uint32], ts: F64, tmax: float) -> None:
        """Merge the batch's trusted addresses (one row per aircraft, its last time) into the trust table."""
        ic = np.concatenate([self._known, icao])
        t = np.concatenate([self._known_ts, ts])
        order = np.lexsort((-t, ic))
        ic, t = ic[order], t[order]
        first = np.ones(ic.size, dtype=bool)
        first[1:] = ic[1:] != ic[:-1]
        fresh = first & (t >= tmax - self.config.position_ttl_s)
        self._known, self._known_ts = ic[fresh].astype(np.uint32), t[fresh]

    # -- positions ------------------------------------------------------------------------------------
    def _positions(self, m: Messages) -> Resolved:
        """Resolve the batch's position messages together with carried rows; update the carry."""
        is_pos = (m.kind == KIND_AIRBORNE) | (m.kind == KIND_SURFACE)
        new_idx = np.flatnonzero(is_pos)
        c = self._pos
        nc = c["icao"].size if c else 0
        origin = np.concatenate([np.full(nc, -1), new_idx]) if nc else new_idx
        icao_all = np.concatenate([c["icao"], m.icao[new_idx]]) if nc else m.icao[new_idx]
        ts_all = np.concatenate([c["ts"], m.ts[new_idx]]) if nc else m.ts[new_idx]
        order = np.lexsort((np.arange(origin.size), ts_all, icao_all))
        # gather each column once, straight from the messages (and the few carried rows) into sorted order
        src = origin[order]
        from_carry = src < 0

        def col(name: str, values: np.ndarray | None, fill: float = np.nan) -> np.ndarray:
            out = values[np.maximum(src, 0)] if values is not None else np.full(src.size, fill)
            if nc:
                out[from_carry] = c[name][order[from_carry]]  # carried rows are first in the concatenation
            return out

        s: dict[str, np.ndarray] = {
            "icao": icao_all[order],
            "ts": ts_all[order],
            "surface": col("surface", m.kind == KIND_SURFACE),
            "fmt": col("fmt", m.fmt),
            "lat17": col("lat17", m.lat17),
            "lon17": col("lon17", m.lon17),
            "fixed_lat": col("fixed_lat", None),
            "fixed_lon": col("fixed_lon", None),
            "cand_lat": col("cand_lat", None),
            "cand_lon": col("cand_lon", None),
            "alt_baro": col("alt_baro", m.alt_baro),
            "alt_geom": col("alt_geom", m.alt_geom),
        }
        origin = src
        r = resolve(
            s["icao"],
            s["ts"],
            s["surface"],
            s["fmt"],
            s["lat17"],
            s["lon17"],
            s["fixed_lat"],
            s["fixed_lon"],
            s["cand_lat"],
            s["cand_lon"],
            receiver=self.config.receiver,
            params=self.config.cpr,
        )
        # carried candidates that a chain in this batch confirmed: emitted now (they were held back before)
        late = (origin < 0) & (r.method == 1) & ~np.isnan(s["cand_lat"]) & np.isnan(s["fixed_lat"])
        self._late = {k: s[k][late] for k in ("icao", "ts", "surface", "alt_baro", "alt_geom")}
        self._late["lat"], self._late["lon"] = r.lat[late], r.lon[late]
        self._carry_positions(s, r)
        n = len(m)
        out = Resolved(
            np.full(n, np.nan), np.full(n, np.nan), np.zeros(n, dtype=np.int8), np.full(n, np.nan), np.full(n, np.nan)
        )
        new = origin >= 0
        tgt = origin[new]
        out.lat[tgt], out.lon[tgt], out.method[tgt] = r.lat[new], r.lon[new], r.method[new]
        out.cand_lat[tgt], out.cand_lon[tgt] = r.cand_lat[new], r.cand_lon[new]
        return out

    def _late_table(self) -> pa.Table:
        """Points for late-confirmed fixes, with the aircraft's current identity and velocity state."""
        lt, st = self._late, self._state
        k = lt["icao"].size
        pos = np.clip(np.searchsorted(st["icao"], lt["icao"]), 0, max(st["icao"].size - 1, 0))
        have = st["icao"].size > 0 and (st["icao"][pos] == lt["icao"])
        have = np.asarray(have, dtype=bool) & np.ones(k, dtype=bool)

        def stv(name: str, fill: float) -> np.ndarray:
            return np.where(have, st[name][pos], fill) if st["icao"].size else np.full(k, fill)

        call = stv("callsign", -1).astype(np.int64)
        cs = self._state_callsigns
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

    def _carry_positions(self, s: dict[str, np.ndarray], r: Resolved) -> None:
        if s["ts"].size == 0:
            return
        tmax = s["ts"].max()
        p = self.config.cpr
        recent = s["ts"] >= tmax - np.where(s["surface"], p.surface_pair_window_s, p.pair_window_s)
        fixed = r.method > 0
        gstart = _group_start(s["icao"])
        last_fix = _ffill_idx(fixed, gstart)
        gend = np.ones(s["icao"].size, dtype=bool)
        gend[:-1] = s["icao"][1:] != s["icao"][:-1]
        anchor_rows = last_fix[gend]
        anchor_rows = anchor_rows[anchor_rows >= 0]
        keep = recent.copy()
        keep[anchor_rows] = True
        keep &= s["ts"] >= tmax - self.config.position_ttl_s
        self._pos = {k: v[keep] for k, v in s.items()}
        self._pos["fixed_lat"] = np.where(fixed, r.lat, np.nan)[keep]
        self._pos["fixed_lon"] = np.where(fixed, r.lon, np.nan)[keep]
        cand_only = ~fixed & ~np.isnan(r.cand_lat)
        self._pos["cand_lat"] = np.where(cand_only, r.cand_lat, np.nan)[keep]
        self._pos["cand_lon"] = np.where(cand_only, r.cand_lon, np.nan)[keep]

    # -- state forward-fill and output ----------------------------------------------------------------
    def _assemble(self, m: Messages, res: Resolved, want_messages: bool) -> tuple[pa.Table, pl.DataFrame | None]:
        st = self._state
        ns = st["icao"].size if st else 0
        n = len(m)
        cs_offset = len(self._state_callsigns)
        callsigns = self._state_callsigns + m.callsigns
        callsign_new = np.where(m.callsign >= 0, m.callsign + cs_offset, -1)

        def cat(name: str, new: np.ndarray) -> np.ndarray:
            return np.concatenate([st[name], new]) if ns else new

        vel_ts_new = np.where(m.kind == KIND_VELOCITY, m.ts, np.nan)
        icao = cat("icao", m.icao)
        ts = cat("ts", m.ts)
        is_new = np.concatenate([np.zeros(ns, dtype=bool), np.ones(n, dtype=bool)])
        order = np.lexsort((ts, is_new, icao)) if ns else np.lexsort((ts, icao))
        icao, ts, is_new = icao[order], ts[order], is_new[order]
        gstart = _group_start(icao)
        # trust: aircraft with a CRC-checked DF11/17/18 message in this batch, at their last time
        trusted_new = (m.df == 11) | (m.df == 17) | (m.df == 18)
        trusted = (np.concatenate([np.zeros(ns, dtype=bool), trusted_new]) if ns else trusted_new)[order]
        gstarts = np.flatnonzero(np.diff(np.concatenate([[-1], gstart])) != 0)
        g_trusted = np.maximum.reduceat(trusted, gstarts) if gstarts.size else np.zeros(0, dtype=bool)
        g_last = np.concatenate([gstarts[1:], [icao.size]]) - 1
        self._update_known(icao[g_last][g_trusted], ts[g_last][g_trusted], float(ts.max()))

        # Forward fills work on indices in the (aircraft, time) order, then gather each value column once from
        # the unsorted concatenation (state rows + messages): one gather per column instead of three.
        back = np.empty(n, dtype=np.int64)
        sel = np.flatnonzero(is_new)
        back[order[sel] - ns] = sel

        def src_of(mask_sorted: np.ndarray) -> np.ndarray:
            idx = _ffill_idx(mask_sorted, gstart)
            return np.where(idx >= 0, order[np.maximum(idx, 0)], -1)

        def pick(values: np.ndarray, src: np.ndarray, fill: float) -> np.ndarray:
            return np.where(src >= 0, values[np.maximum(src, 0)], fill)

        cs_all, sq_all, cat_all = cat("callsign", callsign_new), cat("squawk", m.squawk), cat("category", m.category)
        src_cs, src_sq, src_cat = src_of(cs_all[order] >= 0), src_of(sq_all[order] >= 0), src_of(cat_all[order] >= 0)
        vel_ts_all = cat("vel_ts", vel_ts_new)
        src_v = src_of(~np.isnan(vel_ts_all[order]))
        v_ok = (ts - pick(vel_ts_all, src_v, np.nan)) <= self.config.velocity_max_age_s
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
        live = np.flatnonzero(gend & (ts >= tmax - self.config.identity_ttl_s))
        call_live = pick(cs_all, src_cs[live], -1).astype(np.int64)
        used = np.unique(call_live[call_live >= 0])
        remap = np.full(len(callsigns) + 1, -1, dtype=np.int32)
        remap[used] = np.arange(used.size, dtype=np.int32)
        self._state_callsigns = [callsigns[i] for i in used.tolist()]
        sv = src_v[live]
        self._state = {
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
        return table, mframe


def decode_hex(
    hexes: list[str] | pl.Series | pa.Array,
    ts: F64 | list[float],
    *,
    receiver: tuple[float, float] | None = None,
    messages: bool = False,
) -> DecodeResult:
    """One-shot decode of a whole set of messages (sorted or not) with fresh state."""
    dec = ModesDecoder(DecoderConfig(receiver=receiver))
    return dec.decode_hex(np.asarray(ts, dtype=np.float64), hexes, messages=messages)
