"""Hex parsing and the Mode S CRC-24 over whole arrays of messages.

Messages live as a ``(N, 14)`` uint8 array (short 56-bit messages use the first 7 columns) plus a length
column of 7 or 14 bytes. The CRC is the table form (Sarwate, two bytes per step) applied column by column, so the
Python loop runs 6 times per *batch*, never per message. The remainder is what the receiver needs:
zero for a good DF11/17/18 (DF11 may carry an interrogator id in its low 7 bits), and for DF0/4/5/16/20/21
it is the aircraft address itself ("address/parity" overlay), which is how those replies are attributed.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

GENERATOR = 0xFFF409  # x^24 + x^23 + ... + x^3 + 1 (ICAO Annex 10 Vol IV 3.1.2.3.3), top bit implicit

U8 = npt.NDArray[np.uint8]


def _crc_table() -> npt.NDArray[np.uint32]:
    """CRC of each byte value placed in the top 8 bits of the 24-bit register (built once, vectorised)."""
    c = np.arange(256, dtype=np.uint32) << 16
    for _ in range(8):
        top = (c & 0x800000) != 0
        c = ((c << 1) & 0xFFFFFF) ^ np.where(top, np.uint32(GENERATOR), np.uint32(0))
    return c.astype(np.uint32)


CRC_TABLE = _crc_table()

_NIBBLE = np.full(256, 255, dtype=np.uint8)
for _i, _ch in enumerate(b"0123456789abcdef"):
    _NIBBLE[_ch] = _i
for _i, _ch in enumerate(b"ABCDEF"):
    _NIBBLE[_ch] = 10 + _i


def _crc_table16(t8: npt.NDArray[np.uint32]) -> npt.NDArray[np.uint32]:
    """Register update for two bytes at once (65,536 entries): the CRC is linear, so feeding two bytes into a
    register equals feeding them XORed with its top 16 bits into an empty one, plus the shifted register."""
    x = np.arange(65536, dtype=np.uint32)
    r1 = t8[x >> 8]
    return np.asarray(((r1 << 8) & 0xFFFFFF) ^ t8[((r1 >> 16) ^ (x & 0xFF)) & 0xFF], dtype=np.uint32)


CRC_TABLE16 = _crc_table16(CRC_TABLE)


def crc_remainder(msgs: U8, nbytes: npt.NDArray[np.integer]) -> npt.NDArray[np.uint32]:
    """CRC-24 of the data bits XOR the parity field, for every row at once.

    Two data bytes per step through a 16-bit table (6 column passes for 11 data bytes, not 11). Long
    (14-byte) and short (7-byte) rows share the passes: short rows stop updating after their 4 data bytes
    (a masked update, skipped when the batch has no short rows), and each row's own parity bytes are XORed in.
    """
    n = msgs.shape[0]
    crc = np.zeros(n, dtype=np.uint32)
    long_ = np.asarray(nbytes) == 14
    all_long = bool(long_.all())
    words = (msgs[:, 0:10:2].astype(np.uint32) << 8) | msgs[:, 1:10:2]
    for k in range(5):
        nxt = ((crc << 16) & 0xFFFFFF) ^ CRC_TABLE16[((crc >> 8) ^ words[:, k]) & 0xFFFF]
        crc = nxt if (k < 2 or all_long) else np.where(long_, nxt, crc)
    nxt = ((crc << 8) & 0xFFFFFF) ^ CRC_TABLE[((crc >> 16) ^ msgs[:, 10]) & 0xFF]
    crc = nxt if all_long else np.where(long_, nxt, crc)
    p_long = (msgs[:, 11].astype(np.uint32) << 16) | (msgs[:, 12].astype(np.uint32) << 8) | msgs[:, 13]
    if all_long:
        return (crc ^ p_long).astype(np.uint32)
    p_short = (msgs[:, 4].astype(np.uint32) << 16) | (msgs[:, 5].astype(np.uint32) << 8) | msgs[:, 6]
    return (crc ^ np.where(long_, p_long, p_short)).astype(np.uint32)


def parity_for(msgs: U8, nbytes: npt.NDArray[np.integer]) -> npt.NDArray[np.uint32]:
    """CRC of the data bits alone (parity field treated as zero): what an encoder writes into the last 3 bytes."""
    m = msgs.copy()
    long_ = np.asarray(nbytes) == 14
    m[long_, 11:14] = 0
    m[~long_, 4:7] = 0
    return crc_remainder(m, nbytes)


def _as_large_string(strings: pa.Array | pa.ChunkedArray | pl.Series | Sequence[str]) -> pa.Array:
    if isinstance(strings, pl.Series):
        arr: pa.Array | pa.ChunkedArray = strings.to_arrow()
    elif isinstance(strings, pa.Array | pa.ChunkedArray):
        arr = strings
    else:
        arr = pa.array(list(strings), type=pa.large_string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    if arr.type != pa.large_string():
        arr = pc.cast(arr, pa.large_string())
    return arr


def hex_to_bytes(
    strings: pa.Array | pa.ChunkedArray | pl.Series | Sequence[str],
) -> tuple[U8, npt.NDArray[np.int8], npt.NDArray[np.bool_]]:
    """Parse hex strings (14 or 28 hex digits, any case) into ``(msgs (N,14) uint8, nbytes, ok)``.

    Works on the Arrow buffers directly: the characters of every row are gathered with one fancy index and
    mapped through a 256-entry nibble table. Rows of another length, with non-hex characters or nulls get
    ``ok = False`` (and zeros), so one bad line costs one row.
    """
    arr = _as_large_string(strings)
    n = len(arr)
    out = np.zeros((n, 14), dtype=np.uint8)
    if n == 0:
        return out, np.zeros(0, dtype=np.int8), np.zeros(0, dtype=bool)
    fast = _fromhex_fast(arr)
    if fast is not None:
        return fast
    return _hex_table(arr, out)


def _fromhex_fast(arr: pa.Array) -> tuple[U8, npt.NDArray[np.int8], npt.NDArray[np.bool_]] | None:
    """``bytes.fromhex`` over each length group's contiguous character buffer (C speed); None when any row
    is null, of another length or not hex, so the caller falls back to the per-row table path."""
    if arr.null_count:
        return None
    lengths = pc.binary_length(arr).to_numpy()
    is_long = lengths == 28
    if not (is_long | (lengths == 14)).all():
        return None
    n = len(arr)
    out = np.zeros((n, 14), dtype=np.uint8)
    for width, mask in ((28, is_long), (14, ~is_long)):
        k = int(mask.sum())
        if k == 0:
            continue
        part = arr if k == n else pc.filter(arr, pa.array(mask))
        bufs = part.buffers()
        offs = np.frombuffer(bufs[1], dtype=np.int64, count=len(part) + 1 + part.offset)[part.offset :]
        raw = bufs[2].to_pybytes()[int(offs[0]) : int(offs[-1])]
        try:
            b = bytes.fromhex(raw.decode("ascii"))
        except (ValueError, UnicodeDecodeError):
            return None
        if len(b) != k * width // 2:  # fromhex skips whitespace: a row with spaces shifts everything
            return None
        out[mask, : width // 2] = np.frombuffer(b, dtype=np.uint8).reshape(k, width // 2)
    return out, np.where(is_long, 14, 7).astype(np.int8), np.ones(n, dtype=bool)


def _hex_table(arr: pa.Array, out: U8) -> tuple[U8, npt.NDArray[np.int8], npt.NDArray[np.bool_]]:
    """Per-row gather through a nibble table: slower, but tolerates nulls, bad lengths and non-hex rows."""
    n = len(arr)
    bufs = arr.buffers()
    offsets = np.frombuffer(bufs[1], dtype=np.int64, count=n + 1 + arr.offset)[arr.offset :]
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None else np.zeros(1, dtype=np.uint8)
    lengths = np.diff(offsets)
    valid = np.asarray(arr.is_valid().to_numpy(zero_copy_only=False), dtype=bool)
    is_long = (lengths == 28) & valid
    is_short = (lengths == 14) & valid
    ok = is_long | is_short
    starts = np.where(ok, offsets[:-1], 0)
    width = np.where(is_long, 28, 14)
    cols = np.arange(28)
    idx = starts[:, None] + np.minimum(cols[None, :], width[:, None] - 1)
    if data.size:
        idx = np.minimum(idx, data.size - 1)
    chars = data[idx]
    nib = _NIBBLE[chars]
    nib[:, 14:][~is_long] = 0
    bad = (nib == 255).any(axis=1)
    ok &= ~bad
    nib[~ok] = 0
    out[:] = (nib[:, 0::2] << 4) | nib[:, 1::2]
    nbytes = np.where(is_long, 14, 7).astype(np.int8)
    return out, nbytes, ok


def bytes_to_hex(msgs: U8, nbytes: npt.NDArray[np.integer]) -> list[str]:
    """Hex strings of messages (upper case, 14 or 28 digits); for tests, encoders and replay, not hot paths."""
    digits = np.frombuffer(b"0123456789ABCDEF", dtype=np.uint8)
    chars = np.empty((msgs.shape[0], 28), dtype=np.uint8)
    chars[:, 0::2] = digits[msgs >> 4]
    chars[:, 1::2] = digits[msgs & 0x0F]
    raw = chars.view("S28").ravel()
    long_ = np.asarray(nbytes) == 14
    return [s.decode() if lg else s[:14].decode() for s, lg in zip(raw.tolist(), long_.tolist(), strict=True)]
