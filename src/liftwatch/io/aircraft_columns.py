"""The per-aircraft fields of ``aircraft.json`` snapshots as columns: what the reader's checks work on.

:func:`from_objects` fills :class:`Columns` on the pure-Python path (typed msgspec structs or orjson dicts, pulled
out with C-level ``map``); :func:`liftwatch.io.aircraft_json.convert` turns them into points. The C accelerator
(:mod:`liftwatch.io.aircraft_native`) applies the same rules per aircraft and gives its points directly. Both
hand over a :class:`RunRows` per run of snapshots; every rule is decided per aircraft, so a batch mixing runs of
both kinds is their concatenation, in snapshot order, and what comes after (rejects, freshness) cannot tell
them apart.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from itertools import compress, repeat
from operator import contains, methodcaller
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.io import aircraft_typed, readsb_objects
from liftwatch.io import json_columns as jc

_NONE = type(None)
_KEYS = aircraft_typed.FIELDS  # the fields both paths read, in one list
# dump1090 before readsb's field split (dump1090-mutability, dump1090-fa < 3.7): one altitude (barometric or
# "ground"), one speed (ground speed) and one vertical rate (barometric) under the old names. A current key wins.
OLD_KEYS = (("alt_baro", "altitude"), ("gs", "speed"), ("baro_rate", "vert_rate"))


@dataclass
class RunRows:
    """A run of snapshots as points: the kept rows (canonical point table, in order), their position ages (for
    freshness), their asset codes when the producer has them (else None), and per aircraft of the run the reason
    it was rejected (0 = kept, else the number of the reader's check, ``aircraft_json.REASONS``)."""

    table: pa.Table
    age: np.ndarray
    codes: np.ndarray | None
    reasons: np.ndarray


@dataclass
class Columns:
    """Per aircraft: value arrays (NaN = null, absent or bad), ``*_ok`` = a usable value, ``*_bad`` = a value of
    the wrong type; strings as Polars series (null = null, absent or not a string); ``lp_*`` = the usable
    ``lastPosition`` (``lp_valid``); ``mlat_lat``/``tisb_lat`` = the field list names ``lat``."""

    is_dict: np.ndarray
    hex: pl.Series
    hex_bad: np.ndarray
    flight: pl.Series
    flight_bad: np.ndarray
    squawk: pl.Series
    reg: pl.Series
    typ: pl.Series
    atype: pl.Series
    lat: np.ndarray
    lat_ok: np.ndarray
    lat_bad: np.ndarray
    lon: np.ndarray
    lon_ok: np.ndarray
    lon_bad: np.ndarray
    ground: np.ndarray
    alt_str_bad: np.ndarray
    alt: np.ndarray
    alt_ok: np.ndarray
    alt_bad: np.ndarray
    galt: np.ndarray
    galt_ok: np.ndarray
    galt_bad: np.ndarray
    gs: np.ndarray
    gs_bad: np.ndarray
    trk: np.ndarray
    trk_bad: np.ndarray
    brate: np.ndarray
    brate_ok: np.ndarray
    brate_bad: np.ndarray
    grate: np.ndarray
    grate_bad: np.ndarray
    thdg: np.ndarray
    thdg_ok: np.ndarray
    thdg_bad: np.ndarray
    mhdg: np.ndarray
    mhdg_bad: np.ndarray
    seen_pos: np.ndarray
    seen_pos_ok: np.ndarray
    seen_pos_bad: np.ndarray
    seen: np.ndarray
    seen_ok: np.ndarray
    seen_bad: np.ndarray
    lp_lat: np.ndarray
    lp_lon: np.ndarray
    lp_age: np.ndarray
    lp_valid: np.ndarray
    mlat_lat: np.ndarray
    tisb_lat: np.ndarray


def concat(parts: list[Columns]) -> Columns:
    """Several runs' columns, one after the other."""
    if len(parts) == 1:
        return parts[0]
    out: dict[str, Any] = {}
    for f in fields(Columns):
        vals = [getattr(p, f.name) for p in parts]
        out[f.name] = pl.concat(vals, rechunk=True) if isinstance(vals[0], pl.Series) else np.concatenate(vals)
    return Columns(**out)


def from_objects(lists: list[list[Any]], clean: bool) -> Columns:
    """The columns of several snapshots' aircraft lists (typed structs or parsed JSON values)."""
    try:
        return _from_objects(lists, clean)
    except UnicodeEncodeError:  # hostile input only: clean the values one by one, then the same conversion
        return _from_objects([[_sane(a) for a in acs] for acs in lists], clean)


def _from_objects(lists: list[list[Any]], clean: bool) -> Columns:
    n = sum(len(a) for a in lists)
    is_dict, col, typed = aircraft_typed.snapshot_columns(lists, _KEYS)

    def num(values: list[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return aircraft_typed.numbers(values) if typed else readsb_objects.numeric_fast(values, clean)

    def text(values: list[Any]) -> tuple[pl.Series, np.ndarray]:
        return aircraft_typed.strings(values) if typed else jc.strings(values)

    for new, old in OLD_KEYS:
        col[new] = _fallback(col[new], col[old])

    hexs, hex_bad = text(col["hex"])
    lat, lat_ok, lat_bad = num(col["lat"])
    lon, lon_ok, lon_bad = num(col["lon"])
    ground, alt_str_bad, alt, alt_ok, alt_bad = readsb_objects.altitude(col["alt_baro"], n, clean)
    galt, galt_ok, galt_bad = num(col["alt_geom"])
    gs, _, gs_bad = num(col["gs"])
    trk, _, trk_bad = num(col["track"])
    brate, brate_ok, brate_bad = num(col["baro_rate"])
    grate, _, grate_bad = num(col["geom_rate"])
    thdg, thdg_ok, thdg_bad = num(col["true_heading"])
    mhdg, _, mhdg_bad = num(col["mag_heading"])
    seen_pos, seen_pos_ok, seen_pos_bad = num(col["seen_pos"])
    seen, seen_ok, seen_bad = num(col["seen"])
    flight, flight_bad = text(col["flight"])
    lp_lat, lp_lon, lp_age, lp_valid = _last_position(col["lastPosition"])
    return Columns(
        is_dict=is_dict,
        hex=hexs,
        hex_bad=hex_bad,
        flight=flight,
        flight_bad=flight_bad,
        squawk=text(col["squawk"])[0],
        reg=text(col["r"])[0],
        typ=text(col["t"])[0],
        atype=text(col["type"])[0],
        lat=lat,
        lat_ok=lat_ok,
        lat_bad=lat_bad,
        lon=lon,
        lon_ok=lon_ok,
        lon_bad=lon_bad,
        ground=ground,
        alt_str_bad=alt_str_bad,
        alt=alt,
        alt_ok=alt_ok,
        alt_bad=alt_bad,
        galt=galt,
        galt_ok=galt_ok,
        galt_bad=galt_bad,
        gs=gs,
        gs_bad=gs_bad,
        trk=trk,
        trk_bad=trk_bad,
        brate=brate,
        brate_ok=brate_ok,
        brate_bad=brate_bad,
        grate=grate,
        grate_bad=grate_bad,
        thdg=thdg,
        thdg_ok=thdg_ok,
        thdg_bad=thdg_bad,
        mhdg=mhdg,
        mhdg_bad=mhdg_bad,
        seen_pos=seen_pos,
        seen_pos_ok=seen_pos_ok,
        seen_pos_bad=seen_pos_bad,
        seen=seen,
        seen_ok=seen_ok,
        seen_bad=seen_bad,
        lp_lat=lp_lat,
        lp_lon=lp_lon,
        lp_age=lp_age,
        lp_valid=lp_valid,
        mlat_lat=_lists_contain(col["mlat"], "lat"),
        tisb_lat=_lists_contain(col["tisb"], "lat"),
    )


def _sane(value: Any) -> Any:
    """A string Arrow cannot hold (a lone surrogate: the salvage parser lets ``"\\ud800"`` through) becomes a value
    of the wrong type for every field (an empty list), inside ``lastPosition`` too; everything else is kept."""
    if type(value) is str:
        return value if jc.utf8_encodable(value) else []
    if type(value) is dict:
        return {k: _sane(v) for k, v in value.items()}
    return value


def _fallback(current: list[Any], old: list[Any]) -> list[Any]:
    """``current`` where present, else the old-named key's value (vectorised over object arrays)."""
    missing = jc.type_is(jc.types_of(current), _NONE)
    if not missing.any() or jc.type_is(jc.types_of(old), _NONE).all():
        return current
    n = len(current)
    merged = np.where(missing, np.fromiter(old, object, n), np.fromiter(current, object, n))
    return list(merged)


def _lists_contain(values: list[Any], item: str) -> np.ndarray:
    """True where the value is a JSON list containing ``item`` (readsb's mlat/tisb field lists); ``in`` via C map."""
    is_list = jc.type_is(jc.types_of(values), list)
    out = np.zeros(len(values), dtype=bool)
    m = int(is_list.sum())
    if m:
        out[is_list] = np.fromiter(map(contains, compress(values, is_list), repeat(item)), dtype=bool, count=m)
    return out


def _last_position(values: list[Any]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(lat, lon, seen_pos, valid) from readsb's ``lastPosition`` objects; only the sparse present ones are read."""
    n = len(values)
    lat, lon, age = np.full(n, np.nan), np.full(n, np.nan), np.full(n, np.nan)
    valid = np.zeros(n, dtype=bool)
    is_obj = jc.type_is(jc.types_of(values), dict)
    if is_obj.any():
        sub = list(compress(values, is_obj))
        la, la_ok, _ = jc.numeric(list(map(methodcaller("get", "lat"), sub)))
        lo, lo_ok, _ = jc.numeric(list(map(methodcaller("get", "lon"), sub)))
        sp, sp_ok, _ = jc.numeric(list(map(methodcaller("get", "seen_pos"), sub)))
        lat[is_obj], lon[is_obj], age[is_obj], valid[is_obj] = la, lo, sp, last_position_ok(la, lo, sp)
        valid[is_obj] &= la_ok & lo_ok & sp_ok
    return lat, lon, age, valid


def last_position_ok(lat: np.ndarray, lon: np.ndarray, age: np.ndarray) -> np.ndarray:
    """A ``lastPosition`` the reader uses: in range and at most a day old (NaN compares False: absent = unusable)."""
    with np.errstate(invalid="ignore"):
        ok: np.ndarray = (np.abs(lat) <= 90) & (np.abs(lon) <= 180) & (age >= 0) & (age <= 86_400)
    return ok
