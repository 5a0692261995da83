"""Typed decoding of ``aircraft.json`` snapshots: msgspec structs instead of a dict per aircraft.

Why: a readsb snapshot carries 25-40 fields per aircraft, of which the reader needs 24. Parsing it with orjson
builds a dict of every field (numbers, strings, lists) and the reader then asks each dict for each field it
needs: 24 ``dict.get`` calls per aircraft, which cost more than the parse. msgspec decoding into a struct with
only the needed fields skips the others without building them (their JSON syntax is still checked), and
types each value as it goes.

Measured on 500,000 aircraft of readsb's layout (231 bytes each): ``orjson.loads`` 1.05 µs an aircraft, this
typed decode 0.58 µs; pyarrow's JSON reader (line-delimited, explicit schema) 1.5 µs plus 0.3 µs to turn the
document into lines; Polars' ``read_ndjson`` 0.9 µs but it reads a number or a list into a string column as
text and keeps the first of two duplicate keys, so its answer is not the object path's. DuckDB's
``read_json`` casts strings to numbers on its own. None of them was both faster and exact.

It is only a fast path, never a second grammar: the types admit exactly the values the object path reads
without a reject (``str``/``null`` for strings, numbers/``null`` for numbers, a number, a string or ``null``
for the altitude, a list or ``null`` for ``mlat``/``tisb``, an object or ``null`` for ``lastPosition``). Any
other value anywhere, invalid JSON, NaN/Infinity literals or a number beyond float64 makes the decode fail,
and the document goes through the orjson/salvage path, which names every reject as before. Values agree
with orjson's: the same correctly rounded doubles, and the last of two duplicate keys wins in both.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from operator import attrgetter, methodcaller
from typing import Any

import msgspec
import numpy as np
import polars as pl
import pyarrow as pa
from msgspec import UNSET, UnsetType

from liftwatch.io import json_columns as jc


class LastPosition(msgspec.Struct, gc=False):
    """readsb's ``lastPosition``: the position kept once the current one is older than ~60 s."""

    lat: float | None = None
    lon: float | None = None
    seen_pos: float | None = None


class Aircraft(msgspec.Struct, gc=False, rename={"last_position": "lastPosition"}):
    """The fields of one aircraft entry the reader uses; every other field is skipped."""

    hex: str | None = None
    type: str | None = None
    flight: str | None = None
    r: str | None = None
    t: str | None = None
    alt_baro: float | str | None = None
    alt_geom: float | None = None
    gs: float | None = None
    track: float | None = None
    baro_rate: float | None = None
    geom_rate: float | None = None
    squawk: str | None = None
    lat: float | None = None
    lon: float | None = None
    seen_pos: float | None = None
    seen: float | None = None
    mlat: list[Any] | None = None
    tisb: list[Any] | None = None
    true_heading: float | None = None
    mag_heading: float | None = None
    last_position: LastPosition | None = None
    altitude: float | str | None = None
    speed: float | None = None
    vert_rate: float | None = None


class _Snapshot(msgspec.Struct, gc=False):
    now: Any = None
    aircraft: list[Aircraft] | UnsetType | None = UNSET
    ac: list[Aircraft] | UnsetType | None = UNSET  # aggregator API answers
    files: msgspec.Raw | UnsetType = UNSET  # tar1090 chunks: the object path reads them
    trace: msgspec.Raw | UnsetType = UNSET  # a trace file: the trace reader reads it


# Field names as the reader's columns know them (the JSON names: ``lastPosition``, not the attribute's name)
FIELDS: tuple[str, ...] = Aircraft.__struct_encode_fields__

_DECODER = msgspec.json.Decoder(_Snapshot)
_SURROGATE = re.compile(rb"\\u[dD][89a-fA-F]")
_GET = {
    name: attrgetter(attr)
    for attr, name in zip(Aircraft.__struct_fields__, Aircraft.__struct_encode_fields__, strict=True)
}


def decode(raw: bytes) -> dict[str, Any] | None:
    """``{"now": ..., "aircraft": [Aircraft, ...]}`` for a snapshot the typed path reads exactly, else None."""
    if b"\\u" in raw and _SURROGATE.search(raw):
        return None  # msgspec lets a lone surrogate escape into a str that Arrow cannot hold; orjson refuses it
    try:
        snap = _DECODER.decode(raw.removeprefix(b"\xef\xbb\xbf"))
    except (msgspec.DecodeError, msgspec.ValidationError, RecursionError, UnicodeDecodeError):
        return None
    if snap.files is not UNSET or snap.trace is not UNSET:
        return None
    if isinstance(snap.aircraft, list):
        acs = snap.aircraft
    elif snap.aircraft is UNSET and isinstance(snap.ac, list):
        acs = snap.ac
    else:
        return None  # the object path names what is wrong
    if type(snap.now) is int and abs(snap.now) >= 1 << 64:
        return None  # orjson reads such a number as a float: let it (the error message quotes the value)
    return {"now": snap.now, "aircraft": acs}


def column(acs: list[Aircraft], name: str) -> list[Any]:
    """One field of every aircraft, as the object path's ``dict.get`` gives it (``lastPosition`` as dicts)."""
    values = list(map(_GET[name], acs))
    if name != "lastPosition":
        return values
    arr = np.fromiter(values, dtype=object, count=len(values))
    present = np.flatnonzero(np.asarray(arr != None, dtype=bool))  # noqa: E711 - elementwise on objects
    if present.size:  # sparse: aircraft that went dark
        arr[present] = list(map(msgspec.structs.asdict, arr[present]))
    return list(arr)


def numbers(values: list[float | None]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`liftwatch.io.json_columns.numeric` for a typed column: every value a finite float or None
    (msgspec refuses NaN, Infinity and numbers beyond float64), so nothing is bad and no type is checked."""
    arr = pa.array(values, pa.float64())
    vals = np.asarray(arr.to_numpy(zero_copy_only=False), dtype=np.float64)  # NaN where null
    ok = ~np.asarray(arr.is_null().to_numpy(zero_copy_only=False), dtype=bool)
    return vals, ok, np.zeros(len(values), dtype=bool)


def strings(values: list[str | None]) -> tuple[pl.Series, np.ndarray]:
    """:func:`liftwatch.io.json_columns.strings` for a typed column: strings or None, nothing bad."""
    return pl.Series(values=values, dtype=pl.String), np.zeros(len(values), dtype=bool)


def snapshot_columns(lists: list[list[Any]], keys: Sequence[str]) -> tuple[np.ndarray, dict[str, list[Any]], bool]:
    """(is a JSON object, {field: value per aircraft}, all typed) over several snapshots' aircraft lists.

    Typed snapshots (:mod:`liftwatch.io.aircraft_typed`) give their fields by attribute, parsed ones by
    ``dict.get``; both in C-level ``map`` passes, one per field.
    """
    col: dict[str, list[Any]] = {k: [] for k in keys}
    flags: list[np.ndarray] = []
    typed = True
    for acs in lists:
        if not acs:
            continue
        if type(acs[0]) is Aircraft:  # a typed list holds nothing else
            flags.append(np.ones(len(acs), dtype=bool))
            for k in keys:
                col[k] += column(acs, k)
            continue
        typed = False
        is_dict = jc.type_is(jc.types_of(acs), dict)
        rows = acs if is_dict.all() else [a if type(a) is dict else {} for a in acs]  # hostile input only
        flags.append(is_dict)
        for k in keys:
            col[k] += map(methodcaller("get", k), rows)
    return np.concatenate(flags) if flags else np.zeros(0, dtype=bool), col, typed
