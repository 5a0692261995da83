"""readsb trace points parsed as Python objects -> the fields of :class:`~liftwatch.io.readsb_text.Fields`.

The general path of :mod:`liftwatch.io.readsb_points`: any parsed input, hostile values becoming masks, not
errors. Why fast columns where possible: transposing the points with ``zip(*points)`` and casting each column
with a *strict* Polars ``Float64`` build (which refuses strings, lists and objects) costs about half of the
per-element type masks the general path builds. It is only taken when it gives the general path's answer:
every point a JSON array of at least 12 elements, and documents parsed by orjson (finite floats, 64-bit
integers) whose bytes hold no ``true``/``false`` (a boolean would pass a Float64 build as 1.0, where it is a
bad value). Anything else, or a strict build that refuses a column, falls back to the general type-mask path
for that column. :func:`numeric_fast` and :func:`altitude` serve the ``aircraft.json`` reader too.
"""

from __future__ import annotations

from itertools import compress, islice
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.io.json_columns import NONE_TYPE, numeric, point_column, strings, type_is, types_of
from liftwatch.io.readsb_text import Fields

_NCOLS = 12  # dt, lat, lon, alt, gs, track, flags, vrate, aircraft, source type, geom alt, geom rate


def fields_from_objects(pts: list[Any], n: int, clean: bool) -> Fields:
    """The fields from the parsed points (any input: hostile values become masks, not errors)."""
    cols, is_list, lens = _columns(pts, n)

    def num(values: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return numeric_fast(values, clean)

    dt, _, dt_bad = num(cols[0])
    lat, _, lat_bad = num(cols[1])
    lon, _, lon_bad = num(cols[2])
    ground, alt_str_bad, alt, alt_ok, alt_bad = altitude(cols[3], n, clean)
    gs, _, gs_bad = num(cols[4])
    trk, _, trk_bad = num(cols[5])
    fl, fl_ok, fl_bad = num(cols[6])
    vr, vr_ok, vr_bad = num(cols[7])
    is_obj, obj_bad = _objects(cols[8], n)
    stype, src_bad = _source(cols[9], n)
    galt, galt_ok, galt_bad = num(cols[10])
    grate, grate_ok, grate_bad = num(cols[11])
    objs = list(compress(cols[8], is_obj))  # sparse: only points with an aircraft object
    return Fields(
        is_list, lens, dt, dt_bad, lat, lat_bad, lon, lon_bad, ground, alt_str_bad, alt, alt_ok, alt_bad,
        gs, gs_bad, trk, trk_bad, fl, fl_ok, fl_bad, vr, vr_ok, vr_bad, is_obj, obj_bad, stype, src_bad,
        galt, galt_ok, galt_bad, grate, grate_ok, grate_bad, objs,
    )  # fmt: skip


def _columns(pts: list[Any], n: int) -> tuple[list[Any], np.ndarray, np.ndarray]:
    """The first 12 elements of every point as columns, plus (is a JSON array, length) per point."""
    if set(map(type, pts)) == {list}:
        is_list = np.ones(n, dtype=bool)
        lens = np.fromiter(map(len, pts), np.int64, n)
        if int(lens.min()) >= _NCOLS:  # the common case: transposed in C
            return list(islice(zip(*pts, strict=False), _NCOLS)), is_list, lens
    else:
        is_list = type_is(types_of(pts), list)
        lens = np.zeros(n, dtype=np.int64)
        lens[is_list] = np.fromiter(map(len, compress(pts, is_list)), np.int64)
    # One object column per field; non-arrays and short points give None there (rejected or null below).
    return [point_column(pts, lens, k) for k in range(_NCOLS)], is_list, lens


def numeric_fast(values: Any, clean: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`json_columns.numeric`, through a strict Float64 build when that gives the same answer."""
    if clean:
        vals_in = values.tolist() if isinstance(values, np.ndarray) else values
        try:
            s = pl.Series(values=vals_in, dtype=pl.Float64, strict=True)
        except (TypeError, OverflowError, pl.exceptions.PolarsError):
            pass
        else:
            missing = s.is_null().to_numpy()
            vals = s.to_numpy().astype(np.float64, copy=True)
            ok = ~missing & np.isfinite(vals)
            vals[~ok] = np.nan
            return vals, ok, ~missing & ~ok
    return numeric(values)


def altitude(values: Any, n: int, clean: bool) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(ground, other-string mask, altitude, ok, bad): a number, "ground" or null."""
    arr = np.fromiter(values, dtype=object, count=n)
    ground = np.asarray(arr == "ground", dtype=bool)
    if clean:
        sub = arr.copy()
        sub[ground] = None
        vals = sub.tolist()
        try:
            s = pl.Series(values=vals, dtype=pl.Float64, strict=True)
        except (TypeError, OverflowError, pl.exceptions.PolarsError):
            pass
        else:  # no string other than "ground" (a strict build refuses any other)
            missing = s.is_null().to_numpy()
            alt = s.to_numpy().astype(np.float64, copy=True)
            ok = ~missing & np.isfinite(alt)
            alt[~ok] = np.nan
            return ground, np.zeros(n, dtype=bool), alt, ok, ~missing & ~ok
    at = types_of(arr)
    ground &= type_is(at, str)
    is_str = type_is(at, str)
    at[ground] = NONE_TYPE
    alt, ok, bad = numeric(arr, at)
    return ground, is_str & ~ground, alt, ok, bad


def _objects(values: Any, n: int) -> tuple[np.ndarray, np.ndarray]:
    """(is an object, bad = neither an object nor null) for the aircraft field; objects are sparse."""
    arr = np.fromiter(values, dtype=object, count=n)
    present = np.flatnonzero(np.asarray(arr != None, dtype=bool))  # noqa: E711 - elementwise on objects
    is_obj = np.zeros(n, dtype=bool)
    obj_bad = np.zeros(n, dtype=bool)
    if present.size:
        t = type_is(types_of(arr[present]), dict)
        is_obj[present[t]] = True
        obj_bad[present[~t]] = True
    return is_obj, obj_bad


def _source(values: Any, n: int) -> tuple[pa.Array, np.ndarray]:
    """(source type as strings, null for non-strings; bad = present but not a string)."""
    try:
        return pa.array(values, pa.string()), np.zeros(n, dtype=bool)
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError, UnicodeEncodeError):  # a lone surrogate too
        s, bad = strings(values)
        return s.to_arrow(), bad


__all__ = ["altitude", "fields_from_objects", "numeric_fast"]
