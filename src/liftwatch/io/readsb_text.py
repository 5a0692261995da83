"""The columns of readsb trace points straight from the JSON bytes: one Arrow CSV parse for a batch of files.

This is the pure-Python shortcut. When the optional C accelerator is built, :mod:`liftwatch.io.trace_native`
is tried first (it is ~5x cheaper per point and also takes readsb's aircraft objects with ``"mlat":[]``,
which this shortcut refuses); this module serves the documents it steps aside on, and every document when
the extension is absent.

Why: building Python objects for every value of every point costs more than everything else an ingest does.
Parsing a 300-point trace with orjson builds ~4,500 Python objects, and taking them apart again into columns
(transposing, type checks, casts) costs more still. A readsb trace's ``trace`` array in readsb's compact output
is nearly CSV already: ``[dt,lat,lon,alt,...],[...]``. With the (sparse) aircraft objects cut out and ``],[``
turned into newlines, one ``pyarrow.csv.read_csv`` call parses the points of a whole batch of files into typed
columns in C++, and no point ever becomes a Python object.

Why msgspec to validate: decoding the document into a struct whose ``trace`` field is ``msgspec.Raw`` checks
the whole document's JSON syntax (numbers, strings, nesting) without building any value: measured on 1,000
of these files, 0.018 s against 0.32 s for ``orjson.loads`` and 0.34 s for ``msgspec.json.decode`` into
Python objects. orjson still parses what is small and needed whole: the header (so its rules are exactly
those of the object path) and the aircraft objects.

It is only a shortcut, never a second grammar: unless it provably gives what the parsed-object path
(:mod:`liftwatch.io.readsb_points` on the orjson-parsed document) gives, it steps aside: the document must be
valid JSON with ``trace`` as its only ``"trace":`` key and its last member, no whitespace or backslash escape
between the points' values, flat aircraft objects, exactly 14 elements per point, numbers (finite) where
numbers belong, ias and roll included (a boolean, a string or an object there fails the typed parse), the
aircraft field only an object or null, the altitude a number, null or ``"ground"``, the source type null or a
plain ``[A-Za-z0-9_]`` string, and no bracket but those of the points (so no separator can hide inside a value
and every row is one point). Values agree because both sides round decimal text
correctly to float64.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import msgspec
import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pcsv

if TYPE_CHECKING:
    from liftwatch.io.trace_native import NativeDoc

_KEY = b'"trace":'
_OBJECT = re.compile(rb"\{[^{}]*\}")
# Each row starts with the separator left by "],[" (see prepare), so the first cell is always empty: "_".
_NAMES = ["_"] + [f"c{i}" for i in range(14)]
_NUMERIC = (0, 1, 2, 4, 5, 6, 7, 10, 11)
# ias and roll (12, 13) are not stored, but typed as numbers all the same: a string there (where a comma could
# hide) fails the parse and the document takes the object path.
_TYPES = {f"c{i}": pa.float64() for i in (*_NUMERIC, 12, 13)} | {f"c{i}": pa.string() for i in (3, 8, 9)}
_READ = pcsv.ReadOptions(column_names=_NAMES, use_threads=False, block_size=1 << 26)
_PARSE = pcsv.ParseOptions(quote_char=False, double_quote=False, escape_char=False, newlines_in_values=False)
_CONVERT = pcsv.ConvertOptions(
    column_types=_TYPES,
    null_values=["null"],
    strings_can_be_null=True,
    quoted_strings_can_be_null=False,
    include_columns=_NAMES[1:],
)
_ROWS = bytes.maketrans(b"]", b"\n")  # with "[" deleted: "a,b],[c,d" -> "a,b\n,c,d"


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


class _Skeleton(msgspec.Struct):
    """Only what must be found; every other member is skipped, but its syntax is still checked."""

    trace: msgspec.Raw = msgspec.Raw()  # empty when absent


_SKELETON = msgspec.json.Decoder(_Skeleton)


@dataclass
class Prepared:
    """A trace document ready for a shortcut: its header (orjson) and its points, either as CSV rows and
    their objects' bytes, or (``native``) as columns from the C accelerator (:mod:`liftwatch.io.trace_native`)."""

    header: dict[str, Any]
    text: bytes
    objects: list[bytes]
    count: int
    native: NativeDoc | None = None


