"""Vectorised typing, cleaning and validation of text-born columns, shared by the OpenSky and SBS readers.

Readers hand over pyarrow columns that are either already typed (the fast path) or raw text (a chunk that failed
typed parsing, a Parquet file with odd types). Everything here works on whole columns with Arrow compute kernels,
which keep the data in Arrow's own layout (no conversion to and from another engine on the fast path); text that
must be parsed leniently goes through Polars' ``cast(strict=False)``, which turns bad values into nulls we can
point at. Cheap byte-level checks (NumPy over the string data buffer) decide whether a column needs cleaning at all,
so clean files pay for no string rewriting.

:class:`Problems` collects ``(mask, reason)`` pairs in priority order and resolves them to one reason per
rejected row, so a row is counted once, under its first problem.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from typing import TypeAlias

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from liftwatch.io.base import RejectLog
from liftwatch.io.native import turned_off

try:
    from liftwatch._keyset import KeySet as _BuiltKeySet
except ImportError:  # not built: Polars answers first_distinct
    _BuiltKeySet = None  # type: ignore[assignment,misc]
_KeySet = None if turned_off() else _BuiltKeySet

Column: TypeAlias = pa.Array | pa.ChunkedArray

_TRUE = ["1", "-1", "true", "t", "yes", "y"]
_FALSE = ["0", "false", "f", "no", "n"]
_UNIT_PER_S = {"s": 1.0, "ms": 1e3, "us": 1e6, "ns": 1e9}

# What a reader may meet from pyarrow/polars/zlib on hostile bytes; readers turn these into rejects, never raise.
DATA_ERRORS = (
    pa.ArrowException,
    OSError,
    EOFError,
    ValueError,
    NotImplementedError,
    TypeError,
    zlib.error,
    pl.exceptions.PolarsError,
)


def _byte_class(chars: bytes) -> np.ndarray:
    table = np.zeros(256, dtype=bool)
    table[np.frombuffer(chars, dtype=np.uint8)] = True
    return table


_HEX_LOWER = _byte_class(b"0123456789abcdef")
_OCTAL = _byte_class(b"01234567")
_NEEDS_CLEANING = _byte_class(b" \t\x0b\x0cabcdefghijklmnopqrstuvwxyz") | ~_byte_class(bytes(range(128)))


# --- plumbing ------------------------------------------------------------------------------------------------
def flat(col: Column) -> pa.Array:
    """One contiguous array (chunked columns are concatenated)."""
    return col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col


def const_string(value: str, n: int) -> pa.Array:
    """``n`` copies of ``value`` as a string array, built from buffers (no Python list)."""
    raw = value.encode()
    offsets = np.arange(n + 1, dtype=np.int32) * len(raw)
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets.tobytes()), pa.py_buffer(raw * n))


def _string_parts(arr: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(lengths per element, concatenated bytes) of a plain ``string`` array, zero-copy."""
    bufs = arr.buffers()
    offsets = np.frombuffer(bufs[1], dtype=np.int32)[arr.offset : arr.offset + len(arr) + 1]
    data = np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None else np.zeros(0, dtype=np.uint8)
    if offsets.size == 0:
        return np.zeros(0, dtype=np.int32), data[:0]
    return np.diff(offsets), data[offsets[0] : offsets[-1]]


def _not_null(mask: Column) -> Column:
    return pc.fill_null(mask, False) if mask.null_count else mask


def _polars(col: Column) -> pl.Series:
    s = pl.from_arrow(col)
    assert isinstance(s, pl.Series)
    return s


# --- typing --------------------------------------------------------------------------------------------------
def plain(col: Column) -> Column:
    """Dictionary-encoded columns (pandas categoricals saved to Parquet) decoded to their value type."""
    return pc.cast(col, col.type.value_type) if pa.types.is_dictionary(col.type) else col


def as_text(col: Column) -> Column:
    """Column as ``string``; numbers become their integer text (a Parquet squawk stored as 7700.0 -> "7700")."""
    col = plain(col)
    t = col.type
    if pa.types.is_string(t):
        return col
    try:
        if pa.types.is_floating(t) or pa.types.is_decimal(t):
            return pc.cast(pc.cast(col, pa.int64(), safe=False), pa.string())
        return pc.cast(col, pa.string())
    except (pa.ArrowException, ValueError, TypeError, NotImplementedError):
        return pa.nulls(len(col), pa.string())


