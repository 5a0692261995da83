"""The optional C accelerator for readsb traces: a document's points straight into column buffers.

Why hand-written C: after ISA-L inflate, the pure-Python shortcut (:mod:`liftwatch.io.readsb_text`) spends
~0.45 µs a trace point on parsing alone: a msgspec syntax check (0.06), splitting the points into CSV rows
(0.14), Arrow's CSV parse (0.18) and casts; orjson's Python objects cost more still. No library parses JSON
into columns exactly as the object path does (Polars ``read_ndjson`` turns numbers into strings and keeps the
first of duplicate keys, DuckDB ``read_json`` casts strings to numbers, pyarrow's JSON reader costs 1.5 µs a
point), so ``csrc/trace_native.c`` (~500 lines of plain CPython C API, no dependency) walks the bytes once and
writes float64 columns, masks and the sparse aircraft objects' bytes (figures: docs/benchmarks.md).

Exactness is the contract, not an aim: the C parser accepts a strict subset of JSON (see the comment at the
top of ``csrc/trace_native.c``) and answers None for anything else (escapes, booleans, nested arrays, odd
strings, duplicate ``trace`` keys, NaN/Infinity, numbers beyond float64, malformed or truncated JSON). The
document then takes the pure-Python path unchanged. Numbers are rounded correctly (Clinger's exact fast path,
else CPython's ``PyOS_string_to_double``), so every value is the one ``float()`` and orjson give. The header
and the aircraft objects are still parsed by orjson, so their rules are exactly those of the object path.

The extension is optional: ``pip install`` builds it when a C compiler and the Python headers are there and
skips it otherwise (``setup.py``, ``optional=True``); without it every document takes the pure-Python path and
gives the same rows, only slower. :data:`AVAILABLE` says which path runs; ``LIFTWATCH_NATIVE=0`` in the
environment turns the accelerator off (to compare or to rule it out).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from types import ModuleType
from typing import Any

import numpy as np
import orjson
import pyarrow as pa

from liftwatch.io.native import turned_off
from liftwatch.io.readsb_text import Fields

_built: ModuleType | None
try:
    from liftwatch.io import _trace_native as _built
except ImportError:  # not built (no compiler at install time): the pure-Python path
    _built = None
_ext: ModuleType | None = None if turned_off() else _built

AVAILABLE = _ext is not None  # the accelerator is built and not turned off
_NNUM = 10  # dt, lat, lon, alt, gs, track, flags, vrate, geom alt, geom rate


@dataclass
class NativeDoc:
    """One document's points as columns: ``cols`` (10 × n float64, NaN = null or absent), per point its
    length, "ground" and aircraft-object masks, source-type codes into ``sources`` (-1 = null), and the
    parsed aircraft objects of the points that carry one, in point order."""

    n: int
    cols: np.ndarray
    lens: np.ndarray
    ground: np.ndarray
    is_obj: np.ndarray
    codes: np.ndarray
    sources: list[str]
    objs: list[dict[str, Any]]

    def slice(self, a: int, b: int) -> NativeDoc:
        """Points ``a`` to ``b`` (a chunk of a big file)."""
        first = int(self.is_obj[:a].sum())
        k = int(self.is_obj[a:b].sum())
        return NativeDoc(
            b - a,
            self.cols[:, a:b],
            self.lens[a:b],
            self.ground[a:b],
            self.is_obj[a:b],
            self.codes[a:b],
            self.sources,
            self.objs[first : first + k],
        )


def active() -> bool:
    """Whether documents are parsed by the C accelerator now (built, and not turned off)."""
    return _ext is not None


def prepare(data: bytes) -> tuple[dict[str, Any], NativeDoc] | None:
    """(header, points) of a complete decompressed trace document, or None: the pure-Python path decides."""
    if _ext is None:
        return None
    data = data.removeprefix(b"\xef\xbb\xbf")
    got = _ext.trace_columns(data)
    if got is None:
        return None
    ts, te, n, cols, lens, ground, is_obj, codes, sources, objs = got
    try:  # the header (with an empty trace) and the objects: orjson's rules, as the object path
        header = orjson.loads(data[:ts] + b"[]" + data[te:])
        parsed = orjson.loads(objs) if objs is not None else []
    except orjson.JSONDecodeError:
        return None
    if not isinstance(header, dict) or not all(type(o) is dict for o in parsed):
        return None
    doc = NativeDoc(
        n=n,
        cols=np.frombuffer(cols, dtype=np.float64).reshape(_NNUM, n),
        lens=np.frombuffer(lens, dtype=np.int64),
        ground=np.frombuffer(ground, dtype=np.bool_),
        is_obj=np.frombuffer(is_obj, dtype=np.bool_),
        codes=np.frombuffer(codes, dtype=np.int32),
        sources=sources,
        objs=parsed,
    )
    return header, doc


def fields(docs: Sequence[NativeDoc]) -> Fields:
    """The :class:`~liftwatch.io.readsb_text.Fields` of several documents' points, in document order."""
    if len(docs) == 1:
        d = docs[0]
        cols, lens, ground, is_obj, codes, sources = d.cols, d.lens, d.ground, d.is_obj, d.codes, d.sources
        objs = d.objs
    else:
        cols = np.concatenate([d.cols for d in docs], axis=1)
        lens = np.concatenate([d.lens for d in docs])
        ground = np.concatenate([d.ground for d in docs])
        is_obj = np.concatenate([d.is_obj for d in docs])
        counts = np.fromiter((len(d.sources) for d in docs), np.int32, len(docs))
        offsets = np.repeat(np.cumsum(counts) - counts, [d.n for d in docs]).astype(np.int32)
        raw = np.concatenate([d.codes for d in docs])
        codes = np.where(raw >= 0, raw + offsets, -1).astype(np.int32)
        sources = [s for d in docs for s in d.sources]
        objs = [o for d in docs for o in d.objs]
    n = int(lens.size)
    # a dictionary array: the few distinct source types are decided once (readsb_points._source_flags)
    stype = pa.DictionaryArray.from_arrays(pa.array(codes, pa.int32(), mask=codes < 0), pa.array(sources, pa.string()))
    present = {k: ~np.isnan(cols[k]) for k in (3, 6, 7, 8, 9)}
    none = np.zeros(n, dtype=bool)
    return Fields(
        is_list=np.ones(n, dtype=bool),
        lens=lens,
        dt=cols[0],
        dt_bad=none,
        lat=cols[1],
        lat_bad=none,
        lon=cols[2],
        lon_bad=none,
        ground=ground,
        alt_str_bad=none,
        alt=cols[3],
        alt_ok=present[3],
        alt_bad=none,
        gs=cols[4],
        gs_bad=none,
        trk=cols[5],
        trk_bad=none,
        fl=cols[6],
        fl_ok=present[6],
        fl_bad=none.copy(),
        vr=cols[7],
        vr_ok=present[7],
        vr_bad=none,
        is_obj=is_obj,
        obj_bad=none,
        stype=stype,
        src_bad=none,
        galt=cols[8],
        galt_ok=present[8],
        galt_bad=none,
        grate=cols[9],
        grate_ok=present[9],
        grate_bad=none,
        objs=objs,
    )