def prepare(data: bytes) -> Prepared | None:
    """Check a decompressed trace document for the shortcut (see the module docstring); None: not eligible."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    try:
        raw = _SKELETON.decode(data).trace
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError):
        return None  # the object path gives its own answer (a salvage, or "nested too deeply")
    start = data.find(_KEY) + len(_KEY)
    end = data.rstrip().rfind(b"}")
    arr = data[start:end]
    # the first "trace": key up to the document's end is exactly the trace msgspec found (the last of
    # duplicate keys): it is the last member, and nothing else in the header is called "trace"
    if start < len(_KEY) or not arr.startswith(b"[") or bytes(raw) != arr:
        return None
    try:
        header = orjson.loads(data[:start] + b"[]}")
    except orjson.JSONDecodeError:
        return None
    if not isinstance(header, dict):
        return None
    if arr == b"[]":
        return Prepared(header, b"", [], 0)
    if not arr.startswith(b"[[") or not arr.endswith(b"]]"):
        return None
    inner = arr[2:-2]
    objects = _OBJECT.findall(inner) if b"{" in inner else []
    if objects:
        inner = _OBJECT.sub(b"O", inner)
    if any(c in inner for c in (b"{", b"}", b" ", b"\n", b"\r", b"\t", b"\\")):
        return None
    # "],[" -> "\n,": one translate pass (deleting "[") instead of a replace, ~3x cheaper; every row then
    # starts with "," (the leading one added here), read as an empty first column
    seps = inner.count(b"],[")
    text = inner.translate(_ROWS, b"[")
    if len(inner) - len(text) != seps:
        return None  # a "[" that opens no point (an array inside a point, or in a string): the object path
    # any other "]" ends a line of its own: more rows than points, which fields() refuses
    return Prepared(header, b"," + text, objects, seps + 1)


def fields(texts: Sequence[bytes], objects: Sequence[list[bytes]], n: int) -> Fields | None:
    """Columns of the ``n`` points of several prepared documents, or None where the shortcut cannot be exact."""
    body = b"\n".join(t for t in texts if t)
    try:
        table = pcsv.read_csv(io.BytesIO(body), read_options=_READ, parse_options=_PARSE, convert_options=_CONVERT)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    if table.num_rows != n:
        return None
    c8 = table.column("c8").combine_chunks()
    is_obj = np.asarray(pc.fill_null(pc.equal(c8, "O"), False).to_numpy(zero_copy_only=False), dtype=bool)
    n_obj = int(is_obj.sum())
    if n_obj + c8.null_count != n or n_obj != sum(len(o) for o in objects):
        return None  # the aircraft field is an object or null, and no object sits anywhere else
    c9 = table.column("c9").combine_chunks()
    if not _plain(c9):
        return None
    c3 = table.column("c3").combine_chunks()
    ground = np.asarray(pc.fill_null(pc.equal(c3, '"ground"'), False).to_numpy(zero_copy_only=False), dtype=bool)
    try:
        alt_a = pc.cast(pc.if_else(pa.array(ground), pa.scalar(None, pa.string()), c3), pa.float64())
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None  # a string other than "ground" (or a boolean): the object path names the reject
    objs: list[Any] = []
    if n_obj:
        try:
            objs = orjson.loads(b"[" + b",".join(o for group in objects for o in group) + b"]")
        except orjson.JSONDecodeError:
            return None
        if not all(type(o) is dict for o in objs):
            return None
    cols = {i: _num(table.column(f"c{i}")) for i in _NUMERIC}
    alt, alt_ok = _num(alt_a)
    if not all(np.isfinite(v[ok]).all() for v, ok in [*cols.values(), (alt, alt_ok)]):
        return None  # 1e400: orjson refuses it, the salvage path decides
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
        stype=pc.utf8_slice_codeunits(c9, 1, -1),
        src_bad=none,
        galt=cols[10][0],
        galt_ok=cols[10][1],
        galt_bad=none,
        grate=cols[11][0],
        grate_ok=cols[11][1],
        grate_bad=none,
        objs=objs,
    )


def _plain(col: pa.Array) -> bool:
    """Every cell null or a plain quoted ``[A-Za-z0-9_]`` string (checked on the distinct values: a handful)."""
    values = pc.unique(col)
    ok = pc.match_substring_regex(values, r'^"[A-Za-z0-9_]*"$')
    return bool(pc.all(pc.fill_null(ok, True)).as_py())


def _num(col: pa.ChunkedArray | pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """(float64 with NaN for null, present mask); orjson accepted the document, so every number is finite."""
    a = col.combine_chunks() if isinstance(col, pa.ChunkedArray) else col
    vals = np.asarray(a.to_numpy(zero_copy_only=False), dtype=np.float64).copy()
    ok = ~np.asarray(a.is_null().to_numpy(zero_copy_only=False), dtype=bool)
    vals[~ok] = np.nan
    return vals, ok


def interleave(a: Fields, b: Fields, counts: list[int], in_a: list[bool]) -> Fields:
    """The fields of two groups of files put back in file order (``in_a``: which group each file is in)."""
    lens = np.asarray(counts, dtype=np.int64)
    flag = np.asarray(in_a, dtype=bool)
    # each file's first point within its group's concatenation, offset by the group's place (a, then b)
    group_start = np.zeros(len(counts), dtype=np.int64)
    for mask, base in ((flag, 0), (~flag, int(lens[flag].sum()))):
        group_start[mask] = base + np.cumsum(lens[mask]) - lens[mask]
    perm = np.repeat(group_start - (np.cumsum(lens) - lens), lens) + np.arange(int(lens.sum()))
    is_obj = np.concatenate([a.is_obj, b.is_obj])
    objs_all = a.objs + b.objs
    obj_of = np.cumsum(is_obj) - 1
    out: dict[str, Any] = {}
    for name in Fields.__dataclass_fields__:
        x, y = getattr(a, name), getattr(b, name)
        if name == "objs":
            out[name] = [objs_all[int(obj_of[p])] for p in perm[is_obj[perm]]]
        elif name == "stype":
            both = pa.concat_arrays([_plain_strings(x), _plain_strings(y)])
            out[name] = both.take(pa.array(perm))
        else:
            out[name] = np.concatenate([x, y])[perm]
    return Fields(**out)


def _plain_strings(arr: pa.Array) -> pa.Array:
    return arr if arr.type == pa.string() else arr.cast(pa.string())
