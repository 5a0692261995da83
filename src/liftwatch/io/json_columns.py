"""Columnar conversion of parsed JSON scalars, shared by the readsb, aircraft.json and VRS readers.

A JSON document from a receiver is a list of heterogeneous values (numbers, "ground", null, a nested list where a
number belongs); every column must become one typed Arrow/NumPy array with a mask of the values that were present
but unusable, so each bad value is a per-point reject and never a failed file. These helpers do that with C-level
``map``/``fromiter`` passes and Polars casts, never a Python loop per value.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from itertools import compress
from operator import itemgetter
from typing import Any

import numpy as np
import polars as pl

from liftwatch.io import vector
from liftwatch.io.base import RejectLog

TS_MAX_S = 4_102_444_800.0  # 2100-01-01: anything later is a corrupt time
NONE_TYPE = type(None)
HEX_RE = r"^~?[0-9a-f]{6}$"
Column = Sequence[Any] | np.ndarray  # a list of JSON values or an object ndarray of them


def types_of(values: Column) -> np.ndarray:
    """The Python type of every element, as an object array (``map`` runs in C)."""
    return np.fromiter(map(type, values), dtype=object, count=len(values))


def point_column(points: Sequence[Any], lens: np.ndarray, k: int) -> np.ndarray:
    """Element ``k`` of every point as an object array (None where the point is shorter or not an array).

    ``lens`` holds each point's length (0 for non-arrays). ``map(itemgetter(k))`` runs in C; only points long
    enough are touched, so 8- to 14-element points (old and new readsb) mix freely.
    """
    n = len(points)
    has = lens > k
    if has.all():
        return np.fromiter(map(itemgetter(k), points), dtype=object, count=n)
    out = np.full(n, None, dtype=object)
    m = int(has.sum())
    if m:
        out[has] = np.fromiter(map(itemgetter(k), compress(points, has)), dtype=object, count=m)
    return out


def type_is(types: np.ndarray, *kinds: type) -> np.ndarray:
    """Elementwise ``type(x) is kind`` over a :func:`types_of` array (exact: ``bool`` is not an ``int`` here)."""
    out = np.zeros(len(types), dtype=bool)
    for kind in kinds:
        out |= types == kind
    return out


def numeric(values: Column, types: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(float64 values with NaN for missing, present mask, bad mask) for a column of JSON scalars.

    Bad = present but not a finite int/float (strings, lists, objects, booleans, NaN/inf, > float64).
    """
    t = types_of(values) if types is None else types
    is_num = type_is(t, int, float)
    missing = type_is(t, NONE_TYPE)
    if not (is_num | missing).all():  # only numbers reach Polars: a nested list ([0, []]) makes it raise
        arr = np.fromiter(values, dtype=object, count=len(values))
        arr[~is_num] = None
        values = arr
    vals = pl.Series(values=list(values), dtype=pl.Float64, strict=False).to_numpy().astype(np.float64, copy=True)
    ok = is_num & np.isfinite(vals)
    vals[~ok] = np.nan
    return vals, ok, ~missing & ~ok


def strings(values: Column, types: np.ndarray | None = None) -> tuple[pl.Series, np.ndarray]:
    """(String series with null for non-strings, bad mask = present but not a string).

    A string no UTF-8 column can hold (a lone surrogate: JSON allows the escape ``"\\ud800"`` and the parsers
    let it through) is bad, like a value of the wrong type; it is looked for only when the column fails to
    build, so well-formed input pays nothing for it.
    """
    t = types_of(values) if types is None else types
    is_str = type_is(t, str)
    arr = np.fromiter(values, dtype=object, count=len(values))
    arr[~is_str] = None
    try:
        series = pl.Series(values=arr.tolist(), dtype=pl.String)
    except UnicodeEncodeError:
        is_str &= np.fromiter((v is None or utf8_encodable(v) for v in arr), dtype=bool, count=len(arr))
        arr[~is_str] = None
        series = pl.Series(values=arr.tolist(), dtype=pl.String)
    return series, ~is_str & ~type_is(t, NONE_TYPE)


def utf8_encodable(text: str) -> bool:
    """Whether a parsed JSON string can go into a UTF-8 column (False for a lone surrogate escape)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def clean_callsign(s: pl.Series) -> pl.Series:
    """Stripped, upper-case, empty -> null: the one rule of :func:`liftwatch.io.vector.clean_callsign`."""
    return pl.Series(s.name, vector.clean_callsign(s.to_arrow()), dtype=pl.String)


def clean_squawk(s: pl.Series) -> pl.Series:
    """Four octal digits (zero-padded), else null: the one rule of :func:`liftwatch.io.vector.clean_squawk`."""
    return pl.Series(s.name, vector.clean_squawk(s.to_arrow()), dtype=pl.String)


def reject_mask(rejects: RejectLog, path: str, mask: np.ndarray, reason: str, location: Any) -> None:
    """Log every True of ``mask``; ``location(i)`` names row i (only the sampled ones are formatted)."""
    idx = np.flatnonzero(mask)
    if idx.size:
        rejects.add_many(path, (location(int(i)) for i in idx), reason, count=int(idx.size))


def first_reasons(checks: Iterable[tuple[np.ndarray, str]], n: int) -> tuple[np.ndarray, list[tuple[np.ndarray, str]]]:
    """Assign each row the first failing check; returns (any-failure mask, [(rows failing first here, reason)])."""
    bad = np.zeros(n, dtype=bool)
    out: list[tuple[np.ndarray, str]] = []
    for mask, reason in checks:
        new = mask & ~bad
        if new.any():
            out.append((new, reason))
            bad |= new
    return bad, out


def on_ground(ground: np.ndarray, alt_ok: np.ndarray) -> pl.Series:
    """True for altitude "ground", False for a numeric altitude, null when no altitude says either way."""
    frame = pl.DataFrame({"g": ground, "known": ground | alt_ok})
    return frame.select(pl.when(pl.col("known")).then(pl.col("g")).alias("on_ground")).to_series()


def epoch_ms_to_us(seconds: np.ndarray) -> np.ndarray:
    """Epoch seconds to integer µs, rounded to the millisecond readsb works in (stable under float noise)."""
    safe = np.where(np.isfinite(seconds) & (np.abs(seconds) < TS_MAX_S), seconds, 0.0)  # rejected rows anyway
    ms = np.rint(safe * 1000.0)
    return ms.astype(np.int64) * 1000
