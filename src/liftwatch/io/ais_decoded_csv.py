"""Reader for decoded-AIS CSV in the Spire style: one row per AIS message, one column per message field.

Satellite and terrestrial AIS providers (Spire's historical "decoded" CSV, and the archives built from it such
as AISdb's) ship messages already decoded: ``MMSI,Message_ID,Repeat_indicator,Time,Millisecond,...,Vessel_Name,
Call_sign,IMO,Ship_Type,...,Destination,...,Navigational_status,ROT,SOG,Accuracy,Longitude,Latitude,COG,Heading,
...`` (about 145 columns; the set varies by provider, only the ones below are needed). ``Time`` is
``YYYYMMDD_HHMMSS`` UTC and ``Millisecond`` its fraction.

Each row is one AIS message, so a row is a position (message types 1, 2, 3, 18, 19, 27), a static/voyage report
(5, 24; type 19 is both), or another message (base station, safety text, binary...), which is counted as
"not a position message". Static reports join the positions of the same MMSI as of their time, as for NMEA logs
(:mod:`liftwatch.io.ais_static`); :func:`read_static` returns them with the declared destination. AIS
"not available" values (longitude 181, latitude 91, heading 511, SOG 102.3, COG 360) become nulls.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime

import numpy as np
import polars as pl
import pyarrow as pa

from liftwatch.errors import UnreadableFileError
from liftwatch.io.ais_static import attach_static, conform_static, empty_static, latest_static
from liftwatch.io.base import DEFAULT_BATCH_ROWS, RejectLog
from liftwatch.io.textchunks import chunk_bytes_for, head_bytes, iter_chunks, parse_chunk
from liftwatch.schema import conform

FORMAT = "ais_decoded_csv"
SOURCE = "ais"
REQUIRED = ("MMSI", "Message_ID", "Time", "Longitude", "Latitude")
OPTIONAL = (
    "Millisecond",
    "Vessel_Name",
    "Call_sign",
    "IMO",
    "Ship_Type",
    "Dimension_to_Bow",
    "Dimension_to_stern",
    "Dimension_to_port",
    "Dimension_to_starboard",
    "Draught",
    "Destination",
    "Navigational_status",
    "SOG",
    "COG",
    "Heading",
)
POSITION_TYPES = (1, 2, 3, 18, 19, 27)
STATIC_TYPES = (5, 19, 24)
STATIC_ROW = "ignored AIS static/voyage report (not a position message; identity joined to positions)"
_TS_MIN = datetime(2000, 1, 1, tzinfo=UTC)
_TS_MAX = datetime(2100, 1, 1, tzinfo=UTC)


def _header(head: bytes) -> list[str]:
    first = head.lstrip(b"\xef\xbb\xbf").split(b"\n", 1)[0].decode("utf-8", "replace").strip("\r ")
    return [c.strip().strip('"') for c in first.split(",")]


def sniff(head: bytes, path: str) -> bool:
    """True when the header names the decoded-message columns (MMSI, Message_ID, Time, Longitude, Latitude)."""
    return set(REQUIRED) <= set(_header(head))


def read(path: str, rejects: RejectLog, batch_rows: int = DEFAULT_BATCH_ROWS) -> Iterator[pa.Table]:
    """Stream canonical sea points, one per position message, in file order."""
    for points, _ in _frames(path, rejects, batch_rows):
        if points.height:
            yield conform(points)


def read_static(path: str, rejects: RejectLog | None = None) -> pl.DataFrame:
    """The file's static/voyage reports (one row per report, :data:`ais_static.STATIC_SCHEMA`)."""
    frames = [st for _, st in _frames(path, rejects or RejectLog(), DEFAULT_BATCH_ROWS)]
    return pl.concat(frames) if frames else empty_static()


def _frames(path: str, rejects: RejectLog, batch_rows: int) -> Iterator[tuple[pl.DataFrame, pl.DataFrame]]:
    p = os.fspath(path)
    if os.path.isdir(p):
        raise UnreadableFileError(p, "is a directory, not a decoded AIS CSV")
    head = head_bytes(p)
    if not head.strip():
        return
    if not sniff(head, p):
        raise UnreadableFileError(p, f"not a decoded AIS CSV (header lacks {', '.join(REQUIRED)})")
    names = _header(head)
    include = [c for c in (*REQUIRED, *OPTIONAL) if c in names]
    if len(set(names)) != len(names):
        raise UnreadableFileError(p, "decoded AIS CSV header repeats a column name")
    known = latest_static(empty_static())
    for chunk in iter_chunks(p, chunk_bytes_for(batch_rows, head), rejects):
        parsed = parse_chunk(chunk, names, dict.fromkeys(names, pa.string()), include)
        for ln in parsed.invalid_lines:
            rejects.add(p, f"line {ln}", "wrong number of fields")
        raw = pl.from_arrow(parsed.table)
        assert isinstance(raw, pl.DataFrame)
        raw = raw.with_columns(pl.Series("_line", parsed.lines, dtype=pl.Int64)).filter(pl.col("_line") != 1)
        for c in OPTIONAL:
            if c not in raw.columns:
                raw = raw.with_columns(pl.lit(None, dtype=pl.String).alias(c))
        points, static = _convert(p, raw, rejects)
        both = pl.concat([known, static]) if static.height else known
        known = latest_static(both) if static.height else known
        yield attach_static(points, both), static


def _num(name: str) -> pl.Expr:
    return pl.col(name).str.strip_chars().cast(pl.Float64, strict=False)


