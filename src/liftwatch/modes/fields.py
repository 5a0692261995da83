"""Bit fields of Mode S messages as whole-column operations.

Everything is a shift and a mask over a column, or a lookup in a small table built once at import: the
13-bit altitude code (Gillham 100 ft and 25 ft Q-bit) and the 13-bit identity code have only 8192 values
each, so decoding them per message is a single ``table[code]`` gather instead of bit twiddling per row.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

U8 = npt.NDArray[np.uint8]
U32 = npt.NDArray[np.uint32]
U64 = npt.NDArray[np.uint64]
F64 = npt.NDArray[np.float64]


def _bit(code: npt.NDArray[np.int64], pos: int) -> npt.NDArray[np.int64]:
    """Bit ``pos`` (0 = most significant) of a 13-bit code."""
    return (code >> (12 - pos)) & 1


def _gray_to_binary(g: npt.NDArray[np.int64]) -> npt.NDArray[np.int64]:
    b = g.copy()
    for s in (8, 4, 2, 1):
        b ^= b >> s
    return b


def _altitude_table() -> npt.NDArray[np.float64]:
    """Feet for every 13-bit AC code (bit order C1 A1 C2 A2 C4 A4 M B1 Q B2 D2 B4 D4); NaN = unknown/invalid.

    Q = 1: 11-bit count of 25 ft above -1000 ft. Q = 0: Gillham (Gray-coded 500 ft and 100 ft counters,
    the 100 ft counter running backwards when the 500 ft count is odd). M = 1 (metres) is not used in
    practice and decodes to NaN, as in pyModeS.
    """
    code = np.arange(8192, dtype=np.int64)
    m = _bit(code, 6)
    q = _bit(code, 8)
    n25 = ((code >> 2) & 0x7E0) | ((code >> 1) & 0x10) | (code & 0xF)
    alt25 = n25 * 25.0 - 1000.0
    c1, a1, c2, a2, c4, a4 = (_bit(code, p) for p in range(6))
    b1, b2, d2, b4, d4 = _bit(code, 7), _bit(code, 9), _bit(code, 10), _bit(code, 11), _bit(code, 12)
    g500 = (d2 << 7) | (d4 << 6) | (a1 << 5) | (a2 << 4) | (a4 << 3) | (b1 << 2) | (b2 << 1) | b4
    g100 = (c1 << 2) | (c2 << 1) | c4
    n500 = _gray_to_binary(g500)
    n100 = _gray_to_binary(g100)
    bad100 = (n100 == 0) | (n100 == 5) | (n100 == 6)
    n100 = np.where(n100 == 7, 5, n100)
    n100 = np.where(n500 % 2 == 1, 6 - n100, n100)
    gillham = n500 * 500.0 + n100 * 100.0 - 1300.0
    out = np.where(q == 1, alt25, np.where(bad100, np.nan, gillham))
    out = np.where(m == 1, np.nan, out)
    out[0] = np.nan
    return out.astype(np.float64)


ALT13 = _altitude_table()


def _squawk_table() -> npt.NDArray[np.int32]:
    """Squawk as a 4-digit octal number read as decimal (e.g. 7500) for every 13-bit identity code."""
    code = np.arange(8192, dtype=np.int64)
    a = (_bit(code, 5) << 2) | (_bit(code, 3) << 1) | _bit(code, 1)
    b = (_bit(code, 11) << 2) | (_bit(code, 9) << 1) | _bit(code, 7)
    c = (_bit(code, 4) << 2) | (_bit(code, 2) << 1) | _bit(code, 0)
    d = (_bit(code, 12) << 2) | (_bit(code, 10) << 1) | _bit(code, 8)
    return np.asarray(a * 1000 + b * 100 + c * 10 + d, dtype=np.int32)


SQUAWK13 = _squawk_table()

# 6-bit ICAO character set of the identification message; '#' marks codes outside the alphabet.
_CHARS = np.full(64, ord("#"), dtype=np.uint8)
_CHARS[1:27] = np.frombuffer(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ", dtype=np.uint8)
_CHARS[32] = ord(" ")
_CHARS[48:58] = np.frombuffer(b"0123456789", dtype=np.uint8)
CALLSIGN_CHARS = _CHARS


def downlink_format(msgs: U8) -> npt.NDArray[np.uint8]:
    """DF: first 5 bits; DF >= 24 are all "extended length" (only 11xxx), kept as 24."""
    df = msgs[:, 0] >> 3
    return np.where(df >= 24, 24, df).astype(np.uint8)


def address(msgs: U8) -> U32:
    """The AA field (bytes 1-3) of DF11/17/18."""
    out = (msgs[:, 1].astype(np.uint32) << 16) | (msgs[:, 2].astype(np.uint32) << 8) | msgs[:, 3]
    return out.astype(np.uint32)


def me_field(msgs: U8) -> U64:
    """The 56-bit ME/MB field (bytes 4-10) as one uint64 per row, so fields are plain shifts."""
    me = np.zeros(msgs.shape[0], dtype=np.uint64)
    for k in range(7):
        me |= msgs[:, 4 + k].astype(np.uint64) << np.uint64(8 * (6 - k))
    return me


def bits(me: U64, start: int, width: int) -> npt.NDArray[np.int64]:
    """ME bits ``start..start+width-1`` (0 = first ME bit, as in DO-260B tables) as int64."""
    shift = np.uint64(56 - start - width)
    # a masked field is < 2**56, so reinterpreting the uint64 bits as int64 is exact and copies nothing
    return ((me >> shift) & np.uint64((1 << width) - 1)).view(np.int64)


def code13(msgs: U8) -> npt.NDArray[np.int64]:
    """The 13-bit AC/ID field of DF0/4/5/16/20/21 (message bits 20-32)."""
    return (((msgs[:, 2].astype(np.int64) & 0x1F) << 8) | msgs[:, 3]).astype(np.int64)


def altitude_ac13(code: npt.NDArray[np.int64]) -> F64:
    """Feet from 13-bit AC codes (DF0/4/16/20)."""
    return ALT13[code]


def altitude_ac12(ac12: npt.NDArray[np.int64]) -> F64:
    """Feet from the 12-bit altitude of airborne positions: the M bit is implicit, insert it as 0."""
    code = ((ac12 >> 6) << 7) | (ac12 & 0x3F)
    return np.asarray(ALT13[code], dtype=np.float64)


def squawk_code(code: npt.NDArray[np.int64]) -> npt.NDArray[np.int32]:
    """Squawk (octal digits as a decimal int, 7500 -> 7500) from 13-bit identity codes (DF5/21)."""
    return SQUAWK13[code]


def callsign_bytes(me: U64) -> npt.NDArray[np.bytes_]:
    """8-character identification (TC 1-4) as fixed-width bytes, unstripped; ``'#'`` marks invalid codes."""
    chars = np.empty((me.shape[0], 8), dtype=np.uint8)
    for i in range(8):
        chars[:, i] = CALLSIGN_CHARS[bits(me, 8 + 6 * i, 6)]
    return chars.view("S8").ravel()


CATEGORY_SET = np.array(["", "D", "C", "B", "A"], dtype=object)  # TC 1..4 -> category set letter


def category(tc: npt.NDArray[np.int64], ca: npt.NDArray[np.int64]) -> npt.NDArray[np.object_]:
    """Emitter category as tar1090 writes it ("A5" heavy, "A3" large, "B6" UAV, ...); '' when TC 1 / CA 0."""
    letter = CATEGORY_SET[np.clip(tc, 0, 4)]
    out = np.char.add(letter.astype(str), ca.astype(str)).astype(object)
    out[(tc < 2) | (tc > 4) | (ca == 0)] = ""
    return out