def as_float(col: Column) -> tuple[Column, Column | None]:
    """(float64 values, mask of non-empty values that are not numbers or None when there cannot be any)."""
    col = plain(col)
    t = col.type
    if pa.types.is_floating(t) or pa.types.is_integer(t) or pa.types.is_decimal(t) or pa.types.is_boolean(t):
        return pc.cast(col, pa.float64(), safe=False), None
    if pa.types.is_null(t):
        return pa.nulls(len(col), pa.float64()), None
    if pa.types.is_timestamp(t):
        # epoch nanoseconds (pandas' default) exceed float64's exact-integer range: the cast must be allowed to
        # round (to ~0.2 us), else Arrow refuses every value
        epoch = pc.cast(pc.cast(col, pa.int64()), pa.float64(), safe=False)
        return pc.divide(epoch, _UNIT_PER_S[t.unit]), None
    if pa.types.is_date(t):
        return pc.multiply(pc.cast(pc.cast(col, pa.date32()).cast(pa.int32()), pa.float64()), 86400.0), None
    if pa.types.is_string(t) or pa.types.is_large_string(t) or pa.types.is_string_view(t):
        s = _polars(col).str.strip_chars()
        s = pl.select(pl.when(s != "").then(s)).to_series()
        v = s.cast(pl.Float64, strict=False)
        return v.to_arrow(), (v.is_null() & s.is_not_null()).to_arrow()
    return pa.nulls(len(col), pa.float64()), pc.is_valid(col)


def as_bool(col: Column) -> tuple[Column, Column | None]:
    """(bool values, mask of unparsable values); text accepts true/false, t/f, 1/0/-1, yes/no."""
    col = plain(col)
    t = col.type
    if pa.types.is_boolean(t):
        return col, None
    if pa.types.is_null(t):
        return pa.nulls(len(col), pa.bool_()), None
    if pa.types.is_integer(t) or pa.types.is_floating(t):
        return pc.not_equal(col, 0), None
    s = _polars(as_text(col)).str.strip_chars().str.to_lowercase()
    v = pl.select(pl.when(s.is_in(_TRUE)).then(True).when(s.is_in(_FALSE)).then(False)).to_series()
    bad = v.is_null() & s.is_not_null() & (s != "")
    return v.to_arrow(), bad.to_arrow()


def finite(col: Column) -> Column:
    """NaN/inf become null (a meaningless speed or altitude is missing, not a reason to drop the row)."""
    return pc.if_else(pc.is_finite(col), col, pa.scalar(None, col.type))


# Physically possible values (beyond them the field is broken, not the row): feet, knots, degrees, ft/min.
KINEMATIC_RANGES = {
    "alt_baro_ft": (-2_000.0, 100_000.0),
    "gs_kt": (0.0, 2_500.0),
    "track_deg": (0.0, 360.0),
    "vrate_fpm": (-60_000.0, 60_000.0),
}


def plausible(col: Column, field: str) -> Column:
    """Values outside ``KINEMATIC_RANGES[field]`` (and NaN/inf) become null; the row is kept."""
    lo, hi = KINEMATIC_RANGES[field]
    ok = pc.and_(pc.is_finite(col), pc.and_(pc.greater_equal(col, lo), pc.less_equal(col, hi)))
    return pc.if_else(ok, col, pa.scalar(None, col.type))


def seconds_to_ts(seconds: Column) -> Column:
    """Epoch seconds (float64, already validated finite and in range) -> timestamp[us, UTC]."""
    us = pc.cast(pc.round(pc.multiply(seconds, 1e6)), pa.int64(), safe=False)
    return pc.cast(us, pa.timestamp("us", tz="UTC"))


def one_value(col: Column) -> str | None:
    """The value of a text column holding one value and no null (an input's ``source``, a file's asset), else
    None: one comparison pass, so callers can treat the column as a constant."""
    if not len(col) or col.null_count:
        return None
    first = col[0].as_py()
    return str(first) if pc.all(pc.equal(col, first)).as_py() else None


