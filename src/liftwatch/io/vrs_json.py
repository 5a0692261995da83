"""Virtual Radar Server ``AircraftList.json`` snapshots: ``{"src": 1, "feeds": [...], "acList": [{...}, ...]}``.

What Virtual Radar Server answers and what ADS-B Exchange served and archived from 2016 to 2019: one snapshot a
minute of every aircraft the network heard, the years of the Russian airlift to Syria. Each aircraft entry has
``Icao`` (hex address), ``Lat``/``Long`` with ``PosTime`` (the position's time, Unix ms), ``Alt`` (barometric
feet), ``Spd`` (knots; ground speed when ``SpdTyp`` is 0 or absent), ``Trak`` (track, or heading when ``TrkH``),
``Vsi`` (ft/min; geometric when ``VsiT`` is 1), ``Gnd``, ``Mlat``, ``Tisb``, ``Call``, ``Sqk``, ``Reg`` and
``Type``. One point per aircraft with a position; an aircraft heard without one in that snapshot is counted as
ignored. ``GAlt`` is the barometric altitude corrected for the local pressure, not a GNSS altitude, so it fills
no column; the short trails (``Cos``/``Cot``) are not read (the next snapshots carry the same positions).

Parsed by orjson (a salvaging parser keeps the entries before a cut or damage); the entries are turned into
columns by Polars in one call. Only a document holding a wrong-typed value (a string where a number belongs)
takes a slower pass that rejects exactly the entries carrying one.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io import readsb_common as rc
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog
from liftwatch.schema import PointFlag, conform

FORMAT = "vrs_json"
SOURCE = "vrs"

FIELDS: dict[str, Any] = {
    "Icao": pl.String,
    "Lat": pl.Float64,
    "Long": pl.Float64,
    "PosTime": pl.Float64,
    "Alt": pl.Float64,
    "Spd": pl.Float64,
    "SpdTyp": pl.Float64,
    "Trak": pl.Float64,
    "TrkH": pl.Boolean,
    "Vsi": pl.Float64,
    "VsiT": pl.Float64,
    "Gnd": pl.Boolean,
    "Mlat": pl.Boolean,
    "Tisb": pl.Boolean,
    "Call": pl.String,
    "Sqk": pl.String,
    "Reg": pl.String,
    "Type": pl.String,
}
_PY_TYPES = {pl.String: (str,), pl.Float64: (int, float), pl.Boolean: (bool,)}
_MS_MIN, _MS_MAX = 946_684_800_000.0, 4_102_444_800_000.0  # 2000-01-01 .. 2100-01-01


def sniff(head: bytes, path: str) -> bool:
    h = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return h.startswith(b"{") and b'"acList"' in h


def read(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Stream canonical points from one snapshot file."""
    p = os.fspath(path)
    if os.path.isdir(p):
        raise UnreadableFileError(p, "is a directory, not a Virtual Radar Server snapshot")
    raw, note = rc.decompress_salvaging(p)
    doc, _ = rc.parse_document_clean(raw, note, p, "acList", "}", rejects)
    entries = doc.get("acList")
    if not isinstance(entries, list):
        raise UnreadableFileError(p, "no acList array of aircraft in the document")
    frame = _frame(entries, p, rejects)
    table = conform(_convert(frame, p, rejects))
    for start in range(0, max(table.num_rows, 1), batch_rows):
        part = table.slice(start, batch_rows)
        if part.num_rows:
            yield part


def _frame(entries: list[Any], path: str, rejects: RejectLog) -> pl.DataFrame:
    """The entries' fields as typed columns (entry index in ``_entry``); wrong-typed entries rejected."""
    try:
        df = pl.from_dicts(entries, schema=FIELDS) if entries else pl.DataFrame(schema=FIELDS)
        return df.with_row_index("_entry")
    except (pl.exceptions.ComputeError, TypeError, ValueError, OverflowError, pl.exceptions.PolarsError):
        pass
    ok = np.fromiter((_well_typed(e) for e in entries), dtype=bool, count=len(entries))
    bad = np.flatnonzero(~ok)
    rejects.add_many(path, (f"aircraft {i}" for i in bad), "aircraft entry with a wrong-typed field", int(bad.size))
    kept = [e for e, good in zip(entries, ok, strict=True) if good]
    df = pl.from_dicts(kept, schema=FIELDS) if kept else pl.DataFrame(schema=FIELDS)
    return df.with_columns(pl.Series("_entry", np.flatnonzero(ok), dtype=pl.UInt32)).select("_entry", *FIELDS)