def _reject_mask(rejects: RejectLog, path: str, df: pl.DataFrame, mask: np.ndarray, reason: str) -> None:
    if mask.any():
        lines = df["_line"].filter(pl.Series(mask)).head(rejects.max_samples)
        rejects.add_many(path, (f"line {ln}" for ln in lines), reason, int(mask.sum()))


def _convert(path: str, raw: pl.DataFrame, rejects: RejectLog) -> tuple[pl.DataFrame, pl.DataFrame]:
    time = pl.col("Time").str.strip_chars().str.to_datetime("%Y%m%d_%H%M%S", strict=False, time_unit="us")
    ms = pl.col("Millisecond").str.strip_chars().cast(pl.Int64, strict=False).fill_null(0)
    df = raw.select(
        "_line",
        pl.col("MMSI").str.strip_chars().alias("mmsi"),
        pl.col("Message_ID").str.strip_chars().cast(pl.Int64, strict=False).alias("mtype"),
        (time.dt.replace_time_zone("UTC") + pl.duration(milliseconds=ms.clip(0, 999))).alias("ts"),
        _num("Latitude").alias("lat"),
        _num("Longitude").alias("lon"),
        _num("SOG").alias("sog"),
        _num("COG").alias("cog"),
        _num("Heading").alias("heading"),
        pl.col("Navigational_status").str.strip_chars().cast(pl.Int64, strict=False).alias("status"),
        *[pl.col(c) for c in OPTIONAL if c not in ("Millisecond", "SOG", "COG", "Heading", "Navigational_status")],
    )
    mmsi_ok = df["mmsi"].str.contains(r"^\d{1,9}$").fill_null(False) & (df["mmsi"] != "0")
    known_type = df["mtype"].is_between(1, 27).fill_null(False)
    checks = [
        (~known_type, "bad or missing AIS message type"),
        (~mmsi_ok, "bad MMSI"),
        (df["ts"].is_null(), "bad or missing timestamp"),
        ((df["ts"] < _TS_MIN) | (df["ts"] >= _TS_MAX), "timestamp outside 2000-01-01 .. 2100-01-01"),
    ]
    bad = np.zeros(df.height, dtype=bool)
    for mask, reason in checks:
        m = mask.fill_null(False).to_numpy() & ~bad
        _reject_mask(rejects, path, df, m, reason)
        bad |= m
    df = df.filter(pl.Series(~bad))
    is_pos = df["mtype"].is_in(POSITION_TYPES).to_numpy()
    is_static = df["mtype"].is_in(STATIC_TYPES).to_numpy()
    if (is_static & ~is_pos).any():
        rejects.add_many(path, [], STATIC_ROW, int((is_static & ~is_pos).sum()))
    for (t,), grp in df.filter(pl.Series(~is_pos & ~is_static)).group_by("mtype"):
        rejects.add_many(path, [], f"ignored AIS message type {t} (not a position message)", grp.height)
    static = _static(df.filter(pl.Series(is_static)))
    pos = df.filter(pl.Series(is_pos))
    na = (pl.col("lat").abs() == 91) | (pl.col("lon").abs() == 181) | pl.col("lat").is_null() | pl.col("lon").is_null()
    out_of_range = ~na & ((pl.col("lat").abs() > 90) | (pl.col("lon").abs() > 180) | pl.col("lat").is_nan())
    oor = pos.select(out_of_range.fill_null(False)).to_series().to_numpy()
    _reject_mask(rejects, path, pos, oor, "position out of range")
    pos = pos.filter(pl.Series(~oor))
    points = pos.select(
        pl.lit(SOURCE).alias("source"),
        pl.lit("sea").alias("domain"),
        pl.col("mmsi").str.zfill(9).alias("asset_id"),
        "ts",
        pl.when(na).then(None).otherwise(pl.col("lat")).alias("lat"),
        pl.when(na).then(None).otherwise(pl.col("lon")).alias("lon"),
        pl.when((pl.col("sog") >= 102.3) | (pl.col("sog") < 0)).then(None).otherwise(pl.col("sog")).alias("gs_kt"),
        pl.when((pl.col("cog") >= 360) | (pl.col("cog") < 0)).then(None).otherwise(pl.col("cog")).alias("track_deg"),
        pl.when((pl.col("heading") >= 360) | (pl.col("heading") < 0))
        .then(None)
        .otherwise(pl.col("heading"))
        .alias("heading_deg"),
        pl.col("status").is_in([1, 5]).fill_null(False).alias("on_ground"),  # at anchor / moored
        pl.lit(None, dtype=pl.String).alias("callsign"),
        pl.lit(None, dtype=pl.String).alias("registration"),
        pl.lit(None, dtype=pl.String).alias("type_code"),
    )
    return points, static


def _static(df: pl.DataFrame) -> pl.DataFrame:
    if df.height == 0:
        return empty_static()
    st = df.select(
        pl.col("mmsi").str.zfill(9).alias("asset_id"),
        "ts",
        pl.col("Vessel_Name").alias("name"),
        pl.col("IMO").alias("imo"),
        pl.col("Call_sign").alias("callsign"),
        pl.col("Ship_Type").str.strip_chars().alias("ship_type"),
        pl.col("Dimension_to_Bow").cast(pl.Int32, strict=False).alias("to_bow"),
        pl.col("Dimension_to_stern").cast(pl.Int32, strict=False).alias("to_stern"),
        pl.col("Dimension_to_port").cast(pl.Int32, strict=False).alias("to_port"),
        pl.col("Dimension_to_starboard").cast(pl.Int32, strict=False).alias("to_starboard"),
        (pl.col("Draught").cast(pl.Float64, strict=False) / 10.0).alias("draught"),  # 1/10 m as in the message
        pl.col("Destination").alias("destination"),
    )
    return conform_static(st)
