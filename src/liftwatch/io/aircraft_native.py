"""The optional C accelerator for ``aircraft.json`` snapshots: a document's aircraft straight into columns.

Why hand-written C: any reader that builds a Python object per aircraft stays above ~2 µs an aircraft (msgspec
structs 0.6 µs to parse plus ~1 µs to pull 24 fields out of them and build columns; orjson dicts cost more).
No library parses this layout into exact columns: Polars ``read_ndjson`` reads a number in a string field as
text and keeps the first of duplicate keys, DuckDB ``read_json`` casts strings to numbers, pyarrow's JSON
reader costs 1.5 µs an aircraft and needs one object per line. So ``csrc/aircraft_native.c`` (plain CPython C
API, no dependency) walks the bytes once, with the GIL released, and writes float64 columns, flags and string
bytes; everything after it is the reader's own vectorised conversion (figures: docs/benchmarks.md).

Exactness is the contract, not an aim: the C parser accepts a strict subset of what the typed path
(:mod:`liftwatch.io.aircraft_typed`) accepts (see the comment at the top of ``csrc/aircraft_native.c``) and
answers None for anything else (escapes or non-ASCII in the fields read, booleans, objects or arrays where the
reader wants a scalar, a field given twice, integers over 19 digits, NaN/Infinity, numbers beyond float64,
invalid UTF-8, malformed or truncated JSON). The document then takes the pure-Python path unchanged. Numbers
are rounded correctly (Clinger's exact fast path, else CPython's ``PyOS_string_to_double``), so every value is
the one msgspec, orjson and ``float()`` give. The header (``now`` and the rest, without the aircraft) is still
parsed by orjson and checked by the reader, so its rules are exactly those of the object path.

The extension is optional: ``pip install`` builds it when a C compiler and the Python headers are there and
skips it otherwise (``setup.py``, ``optional=True``); without it every document takes the pure-Python path and
gives the same rows, only slower. ``LIFTWATCH_NATIVE=0`` in the environment turns it off.
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np
import orjson
import polars as pl
import pyarrow as pa

from liftwatch.io.aircraft_columns import Columns, last_position_ok
from liftwatch.io.native import turned_off

_built: ModuleType | None
try:
    from liftwatch.io import _aircraft_native as _built
except ImportError:  # not built (no compiler at install time): the pure-Python path
    _built = None
_ext: ModuleType | None = None if turned_off() else _built

_NNUM = 18
# numeric slots of csrc/aircraft_native.c
ALT, GALT, GS, TRK, BRATE, GRATE, LAT, LON, SEEN_POS, SEEN, THDG, MHDG = range(12)
OLD_ALT, OLD_GS, OLD_BRATE, LP_LAT, LP_LON, LP_AGE = range(12, 18)
# string slots and flag bits
HEX, TYPE, FLIGHT, REG, TYP, SQUAWK = range(6)
_MLAT_LAT, _TISB_LAT, _LASTPOS = 16, 32, 64
_NUM, _GROUND, _OTHER_STR = 1, 2, 3
_UNWANTED = ("files", "trace", "ac")  # tar1090 chunks, traces and API answers: the object path reads those
_MAX_OFFSET = 2**31 - 1  # a string column's bytes in one Arrow array with 32-bit offsets


def active() -> bool:
    """Whether snapshots are parsed by the C accelerator now (built, and not turned off)."""
    return _ext is not None


@dataclass
class NativeAircraft:
    """One snapshot's aircraft as the C parser left them: ``nums`` (18 × n float64, NaN = null or absent),
    per aircraft a flag byte and a string-present byte, and per string field Arrow offsets and bytes."""

    n: int
    nums: np.ndarray
    flags: np.ndarray
    spres: np.ndarray
    strs: tuple[bytes, ...]

    def __len__(self) -> int:
        return self.n


def prepare(data: bytes) -> dict[str, Any] | None:
    """``{"now": ..., "aircraft": NativeAircraft, ...}`` for a complete decompressed snapshot, or None: the
    pure-Python path decides."""
    if _ext is None:
        return None
    data = data.removeprefix(b"\xef\xbb\xbf")
    got = _ext.aircraft_columns(data)
    if got is None:
        return None
    start, end, n, nums, flags, spres, strs = got
    try:  # the header (with an empty aircraft list): orjson's rules, as the object path
        header = orjson.loads(data[:start] + b"[]" + data[end:])
    except orjson.JSONDecodeError:
        return None
    if not isinstance(header, dict) or any(k in header for k in _UNWANTED):
        return None
    header["aircraft"] = NativeAircraft(
        n=n,
        nums=np.frombuffer(nums, dtype=np.float64).reshape(_NNUM, n),
        flags=np.frombuffer(flags, dtype=np.uint8),
        spres=np.frombuffer(spres, dtype=np.uint8),
        strs=strs,
    )
    return header


def _strings(docs: list[NativeAircraft], spres: np.ndarray, k: int) -> pl.Series:
    """String field ``k`` of every aircraft (null where null or absent): one Arrow array over the documents'
    buffers (offsets shifted and joined, bytes joined), no Python string per aircraft."""
    if len(docs) == 1:
        offsets, data = docs[0].strs[2 * k], docs[0].strs[2 * k + 1]
    else:
        parts, base = [], 0
        for d in docs:
            o = np.frombuffer(d.strs[2 * k], dtype=np.int32)
            parts.append(o[:-1] + base)
            base += int(o[-1])
        if base > _MAX_OFFSET:  # beyond Arrow's 32-bit offsets: per document, joined as large strings
            arrays = [_strings([d], d.spres, k).to_arrow().cast(pa.large_string()) for d in docs]
            return pl.Series(values=pa.concat_arrays(arrays), dtype=pl.String)
        parts.append(np.array([base], dtype=np.int32))
        offsets = np.concatenate(parts).astype(np.int32, copy=False).tobytes()
        data = b"".join(d.strs[2 * k + 1] for d in docs)
    valid = np.packbits((spres >> k) & 1, bitorder="little")
    buffers = [pa.py_buffer(valid), pa.py_buffer(offsets), pa.py_buffer(data)]
    return pl.Series(values=pa.Array.from_buffers(pa.string(), int(spres.size), buffers), dtype=pl.String)


def columns(docs: list[NativeAircraft]) -> Columns:
    """The reader's columns of several native snapshots, in order (what ``aircraft_columns.from_objects`` gives
    for the same documents)."""
    nums = docs[0].nums if len(docs) == 1 else np.concatenate([d.nums for d in docs], axis=1)
    flags = docs[0].flags if len(docs) == 1 else np.concatenate([d.flags for d in docs])
    spres = docs[0].spres if len(docs) == 1 else np.concatenate([d.spres for d in docs])
    n = int(flags.size)
    none = np.zeros(n, dtype=bool)

    def col(slot: int) -> np.ndarray:
        return np.asarray(nums[slot])  # a view: typed as an array for the checker, nothing copied

    def present(v: np.ndarray) -> np.ndarray:
        out: np.ndarray = ~np.isnan(v)
        return out

    # dump1090's old names fill in where the current key is null or absent
    alt_kind = flags & 3
    alt_kind = np.where(alt_kind == 0, (flags >> 2) & 3, alt_kind)
    alt = np.where((flags & 3) == 0, nums[OLD_ALT], nums[ALT])
    gs = np.where(np.isnan(nums[GS]), nums[OLD_GS], nums[GS])
    brate = np.where(np.isnan(nums[BRATE]), nums[OLD_BRATE], nums[BRATE])
    other = alt_kind == _OTHER_STR
    lat, lon, galt, thdg = col(LAT), col(LON), col(GALT), col(THDG)
    seen_pos, seen = col(SEEN_POS), col(SEEN)
    lp = (flags & _LASTPOS) != 0
    lp_lat, lp_lon, lp_age = col(LP_LAT), col(LP_LON), col(LP_AGE)
    lp_valid = lp & present(lp_lat) & present(lp_lon) & present(lp_age) & last_position_ok(lp_lat, lp_lon, lp_age)
    return Columns(
        is_dict=np.ones(n, dtype=bool),
        hex=_strings(docs, spres, HEX),
        hex_bad=none,
        flight=_strings(docs, spres, FLIGHT),
        flight_bad=none,
        squawk=_strings(docs, spres, SQUAWK),
        reg=_strings(docs, spres, REG),
        typ=_strings(docs, spres, TYP),
        atype=_strings(docs, spres, TYPE),
        lat=lat,
        lat_ok=present(lat),
        lat_bad=none,
        lon=lon,
        lon_ok=present(lon),
        lon_bad=none,
        ground=alt_kind == _GROUND,
        alt_str_bad=other,
        alt=alt,
        alt_ok=alt_kind == _NUM,
        alt_bad=other,
        galt=galt,
        galt_ok=present(galt),
        galt_bad=none,
        gs=gs,
        gs_bad=none,
        trk=col(TRK),
        trk_bad=none,
        brate=brate,
        brate_ok=present(brate),
        brate_bad=none,
        grate=col(GRATE),
        grate_bad=none,
        thdg=thdg,
        thdg_ok=present(thdg),
        thdg_bad=none,
        mhdg=col(MHDG),
        mhdg_bad=none,
        seen_pos=seen_pos,
        seen_pos_ok=present(seen_pos),
        seen_pos_bad=none,
        seen=seen,
        seen_ok=present(seen),
        seen_bad=none,
        lp_lat=lp_lat,
        lp_lon=lp_lon,
        lp_age=lp_age,
        lp_valid=lp_valid,
        mlat_lat=(flags & _MLAT_LAT) != 0,
        tisb_lat=(flags & _TISB_LAT) != 0,
    )