def first_distinct(keys: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Whether each row is the first with its key, in order (the within-batch half of de-duplication,
    and any exact first-of-its-key test on 64-bit words).

    With the optional C key set (``liftwatch._keyset``, the store's) one hash-set pass, ~0.02-0.03 µs a key
    against ~0.065-0.1 for Polars' ``is_first_distinct`` (1 M random keys); the same answer either way.
    """
    arr = keys.combine_chunks() if isinstance(keys, pa.ChunkedArray) else keys
    if _KeySet is not None and arr.null_count == 0 and pa.types.is_integer(arr.type) and arr.type.bit_width == 64:
        words = np.ascontiguousarray(arr.to_numpy(zero_copy_only=False), dtype=np.uint64)
        return np.frombuffer(_KeySet().add_new(words), dtype=np.bool_)
    return np.asarray(pl.Series("k", arr).is_first_distinct().to_numpy(), dtype=bool)


# --- cleaning ------------------------------------------------------------------------------------------------
def clean_hex(col: Column, *, tilde: bool = False) -> tuple[Column, Column | None]:
    """(lower-case stripped ICAO hex, validity mask or None when every value is already clean and valid).

    ``tilde`` accepts readsb's ``~`` prefix for non-ICAO (TIS-B/anonymous) addresses.
    """
    a = flat(as_text(col))
    if a.null_count == 0:
        lengths, data = _string_parts(a)
        if bool((lengths == 6).all()) and bool(_HEX_LOWER[data].all()):
            return a, None
    s = pc.ascii_lower(pc.utf8_trim_whitespace(a))
    pattern = r"^~?[0-9a-f]{6}$" if tilde else r"^[0-9a-f]{6}$"
    return s, _not_null(pc.match_substring_regex(s, pattern))


def clean_callsign(col: Column) -> Column:
    """Stripped, upper-case; empty -> null. Only rewrites the column when some value needs it.

    A callsign holding a control character or U+FFFD (an undecodable byte) is line noise, not a callsign:
    it becomes null (the position around it is kept).
    """
    a = flat(as_text(col))
    lengths, data = _string_parts(a)
    if bool(_NEEDS_CLEANING[data].any()):
        a = pc.utf8_upper(pc.utf8_trim_whitespace(a))
        noise = _not_null(pc.match_substring_regex(a, "[\\x00-\\x1f\\x7f\ufffd]"))
        a = pc.if_else(noise, pa.scalar(None, pa.string()), a)
        lengths, _ = _string_parts(a)
    if bool((lengths == 0).any()):
        a = pc.if_else(pc.equal(pc.binary_length(a), 0), pa.scalar(None, pa.string()), a)
    return a


def clean_squawk(col: Column) -> Column:
    """Four octal digits (short numeric codes are zero-padded, as int-typed exports lose leading zeros); else null."""
    a = flat(as_text(col))
    lengths, data = _string_parts(a)
    valid = a.is_valid().to_numpy(zero_copy_only=False)
    if bool((lengths[valid] == 4).all()) and bool(_OCTAL[data].all()):
        return a
    s = pc.utf8_trim_whitespace(a)
    s = pc.if_else(pc.equal(pc.binary_length(s), 0), pa.scalar(None, pa.string()), s)
    s = pc.utf8_lpad(s, 4, "0")
    return pc.if_else(_not_null(pc.match_substring_regex(s, r"^[0-7]{4}$")), s, pa.scalar(None, pa.string()))


def position_problems(problems: Problems, lat: Column, lon: Column) -> None:
    """The checks every reader applies to a position: both or neither given, finite, within the globe."""
    problems.add(pc.not_equal(pc.is_null(lat), pc.is_null(lon)), "incomplete position (lat or lon missing)")
    problems.add(_not_null(pc.invert(pc.and_(pc.is_finite(lat), pc.is_finite(lon)))), "lat/lon not finite")
    problems.add(_not_null(pc.greater(pc.abs(lat), 90.0)), "lat out of range")
    problems.add(_not_null(pc.greater(pc.abs(lon), 180.0)), "lon out of range")


# --- rejects -------------------------------------------------------------------------------------------------
@dataclass
class Problems:
    """Row masks with reasons, in priority order; each bad row is reported once, under its first reason."""

    n: int
    items: list[tuple[np.ndarray, str]] = field(default_factory=list)

    def add(self, mask: Column | np.ndarray | None, reason: str) -> None:
        if mask is None:
            return
        if isinstance(mask, np.ndarray):
            if mask.any():
                self.items.append((mask, reason))
            return
        mask = _not_null(mask)
        if pc.any(mask).as_py():
            self.items.append((np.asarray(flat(mask).to_numpy(zero_copy_only=False), dtype=bool), reason))

    def resolve(self) -> tuple[np.ndarray | None, list[tuple[str, np.ndarray]]]:
        """(rows to keep or None when all are good, [(reason, row indices)])."""
        if not self.items:
            return None, []
        code = np.full(self.n, -1, dtype=np.int32)
        for k in range(len(self.items) - 1, -1, -1):
            code[self.items[k][0]] = k
        groups = [(reason, np.flatnonzero(code == k)) for k, (_, reason) in enumerate(self.items)]
        return code < 0, [(r, idx) for r, idx in groups if idx.size]


def log_rejects(
    rejects: RejectLog, path: str, where: np.ndarray, groups: list[tuple[str, np.ndarray]], prefix: str = "line"
) -> None:
    """Record grouped rejects; ``where`` maps row index -> line (or row) number; samples stay bounded."""
    for reason, idx in groups:
        room = max(rejects.max_samples - len(rejects.samples), 0)
        locs = [f"{prefix} {int(x)}" if x >= 0 else f"{prefix} ?" for x in where[idx[:room]]]
        rejects.add_many(path, locs, reason, int(idx.size))
