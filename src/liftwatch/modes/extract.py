"""From raw message bytes to typed columns: which messages are valid, whose they are, and what they say.

Validity: DF17/18 need a zero CRC remainder; DF11 a remainder below 128 (the interrogator id may be overlaid).
DF0/4/5/16/20/21 carry address/parity, so the remainder *is* the address: it is accepted only when that address
was already seen in a CRC-checked DF11/17/18 message (a corrupt reply always yields *some* address, so
unverified ones would invent aircraft). DF20/21 replies whose parity is overlaid with a BDS code cannot be
attributed and are dropped the same way, unless the input names each message's address itself (OpenSky's
``icao24`` column, rs1090's ``icao24``, a pyModeS CSV's ``icao``): that address is then used as given.

Length: the downlink format fixes the length (DF0-15: 56 bits, DF16+: 112 bits). Receivers that always
capture 112 bits write short replies padded to 28 hex digits; the padding is cut off here.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import polars as pl

from liftwatch.modes import accounting
from liftwatch.modes.crc import crc_remainder
from liftwatch.modes.fields import (
    address,
    altitude_ac12,
    altitude_ac13,
    bits,
    callsign_bytes,
    code13,
    downlink_format,
    me_field,
    squawk_code,
)
from liftwatch.modes.velocity import decode_surface_motion, decode_velocity

F64 = npt.NDArray[np.float64]

KIND_IDENT = 1
KIND_AIRBORNE = 2
KIND_SURFACE = 3
KIND_VELOCITY = 4
KIND_ALTITUDE = 5  # DF0/4/16/20 altitude reply
KIND_IDENTITY = 6  # DF5/21 identity (squawk) reply
KIND_ALLCALL = 7  # DF11 (address only)
KIND_OTHER = 8  # valid DF17/18 of a type code not decoded here (status, operational status, ...)

FT_PER_M = 3.28084


@dataclass
class Messages:
    """Valid, attributed messages as parallel columns (one row per message)."""

    icao: npt.NDArray[np.uint32]
    ts: F64
    df: npt.NDArray[np.uint8]
    kind: npt.NDArray[np.int8]
    tc: npt.NDArray[np.int64]
    fmt: npt.NDArray[np.int64]
    lat17: F64
    lon17: F64
    alt_baro: F64
    alt_geom: F64
    gs: F64
    track: F64
    vrate: F64
    vrate_baro: npt.NDArray[np.bool_]
    heading: F64
    airspeed: F64
    gmb: F64
    squawk: npt.NDArray[np.int32]  # -1 when absent
    callsign: npt.NDArray[np.int32]  # index into ``callsigns``, -1 when absent
    category: npt.NDArray[np.int32]  # tar1090 style A0..D7 as 10*set+cat (A=4,B=3,C=2,D=1), -1 absent
    tisb: npt.NDArray[np.bool_]
    source_row: npt.NDArray[np.int64]  # row in the input batch
    callsigns: list[str] = field(default_factory=list)

    def __len__(self) -> int:
        return int(self.icao.size)


@dataclass
class Validity:
    """Counts of what the CRC and attribution steps kept and dropped (for reject logs and stats)."""

    total: int = 0
    parsed_bad: int = 0
    crc_bad: int = 0
    unattributed: int = 0
    unsupported_df: int = 0
    kept: int = 0
    dropped: Counter[str] = field(default_factory=Counter)  # reasons for the parsed messages not kept
    problem_rows: dict[str, npt.NDArray[np.int64]] = field(default_factory=dict)  # first rows per problem


def extract(
    ts: F64,
    msgs: npt.NDArray[np.uint8],
    nbytes: npt.NDArray[np.integer],
    ok: npt.NDArray[np.bool_],
    known: npt.NDArray[np.uint32],
    given: npt.NDArray[np.int64] | None = None,
) -> tuple[Messages, npt.NDArray[np.uint32], Validity]:
    """Validate, attribute and decode every message of a batch. Returns messages, the updated known-address
    array (sorted, unique) and validity counts. ``given``: each message's address as the input states it
    (-1 where it does not), used for address/parity replies."""
    v = Validity(total=int(ok.size), parsed_bad=int((~ok).sum()))
    df = downlink_format(msgs)
    expect_long = df >= 16
    nb = np.asarray(nbytes)
    padded = ok & (nb == 14) & ~expect_long
    if padded.any():  # a short reply captured as 112 bits: the last 56 are not part of it
        msgs = msgs.copy()
        msgs[padded, 7:] = 0
        nb = np.where(padded, 7, nb).astype(np.int8)
    long_ = nb == 14
    wrong_length = ok & expect_long & ~long_
    ok = ok & ~wrong_length
    rem = crc_remainder(msgs, nb)
    aa = address(msgs)
    is_es = ok & long_ & ((df == 17) | (df == 18))
    es = is_es & (rem == 0)
    allcall_cand = ok & ~long_ & (df == 11)
    allcall = allcall_cand & ((rem & 0xFFFF80) == 0)
    ap_df = (df == 0) | (df == 4) | (df == 5) | (df == 16) | (df == 20) | (df == 21)
    surv_cand = ok & ap_df
    surv = np.zeros(ok.size, dtype=bool)
    has_given = np.zeros(ok.size, dtype=bool) if given is None else (given >= 0) & surv_cand
    if has_given.any():
        assert given is not None
        rem = np.where(has_given, given, rem).astype(np.uint32)
        surv |= has_given
    cand_idx = np.flatnonzero(surv_cand & ~has_given)
    if cand_idx.size:  # only address/parity replies need the trusted-address lookup
        batch_known = pl.Series(np.concatenate([aa[es], aa[allcall]])).unique().to_numpy()
        known = np.union1d(known, batch_known).astype(np.uint32)
        surv[cand_idx] = np.isin(rem[cand_idx], known)
    crc_bad = (is_es & ~es) | (allcall_cand & ~allcall)
    unattributed = surv_cand & ~surv
    other = ok & ~is_es & ~allcall_cand & ~surv_cand
    v.crc_bad = int(crc_bad.sum())
    v.unattributed = int(unattributed.sum())
    keep = es | allcall | surv
    v.unsupported_df = int(other.sum()) + int(wrong_length.sum())
    v.kept = int(keep.sum())
    v.dropped, v.problem_rows = accounting.invalid(ok, df, crc_bad, unattributed, wrong_length, other)

    if v.kept == ok.size:  # the common case of a clean feed: no gathers
        rows = np.arange(ok.size)
        m, dfk, surv_k, rem_k, aa_k, is_es_k, ts_k = msgs, df, surv, rem, aa, es, ts
    else:
        rows = np.flatnonzero(keep)
        m, dfk, surv_k, rem_k, aa_k, is_es_k, ts_k = (
            msgs[rows],
            df[rows],
            surv[rows],
            rem[rows],
            aa[rows],
            es[rows],
            ts[rows],
        )
    n = rows.size
    icao = np.where(surv_k, rem_k, aa_k).astype(np.uint32)
    me = me_field(m)
    tc = np.where(is_es_k, m[:, 4] >> 3, 0).astype(np.int64)
    kind = np.full(n, KIND_OTHER, dtype=np.int8)
    ident = is_es_k & (tc >= 1) & (tc <= 4)
    surface = is_es_k & (tc >= 5) & (tc <= 8)
    airborne = is_es_k & (((tc >= 9) & (tc <= 18)) | ((tc >= 20) & (tc <= 22)))
    velocity = is_es_k & (tc == 19)
    kind[ident] = KIND_IDENT
    kind[surface] = KIND_SURFACE
    kind[airborne] = KIND_AIRBORNE
    kind[velocity] = KIND_VELOCITY
    kind[(dfk == 0) | (dfk == 4) | (dfk == 16) | (dfk == 20)] = KIND_ALTITUDE
    kind[(dfk == 5) | (dfk == 21)] = KIND_IDENTITY
    kind[dfk == 11] = KIND_ALLCALL

    pos = np.flatnonzero(surface | airborne)
    me_pos = me[pos]
    fmt = np.full(n, -1, dtype=np.int64)
    lat17 = np.zeros(n)
    lon17 = np.zeros(n)
    fmt[pos] = bits(me_pos, 21, 1)
    lat17[pos] = bits(me_pos, 22, 17)
    lon17[pos] = bits(me_pos, 39, 17)
    alt_baro = np.full(n, np.nan)
    alt_geom = np.full(n, np.nan)
    air = np.flatnonzero(airborne)
    ac12 = bits(me[air], 8, 12)
    tc_air = tc[air]
    alt_baro[air] = np.where(tc_air <= 18, altitude_ac12(ac12), np.nan)
    alt_geom[air] = np.where(tc_air >= 20, np.floor(ac12 * FT_PER_M), np.nan)
    c13 = code13(m)
    alt_surv = (dfk == 0) | (dfk == 4) | (dfk == 16) | (dfk == 20)
    alt_baro = np.where(alt_surv, altitude_ac13(c13), alt_baro)

    gs, track = np.full(n, np.nan), np.full(n, np.nan)
    vrate, heading, airspeed, gmb = (np.full(n, np.nan) for _ in range(4))
    vrate_baro = np.zeros(n, dtype=bool)
    if velocity.any():
        vel = decode_velocity(me[velocity])
        gs[velocity], track[velocity], vrate[velocity] = vel.gs_kt, vel.track_deg, vel.vrate_fpm
        heading[velocity], airspeed[velocity], gmb[velocity] = vel.heading_deg, vel.airspeed_kt, vel.geo_minus_baro_ft
        vrate_baro[velocity] = vel.vrate_baro
    if surface.any():
        gs[surface], track[surface] = decode_surface_motion(me[surface])

    squawk = np.where((dfk == 5) | (dfk == 21), squawk_code(c13), -1).astype(np.int32)

    callsign = np.full(n, -1, dtype=np.int32)
    callsigns: list[str] = []
    # Comm-B BDS 2,0 (aircraft identification in a DF20/21 reply): same character layout as TC 1-4
    commb = ((dfk == 20) | (dfk == 21)) & (bits(me, 0, 8) == 0x20)
    has_cs = ident | commb
    if has_cs.any():
        raw = callsign_bytes(me[has_cs])
        valid_cs = np.char.find(raw, b"#") < 0
        sel = np.flatnonzero(has_cs)
        keep_cs = ident[sel] | valid_cs
        uniq, inv = np.unique(raw[keep_cs], return_inverse=True)
        callsigns = [u.decode("ascii").strip() for u in uniq.tolist()]
        callsign[sel[keep_cs]] = inv.astype(np.int32)
    category = np.where(ident & (tc > 1) & ((m[:, 4] & 7) > 0), tc * 10 + (m[:, 4] & 7), -1).astype(np.int32)
    cf = m[:, 0] & 7
    tisb = (dfk == 18) & (cf >= 2)

    out = Messages(
        icao=icao,
        ts=ts_k,
        df=dfk,
        kind=kind,
        tc=tc,
        fmt=fmt,
        lat17=lat17,
        lon17=lon17,
        alt_baro=alt_baro,
        alt_geom=alt_geom,
        gs=gs,
        track=track,
        vrate=vrate,
        vrate_baro=vrate_baro,
        heading=heading,
        airspeed=airspeed,
        gmb=gmb,
        squawk=squawk,
        callsign=callsign,
        category=category,
        tisb=tisb,
        source_row=rows.astype(np.int64),
        callsigns=callsigns,
    )
    return out, known, v
