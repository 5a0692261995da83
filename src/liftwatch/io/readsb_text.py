"""The columns of readsb trace points straight from the JSON bytes: one Arrow CSV parse for a batch of files.

Why: turning parsed JSON into columns costs more than parsing it. Every point is a Python list of 14 Python
objects, and taking them apart (transposing, type checks, casts) costs ~1 µs a point; Arrow's CSV parser
reads the same numbers from the bytes in C++ at a fraction of that. A trace's ``trace`` array in readsb's
compact output is nearly CSV already: ``[dt,lat,lon,alt,...],[...]``. With the (sparse) aircraft objects
replaced by a marker and ``],[`` by newlines, one ``pyarrow.csv.read_csv`` call parses the points of a whole
batch of files into typed columns.

It is only a shortcut, never a second grammar: the file has been parsed by orjson first (so it is valid JSON
and its header and objects are known), and the shortcut is refused, falling back to the parsed-object path
(:mod:`liftwatch.io.readsb_points`), unless it provably gives the same answer: ``trace`` is the last key and
occurs once, no whitespace or backslash escape between the points' values, flat aircraft objects, exactly 14 elements
per point, numbers where numbers belong (a boolean, a stray string or an object elsewhere fails the typed
parse), the aircraft field only an object or null, the source type only a string or null, and as many rows
as orjson found points. Values agree because both parsers round decimal text correctly to float64.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

_KEY = b'"trace":'
_OBJECT = re.compile(rb"\{[^{}]*\}")
_NAMES = [f"c{i}" for i in range(14)]
_NUMERIC = (0, 1, 2, 4, 5, 6, 7, 10, 11)
_TYPES = {f"c{i}": pa.float64() for i in _NUMERIC} | {f"c{i}": pa.string() for i in (3, 8, 9, 12, 13)}
_READ = pcsv.ReadOptions(column_names=_NAMES, use_threads=False, block_size=1 << 26)
_PARSE = pcsv.ParseOptions(quote_char=False, double_quote=False, escape_char=False, newlines_in_values=False)
_CONVERT = pcsv.ConvertOptions(
    column_types=_TYPES, null_values=["null"], strings_can_be_null=True, quoted_strings_can_be_null=False
)


@dataclass
class Fields:
    """Per-point values and type/validity masks of the first 12 trace elements (see readsb_points.convert)."""

    is_list: np.ndarray
    lens: np.ndarray
    dt: np.ndarray
    dt_bad: np.ndarray
    lat: np.ndarray
    lat_bad: np.ndarray
    lon: np.ndarray
    lon_bad: np.ndarray
    ground: np.ndarray
    alt_str_bad: np.ndarray
    alt: np.ndarray
    alt_ok: np.ndarray
    alt_bad: np.ndarray
    gs: np.ndarray
    gs_bad: np.ndarray
    trk: np.ndarray
    trk_bad: np.ndarray
    fl: np.ndarray
    fl_ok: np.ndarray
    fl_bad: np.ndarray
    vr: np.ndarray
    vr_ok: np.ndarray
    vr_bad: np.ndarray
    is_obj: np.ndarray
    obj_bad: np.ndarray
    stype: pa.Array
    src_bad: np.ndarray
    galt: np.ndarray
    galt_ok: np.ndarray
    galt_bad: np.ndarray
    grate: np.ndarray
    grate_ok: np.ndarray
    grate_bad: np.ndarray
    objs: list[dict[str, Any]]


def trace_text(data: bytes, obj: dict[str, Any]) -> bytes | None:
    """The points of a clean trace document as CSV rows, or None when the shortcut does not apply."""
    trace = obj.get("trace")
    if not isinstance(trace, list) or next(reversed(obj)) != "trace" or data.count(_KEY) != 1:
        return None
    start = data.find(_KEY) + len(_KEY)
    end = data.rstrip().rfind(b"}")
    arr = data[start:end]
    if not arr.startswith(b"[") or not arr.endswith(b"]"):
        return None
    if not trace:
        return b"" if arr == b"[]" else None
    if not arr.startswith(b"[[") or not arr.endswith(b"]]"):
        return None
    inner = _OBJECT.sub(b"O", arr[2:-2])  # objects come from orjson: what they hold does not matter here
    if any(c in inner for c in (b"{", b"}", b" ", b"\n", b"\r", b"\t", b"\\")):
        return None
    return inner.replace(b"],[", b"\n")


def fields(texts: Sequence[bytes], points: list[Any], n: int) -> Fields | None:
    """Columns of ``n`` points from their CSV rows (``points``: the same points parsed, for the objects)."""
    body = b"\n".join(t for t in texts if t)
    try:
        table = pcsv.read_csv(io.BytesIO(body), read_options=_READ, parse_options=_PARSE, convert_options=_CONVERT)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if table.num_rows != n:
        return None
    c8 = table.column("c8").combine_chunks()
    is_obj = np.asarray(pc.fill_null(pc.equal(c8, "O"), False).to_numpy(zero_copy_only=False), dtype=bool)
    if int(is_obj.sum()) + c8.null_count != n:  # the aircraft field is an object or null, nothing else
        return None
    c9 = table.column("c9").combine_chunks()
    quoted = pc.fill_null(pc.and_(pc.starts_with(c9, '"'), pc.ends_with(c9, '"')), True)
    if not pc.all(quoted).as_py():
        return None
    stype = pc.utf8_slice_codeunits(c9, 1, -1)
    if not pc.all(pc.fill_null(pc.match_substring_regex(stype, r"^[A-Za-z0-9_]*$"), True)).as_py():
        return None  # a source type with other characters (a brace, a comma...): the object path decides
    c3 = table.column("c3").combine_chunks()
    ground = np.asarray(pc.fill_null(pc.equal(c3, '"ground"'), False).to_numpy(zero_copy_only=False), dtype=bool)
    try:
        alt_a = pc.cast(pc.if_else(pa.array(ground), pa.scalar(None, pa.string()), c3), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None  # a string other than "ground" (or a boolean): the object path names the reject
    objs = list(map(itemgetter(8), compress(points, is_obj)))
    if not all(type(o) is dict for o in objs):
        return None
    cols = {i: _num(table.column(f"c{i}")) for i in _NUMERIC}
    alt, alt_ok = _num(alt_a)
    none = np.zeros(n, dtype=bool)
    return Fields(
        is_list=np.ones(n, dtype=bool),
        lens=np.full(n, 14, dtype=np.int64),
        dt=cols[0][0],
        dt_bad=none,
        lat=cols[1][0],
        lat_bad=none,
        lon=cols[2][0],
        lon_bad=none,
        ground=ground,
        alt_str_bad=none,
        alt=alt,
        alt_ok=alt_ok,
        alt_bad=none,
        gs=cols[4][0],
        gs_bad=none,
        trk=cols[5][0],
        trk_bad=none,
        fl=cols[6][0],
        fl_ok=cols[6][1],
        fl_bad=none.copy(),
        vr=cols[7][0],
        vr_ok=cols[7][1],
        vr_bad=none,
        is_obj=is_obj,
        obj_bad=none,
        stype=stype,
        src_bad=none,
        galt=cols[10][0],
        galt_ok=cols[10][1],
        galt_bad=none,
        grate=cols[11][0],
        grate_ok=cols[11][1],
        grate_bad=none,
        objs=objs,
    )


def _num(col: pa.ChunkedArray | pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(float64 with NaN for null, present mask); orjson accepted the document, so every number is finite."""
    a = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
    vals = np.asarray(a.to_numpy(zero_copy_only=False), dtype=np.float64).copy()
    ok = ~np.asarray(a.is_null().to_numpy(zero_copy_only=False), dtype=bool)
    vals[~ok] = np.nan
    return vals, ok
