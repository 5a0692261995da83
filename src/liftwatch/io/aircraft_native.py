"""The optional C accelerator for ``aircraft.json`` snapshots: a document's bytes straight to canonical points.

Why hand-written C: any reader that builds a Python object per aircraft stays above ~2 µs an aircraft (msgspec
structs 0.6 µs to parse plus ~1 µs to pull 24 fields out of them and build columns; orjson dicts cost more).
No library parses this layout into exact columns: Polars ``read_ndjson`` reads a number in a string field as
text and keeps the first of duplicate keys, DuckDB ``read_json`` casts strings to numbers, pyarrow's JSON
reader costs 1.5 µs an aircraft and needs one object per line. And once the bytes are columns, the reader's
own rules (cleaning strings, dump1090's old names, ``lastPosition``, freshness, ten range checks, float32
casts, null masks) cost as much again in NumPy/Polars passes as the parse: ~0.35 µs an aircraft, over a
dozen passes over every column. So ``csrc/aircraft_*.c`` (plain CPython C API, no dependency) does both in
one walk over the bytes, with the GIL released: each aircraft is parsed (``aircraft_scan.c``), goes through
the reader's rules (``aircraft_rows.c``) and becomes one canonical row or a numbered reason; a batch of
snapshots then comes out as Arrow buffers (``aircraft_batch.c``: validity bitmaps, int32 string offsets,
timestamps from each snapshot's ``now``), which :func:`rows` only wraps, with no copy. Figures:
``docs/benchmarks.md``.

Exactness is the contract, not an aim: the C parser accepts a strict subset of what the typed path
(:mod:`liftwatch.io.aircraft_typed`) accepts (see the comment at the top of ``csrc/aircraft_scan.c``) and
answers None for anything else (escapes or non-ASCII in the fields read, booleans, objects or arrays where the
reader wants a scalar, a field given twice, integers over 19 digits, NaN/Infinity, numbers beyond float64,
invalid UTF-8, malformed or truncated JSON). The document then takes the pure-Python path unchanged. Numbers
are rounded correctly (Clinger's exact fast path, else CPython's ``PyOS_string_to_double``), so every value is
the one msgspec, orjson and ``float()`` give, and the rules are those of
:func:`liftwatch.io.aircraft_json.convert`, checked row for row and reject for reject against it by the tests.
The header (``now`` and the rest, without the aircraft) is still parsed by orjson and checked by the reader,
so its rules are exactly those of the object path.

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
import pyarrow as pa

from liftwatch.io.aircraft_columns import RunRows
from liftwatch.io.native import turned_off
from liftwatch.io.vector import const_string
from liftwatch.schema import POINT_SCHEMA

_built: ModuleType | None
try:
    from liftwatch.io import _aircraft_native as _built
except ImportError:  # not built (no compiler at install time): the pure-Python path
    _built = None
_ext: ModuleType | None = None if turned_off() else _built

_UNWANTED = ("files", "trace", "ac")  # tar1090 chunks, traces and API answers: the object path reads those
_F32 = ("alt_baro_ft", "alt_geom_ft", "gs_kt", "track_deg", "vrate_fpm", "heading_deg")


def active() -> bool:
    """Whether snapshots are parsed by the C accelerator now (built, and not turned off)."""
    return _ext is not None


@dataclass
class NativeAircraft:
    """One snapshot's ``n`` aircraft as the C side keeps them (canonical rows or reject reasons), until
    :func:`rows` assembles a batch."""

    doc: Any
    n: int

    def __len__(self) -> int:
        return self.n


def prepare(data: bytes) -> dict[str, Any] | None:
    """``{"now": ..., "aircraft": NativeAircraft, ...}`` for a complete decompressed snapshot, or None: the
    pure-Python path decides."""
    if _ext is None:
        return None
    data = data.removeprefix(b"\xef\xbb\xbf")
    got = _ext.scan(data)
    if got is None:
        return None
    doc, n, start, end = got
    try:  # the header (with an empty aircraft list): orjson's rules, as the object path
        header = orjson.loads(data[:start] + b"[]" + data[end:])
    except orjson.JSONDecodeError:
        return None
    if not isinstance(header, dict) or any(k in header for k in _UNWANTED):
        return None
    header["aircraft"] = NativeAircraft(doc=doc, n=n)
    return header


def rows(docs: list[NativeAircraft], now: list[float], source: str) -> RunRows:
    """The kept rows of several snapshots (``now``: each one's time, as the reader checked it), in order, as a
    canonical point table, with every aircraft's reject reason (0 = kept, else the reader's check number)."""
    assert _ext is not None
    got = _ext.assemble([d.doc for d in docs], np.asarray(now, dtype=np.float64))
    if got is None:  # a string column beyond 32-bit Arrow offsets: halves, joined (one document never is)
        if len(docs) == 1:
            raise OverflowError("one aircraft.json snapshot holds more than 2 GiB of strings")
        half = len(docs) // 2
        a, b = rows(docs[:half], now[:half], source), rows(docs[half:], now[half:], source)
        codes = None if a.codes is None or b.codes is None else np.concatenate([a.codes, b.codes])
        return RunRows(
            table=pa.concat_tables([a.table, b.table]),
            age=np.concatenate([a.age, b.age]),
            codes=codes,
            reasons=np.concatenate([a.reasons, b.reasons]),
        )
    n, reasons, block, spans, nulls = got
    base = pa.py_buffer(block)
    bufs = [base.slice(at, size) for at, size in spans]
    age, code, ts, lat, lon = bufs[:5]
    f32, flags, ground = bufs[5:11], bufs[11], bufs[12]
    asset, squawk, callsign, reg, typ = (bufs[13 + 2 * k : 15 + 2 * k] for k in range(5))
    valid = bufs[23:]

    def validity(v: int) -> pa.Buffer | None:
        return valid[v] if nulls[v] else None

    def fixed(typ: pa.DataType, data: pa.Buffer, v: int) -> pa.Array:
        return pa.Array.from_buffers(typ, n, [validity(v), data], null_count=nulls[v])

    def text(parts: list[pa.Buffer], v: int | None) -> pa.Array:
        bufs = [None if v is None else validity(v), *parts]
        return pa.Array.from_buffers(pa.string(), n, bufs, null_count=0 if v is None else nulls[v])

    columns = {
        "source": const_string(source, n),
        "domain": const_string("air", n),
        "asset_id": text(asset, None),
        "ts": pa.Array.from_buffers(pa.timestamp("us", tz="UTC"), n, [None, ts], null_count=0),
        "lat": fixed(pa.float64(), lat, 0),
        "lon": fixed(pa.float64(), lon, 1),
        **{name: fixed(pa.float32(), f32[k], 2 + k) for k, name in enumerate(_F32)},
        "on_ground": fixed(pa.bool_(), ground, 8),
        "callsign": text(callsign, 9),
        "squawk": text(squawk, 12),
        "flags": pa.Array.from_buffers(pa.uint16(), n, [None, flags], null_count=0),
        "registration": text(reg, 10),
        "type_code": text(typ, 11),
    }
    table = pa.Table.from_arrays([columns[name] for name in POINT_SCHEMA.names], schema=POINT_SCHEMA)
    return RunRows(
        table=table,
        age=np.frombuffer(age, dtype=np.float64),
        codes=np.frombuffer(code, dtype=np.uint32),
        reasons=np.frombuffer(reasons, dtype=np.uint8),
    )