def _well_typed(entry: Any) -> bool:
    """An entry is a JSON object whose used fields are null or of their type (booleans are not numbers)."""
    if type(entry) is not dict:
        return False
    for name, dtype in FIELDS.items():
        v = entry.get(name)
        if v is None:
            continue
        if type(v) is bool and dtype is not pl.Boolean:
            return False
        if not isinstance(v, _PY_TYPES[dtype]):
            return False
        if type(v) is int and not -(1 << 53) <= v <= 1 << 53:
            return False
    return True


def _convert(df: pl.DataFrame, path: str, rejects: RejectLog) -> pl.DataFrame:
    no_pos = df["Lat"].is_null() | df["Long"].is_null() | df["PosTime"].is_null()
    if no_pos.any():
        rejects.add_many(path, [], "ignored aircraft without a position in the snapshot", int(no_pos.sum()))
    df = df.filter(~no_pos).with_columns(pl.col("Icao").str.strip_chars().str.to_lowercase().alias("asset_id"))
    checks = [
        (~df["asset_id"].str.contains(r"^[0-9a-f]{6}$").fill_null(False), "bad ICAO address"),
        (~df["PosTime"].is_between(_MS_MIN, _MS_MAX), "position time outside 2000-01-01 .. 2100-01-01"),
        (~df["Lat"].is_between(-90.0, 90.0) | ~df["Long"].is_between(-180.0, 180.0), "position out of range"),
    ]
    bad = np.zeros(df.height, dtype=bool)
    for mask, reason in checks:
        m = mask.fill_null(True).to_numpy() & ~bad
        if m.any():
            where = (f"aircraft {i}" for i in df["_entry"].filter(pl.Series(m)).head(rejects.max_samples))
            rejects.add_many(path, where, reason, int(m.sum()))
        bad |= m
    df = df.filter(pl.Series(~bad))
    ground = pl.col("Gnd").fill_null(False)
    heading = pl.col("TrkH").fill_null(False)
    flags = (
        pl.when(pl.col("VsiT") == 1).then(int(PointFlag.VRATE_GEOM)).otherwise(0)
        + pl.when(pl.col("Mlat").fill_null(False)).then(int(PointFlag.MLAT)).otherwise(0)
        + pl.when(pl.col("Tisb").fill_null(False)).then(int(PointFlag.TISB)).otherwise(0)
    )
    call = pl.col("Call").str.strip_chars().str.to_uppercase()
    return df.select(
        pl.lit(SOURCE).alias("source"),
        pl.lit("air").alias("domain"),
        "asset_id",
        (pl.col("PosTime").round(0).cast(pl.Int64) * 1000).cast(pl.Datetime("us", "UTC")).alias("ts"),
        pl.col("Lat").alias("lat"),
        pl.col("Long").alias("lon"),
        pl.when(ground).then(None).otherwise(pl.col("Alt")).alias("alt_baro_ft"),
        pl.lit(None, dtype=pl.Float64).alias("alt_geom_ft"),
        pl.when(pl.col("SpdTyp").fill_null(0) == 0).then(pl.col("Spd")).otherwise(None).alias("gs_kt"),
        pl.when(heading).then(None).otherwise(pl.col("Trak")).alias("track_deg"),
        pl.col("Vsi").alias("vrate_fpm"),
        pl.when(heading).then(pl.col("Trak")).otherwise(None).alias("heading_deg"),
        ground.alias("on_ground"),
        pl.when(call == "").then(None).otherwise(call).alias("callsign"),
        pl.when(pl.col("Sqk").str.contains(r"^[0-7]{4}$")).then(pl.col("Sqk")).otherwise(None).alias("squawk"),
        flags.cast(pl.UInt16).alias("flags"),
        pl.col("Reg").str.strip_chars().alias("registration"),
        pl.col("Type").str.strip_chars().str.to_uppercase().alias("type_code"),
    )
