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
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa

from liftwatch.modes.cpr import CprParams, Resolved, resolve
from liftwatch.modes.crc import hex_to_bytes
from liftwatch.modes.extract import (
    KIND_AIRBORNE,
    KIND_IDENT,
    KIND_SURFACE,
    KIND_VELOCITY,
    Messages,
    extract,
)
from liftwatch.schema import PointFlag, conform, empty_points

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]


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


_CAT_LETTER = {4: "A", 3: "B", 2: "C", 1: "D"}


class ModesDecoder:
    """Stateful vectorised decoder. ``decode`` may be called on consecutive batches (file chunks, live feed)."""

    def __init__(self, config: DecoderConfig | None = None) -> None:
        self.config = config or DecoderConfig()
        self._known = np.zeros(0, dtype=np.uint32)  # trusted addresses (sorted) and when last seen
        self._known_ts = np.zeros(0, dtype=np.float64)
        self._pos: dict[str, np.ndarray] = {}  # carried position rows
        self._state: dict[str, np.ndarray] = {}  # carried per-aircraft identity/velocity state
        self._state_callsigns: list[str] = []

    # -- public ---------------------------------------------------------------------------------------
    def decode_hex(self, ts: F64, hexes: pa.Array | pl.Series | list[str], *, messages: bool = False) -> DecodeResult:
        msgs, nbytes, ok = hex_to_bytes(hexes)
        return self.decode(np.asarray(ts, dtype=np.float64), msgs, nbytes, ok, messages=messages)

    def decode(
        self,
        ts: F64,
        msgs: npt.NDArray[np.uint8],
        nbytes: npt.NDArray[np.integer],
        ok: npt.NDArray[np.bool_] | None = None,
        *,
        messages: bool = False,
    ) -> DecodeResult:
        """Decode one batch (epoch seconds ``ts``, ``(N,14)`` bytes). ``messages=True`` also returns the
        per-message frame (every field, for inspection and the pyModeS oracle tests)."""
        ok = np.ones(ts.size, dtype=bool) if ok is None else ok
        m, known, val = extract(ts, msgs, nbytes, ok, self._known)
        stats: Counter[str] = Counter(
            messages=val.total,
            bad_hex=val.parsed_bad,
            crc_failed=val.crc_bad,
            unattributed=val.unattributed,
            unsupported_df=val.unsupported_df,
            valid=val.kept,
        )
        self._update_known(known, m)
        if len(m) == 0:
            return DecodeResult(empty_points(), pl.DataFrame() if messages else None, stats)
        res_new = self._positions(m)
        table, frame = self._assemble(m, res_new, messages)
        stats["positions"] = int((res_new.method == 1).sum() + (res_new.method == 2).sum())
        stats["positions_global"] = int((res_new.method == 1).sum())
        stats["positions_local"] = int((res_new.method == 2).sum())
        stats["points"] = table.num_rows
        return DecodeResult(table, frame, stats)

    # -- address trust --------------------------------------------------------------------------------
    def _update_known(self, known: npt.NDArray[np.uint32], m: Messages) -> None:
        seen = np.isin(m.kind, (KIND_AIRBORNE, KIND_SURFACE, KIND_IDENT, KIND_VELOCITY, 7, 8)) & (m.df != 20)
        ic, ts = m.icao[seen], m.ts[seen]
        all_ic = np.concatenate([self._known, ic, known])
        all_ts = np.concatenate([self._known_ts, ts, np.full(known.size, ts.max() if ts.size else 0.0)])
        order = np.lexsort((-all_ts, all_ic))
        all_ic, all_ts = all_ic[order], all_ts[order]
        first = np.ones(all_ic.size, dtype=bool)
        first[1:] = all_ic[1:] != all_ic[:-1]
        self._known, self._known_ts = all_ic[first].astype(np.uint32), all_ts[first]
        if m.ts.size:
            fresh = self._known_ts >= m.ts.max() - self.config.position_ttl_s
            self._known, self._known_ts = self._known[fresh], self._known_ts[fresh]

    # -- positions ------------------------------------------------------------------------------------
    def _positions(self, m: Messages) -> Resolved:
        """Resolve the batch's position messages together with carried rows; update the carry."""
        is_pos = (m.kind == KIND_AIRBORNE) | (m.kind == KIND_SURFACE)
        new_idx = np.flatnonzero(is_pos)
        c = self._pos
        nc = c["icao"].size if c else 0
        cols = {
            "icao": m.icao[new_idx],
            "ts": m.ts[new_idx],
            "surface": m.kind[new_idx] == KIND_SURFACE,
            "fmt": m.fmt[new_idx],
            "lat17": m.lat17[new_idx],
            "lon17": m.lon17[new_idx],
            "fixed_lat": np.full(new_idx.size, np.nan),
            "fixed_lon": np.full(new_idx.size, np.nan),
            "cand_lat": np.full(new_idx.size, np.nan),
            "cand_lon": np.full(new_idx.size, np.nan),
        }
        if nc:
            cols = {k: np.concatenate([c[k], v]) for k, v in cols.items()}
        origin = np.concatenate([np.full(nc, -1), new_idx])
        order = np.lexsort((np.arange(origin.size), cols["ts"], cols["icao"]))
        s = {k: v[order] for k, v in cols.items()}
        origin = origin[order]
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

    def _carry_positions(self, s: dict[str, np.ndarray], r: Resolved) -> None:
        if s["ts"].size == 0:
            return
        tmax = s["ts"].max()
        p = self.config.cpr
        recent = s["ts"] >= tmax - max(p.pair_window_s, p.surface_pair_window_s)
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
        order = np.lexsort((ts, is_new, icao))
        icao, ts, is_new = icao[order], ts[order], is_new[order]
        gstart = _group_start(icao)

        def col(name: str, new: np.ndarray) -> np.ndarray:
            return cat(name, new)[order]

        def ffill_f(values: np.ndarray) -> F64:
            return _take(values, _ffill_idx(~np.isnan(values), gstart))

        def ffill_i(values: np.ndarray) -> np.ndarray:
            idx = _ffill_idx(values >= 0, gstart)
            return np.where(idx >= 0, values[np.maximum(idx, 0)], -1)

        call = ffill_i(col("callsign", callsign_new))
        squawk = ffill_i(col("squawk", m.squawk))
        category = ffill_i(col("category", m.category))
        vel_ts = col("vel_ts", vel_ts_new)
        vidx = _ffill_idx(~np.isnan(vel_ts), gstart)
        v_age = ts - _take(vel_ts, vidx)
        v_ok = v_age <= self.config.velocity_max_age_s
        v_gs = np.where(v_ok, _take(col("v_gs", np.where(m.kind == KIND_VELOCITY, m.gs, np.nan)), vidx), np.nan)
        v_trk = np.where(v_ok, _take(col("v_trk", np.where(m.kind == KIND_VELOCITY, m.track, np.nan)), vidx), np.nan)
        v_vr = np.where(v_ok, _take(col("v_vr", m.vrate), vidx), np.nan)
        v_hdg = np.where(v_ok, _take(col("v_hdg", m.heading), vidx), np.nan)
        v_gmb = np.where(v_ok, _take(col("v_gmb", m.gmb), vidx), np.nan)
        v_vrb = np.where(v_ok, _take(col("v_vrb", m.vrate_baro.astype(np.float64)), vidx), np.nan)

        # new state: the last row of each aircraft
        gend = np.ones(icao.size, dtype=bool)
        gend[:-1] = icao[1:] != icao[:-1]
        tmax = ts.max()
        live = gend & (ts >= tmax - self.config.identity_ttl_s)
        used = np.unique(call[live][call[live] >= 0])
        remap = np.full(len(callsigns) + 1, -1, dtype=np.int32)
        remap[used] = np.arange(used.size, dtype=np.int32)
        self._state_callsigns = [callsigns[i] for i in used.tolist()]
        self._state = {
            "icao": icao[live],
            "ts": ts[live],
            "callsign": np.where(call[live] >= 0, remap[np.maximum(call[live], 0)], -1).astype(np.int32),
            "squawk": squawk[live].astype(np.int32),
            "category": category[live].astype(np.int32),
            "vel_ts": np.where(v_ok, _take(vel_ts, vidx), np.nan)[live],
            "v_gs": v_gs[live],
            "v_trk": v_trk[live],
            "v_vr": v_vr[live],
            "v_hdg": v_hdg[live],
            "v_gmb": v_gmb[live],
            "v_vrb": v_vrb[live],
        }

        # back to message order (new rows only)
        back = np.empty(n, dtype=np.int64)
        sel = np.flatnonzero(is_new)
        back[order[sel] - ns] = sel
        call, squawk, category = call[back], squawk[back], category[back]
        v_gs, v_trk, v_vr, v_hdg, v_gmb, v_vrb = (a[back] for a in (v_gs, v_trk, v_vr, v_hdg, v_gmb, v_vrb))

        surface = m.kind == KIND_SURFACE
        velocity = m.kind == KIND_VELOCITY
        gs = np.where(surface | velocity, m.gs, v_gs)
        trk = np.where(surface | velocity, m.track, v_trk)
        alt_geom = np.where(np.isnan(m.alt_geom), m.alt_baro + v_gmb, m.alt_geom)
        flags = np.zeros(n, dtype=np.uint16)
        flags |= np.where(surface, np.uint16(PointFlag.SURFACE), np.uint16(0))
        flags |= np.where(v_vrb == 0, np.uint16(PointFlag.VRATE_GEOM), np.uint16(0))
        flags |= np.where(m.tisb, np.uint16(PointFlag.TISB), np.uint16(0))
        flags |= np.where(
            (m.kind == KIND_AIRBORNE) & np.isnan(m.alt_baro) & ~np.isnan(m.alt_geom),
            np.uint16(PointFlag.ALT_GEOM),
            np.uint16(0),
        )
        emit = ((res.method == 1) | (res.method == 2)) | velocity
        cs_series = pl.Series("callsign", [*callsigns, None], dtype=pl.String)
        frame = pl.DataFrame(
            {
                "icao": m.icao,
                "ts_s": m.ts,
                "lat": res.lat,
                "lon": res.lon,
                "alt_baro_ft": m.alt_baro,
                "alt_geom_ft": alt_geom,
                "gs_kt": gs,
                "track_deg": trk,
                "vrate_fpm": np.where(velocity, m.vrate, v_vr),
                "heading_deg": np.where(velocity, m.heading, v_hdg),
                "on_ground": surface,
                "call_idx": np.where(call >= 0, call, len(callsigns)),
                "squawk_i": squawk,
                "flags": flags,
                "emit": emit,
            },
            nan_to_null=True,
        )
        pts = frame.filter(pl.col("emit")).select(
            pl.lit("modes").alias("source"),
            pl.lit("air").alias("domain"),
            pl.col("icao"),
            (pl.col("ts_s") * 1_000_000).round().cast(pl.Int64).cast(pl.Datetime("us", "UTC")).alias("ts"),
            "lat",
            "lon",
            "alt_baro_ft",
            "alt_geom_ft",
            "gs_kt",
            "track_deg",
            "vrate_fpm",
            "heading_deg",
            pl.when(pl.col("lat").is_null() & ~pl.col("on_ground"))
            .then(None)
            .otherwise(pl.col("on_ground"))
            .alias("on_ground"),
            pl.col("call_idx"),
            pl.when(pl.col("squawk_i") >= 0)
            .then(pl.col("squawk_i").cast(pl.String).str.zfill(4))
            .otherwise(None)
            .alias("squawk"),
            "flags",
        )
        pts = pts.with_columns(
            cs_series.gather(pts["call_idx"]).alias("callsign"), _hex6(pts["icao"]).alias("asset_id")
        ).drop("call_idx", "icao")
        table = conform(pts)
        mframe = None
        if want_messages:
            mframe = self._message_frame(m, res, frame, cs_series)
        return table, mframe

    @staticmethod
    def _message_frame(m: Messages, res: Resolved, frame: pl.DataFrame, cs: pl.Series) -> pl.DataFrame:
        letters = np.array(["", "D", "C", "B", "A"], dtype=object)
        cat = letters[np.clip(m.category // 10, 0, 4)].tolist()
        cat_s = pl.Series(cat, dtype=pl.String) + pl.Series(m.category % 10).cast(pl.String)
        cat_s = pl.select(pl.when(pl.Series(m.category) >= 0).then(cat_s).otherwise(None)).to_series()
        own_cs = np.where(m.callsign >= 0, m.callsign, len(cs) - 1)
        return pl.DataFrame(
            {
                "row": m.source_row,
                "icao": [f"{x:06x}" for x in m.icao.tolist()],
                "ts": m.ts,
                "df": m.df,
                "tc": m.tc,
                "kind": m.kind,
                "cpr_format": m.fmt,
                "cpr_lat": m.lat17.astype(np.int64),
                "cpr_lon": m.lon17.astype(np.int64),
                "lat": res.lat,
                "lon": res.lon,
                "position_method": res.method,
                "altitude": m.alt_baro,
                "alt_gnss": m.alt_geom,
                "gs": m.gs,
                "track": m.track,
                "vrate": m.vrate,
                "heading": m.heading,
                "airspeed": m.airspeed,
                "geo_minus_baro": m.gmb,
                "squawk_own": np.where(m.squawk >= 0, m.squawk, -1),
                "category": cat_s,
            },
            nan_to_null=True,
        ).with_columns(
            callsign_own=cs.gather(pl.Series(own_cs)) if len(m) else pl.lit(None, pl.String),
            callsign=cs.gather(frame["call_idx"]),
        )


_HEX3 = pl.Series([f"{i:03x}" for i in range(4096)], dtype=pl.String)


def _hex6(s: pl.Series) -> pl.Series:
    """Lower-case 6-digit hex of 24-bit addresses, vectorised through a 4096-entry table of 3-digit halves."""
    v = s.cast(pl.Int64)
    hi = _HEX3.gather(v // 4096)
    lo = _HEX3.gather(v % 4096)
    return hi + lo


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
