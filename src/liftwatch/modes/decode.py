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

from liftwatch.modes import accounting
from liftwatch.modes.assemble import assemble, late_table
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
    Messages,
    extract,
)
from liftwatch.modes.fields import address, downlink_format
from liftwatch.modes.groups import ffill_idx, group_start
from liftwatch.schema import empty_points

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
            table = pa.concat_tables([table, late_table(self._late, self._state, self._state_callsigns)])
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

    def _carry_positions(self, s: dict[str, np.ndarray], r: Resolved) -> None:
        if s["ts"].size == 0:
            return
        tmax = s["ts"].max()
        p = self.config.cpr
        recent = s["ts"] >= tmax - np.where(s["surface"], p.surface_pair_window_s, p.pair_window_s)
        fixed = r.method > 0
        gstart = group_start(s["icao"])
        last_fix = ffill_idx(fixed, gstart)
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
        a = assemble(m, res, self._state, self._state_callsigns, self.config, want_messages)
        self._update_known(a.trusted_icao, a.trusted_ts, a.tmax)
        self._state, self._state_callsigns = a.state, a.callsigns
        return a.table, a.frame


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
