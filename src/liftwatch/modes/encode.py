"""A small vectorised Mode S encoder: trajectories in, valid DF4/5/11/17/20/21 messages out.

Needed because no library produces large volumes of *valid* raw messages from chosen tracks: the decoder
benchmark (>= 1 M messages), the live-feed tests and the edge-case oracle tests (pairs across the 10 s limit,
NL zone changes, Gillham altitudes, address/parity replies) all synthesise their input here, and the
simulator can use it to write raw formats. The inverse tables are built from the decoder's own tables, so a
round trip checks both sides; the tests check the output against pyModeS independently.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from liftwatch.modes.cpr import nl
from liftwatch.modes.crc import bytes_to_hex, parity_for
from liftwatch.modes.fields import ALT13, SQUAWK13

F64 = npt.NDArray[np.float64]
I64 = npt.NDArray[np.int64]
U8 = npt.NDArray[np.uint8]

_CHARSET = "#ABCDEFGHIJKLMNOPQRSTUVWXYZ##### ###############0123456789######"


def _arr(x: float | Sequence[float] | np.ndarray, n: int, dtype: type = np.float64) -> np.ndarray:
    a: np.ndarray = np.asarray(x, dtype=dtype)
    return np.broadcast_to(a, (n,)).copy() if a.ndim == 0 else a


def cpr_encode(lat: F64, lon: F64, fmt: I64, surface: bool | npt.NDArray[np.bool_] = False) -> tuple[I64, I64]:
    """17-bit CPR latitude/longitude (DO-260B A.1.7.1)."""
    span = np.where(surface, 90.0, 360.0)
    dlat = span / (60 - fmt)
    yz = np.floor(131072.0 * np.mod(lat, dlat) / dlat + 0.5)
    rlat = dlat * (yz / 131072.0 + np.floor(lat / dlat))
    ni = np.maximum(nl(rlat) - fmt, 1)
    dlon = span / ni
    xz = np.floor(131072.0 * np.mod(lon, dlon) / dlon + 0.5)
    return yz.astype(np.int64) & 0x1FFFF, xz.astype(np.int64) & 0x1FFFF


def altitude_code12(alt_ft: F64, q25: bool | npt.NDArray[np.bool_] = True) -> I64:
    """12-bit altitude field of airborne positions: 25 ft Q-bit code, or Gillham (100 ft) when ``q25`` is False."""
    n = np.clip(np.round((alt_ft + 1000.0) / 25.0), 0, 2047).astype(np.int64)
    c25 = ((n >> 4) << 5) | 0x10 | (n & 0xF)
    code13 = _gillham13(alt_ft)
    cg = ((code13 >> 7) << 6) | (code13 & 0x3F)
    return np.where(q25, c25, cg)


def _gillham13(alt_ft: F64) -> I64:
    """13-bit AC code with Q = 0, M = 0 for altitudes on the 100 ft grid (-1200 ... 126700 ft)."""
    codes = np.arange(8192)
    m_bit = (codes >> 6) & 1
    q_bit = (codes >> 4) & 1
    ok = (m_bit == 0) & (q_bit == 0) & ~np.isnan(ALT13)
    alts = ALT13[ok]
    cs = codes[ok]
    order = np.argsort(alts, kind="stable")
    alts, cs = alts[order], cs[order]
    target = np.round(np.asarray(alt_ft) / 100.0) * 100.0
    i = np.clip(np.searchsorted(alts, target), 0, alts.size - 1)
    return np.asarray(cs[i], dtype=np.int64)


def altitude_code13(alt_ft: F64, q25: bool | npt.NDArray[np.bool_] = True) -> I64:
    """13-bit AC field of DF0/4/16/20 replies (M = 0)."""
    c12 = altitude_code12(alt_ft, True)
    c25 = ((c12 >> 6) << 7) | (c12 & 0x3F)
    return np.where(q25, c25, _gillham13(alt_ft))


def squawk_code13(squawk: Sequence[str] | npt.NDArray[np.str_]) -> I64:
    """13-bit identity code for 4-digit octal squawks."""
    inv = np.full(10000, -1, dtype=np.int64)
    codes = np.arange(8192)
    x_zero = ((codes >> 6) & 1) == 0
    inv[SQUAWK13[x_zero]] = codes[x_zero]
    return inv[np.asarray([int(s) for s in squawk], dtype=np.int64)]


def _me_to_bytes(df: I64, ca: I64, icao: I64, me: npt.NDArray[np.uint64]) -> U8:
    n = df.size
    out = np.zeros((n, 14), dtype=np.uint8)
    out[:, 0] = ((df << 3) | ca).astype(np.uint8)
    out[:, 1] = (icao >> 16) & 0xFF
    out[:, 2] = (icao >> 8) & 0xFF
    out[:, 3] = icao & 0xFF
    for k in range(7):
        out[:, 4 + k] = ((me >> np.uint64(8 * (6 - k))) & np.uint64(0xFF)).astype(np.uint8)
    return out


def _finish(msgs: U8, nbytes: npt.NDArray[np.int8], ap_xor: I64 | None = None) -> U8:
    par = parity_for(msgs, nbytes).astype(np.int64)
    if ap_xor is not None:
        par = par ^ ap_xor
    long_ = nbytes == 14
    for j, shift in enumerate((16, 8, 0)):
        b = ((par >> shift) & 0xFF).astype(np.uint8)
        msgs[long_, 11 + j] = b[long_]
        msgs[~long_, 4 + j] = b[~long_]
    return msgs


def _u64(x: I64) -> npt.NDArray[np.uint64]:
    return np.asarray(x, dtype=np.int64).astype(np.uint64)


def _put(me: npt.NDArray[np.uint64], value: I64, start: int, width: int) -> npt.NDArray[np.uint64]:
    mask = (1 << width) - 1
    return me | ((_u64(value) & np.uint64(mask)) << np.uint64(56 - start - width))


def airborne_position(
    icao: I64,
    lat: F64,
    lon: F64,
    alt_ft: F64,
    fmt: I64,
    *,
    tc: int | I64 = 11,
    q25: bool | npt.NDArray[np.bool_] = True,
    df: int = 17,
) -> U8:
    """DF17 airborne positions (TC 9-18 barometric; TC 20-22 GNSS height in metres)."""
    n = np.asarray(icao).size
    fmt = _arr(fmt, n, np.int64)
    tcs = _arr(tc, n, np.int64)
    alt = _arr(alt_ft, n)
    yz, xz = cpr_encode(_arr(lat, n), _arr(lon, n), fmt)
    ac = np.where(tcs >= 20, np.clip(np.round(alt / 3.28084), 0, 4095).astype(np.int64), altitude_code12(alt, q25))
    me = np.zeros(n, dtype=np.uint64)
    me = _put(me, tcs, 0, 5)
    me = _put(me, ac, 8, 12)
    me = _put(me, fmt, 21, 1)
    me = _put(me, yz, 22, 17)
    me = _put(me, xz, 39, 17)
    msgs = _me_to_bytes(_arr(df, n, np.int64), np.full(n, 5), _arr(icao, n, np.int64), me)
    return _finish(msgs, np.full(n, 14, dtype=np.int8))


def surface_position(icao: I64, lat: F64, lon: F64, gs_kt: F64, track: F64, fmt: I64, *, tc: int = 7) -> U8:
    """DF17 surface positions (TC 5-8) with movement and track."""
    n = np.asarray(icao).size
    fmt = _arr(fmt, n, np.int64)
    yz, xz = cpr_encode(_arr(lat, n), _arr(lon, n), fmt, surface=True)
    gs = _arr(gs_kt, n)
    lb = np.array([2, 9, 13, 39, 94, 109, 124])
    kt = np.array([0.125, 1.0, 2.0, 15.0, 70.0, 100.0, 175.0])
    step = np.array([0.125, 0.25, 0.5, 1.0, 2.0, 5.0, 1.0])
    i = np.clip(np.searchsorted(kt, gs, side="right") - 1, 0, 6)
    mov = np.clip(lb[i] + np.floor((gs - kt[i]) / step[i] + 1e-9), 2, 124).astype(np.int64)
    mov = np.where(gs <= 0, 1, mov)
    trk = np.round(np.mod(_arr(track, n), 360.0) / 360.0 * 128).astype(np.int64) & 0x7F
    me = np.zeros(n, dtype=np.uint64)
    me = _put(me, np.full(n, tc), 0, 5)
    me = _put(me, mov, 5, 7)
    me = _put(me, np.ones(n, dtype=np.int64), 12, 1)
    me = _put(me, trk, 13, 7)
    me = _put(me, fmt, 21, 1)
    me = _put(me, yz, 22, 17)
    me = _put(me, xz, 39, 17)
    msgs = _me_to_bytes(np.full(n, 17), np.full(n, 5), _arr(icao, n, np.int64), me)
    return _finish(msgs, np.full(n, 14, dtype=np.int8))


def identification(icao: I64, callsign: Sequence[str], *, tc: int = 4, category: int = 5) -> U8:
    """DF17 identification (TC 1-4) with an 8-character callsign."""
    n = np.asarray(icao).size
    idx = {c: i for i, c in enumerate(_CHARSET) if c != "#"}
    codes = np.array([[idx.get(ch, 32) for ch in (cs.upper() + " " * 8)[:8]] for cs in callsign], dtype=np.int64)
    me = np.zeros(n, dtype=np.uint64)
    me = _put(me, np.full(n, tc), 0, 5)
    me = _put(me, np.full(n, category), 5, 3)
    for i in range(8):
        me = _put(me, codes[:, i], 8 + 6 * i, 6)
    msgs = _me_to_bytes(np.full(n, 17), np.full(n, 5), _arr(icao, n, np.int64), me)
    return _finish(msgs, np.full(n, 14, dtype=np.int8))


def velocity(
    icao: I64,
    gs_kt: F64,
    track_deg: F64,
    vrate_fpm: F64,
    *,
    supersonic: bool = False,
    baro_vrate: bool = False,
    geo_minus_baro_ft: float | F64 = np.nan,
) -> U8:
    """DF17 airborne velocity, subtype 1 (2 if ``supersonic``): ground-speed components."""
    n = np.asarray(icao).size
    scale = 4.0 if supersonic else 1.0
    gs, trk, vr = _arr(gs_kt, n), np.radians(_arr(track_deg, n)), _arr(vrate_fpm, n)
    vew = np.round(gs * np.sin(trk) / scale).astype(np.int64)
    vns = np.round(gs * np.cos(trk) / scale).astype(np.int64)
    vrm = np.clip(np.round(np.abs(vr) / 64.0) + 1, 1, 511).astype(np.int64)
    gmb = _arr(geo_minus_baro_ft, n)
    gmag = np.where(np.isnan(gmb), 0, np.clip(np.round(np.abs(np.nan_to_num(gmb)) / 25.0) + 1, 1, 126)).astype(np.int64)
    me = np.zeros(n, dtype=np.uint64)
    me = _put(me, np.full(n, 19), 0, 5)
    me = _put(me, np.full(n, 2 if supersonic else 1), 5, 3)
    me = _put(me, (vew < 0).astype(np.int64), 13, 1)
    me = _put(me, np.minimum(np.abs(vew) + 1, 1023), 14, 10)
    me = _put(me, (vns < 0).astype(np.int64), 24, 1)
    me = _put(me, np.minimum(np.abs(vns) + 1, 1023), 25, 10)
    me = _put(me, np.full(n, int(baro_vrate)), 35, 1)
    me = _put(me, (vr < 0).astype(np.int64), 36, 1)
    me = _put(me, vrm, 37, 9)
    me = _put(me, (np.nan_to_num(gmb) < 0).astype(np.int64), 48, 1)
    me = _put(me, gmag, 49, 7)
    msgs = _me_to_bytes(np.full(n, 17), np.full(n, 5), _arr(icao, n, np.int64), me)
    return _finish(msgs, np.full(n, 14, dtype=np.int8))


def airspeed_velocity(icao: I64, heading_deg: F64, airspeed_kt: F64, vrate_fpm: F64, *, tas: bool = True) -> U8:
    """DF17 airborne velocity, subtype 3: heading and IAS/TAS."""
    n = np.asarray(icao).size
    hdg = np.round(np.mod(_arr(heading_deg, n), 360.0) / 360.0 * 1024).astype(np.int64) & 0x3FF
    spd = np.clip(np.round(_arr(airspeed_kt, n)) + 1, 1, 1023).astype(np.int64)
    vr = _arr(vrate_fpm, n)
    vrm = np.clip(np.round(np.abs(vr) / 64.0) + 1, 1, 511).astype(np.int64)
    me = np.zeros(n, dtype=np.uint64)
    me = _put(me, np.full(n, 19), 0, 5)
    me = _put(me, np.full(n, 3), 5, 3)
    me = _put(me, np.ones(n, dtype=np.int64), 13, 1)
    me = _put(me, hdg, 14, 10)
    me = _put(me, np.full(n, int(tas)), 24, 1)
    me = _put(me, spd, 25, 10)
    me = _put(me, np.ones(n, dtype=np.int64), 35, 1)
    me = _put(me, (vr < 0).astype(np.int64), 36, 1)
    me = _put(me, vrm, 37, 9)
    msgs = _me_to_bytes(np.full(n, 17), np.full(n, 5), _arr(icao, n, np.int64), me)
    return _finish(msgs, np.full(n, 14, dtype=np.int8))


def surveillance(
    df: int,
    icao: I64,
    *,
    alt_ft: F64 | None = None,
    squawk: Sequence[str] | None = None,
    q25: bool = True,
    mb: npt.NDArray[np.uint64] | None = None,
) -> U8:
    """DF4/20 (altitude) or DF5/21 (identity) replies, parity overlaid with the address."""
    n = np.asarray(icao).size
    if df in (4, 20):
        code = altitude_code13(_arr(alt_ft if alt_ft is not None else np.nan, n), q25)
    else:
        code = squawk_code13(squawk or [])
    msgs = np.zeros((n, 14), dtype=np.uint8)
    msgs[:, 0] = df << 3
    msgs[:, 2] = (code >> 8) & 0x1F
    msgs[:, 3] = code & 0xFF
    long_ = df in (20, 21)
    if long_ and mb is not None:
        for k in range(7):
            msgs[:, 4 + k] = ((mb >> np.uint64(8 * (6 - k))) & np.uint64(0xFF)).astype(np.uint8)
    nb = np.full(n, 14 if long_ else 7, dtype=np.int8)
    return _finish(msgs, nb, ap_xor=_arr(icao, n, np.int64))


def allcall(icao: I64) -> U8:
    """DF11 all-call replies (interrogator id 0)."""
    n = np.asarray(icao).size
    msgs = np.zeros((n, 14), dtype=np.uint8)
    msgs[:, 0] = (11 << 3) | 5
    ic = _arr(icao, n, np.int64)
    msgs[:, 1], msgs[:, 2], msgs[:, 3] = (ic >> 16) & 0xFF, (ic >> 8) & 0xFF, ic & 0xFF
    return _finish(msgs, np.full(n, 7, dtype=np.int8))


def to_hex(msgs: U8, short: bool = False) -> list[str]:
    """Hex strings of encoded messages."""
    return bytes_to_hex(msgs, np.full(msgs.shape[0], 7 if short else 14))
