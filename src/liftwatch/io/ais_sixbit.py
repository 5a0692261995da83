"""Vectorised AIS 6-bit payload armoring, bit-field extraction and NMEA checksums over NumPy arrays.

Why hand-written next to pyais: pyais decodes one sentence at a time in Python (tens of microseconds each), which
is fine for static reports but too slow for position reports, the bulk of every AIS log (a day of a busy coast
is tens of millions of them). Position reports of types 1/2/3 and 18 are fixed 168-bit messages armored in
exactly 28 characters, so a chunk of them is a rectangular byte matrix: de-armoring, bit unpacking and field
extraction become a handful of whole-array NumPy operations. pyais stays the oracle: the tests compare every
field against it, and everything that is not a single-sentence 168-bit report goes through pyais.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

U8 = npt.NDArray[np.uint8]
I64 = npt.NDArray[np.int64]
POSITION_CHARS = 28  # 168 bits / 6

# bit layouts (start, length, signed) from ITU-R M.1371-5
CLASS_A = {
    "msg_type": (0, 6, False),
    "mmsi": (8, 30, False),
    "status": (38, 4, False),
    "speed": (50, 10, False),
    "lon": (61, 28, True),
    "lat": (89, 27, True),
    "course": (116, 12, False),
    "heading": (128, 9, False),
    "second": (137, 6, False),
}
CLASS_B = {
    "msg_type": (0, 6, False),
    "mmsi": (8, 30, False),
    "speed": (46, 10, False),
    "lon": (57, 28, True),
    "lat": (85, 27, True),
    "course": (112, 12, False),
    "heading": (124, 9, False),
    "second": (133, 6, False),
}


def armored_ok(chars: U8) -> npt.NDArray[np.bool_]:
    """Per row: every character is a legal 6-bit armor character ('0'-'W' or '`'-'w')."""
    good = ((chars >= 48) & (chars <= 87)) | ((chars >= 96) & (chars <= 119))
    return np.asarray(good.all(axis=1), dtype=np.bool_)


def dearmor(chars: U8) -> U8:
    """Armor characters (n, k) to 6-bit values (n, k)."""
    v = chars.astype(np.int16) - 48
    v = np.where(v > 40, v - 8, v)
    return np.asarray(v & 0x3F, dtype=np.uint8)


def field(bits: U8, start: int, length: int, signed: bool = False) -> I64:
    """Unsigned (or two's complement) integer of ``length`` bits from ``start`` for every row."""
    weights = (np.int64(1) << np.arange(length - 1, -1, -1, dtype=np.int64)).astype(np.int64)
    val = bits[:, start : start + length].astype(np.int64) @ weights
    if signed:
        val = np.where(val >= (1 << (length - 1)), val - (1 << length), val)
    return np.asarray(val, dtype=np.int64)


def to_bytes(values: U8) -> U8:
    """6-bit values (n, 4k) to packed bytes (n, 3k): four characters are exactly three bytes."""
    n, k = values.shape
    v = values.reshape(n, k // 4, 4).astype(np.uint8)
    b0 = (v[:, :, 0] << 2) | (v[:, :, 1] >> 4)
    b1 = ((v[:, :, 1] & 0x0F) << 4) | (v[:, :, 2] >> 2)
    b2 = ((v[:, :, 2] & 0x03) << 6) | v[:, :, 3]
    return np.asarray(np.stack([b0, b1, b2], axis=2).reshape(n, 3 * (k // 4)), dtype=np.uint8)


def byte_field(data: U8, start: int, length: int, signed: bool = False) -> I64:
    """Like :func:`field` on packed bytes: combine the <= 5 bytes that hold the field, shift and mask."""
    first, last = start // 8, (start + length - 1) // 8
    nb = last - first + 1
    acc = np.zeros(data.shape[0], dtype=np.uint64)
    for i in range(nb):  # at most 5 whole-column operations
        acc = (acc << np.uint64(8)) | data[:, first + i].astype(np.uint64)
    shift = 8 * nb - (start % 8) - length
    val = ((acc >> np.uint64(shift)) & np.uint64((1 << length) - 1)).astype(np.int64)
    if signed:
        val = np.where(val >= (1 << (length - 1)), val - (1 << length), val)
    return np.asarray(val, dtype=np.int64)


def put_field(bits: U8, start: int, length: int, values: npt.ArrayLike) -> None:
    """Write integers (two's complement when negative) into ``bits[:, start:start+length]``."""
    v = np.asarray(values, dtype=np.int64) & ((np.int64(1) << length) - 1)
    shifts = np.arange(length - 1, -1, -1, dtype=np.int64)
    bits[:, start : start + length] = ((v[:, None] >> shifts) & 1).astype(np.uint8)


def armor(bits: U8) -> U8:
    """Bit matrix (n, 6k) to armor characters (n, k)."""
    n = bits.shape[0]
    groups = bits.reshape(n, -1, 6).astype(np.uint8)
    v = groups @ np.array([32, 16, 8, 4, 2, 1], dtype=np.uint8)
    c = v.astype(np.uint8) + 48
    return np.asarray(np.where(v >= 40, c + 8, c), dtype=np.uint8)


def xor_rows(mat: U8) -> U8:
    """XOR of each row's bytes (NMEA checksum of a fixed-width body)."""
    return np.asarray(np.bitwise_xor.reduce(mat, axis=1), dtype=np.uint8)


def xor_ragged(data: U8, starts: I64, ends: I64) -> U8:
    """XOR of ``data[starts[i]:ends[i]]`` for every i (empty ranges give 0), via a prefix XOR scan."""
    prefix = np.concatenate([np.zeros(1, dtype=np.uint8), np.bitwise_xor.accumulate(data)]) if data.size else None
    if prefix is None:
        return np.zeros(len(starts), dtype=np.uint8)
    return np.asarray(prefix[ends] ^ prefix[starts], dtype=np.uint8)


_HEX = np.frombuffer(b"0123456789ABCDEF", dtype=np.uint8)


def hex2(values: U8) -> U8:
    """Two upper-case hex digits per byte, shape (n, 2)."""
    v = np.asarray(values, dtype=np.uint8)
    return np.stack([_HEX[v >> 4], _HEX[v & 0x0F]], axis=1)


def digits(values: I64, width: int) -> U8:
    """Zero-padded decimal digits of non-negative integers, shape (n, width)."""
    v = np.asarray(values, dtype=np.int64)
    powers = np.int64(10) ** np.arange(width - 1, -1, -1, dtype=np.int64)
    return np.asarray(((v[:, None] // powers) % 10 + 48).astype(np.uint8), dtype=np.uint8)
