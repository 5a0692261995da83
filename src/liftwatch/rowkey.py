"""A stable 64-bit content hash of a point row (``points.row_key``), the store's de-duplication key.

Why hand-written rather than DuckDB's ``hash()`` or Polars' ``hash_rows``: neither promises the same value
across versions, and a store outlives library upgrades. If the key of an already-stored row changed, the next
overlapping file would add that row a second time. So the algorithm is fixed here and documented
(``docs/reliability.md``), vectorised with NumPy over whole batches:

* each key column becomes one unsigned 64-bit value per row: strings hash with BLAKE2b (8-byte digest,
  personalised ``b"lw-rowkey-v1"``) over their UTF-8 bytes, computed once per distinct value of the batch;
  timestamps are their microseconds since the epoch; float64 and float32 values are their IEEE-754 bit
  patterns (``-0.0`` read as ``0.0``, every NaN as one NaN); booleans are 1 and 2; a null is a fixed tag;
* the column values are folded left to right with the SplitMix64 finaliser, the column position mixed in, so
  a value moved to another column gives another key.

The fold runs in C when the optional extension is built (``csrc/rowkey.c``: each value read once, ~0.02 µs a
row against ~0.09 for the NumPy passes); the NumPy fold below is the reference and gives the same keys.

Identical content gives the identical key on any platform and any library version; ``ROW_KEY_VERSION`` names
the algorithm, and the store records it so that a store keyed by an older scheme is re-keyed once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.io.native import turned_off
from liftwatch.io.vector import one_value

_Fold = Callable[[int, list[tuple[int, object, object, int, int]]], bytearray]
_built_fold: _Fold | None
try:
    from liftwatch._rowkey import fold as _built_fold
except ImportError:  # not built (no compiler at install time): the NumPy fold, same keys
    _built_fold = None
_fold: _Fold | None = None if turned_off() else _built_fold
_K_U64, _K_F64, _K_F32, _K_BOOL, _K_CONST = range(5)

ROW_KEY_VERSION = "lw-rowkey-v1"

# Columns whose values define "the same observation" for de-duplication, in hashing order.
KEY_COLUMNS = (
    "source",
    "asset_id",
    "ts",
    "lat",
    "lon",
    "alt_baro_ft",
    "alt_geom_ft",
    "gs_kt",
    "track_deg",
    "vrate_fpm",
    "on_ground",
    "callsign",
    "squawk",
)

_NULL = np.uint64(0x6A09E667F3BCC908)
_SEED = np.uint64(0xCBF29CE484222325)
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_PERSON = b"lw-rowkey-v1"


def _mix(z: np.ndarray) -> np.ndarray:
    """SplitMix64 finaliser (wrapping uint64 arithmetic)."""
    z = (z ^ (z >> np.uint64(30))) * _M1
    z = (z ^ (z >> np.uint64(27))) * _M2
    return np.asarray(z ^ (z >> np.uint64(31)), dtype=np.uint64)


def _mix_into(z: np.ndarray, tmp: np.ndarray) -> None:
    """:func:`_mix` in place (``tmp``: scratch of the same shape): the same values without a temporary array
    per operation, which made hashing a batch cost as much as parsing it."""
    for shift, mult in ((30, _M1), (27, _M2)):
        np.right_shift(z, np.uint64(shift), out=tmp)
        np.bitwise_xor(z, tmp, out=z)
        np.multiply(z, mult, out=z)
    np.right_shift(z, np.uint64(31), out=tmp)
    np.bitwise_xor(z, tmp, out=z)


def _string_hash(value: str) -> int:
    digest = hashlib.blake2b(value.encode("utf-8", "surrogatepass"), digest_size=8, person=_PERSON).digest()
    return int.from_bytes(digest, "little")


# Hashes of strings met before. The same asset ids, callsigns and squawks come back batch after batch (a day
# of snapshots is ~1,400 batches of the same few thousand aircraft), and a dictionary lookup costs a tenth of a
# BLAKE2b call from Python. Bounded: emptied when full (~25 MB at the limit).
_SEEN_LIMIT = 131_072
_seen: dict[str, int] = {}


def _string_hashes(values: list[str]) -> list[int]:
    """:func:`_string_hash` of each value, from the cache where it can."""
    get = _seen.get
    out = [get(v, -1) for v in values]
    missing = [i for i, h in enumerate(out) if h < 0]
    if missing:
        if len(_seen) + len(missing) > _SEEN_LIMIT:
            _seen.clear()
        keep = len(missing) <= _SEEN_LIMIT  # a batch of more distinct values than the cache holds is not kept
        for i in missing:
            out[i] = h = _string_hash(values[i])
            if keep:
                _seen[values[i]] = h
    return out


def _nulls(arr: pa.Array) -> np.ndarray:
    return np.asarray(arr.is_null().to_numpy(zero_copy_only=False), dtype=bool)


def column_values(arr: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """One uint64 per row for one key column (see the module docstring for each type's rule)."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    t = arr.type
    n = len(arr)
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        enc = pc.dictionary_encode(arr)
        table = np.array([*_string_hashes(enc.dictionary.to_pylist()), int(_NULL)], dtype=np.uint64)
        idx = enc.indices.fill_null(len(enc.dictionary)).to_numpy(zero_copy_only=False)
        return np.asarray(table[idx], dtype=np.uint64)
    if pa.types.is_timestamp(t):
        vals = arr.cast(pa.timestamp("us", tz=t.tz)).cast(pa.int64()).fill_null(0).to_numpy(zero_copy_only=False)
        out = vals.astype(np.int64).view(np.uint64).copy()
    elif pa.types.is_float64(t) or pa.types.is_float32(t):
        ftype = np.float64 if pa.types.is_float64(t) else np.float32
        utype = np.uint64 if pa.types.is_float64(t) else np.uint32
        vals = np.asarray(arr.fill_null(0.0).to_numpy(zero_copy_only=False), dtype=ftype).copy()
        vals[vals == 0] = 0.0  # -0.0 -> 0.0
        vals[np.isnan(vals)] = np.nan  # one NaN bit pattern
        out = vals.view(utype).astype(np.uint64)
    elif pa.types.is_boolean(t):
        out = np.where(np.asarray(arr.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool), 1, 2).astype(
            np.uint64
        )
    else:
        raise TypeError(f"no row-key rule for {t}")
    if arr.null_count:
        out[_nulls(arr)] = _NULL
    assert out.shape == (n,)
    return np.asarray(out, dtype=np.uint64)


def row_keys(columns: list[pa.Array | pa.ChunkedArray]) -> np.ndarray:
    """Row keys (uint64) from the key columns given in ``KEY_COLUMNS`` order."""
    if _fold is not None and columns:
        specs = [_native_spec(c) for c in columns]
        return np.frombuffer(_fold(len(columns[0]), specs), dtype=np.uint64)
    return numpy_row_keys(columns)


def _native_spec(arr: pa.Array | pa.ChunkedArray) -> tuple[int, object, object, int, int]:
    """How the C fold reads one key column: (kind, values, validity bitmap or None, offset, constant)."""
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks() if arr.num_chunks != 1 else arr.chunk(0)
    t = arr.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        value = one_value(arr)
        if value is not None:  # one value: hashed once
            return (_K_CONST, None, None, 0, _string_hashes([value])[0])
        return (_K_U64, np.ascontiguousarray(_text_values(arr)), None, 0, 0)
    if pa.types.is_timestamp(t):
        arr = arr.cast(pa.timestamp("us", tz=t.tz))
        kind = _K_U64
    elif pa.types.is_float64(t):
        kind = _K_F64
    elif pa.types.is_float32(t):
        kind = _K_F32
    elif pa.types.is_boolean(t):
        kind = _K_BOOL
    else:
        raise TypeError(f"no row-key rule for {t}")
    validity, data = arr.buffers()[:2]
    return (kind, data, validity if arr.null_count else None, arr.offset, 0)


def _text_values(arr: pa.Array) -> np.ndarray:
    """:func:`column_values` of a text column; through its runs when it comes in long runs (a trace's rows are
    one aircraft's, so ``asset_id`` changes a few times a batch), which costs a quarter of a dictionary."""
    if len(arr) > 256:
        head = arr.slice(0, 65)
        if (pc.sum(pc.not_equal(head.slice(1), head.slice(0, 64))).as_py() or 0) < 8:
            runs = pc.run_end_encode(arr)
            if len(runs.values) * 4 < len(arr):
                lengths = np.diff(runs.run_ends.to_numpy(), prepend=0)
                return np.repeat(column_values(runs.values), lengths)
    return column_values(arr)


def numpy_row_keys(columns: list[pa.Array | pa.ChunkedArray]) -> np.ndarray:
    """:func:`row_keys` in NumPy alone (the rule's reference, and the path without the C extension)."""
    n = len(columns[0]) if columns else 0
    h = np.full(n, _SEED, dtype=np.uint64)
    tmp = np.empty(n, dtype=np.uint64)
    with np.errstate(over="ignore"):
        for j, col in enumerate(columns):
            np.bitwise_xor(h, column_values(col), out=h)
            np.add(h, _GOLDEN * np.uint64(j + 1), out=h)
            _mix_into(h, tmp)
    return h


def table_row_keys(table: pa.Table) -> pa.Array:
    """Row keys of a canonical point table, as a UInt64 Arrow array."""
    return pa.array(row_keys([table.column(c) for c in KEY_COLUMNS]), type=pa.uint64())


def duckdb_udf(
    source: pa.Array,
    asset_id: pa.Array,
    ts: pa.Array,
    lat: pa.Array,
    lon: pa.Array,
    alt_baro_ft: pa.Array,
    alt_geom_ft: pa.Array,
    gs_kt: pa.Array,
    track_deg: pa.Array,
    vrate_fpm: pa.Array,
    on_ground: pa.Array,
    callsign: pa.Array,
    squawk: pa.Array,
) -> pa.Array:
    """The same keys as a DuckDB vectorised (Arrow) function, used to re-key a store in place."""
    cols = [source, asset_id, ts, lat, lon, alt_baro_ft, alt_geom_ft, gs_kt, track_deg, vrate_fpm, on_ground]
    return pa.array(row_keys([*cols, callsign, squawk]), type=pa.uint64())
