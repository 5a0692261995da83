"""Airborne velocity (TC 19, BDS 0,9), all four subtypes, over whole columns.

Subtypes 1/2 give east-west and north-south ground-speed components (x4 for supersonic subtype 2), from
which ground speed and track follow; subtypes 3/4 give heading and IAS/TAS instead (no track). All carry
the vertical rate (barometric or GNSS source) and the GNSS-minus-baro altitude difference. Ground speed is
kept as a float (pyModeS truncates it to an int; the tests compare the truncation).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from liftwatch.modes.fields import U64, bits

F64 = npt.NDArray[np.float64]


@dataclass
class Velocity:
    """Decoded velocity columns; NaN where the message does not carry the quantity."""

    subtype: npt.NDArray[np.int64]
    gs_kt: F64
    track_deg: F64
    heading_deg: F64
    airspeed_kt: F64
    airspeed_tas: npt.NDArray[np.bool_]
    vrate_fpm: F64
    vrate_baro: npt.NDArray[np.bool_]
    geo_minus_baro_ft: F64


def decode_velocity(me: U64) -> Velocity:
    """Decode the ME fields of TC 19 messages (rows of other type codes give meaningless values)."""
    st = bits(me, 5, 3)
    ground = (st == 1) | (st == 2)
    air = (st == 3) | (st == 4)
    scale = np.where((st == 2) | (st == 4), 4.0, 1.0)

    s_ew, m_ew = bits(me, 13, 1), bits(me, 14, 10)
    s_ns, m_ns = bits(me, 24, 1), bits(me, 25, 10)
    ok_gs = ground & (m_ew > 0) & (m_ns > 0)
    v_we = np.where(s_ew == 1, -1.0, 1.0) * (m_ew - 1) * scale
    v_sn = np.where(s_ns == 1, -1.0, 1.0) * (m_ns - 1) * scale
    gs = np.where(ok_gs, np.hypot(v_we, v_sn), np.nan)
    trk = np.degrees(np.arctan2(v_we, v_sn))
    trk = np.where(trk < 0, trk + 360.0, trk)
    trk = np.where(ok_gs, trk, np.nan)

    hdg_ok = air & (s_ew == 1)  # in subtypes 3/4 bit 13 is the heading status
    heading = np.where(hdg_ok, m_ew / 1024.0 * 360.0, np.nan)
    airspeed = np.where(air & (m_ns > 0), (m_ns - 1) * scale, np.nan)
    tas = air & (s_ns == 1)

    vr_src, vr_sign, vr_mag = bits(me, 35, 1), bits(me, 36, 1), bits(me, 37, 9)
    vrate = np.where(vr_mag > 0, np.where(vr_sign == 1, -1.0, 1.0) * (vr_mag - 1) * 64.0, np.nan)
    d_sign, d_mag = bits(me, 48, 1), bits(me, 49, 7)
    gmb = np.where((d_mag > 0) & (d_mag < 127), np.where(d_sign == 1, -1.0, 1.0) * (d_mag - 1) * 25.0, np.nan)
    return Velocity(
        subtype=st,
        gs_kt=gs,
        track_deg=trk,
        heading_deg=heading,
        airspeed_kt=airspeed,
        airspeed_tas=tas,
        vrate_fpm=vrate,
        vrate_baro=vr_src == 1,
        geo_minus_baro_ft=gmb,
    )


_MOV_LB = np.array([2, 9, 13, 39, 94, 109, 124])
_KT_LB = np.array([0.125, 1.0, 2.0, 15.0, 70.0, 100.0, 175.0])
_STEP = np.array([0.125, 0.25, 0.5, 1.0, 2.0, 5.0, 0.0])


def _movement_table() -> F64:
    """Knots for the 7-bit surface movement code (0 and 125-127: no information; 1: stopped)."""
    mov = np.arange(128)
    i = np.clip(np.searchsorted(_MOV_LB, mov, side="right") - 1, 0, 6)
    kt = _KT_LB[i] + (mov - _MOV_LB[i]) * _STEP[i]
    kt = np.where(mov == 1, 0.0, kt)
    kt = np.where((mov == 0) | (mov > 124), np.nan, kt)
    return kt.astype(np.float64)


MOVEMENT_KT = _movement_table()


def decode_surface_motion(me: U64) -> tuple[F64, F64]:
    """Ground speed (kt) and track (deg, NaN when its status bit is 0) of surface positions (TC 5-8)."""
    gs = MOVEMENT_KT[bits(me, 5, 7)]
    trk = np.where(bits(me, 12, 1) == 1, bits(me, 13, 7) * 360.0 / 128.0, np.nan)
    return gs, trk
