"""Aircraft types (keyed by ICAO designator) and ship classes with payload/capacity, speed and range.

Figures come from ``data/kb/aircraft_types.csv`` / ``ship_classes.csv``; each row cites where the figure is from.
``payload_typical_t`` and ``payload_low_t`` are planning assumptions (documented as such in the source column),
used by the simulator and by analytics to turn counted flights into tonnage ranges. ``aliases`` are the other names
reporting gives a type beside its designation (popular names, derivatives filed under the same designator:
"Stratotanker", "MRTT" and "KC-30A" for the A332, "KC-10" for the DC10, Cyrillic and Arabic spellings); the
claim extractor reads them (:mod:`liftwatch.claims.types`).
"""

from __future__ import annotations

from functools import cache

import polars as pl

from liftwatch.errors import KnowledgeBaseError
from liftwatch.kb._data import data_path, opt_float, read_csv

AIRCRAFT_CATEGORIES = ("cargo", "airliner", "bizjet", "military_other")
_NUMERIC = ("payload_max_t", "payload_typical_t", "payload_low_t", "cruise_kt", "max_kt", "range_km")


@cache
def aircraft_types() -> pl.DataFrame:
    """One row per ICAO type designator: type_code, name, category, payload_max_t, payload_typical_t,
    payload_low_t, cruise_kt, max_kt, range_km, variants, aliases (list; ``|``-separated in the file), source."""
    path = data_path("aircraft_types.csv")
    rows = read_csv("aircraft_types.csv")
    cols: dict[str, list[object]] = {
        k: [] for k in ("type_code", "name", "category", *_NUMERIC, "variants", "aliases", "source")
    }
    seen: set[str] = set()
    for i, row in enumerate(rows, start=2):
        where = f"{path}:{i}"
        code = row["type_code"].strip().upper()
        if not code or code in seen:
            raise KnowledgeBaseError(f"{where}: empty or duplicate type_code {code!r}")
        seen.add(code)
        if row["category"] not in AIRCRAFT_CATEGORIES:
            raise KnowledgeBaseError(f"{where}: category {row['category']!r} not in {AIRCRAFT_CATEGORIES}")
        nums = {k: opt_float(row[k], f"{where} ({k})") for k in _NUMERIC}
        mx, ty, lo = nums["payload_max_t"], nums["payload_typical_t"], nums["payload_low_t"]
        if mx is not None and ty is not None and lo is not None and not lo <= ty <= mx:
            raise KnowledgeBaseError(f"{where}: payloads must satisfy low <= typical <= max")
        if not row["source"].strip():
            raise KnowledgeBaseError(f"{where}: source is required")
        cols["type_code"].append(code)
        cols["name"].append(row["name"].strip())
        cols["category"].append(row["category"])
        for k in _NUMERIC:
            cols[k].append(nums[k])
        cols["variants"].append(row["variants"].strip() or None)
        aliases = [a.strip() for a in (row.get("aliases") or "").split("|") if a.strip()]
        if len(set(aliases)) != len(aliases):
            raise KnowledgeBaseError(f"{where}: duplicate alias in {row['aliases']!r}")
        cols["aliases"].append(aliases)
        cols["source"].append(row["source"].strip())
    schema: dict[str, pl.DataType | type[pl.DataType]] = {
        "type_code": pl.String,
        "name": pl.String,
        "category": pl.String,
        **{k: pl.Float64 for k in _NUMERIC},
        "variants": pl.String,
        "aliases": pl.List(pl.String),
        "source": pl.String,
    }
    return pl.DataFrame(cols, schema=schema)


def aircraft_type(type_code: str) -> dict[str, object] | None:
    """The row for one designator as a dict, or None if unknown."""
    frame = aircraft_types().filter(pl.col("type_code") == type_code.strip().upper())
    return frame.row(0, named=True) if frame.height else None


@cache
def ship_classes() -> pl.DataFrame:
    """Ship classes: class_id, name, kind, capacity_t, capacity_note, speed_kn, length_m, flag, source."""
    path = data_path("ship_classes.csv")
    rows = read_csv("ship_classes.csv")
    out = []
    for i, row in enumerate(rows, start=2):
        where = f"{path}:{i}"
        if not row["source"].strip():
            raise KnowledgeBaseError(f"{where}: source is required")
        out.append(
            {
                "class_id": row["class_id"].strip(),
                "name": row["name"].strip(),
                "kind": row["kind"].strip(),
                "capacity_t": opt_float(row["capacity_t"], where),
                "capacity_note": row["capacity_note"].strip() or None,
                "speed_kn": opt_float(row["speed_kn"], where),
                "length_m": opt_float(row["length_m"], where),
                "flag": row["flag"].strip() or None,
                "source": row["source"].strip(),
            }
        )
    return pl.DataFrame(out)
